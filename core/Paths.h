#pragma once

#include <filesystem>

#include "util/Result.h"

namespace warmpath {

/// Where the user's database lives when no `--db` is given: `$WARMPATH_DB` if set, else
/// `$XDG_DATA_HOME/warmpath/warmpath.db`, else `~/.local/share/warmpath/warmpath.db`.
[[nodiscard]] std::filesystem::path defaultDatabasePath();

/// Makes the folder of defaultDatabasePath() ready for a new database, so that a new user's first
/// import works without any set-up: Warmpath's own data folder (`.../warmpath`) and the missing
/// XDG data folders above it are created with mode 0700, as the XDG base directory spec asks.
/// A `$WARMPATH_DB` path is a file the user named, like `--db`: its folder is never created, and
/// this does nothing. Call it only before creating a database, never before reading one.
Status prepareDefaultDatabaseFolder();

}  // namespace warmpath
