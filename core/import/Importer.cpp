#include "import/Importer.h"

#include <new>
#include <optional>
#include <stdexcept>

#include "crypto/Sha256.h"
#include "import/BatchWriter.h"
#include "store/Meta.h"

namespace warmpath::import {
namespace {

std::uint64_t sizeOf(const std::filesystem::path& path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        std::uint64_t total = 0;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(path, ec)) {
            if (entry.is_regular_file(ec)) {
                total += entry.file_size(ec);
            }
        }
        return total;
    }
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : size;
}

constexpr std::string_view kImportCacheSize = "PRAGMA cache_size = -131072";  // 128 MiB, a bound

/// Import-time connection settings, put back afterwards: a bigger page cache so the link
/// indexes stay in memory, temporary files in memory, and no foreign-key checks (the writer
/// only ever refers to people and batches it has just read or written, and each check costs
/// three b-tree lookups per link). WAL and synchronous stay as they are.
class ImportPragmas {
public:
    explicit ImportPragmas(Database& db) : m_db(db)
    {
        Statement st = db.prepare("PRAGMA cache_size");
        m_cacheSize = st.step() ? st.int64(0) : -2000;
        Statement fk = db.prepare("PRAGMA foreign_keys");
        m_foreignKeys = fk.step() && fk.int64(0) != 0;
        db.execute(kImportCacheSize);
        // Statement journals of the grouped INSERTs stay in memory (as temporary files they cost
        // a million small writes per 2M links); they never outgrow one statement.
        db.execute("PRAGMA temp_store = MEMORY");
        db.execute("PRAGMA foreign_keys = OFF");  // outside the transaction, where it takes effect
    }
    ~ImportPragmas()
    {
        try {
            m_db.execute("PRAGMA cache_size = " + std::to_string(m_cacheSize));
            m_db.execute("PRAGMA temp_store = DEFAULT");
            m_db.execute(m_foreignKeys ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
        } catch (const DatabaseError&) {
            // Only tuning; the connection works either way.
        }
    }
    ImportPragmas(const ImportPragmas&) = delete;
    ImportPragmas& operator=(const ImportPragmas&) = delete;
    ImportPragmas(ImportPragmas&&) = delete;
    ImportPragmas& operator=(ImportPragmas&&) = delete;

private:
    Database& m_db;
    std::int64_t m_cacheSize = -2000;
    bool m_foreignKeys = true;
};

/// Files at least this big (about 700,000 lines of edge list) build some indexes afresh instead
/// of filling them as they go.
constexpr std::uint64_t kRebuildIndexBytes = std::uint64_t{8} << 20;

/// An index dropped before a bulk write and built again afterwards from one sort, which costs
/// much less than filling it in random order (link_by_target: 2M entries by target while the
/// links arrive by source; person_by_name: 200,000 names in the order an edge list first
/// mentions them). Both happen inside the import's transaction, so a failure, a cancel or a
/// dry run restores the index with everything else. Only for writes that never query it.
class DeferredIndex {
public:
    DeferredIndex(Database& db, std::string_view name) : m_db(db)
    {
        {
            Statement st = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?");
            st.bind(1, name);
            if (st.step()) {
                m_sql = st.text(0);
            }
        }
        if (!m_sql.empty()) {
            db.execute("DROP INDEX " + std::string(name));  // our own constant name
        }
    }

    void rebuild()
    {
        if (m_sql.empty()) {
            return;
        }
        // SQLite's sorter keeps runs as big as the page cache and sorts each in memory; runs
        // that fit the CPU cache, written to a temporary file and merged, sort 2M entries 2.5
        // times faster than 32 MiB runs (and 3 times faster again than in-memory temporary
        // storage). Memory stays bounded whatever the number of rows.
        m_db.execute("PRAGMA temp_store = FILE");
        m_db.execute("PRAGMA cache_size = -2048");
        m_db.execute(m_sql);
        m_db.execute(kImportCacheSize);
        m_db.execute("PRAGMA temp_store = MEMORY");
        m_sql.clear();
    }

private:
    Database& m_db;
    std::string m_sql;
};

}  // namespace

Result<FileImportSummary> Importer::importOne(const std::filesystem::path& file, std::uint64_t bytesBefore,
                                              std::uint64_t bytesTotal)
{
    const std::string label = file.string();
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        return Error("no such file", label);
    }
    Result<std::string> sha = Sha256::ofPath(file);
    if (!sha) {
        return sha.error();
    }
    FileImportSummary summary;
    summary.file = label;
    summary.sha256 = *sha;

    // A mapping of columns makes the file a mapped CSV; a format chosen for the file comes first.
    const auto mapped = m_options.fileColumns.find(file);
    const ColumnMapping* columns = mapped != m_options.fileColumns.end() ? &mapped->second
                                   : m_options.columns                   ? &*m_options.columns
                                                                         : nullptr;
    const auto chosen = m_options.fileFormats.find(file);
    Result<Format> format = chosen != m_options.fileFormats.end() ? Result<Format>(chosen->second)
                            : columns != nullptr                  ? Result<Format>(Format::Csv)
                            : m_options.format                    ? Result<Format>(*m_options.format)
                                                                  : sniffFormat(file);
    if (!format) {
        return format.error();
    }
    const bool guessed = chosen == m_options.fileFormats.end() && columns == nullptr && !m_options.format;
    if (*format == Format::Csv && guessed) {
        // Only the user knows which column is what; the columns named like fields are read without
        // a mapping only when the user says the file is such a CSV (`--format csv`).
        Result<CsvPreview> preview = readCsvPreview(file, 0);
        if (!preview) {
            return preview.error();
        }
        return Error(unknownCsvMessage(preview->header), label);
    }
    summary.format = std::string(formatName(*format));

    {
        Statement& earlier = m_db.cached("SELECT id FROM import_batch WHERE sha256 = ? ORDER BY id LIMIT 1");
        earlier.bind(1, summary.sha256);
        if (earlier.step()) {
            summary.batch = earlier.int64(0);
            summary.alreadyImported = true;
            summary.warnings.push_back(label + ": already imported as batch " + std::to_string(summary.batch) +
                                       " (same SHA-256); nothing changed");
            earlier.reset();
            return summary;
        }
        earlier.reset();
    }

    std::string nameSpace = m_options.nameSpace;
    if (nameSpace.empty()) {
        nameSpace = file.stem().string();
    }
    m_db.cached("INSERT INTO import_batch (file_name, format, sha256) VALUES (?, ?, ?)")
        .bind(1, file.filename().empty() ? label : file.filename().string())
        .bind(2, summary.format)
        .bind(3, summary.sha256)
        .run();
    summary.batch = m_db.lastInsertId();

    // An edge list never looks anyone up by name (its people are node ids).
    std::optional<DeferredIndex> byName;
    if (*format == Format::EdgeList && sizeOf(file) >= kRebuildIndexBytes) {
        byName.emplace(m_db, "person_by_name");
    }
    std::unique_ptr<Parser> parser = makeParser(*format);
    BatchWriter writer(m_db, BatchWriterOptions{
                                 .batchId = summary.batch,
                                 .fileLabel = label,
                                 .implicitNamespace = parser->usesNamespace() ? nameSpace : std::string(),
                                 .cancel = m_options.cancel,
                                 .onProgress =
                                     [this, bytesBefore, bytesTotal, label](std::uint64_t done) {
                                         if (m_options.progress) {
                                             m_options.progress(bytesBefore + done, bytesTotal, label);
                                         }
                                     },
                             });
    const bool undirected = m_options.undirected && *format == Format::EdgeList;
    if (m_options.undirected && !undirected) {
        writer.warning(0, "--undirected applies to edge lists only; a " + summary.format +
                              " file says itself which edges are directed");
    }
    Status parsed = parser->parse(ParseInput{.path = file,
                                             .label = label,
                                             .nameSpace = nameSpace,
                                             .undirected = undirected,
                                             .columns = *format == Format::Csv ? columns : nullptr},
                                  writer);
    if (!parsed) {
        return parsed.error();
    }
    writer.finish();
    writer.progress(sizeOf(file));  // the whole file, whatever its parser counted (UTF-16 decoded, say)
    if (byName) {
        byName->rebuild();
    }

    summary.counts = writer.counts();
    summary.warnings = writer.warnings();
    summary.queuedForReview = writer.queuedForReview();
    m_db.cached("UPDATE import_batch SET persons_added = ?, persons_merged = ?, links_added = ?, tags_added = ?, "
                "skipped = ?, warnings = ? WHERE id = ?")
        .bind(1, summary.counts.personsAdded)
        .bind(2, summary.counts.personsMerged)
        .bind(3, summary.counts.linksAdded)
        .bind(4, summary.counts.tagsAdded)
        .bind(5, summary.counts.skipped)
        .bind(6, summary.counts.warningCount)
        .bind(7, summary.batch)
        .run();
    return summary;
}

Result<FileImportSummary> Importer::importGuarded(const std::filesystem::path& file, std::uint64_t bytesBefore,
                                                  std::uint64_t bytesTotal)
{
    const std::string label = file.string();
    try {
        return importOne(file, bytesBefore, bytesTotal);
    } catch (const DatabaseError&) {
        throw;  // the Workspace reports these with the database's name
    } catch (const std::length_error& e) {
        return Error(std::string("input too large: ") + e.what(), label);
    } catch (const std::bad_alloc&) {
        return Error("out of memory while reading it", label);
    } catch (const std::exception& e) {
        // A read error or a library's complaint about its input: still an expected failure.
        return Error(std::string("cannot be read: ") + e.what(), label);
    }
}

Result<std::vector<FileImportSummary>> Importer::run(const std::vector<std::filesystem::path>& files)
{
    if (files.empty()) {
        return Error("no file to import");
    }
    std::uint64_t total = 0;
    for (const auto& file : files) {
        total += sizeOf(file);
    }
    ImportPragmas pragmas(m_db);
    std::vector<FileImportSummary> summaries;
    try {
        Transaction tx(m_db);
        // Nothing an import does looks links up by target.
        std::optional<DeferredIndex> byTarget;
        if (total >= kRebuildIndexBytes) {
            byTarget.emplace(m_db, "link_by_target");
        }
        std::uint64_t before = 0;
        bool changed = false;
        for (std::size_t i = 0; i < files.size(); ++i) {
            Result<FileImportSummary> one = importGuarded(files[i], before, total);
            if (!one) {
                // The transaction rolls back every file of this import: say so, and which file it was.
                Error error = one.error();
                if (error.file.empty()) {
                    error.file = files[i].string();
                }
                if (files.size() > 1) {
                    error.message += " (file " + std::to_string(i + 1) + " of " + std::to_string(files.size()) +
                                     "; nothing was imported)";
                }
                return error;
            }
            changed = changed || !one->alreadyImported;
            before += sizeOf(files[i]);
            summaries.push_back(std::move(one).value());
        }
        if (m_options.cancel != nullptr && m_options.cancel->cancelled()) {
            return Error::cancelled();
        }
        if (changed) {
            bumpGraphGeneration(m_db);
        }
        if (byTarget) {
            byTarget->rebuild();
        }
        if (!m_options.dryRun) {
            tx.commit();
        }
    } catch (const ImportCancelled&) {
        // The parse unwound from deep inside (the writer checks the token); the transaction is gone.
        return Error::cancelled();
    } catch (const std::bad_alloc&) {
        return Error("out of memory while importing; nothing was written");
    }
    return summaries;
}

}  // namespace warmpath::import
