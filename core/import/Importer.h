#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "import/ColumnMapping.h"
#include "import/Format.h"
#include "import/Records.h"
#include "store/Database.h"
#include "util/Progress.h"
#include "util/Result.h"

namespace warmpath {

/// How to import (`warmpath-cli import` options).
struct ImportOptions {
    std::optional<import::Format> format;  ///< nullopt: tell from the content
    /// Per-file formats (the GUI's choice per row); the files not listed use `format`.
    std::map<std::filesystem::path, import::Format> fileFormats;
    std::string nameSpace;      ///< graph formats; empty: the file's base name
    bool undirected = false;    ///< edge lists: each line gives a link each way
    bool dryRun = false;        ///< do everything, report the counts, then roll back
    ProgressCallback progress;  ///< (bytes done, bytes in all files, file label)
    const CancelToken* cancel = nullptr;
    /// `--columns`: every file is a CSV read with this mapping of its columns to fields.
    std::optional<import::ColumnMapping> columns;
    /// Per-file mappings (the GUI's mapping step); a file listed is a CSV read with its mapping.
    std::map<std::filesystem::path, import::ColumnMapping> fileColumns;
};

/// What importing one file did (one import batch).
struct FileImportSummary {
    std::int64_t batch = 0;  ///< the new batch, or the earlier one when already imported
    std::string file;
    std::string format;
    std::string sha256;
    import::ImportCounts counts;
    std::vector<std::string> warnings;
    std::int64_t queuedForReview = 0;  ///< probable duplicates put in the merge-review queue
    bool alreadyImported = false;      ///< same SHA-256 as an earlier batch: nothing was changed
};

namespace import {

/// The import pipeline: for each file, sniff (or take) the format → parse as a stream →
/// resolve identities and write (BatchWriter) — all files in ONE transaction, one batch per
/// file. Any error, a cancel, or a dry run rolls everything back, leaving the database as it
/// was. An error names the file it is about (and, of several, which one and that nothing was
/// imported); a cancel is Error::cancelled().
class Importer {
public:
    Importer(Database& db, ImportOptions options) : m_db(db), m_options(std::move(options)) {}

    Result<std::vector<FileImportSummary>> run(const std::vector<std::filesystem::path>& files);

private:
    /// importOne, with a failure of the file's reading (a read error, a library's complaint, too
    /// little memory) turned into an Error naming the file.
    Result<FileImportSummary> importGuarded(const std::filesystem::path& file, std::uint64_t bytesBefore,
                                            std::uint64_t bytesTotal);
    Result<FileImportSummary> importOne(const std::filesystem::path& file, std::uint64_t bytesBefore,
                                        std::uint64_t bytesTotal);

    Database& m_db;
    ImportOptions m_options;
};

}  // namespace import
}  // namespace warmpath
