#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

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
/// was.
class Importer {
public:
    Importer(Database& db, ImportOptions options) : m_db(db), m_options(std::move(options)) {}

    Result<std::vector<FileImportSummary>> run(const std::vector<std::filesystem::path>& files);

private:
    Result<FileImportSummary> importOne(const std::filesystem::path& file, std::uint64_t bytesBefore,
                                        std::uint64_t bytesTotal);

    Database& m_db;
    ImportOptions m_options;
};

}  // namespace import
}  // namespace warmpath
