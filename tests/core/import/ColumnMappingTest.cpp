// `--columns FIELD=COLUMN,...`: parsing, checking against a header, the preview the mapping step
// shows.

#include <gtest/gtest.h>

#include "ImportTestSupport.h"
#include "import/ColumnMapping.h"

using namespace warmpath;
using namespace warmpath::import;
using warmpath::test::importFixture;
using warmpath::test::TempDir;
using warmpath::test::writeFile;

TEST(ColumnMapping, FieldsColumnsAndRepeatsAreParsed)
{
    const auto mapping =
        parseColumnMapping("name=Full name, email=Work email,email=Private email,handle:mastodon=Fedi,tags=Groups");
    ASSERT_TRUE(mapping.ok()) << mapping.error().describe();
    ASSERT_EQ(mapping->choices.size(), 5U);
    EXPECT_EQ(mapping->choices[0], (ColumnChoice{.field = Field::Name, .network = {}, .column = "Full name"}));
    EXPECT_EQ(mapping->choices[3], (ColumnChoice{.field = Field::Handle, .network = "mastodon", .column = "Fedi"}));
    EXPECT_EQ(mapping->toString(),
              "name=Full name,email=Work email,email=Private email,handle:mastodon=Fedi,tags=Groups");
    EXPECT_TRUE(mapping->identifiesPeople());
}

TEST(ColumnMapping, AColumnWithACommaIsQuoted)
{
    const auto mapping = parseColumnMapping(R"(name=Name,"note=Notes, misc")");
    ASSERT_TRUE(mapping.ok()) << mapping.error().describe();
    EXPECT_EQ(mapping->choices[1].column, "Notes, misc");
}

TEST(ColumnMapping, ACommaOutsideTheQuotesOfAnItemIsAnErrorShowingTheItemQuoted)
{
    // Quotes around the column only, and no quotes at all (what a shell leaves of note="Notes, misc").
    const auto quotedColumn = parseColumnMapping(R"(name=Name,note="Notes, misc")");
    ASSERT_FALSE(quotedColumn.ok());
    EXPECT_EQ(quotedColumn.error().message,
              R"(--columns: ` misc"` is no FIELD=COLUMN; a column name with a comma goes in double quotes together )"
              R"(with its field: --columns 'name=Name,"note=Notes, misc"')");
    const auto unquoted = parseColumnMapping("note=Notes, misc, more,email=Mail");
    ASSERT_FALSE(unquoted.ok());
    EXPECT_EQ(unquoted.error().message,
              R"(--columns: ` misc` is no FIELD=COLUMN; a column name with a comma goes in double quotes together )"
              R"(with its field: --columns '"note=Notes, misc, more",email=Mail')");
    // The form the error shows is one that parses.
    const auto shown = parseColumnMapping(R"("note=Notes, misc, more",email=Mail)");
    ASSERT_TRUE(shown.ok()) << shown.error().describe();
    EXPECT_EQ(shown->choices[0].column, "Notes, misc, more");
}

TEST(ColumnMapping, AnUnknownFieldIsAnErrorListingTheFields)
{
    const auto mapping = parseColumnMapping("name=Name,phone=Mobile");
    ASSERT_FALSE(mapping.ok());
    EXPECT_EQ(mapping.error().message, "--columns: unknown field 'phone'; the fields are name, first, last, email, "
                                       "organisation, title, url, handle:NETWORK, tags, note");
}

TEST(ColumnMapping, AFieldThatIsOneValueGivenTwiceIsAnError)
{
    const auto mapping = parseColumnMapping("name=A,name=B");
    ASSERT_FALSE(mapping.ok());
    EXPECT_NE(mapping.error().message.find("name is given twice"), std::string::npos);
}

TEST(ColumnMapping, AHandleNeedsItsNetworkAndAnItemNeedsItsColumn)
{
    EXPECT_FALSE(parseColumnMapping("handle=Fedi").ok());
    EXPECT_FALSE(parseColumnMapping("handle:=Fedi").ok());
    EXPECT_FALSE(parseColumnMapping("name=").ok());
    EXPECT_FALSE(parseColumnMapping("name").ok());
    EXPECT_FALSE(parseColumnMapping("").ok());
}

TEST(ColumnMapping, AMappingWithoutANameOrIdentifierIdentifiesNobody)
{
    EXPECT_FALSE(parseColumnMapping("tags=Groups,note=Comment")->identifiesPeople());
    EXPECT_TRUE(parseColumnMapping("handle:bsky=Bluesky")->identifiesPeople());
}

TEST(ColumnMapping, ColumnsAreCheckedAgainstTheHeaderIgnoringCase)
{
    const std::vector<std::string> header{"Full Name", " Email ", "Notes"};
    EXPECT_TRUE(checkColumns(*parseColumnMapping("name=full name,email=EMAIL"), header, "f.csv").ok());
    const Status missing = checkColumns(*parseColumnMapping("name=Full Name,note=Comment"), header, "f.csv");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().describe(),
              "f.csv: --columns: no column 'Comment' (for note); the columns are Full Name, Email, Notes");
}

TEST(ColumnMapping, ColumnsNamedLikeFieldsMapThemselves)
{
    const ColumnMapping mapping = selfNamedColumns({"Name", "email", "email", "Handle:Bsky", "Phone", "organization"});
    EXPECT_EQ(mapping.toString(),
              "name=Name,email=email,email=email,handle:bsky=Handle:Bsky,organisation=organization");
}

TEST(ColumnMapping, TheColumnListLeavesOutBlankNamesAndStopsAfterTwelve)
{
    EXPECT_EQ(columnList({"A", "", "B", " "}), "A, B");
    std::vector<std::string> many;
    for (int i = 1; i <= 14; ++i) {
        many.push_back("C" + std::to_string(i));
    }
    EXPECT_EQ(columnList(many), "C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, ...");
}

TEST(ColumnMapping, TheColumnListQuotesNamesWithACommaOrAQuoteAsCsvWould)
{
    EXPECT_EQ(columnList({"Name", "Notes, misc", "Say \"hi\"", "E-mail"}),
              R"(Name, "Notes, misc", "Say ""hi""", E-mail)");
}

TEST(CsvPreview, HeaderAndFirstRowsWithTheFilesSeparator)
{
    TempDir dir;
    writeFile(dir.file("p.csv"), "\nName;Email;Town\nAna;ana@x.org;Lisboa\n\"Bo; Li\";bo@y.org;\nCy;cy@z.org;Porto\n");
    const auto preview = readCsvPreview(dir.file("p.csv"), 2);
    ASSERT_TRUE(preview.ok()) << preview.error().describe();
    EXPECT_EQ(preview->separator, ';');
    EXPECT_EQ(preview->header, (std::vector<std::string>{"Name", "Email", "Town"}));
    ASSERT_EQ(preview->rows.size(), 2U);
    EXPECT_EQ(preview->rows[1], (std::vector<std::string>{"Bo; Li", "bo@y.org", ""}));
}

TEST(CsvPreview, TextThatIsNotUtf8IsShownAsWindows1252)
{
    const auto preview = readCsvPreview(importFixture("outlook/contacts.csv"), 3);
    ASSERT_TRUE(preview.ok()) << preview.error().describe();
    EXPECT_EQ(preview->header.size(), 92U);
    ASSERT_EQ(preview->rows.size(), 3U);
    EXPECT_EQ(preview->rows[1][1], "Jos\xC3\xA9");
}
