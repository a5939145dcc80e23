#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <utility>

#include "store/Database.h"
#include "util/AtomicFile.h"
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

/// A backup decrypted and verified beside the database it restores, not yet in its place: the
/// first half of restoreBackup, for a caller that must first let go of the target (close its own
/// connection to it) and wants to do so only once the passphrase is known to be right.
/// Destroying it without install() removes the decrypted copy.
class DecryptedBackup {
public:
    explicit DecryptedBackup(AtomicFile file) : m_file(std::move(file)) {}

    /// Puts the restored database in place of the target: folds the old database's write-ahead
    /// log into it, removes stale -wal/-shm files, then renames. The target must not be open.
    Status install();
    [[nodiscard]] const std::filesystem::path& target() const { return m_file.target(); }

private:
    AtomicFile m_file;
};

/// Decrypts the backup in `file` beside the database `target` and verifies it (GCM tag,
/// integrity check, Warmpath's application id). A wrong passphrase, a truncated file or any
/// changed byte fails with kDamagedBackupMessage and leaves nothing behind; an existing `target`
/// is refused unless `force`. Nothing is written to `target` itself.
Result<DecryptedBackup> decryptBackup(const std::filesystem::path& file, std::string_view passphrase,
                                      const std::filesystem::path& target, bool force);

/// Decrypts the backup in `file` into the database `target`: decryptBackup() then install().
/// A wrong passphrase, a truncated file or any changed byte fails with kDamagedBackupMessage and
/// writes nothing; an existing `target` is replaced only with `force`.
Status restoreBackup(const std::filesystem::path& file, std::string_view passphrase,
                     const std::filesystem::path& target, bool force);

}  // namespace warmpath
