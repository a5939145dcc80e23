#include "crypto/Backup.h"

#include <gtest/gtest.h>

#include <random>

#include "TestSupport.h"
#include "WorkflowFixtures.h"
#include "crypto/BackupHeader.h"
#include "store/Schema.h"

using namespace warmpath;
using warmpath::test::TempDir;

namespace {

// Cheap scrypt so the many decryptions below stay fast; the format is the same.
constexpr BackupOptions kFast{.scryptLogN = 10, .scryptR = 8, .scryptP = 1};
constexpr const char* kPassphrase = "correct horse battery staple";

std::vector<std::string> entries(const std::filesystem::path& dir)
{
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

class BackupTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(m_dir.file("source.db"), OpenMode::CreateIfMissing);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(migrate(*db).ok());
        test::seedEveryKindOfRow(*db);
        auto written = writeBackup(*db, backupFile(), kPassphrase, kFast);
        ASSERT_TRUE(written.ok()) << written.error().describe();
        m_expected = test::dumpTables(*db);
    }

    [[nodiscard]] std::filesystem::path backupFile() const { return m_dir.file("backup.wpb"); }
    [[nodiscard]] std::filesystem::path target() const { return m_restoreDir.file("restored.db"); }

    /// Restoring `bytes` must fail with the one message and leave the restore folder empty.
    void expectRejected(const std::string& bytes, const std::string& what)
    {
        test::writeFile(m_dir.file("changed.wpb"), bytes);
        const Status restored = restoreBackup(m_dir.file("changed.wpb"), kPassphrase, target(), false);
        ASSERT_FALSE(restored.ok()) << what;
        EXPECT_EQ(restored.error().describe(), kDamagedBackupMessage) << what;
        EXPECT_TRUE(entries(m_restoreDir.path()).empty()) << what << ": something was written";
    }

    TempDir m_dir;
    TempDir m_restoreDir;
    std::map<std::string, std::vector<std::string>> m_expected;
};

}  // namespace

TEST_F(BackupTest, SeedCoversEveryTable)
{
    for (const auto& [table, rows] : m_expected) {
        EXPECT_FALSE(rows.empty()) << table << " has no row: the round trip would not prove it survives";
    }
}

TEST_F(BackupTest, RoundTripRestoresEveryTableRowForRow)
{
    const Status restored = restoreBackup(backupFile(), kPassphrase, target(), false);
    ASSERT_TRUE(restored.ok()) << restored.error().describe();
    EXPECT_EQ(test::dumpTables(target()), m_expected);
    EXPECT_EQ(entries(m_restoreDir.path()), std::vector<std::string>{"restored.db"}) << "no temporary files left";
}

TEST_F(BackupTest, BackupFileDoesNotContainThePlainText)
{
    const std::string bytes = test::readFile(backupFile());
    EXPECT_EQ(bytes.find("Ana Souza"), std::string::npos);
    EXPECT_EQ(bytes.find("SQLite format 3"), std::string::npos);
    EXPECT_EQ(bytes.substr(0, 8), "WPBACKUP");
}

TEST_F(BackupTest, TwoBackupsOfTheSameDataDifferInSaltAndNonce)
{
    auto db = Database::open(m_dir.file("source.db"), OpenMode::MustExist);
    ASSERT_TRUE(writeBackup(*db, m_dir.file("again.wpb"), kPassphrase, kFast).ok());
    const std::string a = test::readFile(backupFile());
    const std::string b = test::readFile(m_dir.file("again.wpb"));
    EXPECT_NE(a.substr(22, 16), b.substr(22, 16)) << "salt";
    EXPECT_NE(a.substr(38, 12), b.substr(38, 12)) << "nonce";
}

TEST_F(BackupTest, WrongPassphraseIsRejectedAndNothingIsWritten)
{
    const Status restored = restoreBackup(backupFile(), "correct horse battery stapler", target(), false);
    ASSERT_FALSE(restored.ok());
    EXPECT_EQ(restored.error().describe(), kDamagedBackupMessage);
    EXPECT_TRUE(entries(m_restoreDir.path()).empty());
}

TEST_F(BackupTest, EmptyPassphraseIsRejectedOnRestoreToo)
{
    EXPECT_FALSE(restoreBackup(backupFile(), "", target(), false).ok());
    EXPECT_TRUE(entries(m_restoreDir.path()).empty());
}

TEST_F(BackupTest, AChangedByteInAnyRegionIsRejected)
{
    const std::string original = test::readFile(backupFile());
    const std::size_t size = original.size();
    ASSERT_GT(size, crypto::BackupHeader::kSize + 16 + 64);
    const std::vector<std::pair<std::size_t, std::string>> regions = {
        {0, "magic"},
        {9, "format version"},
        {10, "KDF id"},
        {11, "cipher id"},
        {12, "compression id"},
        {13, "scrypt log2 N"},
        {17, "scrypt r"},
        {21, "scrypt p"},
        {22, "salt (first byte)"},
        {37, "salt (last byte)"},
        {38, "nonce (first byte)"},
        {49, "nonce (last byte)"},
        {50, "ciphertext (first byte)"},
        {(50 + size - 16) / 2, "ciphertext (middle)"},
        {size - 17, "ciphertext (last byte)"},
        {size - 16, "tag (first byte)"},
        {size - 1, "tag (last byte)"},
    };
    for (const auto& [offset, name] : regions) {
        for (const unsigned flip : {0x01U, 0x80U}) {
            std::string changed = original;
            changed[offset] = static_cast<char>(static_cast<unsigned char>(changed[offset]) ^ flip);
            expectRejected(changed, name + " ^ " + std::to_string(flip));
        }
    }
}

TEST_F(BackupTest, ATruncatedFileIsRejected)
{
    const std::string original = test::readFile(backupFile());
    for (const std::size_t keep :
         {std::size_t{0}, std::size_t{7}, crypto::BackupHeader::kSize, crypto::BackupHeader::kSize + 16,
          original.size() / 2, original.size() - 16, original.size() - 1}) {
        expectRejected(original.substr(0, keep), "kept " + std::to_string(keep) + " bytes");
    }
}

TEST_F(BackupTest, BytesAppendedToTheFileAreRejected)
{
    expectRejected(test::readFile(backupFile()) + std::string(1, '\0'), "one byte appended");
}

TEST_F(BackupTest, RestoreRefusesToReplaceAnExistingDatabaseWithoutForce)
{
    test::writeFile(target(), "precious");
    const Status restored = restoreBackup(backupFile(), kPassphrase, target(), false);
    ASSERT_FALSE(restored.ok());
    EXPECT_NE(restored.error().describe().find("--force"), std::string::npos) << restored.error().describe();
    EXPECT_EQ(test::readFile(target()), "precious");
    EXPECT_EQ(entries(m_restoreDir.path()), std::vector<std::string>{"restored.db"});
}

TEST_F(BackupTest, ForceReplacesAnExistingDatabaseWithTheRestoredOne)
{
    {
        auto other = Database::open(target(), OpenMode::CreateIfMissing);
        ASSERT_TRUE(migrate(*other).ok());
        other->execute("INSERT INTO person (display_name) VALUES ('Someone Else')");
    }
    const Status restored = restoreBackup(backupFile(), kPassphrase, target(), true);
    ASSERT_TRUE(restored.ok()) << restored.error().describe();
    EXPECT_EQ(test::dumpTables(target()), m_expected);
}

TEST_F(BackupTest, ForceDoesNotTouchTheExistingDatabaseWhenTheBackupIsBad)
{
    test::writeFile(target(), "precious");
    const Status restored = restoreBackup(backupFile(), "wrong", target(), true);
    ASSERT_FALSE(restored.ok());
    EXPECT_EQ(test::readFile(target()), "precious");
    EXPECT_EQ(entries(m_restoreDir.path()), std::vector<std::string>{"restored.db"});
}

TEST(Backup, EmptyPassphraseIsRefusedForANewBackup)
{
    TempDir dir;
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db).ok());
    EXPECT_FALSE(writeBackup(db, dir.file("b.wpb"), "", kFast).ok());
    EXPECT_FALSE(std::filesystem::exists(dir.file("b.wpb")));
}

TEST(Backup, ALargeDatabaseRoundTripsThroughManyChunks)
{
    TempDir dir;
    auto db = Database::open(dir.file("big.db"), OpenMode::CreateIfMissing);
    ASSERT_TRUE(migrate(*db).ok());
    std::mt19937 random(42);
    {
        Transaction tx(*db);
        Statement insert = db->prepare("INSERT INTO note (person_id, text) VALUES (1, ?)");
        for (int i = 0; i < 400; ++i) {
            std::string text(4000, ' ');
            for (char& c : text) {
                c = static_cast<char>('a' + random() % 26);  // incompressible enough to span many chunks
            }
            insert.bind(1, text).run();
            insert.reset();
        }
        tx.commit();
    }
    const auto summary = writeBackup(*db, dir.file("big.wpb"), kPassphrase, kFast);
    ASSERT_TRUE(summary.ok()) << summary.error().describe();
    EXPECT_GT(summary->fileBytes, 512U * 1024U);
    ASSERT_TRUE(restoreBackup(dir.file("big.wpb"), kPassphrase, dir.file("back.db"), false).ok());
    EXPECT_EQ(test::dumpTables(dir.file("back.db")), test::dumpTables(*db));
}

TEST(Backup, TheTemporarySnapshotIsGoneAfterSuccessAndFailure)
{
    TempDir dir;
    auto db = Database::open(dir.file("source.db"), OpenMode::CreateIfMissing);
    ASSERT_TRUE(migrate(*db).ok());
    test::seedEveryKindOfRow(*db);
    const auto before = entries(dir.path());
    // Fails after the snapshot was taken: the backup's folder does not exist.
    EXPECT_FALSE(writeBackup(*db, dir.file("missing/b.wpb"), kPassphrase, kFast).ok());
    EXPECT_EQ(entries(dir.path()), before);
    ASSERT_TRUE(writeBackup(*db, dir.file("b.wpb"), kPassphrase, kFast).ok());
    auto expected = before;
    expected.push_back("b.wpb");
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(entries(dir.path()), expected);
}

TEST(Backup, AnInMemoryDatabaseIsSnapshotBesideTheBackup)
{
    TempDir dir;
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db).ok());
    test::seedEveryKindOfRow(db);
    ASSERT_TRUE(writeBackup(db, dir.file("b.wpb"), kPassphrase, kFast).ok());
    EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"b.wpb"});
    ASSERT_TRUE(restoreBackup(dir.file("b.wpb"), kPassphrase, dir.file("back.db"), false).ok());
    EXPECT_EQ(test::dumpTables(dir.file("back.db")), test::dumpTables(db));
}

TEST(BackupHeader, KdfParametersBeyondWhatWarmpathWritesAreRefused)
{
    crypto::BackupHeader header;
    EXPECT_TRUE(crypto::BackupHeader::parse(header.serialize()).has_value());
    header.scryptLogN = 40;
    EXPECT_FALSE(crypto::BackupHeader::parse(header.serialize()).has_value());
    header.scryptLogN = 15;
    header.scryptR = 1000;
    EXPECT_FALSE(crypto::BackupHeader::parse(header.serialize()).has_value());
}
