// The shared real files (../shared/data, see its SOURCES.md); skipped where they are absent.

#include <gtest/gtest.h>

#include "ImportTestSupport.h"

using namespace warmpath;
using warmpath::test::ImportFixture;
using warmpath::test::sharedData;

namespace {

bool present(const std::filesystem::path& path)
{
    std::error_code ec;
    return std::filesystem::exists(path, ec);
}

}  // namespace

TEST(RealData, FacebookCombinedIsReadAsDirected88234LinksAmong4039People)
{
    const auto file = sharedData() / "facebook_combined.txt";
    if (!present(file)) {
        GTEST_SKIP() << "shared data absent: " << file;
    }
    ImportFixture f;
    const auto s = f.importOk(file);
    EXPECT_EQ(s.format, "edgelist");
    EXPECT_EQ(s.counts.personsAdded, 4039);
    EXPECT_EQ(s.counts.linksAdded, 88234);  // one per line: source follows target
    EXPECT_EQ(s.counts.skipped, 0);
    EXPECT_EQ(f.ws().stats()->links, 88234);
    EXPECT_EQ(f.links("facebook_combined:0", "facebook_combined:1"), 1);
    EXPECT_EQ(f.links("facebook_combined:1", "facebook_combined:0"), 0);
}

TEST(RealData, FacebookCombinedWithUndirectedIs176468Links)
{
    const auto file = sharedData() / "facebook_combined.txt";
    if (!present(file)) {
        GTEST_SKIP() << "shared data absent: " << file;
    }
    ImportFixture f;
    const auto s = f.importOk(file, ImportOptions{.undirected = true});
    EXPECT_EQ(s.counts.personsAdded, 4039);
    EXPECT_EQ(s.counts.linksAdded, 176468);  // the ego-Facebook graph is undirected: two links per line
    EXPECT_EQ(f.ws().stats()->links, 176468);
    EXPECT_EQ(f.links("facebook_combined:0", "facebook_combined:1"), 1);
    EXPECT_EQ(f.links("facebook_combined:1", "facebook_combined:0"), 1);
}

TEST(RealData, LesMiserablesGexfHas77PeopleAnd508Links)
{
    const auto file = sharedData() / "les-miserables.gexf";
    if (!present(file)) {
        GTEST_SKIP() << "shared data absent: " << file;
    }
    ImportFixture f;
    const auto s = f.importOk(file);
    EXPECT_EQ(s.format, "gexf");
    EXPECT_EQ(s.counts.personsAdded, 77);
    EXPECT_EQ(s.counts.linksAdded, 508);
    EXPECT_EQ(f.ws().person(*f.ws().resolve("les-miserables:0"))->displayName, "Myriel");
}

TEST(RealData, TheFourSamples)
{
    const auto samples = sharedData() / "samples";
    if (!present(samples)) {
        GTEST_SKIP() << "shared data absent: " << samples;
    }
    ImportFixture f;
    const auto linkedin = f.importOk(samples / "linkedin" / "Connections.csv");
    EXPECT_EQ(linkedin.format, "linkedin");
    EXPECT_EQ(linkedin.counts.personsAdded, 4);  // two Priya Sharmas with different URLs stay two
    EXPECT_EQ(linkedin.counts.linksAdded, 8);
    EXPECT_EQ(linkedin.counts.skipped, 1);  // the row with only a date
    EXPECT_EQ(f.ws().person(*f.ws().resolve("linkedin:priya-sharma-2"))->organisation, "Razorpay Software Pvt Ltd");

    const auto mastodon = f.importOk(samples / "mastodon" / "following_accounts.csv");
    EXPECT_EQ(mastodon.format, "mastodon");
    EXPECT_EQ(mastodon.counts.personsAdded, 2);
    EXPECT_EQ(mastodon.counts.linksAdded, 2);

    const auto google = f.importOk(samples / "google-contacts" / "google_contacts.csv");
    EXPECT_EQ(google.format, "google");
    EXPECT_EQ(google.counts.personsAdded, 2);
    EXPECT_EQ(f.ws().person(*f.ws().resolve("email:zoe@example.com"))->displayName, "Zo\xC3\xAB, Smith");
    EXPECT_EQ(f.ws().person(*f.ws().resolve("email:jerry@example.com"))->title, "Founder");

    const auto vcard = f.importOk(samples / "vcard" / "John_Doe_GMAIL.vcf");
    EXPECT_EQ(vcard.format, "vcard");
    const auto john = f.ws().resolve("email:john.doe@ibm.com");
    ASSERT_TRUE(john.ok());
    EXPECT_EQ(f.ws().person(*john)->displayName, "Mr. John Richter, James Doe Sr.");
    EXPECT_EQ(f.ws().person(*john)->organisation, "IBM");
    EXPECT_EQ(f.ws().person(*john)->title, "Money Counter");
    EXPECT_EQ(f.ws().person(*john)->notesCount, 1);
}
