#include "fetch/CrawlState.h"

#include "crypto/Sha256.h"
#include "import/BatchWriter.h"
#include "store/Merge.h"
#include "store/MergeReview.h"
#include "store/Meta.h"
#include "store/People.h"

namespace warmpath::fetch {
namespace {

constexpr int kLinkFollows = 0;  // model/LinkKind.h: LinkKind::Follows

warmpath::import::PersonRecord recordOf(const std::string& network, const Account& account)
{
    import::PersonRecord record;
    record.key = account.key;
    record.name = account.name;
    record.anonymous = account.name.empty();
    record.identities.push_back(
        Identity{.network = network, .key = account.key, .handle = account.handle, .url = account.url});
    return record;
}

std::optional<std::string> optionalText(const Statement& st, int column)
{
    return st.isNull(column) ? std::nullopt : std::optional<std::string>(st.text(column));
}

}  // namespace

std::optional<CrawlRecord> CrawlState::findUnfinished(const std::string& start)
{
    Statement st = m_db.prepare("SELECT id, api, depth, max_accounts, as_me, coalesce(batch_id, 0) FROM crawl "
                                "WHERE network = ? AND start = ? AND status = 'running' ORDER BY id DESC LIMIT 1");
    st.bind(1, m_network).bind(2, start);
    if (!st.step()) {
        return std::nullopt;
    }
    return CrawlRecord{.id = st.int64(0),
                       .network = m_network,
                       .start = start,
                       .api = st.text(1),
                       .depth = static_cast<int>(st.int64(2)),
                       .maxAccounts = st.int64(3),
                       .asMe = st.int64(4) != 0,
                       .batch = st.int64(5)};
}

void CrawlState::ensureBatch(CrawlRecord& crawl)
{
    if (crawl.batch != 0) {
        Statement exists = m_db.prepare("SELECT 1 FROM import_batch WHERE id = ?");
        exists.bind(1, crawl.batch);
        if (exists.step()) {
            return;
        }
    }
    // An import batch like any other, so `imports` lists the crawl and `undo-import` removes it.
    // The "sha256" only has to be unique: it never equals the hash of an imported file.
    const std::string now = utcNowIso8601();
    m_db.cached("INSERT INTO import_batch (file_name, format, sha256) VALUES (?, ?, ?)")
        .bind(1, m_network + ":" + crawl.start)
        .bind(2, m_network + "-crawl")
        .bind(3, Sha256::ofText("warmpath crawl " + std::to_string(crawl.id) + " " + m_network + ":" + crawl.start +
                                " " + now))
        .run();
    crawl.batch = m_db.lastInsertId();
    m_db.cached("UPDATE crawl SET batch_id = ? WHERE id = ?").bind(1, crawl.batch).bind(2, crawl.id).run();
}

CrawlRecord CrawlState::begin(const CrawlRecord& settings, const Account& startAccount)
{
    Transaction tx(m_db);
    // A new crawl of the same start replaces an unfinished one; its half-fetched pages go.
    m_db.cached("DELETE FROM crawl_follow WHERE crawl_account_id IN (SELECT a.id FROM crawl_account a JOIN crawl c "
                "ON c.id = a.crawl_id WHERE c.network = ? AND c.start = ? AND c.status = 'running')")
        .bind(1, m_network)
        .bind(2, settings.start)
        .run();
    m_db.cached("UPDATE crawl SET status = 'abandoned', finished_at = ? WHERE network = ? AND start = ? AND "
                "status = 'running'")
        .bind(1, utcNowIso8601())
        .bind(2, m_network)
        .bind(3, settings.start)
        .run();
    m_db.cached("INSERT INTO crawl (network, start, api, depth, max_accounts, as_me) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, m_network)
        .bind(2, settings.start)
        .bind(3, settings.api)
        .bind(4, settings.depth)
        .bind(5, settings.maxAccounts)
        .bind(6, settings.asMe ? 1 : 0)
        .run();
    CrawlRecord crawl = settings;
    crawl.id = m_db.lastInsertId();
    crawl.network = m_network;
    crawl.batch = 0;
    ensureBatch(crawl);

    PeopleRepository people(m_db);
    if (settings.asMe) {
        // The account may already be someone (an earlier crawl or import): that someone is me.
        const PersonId me = people.me();
        if (const auto owner = people.findByIdentity(m_network, startAccount.key); owner && *owner != me) {
            MergeReviewRepository(m_db).recordMerge(me, *owner);
            mergePeople(m_db, me, *owner);
        }
    }
    {
        import::BatchWriter writer(
            m_db, import::BatchWriterOptions{.batchId = crawl.batch, .fileLabel = m_network + ":" + crawl.start});
        import::PersonRecord record = recordOf(m_network, startAccount);
        record.isMe = settings.asMe;
        writer.person(std::move(record));
        writer.finish();
        m_db.cached("UPDATE import_batch SET persons_added = persons_added + ?1, persons_merged = "
                    "(SELECT count(*) FROM person_source WHERE batch_id = ?2) WHERE id = ?2")
            .bind(1, writer.counts().personsAdded)
            .bind(2, crawl.batch)
            .run();
    }
    m_db.cached("INSERT INTO crawl_account (crawl_id, account, depth, handle, name, url, remote_id, following_count, "
                "hidden_hint) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)")
        .bind(1, crawl.id)
        .bind(2, startAccount.key)
        .bind(3, startAccount.handle)
        .bind(4, startAccount.name)
        .bind(5, startAccount.url)
        .bindOptional(6, startAccount.remoteId.value_or(""))
        .bindOptional(7, startAccount.followingCount)
        .bind(8, startAccount.hiddenHint ? 1 : 0)
        .run();
    bumpGraphGeneration(m_db);
    tx.commit();
    return crawl;
}

std::optional<QueuedAccount> CrawlState::next(const CrawlRecord& crawl)
{
    Statement& st = m_db.cached(
        "SELECT id, depth, account, handle, name, url, remote_id, following_count, hidden_hint, coalesce(cursor, ''), "
        "pages FROM crawl_account WHERE crawl_id = ? AND state = 'queued' ORDER BY id LIMIT 1");
    st.bind(1, crawl.id);
    if (!st.step()) {
        st.reset();
        return std::nullopt;
    }
    QueuedAccount queued;
    queued.row = st.int64(0);
    queued.depth = static_cast<int>(st.int64(1));
    queued.account = Account{.key = st.text(2),
                             .handle = st.text(3),
                             .name = st.text(4),
                             .url = st.text(5),
                             .remoteId = optionalText(st, 6),
                             .followingCount = st.optionalInt64(7),
                             .hiddenHint = st.int64(8) != 0};
    queued.cursor = st.text(9);
    queued.pages = static_cast<int>(st.int64(10));
    st.reset();
    return queued;
}

bool CrawlState::stillQueued(const QueuedAccount& account)
{
    Statement& st = m_db.cached("SELECT 1 FROM crawl_account WHERE id = ? AND state = 'queued'");
    st.bind(1, account.row);
    const bool queued = st.step();
    st.reset();
    return queued;
}

void CrawlState::storePage(CrawlRecord& crawl, const QueuedAccount& account, const PageFetch& page)
{
    Transaction tx(m_db);
    Statement& stage =
        m_db.cached("INSERT INTO crawl_follow (crawl_account_id, target, position, handle, name, url, remote_id, "
                    "following_count, hidden_hint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (crawl_account_id, target) DO NOTHING");
    std::int64_t position = std::int64_t{account.pages} * 1'000'000;
    for (const Account& follow : page.follows) {
        stage.bind(1, account.row)
            .bind(2, follow.key)
            .bind(3, position++)
            .bind(4, follow.handle)
            .bind(5, follow.name)
            .bind(6, follow.url)
            .bindOptional(7, follow.remoteId.value_or(""))
            .bindOptional(8, follow.followingCount)
            .bind(9, follow.hiddenHint ? 1 : 0)
            .run();
    }
    m_db.cached("UPDATE crawl_account SET cursor = ?, pages = pages + 1, remote_id = coalesce(?, remote_id), "
                "following_count = coalesce(?, following_count) WHERE id = ?")
        .bindOptional(1, page.next.value_or(""))
        .bindOptional(2, page.remoteId.value_or(""))
        .bindOptional(3, page.followingCount)
        .bind(4, account.row)
        .run();
    if (!page.next) {
        writeList(crawl, account);
    }
    tx.commit();
}

void CrawlState::setListStatus(const std::string& key, const std::string& status, std::int64_t follows,
                               const std::string& now)
{
    m_db.cached("INSERT INTO follow_list (network, key, status, follows, fetched_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (network, key) DO UPDATE SET status = excluded.status, follows = excluded.follows, "
                "fetched_at = excluded.fetched_at")
        .bind(1, m_network)
        .bind(2, key)
        .bind(3, status)
        .bind(4, follows)
        .bind(5, now)
        .run();
}

void CrawlState::writeList(CrawlRecord& crawl, const QueuedAccount& account)
{
    const std::string now = utcNowIso8601();
    ensureBatch(crawl);
    bool fetchedBefore = false;
    {
        Statement& before =
            m_db.cached("SELECT 1 FROM follow_list WHERE network = ? AND key = ? AND status = 'public'");
        before.bind(1, m_network).bind(2, account.account.key);
        fetchedBefore = before.step();
        before.reset();
    }

    // The list as an import batch writes it: the account, each follow, a link to each.
    import::BatchWriter writer(
        m_db, import::BatchWriterOptions{.batchId = crawl.batch, .fileLabel = m_network + ":" + account.account.key});
    writer.person(recordOf(m_network, account.account));
    std::vector<std::string> targets;
    {
        Statement st = m_db.prepare("SELECT target, handle, name, url FROM crawl_follow WHERE crawl_account_id = ? "
                                    "ORDER BY position");
        st.bind(1, account.row);
        while (st.step()) {
            targets.push_back(st.text(0));
            writer.person(recordOf(
                m_network, Account{.key = st.text(0), .handle = st.text(1), .name = st.text(2), .url = st.text(3)}));
        }
    }
    for (const std::string& target : targets) {
        writer.link(import::LinkRecord{.from = account.account.key, .to = target, .kind = LinkKind::Follows});
    }
    writer.finish();
    const import::ImportCounts& counts = writer.counts();

    const auto from = PeopleRepository(m_db).findByIdentity(m_network, account.account.key);
    if (from) {
        // Persons the fetched list names, for last_seen and what disappeared.
        m_db.execute("CREATE TEMP TABLE IF NOT EXISTS crawl_seen (person_id INTEGER PRIMARY KEY)");
        m_db.execute("DELETE FROM temp.crawl_seen");
        m_db.cached("INSERT OR IGNORE INTO temp.crawl_seen (person_id) SELECT i.person_id FROM crawl_follow f "
                    "JOIN identity i ON i.network = ? AND i.key = f.target WHERE f.crawl_account_id = ?")
            .bind(1, m_network)
            .bind(2, account.row)
            .run();
        m_db.cached("UPDATE link SET last_seen = unixepoch(?) WHERE from_person = ? AND kind = ? AND to_person IN "
                    "(SELECT person_id FROM temp.crawl_seen)")
            .bind(1, now)
            .bind(2, from->value())
            .bind(3, kLinkFollows)
            .run();
        if (fetchedBefore) {
            m_db.cached("INSERT INTO crawl_change (crawl_id, from_person, to_person, change, at) "
                        "SELECT ?, from_person, to_person, 'added', ? FROM link WHERE from_person = ? AND kind = ? "
                        "AND batch_id = ? ORDER BY id")
                .bind(1, crawl.id)
                .bind(2, now)
                .bind(3, from->value())
                .bind(4, kLinkFollows)
                .bind(5, crawl.batch)
                .run();
        }
        // Follows of this network no longer in the list: the link stays with its old last_seen.
        m_db.cached("INSERT INTO crawl_change (crawl_id, from_person, to_person, change, at) "
                    "SELECT ?, l.from_person, l.to_person, 'gone', ? FROM link l WHERE l.from_person = ? AND "
                    "l.kind = ? AND l.to_person NOT IN (SELECT person_id FROM temp.crawl_seen) AND EXISTS "
                    "(SELECT 1 FROM identity i WHERE i.person_id = l.to_person AND i.network = ?) ORDER BY l.id")
            .bind(1, crawl.id)
            .bind(2, now)
            .bind(3, from->value())
            .bind(4, kLinkFollows)
            .bind(5, m_network)
            .run();
        m_db.execute("DELETE FROM temp.crawl_seen");
    }
    if (m_network == "bsky") {
        // Handles change on Bluesky while the DID stays: keep the one the network uses now.
        m_db.cached("UPDATE identity SET handle = f.handle FROM crawl_follow f WHERE f.crawl_account_id = ? AND "
                    "identity.network = ? AND identity.key = f.target AND f.handle <> '' AND "
                    "identity.handle IS NOT f.handle")
            .bind(1, account.row)
            .bind(2, m_network)
            .run();
        if (!account.account.handle.empty()) {
            m_db.cached("UPDATE identity SET handle = ? WHERE network = ? AND key = ? AND handle IS NOT ?")
                .bind(1, account.account.handle)
                .bind(2, m_network)
                .bind(3, account.account.key)
                .bind(4, account.account.handle)
                .run();
        }
    }
    setListStatus(account.account.key, "public", static_cast<std::int64_t>(targets.size()), now);

    // The follows one level deeper: queued while above the depth limit, else only seen.
    m_db.cached("INSERT INTO crawl_account (crawl_id, account, depth, state, handle, name, url, remote_id, "
                "following_count, hidden_hint) SELECT ?1, target, ?2, CASE WHEN ?2 < ?3 THEN 'queued' ELSE 'leaf' "
                "END, handle, name, url, remote_id, following_count, hidden_hint FROM crawl_follow "
                "WHERE crawl_account_id = ?4 ORDER BY position ON CONFLICT (crawl_id, account) DO NOTHING")
        .bind(1, crawl.id)
        .bind(2, account.depth + 1)
        .bind(3, crawl.depth)
        .bind(4, account.row)
        .run();
    m_db.cached("DELETE FROM crawl_follow WHERE crawl_account_id = ?").bind(1, account.row).run();
    m_db.cached("UPDATE crawl_account SET state = 'done', cursor = NULL WHERE id = ?").bind(1, account.row).run();
    m_db.cached("UPDATE crawl SET links_added = links_added + ? WHERE id = ?")
        .bind(1, counts.linksAdded)
        .bind(2, crawl.id)
        .run();
    // Each list's writer counts the existing people it saw; across lists the same person would
    // count again, so "merged" is the batch's distinct sources instead.
    m_db.cached("UPDATE import_batch SET persons_added = persons_added + ?1, persons_merged = (SELECT count(*) FROM "
                "person_source WHERE batch_id = ?5), links_added = links_added + ?2, skipped = skipped + ?3, "
                "warnings = warnings + ?4 WHERE id = ?5")
        .bind(1, counts.personsAdded)
        .bind(2, counts.linksAdded)
        .bind(3, counts.skipped)
        .bind(4, counts.warningCount)
        .bind(5, crawl.batch)
        .run();
    bumpGraphGeneration(m_db);
}

void CrawlState::markHidden(const QueuedAccount& account)
{
    Transaction tx(m_db);
    m_db.cached("DELETE FROM crawl_follow WHERE crawl_account_id = ?").bind(1, account.row).run();
    m_db.cached("UPDATE crawl_account SET state = 'hidden', cursor = NULL WHERE id = ?").bind(1, account.row).run();
    setListStatus(account.account.key, "hidden", 0, utcNowIso8601());
    tx.commit();
}

void CrawlState::markFailed(const CrawlRecord& crawl, const QueuedAccount& account, const std::string& url,
                            const std::string& error)
{
    Transaction tx(m_db);
    // Nothing of a list that could not be read completely is stored.
    m_db.cached("DELETE FROM crawl_follow WHERE crawl_account_id = ?").bind(1, account.row).run();
    m_db.cached("UPDATE crawl_account SET state = 'failed', cursor = NULL WHERE id = ?").bind(1, account.row).run();
    m_db.cached("INSERT INTO crawl_error (crawl_id, url, error) VALUES (?, ?, ?)")
        .bind(1, crawl.id)
        .bind(2, url)
        .bind(3, error)
        .run();
    tx.commit();
}

void CrawlState::finish(const CrawlRecord& crawl)
{
    m_db.cached("UPDATE crawl SET status = 'done', finished_at = ? WHERE id = ?")
        .bind(1, utcNowIso8601())
        .bind(2, crawl.id)
        .run();
}

std::int64_t CrawlState::processed(const CrawlRecord& crawl)
{
    Statement& st =
        m_db.cached("SELECT count(*) FROM crawl_account WHERE crawl_id = ? AND state IN ('done', 'hidden', 'failed')");
    st.bind(1, crawl.id);
    st.step();
    const std::int64_t count = st.int64(0);
    st.reset();
    return count;
}

std::int64_t CrawlState::queued(const CrawlRecord& crawl)
{
    Statement& st = m_db.cached("SELECT count(*) FROM crawl_account WHERE crawl_id = ? AND state = 'queued'");
    st.bind(1, crawl.id);
    st.step();
    const std::int64_t count = st.int64(0);
    st.reset();
    return count;
}

CrawlSummary CrawlState::summary(const CrawlRecord& crawl)
{
    CrawlSummary summary;
    summary.crawlId = crawl.id;
    summary.batch = crawl.batch;
    {
        Statement st = m_db.prepare("SELECT count(*), coalesce(sum(state = 'done'), 0) FROM crawl_account "
                                    "WHERE crawl_id = ?");
        st.bind(1, crawl.id);
        st.step();
        summary.accountsSeen = st.int64(0);
        summary.followListsFetched = st.int64(1);
    }
    {
        Statement st = m_db.prepare("SELECT links_added FROM crawl WHERE id = ?");
        st.bind(1, crawl.id);
        summary.linksAdded = st.step() ? st.int64(0) : 0;
    }
    {
        Statement st = m_db.prepare("SELECT account FROM crawl_account WHERE crawl_id = ? AND state = 'hidden' "
                                    "ORDER BY id");
        st.bind(1, crawl.id);
        while (st.step()) {
            summary.hidden.push_back(m_network + ":" + st.text(0));
        }
    }
    {
        Statement st = m_db.prepare("SELECT url, error FROM crawl_error WHERE crawl_id = ? ORDER BY id");
        st.bind(1, crawl.id);
        while (st.step()) {
            summary.errors.push_back(CrawlError{.url = st.text(0), .error = st.text(1)});
        }
    }
    return summary;
}

std::vector<CrawlChange> CrawlState::changes(Database& db, std::int64_t crawl)
{
    if (crawl == 0) {
        Statement newest = db.prepare("SELECT coalesce(max(crawl_id), 0) FROM crawl_change");
        newest.step();
        crawl = newest.int64(0);
    }
    std::vector<CrawlChange> changes;
    Statement st =
        db.prepare("SELECT c.crawl_id, c.from_person, c.to_person, c.change, c.at, "
                   "coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(l.last_seen, l.first_seen), 'unixepoch'), '') "
                   "FROM crawl_change c LEFT JOIN link l ON l.from_person = c.from_person AND "
                   "l.to_person = c.to_person AND l.kind = 0 WHERE c.crawl_id = ? ORDER BY c.id");
    st.bind(1, crawl);
    while (st.step()) {
        changes.push_back(CrawlChange{.crawl = st.int64(0),
                                      .from = PersonId(st.int64(1)),
                                      .to = PersonId(st.int64(2)),
                                      .change = st.text(3),
                                      .at = st.text(4),
                                      .lastSeen = st.text(5)});
    }
    return changes;
}

}  // namespace warmpath::fetch
