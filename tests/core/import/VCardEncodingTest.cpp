// vCards in the encodings old address books wrote: UTF-16 without a byte-order mark, and vCard 2.1
// values in the character set their CHARSET names (or, naming none, Windows-1252).

#include <gtest/gtest.h>

#include "ImportTestSupport.h"
#include "import/Format.h"

using namespace warmpath;
using warmpath::test::anyWarningContains;
using warmpath::test::ImportFixture;
using warmpath::test::importFixture;
using warmpath::test::utf16;
using warmpath::test::writeFile;

namespace {

std::string nameOf(Workspace& ws, const std::string& ref)
{
    auto person = ws.resolve(ref);
    if (!person) {
        return "unresolved: " + person.error().describe();
    }
    return ws.person(*person)->displayName;
}

}  // namespace

TEST(VCardEncoding, Utf16WithoutAByteOrderMarkIsReadAsAVCardInEitherByteOrder)
{
    for (const char* name : {"vcard/contacts-utf16le-nobom.vcf", "vcard/contacts-utf16be-nobom.vcf"}) {
        ImportFixture f;
        auto sniffed = import::sniffFormat(importFixture(name));
        ASSERT_TRUE(sniffed.ok()) << name << ": " << sniffed.error().describe();
        EXPECT_EQ(*sniffed, import::Format::VCard) << name;
        const auto s = f.importOk(importFixture(name));
        EXPECT_EQ(s.format, "vcard") << name;
        EXPECT_EQ(s.counts.personsAdded, 2) << name;
        EXPECT_EQ(f.ws().person(*f.ws().resolve("email:bo@example.com"))->organisation, "Widgets, Inc.") << name;
    }
}

TEST(VCardEncoding, Utf16WithoutAByteOrderMarkIsReadWhenTheFileStartsWithABlankLineAndCyrillicOrCjk)
{
    // Иван Петров and 王芳: no code unit of the names has a zero byte.
    const std::string cards = "\r\nBEGIN:VCARD\r\nVERSION:3.0\r\n"
                              "FN:\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD \xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2\r\n"
                              "EMAIL:ivan@example.ru\r\nEND:VCARD\r\n"
                              "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\xE7\x8E\x8B\xE8\x8A\xB3\r\nEMAIL:wang@example.cn\r\n"
                              "END:VCARD\r\n";
    for (const bool bigEndian : {false, true}) {
        ImportFixture f;
        const auto path = f.dir().file("contacts.vcf");
        writeFile(path, utf16(cards, bigEndian));
        auto sniffed = import::sniffFormat(path);
        ASSERT_TRUE(sniffed.ok()) << sniffed.error().describe();
        EXPECT_EQ(*sniffed, import::Format::VCard);
        const auto s = f.importOk(path);
        EXPECT_EQ(s.counts.personsAdded, 2);
        EXPECT_EQ(nameOf(f.ws(), "email:ivan@example.ru"),
                  "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD \xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2");
        EXPECT_EQ(nameOf(f.ws(), "email:wang@example.cn"), "\xE7\x8E\x8B\xE8\x8A\xB3");
    }
}

TEST(VCardEncoding, Version21CharsetParametersAreHonoured)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("vcard/contacts-2.1-charsets.vcf"));
    EXPECT_EQ(s.counts.personsAdded, 6);
    EXPECT_EQ(nameOf(f.ws(), "email:antonin@example.cz"), "Anton\xC3\xADn Dvo\xC5\x99\xC3\xA1k");  // windows-1250
    EXPECT_EQ(nameOf(f.ws(), "phone:+74951234567"), "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD "
                                                    "\xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2");  // Иван Петров
    EXPECT_EQ(f.ws().person(*f.ws().resolve("phone:+74951234567"))->organisation,
              "\xD0\xA0\xD0\xBE\xD0\xB3\xD0\xB0 \xD0\xB8 \xD0\xBA\xD0\xBE\xD0\xBF\xD1\x8B\xD1\x82\xD0\xB0");
    EXPECT_EQ(nameOf(f.ws(), "email:lukasz@example.pl"), "\xC5\x81ukasz \xC5\xBB\xC3\xB3\xC5\x82\xC4\x87");  // latin-2
    EXPECT_EQ(nameOf(f.ws(), "email:olga@example.ru"),
              "\xD0\x9E\xD0\xBB\xD1\x8C\xD0\xB3\xD0\xB0 "
              "\xD0\xA1\xD0\xBC\xD0\xB8\xD1\x80\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xB0");  // KOI8-R, quoted-printable
    EXPECT_FALSE(anyWarningContains(s, "U+FFFD"));
    EXPECT_EQ(f.scalar("SELECT count(*) FROM person WHERE display_name LIKE '%' || char(65533) || '%'"), 0);
}

TEST(VCardEncoding, QuotedPrintableValuesAreDecodedBeforeTheirCharset)
{
    ImportFixture f;
    f.importOk(importFixture("vcard/contacts-2.1-charsets.vcf"));
    const auto joao = f.ws().resolve("email:joao@example.pt");
    ASSERT_TRUE(joao.ok());
    EXPECT_EQ(f.ws().person(*joao)->displayName, "Jo\xC3\xA3o Gon\xC3\xA7"
                                                 "alves");
    // A soft line break in the middle of the value, and ISO-8859-1 bytes on both sides of it.
    EXPECT_EQ(f.ws().person(*joao)->title, "Diretor de Opera\xC3\xA7\xC3\xB5"
                                           "es, Log\xC3\xADstica e Expans\xC3\xA3"
                                           "o Internacional da Regi\xC3\xA3o Ib\xC3\xA9rica");
}

TEST(VCardEncoding, Version21TextWithoutCharsetThatIsNotUtf8IsReadAsWindows1252WithAWarning)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("vcard/contacts-2.1-charsets.vcf"));
    EXPECT_EQ(nameOf(f.ws(), "email:francois@example.fr"), "Fran\xC3\xA7ois Lef\xC3\xA8vre");
    EXPECT_EQ(f.scalar("SELECT count(*) FROM note WHERE text = 'Caf\xC3\xA9 \xE2\x80\x9CLe Procope\xE2\x80\x9D "
                       "\xE2\x80\x93 Paris'"),
              1);
    EXPECT_TRUE(anyWarningContains(s, "vCard 2.1 text that is not UTF-8 and names no CHARSET; read as Windows-1252"));
}

TEST(VCardEncoding, TheWindows1252WarningComesOnceAFileWithTheNumberOfCards)
{
    ImportFixture f;
    const auto path = f.dir().file("old-client.vcf");
    std::string cards;
    for (int i = 1; i <= 300; ++i) {
        cards += "BEGIN:VCARD\r\nVERSION:2.1\r\nN:M\xFCller;J\xF6rg " + std::to_string(i) +
                 "\r\nNOTE:Caf\xE9\r\nEMAIL:j" + std::to_string(i) + "@example.de\r\nEND:VCARD\r\n";
    }
    cards += "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Plain;Ascii\r\nEMAIL:ascii@example.de\r\nEND:VCARD\r\n";
    writeFile(path, cards);
    const auto s = f.importOk(path);
    EXPECT_EQ(nameOf(f.ws(), "email:j300@example.de"), "J\xC3\xB6rg 300 M\xC3\xBCller");
    EXPECT_EQ(s.counts.warningCount, 1);
    ASSERT_EQ(s.warnings.size(), 1U);
    EXPECT_EQ(s.warnings.front(), path.string() + ":3: vCard 2.1 text that is not UTF-8 and names no CHARSET; read as "
                                                  "Windows-1252 (300 cards, the first here)");
}

TEST(VCardEncoding, Version30TextThatIsNotUtf8IsStillReplacedNotReinterpreted)
{
    ImportFixture f;
    const auto path = f.dir().file("v3.vcf");
    writeFile(path, "BEGIN:VCARD\nVERSION:3.0\nFN:Fran\xE7ois\nEMAIL:f@example.fr\nEND:VCARD\n");
    const auto s = f.importOk(path);
    EXPECT_EQ(nameOf(f.ws(), "email:f@example.fr"), "Fran\xEF\xBF\xBDois");
    EXPECT_TRUE(anyWarningContains(s, "U+FFFD"));
}

TEST(VCardEncoding, AnUnknownCharsetIsWarnedAboutAndTheTextStillRead)
{
    ImportFixture f;
    const auto path = f.dir().file("odd.vcf");
    writeFile(path, "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=x-klingon:Worf\nEMAIL:worf@example.org\nEND:VCARD\n");
    const auto s = f.importOk(path);
    EXPECT_EQ(nameOf(f.ws(), "email:worf@example.org"), "Worf");
    EXPECT_TRUE(anyWarningContains(s, "CHARSET=x-klingon is no character set this system knows"));
}
