#include <gtest/gtest.h>

#include "TestSupport.h"
#include "import/TextInput.h"

using namespace warmpath;
using namespace warmpath::import;

namespace {

std::vector<std::vector<std::string>> readAll(const std::string& text, Error* error = nullptr)
{
    StringStream stream(text);
    CsvReader csv(stream, "t.csv");
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    for (;;) {
        Result<bool> more = csv.next(row);
        if (!more) {
            if (error != nullptr) {
                *error = more.error();
            }
            return rows;
        }
        if (!*more) {
            return rows;
        }
        rows.push_back(row);
    }
}

}  // namespace

TEST(CsvReader, QuotedFieldsKeepCommasQuotesAndLineBreaks)
{
    const auto rows = readAll("a,\"b,c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x,y\n");
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b,c", "say \"hi\""}));
    EXPECT_EQ(rows[1][0], "two\nlines");
}

TEST(CsvReader, CrLfBomAndMissingFinalNewlineAreHandled)
{
    const auto rows = readAll("\xEF\xBB\xBFh1,h2\r\nv1,v2");
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"h1", "h2"}));
    EXPECT_EQ(rows[1], (std::vector<std::string>{"v1", "v2"}));
}

TEST(CsvReader, RecordLineCountsEmbeddedLineBreaks)
{
    StringStream stream("a\n\"x\ny\"\nlast\n");
    CsvReader csv(stream, "t.csv");
    std::vector<std::string> row;
    ASSERT_TRUE(*csv.next(row));
    ASSERT_TRUE(*csv.next(row));
    EXPECT_EQ(csv.recordLine(), 2U);
    ASSERT_TRUE(*csv.next(row));
    EXPECT_EQ(csv.recordLine(), 4U);
    EXPECT_EQ(row[0], "last");
}

TEST(CsvReader, UnclosedQuoteIsAnErrorAtItsLineAndColumn)
{
    Error error;
    readAll("a,b\nc,\"never closed\n", &error);
    EXPECT_EQ(error.file, "t.csv");
    EXPECT_EQ(error.line, 2U);
    EXPECT_EQ(error.column, 3U);
}

TEST(LineReader, SplitsLfAndCrLfAndReadsALastLineWithoutNewline)
{
    StringStream stream("one\r\ntwo\nthree");
    LineReader lines(stream);
    std::string_view line;
    std::vector<std::string> got;
    while (lines.next(line)) {
        got.emplace_back(line);
    }
    EXPECT_EQ(got, (std::vector<std::string>{"one", "two", "three"}));
}

TEST(LineReader, ReadsALineLongerThanItsBuffer)
{
    const std::string longLine(3 * 1024 * 1024, 'x');
    StringStream stream(longLine + "\nnext\n");
    LineReader lines(stream);
    std::string_view line;
    ASSERT_TRUE(lines.next(line));
    EXPECT_EQ(line.size(), longLine.size());
    ASSERT_TRUE(lines.next(line));
    EXPECT_EQ(line, "next");
}

TEST(TextInput, ATextFileInUtf16IsReadAsUtf8)
{
    warmpath::test::TempDir dir;
    std::string utf16;
    for (char c : std::string("Name,Email\r\nAna,ana@example.com\r\n")) {
        utf16 += '\0';
        utf16 += c;
    }
    warmpath::test::writeFile(dir.file("be.csv"), utf16);
    auto stream = openTextFile(dir.file("be.csv"));
    ASSERT_TRUE(stream.ok());
    CsvReader csv(**stream, "be.csv");
    std::vector<std::string> row;
    ASSERT_TRUE(*csv.next(row));
    EXPECT_EQ(row, (std::vector<std::string>{"Name", "Email"}));
    ASSERT_TRUE(*csv.next(row));
    EXPECT_EQ(row, (std::vector<std::string>{"Ana", "ana@example.com"}));
}

TEST(CsvReader, AnotherSeparatorSplitsTheRecords)
{
    StringStream stream("a;\"b;c\";d\n");
    CsvReader csv(stream, "t.csv", ';');
    std::vector<std::string> row;
    ASSERT_TRUE(*csv.next(row));
    EXPECT_EQ(row, (std::vector<std::string>{"a", "b;c", "d"}));
    EXPECT_EQ(csvSeparatorOf("Name;Email"), ';');
    EXPECT_EQ(csvSeparatorOf("Name\tEmail;x"), '\t');
    EXPECT_EQ(csvSeparatorOf("\"Last; First\",Email"), ',');
    EXPECT_EQ(csvSeparatorOf("alice bob"), '\0');
}
