#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "import/Format.h"
#include "util/Result.h"

namespace warmpath::import {

/// Streams an XML file through expat with namespaces resolved, so handlers see local names
/// (`node`, whatever namespace URI the writer spelt). Hostile input is refused: any entity
/// declaration stops the parse (no billion laughs), and external entities are never loaded.
class XmlReader {
public:
    using Attributes = std::map<std::string, std::string>;  ///< local name → value

    struct Handlers {
        std::function<void(std::string_view localName, const Attributes&, std::size_t line)> start;
        std::function<void(std::string_view localName, std::string_view text)> end;
        std::function<void(std::uint64_t bytes)> progress;
    };

    /// Parses the file; an Error names the line and column of malformed XML. Handlers may throw
    /// (cancellation); the expat parser is freed either way.
    static Status parse(const ParseInput& input, Handlers handlers);
};

}  // namespace warmpath::import
