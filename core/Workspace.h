#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "WorkspaceGraph.h"
#include "WorkspaceReaders.h"
#include "crypto/Backup.h"
#include "export/ExportData.h"
#include "fetch/Crawl.h"
#include "graph/FollowFilter.h"
#include "graph/Snapshot.h"
#include "import/Importer.h"
#include "model/DegreeLookup.h"
#include "model/Person.h"
#include "model/PersonId.h"
#include "model/Workflow.h"
#include "store/Database.h"
#include "store/Imports.h"
#include "store/Links.h"
#include "store/MergeReview.h"
#include "store/MergeUndo.h"
#include "store/People.h"
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

/// What `people` lists: everyone, narrowed by each criterion that is set.
struct PeopleQuery {
    std::string tag;            ///< only people with this tag (ignoring case)
    std::optional<int> degree;  ///< only people this many hops from me (needs degrees)
    std::string search;         ///< only people whose name, organisation, title or identity contains it
    FollowCriteria follows;     ///< only people who meet these, seen from me (Workspace::followFiltered)
};

/// Tags of one person in a bulk tag edit: the tags to give or take, or the ones that changed.
struct PersonTags {
    PersonId person;
    std::vector<std::string> tags;

    friend bool operator==(const PersonTags&, const PersonTags&) = default;
};

/// An intro request after a status change, with the `knows` links the change created (marking
/// it introduced adds them when they did not exist): what undoing the change must remove.
struct IntroStatusChange {
    IntroRequest request;
    std::vector<LinkRow> addedLinks;
};

/// An introduction request drafted along a path from me to `target`, before it is recorded:
/// `introducer` (the first hop) is asked to introduce me to `next`, the person after them on the
/// path, whom they know (`target` itself on a path of two hops).
struct IntroDraft {
    PersonId target;
    PersonId introducer;
    PersonId next;
    std::string message;

    friend bool operator==(const IntroDraft&, const IntroDraft&) = default;
};

/// How many warm paths a person's page shows.
inline constexpr int kDetailsPaths = 3;

/// Everything `person REF` shows about one person, and everything the GUI's details panel shows:
/// one call reads it all, so the two faces cannot differ.
struct PersonDetails {
    Person person;
    std::string ref;
    std::vector<Identity> identities;
    std::vector<std::string> tags;
    std::vector<Note> notes;
    std::optional<FollowUpRecord> followUp;   ///< as stored
    std::optional<FollowUpItem> due;          ///< when due (own date, cadence or inherited cadence)
    std::vector<IntroRequest> introRequests;  ///< where they are the target or the introducer
    std::optional<int> degree;
    /// The cadence their tags give them (the shortest) and which tag, whether or not their own wins.
    std::optional<InheritedCadence> inheritedCadence;
    /// The targets and introducers of introRequests, each once, by id.
    std::vector<NamedPerson> introPeople;
    /// People linked to both me and them, by name (mutualContacts()).
    std::vector<NamedPerson> mutualContacts;
    /// The kDetailsPaths warmest paths from me (no paths when they are not connected to me);
    /// nullopt for me, and when there is no me, no graph or the search failed.
    std::optional<WarmPathsAnswer> paths;
};

/// A backup decrypted and verified beside the database it restores, waiting to replace it: what
/// Workspace::prepareRestore() hands back, so that a program with the database open closes it
/// only once the passphrase is known to be right. Dropping it leaves everything as it was.
class PendingRestore {
public:
    explicit PendingRestore(DecryptedBackup backup) : m_backup(std::move(backup)) {}

    /// Replaces the database with the restored one and drops what described the old one (its
    /// write-ahead log, the graph cache `<database>.graph`). The database must not be open.
    Status commit();
    [[nodiscard]] const std::filesystem::path& target() const { return m_backup.target(); }

private:
    DecryptedBackup m_backup;
};

/// The one facade over a Warmpath database that both the CLI and the GUI use: open or create
/// it, ask questions, make edits. Every method is safe to call from any thread and reports
/// expected failures as an Error, never by throwing. Edits, imports and crawls are serialised on
/// the one writer connection; the calls that only read use read connections of their own
/// (ReadConnections), so they see the last committed state at once and never wait for a write
/// in progress. An in-memory workspace has only the one connection (SQLite cannot share an
/// in-memory database between connections in WAL mode): there reads wait for a write.
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
    /// True for a workspace in memory, whose one connection serves reads too: there a long read (a
    /// backup, a snapshot build) holds up writes as a long write does.
    [[nodiscard]] bool readsShareTheWriter() const { return m_readers == nullptr; }
    /// True once any write of this workspace reached the database since it was opened (creating
    /// it and bringing its schema up to date do not count; a rolled-back write does not either).
    [[nodiscard]] bool storedAnythingSinceOpen() const;

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

    /// People matching `query`, sorted by name (ignoring case) then id.
    Result<std::vector<PersonSummary>> people(const PeopleQuery& query);
    /// The same people in the same order, handed to `visit` one at a time as they are read, so
    /// that listing a million people takes no more memory than listing ten. `visit` runs on a
    /// read connection of its own; in memory it holds the workspace's lock, so it must not call
    /// back into the workspace.
    Status forEachPerson(const PeopleQuery& query, const std::function<void(const PersonListRow&)>& visit);
    /// A person's whole page, read in one transaction; the degree, the people in common and the
    /// warmest paths come from the current snapshot.
    Result<PersonDetails> details(PersonId id, Date today);
    /// Every tag with its number of people and cadence.
    Result<std::vector<TagInfo>> tags();
    Result<std::vector<Note>> notes(PersonId id);
    /// Everyone with something due, most overdue first; `overdueOnly` keeps those due today or
    /// earlier.
    Result<std::vector<FollowUpItem>> followUpQueue(Date today, bool overdueOnly = false);
    Result<std::vector<IntroRequest>> introRequests();
    /// The cadence the person inherits from a tag, and which tag, or nullopt when none of their tags has one.
    Result<std::optional<InheritedCadence>> inheritedCadence(PersonId id);
    /// People linked to both me and `person` (a link either way on each side), by name: whom to ask
    /// about them. Empty for me, and when there is no me or no graph yet.
    Result<std::vector<NamedPerson>> mutualContacts(PersonId person);

    // --- where the follow-up half asks the graph engine ----------------------------------
    /// Degrees of separation from me (either direction) over the current snapshot. Empty when no
    /// snapshot can be built: callers then print `null` and refuse degree filters.
    DegreeLookup degreeLookup();

    // --- editing (each call is one transaction) -----------------------------------------
    /// Makes `person` the me person; the previous me is merged into them, so nothing recorded
    /// about or by the user is lost.
    Status makeMe(PersonId person);
    /// Folds `absorbed` into `kept` (identities, links, tags, notes, follow-ups, intros).
    Status merge(PersonId kept, PersonId absorbed);
    /// Merges like merge() and returns what undoMerge() needs to put both people back exactly.
    Result<MergeRecord> mergeUndoably(PersonId kept, PersonId absorbed);
    /// Undoes a merge made by mergeUndoably() in one transaction: the absorbed person comes back
    /// under their own id with everything they had (identities, links, tags, notes, follow-up,
    /// intro requests, dismissals, details) and the kept person loses what the merge gave them.
    Status undoMerge(const MergeRecord& record);

    /// Undoes a merge for one identity (`NETWORK:KEY`): it becomes a person of its own again
    /// (see MergeReviewRepository::split). Returns the new person.
    Result<PersonId> split(PersonId person, std::string_view identity);
    /// Undoes a whole merge in one transaction: the identities (`NETWORK:KEY`) that `merge`
    /// brought to `person` become one person of their own again, with the absorbed person's
    /// details and the links the merge moved. Returns that person.
    Result<PersonId> unmerge(PersonId person, const std::vector<std::string>& identities);
    /// Probable duplicates found by imports, waiting for `merge` (or to be left alone).
    Result<std::vector<MergeCandidate>> mergeCandidates();
    /// Takes a probable duplicate out of the review queue ("not the same person"); returns it.
    Result<MergeCandidate> dismissMergeCandidate(std::int64_t id);
    /// Queues `a` and `b` for review (again): what undoing a merge or a dismissal does. Returns
    /// the candidate's id; `batch` 0 (or a batch since undone) records no import.
    Result<std::int64_t> queueMergeCandidate(PersonId a, PersonId b, std::string_view reason, std::int64_t batch);

    // --- importing -----------------------------------------------------------------------
    /// Imports the files in one transaction, one batch per file (core/import/Importer.h):
    /// any error, a cancel or a dry run leaves the database exactly as it was.
    Result<std::vector<FileImportSummary>> importFiles(const std::vector<std::filesystem::path>& files,
                                                       const ImportOptions& options = {});
    /// Every import batch, oldest first.
    Result<std::vector<ImportBatch>> imports();
    /// Removes what import batch `batch` alone brought, in one transaction.
    Result<UndoSummary> undoImport(std::int64_t batch);
    /// Gives the person each tag (created when new); returns the tags they did not have yet.
    Result<std::vector<std::string>> addTags(PersonId person, const std::vector<std::string>& tags);
    /// Takes the tags from the person; returns the ones they had. Unknown tags are an error.
    Result<std::vector<std::string>> removeTags(PersonId person, const std::vector<std::string>& tags);
    /// Bulk tagging in ONE transaction: gives each person their tags. Returns, per person, the tags
    /// they did not have yet (people who had them all are left out). An unknown person or an empty
    /// tag name fails the whole edit and changes nobody.
    Result<std::vector<PersonTags>> addTags(const std::vector<PersonTags>& edits);
    /// Bulk untagging in ONE transaction: takes from each person those of their tags they have
    /// (a tag nobody has is skipped, not an error). Returns what was removed, per person.
    Result<std::vector<PersonTags>> removeTags(const std::vector<PersonTags>& edits);
    /// Sets (or with nullopt clears) the follow-up cadence the tag's people inherit; creates the tag.
    Status setTagCadence(std::string_view tag, std::optional<int> days);
    Result<Note> addNote(PersonId person, std::string_view text);
    /// Deletes note `id` (what undoing an added note does); an unknown id is an error.
    Status deleteNote(std::int64_t id);
    /// Replaces the text of note `id`; an unknown id or empty text is an error.
    Result<Note> editNote(std::int64_t id, std::string_view text);
    /// Due on `due`; `everyDays` sets the person's own cadence (kept when nullopt).
    Result<FollowUpRecord> setFollowUp(PersonId person, Date due, std::optional<int> everyDays);
    /// Records contact today; with a cadence (own or inherited) the next due date is today + cadence,
    /// without one the follow-up is closed.
    Result<FollowUpRecord> markContacted(PersonId person, Date today);
    /// Hides the person's follow-up until today + days.
    Result<FollowUpRecord> snoozeFollowUp(PersonId person, int days, Date today);
    /// Stores the person's follow-up exactly as `record` says, or removes it with nullopt: what undoing
    /// a follow-up edit does with the state read before it. Malformed dates or a cadence under 1 are errors.
    Status replaceFollowUp(PersonId person, const std::optional<FollowUpRecord>& record);
    /// Drafts a request to `via` (or to the first hop of the warmest path when nullopt) on the way
    /// to `target` and records it: composeIntro() then recordIntro().
    Result<IntroRequest> draftIntro(PersonId target, std::optional<PersonId> via);
    /// Drafts, without recording anything, the request along `path` (me, the person to ask, ..., the
    /// person to reach; at least two hops, no one twice).
    Result<IntroDraft> composeIntro(const std::vector<PersonId>& path);
    /// Drafts, without recording anything, the request on the way to `target`: along the warmest
    /// path from me, or with `via` along the warmest path from them that avoids me. `via` is asked
    /// for `target` itself when linked to them, or when no path from them is known (the user's word).
    Result<IntroDraft> composeIntro(PersonId target, std::optional<PersonId> via);
    /// Records `draft` (as composeIntro() gave it, the message perhaps edited) as a draft request.
    Result<IntroRequest> recordIntro(const IntroDraft& draft);
    /// Replaces the message of intro request `id` (edited after it was recorded) and returns the
    /// request as it was before, so that undoing the edit can put the old message back.
    Result<IntroRequest> editIntroMessage(std::int64_t id, std::string_view message);
    /// Deletes intro request `id` and returns it as it was, so that restoreIntro() can put it back.
    Result<IntroRequest> deleteIntro(std::int64_t id);
    /// Stores `request` again under its own id, status, message and times: undoing deleteIntro(),
    /// or redoing a recordIntro() that was undone. Fails when the id is taken or a person is gone.
    Result<IntroRequest> restoreIntro(const IntroRequest& request);
    /// Hides `person` from the suggestions made for `forPerson` (remembered), or with
    /// `dismissed` false shows them again (what undoing a dismissal does).
    Status setSuggestionDismissed(PersonId forPerson, PersonId person, bool dismissed);
    /// Moves an intro request on; `introduced` also records that me and the target know each
    /// other (a `knows` link each way) in the same transaction.
    Result<IntroRequest> setIntroStatus(std::int64_t id, IntroStatus status);
    /// setIntroStatus(), also saying which links the change created.
    Result<IntroStatusChange> changeIntroStatus(std::int64_t id, IntroStatus status);
    /// Undoes changeIntroStatus() in one transaction: puts `previous` back and deletes the links
    /// that change created (`change.addedLinks`), leaving links that existed before it alone.
    Result<IntroRequest> revertIntroStatus(const IntroStatusChange& change, IntroStatus previous);

    // --- backup and export ---------------------------------------------------------------
    /// Writes an encrypted backup of this database to `file` (crypto/Backup.h).
    Result<BackupSummary> backup(const std::filesystem::path& file, std::string_view passphrase,
                                 const BackupOptions& options = {});
    /// Restores `backupFile` into the database at `target` (crypto/Backup.h): prepareRestore(),
    /// then PendingRestore::commit(), which both the CLI and the GUI go through. Static: the
    /// database restored into must not be open. An existing `target` is replaced only with `force`.
    static Status restore(const std::filesystem::path& backupFile, std::string_view passphrase,
                          const std::filesystem::path& target, bool force);
    /// The first half of restore(): decrypts and verifies the backup beside `target` and touches
    /// nothing else, so `target` may still be open meanwhile.
    static Result<PendingRestore> prepareRestore(const std::filesystem::path& backupFile, std::string_view passphrase,
                                                 const std::filesystem::path& target, bool force);
    /// Writes the network in `format` to `file` (written beside it, then renamed).
    Status exportTo(exporting::ExportFormat format, const std::filesystem::path& file, Date today);

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
    /// The neighbourhood of a person laid out for drawing (graph/Layout.h); progress counts layout
    /// iterations and a cancel ends in a "cancelled" error.
    Result<EgoMap> egoMap(const EgoMapRequest& request, const ProgressCallback& progress = {},
                          const CancelToken* cancel = nullptr);
    /// A person with canonical REF and display name.
    Result<NamedPerson> named(PersonId person);
    /// The people who meet every follow criterion, seen from me, in id order (graph/FollowFilter.h
    /// says what counts as a follow): the one answer behind the people list's follow filters in
    /// the CLI and the GUI. Fails when no criterion is set or there is no me person.
    Result<std::vector<PersonId>> followFiltered(const FollowCriteria& criteria);

private:
    Workspace(Database db, std::filesystem::path path);
    static NamedPerson namedIn(Database& db, PersonId person);
    /// People linked (either way) to both `me` and `person`, in the snapshot's order.
    static std::vector<PersonId> mutualOf(const Snapshot& graph, PersonId me, PersonId person);
    /// `ids` named and sorted by name (ignoring case), then id.
    static std::vector<NamedPerson> namedByName(Database& db, const std::vector<PersonId>& ids);

    /// A connection to read on for the length of one call (see the class comment): a leased read
    /// connection, or in memory the one connection, held under the writer's lock. Its cached
    /// statements are reset when it is given back, so none keeps a read transaction open.
    class Reader {
    public:
        explicit Reader(ReadConnections::Lease lease) : m_lease(std::move(lease)), m_db(&m_lease->db()) {}
        Reader(std::mutex& lock, Database& db) : m_lock(lock), m_db(&db) {}
        ~Reader()
        {
            if (m_lock.owns_lock()) {
                m_db->resetCachedStatements();
            }
        }
        Reader(const Reader&) = delete;
        Reader& operator=(const Reader&) = delete;
        Reader(Reader&&) noexcept = default;
        Reader& operator=(Reader&&) = delete;

        [[nodiscard]] Database& db() { return *m_db; }

    private:
        std::optional<ReadConnections::Lease> m_lease;
        std::unique_lock<std::mutex> m_lock;
        Database* m_db;
    };
    /// A connection for a call that only reads. Reads on it must not call another Workspace method
    /// that reads: in memory that would wait for the lock it holds.
    Result<Reader> reader();

    /// Runs `work(db)` on reader(), turning store exceptions into an Error.
    template <typename Work>
    auto reading(Work&& work) -> decltype(work(std::declval<Database&>()))
    {
        auto connection = reader();
        if (!connection) {
            return connection.error();
        }
        try {
            return work(connection->db());
        } catch (const DatabaseError& e) {
            return Error(std::string("database error: ") + e.what(), m_path.string());
        }
    }

    /// Runs `work` under the writer's lock, turning store exceptions into an Error.
    template <typename Work>
    auto guarded(Work&& work) -> decltype(work())
    {
        std::lock_guard lock(m_mutex);
        // Whatever `work` read, no statement stays on a row (and so no read transaction stays
        // open) once the operation is over.
        struct ResetCachedStatements {
            Database& db;
            ~ResetCachedStatements() { db.resetCachedStatements(); }
        } resetAfterwards{m_db};
        try {
            return work();
        } catch (const DatabaseError& e) {
            return Error(std::string("database error: ") + e.what(), m_path.string());
        }
    }
    Status checkPerson(PersonId id);
    /// The people of the warmest path from `me` to `target`, which must need an introduction
    /// (two hops or more); otherwise says why there is none.
    Result<std::vector<PersonId>> warmestPathTo(PersonId me, PersonId target);

    std::mutex m_mutex;  ///< the writer's lock
    Database m_db;       ///< the one writer connection
    std::filesystem::path m_path;
    std::int64_t m_commitsAtOpen = 0;  ///< what the writer had committed once open (the schema)
    /// Null for an in-memory workspace. Declared after m_db: readers close first, so the writer's
    /// close still checkpoints the write-ahead log and removes it.
    std::unique_ptr<ReadConnections> m_readers;

    mutable std::mutex m_snapshotMutex;  ///< guards m_snapshot and m_snapshotSource
    std::mutex m_buildMutex;             ///< one snapshot build at a time
    std::shared_ptr<const Snapshot> m_snapshot;
    std::string m_snapshotSource;
};

}  // namespace warmpath
