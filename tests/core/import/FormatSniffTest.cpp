#include <gtest/gtest.h>

#include "ImportTestSupport.h"
#include "import/Format.h"
#include "import/TextInput.h"

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
    EXPECT_EQ(sniffed("edgelist/malformed.txt"), "edgelist");
    EXPECT_EQ(sniffed("outlook/contacts.csv"), "outlook");
    EXPECT_EQ(sniffed("outlook/contacts-outlook-com.csv"), "outlook");
    EXPECT_EQ(sniffed("outlook/contacts-few-columns.csv"), "outlook");
    EXPECT_EQ(sniffed("thunderbird/addressbook.csv"), "thunderbird");
    EXPECT_EQ(sniffed("thunderbird/addressbook-115.csv"), "thunderbird");
    EXPECT_EQ(sniffed("vcard/contacts-2.1-charsets.vcf"), "vcard");
    EXPECT_EQ(sniffed("vcard/contacts-utf16le-nobom.vcf"), "vcard");
    EXPECT_EQ(sniffed("vcard/contacts-utf16be-nobom.vcf"), "vcard");
    EXPECT_EQ(sniffed("csv/members.csv"), "csv");
    EXPECT_EQ(sniffed("x-archive-manifest/manifest.js"), "x-archive");
}

TEST(FormatSniff, FormatNamesRoundTrip)
{
    for (Format format : allFormats()) {
        EXPECT_EQ(formatFromName(formatName(format)), format);
    }
    EXPECT_FALSE(formatFromName("excel"));
}

namespace {

std::string sniffedText(const std::string& text)
{
    warmpath::test::TempDir dir;
    warmpath::test::writeFile(dir.file("f.txt"), text);
    auto format = sniffFormat(dir.file("f.txt"));
    return format ? std::string(formatName(*format)) : "error: " + format.error().message;
}

}  // namespace

TEST(FormatSniff, ACsvWithAHeaderThatNoExportHasIsACsvToMapNotAnEdgeList)
{
    EXPECT_EQ(sniffedText("Name,E-mail,Phone,Notes\nAna Souza,ana@example.com,+4930123,\n"), "csv");
    EXPECT_EQ(sniffedText("First Name,Email\nAna,ana@example.com\n"), "csv");
    EXPECT_EQ(sniffedText("Name\tEmail\nAna Souza\tana@example.com\n"), "csv");
    EXPECT_EQ(sniffedText("Name;Email\nAna Souza;ana@example.com\n"), "csv");
    EXPECT_EQ(sniffedText("\xEF\xBB\xBFname,email\nana,ana@example.com\nbo,bo@example.com\n"), "csv");
}

TEST(FormatSniff, TwoWordsAboveAddressesAreAHeaderEvenWhereEveryLineWouldReadAsAnEdge)
{
    EXPECT_EQ(sniffedText("name,email\nana,ana@example.com\nbo,bo@example.com\n"), "csv");
    EXPECT_EQ(sniffedText("person,age\nana,34\nbo,27\n"), "csv");
    EXPECT_EQ(sniffedText("Name,Email\n"), "csv");  // a header without rows yet
}

TEST(FormatSniff, OneColumnHeadedByAFieldOrAnExportsColumnIsACsv)
{
    EXPECT_EQ(sniffedText("email\nana@example.com\nbo@example.com\n"), "csv");
    EXPECT_EQ(sniffedText("Name\nAna Souza\nBo Li\n"), "csv");  // every row would also read as an edge
    EXPECT_EQ(sniffedText("E-mail Address\r\nana@example.com\r\n"), "csv");
    EXPECT_EQ(sniffedText("\"Display Name\"\nAna Souza\n\"Li, Bo\"\n"), "csv");
    EXPECT_EQ(sniffedText("Primary Email,\nana@example.com,\n"), "csv");  // Thunderbird's trailing comma
    EXPECT_EQ(sniffedText("Mobile Phone\n+49 30 1234567\n"), "csv");
    EXPECT_EQ(sniffedText("handle:bsky\nana.bsky.social\n"), "csv");
    EXPECT_EQ(sniffedText("email\n"), "csv");  // a header without rows yet
}

TEST(FormatSniff, OneColumnOfSomethingElseIsStillNoFormat)
{
    for (const std::string& text : {
             std::string("email\nnot an address\nana@example.com\n"),  // rows that do not fit the column
             std::string("Name\n42\n17\n"), std::string("Notes\nMet Ana at the meetup, she works at Acme, in Porto.\n"),
             std::string("Hello\nworld\n"),                     // no column Warmpath knows
             std::string("ana@example.com\nbo@example.com\n"),  // no header at all
         }) {
        const std::string result = sniffedText(text);
        EXPECT_EQ(result.rfind("error: no format Warmpath knows", 0), 0U) << text << " -> " << result;
    }
}

TEST(FormatSniff, EdgeListsAreStillEdgeLists)
{
    EXPECT_EQ(sniffedText("alice bob\nbob carol\n"), "edgelist");
    EXPECT_EQ(sniffedText("alice,bob\nbob,carol\n"), "edgelist");
    EXPECT_EQ(sniffedText("1 2\n2 3 0.5\n"), "edgelist");
    EXPECT_EQ(sniffedText("# only a comment\n"), "edgelist");
    EXPECT_EQ(sniffedText("Source,Target,Weight\n1,2,0.5\n2,3,1\n"), "edgelist");
    EXPECT_EQ(sniffedText("from to\nalice bob\n"), "edgelist");
}

TEST(FormatSniff, TextThatIsNoFormatIsAnErrorThatSaysNothingAboutEdges)
{
    for (const std::string& text : {
             std::string("Hello,\nthese are my notes about people I met at the conference.\n"),
             std::string("{\"people\": [\"ana\", \"bo\"]}\n"),
             std::string("Ana Souza, ana@example.com, Acme\nBo Li, bo@example.com, Widgets\n"),
             std::string("GIF89a\0\0\x01\0binary", 16),
         }) {
        const std::string result = sniffedText(text);
        EXPECT_EQ(result.rfind("error: ", 0), 0U) << text;
        EXPECT_EQ(lowerAscii(result).find("edge"), std::string::npos) << result;
    }
}

TEST(FormatSniff, ABinaryFileIsRefusedAsOne)
{
    warmpath::test::ImportFixture database;  // a real SQLite file
    database.close();
    for (const auto& path :
         {warmpath::test::sourceDir() / "resources" / "icons" / "warmpath-256.png", database.dbPath()}) {
        auto format = sniffFormat(path);
        ASSERT_FALSE(format.ok()) << path;
        EXPECT_NE(format.error().message.find("a binary file"), std::string::npos) << format.error().message;
    }
}
