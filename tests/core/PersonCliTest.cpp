// `warmpath-cli person`: the fields the details panel also shows, added to its output (docs/cli.md).

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "CliRunner.h"
#include "store/Database.h"
#include "store/Links.h"
#include "store/People.h"
#include "store/Schema.h"

using namespace warmpath;
using json = nlohmann::json;
using test::TempDir;

namespace {

/// Me — Ana — Bo, connected both ways at each step.
class PersonCli : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(dir.file("p.db"), OpenMode::CreateIfMissing);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(migrate(*db).ok());
        PeopleRepository people(*db);
        const PersonId me = people.me();
        const PersonId ana = people.insert({.displayName = "Ana Souza"});
        people.addIdentity(ana, {.network = "linkedin", .key = "ana-souza", .handle = "", .url = ""});
        const PersonId bo = people.insert({.displayName = "Bo Chen"});
        people.addIdentity(bo, {.network = "email", .key = "bo@example.com", .handle = "", .url = ""});
        LinkRepository links(*db);
        for (const auto& [a, b] : {std::pair{me, ana}, std::pair{ana, bo}}) {
            links.upsert(a, b, LinkKind::Connection);
            links.upsert(b, a, LinkKind::Connection);
        }
    }

    test::CliRun person(const std::string& ref, bool asJson)
    {
        std::vector<std::string> args{"--db", "p.db", "person", ref};
        if (asJson) {
            args.emplace_back("--json");
        }
        return runCli(dir, args);
    }

    TempDir dir;
};

}  // namespace

TEST_F(PersonCli, JsonNamesThePeopleInCommonAndTheWarmestPaths)
{
    const auto run = person("Bo Chen", true);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const json doc = json::parse(run.out);
    EXPECT_EQ(doc["degree"], 2);
    EXPECT_EQ(doc["mutual_contacts"], json::parse(R"([{"ref":"linkedin:ana-souza","name":"Ana Souza"}])"));
    ASSERT_EQ(doc["paths"].size(), 1U);
    EXPECT_EQ(doc["paths"][0]["hops"], 2);
    EXPECT_GT(doc["paths"][0]["warmth"].get<double>(), 0.0);
    EXPECT_EQ(doc["paths"][0]["people"][1], json::parse(R"({"ref":"linkedin:ana-souza","name":"Ana Souza"})"));
    EXPECT_EQ(doc["paths"][0]["people"][2]["ref"], "email:bo@example.com");
}

TEST_F(PersonCli, TextShowsThemAfterTheRestOfThePage)
{
    const auto run = person("Bo Chen", false);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("  degree     2\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("  in common  1: Ana Souza\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("  path       2 hops, warmth "), std::string::npos) << run.out;
    EXPECT_NE(run.out.find(": Me > Ana Souza > Bo Chen\n"), std::string::npos) << run.out;
}

TEST_F(PersonCli, MyOwnPageHasNoPaths)
{
    const auto run = person("me", true);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const json doc = json::parse(run.out);
    EXPECT_EQ(doc["paths"], json::array());
    EXPECT_EQ(doc["mutual_contacts"], json::array());
}
