// Every input a fuzz target ever crashed or hung on (tests/data/fuzz-regressions/TARGET/, one
// folder per target of tests/fuzz) replayed through the same code path as the target, in the
// normal build: it must end in a result or a clear error, at a cost that does not grow with what
// the input claims. A hang is ctest's to catch (the test's TIMEOUT), not a clock's here. The
// folders are checked against the targets themselves, so that a missing folder, or a target no
// test replays, fails instead of replaying nothing.

#include <algorithm>
#include <fstream>
#include <set>
#include <string_view>

#include "TestSupport.h"
#include "Workspace.h"
#include "crypto/Backup.h"
#include "fetch/ResponseParsers.h"
#include "import/Importer.h"
#include "store/Schema.h"

namespace warmpath::test {
namespace {

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

/// The fuzz targets that are not importers, each replayed by a test of its own below.
constexpr std::string_view kOtherTargets[] = {"backup", "bluesky_response", "mastodon_response"};

/// What marks a regression folder that is empty on purpose; it is not an input.
constexpr std::string_view kReadme = "README";

/// An input of a few KB (what libFuzzer writes) may cost the import this much memory, and no more:
/// the X archive zip that claimed 117 MB for an entry of 135 bytes cost 117 MB before its fix.
constexpr long kMaxInputCostKib = 64 * 1024;

std::filesystem::path regressionRoot()
{
    return sourceDir() / "tests/data/fuzz-regressions";
}

/// Every fuzz target, from its source: tests/fuzz/NAME_fuzzer.cpp.
std::set<std::string> fuzzTargets()
{
    constexpr std::string_view kSuffix = "_fuzzer.cpp";
    std::set<std::string> targets;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(sourceDir() / "tests/fuzz", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() > kSuffix.size() && name.ends_with(kSuffix)) {
            targets.insert(name.substr(0, name.size() - kSuffix.size()));
        }
    }
    return targets;
}

std::string fuzzerSource(const std::string& target)
{
    return readFile(sourceDir() / "tests/fuzz" / (target + "_fuzzer.cpp"));
}

/// The file name an importer target gives its input (the last argument of `importBytes`), or
/// empty when the target imports nothing.
std::string importedFileName(const std::string& source)
{
    const auto call = source.find("importBytes(");
    if (call == std::string::npos) {
        return {};
    }
    const auto end = source.find(')', call);
    const auto close = source.rfind('"', end);
    const auto open = close == std::string::npos || close <= call ? std::string::npos : source.rfind('"', close - 1);
    return open == std::string::npos || open < call ? std::string() : source.substr(open + 1, close - open - 1);
}

/// The saved inputs of `target`, sorted. A missing folder is a failure: a loop over it would run
/// zero times and pass.
std::vector<std::filesystem::path> regressions(const std::string& target)
{
    const auto dir = regressionRoot() / target;
    std::vector<std::filesystem::path> files;
    if (!std::filesystem::is_directory(dir)) {
        ADD_FAILURE() << "fuzz target " << target << " has no regression folder " << dir;
        return files;
    }
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().filename() != kReadme) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

/// `VmRSS` and `VmHWM` (the peak) of this process in KiB, from /proc/self/status.
std::pair<long, long> residentAndPeakKib()
{
    std::ifstream status("/proc/self/status");
    long resident = 0;
    long peak = 0;
    for (std::string line; std::getline(status, line);) {
        if (line.starts_with("VmRSS:")) {
            resident = std::stol(line.substr(6));
        } else if (line.starts_with("VmHWM:")) {
            peak = std::stol(line.substr(6));
        }
    }
    return {resident, peak};
}

/// How much this process's peak memory rose while `work` ran, in KiB. The peak is reset first
/// (`/proc/self/clear_refs`); where the kernel refuses, the rise over the earlier peak is what
/// is seen, which can only under-report.
template <typename Work>
long peakRiseKib(Work&& work)
{
    {
        std::ofstream("/proc/self/clear_refs") << "5";
    }
    const long before = residentAndPeakKib().second;
    work();
    return residentAndPeakKib().second - before;
}

TEST(FuzzRegressions, EveryFuzzTargetHasARegressionFolder)
{
    const std::set<std::string> targets = fuzzTargets();
    ASSERT_FALSE(targets.empty()) << "no tests/fuzz/*_fuzzer.cpp found";
    for (const std::string& target : targets) {
        const auto dir = regressionRoot() / target;
        ASSERT_TRUE(std::filesystem::is_directory(dir)) << "fuzz target " << target << " has no folder " << dir;
        if (regressions(target).empty()) {
            EXPECT_FALSE(readFile(dir / kReadme).empty())
                << dir << " holds no input; an empty folder needs a README saying so";
        }
    }
}

TEST(FuzzRegressions, EveryFolderNamesAFuzzTarget)
{
    const std::set<std::string> targets = fuzzTargets();
    for (const auto& entry : std::filesystem::directory_iterator(regressionRoot())) {
        EXPECT_TRUE(entry.is_directory() && targets.contains(entry.path().filename().string()))
            << entry.path() << " is not the folder of a tests/fuzz/NAME_fuzzer.cpp";
    }
}

TEST(FuzzRegressions, EveryFuzzTargetIsReplayedAsWhatItIs)
{
    std::set<std::string> importers;
    for (const ImportTarget& target : kImportTargets) {
        importers.insert(target.folder);
        EXPECT_EQ(importedFileName(fuzzerSource(target.folder)), target.fileName)
            << target.folder << ": the replay must give the input the name the fuzz target gives it";
    }
    const std::set<std::string> others(std::begin(kOtherTargets), std::end(kOtherTargets));
    for (const std::string& target : fuzzTargets()) {
        const bool importer = !importedFileName(fuzzerSource(target)).empty();
        EXPECT_TRUE(importer ? importers.contains(target) : others.contains(target))
            << "fuzz target " << target << " is replayed by no test: "
            << (importer ? "add it to kImportTargets" : "replay it in FuzzRegressionTest.cpp");
    }
}

TEST(FuzzRegressions, ImportsEndInAResultOrAClearErrorAtABoundedCost)
{
    TempDir dir;
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db).ok());
    for (const ImportTarget& target : kImportTargets) {
        for (const auto& input : regressions(target.folder)) {
            const auto file = dir.file(target.fileName);
            std::filesystem::copy_file(input, file, std::filesystem::copy_options::overwrite_existing);
            std::optional<Result<std::vector<FileImportSummary>>> imported;
            const long cost = peakRiseKib([&] {
                import::Importer importer(db,
                                          ImportOptions{.format = target.format, .nameSpace = "fuzz", .dryRun = true});
                imported = importer.run({file});
            });
            EXPECT_LT(cost, kMaxInputCostKib) << input << " (" << std::filesystem::file_size(input) << " bytes)";
            if (!*imported) {
                EXPECT_FALSE(imported->error().message.empty()) << input;
                EXPECT_NE(imported->error().file.find(target.fileName), std::string::npos)
                    << input << ": " << imported->error().describe();
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
            (void)fetch::xrpcErrorName(body);
            (void)fetch::errorMessage(body);
            (void)fetch::parseMastodonAccount(body, "social.example");
            (void)fetch::parseMastodonAccounts(body, "social.example");
            (void)fetch::instanceDomain(body, "domain");
            (void)fetch::webfingerAccountUrl(body);
            (void)fetch::nextLink(body);
            (void)fetch::mastodonAddress(body);
        }
    }
}

}  // namespace
}  // namespace warmpath::test
