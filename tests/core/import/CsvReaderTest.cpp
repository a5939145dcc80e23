#include <gtest/gtest.h>

#include "TestSupport.h"
#include "import/TextEncoding.h"
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

TEST(TextInput, Utf16WithBomDecodesToUtf8)
{
    const std::string le("\xFF\xFE"
                         "A\0\xE9\0",
                         6);
    EXPECT_EQ(decodeToUtf8(le), "A\xC3\xA9");
    const std::string be("\xFE\xFF\0A\0\xE9", 6);
    EXPECT_EQ(decodeToUtf8(be), "A\xC3\xA9");
}

TEST(TextInput, InvalidUtf8IsReplacedNotDropped)
{
    std::string text = "ok\xFF\xC3";
    EXPECT_TRUE(repairUtf8(text));
    EXPECT_EQ(text, "ok\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_TRUE(isValidUtf8(text));
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

TEST(TextInput, Utf16WithoutBomIsToldByTheZeroBytesOfTheFirstLine)
{
    const std::string le("B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D\0\n\0", 24);
    const std::string be("\0B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D\0\n", 24);
    EXPECT_EQ(detectEncoding(le).utf16, Utf16Order::LittleEndian);
    EXPECT_EQ(detectEncoding(be).utf16, Utf16Order::BigEndian);
    EXPECT_EQ(detectEncoding(le).bomBytes, 0U);
    EXPECT_EQ(decodeToUtf8(le), "BEGIN:VCARD\n");
    EXPECT_EQ(decodeToUtf8(be), "BEGIN:VCARD\n");
    EXPECT_FALSE(detectEncoding("BEGIN:VCARD\r\n").utf16);
    EXPECT_FALSE(detectEncoding(std::string("a\0b", 3)).utf16);  // too short to tell
    EXPECT_EQ(detectEncoding("\xEF\xBB\xBFname").bomBytes, 3U);
}

TEST(TextInput, Utf16CutBetweenPiecesDecodesAsAWhole)
{
    // `é😀` in UTF-16LE, fed one byte at a time: units and surrogate pairs span the pieces.
    const std::string bytes("\xE9\x00\x3D\xD8\x00\xDE", 6);
    Utf16Decoder decoder(Utf16Order::LittleEndian);
    std::string out;
    for (char byte : bytes) {
        decoder.decode(std::string_view(&byte, 1), out);
    }
    decoder.finish(out);
    EXPECT_EQ(out, "\xC3\xA9\xF0\x9F\x98\x80");
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
