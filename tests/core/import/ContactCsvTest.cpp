// Outlook and Thunderbird contact CSVs, and CSVs whose columns the user maps to fields
// (docs/formats.md): detected from the header, read by column name.

#include <algorithm>

#include <gtest/gtest.h>

#include "ImportTestSupport.h"
#include "import/ColumnMapping.h"

using namespace warmpath;
using warmpath::test::anyWarningContains;
using warmpath::test::hasIdentity;
using warmpath::test::ImportFixture;
using warmpath::test::importFixture;
using warmpath::test::utf16;
using warmpath::test::writeFile;

namespace {

PersonId personOf(Workspace& ws, const std::string& ref)
{
    auto person = ws.resolve(ref);
    if (!person) {
        ADD_FAILURE() << ref << ": " << person.error().describe();
        return PersonId(0);
    }
    return *person;
}

warmpath::import::ColumnMapping mapping(const std::string& text)
{
    auto parsed = import::parseColumnMapping(text);
    if (!parsed) {
        ADD_FAILURE() << parsed.error().describe();
        return {};
    }
    return *parsed;
}

const char* const kMembersColumns = "name=Full name,email=Work email,email=Private email,organisation=Company,"
                                    "title=Role,handle:mastodon=Mastodon,url=Website,tags=Groups,note=Comment";

}  // namespace

// --- Outlook ---------------------------------------------------------------------------------

TEST(ImportOutlook, DesktopExportWithTheFullHeaderIsReadAsContacts)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("outlook/contacts.csv"));
    EXPECT_EQ(s.format, "outlook");
    EXPECT_EQ(s.counts.personsAdded, 3);
    EXPECT_EQ(s.counts.skipped, 1);  // the contact with nothing but Outlook's defaults

    const PersonId ana = personOf(f.ws(), "email:ana@example.com");
    const auto person = f.ws().person(ana);
    EXPECT_EQ(person->displayName, "Ana Souza");
    EXPECT_EQ(person->organisation, "Acme");
    EXPECT_EQ(person->title, "Engineer");
    EXPECT_EQ(person->location, "Lisbon");
    EXPECT_TRUE(hasIdentity(f.ws(), ana, "email", "ana.souza@home.example"));
    EXPECT_TRUE(hasIdentity(f.ws(), ana, "phone", "+351912345678"));
    EXPECT_TRUE(hasIdentity(f.ws(), ana, "linkedin", "ana-souza"));
    EXPECT_EQ(*f.ws().tagsOf(ana), (std::vector<std::string>{"Climate", "Friends"}));
    EXPECT_EQ(f.scalar("SELECT count(*) FROM note WHERE text = 'Met at the climate meetup.\r\nIntroduced by Bo.'"), 1);
    EXPECT_EQ(f.links("me", "email:ana@example.com"), 1);
}

TEST(ImportOutlook, WindowsCharactersAreReadAsWindows1252WithAWarning)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("outlook/contacts.csv"));
    const PersonId jose = personOf(f.ws(), "email:jose.muller@widgets.example");
    EXPECT_EQ(f.ws().person(jose)->displayName, "Jos\xC3\xA9 Mar\xC3\xAD"
                                                "a M\xC3\xBCller");
    EXPECT_EQ(f.ws().person(jose)->location, "Z\xC3\xBCrich");
    EXPECT_EQ(f.ws().person(jose)->organisation, "Widgets, Inc.");
    EXPECT_TRUE(anyWarningContains(s, "read as Windows-1252"));
    EXPECT_FALSE(anyWarningContains(s, "U+FFFD"));
}

TEST(ImportOutlook, AnExchangeAddressIsNoEmailAndIsWarnedAbout)
{
    // Carla's `E-mail Address` is `/o=ExchangeLabs/ou=Exchange Administrative Group
    // (FYDIBOHF23SPDLT)/cn=Recipients/cn=...`: one name with spaces, typed `EX`.
    ImportFixture f;
    const auto file = importFixture("outlook/contacts.csv");
    const auto s = f.importOk(file);
    const PersonId carla = personOf(f.ws(), "Carla Reyes");
    EXPECT_TRUE(f.ws().identities(carla)->empty());
    const auto onCarlasLine = std::count_if(s.warnings.begin(), s.warnings.end(), [&](const std::string& warning) {
        return warning.rfind(file.string() + ":5: ", 0) == 0;
    });
    EXPECT_EQ(onCarlasLine, 1);
    EXPECT_TRUE(anyWarningContains(s, ":5: `/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23...` is "
                                      "an Exchange address, not an e-mail address; ignored"));
}

TEST(ImportOutlook, AnExchangeAddressIsToldByItsPrefixOrItsTypeAndNoPartOfItIsStored)
{
    ImportFixture f;
    const auto path = f.dir().file("outlook.csv");
    writeFile(path, "First Name,Last Name,E-mail Address,E-mail Type\r\n"
                    "Dan,Ek,/O=ACME/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=DAN EK@ACME.EXAMPLE,\r\n"
                    "Eva,Lund,o=Acme/cn=Recipients/cn=eva lund@acme.example,EX\r\n");
    const auto s = f.importOk(path);
    EXPECT_EQ(s.format, "outlook");
    EXPECT_EQ(f.scalar("SELECT count(*) FROM identity WHERE network = 'email'"), 0);
    EXPECT_EQ(s.counts.warningCount, 2);
    EXPECT_TRUE(f.ws().resolve("Dan Ek").ok());
    EXPECT_TRUE(f.ws().resolve("Eva Lund").ok());
}

TEST(ImportOutlook, OutlookComExportIsReadAsContacts)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("outlook/contacts-outlook-com.csv"));
    EXPECT_EQ(s.format, "outlook");
    EXPECT_EQ(s.counts.personsAdded, 2);
    const PersonId dmitri = personOf(f.ws(), "email:dmitri@example.org");
    EXPECT_EQ(f.ws().person(dmitri)->displayName, "Dmitri Ivanov");
    EXPECT_TRUE(hasIdentity(f.ws(), dmitri, "email", "d.ivanov@work.example"));
    EXPECT_TRUE(hasIdentity(f.ws(), dmitri, "mastodon", "dmitri@mastodon.social"));
    EXPECT_EQ(f.ws().person(personOf(f.ws(), "email:kiki@example.net"))->displayName, "Kiki");  // the nickname
}

TEST(ImportOutlook, TheVariantWithOnlyAFewColumnsIsReadAsContacts)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("outlook/contacts-few-columns.csv"));
    EXPECT_EQ(s.format, "outlook");
    EXPECT_EQ(s.counts.personsAdded, 2);
    const PersonId eva = personOf(f.ws(), "email:eva.lind@example.se");
    EXPECT_EQ(f.ws().person(eva)->title, "CTO");
    EXPECT_TRUE(hasIdentity(f.ws(), eva, "phone", "+46701234567"));
    EXPECT_TRUE(f.ws().resolve("email:ana@example.com").ok());  // `ANA@example.com`, normalised
}

// --- Thunderbird -----------------------------------------------------------------------------

TEST(ImportThunderbird, ExportWithTheTrailingCommaIsReadAsContacts)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("thunderbird/addressbook.csv"));
    EXPECT_EQ(s.format, "thunderbird");
    EXPECT_EQ(s.counts.personsAdded, 3);  // Bo, Hanna and the robot; the blank row is no contact
    const PersonId bo = personOf(f.ws(), "email:bo@example.com");
    const auto person = f.ws().person(bo);
    EXPECT_EQ(person->displayName, "Bo Li");
    EXPECT_EQ(person->organisation, "Widgets, Inc.");
    EXPECT_EQ(person->title, "Product Manager");
    EXPECT_EQ(person->location, "Berlin");
    EXPECT_TRUE(hasIdentity(f.ws(), bo, "email", "boli@mail.example"));
    EXPECT_TRUE(hasIdentity(f.ws(), bo, "phone", "+491512345678"));
    EXPECT_TRUE(hasIdentity(f.ws(), bo, "bsky", "boli.bsky.social"));
    EXPECT_EQ(f.scalar("SELECT count(*) FROM note WHERE text = 'Plays the cello;\nlikes long walks'"), 1);
    EXPECT_EQ(f.ws().person(personOf(f.ws(), "email:hanna.berg@example.no"))->displayName, "Hanna Berg");
    EXPECT_TRUE(f.ws().resolve("Mailing list robot").ok());
}

TEST(ImportThunderbird, CurrentExportWithoutTheTrailingCommaIsReadAsContacts)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("thunderbird/addressbook-115.csv"));
    EXPECT_EQ(s.format, "thunderbird");
    const PersonId zoe = personOf(f.ws(), "email:zoe.martin@example.fr");
    EXPECT_EQ(f.ws().person(zoe)->displayName, "Zo\xC3\xAB Martin");
    EXPECT_EQ(f.scalar("SELECT count(*) FROM note WHERE text = 'custom, \"quoted\" note'"), 1);
}

// --- CSVs with mapped columns ----------------------------------------------------------------

TEST(ImportMappedCsv, AnUnknownCsvIsNotGuessedButSaysHowToImportIt)
{
    ImportFixture f;
    const std::string before = f.dump();
    const auto file = importFixture("csv/members.csv");
    auto result = f.ws().importFiles({file});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().describe(),
              file.string() +
                  ": a CSV with columns Member no., Full name, Work email, Private email, Company, Role, Mastodon, "
                  "Website, Groups, Comment that is no export Warmpath knows; import it with --columns "
                  "name=COL,email=COL,...");
    EXPECT_EQ(f.dump(), before);
}

TEST(ImportMappedCsv, TheMessageForAnUnknownCsvQuotesAColumnNameWithAComma)
{
    ImportFixture f;
    const auto path = f.dir().file("people.csv");
    writeFile(path, "Name,\"Notes, misc\",Mail\nAna Souza,met in Porto,ana@example.com\n");
    auto result = f.ws().importFiles({path});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().message,
              "a CSV with columns Name, \"Notes, misc\", Mail that is no export Warmpath knows; "
              "import it with --columns name=COL,email=COL,...");
}

TEST(ImportMappedCsv, AOneColumnCsvIsNotGuessedButSaysHowToImportIt)
{
    ImportFixture f;
    for (const std::string& column : std::vector<std::string>{"email", "E-mail Address"}) {
        const auto path = f.dir().file("addresses.csv");
        writeFile(path, column + "\r\nana@example.com\r\nbo@example.com\r\n");
        auto result = f.ws().importFiles({path});
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.error().describe(), path.string() + ": a CSV with columns " + column +
                                                 " that is no export Warmpath knows; import it with --columns "
                                                 "name=COL,email=COL,...");
        f.importOk(path, ImportOptions{.columns = mapping("email=" + column)});
        EXPECT_TRUE(f.ws().resolve("email:bo@example.com").ok());
    }
}

TEST(ImportMappedCsv, MappedColumnsBecomeTheFieldsTheyAreMappedTo)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("csv/members.csv"), ImportOptions{.columns = mapping(kMembersColumns)});
    EXPECT_EQ(s.format, "csv");
    EXPECT_EQ(s.counts.personsAdded, 2);
    EXPECT_EQ(s.counts.skipped, 1);  // member 103: neither a name nor an identifier
    const PersonId ines = personOf(f.ws(), "email:ines@work.example");
    const auto person = f.ws().person(ines);
    EXPECT_EQ(person->displayName, "Ines Ferreira");
    EXPECT_EQ(person->organisation, "Acme");
    EXPECT_EQ(person->title, "Treasurer");
    EXPECT_TRUE(hasIdentity(f.ws(), ines, "email", "ines@home.example"));
    EXPECT_TRUE(hasIdentity(f.ws(), ines, "mastodon", "ines@social.example"));
    EXPECT_TRUE(hasIdentity(f.ws(), ines, "web", "ines.example/about"));
    EXPECT_EQ(*f.ws().tagsOf(ines), (std::vector<std::string>{"board", "climate"}));
    EXPECT_EQ(f.scalar("SELECT count(*) FROM note WHERE text = 'Joined 2019'"), 1);
    EXPECT_EQ(f.ws().person(personOf(f.ws(), "mastodon:tomas@fosstodon.org"))->displayName, "Tom\xC3\xA1s Ortega");
    EXPECT_EQ(f.links("me", "email:ines@work.example"), 1);
}

TEST(ImportMappedCsv, FirstAndLastMakeTheNameAndHandlesOfOtherNetworksAreKept)
{
    ImportFixture f;
    const auto path = f.dir().file("people.csv");
    writeFile(path, "Given,Family,GitHub,Phone\nAna,Souza,anasouza,+49 30 1234567\n");
    f.importOk(path,
               ImportOptions{.columns = mapping("first=Given,last=Family,handle:github=GitHub,handle:phone=Phone")});
    const PersonId ana = personOf(f.ws(), "github:anasouza");
    EXPECT_EQ(f.ws().person(ana)->displayName, "Ana Souza");
    EXPECT_TRUE(hasIdentity(f.ws(), ana, "phone", "+49301234567"));
}

TEST(ImportMappedCsv, SemicolonAndTabSeparatedFilesAreRead)
{
    ImportFixture f;
    writeFile(f.dir().file("semicolons.csv"), "Name;Email\nAna Souza;ana@example.com\n");
    writeFile(f.dir().file("tabs.tsv"), "Name\tEmail\nBo Li\tbo@example.com\n");
    const ImportOptions options{.columns = mapping("name=Name,email=Email")};
    f.importOk(f.dir().file("semicolons.csv"), options);
    f.importOk(f.dir().file("tabs.tsv"), options);
    EXPECT_EQ(f.ws().person(personOf(f.ws(), "email:ana@example.com"))->displayName, "Ana Souza");
    EXPECT_EQ(f.ws().person(personOf(f.ws(), "email:bo@example.com"))->displayName, "Bo Li");
}

TEST(ImportMappedCsv, Utf16WithoutAByteOrderMarkWhoseHeaderIsCyrillicIsRead)
{
    // Имя,Почта over Иван Петров: a Russian spreadsheet saved as "Unicode text" without its mark.
    const std::string name = "\xD0\x98\xD0\xBC\xD1\x8F";
    const std::string mail = "\xD0\x9F\xD0\xBE\xD1\x87\xD1\x82\xD0\xB0";
    const std::string ivan = "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD \xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2";
    for (const bool bigEndian : {false, true}) {
        ImportFixture f;
        const auto path = f.dir().file("contacts.csv");
        writeFile(path, utf16(name + "," + mail + "\r\n" + ivan + ",ivan@example.ru\r\n", bigEndian));
        auto unmapped = f.ws().importFiles({path});
        ASSERT_FALSE(unmapped.ok());
        EXPECT_EQ(unmapped.error().message, "a CSV with columns " + name + ", " + mail +
                                                " that is no export Warmpath knows; import it with --columns "
                                                "name=COL,email=COL,...");
        f.importOk(path, ImportOptions{.columns = mapping("name=" + name + ",email=" + mail)});
        EXPECT_EQ(f.ws().person(personOf(f.ws(), "email:ivan@example.ru"))->displayName, ivan);
    }
}

TEST(ImportMappedCsv, AColumnTheFileDoesNotHaveIsAnErrorNamingIt)
{
    ImportFixture f;
    const std::string before = f.dump();
    auto result = f.ws().importFiles({importFixture("csv/members.csv")},
                                     ImportOptions{.columns = mapping("name=Full name,email=E-mail")});
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().file.find("members.csv"), std::string::npos);
    EXPECT_NE(result.error().message.find("no column 'E-mail' (for email)"), std::string::npos)
        << result.error().message;
    EXPECT_EQ(f.dump(), before);
}

TEST(ImportMappedCsv, FormatCsvAloneReadsTheColumnsNamedLikeFields)
{
    ImportFixture f;
    const auto s = f.importOk(importFixture("csv/fields.csv"), ImportOptions{.format = import::Format::Csv});
    EXPECT_EQ(s.format, "csv");
    const PersonId ines = personOf(f.ws(), "email:ines@work.example");
    EXPECT_TRUE(hasIdentity(f.ws(), ines, "email", "ines@home.example"));
    EXPECT_TRUE(hasIdentity(f.ws(), ines, "mastodon", "ines@social.example"));
    EXPECT_EQ(f.ws().person(ines)->title, "Treasurer");
}

TEST(ImportMappedCsv, EachFileMayHaveItsOwnMapping)
{
    ImportFixture f;
    writeFile(f.dir().file("a.csv"), "Who,Mail\nAna Souza,ana@example.com\n");
    writeFile(f.dir().file("b.csv"), "Person,Address\nBo Li,bo@example.com\n");
    ImportOptions options;
    options.fileColumns[f.dir().file("a.csv")] = mapping("name=Who,email=Mail");
    options.fileColumns[f.dir().file("b.csv")] = mapping("name=Person,email=Address");
    auto result = f.ws().importFiles({f.dir().file("a.csv"), f.dir().file("b.csv")}, options);
    ASSERT_TRUE(result.ok()) << result.error().describe();
    EXPECT_EQ(f.ws().person(personOf(f.ws(), "email:bo@example.com"))->displayName, "Bo Li");
    EXPECT_EQ(f.ws().person(personOf(f.ws(), "email:ana@example.com"))->displayName, "Ana Souza");
}
