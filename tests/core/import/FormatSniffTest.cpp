#include <gtest/gtest.h>

#include "ImportTestSupport.h"
#include "import/Format.h"

using namespace warmpath;
using namespace warmpath::import;
using warmpath::test::importFixture;

namespace {

std::string sniffed(const std::string& relative)
{
    auto format = sniffFormat(importFixture(relative));
    return format ? std::string(formatName(*format)) : "error: " + format.error().describe();
}

}  // namespace

TEST(FormatSniff, EveryFixtureIsRecognisedFromItsContent)
{
    EXPECT_EQ(sniffed("linkedin/Connections.csv"), "linkedin");
    EXPECT_EQ(sniffed("linkedin/Connections-old.csv"), "linkedin");
    EXPECT_EQ(sniffed("google/contacts.csv"), "google");
    EXPECT_EQ(sniffed("google/contacts-legacy.csv"), "google");
    EXPECT_EQ(sniffed("mastodon/following_accounts.csv"), "mastodon");
    EXPECT_EQ(sniffed("mastodon/following_accounts-old.csv"), "mastodon");
    EXPECT_EQ(sniffed("mastodon/lists.csv"), "mastodon");
    EXPECT_EQ(sniffed("vcard/contacts-2.1.vcf"), "vcard");
    EXPECT_EQ(sniffed("vcard/contacts-4.0.vcf"), "vcard");
    EXPECT_EQ(sniffed("x-archive/data/following.js"), "x-archive");
    EXPECT_EQ(sniffed("x-archive/archive.zip"), "x-archive");
    EXPECT_EQ(sniffed("x-archive"), "x-archive");
    EXPECT_EQ(sniffed("graphml/directed.graphml"), "graphml");
    EXPECT_EQ(sniffed("gexf/gexf-1.3.gexf"), "gexf");
    EXPECT_EQ(sniffed("gml/gephi.gml"), "gml");
    EXPECT_EQ(sniffed("gml/igraph.gml"), "gml");
    EXPECT_EQ(sniffed("gml/networkx.gml"), "gml");
    EXPECT_EQ(sniffed("pajek/network.net"), "pajek");
    EXPECT_EQ(sniffed("edgelist/follows.txt"), "edgelist");
}

TEST(FormatSniff, FormatNamesRoundTrip)
{
    for (Format format : allFormats()) {
        EXPECT_EQ(formatFromName(formatName(format)), format);
    }
    EXPECT_FALSE(formatFromName("excel"));
}
