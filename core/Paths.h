#pragma once

#include <filesystem>

namespace warmpath {

/// Where the user's database lives when no `--db` is given: `$WARMPATH_DB` if set, else
/// `$XDG_DATA_HOME/warmpath/warmpath.db`, else `~/.local/share/warmpath/warmpath.db`.
[[nodiscard]] std::filesystem::path defaultDatabasePath();

}  // namespace warmpath
