#include "store/Schema.h"

#include <array>
#include <cstdint>
#include <string>

namespace warmpath {
namespace {

// Version 1: who is who, and who is linked to whom.
constexpr std::string_view kPeopleAndLinks = R"sql(
-- Small facts about the database as a whole (store/Meta.h), e.g. the graph generation that
-- tells a cached graph snapshot whether it is still current.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('graph_generation', '1');

CREATE TABLE import_batch (
    id             INTEGER PRIMARY KEY,
    file_name      TEXT NOT NULL,
    format         TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    imported_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    persons_added  INTEGER NOT NULL DEFAULT 0,
    persons_merged INTEGER NOT NULL DEFAULT 0,
    links_added    INTEGER NOT NULL DEFAULT 0,
    tags_added     INTEGER NOT NULL DEFAULT 0,
    skipped        INTEGER NOT NULL DEFAULT 0,
    warnings       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX import_batch_by_sha256 ON import_batch(sha256);

CREATE TABLE person (
    id           INTEGER PRIMARY KEY,
    display_name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    location     TEXT NOT NULL DEFAULT '',
    notes_count  INTEGER NOT NULL DEFAULT 0,
    is_me        INTEGER NOT NULL DEFAULT 0 CHECK (is_me IN (0, 1)),
    batch_id     INTEGER REFERENCES import_batch(id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX person_only_one_me ON person(is_me) WHERE is_me = 1;
CREATE INDEX person_by_name ON person(display_name COLLATE NOCASE);

CREATE TABLE identity (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    network   TEXT NOT NULL,
    key       TEXT NOT NULL,
    handle    TEXT,
    url       TEXT,
    batch_id  INTEGER REFERENCES import_batch(id) ON DELETE SET NULL,
    UNIQUE (network, key)
);
CREATE INDEX identity_by_person ON identity(person_id);
CREATE INDEX identity_by_handle ON identity(network, handle COLLATE NOCASE) WHERE handle IS NOT NULL;

-- kind: 0 follows, 1 connection, 2 knows, 3 colleague, 4 related (model/LinkKind.h).
-- batch_id is the import that first brought the link; link_source lists the others that saw it.
CREATE TABLE link (
    id          INTEGER PRIMARY KEY,
    from_person INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    to_person   INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    kind        INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 4),
    batch_id    INTEGER REFERENCES import_batch(id) ON DELETE SET NULL,
    confidence  REAL NOT NULL DEFAULT 1.0 CHECK (confidence >= 0.0 AND confidence <= 1.0),
    first_seen  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    last_seen   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (from_person, to_person, kind),
    CHECK (from_person <> to_person)
);
CREATE INDEX link_by_target ON link(to_person);

CREATE TABLE link_source (
    link_id  INTEGER NOT NULL REFERENCES link(id) ON DELETE CASCADE,
    batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
    PRIMARY KEY (link_id, batch_id)
) WITHOUT ROWID;
CREATE INDEX link_source_by_batch ON link_source(batch_id);

CREATE TABLE tag (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE person_tag (
    person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    batch_id   INTEGER REFERENCES import_batch(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (person_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX person_tag_by_tag ON person_tag(tag_id);

INSERT INTO person (display_name, is_me) VALUES ('Me', 1);
)sql";

// Version 2: what the user keeps about people (the follow-up half of the product).
constexpr std::string_view kFollowUpWorkflow = R"sql(
CREATE TABLE note (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    batch_id   INTEGER REFERENCES import_batch(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX note_by_person ON note(person_id);

-- person.notes_count follows the note table whatever writes to it.
CREATE TRIGGER note_counted AFTER INSERT ON note BEGIN
    UPDATE person SET notes_count = notes_count + 1 WHERE id = NEW.person_id;
END;
CREATE TRIGGER note_uncounted AFTER DELETE ON note BEGIN
    UPDATE person SET notes_count = notes_count - 1 WHERE id = OLD.person_id;
END;
CREATE TRIGGER note_moved AFTER UPDATE OF person_id ON note WHEN OLD.person_id <> NEW.person_id BEGIN
    UPDATE person SET notes_count = notes_count - 1 WHERE id = OLD.person_id;
    UPDATE person SET notes_count = notes_count + 1 WHERE id = NEW.person_id;
END;

-- Dates are YYYY-MM-DD in the user's calendar.
CREATE TABLE follow_up (
    person_id      INTEGER PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
    due_date       TEXT,
    cadence_days   INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
    last_contacted TEXT,
    snoozed_until  TEXT,
    done           INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX follow_up_by_due ON follow_up(due_date) WHERE done = 0;

CREATE TABLE intro_request (
    id            INTEGER PRIMARY KEY,
    target_id     INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    introducer_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
    status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'asked', 'introduced', 'declined')),
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX intro_request_by_target ON intro_request(target_id);
CREATE INDEX intro_request_by_introducer ON intro_request(introducer_id);

-- A suggestion the user does not want to see again, per person suggestions were made for.
CREATE TABLE dismissed_suggestion (
    for_person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    person_id     INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    dismissed_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (for_person_id, person_id)
) WITHOUT ROWID;
CREATE INDEX dismissed_suggestion_by_person ON dismissed_suggestion(person_id);
)sql";

// Version 3: imports that can be undone precisely, the merge-review queue and merge history.
constexpr std::string_view kImportsAndMerges = R"sql(
-- Every further batch that saw a person or an identity (the first is the row's batch_id), so
-- undoing one import removes only what no other batch brought.
CREATE TABLE person_source (
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    batch_id  INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, batch_id)
) WITHOUT ROWID;
CREATE INDEX person_source_by_batch ON person_source(batch_id);

CREATE TABLE identity_source (
    identity_id INTEGER NOT NULL REFERENCES identity(id) ON DELETE CASCADE,
    batch_id    INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
    PRIMARY KEY (identity_id, batch_id)
) WITHOUT ROWID;
CREATE INDEX identity_source_by_batch ON identity_source(batch_id);

-- The import that created a tag, so undoing it removes tags nobody else uses.
ALTER TABLE tag ADD COLUMN batch_id INTEGER REFERENCES import_batch(id) ON DELETE SET NULL;

-- Undoing an import looks rows up by batch.
CREATE INDEX person_by_batch ON person(batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX identity_by_batch ON identity(batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX link_by_batch ON link(batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX person_tag_by_batch ON person_tag(batch_id) WHERE batch_id IS NOT NULL;

-- Probable duplicates waiting for the user: person_a < person_b.
CREATE TABLE merge_candidate (
    id         INTEGER PRIMARY KEY,
    person_a   INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    person_b   INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    reason     TEXT NOT NULL,
    batch_id   INTEGER REFERENCES import_batch(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (person_a, person_b),
    CHECK (person_a < person_b)
);
CREATE INDEX merge_candidate_by_b ON merge_candidate(person_b);

-- What a merge folded in, so `split` can give an identity its person back.
CREATE TABLE merge_history (
    id                    INTEGER PRIMARY KEY,
    kept_id               INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    absorbed_id           INTEGER NOT NULL,
    absorbed_name         TEXT NOT NULL,
    absorbed_organisation TEXT NOT NULL DEFAULT '',
    absorbed_title        TEXT NOT NULL DEFAULT '',
    absorbed_location     TEXT NOT NULL DEFAULT '',
    merged_at             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX merge_history_by_kept ON merge_history(kept_id);

CREATE TABLE merge_history_identity (
    merge_id INTEGER NOT NULL REFERENCES merge_history(id) ON DELETE CASCADE,
    network  TEXT NOT NULL,
    key      TEXT NOT NULL,
    PRIMARY KEY (merge_id, network, key)
) WITHOUT ROWID;
CREATE INDEX merge_history_identity_by_key ON merge_history_identity(network, key);

-- Links that ended at the absorbed person; their ids survive the merge.
CREATE TABLE merge_history_link (
    merge_id INTEGER NOT NULL REFERENCES merge_history(id) ON DELETE CASCADE,
    link_id  INTEGER NOT NULL,
    PRIMARY KEY (merge_id, link_id)
) WITHOUT ROWID;
)sql";

// Version 4: crawls of public follow lists (core/fetch/). The frontier, the cursors and the
// follows of a list still being paged are all here, so `crawl ... --resume` continues exactly
// where an interrupted crawl stopped without fetching a stored page again.
constexpr std::string_view kCrawls = R"sql(
-- One crawl: a start account and the options it was started with (a resume uses these).
CREATE TABLE crawl (
    id           INTEGER PRIMARY KEY,
    network      TEXT NOT NULL CHECK (network IN ('bsky', 'mastodon')),
    start        TEXT NOT NULL,              -- as given: handle, DID or user@host
    api          TEXT NOT NULL DEFAULT '',   -- --api base URL; '' when each account's own server
    depth        INTEGER NOT NULL CHECK (depth >= 1),
    max_accounts INTEGER NOT NULL DEFAULT 0, -- 0: no limit
    as_me        INTEGER NOT NULL DEFAULT 0 CHECK (as_me IN (0, 1)),
    batch_id     INTEGER REFERENCES import_batch(id) ON DELETE SET NULL,
    status       TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'abandoned')),
    links_added  INTEGER NOT NULL DEFAULT 0,
    started_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    finished_at  TEXT
);
CREATE INDEX crawl_by_start ON crawl(network, start, status);

-- Every account a crawl has seen, in the order seen (id): the frontier is the 'queued' rows.
-- 'leaf' accounts were seen at the depth limit: stored as people, their lists not fetched.
CREATE TABLE crawl_account (
    id              INTEGER PRIMARY KEY,
    crawl_id        INTEGER NOT NULL REFERENCES crawl(id) ON DELETE CASCADE,
    account         TEXT NOT NULL,   -- identity key: a DID, or user@host
    depth           INTEGER NOT NULL,
    state           TEXT NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'done', 'hidden', 'failed', 'leaf')),
    handle          TEXT NOT NULL DEFAULT '',
    name            TEXT NOT NULL DEFAULT '',
    url             TEXT NOT NULL DEFAULT '',
    remote_id       TEXT,            -- Mastodon: the account id on the server that will be asked
    following_count INTEGER,         -- as the profile said; -1 or NULL when unknown
    hidden_hint     INTEGER NOT NULL DEFAULT 0, -- the profile already says the list is not public
    cursor          TEXT,            -- the next page: a Bluesky cursor or a Mastodon `next` URL
    pages           INTEGER NOT NULL DEFAULT 0,
    UNIQUE (crawl_id, account)
);
CREATE INDEX crawl_account_frontier ON crawl_account(crawl_id, state, id);

-- The follows of a list whose pages are still being fetched; written to the graph (and
-- removed from here) in one transaction when the last page has arrived.
CREATE TABLE crawl_follow (
    crawl_account_id INTEGER NOT NULL REFERENCES crawl_account(id) ON DELETE CASCADE,
    target           TEXT NOT NULL,
    position         INTEGER NOT NULL,  -- the order the API listed them in
    handle           TEXT NOT NULL DEFAULT '',
    name             TEXT NOT NULL DEFAULT '',
    url              TEXT NOT NULL DEFAULT '',
    remote_id        TEXT,
    following_count  INTEGER,
    hidden_hint      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (crawl_account_id, target)
) WITHOUT ROWID;

-- Responses that could not be used, with the URL, as `crawl --json` reports them.
CREATE TABLE crawl_error (
    id       INTEGER PRIMARY KEY,
    crawl_id INTEGER NOT NULL REFERENCES crawl(id) ON DELETE CASCADE,
    url      TEXT NOT NULL,
    error    TEXT NOT NULL
);
CREATE INDEX crawl_error_by_crawl ON crawl_error(crawl_id);

-- What the last complete fetch of an account's follow list found, across crawls.
CREATE TABLE follow_list (
    network    TEXT NOT NULL,
    key        TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('public', 'hidden')),
    follows    INTEGER NOT NULL DEFAULT 0,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (network, key)
) WITHOUT ROWID;

-- Follows a re-fetch found new ('added') or no longer there ('gone': the link stays, with the
-- last_seen of the fetch that last saw it).
CREATE TABLE crawl_change (
    id          INTEGER PRIMARY KEY,
    crawl_id    INTEGER NOT NULL REFERENCES crawl(id) ON DELETE CASCADE,
    from_person INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    to_person   INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    change      TEXT NOT NULL CHECK (change IN ('added', 'gone')),
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX crawl_change_by_crawl ON crawl_change(crawl_id);
CREATE INDEX crawl_change_by_from ON crawl_change(from_person);
CREATE INDEX crawl_change_by_to ON crawl_change(to_person);
)sql";

// Version 5: faster bulk imports, and imports that can give back the details they filled in.
constexpr std::string_view kLeanImports = R"sql(
-- Every bulk import wrote each of its rows into these too (a 2M-link edge list: 2M index
-- entries); only `undo-import` reads them, and one scan of the table there costs less than
-- that. Each is one table scan in ImportRepository::undo.
DROP INDEX link_by_batch;
DROP INDEX identity_by_batch;
DROP INDEX person_by_batch;

-- A detail (display name, organisation, title, location) an import filled in on a person who
-- already existed: which batch supplied which value over what was there before, so undoing
-- that batch puts `previous` back unless another batch supplied the same value too, and so
-- `split` can hand the detail to the person it splits off.
CREATE TABLE person_detail_source (
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    field     TEXT NOT NULL CHECK (field IN ('display_name', 'organisation', 'title', 'location')),
    batch_id  INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
    value     TEXT NOT NULL,
    previous  TEXT NOT NULL,
    PRIMARY KEY (person_id, field, batch_id)
) WITHOUT ROWID;
CREATE INDEX person_detail_source_by_batch ON person_detail_source(batch_id);
)sql";

// Version 6: narrow link rows. A fresh import wrote two 20-byte ISO-8601 texts per link (an
// edge list of 2M lines: 80 MB of the 209 MB file, and the bytes every b-tree page split and
// the link_by_target rebuild move around); unix seconds take 4 bytes, and a last_seen that
// equals first_seen is not stored at all. Readers format them as ISO-8601 (SQL:
// strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(last_seen, first_seen), 'unixepoch')).
// The table is rebuilt (a column's type cannot be altered); migrate() runs this with foreign
// keys off, as SQLite's own procedure asks, so dropping the old table does not cascade into
// link_source, and checks them before it commits. Link ids are kept: link_source,
// merge_history_link and the graph snapshot cache refer to them.
constexpr std::string_view kNarrowLinks = R"sql(
-- kind: 0 follows, 1 connection, 2 knows, 3 colleague, 4 related (model/LinkKind.h).
-- batch_id is the import that first brought the link; link_source lists the others that saw it.
-- first_seen and last_seen are unix seconds (UTC); last_seen NULL means "same as first_seen",
-- until a crawl or another import sees the link again.
CREATE TABLE link_v6 (
    id          INTEGER PRIMARY KEY,
    from_person INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    to_person   INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    kind        INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 4),
    batch_id    INTEGER REFERENCES import_batch(id) ON DELETE SET NULL,
    confidence  REAL NOT NULL DEFAULT 1.0 CHECK (confidence >= 0.0 AND confidence <= 1.0),
    first_seen  INTEGER NOT NULL DEFAULT (unixepoch()),
    last_seen   INTEGER,
    UNIQUE (from_person, to_person, kind),
    CHECK (from_person <> to_person)
);
INSERT INTO link_v6 (id, from_person, to_person, kind, batch_id, confidence, first_seen, last_seen)
    SELECT id, from_person, to_person, kind, batch_id, confidence,
           coalesce(unixepoch(first_seen), unixepoch()),
           nullif(coalesce(unixepoch(last_seen), unixepoch(first_seen), unixepoch()),
                  coalesce(unixepoch(first_seen), unixepoch()))
    FROM link ORDER BY id;
DROP TABLE link;
ALTER TABLE link_v6 RENAME TO link;
CREATE INDEX link_by_target ON link(to_person);
)sql";

constexpr std::array kMigrations = {
    Migration{1, "people, identities, links, tags and import batches", kPeopleAndLinks},
    Migration{2, "notes, follow-ups, intro requests and dismissed suggestions", kFollowUpWorkflow},
    Migration{3, "import sources, merge-review queue and merge history", kImportsAndMerges},
    Migration{4, "crawl frontier, cursors, follow-list status and changes", kCrawls},
    Migration{5, "leaner import indexes and the sources of filled-in details", kLeanImports},
    Migration{6, "narrow link rows: timestamps in unix seconds, last_seen only when it differs", kNarrowLinks},
};

int readPragmaInt(Database& db, std::string_view pragma)
{
    Statement st = db.prepare(pragma);
    return st.step() ? static_cast<int>(st.int64(0)) : 0;
}

/// Turns foreign-key enforcement off for its lifetime and back to what it was.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(Database& db) : m_db(db), m_wasOn(readPragmaInt(db, "PRAGMA foreign_keys") != 0)
    {
        m_db.execute("PRAGMA foreign_keys = OFF");
    }
    ~ForeignKeysOff()
    {
        if (m_wasOn) {
            try {
                m_db.execute("PRAGMA foreign_keys = ON");
            } catch (const DatabaseError&) {
                // A destructor cannot report it; outside a transaction this pragma does not fail.
            }
        }
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;
    ForeignKeysOff(ForeignKeysOff&&) = delete;
    ForeignKeysOff& operator=(ForeignKeysOff&&) = delete;

private:
    Database& m_db;
    bool m_wasOn;
};

std::int64_t countForeignKeyViolations(Database& db)
{
    Statement st = db.prepare("SELECT count(*) FROM pragma_foreign_key_check");
    return st.step() ? st.int64(0) : 0;
}

bool hasAnyTable(Database& db)
{
    Statement st = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' LIMIT 1");
    return st.step();
}

}  // namespace

std::span<const Migration> builtinMigrations()
{
    return kMigrations;
}

int latestSchemaVersion()
{
    return kMigrations.back().version;
}

int schemaVersion(Database& db)
{
    return readPragmaInt(db, "PRAGMA user_version");
}

Status migrate(Database& db, std::span<const Migration> migrations)
{
    const std::string where = db.path().string();
    try {
        const int applicationId = readPragmaInt(db, "PRAGMA application_id");
        const int current = schemaVersion(db);
        if (applicationId != kApplicationId && (applicationId != 0 || current != 0 || hasAnyTable(db))) {
            return Error("an SQLite database that does not belong to Warmpath; it was left untouched", where);
        }
        const int latest = migrations.empty() ? 0 : migrations.back().version;
        if (current > latest) {
            return Error("this database was written by a newer Warmpath (schema version " + std::to_string(current) +
                             "; this program knows up to " + std::to_string(latest) +
                             "). Install a newer Warmpath to open it; the file was left untouched",
                         where);
        }
        if (current == latest) {
            return {};
        }

        // A migration that rebuilds a table drops the old one, which with foreign keys on would
        // delete the rows that refer to it. SQLite's procedure: foreign keys off outside the
        // transaction, and a foreign_key_check before the commit.
        const ForeignKeysOff foreignKeysOff(db);
        Transaction tx(db);
        // Compared, not required to be zero: an old database may hold a dangling row from before
        // foreign keys were on, and that must not stop it from opening.
        const std::int64_t violationsBefore = countForeignKeyViolations(db);
        // application_id and user_version are header fields: they change with the transaction.
        db.execute("PRAGMA application_id = " + std::to_string(kApplicationId));
        for (const Migration& step : migrations) {
            if (step.version <= current) {
                continue;
            }
            try {
                db.execute(step.sql);
            } catch (const DatabaseError& e) {
                return Error("schema migration to version " + std::to_string(step.version) + " (" +
                                 std::string(step.description) + ") failed: " + e.what() +
                                 "; the database was left as it was",
                             where);
            }
            // The version is our own integer constant, not outside text.
            db.execute("PRAGMA user_version = " + std::to_string(step.version));
        }
        if (countForeignKeyViolations(db) > violationsBefore) {
            return Error("schema migration to version " + std::to_string(latest) +
                             " would leave rows that refer to missing ones; the database was left as it was",
                         where);
        }
        tx.commit();
        return {};
    } catch (const DatabaseError& e) {
        return Error(std::string("cannot upgrade the database: ") + e.what(), where);
    }
}

}  // namespace warmpath
