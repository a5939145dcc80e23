#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "CliRunner.h"
#include "fetch/CrawlTestSupport.h"

using namespace warmpath;
using namespace warmpath::test;

namespace {

class CrawlCliTest : public FetchServerTest {
protected:
    CliRun cli(const std::vector<std::string>& args)
    {
        std::vector<std::string> all = {"--db", m_dir.file("w.db").string()};
        all.insert(all.end(), args.begin(), args.end());
        return runCli(m_dir, all);
    }

    /// Runs warmpath-cli and sends it SIGINT (Ctrl+C) after `seconds`, once: without --foreground
    /// timeout signals the child and then its whole process group, a second Ctrl+C.
    CliRun interrupted(const std::vector<std::string>& args, const std::string& seconds)
    {
        std::string command = "cd " + shellQuote(m_dir.path().string()) +
                              " && timeout --foreground --preserve-status -s INT " + seconds + " " +
                              shellQuote(WARMPATH_CLI_PATH) + " --db " + shellQuote(m_dir.file("w.db").string());
        for (const std::string& arg : args) {
            command += " " + shellQuote(arg);
        }
        command += " >" + shellQuote(m_dir.file(".out").string()) + " 2>" + shellQuote(m_dir.file(".err").string());
        const int status = std::system(command.c_str());  // NOLINT(cert-env33-c)
        return CliRun{.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                      .out = readFile(m_dir.file(".out")),
                      .err = readFile(m_dir.file(".err"))};
    }

    std::string fullBlueskyJson() const
    {
        return R"({"accounts_seen":8,"follow_lists_fetched":3,"links_added":9,)"
               R"("hidden":["bsky:did:plc:henry001","bsky:did:plc:quinn001"],"errors":[{"url":")" +
               server().bskyApi() +
               R"(/xrpc/app.bsky.graph.getFollows?actor=did%3Aplc%3Amal00001&limit=100","error":"malformed JSON"}]})"
               "\n";
    }

    TempDir m_dir;
};

TEST_F(CrawlCliTest, CrawlBlueskyJsonPrintsExactlyTheSummary)
{
    const auto run = cli({"crawl", "bluesky", "alice.test", "--api", server().bskyApi(), "--json"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, fullBlueskyJson());
    const auto stats = cli({"stats", "--json"});
    EXPECT_NE(stats.out.find("\"persons\":9"), std::string::npos) << stats.out;
}

TEST_F(CrawlCliTest, CrawlMastodonWithApiAndDepthOne)
{
    const auto run = cli({"crawl", "mastodon", "alice@social.example", "--api",
                          server().mastodonServer("social.example"), "--depth", "1", "--json"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, R"({"accounts_seen":5,"follow_lists_fetched":1,"links_added":4,"hidden":[],"errors":[]})"
                       "\n");
}

TEST_F(CrawlCliTest, MastodonNamesAccountsByTheirDomainInHiddenAndInRefs)
{
    // social.example.com serves the accounts of example.com: that is their name, also with --api.
    const auto run = cli(
        {"crawl", "mastodon", "user@example.com", "--api", server().mastodonServer("social.example.com"), "--json"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, R"({"accounts_seen":4,"follow_lists_fetched":3,"links_added":6,)"
                       R"("hidden":["mastodon:quiet@example.com"],"errors":[]})"
                       "\n");
    EXPECT_EQ(cli({"person", "mastodon:friend@example.com"}).exitCode, 0);
    EXPECT_EQ(cli({"person", "mastodon:friend@social.example.com"}).exitCode, 1);
}

TEST_F(CrawlCliTest, TextOutputNamesHiddenListsAndWarnsAboutErrors)
{
    const auto run = cli({"crawl", "bluesky", "alice.test", "--api", server().bskyApi()});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("8 accounts seen, 3 follow lists fetched, 9 links added, 2 hidden, 1 errors"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("hidden follow list: bsky:did:plc:henry001"), std::string::npos);
    EXPECT_NE(run.err.find("warmpath-cli: warning: " + server().bskyApi()), std::string::npos) << run.err;
}

TEST_F(CrawlCliTest, CtrlCStopsCleanlyAndResumeFinishesTheCrawl)
{
    server().script("carol001&limit", "slow:10");  // reached well before the interrupt, even under load
    const auto stopped = interrupted({"crawl", "bluesky", "alice.test", "--api", server().bskyApi(), "--json"}, "3");
    EXPECT_EQ(stopped.exitCode, 1) << stopped.err;
    EXPECT_EQ(stopped.out, R"({"accounts_seen":7,"follow_lists_fetched":2,"links_added":7,"hidden":[],"errors":[]})"
                           "\n");
    EXPECT_NE(stopped.err.find("crawl interrupted"), std::string::npos) << stopped.err;
    EXPECT_NE(stopped.err.find("--resume"), std::string::npos);

    server().reset();
    const auto resumed = cli({"crawl", "bluesky", "alice.test", "--api", server().bskyApi(), "--resume", "--json"});
    EXPECT_EQ(resumed.exitCode, 0) << resumed.err;
    EXPECT_EQ(resumed.out, fullBlueskyJson());
    const auto log = server().log();
    EXPECT_EQ(requestsMatching(log, "alice0001"), 0);  // nothing already stored is fetched again
    EXPECT_EQ(requestsMatching(log, "bob00001"), 0);
}

TEST_F(CrawlCliTest, CrawlChangesListsWhatARecrawlFound)
{
    ASSERT_EQ(cli({"crawl", "bluesky", "alice.test", "--api", server().bskyApi()}).exitCode, 0);
    server().variant("recrawl");
    ASSERT_EQ(cli({"crawl", "bluesky", "alice.test", "--api", server().bskyApi()}).exitCode, 0);
    const auto json = cli({"crawl", "changes", "--json"});
    EXPECT_EQ(json.exitCode, 0) << json.err;
    const auto document = nlohmann::json::parse(json.out);
    EXPECT_EQ(document["crawl"], 2);
    ASSERT_EQ(document["changes"].size(), 2U);
    EXPECT_EQ(document["changes"][0]["change"], "added");
    EXPECT_EQ(document["changes"][1]["change"], "gone");
    const auto text = cli({"crawl", "changes"});
    EXPECT_NE(text.out.find("gone\t"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("last seen 20"), std::string::npos) << text.out;
}

TEST_F(CrawlCliTest, BadArgumentsAreUsageErrors)
{
    EXPECT_EQ(cli({"crawl", "bluesky", "alice.test", "--depth", "0"}).exitCode, 2);
    EXPECT_EQ(cli({"crawl", "mastodon", "a@b.example", "--max-accounts", "-1"}).exitCode, 2);
    EXPECT_EQ(cli({"crawl"}).exitCode, 2);
    const auto notAnAddress = cli({"crawl", "mastodon", "alice", "--api", server().mastodonServer("social.example")});
    EXPECT_EQ(notAnAddress.exitCode, 1);
    EXPECT_NE(notAnAddress.err.find("USER@HOST"), std::string::npos) << notAnAddress.err;
}

}  // namespace
