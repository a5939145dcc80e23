// What each format's fields become (docs/formats.md), one fixture per quirk.

#include <algorithm>

#include <gtest/gtest.h>

#include "ImportTestSupport.h"

using namespace warmpath;
using warmpath::test::anyWarningContains;
using warmpath::test::hasIdentity;
using warmpath::test::ImportFixture;
using warmpath::test::importFixture;
using warmpath::test::utf16;
using warmpath::test::writeFile;

// --- LinkedIn ---------------------------------------------------------------------------------

TEST(ImportLinkedIn, ConnectionsWithNotesPreambleAndUrlColumn)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("linkedin/Connections.csv"));
    EXPECT_EQ(s.format, "linkedin");
    EXPECT_EQ(s.counts.personsAdded, 4);  // Ana, Bo, the nameless one, the formula row
    EXPECT_EQ(s.counts.linksAdded, 8);    // a connection is two links
    EXPECT_EQ(s.counts.skipped, 1);       // the row with only a date
    EXPECT_TRUE(anyWarningContains(s, "Connections.csv:9: skipped"));
    EXPECT_TRUE(anyWarningContains(s, "Connections.csv:11: duplicate row"));
    EXPECT_TRUE(anyWarningContains(s, "named after the identifier"));

    auto ana = f.ws().resolve("linkedin:ana-souza");
    ASSERT_TRUE(ana.ok());
    EXPECT_EQ(f.ws().person(*ana)->displayName, "Ana Souza");
    EXPECT_EQ(f.ws().person(*ana)->organisation, "Acme");
    EXPECT_EQ(f.ws().person(*ana)->title, "Engineer");
    EXPECT_TRUE(hasIdentity(f.ws(), *ana, "email", "ana@example.com"));
    EXPECT_EQ(f.links("me", "linkedin:ana-souza"), 1);
    EXPECT_EQ(f.links("linkedin:ana-souza", "me"), 1);
    EXPECT_EQ(f.scalar("SELECT count(*) FROM link WHERE first_seen = unixepoch('2024-03-15T00:00:00Z')"), 2);
    // A trailing slash in the URL does not make another person.
    EXPECT_EQ(f.ws().person(*f.ws().resolve("linkedin:bo-li"))->organisation, "Widgets, Inc.");
    EXPECT_EQ(f.ws().person(*f.ws().resolve("linkedin:nameless-one"))->displayName, "nameless-one");
}

TEST(ImportLinkedIn, FormulaInjectionIsStoredAsPlainText)
{
    ImportFixture f;
    f.importOk(importFixture("linkedin/Connections.csv"));
    auto smith = f.ws().resolve("linkedin:formula-smith");
    ASSERT_TRUE(smith.ok());
    EXPECT_EQ(f.ws().person(*smith)->displayName, "=HYPERLINK(\"http://evil.example/\") Smith");
    EXPECT_EQ(f.ws().person(*smith)->organisation, "=1+2");
}

TEST(ImportLinkedIn, OlderExportWithoutUrlColumnKeysByEmailThenNameAndCompany)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("linkedin/Connections-old.csv"));
    EXPECT_EQ(s.counts.personsAdded, 2);
    EXPECT_EQ(s.counts.linksAdded, 4);
    EXPECT_EQ(f.ws().person(*f.ws().resolve("email:cara@example.com"))->displayName, "Cara Mendes");
    auto dan = f.ws().resolve("Dan Okafor");
    ASSERT_TRUE(dan.ok());
    EXPECT_EQ(f.ws().person(*dan)->organisation, "Initech");
}

// --- Google Contacts ----------------------------------------------------------------------------

TEST(ImportGoogle, CurrentHeaderStyleWithBomLabelsMultiValuesAndRelations)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("google/contacts.csv"));
    EXPECT_EQ(s.format, "google");
    EXPECT_EQ(s.counts.personsAdded, 2);
    EXPECT_EQ(s.counts.skipped, 1);
    auto ana = f.ws().resolve("email:ana@example.com");
    ASSERT_TRUE(ana.ok());
    EXPECT_EQ(f.ws().person(*ana)->displayName, "Ana Souza");
    EXPECT_TRUE(hasIdentity(f.ws(), *ana, "email", "ana.souza@home.example"));
    EXPECT_TRUE(hasIdentity(f.ws(), *ana, "linkedin", "ana-souza"));
    EXPECT_TRUE(hasIdentity(f.ws(), *ana, "phone", "+49301234567"));
    EXPECT_EQ(*f.ws().tagsOf(*ana), (std::vector<std::string>{"Climate", "Friends"}));
    EXPECT_EQ(f.ws().person(*ana)->notesCount, 1);
    EXPECT_EQ(f.links("me", "email:ana@example.com"), 1);
    EXPECT_EQ(f.links("email:ana@example.com", "Eli Souza"), 1);  // Relation 1 → a link
}

TEST(ImportGoogle, LegacyHeaderStyleMapsColumnsByName)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("google/contacts-legacy.csv"));
    EXPECT_EQ(s.counts.personsAdded, 2);
    auto ana = f.ws().resolve("email:ana@example.com");
    ASSERT_TRUE(ana.ok());
    EXPECT_EQ(f.ws().person(*ana)->displayName, "Souza, Ana");
    EXPECT_EQ(f.ws().person(*ana)->title, "Engineer");
    EXPECT_EQ(*f.ws().tagsOf(*ana), (std::vector<std::string>{"Mentors"}));
    auto farid = f.ws().resolve("mastodon:farid@mastodon.social");
    ASSERT_TRUE(farid.ok());
    EXPECT_TRUE(hasIdentity(f.ws(), *farid, "phone", "0305550101"));
    EXPECT_EQ(*f.ws().tagsOf(*farid), (std::vector<std::string>{"Family"}));
}

// --- Mastodon ----------------------------------------------------------------------------------

TEST(ImportMastodon, FollowingAccountsBecomeFollowsFromMe)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("mastodon/following_accounts.csv"));
    EXPECT_EQ(s.counts.personsAdded, 2);
    EXPECT_EQ(s.counts.linksAdded, 2);
    EXPECT_EQ(s.counts.skipped, 1);
    EXPECT_EQ(f.links("me", "mastodon:ana@mastodon.social"), 1);
    EXPECT_EQ(f.links("mastodon:ana@mastodon.social", "me"), 0);
    EXPECT_EQ(f.links("me", "mastodon:bo@fosstodon.org"), 1);
}

TEST(ImportMastodon, OlderTwoColumnFileAndListsAsTags)
{
    ImportFixture f;
    f.importOk(importFixture("mastodon/following_accounts-old.csv"));
    const auto lists = f.importOk(importFixture("mastodon/lists.csv"));
    EXPECT_EQ(lists.counts.personsAdded, 1);  // dan; ana is already known
    EXPECT_EQ(lists.counts.personsMerged, 1);
    EXPECT_EQ(lists.counts.linksAdded, 0);
    EXPECT_EQ(lists.counts.tagsAdded, 3);
    EXPECT_EQ(*f.ws().tagsOf(*f.ws().resolve("mastodon:ana@mastodon.social")),
              (std::vector<std::string>{"Climate", "Friends"}));
}

// --- vCard -------------------------------------------------------------------------------------

TEST(ImportVCard, Version21QuotedPrintableAndGroupedLabels)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("vcard/contacts-2.1.vcf"));
    EXPECT_EQ(s.counts.personsAdded, 2);
    auto ana = f.ws().resolve("linkedin:ana-souza");
    ASSERT_TRUE(ana.ok());
    EXPECT_EQ(f.ws().person(*ana)->title, "Senior Engineer \xC3\xA9");
    EXPECT_TRUE(hasIdentity(f.ws(), *ana, "email", "ana@example.com"));
    EXPECT_TRUE(hasIdentity(f.ws(), *ana, "web", "x.com/anatweets"));
    EXPECT_TRUE(f.ws().resolve("Marie Fran\xC3\xA7ois").ok());
}

TEST(ImportVCard, Version30FoldingEscapesCategoriesNotesAndSocialProfiles)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("vcard/contacts-3.0.vcf"));
    EXPECT_EQ(s.counts.personsAdded, 2);  // Bo and the nameless card
    EXPECT_EQ(s.counts.skipped, 1);
    auto bo = f.ws().resolve("email:bo@example.com");
    ASSERT_TRUE(bo.ok());
    EXPECT_EQ(f.ws().person(*bo)->organisation, "Widgets, Inc.");
    EXPECT_EQ(f.ws().person(*bo)->location, "Lisbon");
    EXPECT_TRUE(hasIdentity(f.ws(), *bo, "web", "x.com/boli"));
    EXPECT_TRUE(hasIdentity(f.ws(), *bo, "mastodon", "bo@fosstodon.org"));
    EXPECT_EQ(*f.ws().tagsOf(*bo), (std::vector<std::string>{"Climate", "Friends"}));
    EXPECT_EQ(
        f.scalar("SELECT count(*) FROM note WHERE text = 'Met at the, uh, conference\nSecond line with a folded end'"),
        1);
    EXPECT_EQ(f.ws().person(*f.ws().resolve("email:nameless@example.com"))->displayName, "nameless@example.com");
}

TEST(ImportVCard, Version40RelatedBecomesLinks)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("vcard/contacts-4.0.vcf"));
    EXPECT_EQ(s.counts.personsAdded, 3);  // Cara, Dan and Dario (named only in RELATED)
    EXPECT_EQ(f.links("email:cara@example.com", "bsky:dan.bsky.social"), 1);
    EXPECT_EQ(f.links("email:cara@example.com", "Dario Mendes"), 1);
}

TEST(ImportVCard, Utf16FileWithBomIsRead)
{
    ImportFixture f;
    const std::string utf8 = warmpath::test::readFile(importFixture("vcard/contacts-3.0.vcf"));
    std::string utf16 = "\xFF\xFE";
    for (char c : utf8) {  // the fixture is ASCII: one UTF-16LE unit per byte
        utf16 += c;
        utf16 += '\0';
    }
    const auto path = f.dir().file("utf16.vcf");
    warmpath::test::writeFile(path, utf16);
    const auto s = f.importOk(path);
    EXPECT_EQ(s.format, "vcard");
    EXPECT_EQ(s.counts.personsAdded, 2);
    EXPECT_TRUE(f.ws().resolve("email:bo@example.com").ok());
}

TEST(ImportVCard, TruncatedCardFailsNamingItsFirstLine)
{
    ImportFixture f;
    auto result = f.ws().importFiles({importFixture("vcard/truncated.vcf")});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().line, 1U);
    EXPECT_NE(result.error().message.find("END:VCARD"), std::string::npos);
}

// --- X archive ---------------------------------------------------------------------------------

TEST(ImportXArchive, FolderGivesFollowsBothWaysAndTheAccountIsMe)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("x-archive"));
    EXPECT_EQ(s.format, "x-archive");
    EXPECT_EQ(s.counts.personsAdded, 4);  // 2001, 2002, 2003, 3001
    EXPECT_EQ(s.counts.linksAdded, 5);
    EXPECT_EQ(*f.ws().resolve("x:1000"), *f.ws().me());
    EXPECT_EQ(*f.ws().resolve("email:me@example.com"), *f.ws().me());
    EXPECT_EQ(f.links("me", "x:2001"), 1);
    EXPECT_EQ(f.links("x:2001", "me"), 1);
    EXPECT_EQ(f.links("me", "x:2003"), 1);  // from following-part1.js
    EXPECT_EQ(f.links("x:3001", "me"), 1);
}

TEST(ImportXArchive, ZipGivesTheSameAsTheFolder)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("x-archive/archive.zip"));
    EXPECT_EQ(s.counts.personsAdded, 4);
    EXPECT_EQ(s.counts.linksAdded, 5);
}

TEST(ImportXArchive, ZipWithParentPathIsRefused)
{
    ImportFixture f;
    auto result = f.ws().importFiles({importFixture("x-archive/evil.zip")});
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("unsafe path"), std::string::npos);
    EXPECT_EQ(f.ws().stats()->persons, 1);
}

TEST(ImportXArchive, TrailingCodeIsAnErrorWithLineAndColumnNeverRun)
{
    ImportFixture f;
    auto result = f.ws().importFiles({importFixture("x-archive/following-trailing-code.js")});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().line, 9U);
    EXPECT_EQ(result.error().column, 1U);
    EXPECT_EQ(f.ws().stats()->persons, 1);
}

// --- graph files -------------------------------------------------------------------------------

TEST(ImportGraphMl, DirectedFileWithLabelsDuplicatesAndSelfLoops)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("graphml/directed.graphml"));
    EXPECT_EQ(s.counts.personsAdded, 4);  // a, b, c and d (only in an edge)
    EXPECT_EQ(s.counts.linksAdded, 4);    // a→b, b→c, c↔d
    EXPECT_EQ(s.counts.skipped, 1);       // c→c
    EXPECT_TRUE(anyWarningContains(s, "duplicate link"));
    EXPECT_EQ(f.ws().person(*f.ws().resolve("directed:a"))->displayName, "Ana Souza");
    EXPECT_EQ(f.ws().person(*f.ws().resolve("directed:c"))->displayName, "c");
    EXPECT_EQ(f.links("directed:d", "directed:c"), 1);
}

TEST(ImportGraphMl, UndirectedEdgesGiveLinksBothWaysAndNamespaceOverrides)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("graphml/undirected.graphml"), ImportOptions{.nameSpace = "club"});
    EXPECT_EQ(s.counts.personsAdded, 3);
    EXPECT_EQ(s.counts.linksAdded, 4);
    EXPECT_EQ(f.ws().person(*f.ws().resolve("club:n0"))->displayName, "Zo\xC3\xAB");
    EXPECT_EQ(f.links("club:n1", "club:n0"), 1);
}

TEST(ImportGexf, EveryVersionAndNamespaceSpellingIsRead)
{
    ImportFixture f;
    const auto v11 = f.importOk(importFixture("gexf/gexf-1.1.gexf"));
    EXPECT_EQ(v11.counts.personsAdded, 3);
    EXPECT_EQ(v11.counts.linksAdded, 3);  // 0→1 directed, 1↔2 undirected
    const auto v12 = f.importOk(importFixture("gexf/gexf-1.2.gexf"));
    EXPECT_EQ(v12.counts.personsAdded, 2);
    EXPECT_EQ(v12.counts.linksAdded, 2);  // a↔b once; b–a again is a duplicate
    const auto v13 = f.importOk(importFixture("gexf/gexf-1.3.gexf"));
    EXPECT_EQ(v13.counts.personsAdded, 3);
    EXPECT_EQ(v13.counts.linksAdded, 3);  // mutual 1↔2, directed 2→3
    EXPECT_EQ(f.ws().person(*f.ws().resolve("gexf-1.3:2"))->displayName, "Two");
}

TEST(ImportGexf, DynamicGraphIsReadIgnoringTime)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("gexf/dynamic.gexf"));
    EXPECT_EQ(s.counts.personsAdded, 2);
    EXPECT_EQ(s.counts.linksAdded, 1);
}

TEST(ImportGexf, EntityDeclarationsAreRefused)
{
    ImportFixture f;
    for (const char* file : {"gexf/billion-laughs.gexf", "gexf/external-entity.gexf"}) {
        auto result = f.ws().importFiles({importFixture(file)});
        ASSERT_FALSE(result.ok()) << file;
        EXPECT_NE(result.error().message.find("entity"), std::string::npos) << result.error().describe();
    }
    EXPECT_EQ(f.ws().stats()->persons, 1);
}

TEST(ImportGexf, TruncatedFileFailsWithLineAndColumn)
{
    ImportFixture f;
    auto result = f.ws().importFiles({importFixture("gexf/truncated.gexf")});
    ASSERT_FALSE(result.ok());
    EXPECT_GT(result.error().line, 0U);
    EXPECT_GT(result.error().column, 0U);
    EXPECT_EQ(f.ws().stats()->persons, 1);
}

TEST(ImportGml, GephiIgraphAndNetworkxStyles)
{
    ImportFixture f;
    const auto gephi = f.importOk(importFixture("gml/gephi.gml"));
    EXPECT_EQ(gephi.counts.personsAdded, 3);
    EXPECT_EQ(gephi.counts.linksAdded, 4);  // undirected by default
    const auto igraph = f.importOk(importFixture("gml/igraph.gml"));
    EXPECT_EQ(igraph.counts.personsAdded, 3);
    EXPECT_EQ(igraph.counts.linksAdded, 3);
    EXPECT_EQ(f.ws().person(*f.ws().resolve("igraph:2"))->displayName, "cara");
    const auto networkx = f.importOk(importFixture("gml/networkx.gml"));
    EXPECT_EQ(networkx.counts.linksAdded, 1);
    EXPECT_EQ(f.ws().person(*f.ws().resolve("networkx:0"))->displayName, "Ana \"the\" Souza");
    EXPECT_EQ(f.ws().person(*f.ws().resolve("networkx:1"))->displayName, "Zo\xC3\xAB");
}

TEST(ImportGml, TruncatedFileFailsAtTheOpenString)
{
    ImportFixture f;
    auto result = f.ws().importFiles({importFixture("gml/truncated.gml")});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().line, 4U);
    EXPECT_EQ(result.error().column, 11U);
}

TEST(ImportPajek, VerticesArcsAndEdges)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("pajek/network.net"));
    EXPECT_EQ(s.counts.personsAdded, 4);
    EXPECT_EQ(s.counts.linksAdded, 4);  // 1→2, 2→3, 3↔4
    EXPECT_EQ(f.ws().person(*f.ws().resolve("network:1"))->displayName, "Ana Souza");
    EXPECT_EQ(f.ws().person(*f.ws().resolve("network:4"))->displayName, "4");
    EXPECT_EQ(f.links("network:4", "network:3"), 1);
}

TEST(ImportPajek, ArcsListAndEdgesList)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("pajek/lists.net"));
    EXPECT_EQ(s.counts.linksAdded, 4);  // 1→2, 1→3, 2↔3
}

TEST(ImportEdgeList, CommentsCrLfCommasWeightsAndNoFinalNewline)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("edgelist/follows.txt"), ImportOptions{.nameSpace = "demo"});
    EXPECT_EQ(s.format, "edgelist");
    EXPECT_EQ(s.counts.personsAdded, 5);
    EXPECT_EQ(s.counts.linksAdded, 4);  // alice→bob, bob→carol, carol→alice, erin→alice
    EXPECT_EQ(s.counts.skipped, 1);     // dave dave
    EXPECT_TRUE(anyWarningContains(s, "follows.txt:7: duplicate link"));
    EXPECT_EQ(f.links("demo:alice", "demo:bob"), 1);
    EXPECT_EQ(f.links("demo:bob", "demo:alice"), 0);
    EXPECT_EQ(f.links("demo:erin", "demo:alice"), 1);
}

TEST(ImportEdgeList, Utf16WithoutAByteOrderMarkWhoseFirstLineIsCjkIsRead)
{
    // 张伟 李娜 / 李娜 王芳: the first line has no code unit with a zero byte but its line break.
    const std::string zhang = "\xE5\xBC\xA0\xE4\xBC\x9F";
    const std::string li = "\xE6\x9D\x8E\xE5\xA8\x9C";
    const std::string wang = "\xE7\x8E\x8B\xE8\x8A\xB3";
    for (const bool bigEndian : {false, true}) {
        ImportFixture f;
        const auto path = f.dir().file("follows.txt");
        writeFile(path, utf16(zhang + " " + li + "\n" + li + " " + wang + "\n", bigEndian));
        const auto s = f.importOk(path, ImportOptions{.nameSpace = "zh"});
        EXPECT_EQ(s.format, "edgelist");
        EXPECT_EQ(s.counts.personsAdded, 3);
        EXPECT_EQ(f.links("zh:" + zhang, "zh:" + li), 1);
        EXPECT_EQ(f.links("zh:" + li, "zh:" + wang), 1);
    }
}

TEST(ImportEdgeList, EachLineIsOneFollowEvenWhenACommentSaysUndirected)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("edgelist/undirected.txt"), ImportOptions{.nameSpace = "u"});
    EXPECT_EQ(s.counts.linksAdded, 2);
    EXPECT_EQ(f.links("u:1", "u:2"), 1);
    EXPECT_EQ(f.links("u:2", "u:1"), 0);
}

TEST(ImportEdgeList, UndirectedOptionGivesLinksBothWays)
{
    ImportFixture f;
    const auto s =
        f.importOk(importFixture("edgelist/undirected.txt"), ImportOptions{.nameSpace = "u", .undirected = true});
    EXPECT_EQ(s.counts.linksAdded, 4);
    EXPECT_EQ(f.links("u:1", "u:2"), 1);
    EXPECT_EQ(f.links("u:2", "u:1"), 1);
}

TEST(ImportEdgeList, UndirectedOptionIsAWarningForFormatsThatDeclareDirection)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("pajek/lists.net"), ImportOptions{.undirected = true});
    EXPECT_EQ(s.counts.linksAdded, 4);  // as the file says: 1→2, 1→3, 2↔3
    EXPECT_TRUE(anyWarningContains(s, "--undirected applies to edge lists only"));
}

TEST(ImportEdgeList, LineWithOneFieldIsAnErrorWithLineAndColumn)
{
    ImportFixture f;
    auto result = f.ws().importFiles({importFixture("edgelist/malformed.txt")});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().line, 3U);
    EXPECT_EQ(result.error().column, 1U);
    EXPECT_NE(result.error().file.find("malformed.txt"), std::string::npos);
}

TEST(ImportGraphMl, NodeDeclaredAfterAnEdgeStillGetsItsLabel)
{
    ImportFixture f;
    warmpath::test::writeFile(f.dir().file("late.graphml"),
                              "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"l\" for=\"node\" "
                              "attr.name=\"label\"/><graph edgedefault=\"directed\"><edge source=\"a\" target=\"b\"/>"
                              "<node id=\"b\"><data key=\"l\">Bea</data></node></graph></graphml>");
    const auto s = f.importOk(f.dir().file("late.graphml"));
    EXPECT_EQ(s.counts.personsAdded, 2);
    EXPECT_EQ(f.ws().person(*f.ws().resolve("late:b"))->displayName, "Bea");
}

TEST(ImportXArchive, ManifestAccountIdIsAnIdentityOfMe)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("x-archive-manifest"));
    EXPECT_EQ(s.format, "x-archive");
    EXPECT_EQ(*f.ws().resolve("x:1000"), *f.ws().me());
    EXPECT_EQ(f.links("x:4001", "me"), 1);
}

TEST(ImportXArchive, ZipWithoutArchiveDataIsAnError)
{
    ImportFixture f;
    auto result = f.ws().importFiles({importFixture("x-archive/not-an-archive.zip")});
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("following.js"), std::string::npos);
}
