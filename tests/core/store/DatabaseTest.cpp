#include <sys/stat.h>

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "Workspace.h"
#include "store/Database.h"
#include "store/Schema.h"

using namespace warmpath;
using warmpath::test::TempDir;

namespace {

unsigned permissions(const std::filesystem::path& path)
{
    struct stat info {};
    EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
    return info.st_mode & 0777U;
}

}  // namespace

TEST(Database, NewDatabaseFileIsReadableByItsOwnerOnly)
{
    TempDir dir;
    const auto path = dir.file("new.db");
    const mode_t previous = ::umask(0);  // even a permissive umask must not widen it
    auto ws = Workspace::open(path);
    ::umask(previous);
    ASSERT_TRUE(ws.ok()) << ws.error().describe();
    EXPECT_EQ(permissions(path), 0600U);
}

TEST(Database, WalAndSharedMemoryFilesAreOwnerOnlyToo)
{
    TempDir dir;
    const auto path = dir.file("wal.db");
    const mode_t previous = ::umask(0);
    auto ws = Workspace::open(path);
    ::umask(previous);
    ASSERT_TRUE(ws.ok());
    ASSERT_TRUE((*ws)->stats().ok());
    ASSERT_TRUE(std::filesystem::exists(path.string() + "-wal"));
    EXPECT_EQ(permissions(path.string() + "-wal"), 0600U);
}

TEST(Database, MissingFoldersAreNeverCreated)
{
    TempDir dir;
    const auto path = dir.path() / "a" / "b" / "warmpath.db";
    auto ws = Workspace::open(path, OpenMode::CreateIfMissing);
    ASSERT_FALSE(ws.ok());
    EXPECT_NE(ws.error().describe().find("no such folder " + (dir.path() / "a" / "b").string()), std::string::npos)
        << ws.error().describe();
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "a"));
}

TEST(Database, UsesWriteAheadLoggingAndForeignKeys)
{
    TempDir dir;
    auto db = Database::open(dir.file("w.db"), OpenMode::CreateIfMissing);
    ASSERT_TRUE(db.ok());
    Statement journal = db->prepare("PRAGMA journal_mode");
    ASSERT_TRUE(journal.step());
    EXPECT_EQ(journal.text(0), "wal");
    Statement keys = db->prepare("PRAGMA foreign_keys");
    ASSERT_TRUE(keys.step());
    EXPECT_EQ(keys.int64(0), 1);
}

TEST(Database, MustExistModeDoesNotCreateAFile)
{
    TempDir dir;
    auto db = Database::open(dir.file("absent.db"), OpenMode::MustExist);
    EXPECT_FALSE(db.ok());
    EXPECT_FALSE(std::filesystem::exists(dir.file("absent.db")));
}

TEST(Database, TextFileIsRefusedAndLeftUntouched)
{
    TempDir dir;
    const auto path = dir.file("notes.db");
    const std::string content = "These are my notes, not a database.\n";
    test::writeFile(path, content);
    auto ws = Workspace::open(path);
    ASSERT_FALSE(ws.ok());
    EXPECT_NE(ws.error().describe().find("notes.db"), std::string::npos);
    EXPECT_NE(ws.error().message.find("not a Warmpath database"), std::string::npos) << ws.error().message;
    EXPECT_EQ(test::readFile(path), content);
    EXPECT_FALSE(std::filesystem::exists(path.string() + "-wal"));
}

TEST(Database, CorruptDatabaseIsRefusedAndLeftUntouched)
{
    TempDir dir;
    const auto path = dir.file("corrupt.db");
    {
        auto ws = Workspace::open(path);
        ASSERT_TRUE(ws.ok());
    }
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
    std::string bytes = test::readFile(path);
    ASSERT_GT(bytes.size(), 4096U);
    // Wreck the page-1 B-tree header that holds the schema: the file still starts like SQLite.
    for (std::size_t i = 100; i < 200; ++i) {
        bytes[i] = '\xff';
    }
    test::writeFile(path, bytes);
    auto ws = Workspace::open(path);
    ASSERT_FALSE(ws.ok());
    EXPECT_NE(ws.error().describe().find("corrupt.db"), std::string::npos);
    EXPECT_EQ(test::readFile(path), bytes);
}

TEST(Database, TruncatedDatabaseIsRefused)
{
    TempDir dir;
    const auto path = dir.file("truncated.db");
    test::writeFile(path, std::string("SQLite format 3\0", 16) + std::string(50, '\x01'));
    const std::string before = test::readFile(path);
    auto ws = Workspace::open(path);
    ASSERT_FALSE(ws.ok());
    EXPECT_EQ(test::readFile(path), before);
}

TEST(Database, FolderIsNotADatabase)
{
    TempDir dir;
    auto ws = Workspace::open(dir.path());
    ASSERT_FALSE(ws.ok());
    EXPECT_NE(ws.error().message.find("not a regular file"), std::string::npos);
}

TEST(Database, TransactionRollsBackWhenNotCommitted)
{
    Database db = Database::openInMemory();
    db.execute("CREATE TABLE t (x INTEGER)");
    {
        Transaction tx(db);
        db.execute("INSERT INTO t VALUES (1)");
    }
    Statement count = db.prepare("SELECT count(*) FROM t");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.int64(0), 0);
}

TEST(Database, CachedStatementsAreResetForReuse)
{
    Database db = Database::openInMemory();
    db.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)");
    for (int i = 1; i <= 3; ++i) {
        Statement& st = db.cached("SELECT x FROM t WHERE x = ?");
        st.bind(1, i);
        ASSERT_TRUE(st.step());
        EXPECT_EQ(st.int64(0), i);
    }
}

TEST(Database, BoundTextIsNeverInterpretedAsSql)
{
    Database db = Database::openInMemory();
    db.execute("CREATE TABLE t (x TEXT)");
    const std::string hostile = "'); DROP TABLE t; --";
    db.prepare("INSERT INTO t VALUES (?)").bind(1, hostile).run();
    Statement st = db.prepare("SELECT x FROM t");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), hostile);
}
