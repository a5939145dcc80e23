// Every input a fuzz target ever crashed or hung on (tests/data/fuzz-regressions/TARGET/, one
// folder per target of tests/fuzz) replayed through the same code path as the target, in the
// normal build: it must end, within a second, in a result or a clear error.

#include <algorithm>
#include <chrono>
#include <set>

#include "TestSupport.h"
#include "Workspace.h"
#include "crypto/Backup.h"
#include "fetch/ResponseParsers.h"
#include "import/Importer.h"
#include "store/Schema.h"

namespace warmpath::test {
namespace {

using namespace std::chrono_literals;

struct ImportTarget {
    const char* folder;
    import::Format format;
    const char* fileName;  ///< what the fuzz target calls the file (the X archive reads the name)
};

constexpr ImportTarget kImportTargets[] = {
    {"linkedin_csv", import::Format::LinkedIn, "Connections.csv"},
    {"x_archive_js", import::Format::XArchive, "following.js"},
    {"x_archive_zip", import::Format::XArchive, "archive.zip"},
    {"mastodon_csv", import::Format::Mastodon, "following_accounts.csv"},
    {"google_csv", import::Format::Google, "contacts.csv"},
    {"outlook_csv", import::Format::Outlook, "contacts.csv"},
    {"thunderbird_csv", import::Format::Thunderbird, "addressbook.csv"},
    {"mapped_csv", import::Format::Csv, "people.csv"},
    {"vcard", import::Format::VCard, "contacts.vcf"},
    {"graphml", import::Format::GraphMl, "network.graphml"},
    {"gexf", import::Format::Gexf, "network.gexf"},
    {"gml", import::Format::Gml, "network.gml"},
    {"pajek", import::Format::Pajek, "network.net"},
    {"edge_list", import::Format::EdgeList, "edges.txt"},
};

std::vector<std::filesystem::path> regressions(const std::string& folder)
{
    std::vector<std::filesystem::path> files;
    const auto dir = sourceDir() / "tests/data/fuzz-regressions" / folder;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

TEST(FuzzRegressions, EveryFolderNamesAFuzzTarget)
{
    std::set<std::string> known{"backup", "bluesky_response", "mastodon_response"};
    for (const ImportTarget& target : kImportTargets) {
        known.insert(target.folder);
    }
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(sourceDir() / "tests/data/fuzz-regressions", ec)) {
        EXPECT_TRUE(known.contains(entry.path().filename().string())) << entry.path();
    }
}

TEST(FuzzRegressions, ImportsEndInAResultOrAClearError)
{
    TempDir dir;
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db).ok());
    for (const ImportTarget& target : kImportTargets) {
        for (const auto& input : regressions(target.folder)) {
            const auto file = dir.file(target.fileName);
            std::filesystem::copy_file(input, file, std::filesystem::copy_options::overwrite_existing);
            const auto start = std::chrono::steady_clock::now();
            import::Importer importer(db, ImportOptions{.format = target.format, .nameSpace = "fuzz", .dryRun = true});
            const auto imported = importer.run({file});
            EXPECT_LT(std::chrono::steady_clock::now() - start, 1s) << input;
            if (!imported) {
                EXPECT_FALSE(imported.error().message.empty()) << input;
                EXPECT_NE(imported.error().file.find(target.fileName), std::string::npos)
                    << input << ": " << imported.error().describe();
            }
            EXPECT_FALSE(db.inTransaction()) << input;
        }
    }
}

TEST(FuzzRegressions, BackupsEndInARestoreOrTheDamagedMessage)
{
    TempDir dir;
    for (const auto& input : regressions("backup")) {
        const Status restored = restoreBackup(input, "fuzzing passphrase", dir.file("restored.db"), true);
        EXPECT_TRUE(restored.ok() || restored.error().message == kDamagedBackupMessage) << input;
    }
}

TEST(FuzzRegressions, ResponsesEndInAResultOrAnError)
{
    for (const char* folder : {"bluesky_response", "mastodon_response"}) {
        for (const auto& input : regressions(folder)) {
            const std::string body = readFile(input);
            (void)fetch::parseBlueskyProfile(body);
            (void)fetch::parseBlueskyFollows(body);
            (void)fetch::parseMastodonAccount(body, "social.example");
            (void)fetch::parseMastodonAccounts(body, "social.example");
            (void)fetch::nextLink(body);
            (void)fetch::mastodonAddress(body);
        }
    }
}

}  // namespace
}  // namespace warmpath::test
