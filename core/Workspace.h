#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fetch/Crawl.h"
#include "import/Importer.h"
#include "model/Person.h"
#include "model/PersonId.h"
#include "store/Database.h"
#include "store/Imports.h"
#include "store/MergeReview.h"
#include "store/Workflow.h"
#include "util/Date.h"
#include "util/Result.h"

namespace warmpath {

/// Row counts of the main tables, as `warmpath-cli stats` prints them.
struct Stats {
    std::int64_t persons = 0;
    std::int64_t identities = 0;
    std::int64_t links = 0;  ///< directed links: a mutual connection counts twice
    std::int64_t tags = 0;
    std::int64_t imports = 0;

    friend bool operator==(const Stats&, const Stats&) = default;
};

/// What loading the bundled demo network wrote.
struct DemoSummary {
    std::int64_t persons = 0;
    std::int64_t links = 0;
};

/// The one facade over a Warmpath database that both the CLI and the GUI use: open or create
/// it, ask questions, make edits. Every method is safe to call from any thread (calls are
/// serialised on the one connection) and reports expected failures as an Error, never by
/// throwing.
class Workspace {
public:
    /// Opens (or, with OpenMode::CreateIfMissing, creates with mode 0600) the database at `path`
    /// and brings its schema up to date. A file that is not a Warmpath database, or one written
    /// by a newer Warmpath, is refused and left untouched.
    static Result<std::unique_ptr<Workspace>> open(const std::filesystem::path& path,
                                                   OpenMode mode = OpenMode::CreateIfMissing);
    /// A fresh database that lives in memory only (tests, previews).
    static std::unique_ptr<Workspace> openInMemory();

    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;
    Workspace(Workspace&&) = delete;
    Workspace& operator=(Workspace&&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

    // --- naming people -------------------------------------------------------------------
    /// The person a REF names (see model/Ref.h), or why it names nobody or several people.
    Result<PersonId> resolve(std::string_view ref);
    /// The REF that names `person` best (`me`, `linkedin:ana-souza`, `#42`).
    Result<std::string> refOf(PersonId person);
    Result<PersonId> me();

    // --- reading -------------------------------------------------------------------------
    Result<Stats> stats();
    Result<Person> person(PersonId id);
    Result<std::vector<Identity>> identities(PersonId id);
    Result<std::vector<std::string>> tagsOf(PersonId id);
    /// The person's follow-up as stored (due date, cadence, last contact), or nullopt when none is set.
    Result<std::optional<FollowUpRecord>> followUp(PersonId id);
    /// Everyone, with networks, tags and follow-up dates: what the people list shows.
    Result<std::vector<PersonSummary>> peopleSummaries();

    // --- editing (each call is one transaction) -----------------------------------------
    /// Makes `person` the me person; the previous me is merged into them, so nothing recorded
    /// about or by the user is lost.
    Status makeMe(PersonId person);
    /// Folds `absorbed` into `kept` (identities, links, tags, notes, follow-ups, intros).
    Status merge(PersonId kept, PersonId absorbed);

    /// Undoes a merge for one identity (`NETWORK:KEY`): it becomes a person of its own again
    /// (see MergeReviewRepository::split). Returns the new person.
    Result<PersonId> split(PersonId person, std::string_view identity);
    /// Probable duplicates found by imports, waiting for `merge` (or to be left alone).
    Result<std::vector<MergeCandidate>> mergeCandidates();

    // --- importing -----------------------------------------------------------------------
    /// Imports the files in one transaction, one batch per file (core/import/Importer.h):
    /// any error, a cancel or a dry run leaves the database exactly as it was.
    Result<std::vector<FileImportSummary>> importFiles(const std::vector<std::filesystem::path>& files,
                                                       const ImportOptions& options = {});
    /// Every import batch, oldest first.
    Result<std::vector<ImportBatch>> imports();
    /// Removes what import batch `batch` alone brought, in one transaction.
    Result<UndoSummary> undoImport(std::int64_t batch);

    // --- crawling ------------------------------------------------------------------------
    /// Fetches public follow lists from Bluesky or Mastodon and stores them like an import
    /// (core/fetch/CrawlRunner.h). Runs for as long as the crawl takes, so call it from a worker
    /// thread in a GUI: the workspace stays usable meanwhile (the connection is locked only
    /// while storing), progress arrives through `options.progress`, and `options.cancel` stops
    /// it with everything fetched so far committed and resumable (`request.resume`).
    /// A cancel or a lost network is not an Error: see CrawlSummary::outcome.
    Result<CrawlSummary> crawl(const CrawlRequest& request, const CrawlOptions& options = {});
    /// Follows that re-fetched lists found new or gone, for crawl `crawlId` (0: the newest crawl
    /// that found changes).
    Result<std::vector<CrawlChange>> crawlChanges(std::int64_t crawlId = 0);

    /// Loads the bundled demo network (resources/demo/demo-network.json) into an empty
    /// database; follow-up dates in the file are relative to `today`.
    Result<DemoSummary> loadDemoNetwork(std::string_view json, Date today);

private:
    Workspace(Database db, std::filesystem::path path);

    /// Runs `work` under the connection lock, turning store exceptions into an Error.
    template <typename Work>
    auto guarded(Work&& work) -> decltype(work());

    std::mutex m_mutex;
    Database m_db;
    std::filesystem::path m_path;
};

}  // namespace warmpath
