#include <gtest/gtest.h>

#include "store/Database.h"
#include "store/Schema.h"

using namespace warmpath;

namespace {

bool tableExists(Database& db, const char* name)
{
    Statement st = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
    st.bind(1, name);
    return st.step();
}

TEST(CrawlSchema, Version4AddsTheCrawlFrontierCursorsListStatusAndChanges)
{
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db).ok());
    EXPECT_GE(latestSchemaVersion(), 4);
    for (const char* table : {"crawl", "crawl_account", "crawl_follow", "crawl_error", "follow_list", "crawl_change"}) {
        EXPECT_TRUE(tableExists(db, table)) << table;
    }
    db.execute("INSERT INTO crawl (network, start, depth) VALUES ('bsky', 'ana.test', 2)");
    db.execute("INSERT INTO crawl_account (crawl_id, account, depth) VALUES (1, 'did:plc:ana', 0)");
    // An account is in a crawl's frontier once.
    EXPECT_THROW(db.execute("INSERT INTO crawl_account (crawl_id, account, depth) VALUES (1, 'did:plc:ana', 1)"),
                 DatabaseError);
    EXPECT_THROW(db.execute("INSERT INTO crawl (network, start, depth) VALUES ('x', 'a', 2)"), DatabaseError);
    EXPECT_THROW(db.execute("INSERT INTO crawl (network, start, depth) VALUES ('bsky', 'a', 0)"), DatabaseError);
    // Forgetting a crawl forgets its frontier.
    db.execute("DELETE FROM crawl");
    Statement left = db.prepare("SELECT count(*) FROM crawl_account");
    left.step();
    EXPECT_EQ(left.int64(0), 0);
}

TEST(CrawlSchema, Version3DatabaseUpgradesToVersion4KeepingLinks)
{
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db, builtinMigrations().first(3)).ok());
    db.execute("INSERT INTO person (display_name) VALUES ('A')");
    db.execute("INSERT INTO link (from_person, to_person, kind) VALUES (1, 2, 0)");
    ASSERT_TRUE(migrate(db).ok());
    EXPECT_EQ(schemaVersion(db), latestSchemaVersion());
    EXPECT_TRUE(tableExists(db, "crawl"));
    Statement st = db.prepare("SELECT count(*) FROM link");
    st.step();
    EXPECT_EQ(st.int64(0), 1);
}

}  // namespace
