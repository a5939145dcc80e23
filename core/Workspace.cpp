#include "Workspace.h"

#include <optional>
#include <utility>

#include "demo/DemoNetwork.h"
#include "fetch/CrawlRunner.h"
#include "fetch/CrawlState.h"
#include "store/Merge.h"
#include "store/People.h"
#include "store/RefResolver.h"
#include "store/Schema.h"
#include "store/Tags.h"
#include "store/Workflow.h"

namespace warmpath {

namespace {

/// Read connections kept open between calls: the UI thread and a few workers at once.
constexpr std::size_t kIdleReaders = 4;

}  // namespace

Workspace::Workspace(Database db, std::filesystem::path path)
    : m_db(std::move(db)), m_path(std::move(path)), m_commitsAtOpen(m_db.commits())
{
    if (m_path != ":memory:") {
        m_readers = std::make_unique<ReadConnections>(m_path, kIdleReaders);
    }
}

Workspace::~Workspace() = default;

bool Workspace::storedAnythingSinceOpen() const
{
    return m_db.commits() != m_commitsAtOpen;
}

Result<Workspace::Reader> Workspace::reader()
{
    if (!m_readers) {
        return Reader(m_mutex, m_db);
    }
    auto lease = m_readers->acquire();
    if (!lease) {
        return lease.error();
    }
    return Reader(std::move(lease).value());
}

Result<std::unique_ptr<Workspace>> Workspace::open(const std::filesystem::path& path, OpenMode mode)
{
    Result<Database> db = Database::open(path, mode);
    if (!db) {
        return db.error();
    }
    if (mode != OpenMode::ReadOnly) {
        if (Status migrated = migrate(*db); !migrated) {
            return migrated.error();
        }
    } else if (schemaVersion(*db) != latestSchemaVersion()) {
        return Error("the database needs an upgrade that a read-only open cannot do; open it once for writing",
                     path.string());
    }
    return std::unique_ptr<Workspace>(new Workspace(std::move(db).value(), path));
}

std::unique_ptr<Workspace> Workspace::openInMemory()
{
    Database db = Database::openInMemory();
    if (Status migrated = migrate(db); !migrated) {
        throw DatabaseError(migrated.error().describe(), 0);
    }
    return std::unique_ptr<Workspace>(new Workspace(std::move(db), ":memory:"));
}

Result<PersonId> Workspace::resolve(std::string_view ref)
{
    return reading([&](Database& db) -> Result<PersonId> { return RefResolver(db).resolve(ref); });
}

Result<std::string> Workspace::refOf(PersonId person)
{
    return reading([&](Database& db) -> Result<std::string> { return RefResolver(db).canonicalRef(person); });
}

Result<PersonId> Workspace::me()
{
    return reading([&](Database& db) -> Result<PersonId> { return PeopleRepository(db).me(); });
}

Result<Stats> Workspace::stats()
{
    return reading([&](Database& db) -> Result<Stats> {
        auto count = [&db](std::string_view sql) {
            Statement& st = db.cached(sql);
            st.step();
            const std::int64_t value = st.int64(0);
            st.reset();  // do not keep a read transaction open on the shared connection
            return value;
        };
        return Stats{.persons = count("SELECT count(*) FROM person"),
                     .identities = count("SELECT count(*) FROM identity"),
                     .links = count("SELECT count(*) FROM link"),
                     .tags = count("SELECT count(*) FROM tag"),
                     .imports = count("SELECT count(*) FROM import_batch")};
    });
}

Result<Person> Workspace::person(PersonId id)
{
    return reading([&](Database& db) -> Result<Person> {
        if (auto found = PeopleRepository(db).find(id)) {
            return *found;
        }
        return Error("no person with id #" + std::to_string(id.value()));
    });
}

Result<std::vector<Identity>> Workspace::identities(PersonId id)
{
    return reading([&](Database& db) -> Result<std::vector<Identity>> { return PeopleRepository(db).identities(id); });
}

Result<std::vector<std::string>> Workspace::tagsOf(PersonId id)
{
    return reading([&](Database& db) -> Result<std::vector<std::string>> { return TagRepository(db).namesFor(id); });
}

Result<std::optional<FollowUpRecord>> Workspace::followUp(PersonId id)
{
    return reading(
        [&](Database& db) -> Result<std::optional<FollowUpRecord>> { return WorkflowRepository(db).followUp(id); });
}

Result<std::vector<PersonSummary>> Workspace::peopleSummaries()
{
    return reading([&](Database& db) -> Result<std::vector<PersonSummary>> {
        return PeopleRepository(db).summaries(warmpath::today());
    });
}

Status Workspace::makeMe(PersonId person)
{
    return guarded([&]() -> Status {
        PeopleRepository people(m_db);
        if (!people.find(person)) {
            return Error("no person with id #" + std::to_string(person.value()));
        }
        const PersonId oldMe = people.me();
        if (oldMe == person) {
            return {};
        }
        Transaction tx(m_db);
        MergeReviewRepository(m_db).recordMerge(person, oldMe);
        mergePeople(m_db, person, oldMe);
        tx.commit();
        return {};
    });
}

Status Workspace::merge(PersonId kept, PersonId absorbed)
{
    Result<MergeRecord> merged = mergeUndoably(kept, absorbed);
    if (!merged) {
        return merged.error();
    }
    return {};
}

Result<MergeRecord> Workspace::mergeUndoably(PersonId kept, PersonId absorbed)
{
    return guarded([&]() -> Result<MergeRecord> {
        PeopleRepository people(m_db);
        if (kept == absorbed) {
            return Error("cannot merge a person with themselves");
        }
        if (!people.find(kept) || !people.find(absorbed)) {
            return Error("no such person to merge");
        }
        Transaction tx(m_db);
        MergeRecord record = mergePeopleUndoably(m_db, kept, absorbed);
        tx.commit();
        return record;
    });
}

Status Workspace::undoMerge(const MergeRecord& record)
{
    return guarded([&]() -> Status {
        Transaction tx(m_db);
        Status undone = warmpath::undoMerge(m_db, record);
        if (undone) {
            tx.commit();
        }
        return undone;
    });
}

Result<PersonId> Workspace::split(PersonId person, std::string_view identity)
{
    const auto colon = identity.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == identity.size()) {
        return Error("IDENTITY must be NETWORK:KEY, e.g. email:ana@example.com");
    }
    return guarded([&]() -> Result<PersonId> {
        Transaction tx(m_db);
        Result<PersonId> split = MergeReviewRepository(m_db).split(person, std::string(identity.substr(0, colon)),
                                                                   std::string(identity.substr(colon + 1)));
        if (split) {
            tx.commit();
        }
        return split;
    });
}

Result<PersonId> Workspace::unmerge(PersonId person, const std::vector<std::string>& identities)
{
    if (identities.empty()) {
        return Error("name at least one identity to split off");
    }
    for (const std::string& identity : identities) {
        const auto colon = identity.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == identity.size()) {
            return Error("IDENTITY must be NETWORK:KEY, e.g. email:ana@example.com");
        }
    }
    return guarded([&]() -> Result<PersonId> {
        Transaction tx(m_db);
        MergeReviewRepository review(m_db);
        std::optional<PersonId> restored;
        for (const std::string& identity : identities) {
            const auto colon = identity.find(':');
            Result<PersonId> split = review.split(person, identity.substr(0, colon), identity.substr(colon + 1));
            if (!split) {
                return split;  // the transaction rolls back every split made so far
            }
            if (!restored) {
                // The first split gets the absorbed person's details and links back.
                restored = *split;
            } else {
                // Split identities each get a person; the absorbed person was one.
                mergePeople(m_db, *restored, *split);
            }
        }
        tx.commit();
        return *restored;
    });
}

Result<std::vector<MergeCandidate>> Workspace::mergeCandidates()
{
    return reading(
        [&](Database& db) -> Result<std::vector<MergeCandidate>> { return MergeReviewRepository(db).candidates(); });
}

Result<MergeCandidate> Workspace::dismissMergeCandidate(std::int64_t id)
{
    return guarded([&]() -> Result<MergeCandidate> {
        Transaction tx(m_db);
        Result<MergeCandidate> dismissed = MergeReviewRepository(m_db).dismiss(id);
        if (dismissed) {
            tx.commit();
        }
        return dismissed;
    });
}

Result<std::int64_t> Workspace::queueMergeCandidate(PersonId a, PersonId b, std::string_view reason, std::int64_t batch)
{
    return guarded([&]() -> Result<std::int64_t> {
        Transaction tx(m_db);
        Result<std::int64_t> queued = MergeReviewRepository(m_db).queue(a, b, std::string(reason), batch);
        if (queued) {
            tx.commit();
        }
        return queued;
    });
}

Result<std::vector<FileImportSummary>> Workspace::importFiles(const std::vector<std::filesystem::path>& files,
                                                              const ImportOptions& options)
{
    // A cancel comes back as Error::cancelled() from the importer itself.
    return guarded(
        [&]() -> Result<std::vector<FileImportSummary>> { return import::Importer(m_db, options).run(files); });
}

Result<std::vector<ImportBatch>> Workspace::imports()
{
    return reading([&](Database& db) -> Result<std::vector<ImportBatch>> { return ImportRepository(db).list(); });
}

Result<UndoSummary> Workspace::undoImport(std::int64_t batch)
{
    return guarded([&]() -> Result<UndoSummary> {
        Transaction tx(m_db);
        Result<UndoSummary> undone = ImportRepository(m_db).undo(batch);
        if (undone) {
            tx.commit();
        }
        return undone;
    });
}

Result<CrawlSummary> Workspace::crawl(const CrawlRequest& request, const CrawlOptions& options)
{
    if (request.depth < 1) {
        return Error("--depth must be at least 1");
    }
    if (request.maxAccounts < 0) {
        return Error("--max-accounts must not be negative");
    }
    if (request.start.empty()) {
        return Error("a crawl needs a start account");
    }
    // Not guarded(): the runner takes the lock itself for each read or write, never while it
    // waits for the network.
    return fetch::CrawlRunner(m_db, m_mutex, request, options).run();
}

Result<std::vector<CrawlChange>> Workspace::crawlChanges(std::int64_t crawlId)
{
    return reading(
        [&](Database& db) -> Result<std::vector<CrawlChange>> { return fetch::CrawlState::changes(db, crawlId); });
}

Result<DemoSummary> Workspace::loadDemoNetwork(std::string_view json, Date today)
{
    return guarded([&]() -> Result<DemoSummary> { return demo::load(m_db, json, today); });
}

}  // namespace warmpath
