// The import commands' contracts (docs/cli.md): JSON shapes, exit codes, error format.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "CliRunner.h"
#include "ImportTestSupport.h"

using namespace warmpath;
using warmpath::test::importFixture;
using warmpath::test::runCli;
using warmpath::test::TempDir;
using warmpath::test::writeFile;

TEST(ImportCli, JsonSummaryHasExactlyTheContractFields)
{
    TempDir dir;
    const auto run =
        runCli(dir, {"--db", "w.db", "import", importFixture("linkedin/Connections.csv").string(), "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto json = nlohmann::json::parse(run.out);
    EXPECT_EQ(json.size(), 8U);
    EXPECT_EQ(json["batch"], 1);
    EXPECT_EQ(json["format"], "linkedin");
    EXPECT_EQ(json["persons_added"], 4);
    EXPECT_EQ(json["persons_merged"], 0);
    EXPECT_EQ(json["links_added"], 8);
    EXPECT_EQ(json["tags_added"], 0);
    EXPECT_EQ(json["skipped"], 1);
    ASSERT_TRUE(json["warnings"].is_array());
    EXPECT_FALSE(json["warnings"].empty());
}

TEST(ImportCli, SecondImportOfTheSameFileSaysSoAndExitsZero)
{
    TempDir dir;
    const std::string file = importFixture("edgelist/follows.txt").string();
    ASSERT_EQ(runCli(dir, {"--db", "w.db", "import", file}).exitCode, 0);
    const auto again = runCli(dir, {"--db", "w.db", "import", file});
    EXPECT_EQ(again.exitCode, 0);
    EXPECT_NE(again.out.find("already imported"), std::string::npos) << again.out;
}

TEST(ImportCli, MalformedFileExitsOneWithFileLineAndColumn)
{
    TempDir dir;
    ASSERT_EQ(runCli(dir, {"--db", "w.db", "tag", "add", "me", "seed"}).exitCode, 0);  // an existing database
    const std::string file = importFixture("edgelist/malformed.txt").string();
    const auto run = runCli(dir, {"--db", "w.db", "import", file});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err.rfind("warmpath-cli: error: " + file + ":3:1: ", 0), 0U) << run.err;
    const auto stats = runCli(dir, {"--db", "w.db", "stats", "--json"});
    EXPECT_EQ(nlohmann::json::parse(stats.out)["imports"], 0);
}

TEST(ImportCli, UnknownFormatAndMissingFileArgumentAreUsageErrors)
{
    TempDir dir;
    EXPECT_EQ(runCli(dir, {"--db", "w.db", "import", "x.csv", "--format", "excel"}).exitCode, 2);
    EXPECT_EQ(runCli(dir, {"--db", "w.db", "import"}).exitCode, 2);
    EXPECT_EQ(runCli(dir, {"--db", "w.db", "undo-import"}).exitCode, 2);
    EXPECT_EQ(runCli(dir, {"--db", "w.db", "merge", "me"}).exitCode, 2);
}

TEST(ImportCli, DryRunWritesNothing)
{
    TempDir dir;
    const auto run =
        runCli(dir, {"--db", "w.db", "import", importFixture("gexf/gexf-1.2.gexf").string(), "--dry-run", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(nlohmann::json::parse(run.out)["links_added"], 2);
    EXPECT_FALSE(std::filesystem::exists(dir.file("w.db"))) << "a dry run creates no database either";

    ASSERT_EQ(runCli(dir, {"--db", "w.db", "tag", "add", "me", "friend"}).exitCode, 0);
    const auto again =
        runCli(dir, {"--db", "w.db", "import", importFixture("gexf/gexf-1.2.gexf").string(), "--dry-run", "--json"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(nlohmann::json::parse(again.out)["links_added"], 2);
    const auto stats = runCli(dir, {"--db", "w.db", "stats", "--json"});
    EXPECT_EQ(nlohmann::json::parse(stats.out)["links"], 0);
}

TEST(ImportCli, FormatAndNamespaceOptions)
{
    TempDir dir;
    const auto run = runCli(dir, {"--db", "w.db", "import", importFixture("edgelist/follows.txt").string(), "--format",
                                  "edgelist", "--namespace", "club", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(runCli(dir, {"--db", "w.db", "stats"}).exitCode, 0);
    const auto split = runCli(dir, {"--db", "w.db", "split", "club:alice", "club:alice"});
    EXPECT_EQ(split.exitCode, 1);  // the only identity: nothing to split from
}

TEST(ImportCli, UndirectedFlagGivesAnEdgeListLinksBothWays)
{
    TempDir dir;
    const std::string file = importFixture("edgelist/undirected.txt").string();
    const auto directed = runCli(dir, {"--db", "one.db", "import", file, "--json"});
    ASSERT_EQ(directed.exitCode, 0) << directed.err;
    EXPECT_EQ(nlohmann::json::parse(directed.out)["links_added"], 2);
    const auto undirected = runCli(dir, {"--db", "two.db", "import", file, "--undirected", "--json"});
    ASSERT_EQ(undirected.exitCode, 0) << undirected.err;
    EXPECT_EQ(nlohmann::json::parse(undirected.out)["links_added"], 4);
}

TEST(ImportCli, ImportsListsBatchesAndUndoImportRemovesOne)
{
    TempDir dir;
    ASSERT_EQ(runCli(dir, {"--db", "w.db", "import", importFixture("gexf/gexf-1.1.gexf").string()}).exitCode, 0);
    const auto list = runCli(dir, {"--db", "w.db", "imports", "--json"});
    ASSERT_EQ(list.exitCode, 0);
    const auto json = nlohmann::json::parse(list.out);
    ASSERT_EQ(json["imports"].size(), 1U);
    const auto& batch = json["imports"][0];
    EXPECT_EQ(batch.size(), 7U);
    EXPECT_EQ(batch["batch"], 1);
    EXPECT_EQ(batch["file"], "gexf-1.1.gexf");
    EXPECT_EQ(batch["format"], "gexf");
    EXPECT_EQ(batch["sha256"].get<std::string>().size(), 64U);
    EXPECT_TRUE(batch["imported_at"].is_string());
    EXPECT_EQ(batch["persons_added"], 3);
    EXPECT_EQ(batch["links_added"], 3);

    EXPECT_EQ(runCli(dir, {"--db", "w.db", "undo-import", "1"}).exitCode, 0);
    const auto stats = runCli(dir, {"--db", "w.db", "stats", "--json"});
    EXPECT_EQ(nlohmann::json::parse(stats.out)["persons"], 1);
    EXPECT_EQ(runCli(dir, {"--db", "w.db", "undo-import", "1"}).exitCode, 1);
}

TEST(ImportCli, MergeSplitAndDuplicates)
{
    TempDir dir;
    ASSERT_EQ(runCli(dir, {"--db", "w.db", "import", importFixture("gexf/gexf-1.1.gexf").string()}).exitCode, 0);
    ASSERT_EQ(runCli(dir, {"--db", "w.db", "import", importFixture("gexf/gexf-1.3.gexf").string()}).exitCode, 0);
    const auto merged = runCli(dir, {"--db", "w.db", "merge", "gexf-1.1:0", "gexf-1.3:1"});
    ASSERT_EQ(merged.exitCode, 0) << merged.err;
    const auto split = runCli(dir, {"--db", "w.db", "split", "gexf-1.1:0", "gexf-1.3:1"});
    ASSERT_EQ(split.exitCode, 0) << split.err;
    EXPECT_NE(split.out.find("is now #"), std::string::npos);
    const auto duplicates = runCli(dir, {"--db", "w.db", "duplicates", "--json"});
    ASSERT_EQ(duplicates.exitCode, 0);
    EXPECT_TRUE(nlohmann::json::parse(duplicates.out)["duplicates"].is_array());
}

TEST(ImportCli, SeveralFilesGiveOneJsonObjectPerLineInOneTransaction)
{
    TempDir dir;
    const auto run = runCli(dir, {"--db", "w.db", "import", importFixture("gexf/gexf-1.1.gexf").string(),
                                  importFixture("mastodon/lists.csv").string(), "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto newline = run.out.find('\n');
    ASSERT_NE(newline, std::string::npos);
    EXPECT_EQ(nlohmann::json::parse(run.out.substr(0, newline))["batch"], 1);
    EXPECT_EQ(nlohmann::json::parse(run.out.substr(newline + 1))["batch"], 2);
    EXPECT_EQ(nlohmann::json::parse(run.out.substr(newline + 1))["format"], "mastodon");
}

TEST(ImportCli, ACsvThatIsNoKnownExportSaysHowToImportIt)
{
    TempDir dir;
    const std::string file = importFixture("csv/members.csv").string();
    const auto run = runCli(dir, {"--db", "w.db", "import", file});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("warmpath-cli: error: " + file +
                           ": a CSV with columns Member no., Full name, Work email, Private email, Company, Role, "
                           "Mastodon, Website, Groups, Comment that is no export Warmpath knows; import it with "
                           "--columns name=COL,email=COL,...\n"),
              std::string::npos)
        << run.err;
    EXPECT_EQ(run.err.find("edge"), std::string::npos) << run.err;
}

TEST(ImportCli, ACsvWithOneColumnSaysHowToImportItToo)
{
    TempDir dir;
    writeFile(dir.file("names.csv"), "Name\nAna Souza\nBo Li\n");
    const auto run = runCli(dir, {"--db", "w.db", "import", dir.file("names.csv").string()});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("warmpath-cli: error: " + dir.file("names.csv").string() +
                           ": a CSV with columns Name that is no export Warmpath knows; import it with --columns "
                           "name=COL,email=COL,...\n"),
              std::string::npos)
        << run.err;
    const auto mapped =
        runCli(dir, {"--db", "w.db", "import", dir.file("names.csv").string(), "--columns", "name=Name", "--json"});
    ASSERT_EQ(mapped.exitCode, 0) << mapped.err;
    EXPECT_EQ(nlohmann::json::parse(mapped.out)["persons_added"], 2);
}

TEST(ImportCli, ColumnsMapTheColumnsOfACsvToFields)
{
    TempDir dir;
    const auto run =
        runCli(dir, {"--db", "w.db", "import", "--columns", "name=Full name,email=Work email,email=Private email",
                     "--columns", "organisation=Company,handle:mastodon=Mastodon,tags=Groups",
                     importFixture("csv/members.csv").string(), "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto json = nlohmann::json::parse(run.out);
    EXPECT_EQ(json["format"], "csv");
    EXPECT_EQ(json["persons_added"], 2);
    EXPECT_EQ(json["skipped"], 1);
    const auto person = runCli(dir, {"--db", "w.db", "person", "mastodon:ines@social.example", "--json"});
    ASSERT_EQ(person.exitCode, 0) << person.err;
    EXPECT_NE(person.out.find("ines@home.example"), std::string::npos) << person.out;
}

TEST(ImportCli, AnUnknownFieldInColumnsIsAUsageError)
{
    TempDir dir;
    const auto run = runCli(dir, {"--db", "w.db", "import", importFixture("csv/members.csv").string(), "--columns",
                                  "name=Full name,phone=Tel"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err.rfind("warmpath-cli: error: --columns: unknown field 'phone'; the fields are name, first, last, "
                            "email, organisation, title, url, handle:NETWORK, tags, note\n",
                            0),
              0U)
        << run.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("w.db")));
}

TEST(ImportCli, AColumnNameWithACommaOutsideQuotesIsAUsageErrorShowingTheDocumentedForm)
{
    TempDir dir;
    const auto run = runCli(dir, {"--db", "w.db", "import", importFixture("csv/members.csv").string(), "--columns",
                                  "name=Full name,note=\"Comment, misc\""});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err.rfind(R"(warmpath-cli: error: --columns: ` misc"` is no FIELD=COLUMN; a column name with a )"
                            R"(comma goes in double quotes together with its field: --columns 'name=Full )"
                            R"(name,"note=Comment, misc"')"
                            "\n",
                            0),
              0U)
        << run.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("w.db")));
}

TEST(ImportCli, AColumnTheFileDoesNotHaveIsAUsageError)
{
    TempDir dir;
    const std::string file = importFixture("csv/members.csv").string();
    const auto run = runCli(dir, {"--db", "w.db", "import", file, "--columns", "name=Full name,email=Mail"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err.rfind("warmpath-cli: error: " + file +
                                ": --columns: no column 'Mail' (for email); the columns "
                                "are Member no., Full name,",
                            0),
              0U)
        << run.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("w.db")));
}

TEST(ImportCli, ColumnsWithAnotherFormatIsAUsageError)
{
    TempDir dir;
    const auto run = runCli(dir, {"--db", "w.db", "import", importFixture("csv/members.csv").string(), "--format",
                                  "google", "--columns", "name=Full name"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--columns reads the files as CSVs"), std::string::npos) << run.err;
}

TEST(ImportCli, AGoodFileThenABadOneNamesTheBadOneAndImportsNothing)
{
    TempDir dir;
    ASSERT_EQ(runCli(dir, {"--db", "w.db", "tag", "add", "me", "seed"}).exitCode, 0);  // an existing database
    const std::string bad = importFixture("csv/members.csv").string();
    const auto run =
        runCli(dir, {"--db", "w.db", "import", importFixture("outlook/contacts-few-columns.csv").string(), bad});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("warmpath-cli: error: " + bad + ": a CSV with columns"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("(file 2 of 2; nothing was imported)\n"), std::string::npos) << run.err;
    const auto stats = runCli(dir, {"--db", "w.db", "stats", "--json"});
    ASSERT_EQ(stats.exitCode, 0) << stats.err;
    EXPECT_EQ(nlohmann::json::parse(stats.out)["imports"], 0);
    EXPECT_EQ(nlohmann::json::parse(stats.out)["persons"], 1);
}

TEST(ImportCli, OutlookAndThunderbirdExportsImportAsContacts)
{
    TempDir dir;
    const auto run = runCli(dir, {"--db", "w.db", "import", importFixture("outlook/contacts.csv").string(),
                                  importFixture("thunderbird/addressbook.csv").string(), "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto newline = run.out.find('\n');
    EXPECT_EQ(nlohmann::json::parse(run.out.substr(0, newline))["format"], "outlook");
    EXPECT_EQ(nlohmann::json::parse(run.out.substr(newline + 1))["format"], "thunderbird");
}
