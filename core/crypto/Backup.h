#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "store/Database.h"
#include "util/Result.h"

namespace warmpath {

/// The one message every unreadable backup gets: a wrong passphrase and a damaged file are
/// indistinguishable by design (AES-GCM only says "not authentic"), so the user sees one cause.
inline constexpr std::string_view kDamagedBackupMessage = "wrong passphrase or damaged backup";

/// Cost of the scrypt key derivation written into a new backup. Tests lower it; the CLI and
/// the GUI use the defaults (N = 2^15, r = 8, p = 1: 32 MiB and about a tenth of a second).
struct BackupOptions {
    int scryptLogN = 15;
    int scryptR = 8;
    int scryptP = 1;
};

/// What writing a backup produced.
struct BackupSummary {
    std::uint64_t databaseBytes = 0;  ///< size of the snapshot before compression
    std::uint64_t fileBytes = 0;      ///< size of the backup file
};

/// Writes an encrypted backup of `db` to `file` (see docs/formats.md, "Backup file"): a
/// consistent snapshot taken with SQLite's online backup API while the database may be in use,
/// compressed with zlib and encrypted with AES-256-GCM under a key derived from `passphrase`
/// with scrypt. The file appears only when complete (written beside it, then renamed). The
/// snapshot goes through a temporary file beside the database (mode 0600, removed on every way
/// out) and is sealed a chunk at a time: memory stays at a few MB whatever the database's size,
/// and the disk must have room for one more copy of the database meanwhile.
Result<BackupSummary> writeBackup(Database& db, const std::filesystem::path& file, std::string_view passphrase,
                                  const BackupOptions& options = {});

/// Whether a restore may write to `target`: refused when it exists and `force` is false.
Status checkRestoreTarget(const std::filesystem::path& target, bool force);

/// Decrypts the backup in `file` into the database `target`. A wrong passphrase, a truncated
/// file or any changed byte fails with kDamagedBackupMessage and writes nothing. The restored
/// database is written beside `target`, synced and integrity-checked, and only then renamed over
/// it; an existing `target` is replaced only with `force`.
Status restoreBackup(const std::filesystem::path& file, std::string_view passphrase,
                     const std::filesystem::path& target, bool force);

}  // namespace warmpath
