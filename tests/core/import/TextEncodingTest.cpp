// How imported bytes are told apart (UTF-8, UTF-16 with or without a byte-order mark, binary data)
// and decoded to UTF-8 (docs/formats.md, "Text encodings").

#include <cstdint>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "ImportTestSupport.h"
#include "import/TextEncoding.h"

using namespace warmpath;
using namespace warmpath::import;
using warmpath::test::utf16;

namespace {

std::optional<Utf16Order> orderOf(const std::string& bytes)
{
    return detectEncoding(bytes).utf16;
}

std::string firstBytesOf(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string bytes(std::istreambuf_iterator<char>(in), {});
    return bytes.substr(0, kEncodingSampleBytes);
}

const char* const kCyrillicFirst = "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD \xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2"
                                   ",ivan@example.ru\r\nAna Souza,ana@example.com\r\n";  // Иван Петров
const char* const kCjkFirst = "\xE5\xBC\xA0\xE4\xBC\x9F \xE6\x9D\x8E\xE5\xA8\x9C\n"      // 张伟 李娜
                              "\xE6\x9D\x8E\xE5\xA8\x9C \xE7\x8E\x8B\xE8\x8A\xB3\n";     // 李娜 王芳

}  // namespace

TEST(TextEncoding, Utf16WithBomDecodesToUtf8)
{
    const std::string le("\xFF\xFE"
                         "A\0\xE9\0",
                         6);
    EXPECT_EQ(decodeToUtf8(le), "A\xC3\xA9");
    const std::string be("\xFE\xFF\0A\0\xE9", 6);
    EXPECT_EQ(decodeToUtf8(be), "A\xC3\xA9");
}

TEST(TextEncoding, InvalidUtf8IsReplacedNotDropped)
{
    std::string text = "ok\xFF\xC3";
    EXPECT_TRUE(repairUtf8(text));
    EXPECT_EQ(text, "ok\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_TRUE(isValidUtf8(text));
}

TEST(TextEncoding, Utf16WithoutBomIsToldByWhereItsZeroBytesFall)
{
    const std::string le("B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D\0\n\0", 24);
    const std::string be("\0B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D\0\n", 24);
    EXPECT_EQ(orderOf(le), Utf16Order::LittleEndian);
    EXPECT_EQ(orderOf(be), Utf16Order::BigEndian);
    EXPECT_EQ(detectEncoding(le).bomBytes, 0U);
    EXPECT_EQ(decodeToUtf8(le), "BEGIN:VCARD\n");
    EXPECT_EQ(decodeToUtf8(be), "BEGIN:VCARD\n");
    EXPECT_FALSE(orderOf("BEGIN:VCARD\r\n"));
    EXPECT_FALSE(orderOf(std::string("a\0b", 3)));  // too short to tell
    EXPECT_EQ(detectEncoding("\xEF\xBB\xBFname").bomBytes, 3U);
}

TEST(TextEncoding, Utf16WithoutBomIsToldWhenTheFirstLineIsCyrillicOrCjk)
{
    for (const char* text : {kCyrillicFirst, kCjkFirst}) {
        EXPECT_EQ(orderOf(utf16(text, false)), Utf16Order::LittleEndian) << text;
        EXPECT_EQ(orderOf(utf16(text, true)), Utf16Order::BigEndian) << text;
        EXPECT_EQ(decodeToUtf8(utf16(text, false)), text);
        EXPECT_EQ(decodeToUtf8(utf16(text, true)), text);
    }
}

TEST(TextEncoding, Utf16WithoutBomIsToldWhenTheFileStartsWithBlankLines)
{
    const std::string text = "\r\n\r\nBEGIN:VCARD\r\nFN:\xE7\x8E\x8B\xE8\x8A\xB3\r\nEND:VCARD\r\n";  // 王芳
    EXPECT_EQ(orderOf(utf16(text, false)), Utf16Order::LittleEndian);
    EXPECT_EQ(orderOf(utf16(text, true)), Utf16Order::BigEndian);
    EXPECT_EQ(decodeToUtf8(utf16(text, true)), text);
}

TEST(TextEncoding, Utf8AndSingleByteTextIsNeverTakenForUtf16)
{
    EXPECT_FALSE(orderOf(kCyrillicFirst));
    EXPECT_FALSE(orderOf(kCjkFirst));
    EXPECT_FALSE(orderOf("Jos\xE9 M\xFCller,jose@example.com\r\n"));  // Windows-1252
    // ASCII read as UTF-16 is valid CJK text: one stray zero byte must not tip the balance.
    EXPECT_FALSE(orderOf(std::string("name,email\nana,ana@example.com") + '\0' + "\nbo,bo@example.com\n"));
}

TEST(TextEncoding, BinaryDataIsNotTakenForUtf16)
{
    EXPECT_FALSE(orderOf(firstBytesOf(warmpath::test::sourceDir() / "resources" / "icons" / "warmpath-256.png")));
    warmpath::test::ImportFixture database;  // a real SQLite file
    database.close();
    EXPECT_FALSE(orderOf(firstBytesOf(database.dbPath())));
    std::uint32_t state = 12345;
    for (int sample = 0; sample < 2000; ++sample) {
        std::string bytes(kEncodingSampleBytes, '\0');
        for (char& byte : bytes) {
            state = state * 1664525U + 1013904223U;
            byte = static_cast<char>(state >> 24);
        }
        ASSERT_FALSE(orderOf(bytes)) << "random sample " << sample;
    }
}

TEST(TextEncoding, Utf16CutBetweenPiecesDecodesAsAWhole)
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
