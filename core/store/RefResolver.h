#pragma once

#include <string>

#include "model/PersonId.h"
#include "model/Ref.h"
#include "store/Database.h"
#include "util/Result.h"

namespace warmpath {

/// Turns a REF (model/Ref.h) into the one person it names, or explains why it cannot:
/// nobody matches, or (for display names) several people do, listed so the user can pick one.
class RefResolver {
public:
    explicit RefResolver(Database& db) : m_db(db) {}

    Result<PersonId> resolve(const Ref& ref);
    Result<PersonId> resolve(std::string_view text);

    /// The REF that names this person best, for output that scripts feed back in: `me`, the
    /// person's most recognisable identity (`linkedin:...`, `bsky:...`, ...), else `#ID`.
    [[nodiscard]] std::string canonicalRef(PersonId person);

private:
    Result<PersonId> resolveName(const Ref& ref);

    Database& m_db;
};

}  // namespace warmpath
