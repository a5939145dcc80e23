// The pipeline's promises: one transaction, dry runs, re-imports, undo, identity resolution,
// the merge-review queue, merge and split, cancellation, hostile input.

#include <algorithm>

#include <gtest/gtest.h>

#include "ImportTestSupport.h"

using namespace warmpath;
using warmpath::test::ImportFixture;
using warmpath::test::importFixture;
using warmpath::test::readFile;
using warmpath::test::writeFile;

namespace {

/// A dump without the graph generation, which every change (an undo too) moves on.
std::string withoutMeta(const std::string& dump)
{
    std::string out;
    std::size_t start = 0;
    while (start < dump.size()) {
        const auto end = dump.find('\n', start);
        const std::string line = dump.substr(start, end - start);
        if (line.rfind("meta:", 0) != 0) {
            out += line + "\n";
        }
        start = end == std::string::npos ? dump.size() : end + 1;
    }
    return out;
}

}  // namespace

TEST(ImportAtomicity, MalformedFileLateInTheInputLeavesTheDatabaseByteIdentical)
{
    ImportFixture f;
    f.importOk(importFixture("linkedin/Connections.csv"));
    const std::string before = f.dump();
    f.close();
    const std::string bytesBefore = readFile(f.dbPath());
    f.reopen();

    auto result = f.ws().importFiles({importFixture("google/contacts.csv"), importFixture("gexf/gexf-1.3.gexf"),
                                      importFixture("edgelist/malformed.txt")});
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().describe().find("malformed.txt:3:1:"), std::string::npos) << result.error().describe();
    EXPECT_EQ(f.dump(), before);
    f.close();
    EXPECT_EQ(readFile(f.dbPath()), bytesBefore);
}

TEST(ImportAtomicity, DryRunReportsTheSameCountsAndWritesNothing)
{
    ImportFixture f;
    const std::string before = f.dump();
    const auto dry = f.importOk(importFixture("linkedin/Connections.csv"), ImportOptions{.dryRun = true});
    EXPECT_EQ(f.dump(), before);
    const auto real = f.importOk(importFixture("linkedin/Connections.csv"));
    EXPECT_EQ(dry.counts.personsAdded, real.counts.personsAdded);
    EXPECT_EQ(dry.counts.linksAdded, real.counts.linksAdded);
    EXPECT_EQ(dry.counts.skipped, real.counts.skipped);
    EXPECT_EQ(dry.warnings.size(), real.warnings.size());
}

TEST(ImportAtomicity, CancelRollsBackEverything)
{
    ImportFixture f;
    const std::string before = f.dump();
    std::string big;
    for (int i = 0; i < 50000; ++i) {
        big += std::to_string(i) + " " + std::to_string(i + 1) + "\n";
    }
    const auto path = f.dir().file("big.txt");
    writeFile(path, big);
    CancelToken cancel;
    int calls = 0;
    ImportOptions options{.progress =
                              [&](std::uint64_t, std::uint64_t, std::string_view) {
                                  if (++calls == 1) {
                                      cancel.cancel();
                                  }
                              },
                          .cancel = &cancel};
    auto result = f.ws().importFiles({path}, options);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("cancelled"), std::string::npos);
    EXPECT_EQ(f.dump(), before);
}

TEST(ImportAtomicity, ProgressReachesTheTotal)
{
    ImportFixture f;
    std::uint64_t lastDone = 0;
    std::uint64_t lastTotal = 0;
    ImportOptions options{.progress = [&](std::uint64_t done, std::uint64_t total, std::string_view) {
        lastDone = done;
        lastTotal = total;
    }};
    f.importOk(importFixture("edgelist/follows.txt"), options);
    EXPECT_GT(lastTotal, 0U);
    EXPECT_EQ(lastDone, lastTotal);
}

TEST(ImportBatches, SameFileTwiceChangesNothingAndSaysSo)
{
    ImportFixture f;
    const auto first = f.importOk(importFixture("gexf/gexf-1.1.gexf"));
    const std::string before = f.dump();
    const auto second = f.importOk(importFixture("gexf/gexf-1.1.gexf"));
    EXPECT_TRUE(second.alreadyImported);
    EXPECT_EQ(second.batch, first.batch);
    EXPECT_EQ(second.counts.personsAdded, 0);
    ASSERT_EQ(second.warnings.size(), 1U);
    EXPECT_NE(second.warnings[0].find("already imported"), std::string::npos);
    EXPECT_EQ(f.dump(), before);
}

TEST(ImportBatches, ListedWithFileFormatHashAndCounts)
{
    ImportFixture f;
    f.importOk(importFixture("edgelist/follows.txt"));
    const auto batches = f.ws().imports();
    ASSERT_EQ(batches->size(), 1U);
    EXPECT_EQ(batches->front().file, "follows.txt");
    EXPECT_EQ(batches->front().format, "edgelist");
    EXPECT_EQ(batches->front().sha256.size(), 64U);
    EXPECT_EQ(batches->front().personsAdded, 5);
    EXPECT_EQ(batches->front().linksAdded, 4);
}

TEST(ImportBatches, UndoRemovesExactlyWhatThatBatchAloneBrought)
{
    ImportFixture f;
    const std::string empty = f.dump();
    f.importOk(importFixture("mastodon/following_accounts-old.csv"));  // ana, cara
    const std::string afterFirst = f.dump();
    const auto second = f.importOk(importFixture("mastodon/following_accounts.csv"));  // ana again, bo
    EXPECT_EQ(second.counts.personsAdded, 1);
    EXPECT_EQ(second.counts.personsMerged, 1);

    auto undone = f.ws().undoImport(second.batch);
    ASSERT_TRUE(undone.ok()) << undone.error().describe();
    EXPECT_EQ(undone->personsRemoved, 1);  // bo; ana came from the first import too
    EXPECT_TRUE(f.ws().resolve("mastodon:ana@mastodon.social").ok());
    EXPECT_FALSE(f.ws().resolve("mastodon:bo@fosstodon.org").ok());
    EXPECT_EQ(f.links("me", "mastodon:ana@mastodon.social"), 1);
    EXPECT_EQ(f.ws().imports()->size(), 1U);
    EXPECT_EQ(withoutMeta(f.dump()), withoutMeta(afterFirst));

    ASSERT_TRUE(f.ws().undoImport(f.ws().imports()->front().id).ok());
    EXPECT_EQ(f.ws().stats()->persons, 1);
    EXPECT_EQ(f.ws().stats()->links, 0);
    EXPECT_EQ(f.ws().stats()->identities, 0);
    EXPECT_EQ(withoutMeta(f.dump()), withoutMeta(empty));
}

TEST(ImportBatches, UndoOfTheFirstBatchKeepsWhatALaterOneAlsoSaw)
{
    ImportFixture f;
    const auto first = f.importOk(importFixture("mastodon/following_accounts-old.csv"));
    f.importOk(importFixture("mastodon/following_accounts.csv"));
    ASSERT_TRUE(f.ws().undoImport(first.batch).ok());
    EXPECT_TRUE(f.ws().resolve("mastodon:ana@mastodon.social").ok());  // also in the second file
    EXPECT_EQ(f.links("me", "mastodon:ana@mastodon.social"), 1);
    EXPECT_FALSE(f.ws().resolve("mastodon:cara@hachyderm.io").ok());  // only in the first
    EXPECT_EQ(f.ws().stats()->persons, 3);
}

TEST(ImportBatches, UndoOfAnUnknownBatchFails)
{
    ImportFixture f;
    EXPECT_FALSE(f.ws().undoImport(42).ok());
}

TEST(ImportBatches, UndoThenReimportGivesTheSameCounts)
{
    ImportFixture f;
    const auto first = f.importOk(importFixture("graphml/directed.graphml"));
    ASSERT_TRUE(f.ws().undoImport(first.batch).ok());
    const auto again = f.importOk(importFixture("graphml/directed.graphml"));
    EXPECT_FALSE(again.alreadyImported);
    EXPECT_EQ(again.counts.linksAdded, first.counts.linksAdded);
}

TEST(IdentityResolution, SameEmailInLinkedInAndGoogleIsOnePerson)
{
    ImportFixture f;
    f.importOk(importFixture("linkedin/Connections.csv"));
    const auto google = f.importOk(importFixture("google/contacts.csv"));
    EXPECT_EQ(google.counts.personsMerged, 1);
    const auto byEmail = f.ws().resolve("email:ana@example.com");
    const auto byLinkedIn = f.ws().resolve("linkedin:ana-souza");
    ASSERT_TRUE(byEmail.ok() && byLinkedIn.ok());
    EXPECT_EQ(*byEmail, *byLinkedIn);
    EXPECT_EQ(*f.ws().tagsOf(*byEmail), (std::vector<std::string>{"Climate", "Friends"}));
}

TEST(IdentityResolution, LinkSeenByTwoSourcesIsOneLinkWithTwoSources)
{
    ImportFixture f;
    f.importOk(importFixture("mastodon/following_accounts-old.csv"));
    f.importOk(importFixture("mastodon/following_accounts.csv"));
    EXPECT_EQ(f.links("me", "mastodon:ana@mastodon.social"), 1);
    EXPECT_EQ(f.scalar("SELECT count(*) FROM link_source"), 1);
}

TEST(IdentityResolution, SameNameAndOrganisationGoesToTheReviewQueueNotMerged)
{
    ImportFixture f;
    const std::string a = "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                          "Rita,Moreno,rita@one.example,Acme,PM,1 Jan 2020\n";
    const std::string b = "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                          "Rita,Moreno,rita@two.example,ACME,PM,1 Jan 2021\n";
    writeFile(f.dir().file("a.csv"), a);
    writeFile(f.dir().file("b.csv"), b);
    f.importOk(f.dir().file("a.csv"));
    const auto second = f.importOk(f.dir().file("b.csv"));
    EXPECT_EQ(second.counts.personsAdded, 1);
    EXPECT_EQ(second.queuedForReview, 1);
    const auto queue = f.ws().mergeCandidates();
    ASSERT_EQ(queue->size(), 1U);
    EXPECT_EQ(queue->front().reason, "same name and organisation");
    EXPECT_EQ(queue->front().firstName, "Rita Moreno");
}

TEST(IdentityResolution, SameNameAndAHandleSharedAcrossNetworksIsQueued)
{
    ImportFixture f;
    writeFile(f.dir().file("a.vcf"),
              "BEGIN:VCARD\nVERSION:3.0\nFN:Sam Lee\nURL:https://mastodon.social/@samlee\nEND:VCARD\n");
    writeFile(f.dir().file("b.vcf"),
              "BEGIN:VCARD\nVERSION:3.0\nFN:Sam Lee\nURL:https://bsky.app/profile/samlee.bsky.social\nEND:VCARD\n");
    f.importOk(f.dir().file("a.vcf"));
    const auto second = f.importOk(f.dir().file("b.vcf"));
    EXPECT_EQ(second.queuedForReview, 1);
    EXPECT_EQ(f.ws().mergeCandidates()->front().reason, "same name and a handle shared across networks");
}

TEST(MergeAndSplit, MergeThenSplitGivesTheIdentityItsPersonAndLinksBack)
{
    ImportFixture f;
    f.importOk(importFixture("mastodon/following_accounts.csv"));
    f.importOk(importFixture("gexf/gexf-1.1.gexf"));
    const PersonId ana = *f.ws().resolve("mastodon:ana@mastodon.social");
    const PersonId gexfAna = *f.ws().resolve("gexf-1.1:0");
    ASSERT_TRUE(f.ws().merge(ana, gexfAna).ok());
    EXPECT_EQ(*f.ws().resolve("gexf-1.1:0"), ana);
    EXPECT_EQ(f.links("mastodon:ana@mastodon.social", "gexf-1.1:1"), 1);
    const auto personsMerged = f.ws().stats()->persons;

    auto split = f.ws().split(ana, "gexf-1.1:0");
    ASSERT_TRUE(split.ok()) << split.error().describe();
    EXPECT_EQ(*f.ws().resolve("gexf-1.1:0"), *split);
    EXPECT_EQ(f.ws().person(*split)->displayName, "Ana");
    EXPECT_EQ(f.ws().stats()->persons, personsMerged + 1);
    EXPECT_EQ(f.links("gexf-1.1:0", "gexf-1.1:1"), 1);
    EXPECT_EQ(f.links("mastodon:ana@mastodon.social", "gexf-1.1:1"), 0);
    EXPECT_EQ(f.links("me", "mastodon:ana@mastodon.social"), 1);
}

TEST(MergeAndSplit, SplittingTheOnlyIdentityOrAnUnknownOneFails)
{
    ImportFixture f;
    f.importOk(importFixture("mastodon/following_accounts.csv"));
    const PersonId ana = *f.ws().resolve("mastodon:ana@mastodon.social");
    EXPECT_FALSE(f.ws().split(ana, "mastodon:ana@mastodon.social").ok());
    EXPECT_FALSE(f.ws().split(ana, "email:nobody@example.com").ok());
    EXPECT_FALSE(f.ws().split(ana, "no-colon").ok());
}

TEST(HostileInput, InvalidUtf8IsReplacedAndWarned)
{
    ImportFixture f;
    writeFile(
        f.dir().file("bad.csv"),
        "First Name,Last Name,Email Address,Company,Position,Connected On\nJos\xE9,Bad\xFF,jose@example.com,,,\n");
    const auto s = f.importOk(f.dir().file("bad.csv"), ImportOptions{.format = import::Format::LinkedIn});
    EXPECT_EQ(s.counts.personsAdded, 1);
    EXPECT_TRUE(std::any_of(s.warnings.begin(), s.warnings.end(),
                            [](const std::string& w) { return w.find("invalid UTF-8") != std::string::npos; }));
    EXPECT_EQ(f.ws().person(*f.ws().resolve("email:jose@example.com"))->displayName, "Jos\xEF\xBF\xBD Bad\xEF\xBF\xBD");
}

TEST(HostileInput, TenMegabyteSingleLineIsAnErrorNotACrash)
{
    ImportFixture f;
    std::string line;
    line.reserve(10 * 1024 * 1024 + 16);
    while (line.size() < 10 * 1024 * 1024) {
        line += "node ";
    }
    writeFile(f.dir().file("long.txt"), line);
    auto result = f.ws().importFiles({f.dir().file("long.txt")});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().line, 1U);
    EXPECT_EQ(f.ws().stats()->persons, 1);
}

TEST(HostileInput, TenMegabyteCsvCellIsStoredWhole)
{
    ImportFixture f;
    const std::string note(10 * 1024 * 1024, 'n');
    writeFile(f.dir().file("big.csv"), "Name,E-mail 1 - Value,Notes\nBig Note,big@example.com," + note + "\n");
    const auto s = f.importOk(f.dir().file("big.csv"));
    EXPECT_EQ(s.format, "google");
    EXPECT_EQ(f.scalar("SELECT length(text) FROM note"), static_cast<std::int64_t>(note.size()));
}

TEST(HostileInput, UnknownFormatNameAndMissingFileAreErrors)
{
    ImportFixture f;
    auto missing = f.ws().importFiles({f.dir().file("nope.csv")});
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().describe().find("nope.csv"), std::string::npos);
}

TEST(HostileInput, FileThatIsNotWhatItClaimsFails)
{
    ImportFixture f;
    auto result =
        f.ws().importFiles({importFixture("edgelist/follows.txt")}, ImportOptions{.format = import::Format::Gexf});
    ASSERT_FALSE(result.ok());
    EXPECT_GT(result.error().line, 0U);
}
