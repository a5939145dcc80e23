#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "WorkspaceGraph.h"
#include "graph/Snapshot.h"
#include "model/Person.h"
#include "model/PersonId.h"
#include "store/Database.h"
#include "store/Workflow.h"
#include "util/Date.h"
#include "util/Progress.h"
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

    /// Loads the bundled demo network (resources/demo/demo-network.json) into an empty
    /// database; follow-up dates in the file are relative to `today`.
    Result<DemoSummary> loadDemoNetwork(std::string_view json, Date today);

    // --- the graph (WorkspaceGraph.cpp) ---------------------------------------------------
    /// The snapshot of the graph as the database holds it now. Returns the current one when it
    /// is still up to date; otherwise loads the on-disk cache (`<database>.graph`) or builds from
    /// the database (on its own read connection, so other calls are not held up) and writes the
    /// cache. While a newer snapshot builds, currentSnapshot() keeps answering with the old one.
    Result<std::shared_ptr<const Snapshot>> snapshot(const ProgressCallback& progress = {},
                                                     const CancelToken* cancel = nullptr);
    /// The last snapshot built or loaded, possibly stale, or null: never blocks on a build.
    [[nodiscard]] std::shared_ptr<const Snapshot> currentSnapshot() const;
    /// Where the snapshot was taken from the last time: "memory", "cache" or "database".
    [[nodiscard]] std::string lastSnapshotSource() const;

    /// Breadth-first levels from `from`.
    Result<DegreeLevels> degrees(PersonId from, Direction direction = Direction::Undirected);
    /// Degree of separation (hops on a shortest path); nullopt when not connected.
    Result<std::optional<int>> separation(PersonId a, PersonId b, Direction direction = Direction::Undirected);
    /// Many pairs against one snapshot.
    Result<std::vector<std::optional<int>>> separations(const std::vector<std::pair<PersonId, PersonId>>& pairs,
                                                        Direction direction = Direction::Undirected);
    /// The k warmest loop-free paths, every hop explained.
    Result<WarmPathsAnswer> warmPaths(const WarmPathRequest& request);
    /// People worth introducing yourself to (dismissed suggestions left out).
    Result<SuggestionsAnswer> suggestions(const SuggestionRequest& request);
    /// Contacts who open the most doors, or who bridge to an organisation or tag.
    Result<BrokersAnswer> brokers(const BrokerRequest& request);
    /// Whole-graph measures: components, communities, PageRank, degrees, betweenness.
    Result<MetricsAnswer> metrics(const MetricsRequest& request, const ProgressCallback& progress = {},
                                  const CancelToken* cancel = nullptr);
    /// A force-directed layout of a view; runs until it converges (progress per iteration).
    Result<LayoutAnswer> layout(const LayoutRequest& request, const ProgressCallback& progress = {},
                                const CancelToken* cancel = nullptr);
    /// A person with canonical REF and display name.
    Result<NamedPerson> named(PersonId person);

private:
    Workspace(Database db, std::filesystem::path path);
    NamedPerson namedLocked(PersonId person);

    /// Runs `work` under the connection lock, turning store exceptions into an Error.
    template <typename Work>
    auto guarded(Work&& work) -> decltype(work());

    std::mutex m_mutex;
    Database m_db;
    std::filesystem::path m_path;

    mutable std::mutex m_snapshotMutex;  ///< guards m_snapshot and m_snapshotSource
    std::mutex m_buildMutex;             ///< one snapshot build at a time
    std::shared_ptr<const Snapshot> m_snapshot;
    std::string m_snapshotSource;
};

}  // namespace warmpath
