// The Workspace's backup, restore and export.

#include "Workspace.h"
#include "util/AtomicFile.h"

namespace warmpath {

Result<BackupSummary> Workspace::backup(const std::filesystem::path& file, std::string_view passphrase,
                                        const BackupOptions& options)
{
    std::error_code ec;
    if (std::filesystem::equivalent(file, m_path, ec)) {
        return Error("the backup would overwrite the database itself", file.string());
    }
    return guarded([&]() -> Result<BackupSummary> { return writeBackup(m_db, file, passphrase, options); });
}

Status Workspace::restore(const std::filesystem::path& backupFile, std::string_view passphrase,
                          const std::filesystem::path& target, bool force)
{
    return restoreBackup(backupFile, passphrase, target, force);
}

Status Workspace::exportTo(exporting::ExportFormat format, const std::filesystem::path& file, Date today)
{
    const DegreeLookup degrees = degreeLookup();
    Result<std::string> text = guarded([&]() -> Result<std::string> {
        return exporting::render(format, exporting::collectExportData(m_db, degrees, today));
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
