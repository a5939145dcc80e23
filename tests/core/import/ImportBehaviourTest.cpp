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
    EXPECT_TRUE(result.error().isCancelled()) << result.error().describe();
    EXPECT_EQ(f.dump(), before);
}

TEST(ImportAtomicity, ACancelAfterTheLastFileIsStillACancel)
{
    ImportFixture f;
    const std::string before = f.dump();
    CancelToken cancel;
    // The progress of the end of the file comes after every record: the cancel arrives when the
    // parser has nothing left to read, and only the Importer's own check can see it.
    ImportOptions options{.progress =
                              [&](std::uint64_t done, std::uint64_t total, std::string_view) {
                                  if (done == total) {
                                      cancel.cancel();
                                  }
                              },
                          .cancel = &cancel};
    auto result = f.ws().importFiles({importFixture("gexf/gexf-1.2.gexf")}, options);
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().isCancelled()) << result.error().describe();
    EXPECT_EQ(f.dump(), before);
}

TEST(ImportAtomicity, AGoodFileThenABadOneNamesTheBadOneAndImportsNothing)
{
    ImportFixture f;
    const std::string before = f.dump();
    const auto good = importFixture("linkedin/Connections.csv");
    const auto bad = importFixture("vcard/truncated.vcf");
    auto result = f.ws().importFiles({good, bad});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().file, bad.string());
    EXPECT_NE(result.error().message.find("(file 2 of 2; nothing was imported)"), std::string::npos)
        << result.error().describe();
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

namespace {

const char* const kRitaConnection = "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                                    "Rita,Moreno,rita@one.example,,,1 Jan 2020\n";

std::string ritaCard(const std::string& extra)
{
    return "BEGIN:VCARD\nVERSION:3.0\nFN:Rita Moreno\nEMAIL:rita@one.example\n" + extra + "END:VCARD\n";
}

}  // namespace

TEST(ImportBatches, UndoBlanksTheDetailsThatBatchFilledInOnSomeoneWhoExisted)
{
    ImportFixture f;
    writeFile(f.dir().file("Connections.csv"), kRitaConnection);
    writeFile(f.dir().file("card.vcf"), ritaCard("ORG:Acme\nTITLE:PM\nADR;TYPE=WORK:;;;Porto;;;Portugal\n"));
    f.importOk(f.dir().file("Connections.csv"));
    const PersonId rita = *f.ws().resolve("email:rita@one.example");
    const auto card = f.importOk(f.dir().file("card.vcf"));
    EXPECT_EQ(card.counts.personsMerged, 1);
    EXPECT_EQ(f.ws().person(rita)->organisation, "Acme");
    EXPECT_EQ(f.ws().person(rita)->title, "PM");
    EXPECT_FALSE(f.ws().person(rita)->location.empty());

    ASSERT_TRUE(f.ws().undoImport(card.batch).ok());
    const auto after = f.ws().person(rita);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->displayName, "Rita Moreno");
    EXPECT_EQ(after->organisation, "");
    EXPECT_EQ(after->title, "");
    EXPECT_EQ(after->location, "");
    EXPECT_EQ(f.scalar("SELECT count(*) FROM person_detail_source"), 0);
}

TEST(ImportBatches, UndoKeepsDetailsThatWereThereBeforeOrThatAnotherBatchSupplied)
{
    ImportFixture f;
    writeFile(f.dir().file("Connections.csv"), "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                                               "Rita,Moreno,rita@one.example,Initech,,1 Jan 2020\n");
    writeFile(f.dir().file("first.vcf"), ritaCard("ORG:Acme\nTITLE:PM\n"));
    writeFile(f.dir().file("second.vcf"), ritaCard("TITLE:PM\nNOTE:second card\n"));
    f.importOk(f.dir().file("Connections.csv"));
    const PersonId rita = *f.ws().resolve("email:rita@one.example");
    const auto first = f.importOk(f.dir().file("first.vcf"));
    const auto second = f.importOk(f.dir().file("second.vcf"));
    EXPECT_EQ(f.ws().person(rita)->organisation, "Initech");  // what a person has wins
    EXPECT_EQ(f.ws().person(rita)->title, "PM");

    ASSERT_TRUE(f.ws().undoImport(first.batch).ok());
    EXPECT_EQ(f.ws().person(rita)->organisation, "Initech");  // there before either card
    EXPECT_EQ(f.ws().person(rita)->title, "PM");              // the second card says so too

    ASSERT_TRUE(f.ws().undoImport(second.batch).ok());
    EXPECT_EQ(f.ws().person(rita)->title, "");
    EXPECT_EQ(f.ws().person(rita)->organisation, "Initech");
}

TEST(ImportBatches, UndoGivesBackTheIdentifierNameThatAnImportReplacedWithARealName)
{
    ImportFixture f;
    f.importOk(importFixture("mastodon/following_accounts.csv"));
    const PersonId ana = *f.ws().resolve("mastodon:ana@mastodon.social");
    const std::string identifierName = f.ws().person(ana)->displayName;
    writeFile(f.dir().file("ana.vcf"),
              "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Souza\nX-SOCIALPROFILE;TYPE=mastodon:https://mastodon.social/@ana\n"
              "END:VCARD\n");
    const auto card = f.importOk(f.dir().file("ana.vcf"));
    EXPECT_EQ(card.counts.personsMerged, 1);
    EXPECT_EQ(f.ws().person(ana)->displayName, "Ana Souza");

    ASSERT_TRUE(f.ws().undoImport(card.batch).ok());
    EXPECT_EQ(f.ws().person(ana)->displayName, identifierName);
}

TEST(ImportBatches, UndoLeavesADetailTheUserChangedSince)
{
    ImportFixture f;
    writeFile(f.dir().file("Connections.csv"), kRitaConnection);
    writeFile(f.dir().file("card.vcf"), ritaCard("ORG:Acme\n"));
    f.importOk(f.dir().file("Connections.csv"));
    const PersonId rita = *f.ws().resolve("email:rita@one.example");
    const auto card = f.importOk(f.dir().file("card.vcf"));
    f.close();  // the user's edit, as another program (the GUI) would make it
    {
        auto db = Database::open(f.dbPath(), OpenMode::MustExist);
        db->execute("UPDATE person SET organisation = 'Acme Labs' WHERE id = " + std::to_string(rita.value()));
    }
    f.reopen();
    auto undone = f.ws().undoImport(card.batch);
    ASSERT_TRUE(undone.ok()) << undone.error().describe();
    EXPECT_EQ(f.ws().person(rita)->organisation, "Acme Labs");
}

TEST(MergeAndSplit, SplitAfterAnAutomaticMatchTakesWhatThoseImportsBroughtWithTheIdentity)
{
    ImportFixture f;
    writeFile(f.dir().file("Connections.csv"), kRitaConnection);
    writeFile(f.dir().file("card.vcf"), ritaCard("X-SOCIALPROFILE;TYPE=mastodon:https://mastodon.social/@rita\n"
                                                 "ORG:Acme\nCATEGORIES:Climate\nNOTE:met in Porto\n"));
    writeFile(f.dir().file("following_accounts.csv"), "Account address,Show boosts\nrita@mastodon.social,true\n");
    f.importOk(f.dir().file("Connections.csv"));  // me <-> Rita: two connection links
    const PersonId rita = *f.ws().resolve("email:rita@one.example");
    const auto card = f.importOk(f.dir().file("card.vcf"));                   // matched by email
    const auto follows = f.importOk(f.dir().file("following_accounts.csv"));  // matched by the Mastodon account
    EXPECT_EQ(card.counts.personsMerged, 1);
    EXPECT_EQ(follows.counts.personsMerged, 1);
    ASSERT_EQ(*f.ws().resolve("mastodon:rita@mastodon.social"), rita);
    EXPECT_EQ(f.links("me", "email:rita@one.example"), 3);  // connection, knows (the card), follows
    const auto personsBefore = f.ws().stats()->persons;

    auto split = f.ws().split(rita, "mastodon:rita@mastodon.social");
    ASSERT_TRUE(split.ok()) << split.error().describe();
    const PersonId other = *split;
    EXPECT_EQ(f.ws().stats()->persons, personsBefore + 1);
    EXPECT_EQ(*f.ws().resolve("mastodon:rita@mastodon.social"), other);
    EXPECT_EQ(*f.ws().resolve("email:rita@one.example"), rita);  // the LinkedIn row brought it first

    // The follow and the card's "knows" came with the Mastodon account; the connection stays
    // with the LinkedIn Rita.
    EXPECT_EQ(f.scalar("SELECT count(*) FROM link WHERE kind = 0 AND to_person = " + std::to_string(other.value())), 1);
    EXPECT_EQ(f.scalar("SELECT count(*) FROM link WHERE kind = 0 AND to_person = " + std::to_string(rita.value())), 0);
    EXPECT_EQ(f.links("me", "email:rita@one.example"), 1);
    EXPECT_EQ(f.links("email:rita@one.example", "me"), 1);
    EXPECT_EQ(f.links("me", "mastodon:rita@mastodon.social"), 2);
    // So do the card's tag, note and the organisation it filled in.
    EXPECT_EQ(*f.ws().tagsOf(other), (std::vector<std::string>{"Climate"}));
    EXPECT_TRUE(f.ws().tagsOf(rita)->empty());
    EXPECT_EQ(f.scalar("SELECT count(*) FROM note WHERE person_id = " + std::to_string(other.value())), 1);
    EXPECT_EQ(f.scalar("SELECT count(*) FROM note WHERE person_id = " + std::to_string(rita.value())), 0);
    EXPECT_EQ(f.ws().person(other)->organisation, "Acme");
    EXPECT_EQ(f.ws().person(rita)->organisation, "");

    // The new person belongs to those imports: undoing them removes it again.
    ASSERT_TRUE(f.ws().undoImport(follows.batch).ok());
    ASSERT_TRUE(f.ws().undoImport(card.batch).ok());
    EXPECT_FALSE(f.ws().resolve("mastodon:rita@mastodon.social").ok());
    EXPECT_EQ(f.ws().stats()->persons, personsBefore);
    EXPECT_EQ(f.links("me", "email:rita@one.example"), 1);
}

TEST(ImportAtomicity, BigEdgeListAfterAnotherFileRebuildsTheIndexesItDeferred)
{
    // Past 8 MiB an import drops link_by_target and (for an edge list) person_by_name and builds
    // them again before COMMIT; the padding comments make the file big without many edges.
    ImportFixture f;
    const std::string padding = " # " + std::string(9000, 'x') + "\n";
    std::string big;
    for (int i = 0; i < 1000; ++i) {
        big += std::to_string(i) + " " + std::to_string(i + 1) + padding;
    }
    writeFile(f.dir().file("big.txt"), big);
    ASSERT_GE(big.size(), std::size_t{8} << 20);
    const auto indexes = [&f] {
        return f.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN ('link_by_target', "
                        "'person_by_name')");
    };

    auto dry = f.ws().importFiles({importFixture("linkedin/Connections.csv"), f.dir().file("big.txt")},
                                  ImportOptions{.dryRun = true});
    ASSERT_TRUE(dry.ok()) << dry.error().describe();
    EXPECT_EQ(indexes(), 2);
    EXPECT_EQ(f.ws().stats()->links, 0);

    auto both = f.ws().importFiles({importFixture("linkedin/Connections.csv"), f.dir().file("big.txt")});
    ASSERT_TRUE(both.ok()) << both.error().describe();
    EXPECT_EQ(both->back().counts.linksAdded, 1000);
    EXPECT_EQ(indexes(), 2);
    EXPECT_EQ(f.links("big:0", "big:1"), 1);
    EXPECT_EQ(f.scalar("SELECT count(*) FROM link WHERE to_person = (SELECT person_id FROM identity WHERE "
                       "network = 'big' AND key = '1000')"),
              1);
}

TEST(ImportBatches, AWriteByAnotherProgramAfterReadingAPersonDoesNotLockTheWorkspaceOut)
{
    // A cached statement left on its row keeps a read transaction (an old snapshot) open; the
    // next write of the Workspace would then fail with "database is locked".
    ImportFixture f;
    writeFile(f.dir().file("Connections.csv"), kRitaConnection);
    const auto first = f.importOk(f.dir().file("Connections.csv"));
    const PersonId rita = *f.ws().resolve("email:rita@one.example");
    ASSERT_TRUE(f.ws().person(rita).ok());
    {
        auto db = Database::open(f.dbPath(), OpenMode::MustExist);
        db->execute("UPDATE person SET title = 'PM' WHERE id = " + std::to_string(rita.value()));
    }
    auto undone = f.ws().undoImport(first.batch);
    ASSERT_TRUE(undone.ok()) << undone.error().describe();
}
