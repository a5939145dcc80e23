#include <sys/stat.h>

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "CliRunner.h"
#include "TestSupport.h"
#include "Workspace.h"
#include "store/Database.h"
#include "store/People.h"
#include "store/Schema.h"

using namespace warmpath;
using warmpath::test::runCli;
using warmpath::test::TempDir;

namespace {

/// A new database (only me in it) at `dir/name`.
void createDatabase(const TempDir& dir, const std::string& name)
{
    const auto created = Workspace::open(dir.file(name));
    ASSERT_TRUE(created.ok()) << created.error().describe();
}

/// Every file and folder under `dir`, but the files runCli itself writes there.
std::set<std::string> contentsOf(const TempDir& dir)
{
    std::set<std::string> paths;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path())) {
        const std::string relative = std::filesystem::relative(entry.path(), dir.path()).string();
        if (relative.rfind(".std", 0) != 0) {
            paths.insert(relative);
        }
    }
    return paths;
}

unsigned permissions(const std::filesystem::path& path)
{
    struct stat info {};
    EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
    return info.st_mode & 0777U;
}

std::string joined(const std::vector<std::string>& args)
{
    std::string text;
    for (const std::string& arg : args) {
        text += (text.empty() ? "" : " ") + arg;
    }
    return text;
}

/// Every command that only reads the database, with the arguments it needs.
const std::vector<std::vector<std::string>>& readingCommands()
{
    static const std::vector<std::vector<std::string>> commands{
        {"stats"},
        {"stats", "--json"},
        {"people"},
        {"people", "--json"},
        {"people", "--follows-me-not-back"},
        {"person", "me"},
        {"path", "#2"},
        {"path", "--pairs", "pairs.txt"},
        {"degrees"},
        {"suggest"},
        {"suggest", "--users", "-"},
        {"brokers"},
        {"metrics"},
        {"layout"},
        {"export", "graphml", "out.graphml"},
        {"export", "ics", "out.ics"},
        {"backup", "out.wpbak"},
        {"imports"},
        {"duplicates"},
        {"tag", "list"},
        {"followup", "list"},
        {"intro", "list"},
        {"crawl", "changes"},
    };
    return commands;
}

/// Commands that change the database and can do so on a new, empty one.
const std::vector<std::vector<std::string>>& writingCommands()
{
    static const std::vector<std::vector<std::string>> commands{
        {"tag", "add", "me", "friend"},
        {"tag", "cadence", "friend", "30"},
        {"note", "add", "me", "hello"},
        {"followup", "set", "me", "--in", "7"},
        {"import", (test::sourceDir() / "tests/data/import/edgelist/follows.txt").string()},
    };
    return commands;
}

}  // namespace

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
    createDatabase(dir, "s.db");
    const auto run = runCli(dir, {"--db", "s.db", "stats", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    EXPECT_EQ(doc, nlohmann::json::parse(R"({"persons":1,"identities":0,"links":0,"tags":0,"imports":0})"));
}

TEST(Cli, DbOptionMayFollowTheCommand)
{
    TempDir dir;
    const auto run = runCli(dir, {"tag", "add", "me", "friend", "--db", "after.db"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(std::filesystem::exists(dir.file("after.db")));
}

TEST(Cli, ACommandThatOnlyReadsAMissingDatabaseFailsNamingItAndCreatesNothing)
{
    TempDir dir;
    test::writeFile(dir.file("pairs.txt"), "me #2\n");
    const std::set<std::string> before = contentsOf(dir);
    for (const std::string db : {"no/such/dir/x.db", "missing.db"}) {
        for (std::vector<std::string> args : readingCommands()) {
            args.insert(args.begin(), {"--db", db});
            const auto run = runCli(dir, args, "me\n", {"WARMPATH_PASSPHRASE=a passphrase"});
            EXPECT_EQ(run.exitCode, 1) << joined(args) << '\n' << run.err;
            EXPECT_EQ(run.err.rfind("warmpath-cli: error: " + db + ": no such database; nothing was created", 0), 0U)
                << joined(args) << '\n'
                << run.err;
            EXPECT_EQ(run.out, "") << joined(args);
            EXPECT_EQ(contentsOf(dir), before) << joined(args) << " left files behind";
        }
    }
}

TEST(Cli, ACommandThatWritesCreatesANewDatabaseOnlyInAFolderThatExists)
{
    for (const std::vector<std::string>& command : writingCommands()) {
        TempDir dir;
        std::vector<std::string> args = command;
        args.insert(args.begin(), {"--db", "no/such/dir/x.db"});
        const auto refused = runCli(dir, args);
        EXPECT_EQ(refused.exitCode, 1) << joined(args);
        EXPECT_EQ(refused.err, "warmpath-cli: error: no/such/dir/x.db: no such folder no/such/dir; a new database is "
                               "created only in a folder that exists\n")
            << joined(args);
        EXPECT_EQ(contentsOf(dir), std::set<std::string>{}) << joined(args) << " left files behind";

        args[1] = "new.db";
        const auto created = runCli(dir, args);
        EXPECT_EQ(created.exitCode, 0) << joined(args) << '\n' << created.err;
        const std::string note = "warmpath-cli: note: created a new database at new.db\n";
        EXPECT_TRUE(created.err.size() >= note.size() && created.err.substr(created.err.size() - note.size()) == note)
            << joined(args) << ": stderr ends with the note, after the command's own lines\n"
            << created.err;
        EXPECT_EQ(permissions(dir.file("new.db")), 0600U);

        const auto again = runCli(dir, args);
        EXPECT_EQ(again.err.find("created"), std::string::npos) << "only a new database is announced: " << again.err;
    }
}

TEST(Cli, AWritingCommandThatFailsBeforeStoringAnythingLeavesNoNewDatabase)
{
    TempDir dir;
    test::writeFile(dir.file("unknown.csv"), "Foo,Bar,Baz\n1,2,3\n");
    const auto refused = runCli(dir, {"--db", "new.db", "import", dir.file("unknown.csv").string()});
    EXPECT_EQ(refused.exitCode, 1) << refused.err;
    EXPECT_EQ(refused.err.find("created"), std::string::npos) << refused.err;
    EXPECT_EQ(contentsOf(dir), std::set<std::string>{"unknown.csv"}) << "the failed import left a database behind";

    // Rows written and rolled back are not stored either: a malformed third line.
    test::writeFile(dir.file("edges.txt"), "a b\nb c\nthis line has too many fields\n");
    const auto rolledBack = runCli(dir, {"--db", "new.db", "import", dir.file("edges.txt").string()});
    EXPECT_EQ(rolledBack.exitCode, 1) << rolledBack.err;
    EXPECT_EQ(contentsOf(dir), (std::set<std::string>{"edges.txt", "unknown.csv"}));

    const auto unknownPerson = runCli(dir, {"--db", "new.db", "tag", "add", "#999", "friend"});
    EXPECT_EQ(unknownPerson.exitCode, 1) << unknownPerson.err;
    EXPECT_EQ(contentsOf(dir), (std::set<std::string>{"edges.txt", "unknown.csv"}));
}

TEST(Cli, ADryRunImportIntoAMissingDatabaseReportsAndCreatesNothing)
{
    TempDir dir;
    const std::string file = (test::sourceDir() / "tests/data/import/edgelist/follows.txt").string();
    const auto run = runCli(dir, {"--db", "missing.db", "import", "--dry-run", file});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("would import "), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("dry run: nothing was written"), std::string::npos) << run.out;
    EXPECT_EQ(run.err.find("created"), std::string::npos) << run.err;
    EXPECT_EQ(contentsOf(dir), std::set<std::string>{}) << "a dry run left files behind";

    // A mistyped folder is the same error as without --dry-run.
    const auto typo = runCli(dir, {"--db", "no/such/dir/x.db", "import", "--dry-run", file});
    EXPECT_EQ(typo.exitCode, 1);
    EXPECT_EQ(typo.err, "warmpath-cli: error: no/such/dir/x.db: no such folder no/such/dir; a new database is "
                        "created only in a folder that exists\n");
    EXPECT_EQ(contentsOf(dir), std::set<std::string>{});
}

TEST(Cli, ANewUsersFirstImportCreatesTheDefaultDatabaseAndItsFolders)
{
    TempDir dir;
    const std::string expected = (dir.path() / ".local/share/warmpath/warmpath.db").string();
    const auto stats = runCli(dir, {"stats"});
    EXPECT_EQ(stats.exitCode, 1);
    EXPECT_NE(stats.err.find(expected + ": no such database"), std::string::npos) << stats.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path() / ".local")) << "reading created the default folder";

    const auto imported =
        runCli(dir, {"import", (test::sourceDir() / "tests/data/import/edgelist/follows.txt").string()});
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    EXPECT_NE(imported.err.find("created a new database at " + expected), std::string::npos) << imported.err;
    for (const char* folder : {".local", ".local/share", ".local/share/warmpath"}) {
        EXPECT_EQ(permissions(dir.path() / folder), 0700U) << folder;
    }
    EXPECT_EQ(permissions(expected), 0600U);
    const auto after = runCli(dir, {"stats", "--json"});
    ASSERT_EQ(after.exitCode, 0) << after.err;
    EXPECT_EQ(nlohmann::json::parse(after.out)["imports"], 1);
}

TEST(Cli, WarmpathDbNamesAFileLikeDbAndItsFolderIsNeverCreated)
{
    TempDir dir;
    const std::string missing = (dir.path() / "no/such/x.db").string();
    const auto refused = runCli(dir, {"tag", "add", "me", "friend"}, {}, {"WARMPATH_DB=" + missing});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("no such folder " + (dir.path() / "no/such").string()), std::string::npos)
        << refused.err;
    EXPECT_EQ(contentsOf(dir), std::set<std::string>{});

    const std::string file = (dir.path() / "mine.db").string();
    EXPECT_EQ(runCli(dir, {"stats"}, {}, {"WARMPATH_DB=" + file}).exitCode, 1);
    EXPECT_EQ(contentsOf(dir), std::set<std::string>{});
    const auto created = runCli(dir, {"tag", "add", "me", "friend"}, {}, {"WARMPATH_DB=" + file});
    EXPECT_EQ(created.exitCode, 0) << created.err;
    EXPECT_EQ(contentsOf(dir), std::set<std::string>{"mine.db"});
}

TEST(Cli, RestoreCreatesADatabaseOnlyInAFolderThatExistsOrTheDefaultOne)
{
    TempDir dir;
    const std::vector<std::string> passphrase{"WARMPATH_PASSPHRASE=a passphrase"};
    ASSERT_EQ(runCli(dir, {"--db", "w.db", "tag", "add", "me", "friend"}).exitCode, 0);
    const std::string backup = dir.file("w.wpbak").string();
    ASSERT_EQ(runCli(dir, {"--db", "w.db", "backup", backup}, {}, passphrase).exitCode, 0);
    const std::set<std::string> before = contentsOf(dir);

    const auto refused = runCli(dir, {"restore", backup, "--into", "no/such/dir/r.db"}, {}, passphrase);
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("no such folder no/such/dir"), std::string::npos) << refused.err;
    EXPECT_EQ(contentsOf(dir), before);

    TempDir newHome;
    const auto restored = runCli(newHome, {"restore", backup}, {}, passphrase);
    ASSERT_EQ(restored.exitCode, 0) << restored.err;
    const auto tags = runCli(newHome, {"tag", "list", "--json"});
    ASSERT_EQ(tags.exitCode, 0) << tags.err;
    EXPECT_EQ(nlohmann::json::parse(tags.out)["tags"][0]["name"], "friend");
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
