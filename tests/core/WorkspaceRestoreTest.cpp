// Restoring a backup over a database, as both the CLI and the GUI do it (Workspace::restore, or its
// two halves prepareRestore() and PendingRestore::commit()).

#include <filesystem>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "Workspace.h"
#include "graph/SnapshotCache.h"

using namespace warmpath;
using warmpath::test::TempDir;

namespace {

constexpr const char* kPassphrase = "correct horse battery staple";

/// A database with a backup of it taken, then changed after the backup, with a graph cache written
/// for the changed state; closed, as a restore wants it.
class WorkspaceRestoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        database = dir.file("net.db");
        backup = dir.file("net.wpbackup");
        test::writeFile(dir.file("first.txt"), "a b\nb c\n");
        test::writeFile(dir.file("later.txt"), "c d\nd e\ne f\n");
        auto opened = Workspace::open(database);
        ASSERT_TRUE(opened.ok()) << opened.error().describe();
        std::unique_ptr<Workspace> workspace = std::move(opened).value();
        ASSERT_TRUE(workspace->importFiles({dir.file("first.txt")}).ok());
        backedUpPeople = workspace->stats()->persons;
        ASSERT_TRUE(workspace->backup(backup, kPassphrase, BackupOptions{.scryptLogN = 10}).ok());
        ASSERT_TRUE(workspace->importFiles({dir.file("later.txt")}).ok());
        ASSERT_TRUE(workspace->snapshot().ok());
        ASSERT_TRUE(std::filesystem::exists(cache()));
    }

    [[nodiscard]] std::filesystem::path cache() const { return SnapshotCache::pathFor(database); }

    [[nodiscard]] std::int64_t peopleNow() const
    {
        auto opened = Workspace::open(database, OpenMode::MustExist);
        return opened ? (*opened)->stats()->persons : -1;
    }

    TempDir dir;
    std::filesystem::path database;
    std::filesystem::path backup;
    std::int64_t backedUpPeople = 0;
};

}  // namespace

TEST_F(WorkspaceRestoreTest, RestoringOverADatabaseDropsItsGraphCacheAndLog)
{
    ASSERT_TRUE(Workspace::restore(backup, kPassphrase, database, true).ok());
    // The cache described the database replaced; the restored one builds its own.
    EXPECT_FALSE(std::filesystem::exists(cache()));
    EXPECT_FALSE(std::filesystem::exists(database.string() + "-wal"));
    EXPECT_FALSE(std::filesystem::exists(database.string() + "-shm"));
    EXPECT_EQ(peopleNow(), backedUpPeople);
    auto reopened = Workspace::open(database, OpenMode::MustExist);
    ASSERT_TRUE(reopened.ok());
    ASSERT_TRUE((*reopened)->snapshot().ok());
    EXPECT_EQ((*reopened)->lastSnapshotSource(), "database");
    EXPECT_EQ((*reopened)->currentSnapshot()->personCount(), static_cast<std::size_t>(backedUpPeople));
}

TEST_F(WorkspaceRestoreTest, APreparedRestoreChangesNothingUntilCommitted)
{
    auto pending = Workspace::prepareRestore(backup, kPassphrase, database, true);
    ASSERT_TRUE(pending.ok()) << pending.error().describe();
    // Decrypted and checked beside the database, which is still as it was (and could still be open).
    EXPECT_GT(peopleNow(), backedUpPeople);
    EXPECT_TRUE(std::filesystem::exists(cache()));
    ASSERT_TRUE(pending->commit().ok());
    EXPECT_EQ(peopleNow(), backedUpPeople);
    EXPECT_FALSE(std::filesystem::exists(cache()));
}

TEST_F(WorkspaceRestoreTest, AWrongPassphraseLeavesTheDatabaseAndItsCacheAlone)
{
    const auto pending = Workspace::prepareRestore(backup, "wrong", database, true);
    ASSERT_FALSE(pending.ok());
    EXPECT_EQ(pending.error().message, kDamagedBackupMessage);
    EXPECT_TRUE(std::filesystem::exists(cache()));
    EXPECT_GT(peopleNow(), backedUpPeople);
    // Nothing decrypted was left beside it either.
    std::set<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        files.insert(entry.path().filename().string());
    }
    EXPECT_EQ(files,
              (std::set<std::string>{"net.db", cache().filename().string(), "net.wpbackup", "first.txt", "later.txt"}));
}

TEST_F(WorkspaceRestoreTest, AnExistingDatabaseIsReplacedOnlyWithForce)
{
    const Status refused = Workspace::restore(backup, kPassphrase, database, false);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(std::filesystem::exists(cache()));
}
