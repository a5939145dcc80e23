#pragma once

#include <string_view>

#include "store/Database.h"
#include "util/Date.h"
#include "util/Result.h"

namespace warmpath {
struct DemoSummary;
}

namespace warmpath::demo {

/// Writes the bundled demo network (format "warmpath-demo", see docs/formats.md) into a
/// database that holds nothing yet but its me person, in one transaction. Dates in the file are
/// offsets from `today`, so the demo's follow-ups are always partly overdue, partly upcoming.
Result<DemoSummary> load(Database& db, std::string_view json, Date today);

}  // namespace warmpath::demo
