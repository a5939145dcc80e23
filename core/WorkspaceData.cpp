// The Workspace's backup, restore and export.

#include "Workspace.h"
#include "graph/SnapshotCache.h"
#include "util/AtomicFile.h"

namespace warmpath {

Result<BackupSummary> Workspace::backup(const std::filesystem::path& file, std::string_view passphrase,
                                        const BackupOptions& options)
{
    std::error_code ec;
    if (std::filesystem::equivalent(file, m_path, ec)) {
        return Error("the backup would overwrite the database itself", file.string());
    }
    // On a read connection: a backup of a big database takes a while, and edits go on meanwhile.
    return reading([&](Database& db) -> Result<BackupSummary> { return writeBackup(db, file, passphrase, options); });
}

Status Workspace::restore(const std::filesystem::path& backupFile, std::string_view passphrase,
                          const std::filesystem::path& target, bool force)
{
    Result<PendingRestore> pending = prepareRestore(backupFile, passphrase, target, force);
    if (!pending) {
        return pending.error();
    }
    return pending->commit();
}

Result<PendingRestore> Workspace::prepareRestore(const std::filesystem::path& backupFile, std::string_view passphrase,
                                                 const std::filesystem::path& target, bool force)
{
    Result<DecryptedBackup> decrypted = decryptBackup(backupFile, passphrase, target, force);
    if (!decrypted) {
        return decrypted.error();
    }
    return PendingRestore(std::move(decrypted).value());
}

Status PendingRestore::commit()
{
    // The graph cache describes the replaced database, and a backup of another database can have the
    // same graph version (generation and largest ids) as this one. It goes first: a failure or a
    // crash after this costs a rebuild, never a wrong graph.
    std::error_code ec;
    std::filesystem::remove(SnapshotCache::pathFor(m_backup.target()), ec);
    if (ec) {
        return Error("cannot remove the graph cache of the database restored over: " + ec.message(),
                     SnapshotCache::pathFor(m_backup.target()).string());
    }
    return m_backup.install();
}

Status Workspace::exportTo(exporting::ExportFormat format, const std::filesystem::path& file, Date today)
{
    const DegreeLookup degrees = degreeLookup();
    Result<std::string> text = reading([&](Database& db) -> Result<std::string> {
        return exporting::render(format, exporting::collectExportData(db, degrees, today));
    });
    if (!text) {
        return text.error();
    }
    Result<AtomicFile> out = AtomicFile::create(file);
    if (!out) {
        return out.error();
    }
    if (Status written = out->write(*text); !written) {
        return written;
    }
    return out->commit();
}

}  // namespace warmpath
