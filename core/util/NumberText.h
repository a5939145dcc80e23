#pragma once

#include <string>

namespace warmpath {

/// `value` as the shortest decimal text that reads back as exactly the same double, as
/// std::to_chars writes it (`0.1`, `0.30000000000000004`, `1e-07`, `2`): what output meant for
/// programs prints (CLI --json, GraphML and GEXF weights), so that a script ranking or comparing
/// values sees the core's own doubles. Infinity and NaN come out as `inf`, `-inf` and `nan`;
/// callers whose format has no such words decide what to write instead.
[[nodiscard]] std::string shortestNumberText(double value);

}  // namespace warmpath
