// displaySafe: what the CLI and the GUI show of text from outside (names, organisations, tags).

#include <gtest/gtest.h>

#include "util/DisplayText.h"

namespace warmpath {
namespace {

TEST(DisplaySafe, OrdinaryTextIsUnchanged)
{
    EXPECT_EQ(displaySafe("Ana Souza"), "Ana Souza");
    EXPECT_EQ(displaySafe("José Ñúñez 山田 🙂"), "José Ñúñez 山田 🙂");
    EXPECT_EQ(displaySafe(""), "");
}

TEST(DisplaySafe, TerminalEscapesAndOtherControlsBecomeReplacementCharacters)
{
    EXPECT_EQ(displaySafe("Eve\x1b[2J\x07"), "Eve\uFFFD[2J\uFFFD");
    EXPECT_EQ(displaySafe(std::string("a\0b", 3)), "a\uFFFDb");
    EXPECT_EQ(displaySafe("del\x7f c1\u009b"), "del\uFFFD c1\uFFFD");
}

TEST(DisplaySafe, LineBreaksAndTabsBecomeSpacesSoANameStaysOnItsLine)
{
    EXPECT_EQ(displaySafe("Mallory\nForged\r\tLine\u2028x"), "Mallory Forged  Line x");
}

TEST(DisplaySafe, InvalidUtf8BecomesReplacementCharacters)
{
    EXPECT_EQ(displaySafe("Bad\xff\xfe"), "Bad\uFFFD\uFFFD");
    EXPECT_EQ(displaySafe("\xc0\xaf"), "\uFFFD\uFFFD");            // overlong '/'
    EXPECT_EQ(displaySafe("\xed\xa0\x80"), "\uFFFD\uFFFD\uFFFD");  // a surrogate
    EXPECT_EQ(displaySafe("cut\xe2\x82"), "cut\uFFFD\uFFFD");
}

TEST(DisplaySafe, BidiOverridesAreRemovedAndWhatRemainsIsIsolated)
{
    EXPECT_EQ(displaySafe("Trudy \u202egpj.exe"), "\u2068Trudy gpj.exe\u2069");
    EXPECT_EQ(displaySafe("\u2066Evil\u2069 Corp\u2069\u2069"), "\u2068Evil Corp\u2069");
}

TEST(DisplaySafe, RightToLeftNamesAreIsolatedFromTheTextAroundThem)
{
    EXPECT_EQ(displaySafe("Dalia \u05d3\u05d0\u05dc\u05d9\u05d4"), "\u2068Dalia \u05d3\u05d0\u05dc\u05d9\u05d4\u2069");
    EXPECT_EQ(displaySafe("\u0645\u062d\u0645\u062f"), "\u2068\u0645\u062d\u0645\u062f\u2069");
}

}  // namespace
}  // namespace warmpath
