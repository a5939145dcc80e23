// Memory that must not grow with the size of the database (issue 8, "Load"): backup and restore
// stream the database a chunk at a time, and `people` streams its rows. Each test runs
// warmpath-cli as a child on a small database and on a large one and compares the peak resident
// sets: the difference is what the command holds per byte or per person. The ceilings are loose
// (ASan's shadow memory, SQLite's page cache); what they catch is a copy of the database or of
// the whole list in memory, which is many times larger.

#include <chrono>
#include <iostream>
#include <set>

#include <nlohmann/json.hpp>

#include "TestSupport.h"
#include "Workspace.h"
#include "reliability/ReliabilitySupport.h"
#include "store/Database.h"

namespace warmpath::test {
namespace {

/// Big enough that a copy of it in memory cannot hide under the ceilings below.
constexpr int kLargeDatabaseMib = 96;
constexpr long kBackupGrowthCeilingMib = 24;
constexpr int kManyPeople = 150'000;
constexpr long kPeopleGrowthCeilingMib = 40;

class BoundedMemoryTest : public ::testing::Test {
protected:
    using Measured = MeasuredRun;

    Measured run(const std::vector<std::string>& args)
    {
        Measured result = runMeasured(m_dir.path(), args, {"WARMPATH_PASSPHRASE=bounded memory"});
        std::cout << "[ measured ] " << args[2] << ": exit " << result.exitCode << ", " << result.elapsed.count()
                  << " ms, peak RSS " << result.peakRssMib << " MiB\n";
        return result;
    }

    /// A fresh database (only me in it) at `name`.
    std::filesystem::path createDatabase(const std::string& name)
    {
        const std::filesystem::path db = m_dir.file(name);
        const auto created = Workspace::open(db);
        EXPECT_TRUE(created.ok()) << created.error().describe();
        return db;
    }

    static void execute(const std::filesystem::path& db, const std::string& sql)
    {
        auto opened = Database::open(db, OpenMode::MustExist);
        ASSERT_TRUE(opened.ok()) << opened.error().describe();
        opened->execute("BEGIN");
        opened->execute(sql);
        opened->execute("COMMIT");
    }

    /// Files in the test folder whose name holds `part`.
    [[nodiscard]] std::set<std::string> filesNamed(const std::string& part) const
    {
        std::set<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator(m_dir.path())) {
            if (entry.path().filename().string().find(part) != std::string::npos) {
                names.insert(entry.path().filename().string());
            }
        }
        return names;
    }

    TempDir m_dir;
};

}  // namespace

TEST_F(BoundedMemoryTest, BackupAndRestoreDoNotHoldTheDatabaseInMemory)
{
    const std::filesystem::path small = createDatabase("small.db");
    const std::filesystem::path large = createDatabase("large.db");
    // Notes of 64 KiB each (compressible, so zlib is quick), under ids that differ.
    execute(large, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                       std::to_string(kLargeDatabaseMib * 16) +
                       ") INSERT INTO note (person_id, text) SELECT 1, i || hex(zeroblob(32768)) FROM n");
    ASSERT_GT(std::filesystem::file_size(large), std::uintmax_t{kLargeDatabaseMib} << 20);

    const Measured smallBackup = run({"--db", small.string(), "backup", m_dir.file("small.wpb").string()});
    const Measured largeBackup = run({"--db", large.string(), "backup", m_dir.file("large.wpb").string()});
    ASSERT_EQ(smallBackup.exitCode, 0) << smallBackup.err;
    ASSERT_EQ(largeBackup.exitCode, 0) << largeBackup.err;
    EXPECT_LT(largeBackup.peakRssMib - smallBackup.peakRssMib, kBackupGrowthCeilingMib)
        << "a backup of " << kLargeDatabaseMib << " MiB more database took that much more memory";
    EXPECT_TRUE(filesNamed("snapshot").empty()) << "the temporary snapshot was left behind";

    const Measured smallRestore =
        run({"restore", m_dir.file("small.wpb").string(), "--into", m_dir.file("small-back.db").string()});
    const Measured largeRestore =
        run({"restore", m_dir.file("large.wpb").string(), "--into", m_dir.file("large-back.db").string()});
    ASSERT_EQ(smallRestore.exitCode, 0) << smallRestore.err;
    ASSERT_EQ(largeRestore.exitCode, 0) << largeRestore.err;
    EXPECT_LT(largeRestore.peakRssMib - smallRestore.peakRssMib, kBackupGrowthCeilingMib);
    const RawDatabase restored(m_dir.file("large-back.db"));
    EXPECT_EQ(contentDigest(restored), contentDigest(RawDatabase(large)));
}

TEST_F(BoundedMemoryTest, PeopleStreamsItsRowsInTextAndJson)
{
    const std::filesystem::path small = createDatabase("small.db");
    const std::filesystem::path large = createDatabase("large.db");
    execute(large, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                       std::to_string(kManyPeople) +
                       ") INSERT INTO person (display_name, organisation) SELECT 'Person ' || (i * 7919 % " +
                       std::to_string(kManyPeople) +
                       "), 'Organisation ' || (i % 97) FROM n;"
                       "INSERT INTO identity (person_id, network, key) SELECT id, 'x', id FROM person "
                       "WHERE id % 2 = 0 AND is_me = 0;"
                       "INSERT INTO tag (name) VALUES ('friend'), ('Colleague');"
                       "INSERT INTO person_tag (person_id, tag_id) SELECT p.id, t.id FROM person p, tag t "
                       "WHERE p.id % 3 = 0");

    for (const bool json : {false, true}) {
        std::vector<std::string> smallArgs{"--db", small.string(), "people"};
        std::vector<std::string> largeArgs{"--db", large.string(), "people"};
        if (json) {
            smallArgs.emplace_back("--json");
            largeArgs.emplace_back("--json");
        }
        const Measured few = run(smallArgs);
        const Measured many = run(largeArgs);
        ASSERT_EQ(few.exitCode, 0) << few.err;
        ASSERT_EQ(many.exitCode, 0) << many.err;
        EXPECT_LT(many.peakRssMib - few.peakRssMib, kPeopleGrowthCeilingMib)
            << (json ? "people --json" : "people") << " held the list of " << kManyPeople << " people";
        if (json) {
            const auto document = nlohmann::json::parse(many.out);
            EXPECT_EQ(document.at("people").size(), std::size_t{kManyPeople} + 1);
        } else {
            EXPECT_EQ(std::count(many.out.begin(), many.out.end(), '\n'), kManyPeople + 1);
        }
    }
}

}  // namespace warmpath::test
