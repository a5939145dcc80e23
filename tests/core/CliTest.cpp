#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "CliRunner.h"
#include "TestSupport.h"
#include "store/Database.h"
#include "store/People.h"
#include "store/Schema.h"

using namespace warmpath;
using warmpath::test::runCli;
using warmpath::test::TempDir;

TEST(Cli, VersionPrintsTheVersion)
{
    TempDir dir;
    const auto run = runCli(dir, {"--version"});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_NE(run.out.find("warmpath-cli "), std::string::npos);
}

TEST(Cli, HelpOnEveryCommandExitsZero)
{
    TempDir dir;
    for (const char* command : {"stats", "me", "import", "imports", "undo-import", "merge", "split", "duplicates"}) {
        const auto run = runCli(dir, {command, "--help"});
        EXPECT_EQ(run.exitCode, 0) << command;
        EXPECT_NE(run.out.find(command), std::string::npos) << run.out;
    }
    const auto top = runCli(dir, {"--help"});
    EXPECT_EQ(top.exitCode, 0);
    EXPECT_NE(top.out.find("stats"), std::string::npos);
}

TEST(Cli, UnknownCommandIsAUsageError)
{
    TempDir dir;
    const auto run = runCli(dir, {"--db", "x.db", "frobnicate"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err.rfind("warmpath-cli: error: ", 0), 0U) << run.err;
}

TEST(Cli, NoCommandIsAUsageError)
{
    TempDir dir;
    EXPECT_EQ(runCli(dir, {}).exitCode, 2);
}

TEST(Cli, MissingArgumentIsAUsageError)
{
    TempDir dir;
    EXPECT_EQ(runCli(dir, {"--db", "x.db", "me"}).exitCode, 2);
}

TEST(Cli, StatsJsonIsExactlyOneDocumentWithTheContractedFields)
{
    TempDir dir;
    const auto run = runCli(dir, {"--db", "s.db", "stats", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    EXPECT_EQ(doc, nlohmann::json::parse(R"({"persons":1,"identities":0,"links":0,"tags":0,"imports":0})"));
}

TEST(Cli, DbOptionMayFollowTheCommand)
{
    TempDir dir;
    const auto run = runCli(dir, {"stats", "--json", "--db", "after.db"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(std::filesystem::exists(dir.file("after.db")));
}

TEST(Cli, DefaultDatabaseIsInTheXdgDataFolder)
{
    TempDir dir;
    const auto run = runCli(dir, {"stats"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(std::filesystem::exists(dir.path() / ".local/share/warmpath/warmpath.db"));
}

TEST(Cli, NonDatabaseFileIsARuntimeErrorNamingTheFile)
{
    TempDir dir;
    test::writeFile(dir.file("plain.txt"), "hello\n");
    const auto run = runCli(dir, {"--db", "plain.txt", "stats"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("warmpath-cli: error: plain.txt"), std::string::npos) << run.err;
    EXPECT_EQ(test::readFile(dir.file("plain.txt")), "hello\n");
}

TEST(Cli, MeMakesTheNamedPersonTheUser)
{
    TempDir dir;
    {
        auto db = Database::open(dir.file("me.db"), OpenMode::CreateIfMissing);
        ASSERT_TRUE(migrate(*db).ok());
        PeopleRepository people(*db);
        const PersonId ana = people.insert({.displayName = "Ana Souza"});
        people.addIdentity(ana, {.network = "linkedin", .key = "ana-souza", .handle = "", .url = ""});
    }
    const auto run = runCli(dir, {"--db", "me.db", "me", "linkedin:ana-souza"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("Ana Souza"), std::string::npos);
    const auto stats = nlohmann::json::parse(runCli(dir, {"--db", "me.db", "stats", "--json"}).out);
    EXPECT_EQ(stats["persons"], 1) << "the old me was merged into Ana";
}

TEST(Cli, AmbiguousRefFailsListingTheCandidates)
{
    TempDir dir;
    {
        auto db = Database::open(dir.file("amb.db"), OpenMode::CreateIfMissing);
        ASSERT_TRUE(migrate(*db).ok());
        PeopleRepository people(*db);
        people.insert({.displayName = "Kim Lee", .organisation = "Globex"});
        people.insert({.displayName = "Kim Lee", .organisation = "Initech"});
    }
    const auto run = runCli(dir, {"--db", "amb.db", "me", "Kim Lee"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("Globex"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("Initech"), std::string::npos) << run.err;
}

TEST(Cli, UnknownRefIsARuntimeError)
{
    TempDir dir;
    const auto run = runCli(dir, {"--db", "u.db", "me", "email:nobody@example.com"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("email:nobody@example.com"), std::string::npos) << run.err;
}
