#pragma once

#include <cstdint>

#include "store/Database.h"

namespace warmpath {

/// A number that changes whenever people or links change (imports, merges, edits of links,
/// undone imports). Anything derived from the graph and kept outside the database, such as the
/// on-disk snapshot cache, records the generation it was built from and is stale once it differs.
[[nodiscard]] std::int64_t graphGeneration(Database& db);

/// Marks the graph as changed. Call inside the transaction that changes people or links, so the
/// new generation commits (or rolls back) together with the change.
void bumpGraphGeneration(Database& db);

}  // namespace warmpath
