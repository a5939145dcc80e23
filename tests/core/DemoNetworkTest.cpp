#include <gtest/gtest.h>

#include "TestSupport.h"
#include "Workspace.h"

using namespace warmpath;

namespace {

const Date kToday = *parseDate("2026-11-26");

std::string bundledDemo()
{
    return test::readFile(test::sourceDir() / "resources" / "demo" / "demo-network.json");
}

}  // namespace

TEST(DemoNetwork, BundledDemoLoadsAsARealisticNetwork)
{
    auto ws = Workspace::openInMemory();
    const auto loaded = ws->loadDemoNetwork(bundledDemo(), kToday);
    ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
    const Stats stats = *ws->stats();
    EXPECT_GE(stats.persons, 1400);
    EXPECT_LE(stats.persons, 1600);
    EXPECT_GE(stats.links, 10000);
    EXPECT_GE(stats.tags, 5);
    EXPECT_NE(ws->person(*ws->me())->displayName, "Me") << "the demo's me has a real name";
}

TEST(DemoNetwork, FollowUpDatesAreRelativeToToday)
{
    auto ws = Workspace::openInMemory();
    ASSERT_TRUE(ws->loadDemoNetwork(bundledDemo(), kToday).ok());
    int overdue = 0;
    int upcoming = 0;
    for (const PersonSummary& row : *ws->peopleSummaries()) {
        if (row.followUpDue.empty()) {
            continue;
        }
        (row.followUpDue < "2026-11-26" ? overdue : upcoming)++;
    }
    EXPECT_GT(overdue, 0);
    EXPECT_GT(upcoming, 0);
}

TEST(DemoNetwork, LoadsOnlyIntoAnEmptyDatabase)
{
    auto ws = Workspace::openInMemory();
    ASSERT_TRUE(ws->loadDemoNetwork(bundledDemo(), kToday).ok());
    const Stats before = *ws->stats();
    EXPECT_FALSE(ws->loadDemoNetwork(bundledDemo(), kToday).ok());
    EXPECT_EQ(*ws->stats(), before);
}

TEST(DemoNetwork, MalformedDemoChangesNothing)
{
    auto ws = Workspace::openInMemory();
    const Stats before = *ws->stats();
    EXPECT_FALSE(ws->loadDemoNetwork("{\"format\":\"warmpath-demo\",\"people\":[{\"name\":\"A\"},{\"name\":\"B\"}],"
                                     "\"links\":[[0,1,\"follows\"],[0,7,\"follows\"]]}",
                                     kToday)
                     .ok());
    EXPECT_EQ(*ws->stats(), before);
    EXPECT_FALSE(ws->loadDemoNetwork("not json", kToday).ok());
    EXPECT_FALSE(ws->loadDemoNetwork("{\"format\":\"something-else\"}", kToday).ok());
}
