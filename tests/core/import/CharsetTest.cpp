// Converting the character sets older clients wrote (iconv from the C library).

#include <gtest/gtest.h>

#include "import/Charset.h"

using namespace warmpath::import;

TEST(Charset, NamedCharacterSetsAreConvertedToUtf8)
{
    auto cp1250 = CharsetConverter::open("windows-1250");
    ASSERT_TRUE(cp1250);
    EXPECT_EQ(cp1250->toUtf8("Dvo\xF8\xE1k").text, "Dvo\xC5\x99\xC3\xA1k");
    auto koi8 = CharsetConverter::open("KOI8-R");
    ASSERT_TRUE(koi8);
    EXPECT_EQ(koi8->toUtf8("\xEF\xCC\xD8\xC7\xC1").text, "\xD0\x9E\xD0\xBB\xD1\x8C\xD0\xB3\xD0\xB0");  // Ольга
    auto latin2 = CharsetConverter::open(" ISO-8859-2 ");
    ASSERT_TRUE(latin2);
    EXPECT_EQ(latin2->toUtf8("\xA3ukasz").text, "\xC5\x81ukasz");
}

TEST(Charset, AByteTheCharacterSetLeavesUndefinedBecomesTheReplacementCharacter)
{
    auto cp1252 = CharsetConverter::open(kWindows1252);
    ASSERT_TRUE(cp1252);
    const auto converted = cp1252->toUtf8("a\x81z\xE9");
    EXPECT_EQ(converted.text, "a\xEF\xBF\xBDz\xC3\xA9");
    EXPECT_TRUE(converted.replaced);
    EXPECT_FALSE(cp1252->toUtf8("plain").replaced);
}

TEST(Charset, AnUnknownCharacterSetIsNoConverter)
{
    EXPECT_FALSE(CharsetConverter::open("x-no-such-charset"));
    EXPECT_FALSE(CharsetConverter::open(""));
}

TEST(Charset, Utf8IsKeptAndAnythingElseIsReadAsWindows1252)
{
    bool converted = true;
    EXPECT_EQ(utf8OrWindows1252("Z\xC3\xBCrich", &converted), "Z\xC3\xBCrich");
    EXPECT_FALSE(converted);
    EXPECT_EQ(utf8OrWindows1252("Z\xFCrich \x93quoted\x94", &converted),
              "Z\xC3\xBCrich \xE2\x80\x9Cquoted\xE2\x80\x9D");
    EXPECT_TRUE(converted);
}
