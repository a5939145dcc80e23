#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/Result.h"

namespace warmpath {

/// How a command names a person. The syntax, shared by every CLI command and the GUI:
///   `me`            the me person
///   `#ID`           the internal id (`#42`)
///   `NETWORK:KEY`   an identity (`bsky:ana.bsky.social`, `email:ana@example.com`, `wiki-Vote:30`)
///   anything else   text matching exactly one person's display name
/// Parsing only classifies the text; store/RefResolver turns it into a person.
struct Ref {
    enum class Kind { Me, Id, Identity, Name };

    Kind kind = Kind::Name;
    std::int64_t id = 0;  ///< for Kind::Id
    std::string network;  ///< for Kind::Identity, normalised
    std::string key;      ///< for Kind::Identity, normalised for the network
    std::string text;     ///< the text as given, trimmed

    /// Fails only for text that can name nobody: empty, or `#` followed by something that is not
    /// a positive number.
    static Result<Ref> parse(std::string_view text);
};

}  // namespace warmpath
