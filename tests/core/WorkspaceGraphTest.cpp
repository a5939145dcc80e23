#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "CliRunner.h"
#include "TestSupport.h"
#include "Workspace.h"
#include "graph/SnapshotCache.h"
#include "store/Database.h"
#include "store/Links.h"
#include "store/Meta.h"
#include "store/People.h"
#include "store/Schema.h"
#include "store/Tags.h"

using namespace warmpath;
using warmpath::test::TempDir;

namespace {

/// Me ⇄ Ana (LinkedIn connection, from contacts.csv), Ana → Bo (from ana-follows.json),
/// me → Cy → Bo (follows), Bo → Dee; Eve on her own.
class WorkspaceGraphTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        path = dir.file("ws.db");
        auto db = Database::open(path, OpenMode::CreateIfMissing);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(migrate(*db).ok());
        PeopleRepository people(*db);
        LinkRepository links(*db);
        db->execute("INSERT INTO import_batch (file_name, format, sha256) VALUES ('contacts.csv', 'csv', 'x'), "
                    "('ana-follows.json', 'json', 'y')");
        me = people.me();
        ana = people.insert({.displayName = "Ana Souza"});
        people.addIdentity(ana, {.network = "linkedin", .key = "ana-souza", .handle = "", .url = ""});
        bo = people.insert({.displayName = "Bo"});
        people.addIdentity(bo, {.network = "bsky", .key = "bo.bsky.social", .handle = "", .url = ""});
        cy = people.insert({.displayName = "Cy"});
        dee = people.insert({.displayName = "Dee"});
        eve = people.insert({.displayName = "Eve"});
        links.upsert(me, ana, LinkKind::Connection, 1.0, 1);
        links.upsert(ana, me, LinkKind::Connection, 1.0, 1);
        links.upsert(ana, bo, LinkKind::Follows, 1.0, 2);
        links.upsert(me, cy, LinkKind::Follows);
        links.upsert(cy, bo, LinkKind::Follows);
        links.upsert(bo, dee, LinkKind::Follows);
        bumpGraphGeneration(*db);
        open();
    }

    void open()
    {
        workspace.reset();
        auto ws = Workspace::open(path);
        ASSERT_TRUE(ws.ok()) << ws.error().describe();
        workspace = std::move(ws).value();
    }

    TempDir dir;
    std::filesystem::path path;
    std::unique_ptr<Workspace> workspace;
    PersonId me, ana, bo, cy, dee, eve;
};

}  // namespace

TEST_F(WorkspaceGraphTest, TheFirstSnapshotIsBuiltAndCachedBesideTheDatabase)
{
    auto snap = workspace->snapshot();
    ASSERT_TRUE(snap.ok()) << snap.error().describe();
    EXPECT_EQ((*snap)->personCount(), 6U);
    EXPECT_EQ((*snap)->linkCount(), 6U);
    EXPECT_EQ(workspace->lastSnapshotSource(), "database");
    EXPECT_TRUE(std::filesystem::exists(SnapshotCache::pathFor(path)));
    EXPECT_EQ(workspace->currentSnapshot(), *snap);
    // Private like the database: the cache says who is linked to whom.
    EXPECT_EQ(std::filesystem::status(SnapshotCache::pathFor(path)).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

TEST_F(WorkspaceGraphTest, TheEgoMapHoldsThePeopleWithinTheHopsNearestFirstWithEachLinkOnce)
{
    auto map = workspace->egoMap({.centre = me, .hops = 1});
    ASSERT_TRUE(map.ok()) << map.error().describe();
    ASSERT_EQ(map->nodes.size(), 3U);  // me, Ana, Cy
    EXPECT_EQ(map->nodes[0].id, me);
    EXPECT_EQ(map->nodes[0].hops, 0);
    EXPECT_EQ(map->nodes[1].hops, 1);
    EXPECT_EQ(map->nodes[0].links, 2U);
    // Me ⇄ Ana counts once; me → Cy once.
    EXPECT_EQ(map->links.size(), 2U);
    for (const auto& [a, b] : map->links) {
        EXPECT_LT(a, b);
    }
}

TEST_F(WorkspaceGraphTest, TheEgoMapGrowsWithTheHopsAndLeavesTheUnconnectedOut)
{
    auto map = workspace->egoMap({.centre = me, .hops = 3});
    ASSERT_TRUE(map.ok()) << map.error().describe();
    EXPECT_EQ(map->nodes.size(), 5U);  // everyone but Eve
    EXPECT_EQ(map->nodes.back().id, dee);
    EXPECT_EQ(map->nodes.back().hops, 3);
}

TEST_F(WorkspaceGraphTest, TheEgoMapKeepsTheNearestWhenCapped)
{
    auto map = workspace->egoMap({.centre = me, .hops = 3, .maxPeople = 2});
    ASSERT_TRUE(map.ok()) << map.error().describe();
    ASSERT_EQ(map->nodes.size(), 2U);
    EXPECT_EQ(map->nodes[1].hops, 1);
}

TEST_F(WorkspaceGraphTest, ACancelledEgoMapIsAnError)
{
    CancelToken cancel;
    cancel.cancel();
    auto map = workspace->egoMap({.centre = me, .hops = 2}, {}, &cancel);
    EXPECT_FALSE(map.ok());
}

TEST_F(WorkspaceGraphTest, ADismissedSuggestionStaysAwayUntilShownAgain)
{
    ASSERT_TRUE(workspace->setSuggestionDismissed(me, bo, true).ok());
    ASSERT_TRUE(workspace->setSuggestionDismissed(me, bo, true).ok());  // twice is once
    auto answer = workspace->suggestions({.forPerson = me});
    ASSERT_TRUE(answer.ok());
    EXPECT_TRUE(answer->suggestions.empty());
    ASSERT_TRUE(workspace->setSuggestionDismissed(me, bo, false).ok());
    answer = workspace->suggestions({.forPerson = me});
    ASSERT_TRUE(answer.ok());
    ASSERT_EQ(answer->suggestions.size(), 1U);
    EXPECT_EQ(answer->suggestions[0].person.id, bo);
}

TEST_F(WorkspaceGraphTest, DismissingForSomeoneUnknownIsAnError)
{
    EXPECT_FALSE(workspace->setSuggestionDismissed(me, PersonId(9999), true).ok());
}

TEST_F(WorkspaceGraphTest, TheNextOpenLoadsTheCache)
{
    ASSERT_TRUE(workspace->snapshot().ok());
    open();
    ASSERT_TRUE(workspace->snapshot().ok());
    EXPECT_EQ(workspace->lastSnapshotSource(), "cache");
}

TEST_F(WorkspaceGraphTest, AChangeOfTheGraphMakesTheCacheStale)
{
    ASSERT_TRUE(workspace->snapshot().ok());
    {
        auto db = Database::open(path, OpenMode::MustExist);
        ASSERT_TRUE(db.ok());
        Transaction tx(*db);
        LinkRepository(*db).upsert(dee, eve, LinkKind::Follows);
        bumpGraphGeneration(*db);
        tx.commit();
    }
    auto snap = workspace->snapshot();
    ASSERT_TRUE(snap.ok());
    EXPECT_EQ((*snap)->linkCount(), 7U);
    EXPECT_EQ(workspace->lastSnapshotSource(), "database");
    EXPECT_EQ(**workspace->separation(me, eve), 4);
}

TEST_F(WorkspaceGraphTest, ADamagedCacheIsIgnoredAndRebuilt)
{
    ASSERT_TRUE(workspace->snapshot().ok());
    std::string bytes = test::readFile(SnapshotCache::pathFor(path));
    bytes[bytes.size() - 1] ^= 0x1;
    test::writeFile(SnapshotCache::pathFor(path), bytes);
    open();
    auto snap = workspace->snapshot();
    ASSERT_TRUE(snap.ok());
    EXPECT_EQ(workspace->lastSnapshotSource(), "database");
    EXPECT_EQ((*snap)->linkCount(), 6U);
}

TEST_F(WorkspaceGraphTest, DegreesCountEveryLevel)
{
    auto degrees = workspace->degrees(me);
    ASSERT_TRUE(degrees.ok());
    EXPECT_EQ(degrees->from.ref, "me");
    EXPECT_EQ(degrees->levels, (std::vector<std::uint64_t>{2, 1, 1}));
    EXPECT_EQ(degrees->unreachable, 1U);
}

TEST_F(WorkspaceGraphTest, WarmPathsNameEveryoneAndExplainEveryHop)
{
    auto answer = workspace->warmPaths({.from = me, .to = bo, .k = 3});
    ASSERT_TRUE(answer.ok()) << answer.error().describe();
    EXPECT_EQ(answer->degree, 2);
    ASSERT_EQ(answer->paths.size(), 2U);
    const WarmPathView& best = answer->paths[0];
    ASSERT_EQ(best.people.size(), 3U);
    EXPECT_EQ(best.people[1].ref, "linkedin:ana-souza");
    EXPECT_EQ(best.people[1].name, "Ana Souza");
    EXPECT_EQ(best.links[0].kind, "connection");
    EXPECT_TRUE(best.links[0].mutual);
    EXPECT_EQ(best.links[0].sources, (std::vector<std::string>{"contacts.csv"}));
    EXPECT_EQ(best.links[1].kind, "follows");
    EXPECT_FALSE(best.links[1].mutual);
    EXPECT_EQ(best.links[1].sources, (std::vector<std::string>{"ana-follows.json"}));
    EXPECT_GT(best.warmth, answer->paths[1].warmth);
}

TEST_F(WorkspaceGraphTest, ATaggedFirstHopWins)
{
    {
        auto db = Database::open(path, OpenMode::MustExist);
        TagRepository tags(*db);
        tags.assign(cy, tags.ensure("friend"));
        db->execute("UPDATE link SET confidence = 0.5 WHERE from_person = " + std::to_string(ana.value()) +
                    " AND to_person = " + std::to_string(bo.value()));
    }
    auto answer = workspace->warmPaths({.from = me, .to = bo, .k = 1});
    ASSERT_TRUE(answer.ok());
    EXPECT_EQ(answer->paths[0].people[1].name, "Cy");
}

TEST_F(WorkspaceGraphTest, NotConnectedIsAnAnswerNotAnError)
{
    auto answer = workspace->warmPaths({.from = me, .to = eve});
    ASSERT_TRUE(answer.ok());
    EXPECT_FALSE(answer->degree.has_value());
    EXPECT_TRUE(answer->paths.empty());
}

TEST_F(WorkspaceGraphTest, SuggestionsLeaveOutDismissedPeople)
{
    auto answer = workspace->suggestions({.forPerson = me});
    ASSERT_TRUE(answer.ok());
    ASSERT_EQ(answer->suggestions.size(), 1U);
    EXPECT_EQ(answer->suggestions[0].person.ref, "bsky:bo.bsky.social");
    EXPECT_DOUBLE_EQ(answer->suggestions[0].score, 1.0 / 2 + 1.0);  // Ana: outdeg 2, Cy: outdeg 1
    EXPECT_EQ(answer->suggestions[0].via,
              (std::vector<std::string>{"#" + std::to_string(cy.value()), "linkedin:ana-souza"}));
    {
        auto db = Database::open(path, OpenMode::MustExist);
        db->execute("INSERT INTO dismissed_suggestion (for_person_id, person_id) VALUES (" +
                    std::to_string(me.value()) + ", " + std::to_string(bo.value()) + ")");
    }
    answer = workspace->suggestions({.forPerson = me});
    ASSERT_TRUE(answer.ok());
    EXPECT_TRUE(answer->suggestions.empty());
}

TEST_F(WorkspaceGraphTest, SuggestionsViaATagUseOnlyTaggedContacts)
{
    {
        auto db = Database::open(path, OpenMode::MustExist);
        TagRepository tags(*db);
        tags.assign(ana, tags.ensure("Colleagues"));
    }
    auto answer = workspace->suggestions({.forPerson = me, .viaTag = "colleagues"});
    ASSERT_TRUE(answer.ok());
    ASSERT_EQ(answer->suggestions.size(), 1U);
    EXPECT_DOUBLE_EQ(answer->suggestions[0].score, 0.5);
    EXPECT_FALSE(workspace->suggestions({.forPerson = me, .viaTag = "nobody"}).ok());
}

// --- the CLI contracts ---------------------------------------------------------------------

TEST_F(WorkspaceGraphTest, CliDegreesPrintsLevelsAsJson)
{
    const auto run = test::runCli(dir, {"--db", path.string(), "degrees", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(nlohmann::json::parse(run.out),
              nlohmann::json::parse(R"({"from":"me","levels":{"1":2,"2":1,"3":1},"unreachable":1})"));
    const auto directed =
        test::runCli(dir, {"--db", path.string(), "degrees", "--from", "bsky:bo.bsky.social", "--directed", "--json"});
    EXPECT_EQ(nlohmann::json::parse(directed.out),
              nlohmann::json::parse(R"({"from":"bsky:bo.bsky.social","levels":{"1":1},"unreachable":4})"));
}

TEST_F(WorkspaceGraphTest, CliPathPrintsTheDocumentedJson)
{
    const auto run = test::runCli(dir, {"--db", path.string(), "path", "Bo", "--k", "1", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    EXPECT_EQ(doc["from"], "me");
    EXPECT_EQ(doc["to"], "bsky:bo.bsky.social");
    EXPECT_EQ(doc["degree"], 2);
    ASSERT_EQ(doc["paths"].size(), 1U);
    const auto& p = doc["paths"][0];
    EXPECT_EQ(p["hops"], 2);
    EXPECT_TRUE(p["warmth"].is_number());
    EXPECT_EQ(p["people"][1], (nlohmann::json{{"ref", "linkedin:ana-souza"}, {"name", "Ana Souza"}}));
    EXPECT_EQ(p["links"][0], nlohmann::json::parse(R"({"from":"me","to":"linkedin:ana-souza","kind":"connection",
        "mutual":true,"sources":["contacts.csv"]})"));
    const auto none = test::runCli(dir, {"--db", path.string(), "path", "Eve", "--json"});
    EXPECT_EQ(none.exitCode, 0);
    EXPECT_EQ(nlohmann::json::parse(none.out)["degree"], nullptr);
}

TEST_F(WorkspaceGraphTest, CliPathAvoidsPeople)
{
    const auto run =
        test::runCli(dir, {"--db", path.string(), "path", "Bo", "--avoid", "linkedin:ana-souza", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    ASSERT_EQ(doc["paths"].size(), 1U);
    EXPECT_EQ(doc["paths"][0]["people"][1]["name"], "Cy");
}

TEST_F(WorkspaceGraphTest, CliPathPairsAnswersEveryLine)
{
    const auto run = test::runCli(dir, {"--db", path.string(), "path", "--pairs", "-"},
                                  "me bsky:bo.bsky.social\nBo Dee\n\nDee me\nme Eve\n");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, "me bsky:bo.bsky.social 2\nbsky:bo.bsky.social #" + std::to_string(dee.value()) + " 1\n#" +
                           std::to_string(dee.value()) + " me 3\nme #" + std::to_string(eve.value()) + " -1\n");
    const auto directed = test::runCli(dir, {"--db", path.string(), "path", "--pairs", "-", "--directed"}, "Dee me\n");
    EXPECT_EQ(directed.out, "#" + std::to_string(dee.value()) + " me -1\n");
}

TEST_F(WorkspaceGraphTest, CliPathPairsReportsTheBadLine)
{
    test::writeFile(dir.file("pairs.txt"), "me Bo\nme Nobody\n");
    const auto run = test::runCli(dir, {"--db", path.string(), "path", "--pairs", "pairs.txt"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("pairs.txt:2"), std::string::npos) << run.err;
}

TEST_F(WorkspaceGraphTest, CliPathNeedsATarget)
{
    EXPECT_EQ(test::runCli(dir, {"--db", path.string(), "path"}).exitCode, 2);
    EXPECT_EQ(test::runCli(dir, {"--db", path.string(), "path", "Nobody"}).exitCode, 1);
}

TEST_F(WorkspaceGraphTest, CliSuggestPrintsTheDocumentedJson)
{
    const auto run = test::runCli(dir, {"--db", path.string(), "suggest", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(nlohmann::json::parse(run.out),
              nlohmann::json::parse(R"({"for":"me","metric":"ra","suggestions":[{"ref":"bsky:bo.bsky.social",
                  "name":"Bo","score":1.5,"via":["#)" +
                                    std::to_string(cy.value()) + R"(","linkedin:ana-souza"]}]})"));
    const auto cn = test::runCli(dir, {"--db", path.string(), "suggest", "--metric", "cn", "--limit", "5", "--json"});
    EXPECT_EQ(nlohmann::json::parse(cn.out)["suggestions"][0]["score"], 2);
    EXPECT_EQ(test::runCli(dir, {"--db", path.string(), "suggest", "--metric", "xx"}).exitCode, 2);
}

TEST_F(WorkspaceGraphTest, CliSuggestUsersAnswersEveryLineOfTheFile)
{
    const auto run =
        test::runCli(dir, {"--db", path.string(), "suggest", "--users", "-"}, "me\n  linkedin:ana-souza \n\nEve\n");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, "me\t1\tbsky:bo.bsky.social\t1.5\n"
                       "linkedin:ana-souza\t1\t#" +
                           std::to_string(dee.value()) +
                           "\t1\n"
                           "linkedin:ana-souza\t2\t#" +
                           std::to_string(cy.value()) + "\t0.5\n")
        << "Eve has no suggestion and prints no line";
}

TEST_F(WorkspaceGraphTest, CliSuggestUsersJsonIsTheSingleAnswerOnceALine)
{
    test::writeFile(dir.file("users.txt"), "me\nAna Souza\nEve\n");
    const auto batch = test::runCli(
        dir, {"--db", path.string(), "suggest", "--users", "users.txt", "--metric", "cn", "--limit", "1", "--json"});
    ASSERT_EQ(batch.exitCode, 0) << batch.err;
    std::string oneByOne;
    for (const char* ref : {"me", "Ana Souza", "Eve"}) {
        const auto single = test::runCli(
            dir, {"--db", path.string(), "suggest", "--for", ref, "--metric", "cn", "--limit", "1", "--json"});
        ASSERT_EQ(single.exitCode, 0) << single.err;
        oneByOne += single.out;
    }
    EXPECT_EQ(batch.out, oneByOne);
}

TEST_F(WorkspaceGraphTest, CliSuggestUsersReportsTheBadLineBeforeAnyAnswer)
{
    test::writeFile(dir.file("users.txt"), "me\nNobody\n");
    const auto run = test::runCli(dir, {"--db", path.string(), "suggest", "--users", "users.txt"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("users.txt:2"), std::string::npos) << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(test::runCli(dir, {"--db", path.string(), "suggest", "--users", "-", "--for", "me"}).exitCode, 2);
    EXPECT_EQ(test::runCli(dir, {"--db", path.string(), "suggest", "--users", "missing.txt"}).exitCode, 1);
}

TEST_F(WorkspaceGraphTest, BrokersBridgeToAnOrganisation)
{
    {
        auto db = Database::open(path, OpenMode::MustExist);
        db->execute("UPDATE person SET organisation = 'Acme' WHERE id = " + std::to_string(dee.value()));
    }
    auto plain = workspace->brokers({.forPerson = me});
    ASSERT_TRUE(plain.ok());
    ASSERT_EQ(plain->brokers.size(), 2U);
    EXPECT_EQ(plain->brokers[0].uniqueReach, 0U);  // Bo is reached through Ana and through Cy
    EXPECT_EQ(plain->brokers[0].reach, 1U);
    auto none = workspace->brokers({.forPerson = me, .organisation = "acme"});
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->brokers.empty());  // Dee is three hops away: no contact links to her
    auto bridges = workspace->brokers({.forPerson = bo, .organisation = "Acme"});
    ASSERT_TRUE(bridges.ok());
    EXPECT_TRUE(bridges->brokers.empty() || bridges->brokers[0].contact.name != "Dee");
    EXPECT_FALSE(workspace->brokers({.forPerson = me, .organisation = "Nowhere"}).ok());
}

TEST_F(WorkspaceGraphTest, CliBrokersPrintsJson)
{
    const auto run = test::runCli(dir, {"--db", path.string(), "brokers", "--for", "Ana Souza", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    EXPECT_EQ(doc["for"], "linkedin:ana-souza");
    EXPECT_EQ(doc["target"], nullptr);
    ASSERT_EQ(doc["brokers"].size(), 2U);
    EXPECT_EQ(doc["brokers"][0]["ref"], "bsky:bo.bsky.social");  // the only way to Dee
    EXPECT_EQ(doc["brokers"][0]["unique"], 1);
    EXPECT_EQ(doc["brokers"][0]["examples"], nlohmann::json::array({"#" + std::to_string(dee.value())}));
}

TEST_F(WorkspaceGraphTest, CliMetricsSummarisesTheGraph)
{
    const auto run = test::runCli(dir, {"--db", path.string(), "metrics", "--top", "3", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    EXPECT_EQ(doc["people"], 6);
    EXPECT_EQ(doc["links"], 6);
    EXPECT_EQ(doc["components"], nlohmann::json::parse(R"({"count":2,"largest":5})"));
    EXPECT_EQ(doc["pagerank"]["top"].size(), 3U);
    EXPECT_EQ(doc["pagerank"]["top"][0]["ref"], "#" + std::to_string(dee.value()));  // everyone flows to Dee
    EXPECT_EQ(doc["degree"]["in"][0]["ref"], "bsky:bo.bsky.social");
    EXPECT_EQ(doc["betweenness"]["sampled"], false);
    EXPECT_EQ(doc["betweenness"]["top"][0]["ref"], "bsky:bo.bsky.social");
}

TEST_F(WorkspaceGraphTest, CliLayoutIsDeterministicForASeed)
{
    const auto first = test::runCli(dir, {"--db", path.string(), "layout", "--seed", "3", "--json"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    const auto second = test::runCli(dir, {"--db", path.string(), "layout", "--seed", "3", "--json"});
    EXPECT_EQ(first.out, second.out);
    const auto doc = nlohmann::json::parse(first.out);
    EXPECT_EQ(doc["converged"], true);
    EXPECT_EQ(doc["positions"].size(), 6U);
    const auto around = test::runCli(dir, {"--db", path.string(), "layout", "--around", "me", "--size", "3", "--json"});
    EXPECT_EQ(nlohmann::json::parse(around.out)["positions"].size(), 3U);
}
