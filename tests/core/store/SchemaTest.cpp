#include <array>

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "Workspace.h"
#include "store/Database.h"
#include "store/Schema.h"

using namespace warmpath;
using warmpath::test::TempDir;

namespace {

std::int64_t countRows(Database& db, const std::string& table)
{
    Statement st = db.prepare("SELECT count(*) FROM " + table);
    st.step();
    return st.int64(0);
}

bool tableExists(Database& db, std::string_view table)
{
    Statement st = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
    st.bind(1, table);
    return st.step();
}

}  // namespace

TEST(Schema, EmptyDatabaseMigratesToTheLatestVersion)
{
    Database db = Database::openInMemory();
    ASSERT_EQ(schemaVersion(db), 0);
    ASSERT_TRUE(migrate(db).ok());
    EXPECT_EQ(schemaVersion(db), latestSchemaVersion());
    for (const char* table : {"person", "identity", "link", "link_source", "tag", "person_tag", "note", "follow_up",
                              "intro_request", "import_batch", "dismissed_suggestion", "meta"}) {
        EXPECT_TRUE(tableExists(db, table)) << table;
    }
}

TEST(Schema, Version3AddsImportSourcesTheReviewQueueAndMergeHistory)
{
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db).ok());
    EXPECT_GE(latestSchemaVersion(), 3);
    for (const char* table : {"person_source", "identity_source", "merge_candidate", "merge_history",
                              "merge_history_identity", "merge_history_link"}) {
        EXPECT_TRUE(tableExists(db, table)) << table;
    }
    // A candidate pair is stored once, smaller id first.
    db.execute("INSERT INTO person (display_name) VALUES ('A'), ('B')");
    db.execute("INSERT INTO merge_candidate (person_a, person_b, reason) VALUES (2, 3, 'same name')");
    EXPECT_THROW(db.execute("INSERT INTO merge_candidate (person_a, person_b, reason) VALUES (3, 2, 'x')"),
                 DatabaseError);
}

TEST(Schema, Version2DatabaseUpgradesToVersion3KeepingTags)
{
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db, builtinMigrations().first(2)).ok());
    db.execute("INSERT INTO tag (name) VALUES ('Mentors')");
    ASSERT_TRUE(migrate(db).ok());
    EXPECT_EQ(schemaVersion(db), latestSchemaVersion());
    Statement st = db.prepare("SELECT name, batch_id IS NULL FROM tag");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), "Mentors");
    EXPECT_EQ(st.int64(1), 1);
}

TEST(Schema, EveryDatabaseHasExactlyOneMePerson)
{
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db).ok());
    Statement st = db.prepare("SELECT count(*) FROM person WHERE is_me = 1");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.int64(0), 1);
    EXPECT_THROW(db.execute("INSERT INTO person (display_name, is_me) VALUES ('Second me', 1)"), DatabaseError);
}

TEST(Schema, MigratingTwiceChangesNothing)
{
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db).ok());
    ASSERT_TRUE(migrate(db).ok());
    EXPECT_EQ(countRows(db, "person"), 1);
}

TEST(Schema, OlderSchemaIsUpgradedKeepingItsData)
{
    TempDir dir;
    const auto path = dir.file("old.db");
    {
        auto db = Database::open(path, OpenMode::CreateIfMissing);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(migrate(*db, builtinMigrations().first(1)).ok());
        ASSERT_EQ(schemaVersion(*db), 1);
        ASSERT_FALSE(tableExists(*db, "note"));
        db->execute("INSERT INTO person (display_name, organisation) VALUES ('Ana Souza', 'Acme')");
        db->execute("INSERT INTO identity (person_id, network, key) VALUES (2, 'linkedin', 'ana-souza')");
    }
    auto ws = Workspace::open(path);
    ASSERT_TRUE(ws.ok()) << ws.error().describe();
    auto ana = (*ws)->resolve("linkedin:ana-souza");
    ASSERT_TRUE(ana.ok());
    EXPECT_EQ((*ws)->person(*ana)->organisation, "Acme");
    auto db = Database::open(path, OpenMode::MustExist);
    EXPECT_EQ(schemaVersion(*db), latestSchemaVersion());
    EXPECT_TRUE(tableExists(*db, "note"));
}

TEST(Schema, FailingMigrationRollsBackEverything)
{
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db, builtinMigrations().first(1)).ok());
    db.execute("INSERT INTO person (display_name) VALUES ('Kept')");
    const std::array<Migration, 3> broken = {
        builtinMigrations()[0],
        Migration{2, "adds a table", "CREATE TABLE added_then_rolled_back (x INTEGER);"},
        Migration{3, "fails half way", "INSERT INTO person (display_name) VALUES ('x'); SELECT * FROM no_such_table;"},
    };
    Status result = migrate(db, broken);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("version 3"), std::string::npos) << result.error().message;
    EXPECT_EQ(schemaVersion(db), 1);
    EXPECT_FALSE(tableExists(db, "added_then_rolled_back"));
    EXPECT_EQ(countRows(db, "person"), 2);
}

TEST(Schema, NewerSchemaIsRefusedWithAClearMessage)
{
    TempDir dir;
    const auto path = dir.file("future.db");
    {
        auto ws = Workspace::open(path);
        ASSERT_TRUE(ws.ok());
    }
    {
        auto db = Database::open(path, OpenMode::MustExist);
        db->execute("PRAGMA user_version = " + std::to_string(latestSchemaVersion() + 5));
    }
    const auto before = test::readFile(path);
    auto ws = Workspace::open(path);
    ASSERT_FALSE(ws.ok());
    EXPECT_NE(ws.error().message.find("newer Warmpath"), std::string::npos) << ws.error().message;
    EXPECT_NE(ws.error().describe().find("future.db"), std::string::npos);
    auto db = Database::open(path, OpenMode::MustExist);
    EXPECT_EQ(schemaVersion(*db), latestSchemaVersion() + 5);
}

TEST(Schema, AnotherProgramsSqliteFileIsRefused)
{
    TempDir dir;
    const auto path = dir.file("other.sqlite");
    {
        auto db = Database::open(path, OpenMode::CreateIfMissing);
        db->execute("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('bread')");
    }
    auto ws = Workspace::open(path);
    ASSERT_FALSE(ws.ok());
    EXPECT_NE(ws.error().message.find("does not belong to Warmpath"), std::string::npos);
    auto db = Database::open(path, OpenMode::MustExist);
    EXPECT_EQ(countRows(*db, "recipes"), 1);
    EXPECT_FALSE(tableExists(*db, "person"));
}

TEST(Schema, DeletingAPersonCascadesToEverythingAboutThem)
{
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db).ok());
    db.execute(R"sql(
        INSERT INTO person (id, display_name) VALUES (2, 'Ana'), (3, 'Bo');
        INSERT INTO identity (person_id, network, key) VALUES (2, 'email', 'ana@example.com');
        INSERT INTO link (from_person, to_person, kind) VALUES (2, 3, 0), (3, 2, 0), (1, 2, 1);
        INSERT INTO tag (id, name) VALUES (1, 'Mentors');
        INSERT INTO person_tag (person_id, tag_id) VALUES (2, 1);
        INSERT INTO note (person_id, text) VALUES (2, 'Met at a conference');
        INSERT INTO follow_up (person_id, due_date) VALUES (2, '2026-12-01');
        INSERT INTO intro_request (target_id, introducer_id) VALUES (2, 3), (3, 2);
        INSERT INTO dismissed_suggestion (for_person_id, person_id) VALUES (1, 2);
    )sql");
    db.execute("DELETE FROM person WHERE id = 2");
    EXPECT_EQ(countRows(db, "identity"), 0);
    EXPECT_EQ(countRows(db, "link"), 0);
    EXPECT_EQ(countRows(db, "person_tag"), 0);
    EXPECT_EQ(countRows(db, "tag"), 1) << "the tag itself stays";
    EXPECT_EQ(countRows(db, "note"), 0);
    EXPECT_EQ(countRows(db, "follow_up"), 0);
    EXPECT_EQ(countRows(db, "dismissed_suggestion"), 0);
    // An intro about Ana goes; one Ana was to make loses its introducer but stays.
    Statement intro = db.prepare("SELECT target_id, introducer_id FROM intro_request");
    ASSERT_TRUE(intro.step());
    EXPECT_EQ(intro.int64(0), 3);
    EXPECT_TRUE(intro.isNull(1));
    EXPECT_FALSE(intro.step());
}

TEST(Schema, DeletingAnImportBatchKeepsWhatItBroughtButForgetsTheSource)
{
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db).ok());
    db.execute(R"sql(
        INSERT INTO import_batch (id, file_name, format, sha256) VALUES (7, 'a.csv', 'linkedin', 'ab');
        INSERT INTO person (id, display_name, batch_id) VALUES (2, 'Ana', 7);
        INSERT INTO link (id, from_person, to_person, kind, batch_id) VALUES (1, 1, 2, 1, 7);
        INSERT INTO link_source (link_id, batch_id) VALUES (1, 7);
        DELETE FROM import_batch WHERE id = 7;
    )sql");
    EXPECT_EQ(countRows(db, "person"), 2);
    EXPECT_EQ(countRows(db, "link"), 1);
    EXPECT_EQ(countRows(db, "link_source"), 0);
}

TEST(Schema, NotesCountFollowsTheNoteTable)
{
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db).ok());
    db.execute("INSERT INTO person (id, display_name) VALUES (2, 'Ana'), (3, 'Bo')");
    db.execute("INSERT INTO note (id, person_id, text) VALUES (1, 2, 'a'), (2, 2, 'b')");
    auto notes = [&db](int id) {
        Statement st = db.prepare("SELECT notes_count FROM person WHERE id = ?");
        st.bind(1, id);
        st.step();
        return st.int64(0);
    };
    EXPECT_EQ(notes(2), 2);
    db.execute("UPDATE note SET person_id = 3 WHERE id = 1");
    EXPECT_EQ(notes(2), 1);
    EXPECT_EQ(notes(3), 1);
    db.execute("DELETE FROM note WHERE id = 2");
    EXPECT_EQ(notes(2), 0);
}

TEST(Schema, SelfLinksAndOutOfRangeConfidenceAreRejected)
{
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db).ok());
    db.execute("INSERT INTO person (id, display_name) VALUES (2, 'Ana')");
    EXPECT_THROW(db.execute("INSERT INTO link (from_person, to_person, kind) VALUES (2, 2, 0)"), DatabaseError);
    EXPECT_THROW(db.execute("INSERT INTO link (from_person, to_person, kind, confidence) VALUES (1, 2, 0, 1.5)"),
                 DatabaseError);
    EXPECT_THROW(db.execute("INSERT INTO link (from_person, to_person, kind) VALUES (1, 99, 0)"), DatabaseError);
}

TEST(Schema, VersionFourDatabaseWithLinksFromTwoBatchesKeepsThemAndUndoesExactlyAfterUpgrade)
{
    TempDir dir;
    const auto path = dir.file("v4.db");
    {
        auto db = Database::open(path, OpenMode::CreateIfMissing);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(migrate(*db, builtinMigrations().first(4)).ok());
        ASSERT_EQ(schemaVersion(*db), 4);
        db->execute(R"sql(
            INSERT INTO import_batch (id, file_name, format, sha256) VALUES (1, 'a.txt', 'edgelist', 'a'),
                                                                            (2, 'b.txt', 'edgelist', 'b');
            INSERT INTO person (id, display_name, batch_id) VALUES (2, 'Ana', 1), (3, 'Bo', 1), (4, 'Cy', 2);
            INSERT INTO person_source (person_id, batch_id) VALUES (3, 2);
            INSERT INTO identity (id, person_id, network, key, batch_id)
                VALUES (1, 2, 'a', '2', 1), (2, 3, 'a', '3', 1), (3, 4, 'a', '4', 2);
            INSERT INTO identity_source (identity_id, batch_id) VALUES (2, 2);
            INSERT INTO link (id, from_person, to_person, kind, batch_id, first_seen, last_seen)
                VALUES (1, 2, 3, 0, 1, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'),
                       (2, 3, 4, 0, 2, '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z');
            INSERT INTO link_source (link_id, batch_id) VALUES (1, 2);
        )sql");
    }
    auto ws = Workspace::open(path);
    ASSERT_TRUE(ws.ok()) << ws.error().describe();
    {
        auto db = Database::open(path, OpenMode::MustExist);
        EXPECT_EQ(schemaVersion(*db), latestSchemaVersion());
        EXPECT_TRUE(tableExists(*db, "person_detail_source"));
        EXPECT_EQ(countRows(*db, "link"), 2);
        EXPECT_EQ(countRows(*db, "link_source"), 1);
        Statement first = db->prepare("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', first_seen, 'unixepoch'), "
                                      "strftime('%Y-%m-%dT%H:%M:%SZ', last_seen, 'unixepoch') FROM link WHERE id = 1");
        ASSERT_TRUE(first.step());
        EXPECT_EQ(first.text(0), "2026-01-01T00:00:00Z");
        EXPECT_EQ(first.text(1), "2026-02-01T00:00:00Z");
    }
    // Batch 2 alone brought Cy and the link Bo -> Cy; Ana -> Bo came with batch 1 first.
    auto undone = (*ws)->undoImport(2);
    ASSERT_TRUE(undone.ok()) << undone.error().describe();
    EXPECT_EQ(undone->linksRemoved, 1);
    EXPECT_EQ(undone->personsRemoved, 1);
    auto db = Database::open(path, OpenMode::MustExist);
    EXPECT_EQ(countRows(*db, "link"), 1);
    EXPECT_EQ(countRows(*db, "link_source"), 0);
    EXPECT_EQ(countRows(*db, "person"), 3);
}

TEST(Schema, VersionFiveLinksBecomeNarrowRowsKeepingIdsSourcesAndTimesToTheSecond)
{
    TempDir dir;
    const auto path = dir.file("v5.db");
    {
        auto db = Database::open(path, OpenMode::CreateIfMissing);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(migrate(*db, builtinMigrations().first(5)).ok());
        ASSERT_EQ(schemaVersion(*db), 5);
        // Two import batches, then a crawl that saw link 7 again and reported link 9 gone.
        db->execute(R"sql(
            INSERT INTO import_batch (id, file_name, format, sha256) VALUES (1, 'a.txt', 'edgelist', 'a'),
                                                                            (2, 'b.txt', 'edgelist', 'b');
            INSERT INTO person (id, display_name, batch_id) VALUES (2, 'Ana', 1), (3, 'Bo', 1), (4, 'Cy', 2);
            INSERT INTO link (id, from_person, to_person, kind, batch_id, confidence, first_seen, last_seen)
                VALUES (7, 2, 3, 0, 1, 1.0, '2026-01-01T08:00:01Z', '2026-02-01T10:20:30Z'),
                       (8, 3, 2, 2, 1, 0.5, '2026-01-01T08:00:01Z', '2026-01-01T08:00:01Z'),
                       (9, 3, 4, 0, 2, 1.0, '2024-03-15T00:00:00Z', '2026-01-20T23:59:59Z');
            INSERT INTO link_source (link_id, batch_id) VALUES (7, 2), (9, 1);
            INSERT INTO merge_history (id, kept_id, absorbed_id, absorbed_name) VALUES (1, 2, 5, 'Ann');
            INSERT INTO merge_history_link (merge_id, link_id) VALUES (1, 8);
            INSERT INTO crawl (id, network, start, depth, batch_id) VALUES (1, 'bsky', 'ana.test', 1, 2);
            INSERT INTO crawl_change (crawl_id, from_person, to_person, change, at)
                VALUES (1, 3, 4, 'gone', '2026-02-01T10:20:30Z'), (1, 2, 3, 'added', '2026-02-01T10:20:30Z');
        )sql");
    }
    auto ws = Workspace::open(path);
    ASSERT_TRUE(ws.ok()) << ws.error().describe();
    {
        auto db = Database::open(path, OpenMode::MustExist);
        ASSERT_TRUE(db.ok());
        EXPECT_EQ(schemaVersion(*db), 6);
        Statement st = db->prepare("SELECT id, from_person, to_person, kind, batch_id, confidence, typeof(first_seen), "
                                   "strftime('%Y-%m-%dT%H:%M:%SZ', first_seen, 'unixepoch'), "
                                   "strftime('%Y-%m-%dT%H:%M:%SZ', last_seen, 'unixepoch') FROM link ORDER BY id");
        ASSERT_TRUE(st.step());
        EXPECT_EQ(st.int64(0), 7);
        EXPECT_EQ(st.text(6), "integer");
        EXPECT_EQ(st.text(7), "2026-01-01T08:00:01Z");
        EXPECT_EQ(st.text(8), "2026-02-01T10:20:30Z");
        ASSERT_TRUE(st.step());
        EXPECT_EQ(st.int64(0), 8);
        EXPECT_EQ(st.int64(3), 2);
        EXPECT_DOUBLE_EQ(st.real(5), 0.5);
        EXPECT_EQ(st.text(7), "2026-01-01T08:00:01Z");
        EXPECT_TRUE(st.isNull(8)) << "a last_seen equal to first_seen is not stored";
        ASSERT_TRUE(st.step());
        EXPECT_EQ(st.int64(0), 9);
        EXPECT_EQ(st.int64(1), 3);
        EXPECT_EQ(st.int64(2), 4);
        EXPECT_EQ(st.int64(3), 0);
        EXPECT_EQ(st.int64(4), 2);
        EXPECT_EQ(st.text(7), "2024-03-15T00:00:00Z");
        EXPECT_EQ(st.text(8), "2026-01-20T23:59:59Z");
        EXPECT_FALSE(st.step());
        // Rebuilding the table did not cascade into the rows that refer to link ids.
        EXPECT_EQ(countRows(*db, "link_source"), 2);
        EXPECT_EQ(countRows(*db, "merge_history_link"), 1);
        Statement index = db->prepare("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = 'link_by_target'");
        EXPECT_TRUE(index.step());
        Statement fk = db->prepare("PRAGMA foreign_keys");
        ASSERT_TRUE(fk.step());
        EXPECT_EQ(fk.int64(0), 1);
    }
    // The crawl report still shows each link's last_seen as ISO-8601 text.
    auto changes = (*ws)->crawlChanges(1);
    ASSERT_TRUE(changes.ok()) << changes.error().describe();
    ASSERT_EQ(changes->size(), 2U);
    EXPECT_EQ((*changes)[0].lastSeen, "2026-01-20T23:59:59Z");
    EXPECT_EQ((*changes)[1].lastSeen, "2026-02-01T10:20:30Z");
    // Batch 2 brought link 9 first but batch 1 saw it too; Cy came with batch 2 alone.
    auto undone = (*ws)->undoImport(2);
    ASSERT_TRUE(undone.ok()) << undone.error().describe();
    EXPECT_EQ(undone->linksRemoved, 0);
}

TEST(Schema, LinksWrittenWithoutTimesGetNowInUnixSecondsAndNoLastSeen)
{
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db).ok());
    db.execute("INSERT INTO person (id, display_name) VALUES (2, 'Ana')");
    db.execute("INSERT INTO link (from_person, to_person, kind) VALUES (1, 2, 0)");
    Statement st = db.prepare("SELECT abs(first_seen - unixepoch()) <= 2, last_seen IS NULL FROM link");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.int64(0), 1);
    EXPECT_EQ(st.int64(1), 1);
}
