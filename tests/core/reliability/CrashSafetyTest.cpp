// Crash safety (issue 8): warmpath-cli is killed with SIGKILL at seeded random moments while it
// imports, crawls or restores, and each time the database must pass `PRAGMA integrity_check`,
// hold either all of that operation or none of it, and keep every row it had before.
//
// WARMPATH_CRASH_KILLS (default 20) sets the kills per operation, WARMPATH_CRASH_SEED the seed and
// WARMPATH_CRASH_IMPORT_MB the size of the generated edge list (default 16 MB).

#include <chrono>
#include <fstream>
#include <random>
#include <set>

#include "CliRunner.h"
#include "TestSupport.h"
#include "fetch/FetchServer.h"
#include "reliability/ReliabilitySupport.h"

namespace warmpath::test {
namespace {

using std::chrono::microseconds;

int kills()
{
    return static_cast<int>(std::max(1L, envNumber("WARMPATH_CRASH_KILLS", 20)));
}

std::mt19937_64 seededRandom()
{
    const auto seed = static_cast<std::uint64_t>(envNumber("WARMPATH_CRASH_SEED", 20261126));
    std::cout << "[ seed     ] WARMPATH_CRASH_SEED=" << seed << '\n';
    return std::mt19937_64(seed);
}

/// A follow-graph edge list of about `megabytes` MB over a namespace of its own. Node names are
/// long (like real handles), so that the file is tens of MB while the import stays short enough
/// to be killed twenty times in a minute.
void writeEdgeList(const std::filesystem::path& file, long megabytes, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    const std::uint64_t nodes = static_cast<std::uint64_t>(megabytes) * 8000 + 100;
    std::uniform_int_distribution<std::uint64_t> node(1, nodes);
    std::ofstream out(file, std::ios::binary);
    const auto target = static_cast<std::uint64_t>(megabytes) << 20;
    std::uint64_t written = 0;
    std::string line;
    while (written < target) {
        const auto from = node(random);
        auto to = node(random);
        if (to == from) {
            to = from % nodes + 1;
        }
        line = "member-" + std::string(12 - std::to_string(from).size(), '0') + std::to_string(from) + " member-" +
               std::string(12 - std::to_string(to).size(), '0') + std::to_string(to) + '\n';
        out << line;
        written += line.size();
    }
}

/// Seconds as microseconds, for uniform random kill moments.
microseconds toMicros(std::chrono::steady_clock::duration d)
{
    return std::chrono::duration_cast<microseconds>(d);
}

/// A small database with something of every kind a user keeps: people and links from an
/// earlier import, a tag, a note and a follow-up.
class CrashSafetyTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_pre = m_dir.file("before.db");
        writeFile(m_dir.file("before.txt"), "ana ben\nben cleo\ncleo ana\ndev ana\n");
        ASSERT_EQ(cli({"import", "before.txt", "--namespace", "before"}).exitCode, 0);
        ASSERT_EQ(cli({"tag", "add", "before:ana", "mentor"}).exitCode, 0);
        ASSERT_EQ(cli({"note", "add", "before:ben", "met at 'RustConf'; owes me a call"}).exitCode, 0);
        ASSERT_EQ(cli({"followup", "set", "before:cleo", "--in", "7"}).exitCode, 0);
        RawDatabase db(m_pre);
        m_beforeRows = allRows(db);
        // meta holds counters every write moves on (graph_generation): not user data that must
        // stay as it was, though the digest of an operation that left nothing still covers it.
        m_beforeRows.erase("meta");
        m_beforeDigest = contentDigest(db);
        m_beforeBatches = db.count("SELECT count(*) FROM import_batch");
    }

    CliRun cli(std::vector<std::string> args)
    {
        args.insert(args.begin(), {"--db", m_pre.string()});
        return runCli(m_dir, args);
    }

    /// The checks every killed run must pass; true when the operation is in, false when not.
    bool checkAllOrNothing(const std::filesystem::path& file, const ContentDigest& completeCounts, int round)
    {
        RawDatabase db(file);
        EXPECT_EQ(db.integrity(), "ok") << "round " << round;
        const std::vector<std::string> missing = missingRows(db, m_beforeRows);
        EXPECT_TRUE(missing.empty()) << "round " << round << ": rows from before are gone, first "
                                     << (missing.empty() ? "" : missing.front());
        const bool complete = db.count("SELECT count(*) FROM import_batch") > m_beforeBatches;
        if (!complete) {
            EXPECT_EQ(contentDigest(db), m_beforeDigest) << "round " << round << ": a partial operation is visible";
            return false;
        }
        for (const auto& [table, expected] : completeCounts) {
            EXPECT_EQ(db.count("SELECT count(*) FROM \"" + table + "\""), expected.first)
                << "round " << round << ": table " << table << " holds part of the operation";
        }
        return true;
    }

    TempDir m_dir;
    std::filesystem::path m_pre;
    TableRows m_beforeRows;
    ContentDigest m_beforeDigest;
    std::int64_t m_beforeBatches = 0;
};

TEST_F(CrashSafetyTest, KilledImportLeavesAllOrNothingAndEverythingFromBefore)
{
    auto random = seededRandom();
    const std::filesystem::path edges = m_dir.file("big.txt");
    writeEdgeList(edges, envNumber("WARMPATH_CRASH_IMPORT_MB", 16), random());
    const std::vector<std::string> importArgs{"import", edges.string(), "--format", "edgelist", "--namespace", "big"};
    const std::filesystem::path work = m_dir.file("work.db");

    // One import to the end: how long it takes, and what "all of it" looks like.
    copyDatabase(m_pre, work);
    std::vector<std::string> args{"--db", work.string()};
    args.insert(args.end(), importArgs.begin(), importArgs.end());
    CliChild reference(m_dir.path(), args);
    ASSERT_EQ(reference.wait(), 0) << readFile(m_dir.file(".child-stderr"));
    const microseconds full = toMicros(reference.elapsed());
    ContentDigest complete;
    {
        RawDatabase db(work);
        complete = contentDigest(db);
    }
    std::cout << "[ import   ] " << std::filesystem::file_size(edges) / 1000000 << " MB in " << full.count() / 1000
              << " ms, " << complete["link"].first << " links\n";

    std::uniform_int_distribution<std::int64_t> moment(0, full.count() * 13 / 10);
    int interrupted = 0;
    int landedComplete = 0;
    for (int round = 1; round <= kills(); ++round) {
        copyDatabase(m_pre, work);
        CliChild child(m_dir.path(), args);
        interrupted += child.killAfter(microseconds(moment(random))) ? 1 : 0;
        landedComplete += checkAllOrNothing(work, complete, round) ? 1 : 0;
        if (HasFailure()) {
            break;
        }
    }
    std::cout << "[ kills    ] " << interrupted << " interrupted, " << landedComplete << " found complete\n";
    EXPECT_GT(interrupted, 0) << "no kill landed while the import ran";
}

TEST_F(CrashSafetyTest, KilledRestoreLeavesTheOldOrTheNewDatabase)
{
    auto random = seededRandom();
    const std::vector<std::string> passphrase{"WARMPATH_PASSPHRASE=crash test"};
    // The new database: the old one plus a few MB of links, backed up.
    const std::filesystem::path newer = m_dir.file("new.db");
    copyDatabase(m_pre, newer);
    writeEdgeList(m_dir.file("more.txt"), 3, random());
    ASSERT_EQ(CliChild(m_dir.path(), {"--db", newer.string(), "import", "more.txt", "--namespace", "more"}).wait(), 0);
    ASSERT_EQ(CliChild(m_dir.path(), {"--db", newer.string(), "backup", "new.wpbackup"}, passphrase).wait(), 0)
        << readFile(m_dir.file(".child-stderr"));
    ContentDigest newDigest;
    {
        RawDatabase db(newer);
        newDigest = contentDigest(db);
    }

    const std::filesystem::path target = m_dir.file("target.db");
    const std::vector<std::string> args{"restore", "new.wpbackup", "--into", target.string(), "--force"};
    copyDatabase(m_pre, target);
    CliChild reference(m_dir.path(), args, passphrase);
    ASSERT_EQ(reference.wait(), 0) << readFile(m_dir.file(".child-stderr"));
    const microseconds full = toMicros(reference.elapsed());
    std::cout << "[ restore  ] " << full.count() / 1000 << " ms\n";

    std::uniform_int_distribution<std::int64_t> moment(0, full.count() * 13 / 10);
    int interrupted = 0;
    int landedNew = 0;
    for (int round = 1; round <= kills(); ++round) {
        copyDatabase(m_pre, target);
        CliChild child(m_dir.path(), args, passphrase);
        interrupted += child.killAfter(microseconds(moment(random))) ? 1 : 0;
        RawDatabase db(target);
        ASSERT_EQ(db.integrity(), "ok") << "round " << round;
        const ContentDigest digest = contentDigest(db);
        const bool isNew = digest == newDigest;
        EXPECT_TRUE(isNew || digest == m_beforeDigest) << "round " << round << ": neither the old nor the new database";
        landedNew += isNew ? 1 : 0;
    }
    std::cout << "[ kills    ] " << interrupted << " interrupted, " << landedNew << " found restored\n";
    EXPECT_GT(interrupted, 0) << "no kill landed while the restore ran";
}

/// Follow lists by account (Bluesky DIDs), read from the links of a database.
std::map<std::string, std::set<std::string>> followLists(const RawDatabase& db)
{
    std::map<std::string, std::set<std::string>> lists;
    const auto rows = db.query("SELECT f.key, t.key FROM link l "
                               "JOIN identity f ON f.person_id = l.from_person AND f.network = 'bsky' "
                               "JOIN identity t ON t.person_id = l.to_person AND t.network = 'bsky' "
                               "WHERE l.kind = 0");
    for (const SqlRow& row : rows) {
        lists[row[0].bytes].insert(row[1].bytes);
    }
    return lists;
}

TEST_F(CrashSafetyTest, KilledCrawlKeepsOnlyWholeFollowLists)
{
    // python3 is a test dependency (resources/setup/common.sh): without it these tests fail, never skip.
    ASSERT_FALSE(FetchServer::python().empty()) << "python3 is not installed: the local test server cannot run";
    FetchServer server;
    ASSERT_TRUE(server.running());
    auto random = seededRandom();
    const std::filesystem::path work = m_dir.file("work.db");
    const std::vector<std::string> args{"--db",  work.string(),    "crawl",   "bluesky", "alice.test",
                                        "--api", server.bskyApi(), "--depth", "2"};
    // Every answer a little late, so that kills land between the pages and lists of the crawl.
    const auto slowDown = [&server] {
        server.reset();
        std::string actions;
        for (int i = 0; i < 40; ++i) {
            actions += (i == 0 ? "" : ",") + std::string("slow:0.04");
        }
        server.script("xrpc", actions);
    };

    copyDatabase(m_pre, work);
    slowDown();
    CliChild reference(m_dir.path(), args);
    ASSERT_EQ(reference.wait(), 0) << readFile(m_dir.file(".child-stderr"));
    const microseconds full = toMicros(reference.elapsed());
    std::map<std::string, std::set<std::string>> wholeLists;
    {
        RawDatabase db(work);
        wholeLists = followLists(db);
    }
    ASSERT_GE(wholeLists.size(), 2U) << "the fixture crawl should store several follow lists";
    std::cout << "[ crawl    ] " << wholeLists.size() << " follow lists in " << full.count() / 1000 << " ms\n";

    std::uniform_int_distribution<std::int64_t> moment(0, full.count() * 13 / 10);
    int interrupted = 0;
    for (int round = 1; round <= kills(); ++round) {
        copyDatabase(m_pre, work);
        slowDown();
        CliChild child(m_dir.path(), args);
        interrupted += child.killAfter(microseconds(moment(random))) ? 1 : 0;
        RawDatabase db(work);
        ASSERT_EQ(db.integrity(), "ok") << "round " << round;
        const std::vector<std::string> missing = missingRows(db, m_beforeRows);
        EXPECT_TRUE(missing.empty()) << "round " << round << ": rows from before are gone, first "
                                     << (missing.empty() ? "" : missing.front());
        for (const auto& [account, follows] : followLists(db)) {
            EXPECT_EQ(follows, wholeLists[account]) << "round " << round << ": part of the follow list of " << account;
        }
    }
    std::cout << "[ kills    ] " << interrupted << " interrupted\n";
    EXPECT_GT(interrupted, 0) << "no kill landed while the crawl ran";
}

}  // namespace
}  // namespace warmpath::test
