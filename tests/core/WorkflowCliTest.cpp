// The CLI contract of the follow-up workflow, backup and export: commands, JSON shapes, exit codes.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

#include "CliRunner.h"
#include "TestSupport.h"
#include "WorkflowFixtures.h"
#include "store/Database.h"
#include "store/Links.h"
#include "store/Meta.h"
#include "store/People.h"
#include "store/Schema.h"

using namespace warmpath;
using nlohmann::json;
using warmpath::test::runCli;
using warmpath::test::TempDir;

namespace {

class WorkflowCli : public ::testing::Test {
protected:
    void SetUp() override
    {
        ::unsetenv("WARMPATH_PASSPHRASE");
        auto db = Database::open(dir.file("w.db"), OpenMode::CreateIfMissing);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(migrate(*db).ok());
        PeopleRepository people(*db);
        const PersonId ana = people.insert({.displayName = "Ana Souza", .organisation = "Acme"});
        people.addIdentity(ana, {.network = "linkedin", .key = "ana-souza", .handle = "", .url = ""});
        const PersonId bo = people.insert({.displayName = "Bo Chen", .organisation = "Globex"});
        people.addIdentity(bo, {.network = "email", .key = "bo@example.com", .handle = "", .url = ""});
    }
    void TearDown() override { ::unsetenv("WARMPATH_PASSPHRASE"); }

    test::CliRun cli(std::vector<std::string> args, const std::string& stdinText = {})
    {
        args.insert(args.begin(), {"--db", "w.db"});
        return runCli(dir, args, stdinText);
    }

    /// Runs a read command and returns its one JSON document.
    json read(std::vector<std::string> args)
    {
        const auto run = cli(std::move(args));
        EXPECT_EQ(run.exitCode, 0) << run.err;
        EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1) << "exactly one line: " << run.out;
        return json::parse(run.out);
    }

    void ok(std::vector<std::string> args)
    {
        const auto run = cli(std::move(args));
        ASSERT_EQ(run.exitCode, 0) << run.err;
    }

    TempDir dir;
};

}  // namespace

TEST_F(WorkflowCli, HelpOnEveryNewCommandExitsZero)
{
    const std::vector<std::vector<std::string>> commands = {
        {"tag", "add"},       {"tag", "remove"},  {"tag", "list"},     {"tag", "cadence"},   {"note", "add"},
        {"people"},           {"person"},         {"followup", "set"}, {"followup", "done"}, {"followup", "snooze"},
        {"followup", "list"}, {"intro", "draft"}, {"intro", "set"},    {"intro", "list"},    {"export"},
        {"backup"},           {"restore"},        {"intro", "delete"}};
    for (auto command : commands) {
        command.push_back("--help");
        const auto run = runCli(dir, command);
        EXPECT_EQ(run.exitCode, 0) << command[0];
        EXPECT_NE(run.out.find(command[command.size() - 2]), std::string::npos) << run.out;
    }
}

TEST_F(WorkflowCli, TagListJsonHasNameCountAndCadence)
{
    ok({"tag", "add", "Ana Souza", "investors", "friends"});
    ok({"tag", "add", "email:bo@example.com", "friends"});
    ok({"tag", "cadence", "investors", "30"});
    EXPECT_EQ(read({"tag", "list", "--json"}), json::parse(R"({"tags":[
        {"name":"friends","count":2,"cadence_days":null},
        {"name":"investors","count":1,"cadence_days":30}]})"));
    ok({"tag", "remove", "Ana Souza", "friends"});
    ok({"tag", "cadence", "investors", "none"});
    EXPECT_EQ(read({"tag", "list", "--json"}), json::parse(R"({"tags":[
        {"name":"friends","count":1,"cadence_days":null},
        {"name":"investors","count":1,"cadence_days":null}]})"));
}

TEST_F(WorkflowCli, TagErrorsHaveTheRightExitCodes)
{
    EXPECT_EQ(cli({"tag", "add", "Ana Souza"}).exitCode, 2) << "no TAG";
    EXPECT_EQ(cli({"tag", "cadence", "x", "often"}).exitCode, 2);
    EXPECT_EQ(cli({"tag", "add", "Nobody", "x"}).exitCode, 1);
    const auto run = cli({"tag", "remove", "Ana Souza", "unknown"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err.rfind("warmpath-cli: error: ", 0), 0U) << run.err;
}

TEST_F(WorkflowCli, PeopleJsonHasTheContractedFields)
{
    ok({"tag", "add", "Ana Souza", "investors"});
    EXPECT_EQ(read({"people", "--json"}), json::parse(R"({"people":[
        {"ref":"linkedin:ana-souza","name":"Ana Souza","degree":null,"organisation":"Acme","tags":["investors"]},
        {"ref":"email:bo@example.com","name":"Bo Chen","degree":null,"organisation":"Globex","tags":[]},
        {"ref":"me","name":"Me","degree":0,"organisation":"","tags":[]}]})"));
    EXPECT_EQ(read({"people", "--tag", "investors", "--json"})["people"].size(), 1U);
    EXPECT_EQ(read({"people", "--search", "GLOBEX", "--json"})["people"][0]["name"], "Bo Chen");
}

TEST_F(WorkflowCli, PeopleAreSortedByNameIgnoringAsciiCaseThenById)
{
    {
        auto db = Database::open(dir.file("w.db"), OpenMode::MustExist);
        PeopleRepository people(*db);
        people.insert({.displayName = "ana souza", .organisation = "Initech"});  // ties with Ana Souza: by id
        people.insert({.displayName = "\xC3\x89mile"});                          // after every ASCII name
        people.insert({.displayName = "_under"});  // '_' sorts after 'Z' and before 'a': first when folded
    }
    ok({"tag", "add", "Bo Chen", "zeta", "Alpha", "beta"});
    const auto run = cli({"people"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, "#6\t_under\t\t\n"
                       "linkedin:ana-souza\tAna Souza\tAcme\t\n"
                       "#4\tana souza\tInitech\t\n"
                       "email:bo@example.com\tBo Chen\tGlobex\tAlpha, beta, zeta\n"
                       "me\tMe\t\t\n"
                       "#5\t\xC3\x89mile\t\t\n");
    const json listed = read({"people", "--json"});
    ASSERT_EQ(listed["people"].size(), 6U);
    EXPECT_EQ(listed["people"][2]["ref"], "#4");
    EXPECT_EQ(listed["people"][3]["tags"], json::parse(R"(["Alpha","beta","zeta"])"));
    EXPECT_EQ(listed["people"][5]["name"], "\xC3\x89mile");
}

TEST_F(WorkflowCli, PeopleByDegreeFiltersOnDegreesFromMe)
{
    EXPECT_EQ(read({"people", "--degree", "1", "--json"})["people"].size(), 0U) << "nobody is linked to me yet";
    const json zero = read({"people", "--degree", "0", "--json"});
    ASSERT_EQ(zero["people"].size(), 1U);
    EXPECT_EQ(zero["people"][0]["ref"], "me");
    EXPECT_EQ(cli({"people", "--degree", "-1"}).exitCode, 2);
}

TEST_F(WorkflowCli, PersonJsonHasEverySection)
{
    ok({"tag", "add", "Ana Souza", "investors"});
    ok({"note", "add", "Ana Souza", "Met at the fair"});
    ok({"followup", "set", "Ana Souza", "2099-01-31", "--every", "14"});
    ok({"intro", "draft", "Ana Souza", "--via", "Bo Chen"});
    const json doc = read({"person", "linkedin:ana-souza", "--json"});
    for (const char* field : {"ref", "name", "identities", "tags", "notes", "follow_up", "intro_requests", "degree"}) {
        EXPECT_TRUE(doc.contains(field)) << field;
    }
    EXPECT_EQ(doc["ref"], "linkedin:ana-souza");
    EXPECT_EQ(doc["name"], "Ana Souza");
    EXPECT_EQ(doc["identities"], json::parse(R"([{"network":"linkedin","key":"ana-souza","handle":"","url":""}])"));
    EXPECT_EQ(doc["tags"], json::parse(R"(["investors"])"));
    EXPECT_EQ(doc["notes"][0]["text"], "Met at the fair");
    EXPECT_EQ(doc["follow_up"]["due"], "2099-01-31");
    EXPECT_EQ(doc["follow_up"]["cadence_days"], 14);
    EXPECT_TRUE(doc["follow_up"]["days_overdue"].get<int>() < 0);
    EXPECT_EQ(doc["follow_up"]["done"], false);
    EXPECT_EQ(doc["intro_requests"][0]["status"], "draft");
    EXPECT_EQ(doc["intro_requests"][0]["via"], "email:bo@example.com");
    EXPECT_TRUE(doc["degree"].is_null());
    EXPECT_TRUE(read({"person", "Bo Chen", "--json"})["follow_up"].is_null());
}

TEST_F(WorkflowCli, FollowUpListJsonIsSortedByDaysOverdue)
{
    ok({"followup", "set", "Ana Souza", "--in", "5"});
    ok({"followup", "set", "Bo Chen", "2020-02-29", "--every", "7"});
    const json doc = read({"followup", "list", "--json"});
    ASSERT_EQ(doc["followups"].size(), 2U);
    const json& bo = doc["followups"][0];
    EXPECT_EQ(bo["ref"], "email:bo@example.com");
    EXPECT_EQ(bo["name"], "Bo Chen");
    EXPECT_EQ(bo["due"], "2020-02-29");
    EXPECT_GT(bo["days_overdue"].get<int>(), 0);
    EXPECT_EQ(bo["cadence_days"], 7);
    EXPECT_EQ(doc["followups"][1]["days_overdue"], -5);
    EXPECT_TRUE(doc["followups"][1]["cadence_days"].is_null());
    EXPECT_EQ(read({"followup", "list", "--overdue", "--json"})["followups"].size(), 1U);
}

TEST_F(WorkflowCli, FollowUpDoneSnoozeAndBadDates)
{
    ok({"followup", "set", "Ana Souza", "2020-01-01", "--every", "10"});
    ok({"followup", "done", "Ana Souza"});
    EXPECT_EQ(read({"followup", "list", "--json"})["followups"][0]["days_overdue"], -10);
    ok({"followup", "snooze", "Ana Souza", "20"});
    EXPECT_EQ(read({"followup", "list", "--json"})["followups"][0]["days_overdue"], -20);
    EXPECT_EQ(cli({"followup", "set", "Ana Souza", "2026-02-30"}).exitCode, 2);
    EXPECT_EQ(cli({"followup", "set", "Ana Souza"}).exitCode, 2);
    EXPECT_EQ(cli({"followup", "set", "Ana Souza", "2026-01-01", "--in", "3"}).exitCode, 2);
    EXPECT_EQ(cli({"followup", "snooze", "Bo Chen", "3"}).exitCode, 1) << "nothing to snooze";
}

TEST_F(WorkflowCli, IntroDraftSetAndList)
{
    const auto drafted = cli({"intro", "draft", "Ana Souza", "--via", "Bo Chen"});
    ASSERT_EQ(drafted.exitCode, 0) << drafted.err;
    EXPECT_NE(drafted.out.find("Hi Bo,"), std::string::npos) << drafted.out;
    ok({"intro", "set", "1", "introduced"});
    const json doc = read({"intro", "list", "--json"});
    ASSERT_EQ(doc["intro_requests"].size(), 1U);
    const json& intro = doc["intro_requests"][0];
    EXPECT_EQ(intro["id"], 1);
    EXPECT_EQ(intro["target"], "linkedin:ana-souza");
    EXPECT_EQ(intro["target_name"], "Ana Souza");
    EXPECT_EQ(intro["via"], "email:bo@example.com");
    EXPECT_EQ(intro["status"], "introduced");
    EXPECT_EQ(read({"stats", "--json"})["links"], 2) << "a knows link each way between me and Ana";
    EXPECT_EQ(cli({"intro", "set", "1", "maybe"}).exitCode, 2);
    EXPECT_EQ(cli({"intro", "set", "7", "asked"}).exitCode, 1);
}

TEST_F(WorkflowCli, IntroDraftWithoutViaExplainsWhatIsMissing)
{
    const auto run = cli({"intro", "draft", "Ana Souza"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err, "warmpath-cli: error: no path from you to Ana Souza in your network; give --via REF\n");
}

TEST_F(WorkflowCli, IntroDeleteRemovesTheRequestAndAnUnknownNumberFails)
{
    ok({"intro", "draft", "Ana Souza", "--via", "Bo Chen"});
    ok({"intro", "draft", "Bo Chen", "--via", "Ana Souza"});
    const auto deleted = cli({"intro", "delete", "1"});
    ASSERT_EQ(deleted.exitCode, 0) << deleted.err;
    EXPECT_EQ(deleted.out, "intro #1 deleted: Ana Souza via Bo Chen\n");
    const json doc = read({"intro", "list", "--json"});
    ASSERT_EQ(doc["intro_requests"].size(), 1U);
    EXPECT_EQ(doc["intro_requests"][0]["id"], 2);
    const auto again = cli({"intro", "delete", "1"});
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_EQ(again.err, "warmpath-cli: error: no intro request #1\n");
    EXPECT_EQ(cli({"intro", "delete", "x"}).exitCode, 2);
}

TEST_F(WorkflowCli, IntroDraftOnALongerPathAsksForTheNextPersonOnTheWay)
{
    {
        // me <-> Bo <-> Cy <-> Ana: Bo knows Cy, not Ana.
        auto db = Database::open(dir.file("w.db"), OpenMode::MustExist);
        PeopleRepository people(*db);
        const PersonId cy = people.insert({.displayName = "Cy Park", .organisation = ""});
        const PersonId me = people.me();
        const PersonId bo(3);
        const PersonId ana(2);
        LinkRepository links(*db);
        for (const auto& [a, b] : {std::pair{me, bo}, std::pair{bo, cy}, std::pair{cy, ana}}) {
            links.upsert(a, b, LinkKind::Connection);
            links.upsert(b, a, LinkKind::Connection);
        }
        bumpGraphGeneration(*db);
    }
    const auto run = cli({"intro", "draft", "Ana Souza"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out.rfind("intro #1: Ana Souza via Bo Chen, through Cy Park (draft)\n\nHi Bo,\n", 0), 0U) << run.out;
    EXPECT_NE(run.out.find("introducing me to Cy Park?"), std::string::npos) << run.out;
}

TEST_F(WorkflowCli, ExportWritesEachFormat)
{
    for (const std::string format : {"graphml", "gexf", "csv", "vcard", "ics"}) {
        const auto run = cli({"export", format, "out." + format});
        EXPECT_EQ(run.exitCode, 0) << format << ": " << run.err;
        EXPECT_FALSE(test::readFile(dir.file("out." + format)).empty()) << format;
    }
    EXPECT_EQ(cli({"export", "pdf", "out.pdf"}).exitCode, 2);
}

TEST_F(WorkflowCli, BackupAndRestoreRoundTripWithThePassphraseFromTheEnvironment)
{
    {
        auto db = Database::open(dir.file("full.db"), OpenMode::CreateIfMissing);
        ASSERT_TRUE(migrate(*db).ok());
        test::seedEveryKindOfRow(*db);
    }
    ::setenv("WARMPATH_PASSPHRASE", "s3cret phrase", 1);
    const auto backup = runCli(dir, {"--db", "full.db", "backup", "full.wpb"});
    ASSERT_EQ(backup.exitCode, 0) << backup.err;
    const auto restore = runCli(dir, {"--db", "full.db", "restore", "full.wpb", "--into", "copy.db"});
    ASSERT_EQ(restore.exitCode, 0) << restore.err;
    EXPECT_EQ(test::dumpTables(dir.file("copy.db")), test::dumpTables(dir.file("full.db")));
}

TEST_F(WorkflowCli, PassphraseIsReadFromStandardInputWhenItIsNotATerminal)
{
    ASSERT_EQ(cli({"backup", "w.wpb"}, "from stdin\n").exitCode, 0);
    EXPECT_EQ(cli({"restore", "w.wpb", "--into", "copy.db"}, "from stdin\n").exitCode, 0);
    EXPECT_EQ(cli({"backup", "x.wpb"}, "").exitCode, 1) << "no passphrase at all";
}

TEST_F(WorkflowCli, WrongPassphraseFailsWithTheOneMessageAndWritesNothing)
{
    ::setenv("WARMPATH_PASSPHRASE", "right", 1);
    ASSERT_EQ(cli({"backup", "w.wpb"}).exitCode, 0);
    ::setenv("WARMPATH_PASSPHRASE", "wrong", 1);
    const auto run = cli({"restore", "w.wpb", "--into", "copy.db"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err, "warmpath-cli: error: wrong passphrase or damaged backup\n");
    EXPECT_FALSE(std::filesystem::exists(dir.file("copy.db")));
}

TEST_F(WorkflowCli, RestoreRefusesToOverwriteWithoutForce)
{
    ::setenv("WARMPATH_PASSPHRASE", "pass", 1);
    ASSERT_EQ(cli({"backup", "w.wpb"}).exitCode, 0);
    ok({"tag", "add", "Ana Souza", "after-the-backup"});
    const auto refused = cli({"restore", "w.wpb"});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("--force"), std::string::npos) << refused.err;
    EXPECT_EQ(read({"tag", "list", "--json"})["tags"].size(), 1U);
    const auto forced = cli({"restore", "w.wpb", "--force"});
    ASSERT_EQ(forced.exitCode, 0) << forced.err;
    EXPECT_EQ(read({"tag", "list", "--json"})["tags"].size(), 0U) << "the database is the backed-up one again";
}
