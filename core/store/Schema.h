#pragma once

#include <span>
#include <string_view>

#include "store/Database.h"
#include "util/Result.h"

namespace warmpath {

/// One step of the schema's history. Versions count up from 1 without gaps; a released
/// migration is never edited, only followed by a new one.
struct Migration {
    int version;
    std::string_view description;
    std::string_view sql;
};

/// `PRAGMA application_id` of every Warmpath database ("WPTH"), so that another program's
/// SQLite file is recognised and refused rather than "upgraded".
inline constexpr int kApplicationId = 0x57505448;

/// The migrations of this build of Warmpath, oldest first.
[[nodiscard]] std::span<const Migration> builtinMigrations();

/// The schema version this build writes (the last built-in migration).
[[nodiscard]] int latestSchemaVersion();

/// The schema version stored in the database (`PRAGMA user_version`), 0 for a new file.
[[nodiscard]] int schemaVersion(Database& db);

/// Brings the database to the last of `migrations`. All pending steps run in one transaction:
/// if any fails, the database is left exactly as it was. Refuses a database written by a newer
/// Warmpath (a version past the last migration) and an SQLite file that belongs to another
/// program.
Status migrate(Database& db, std::span<const Migration> migrations = builtinMigrations());

}  // namespace warmpath
