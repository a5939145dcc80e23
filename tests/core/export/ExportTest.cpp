// Every export format written from a database with every kind of row, then read back.

#include <gtest/gtest.h>

#include <sstream>

#include "MiniXml.h"
#include "TestSupport.h"
#include "WorkflowFixtures.h"
#include "Workspace.h"
#include "export/TextEscaping.h"
#include "import/Importer.h"

using namespace warmpath;
using warmpath::test::MiniXml;
using warmpath::test::TempDir;
using warmpath::test::XmlElement;

namespace {

const std::string kLongName = "Maria-Aparecida Conceição dos Santos Oliveira, Ph.D.; Directora de Operações Ünicode ✓";

class ExportTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        path = dir.file("export.db");
        {
            auto db = Database::open(path, OpenMode::CreateIfMissing);
            ASSERT_TRUE(db.ok());
            ASSERT_TRUE(migrate(*db).ok());
            test::seedEveryKindOfRow(*db);
            Statement insert = db->prepare("INSERT INTO person (id, display_name, organisation) VALUES (?, ?, ?)");
            const std::vector<std::pair<int, std::string>> tricky = {
                {5, "=cmd|' /C calc'!A0"}, {6, "+1 555"},      {7, "-2"},      {8, "@SUM(A1)"},
                {9, "\tTabbed"},           {10, "\rReturned"}, {11, kLongName}};
            for (const auto& [id, name] : tricky) {
                insert.bind(1, id).bind(2, name).bind(3, id == 5 ? "=HYPERLINK(\"x\")" : "").run();
                insert.reset();
            }
            db->execute("INSERT INTO tag (id, name) VALUES (3, 'a,b;c');"
                        "INSERT INTO person_tag (person_id, tag_id) VALUES (11, 3);"
                        "INSERT INTO follow_up (person_id, due_date) VALUES (11, '2026-11-20');");
        }
        auto ws = Workspace::open(path);
        ASSERT_TRUE(ws.ok());
        workspace = std::move(ws).value();
    }

    std::string exported(exporting::ExportFormat format, const std::string& name)
    {
        const Status written = workspace->exportTo(format, dir.file(name), *parseDate("2026-11-26"));
        EXPECT_TRUE(written.ok()) << written.error().describe();
        return test::readFile(dir.file(name));
    }

    TempDir dir;
    std::filesystem::path path;
    std::unique_ptr<Workspace> workspace;
};

/// Physical lines must end in CRLF and hold at most 75 octets.
void expectFoldedLines(const std::string& text)
{
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find("\r\n", start);
        ASSERT_NE(end, std::string::npos) << "every line ends in CRLF";
        EXPECT_LE(end - start, 75U) << text.substr(start, end - start);
        start = end + 2;
    }
}

/// Undoes RFC 5545/6350 folding and splits into logical lines.
std::vector<std::string> unfold(const std::string& text)
{
    std::string joined;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        joined += text[i];
    }
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < joined.size()) {
        const auto end = joined.find("\r\n", start);
        lines.push_back(joined.substr(start, end - start));
        start = end + 2;
    }
    return lines;
}

/// The blocks between BEGIN:kind and END:kind.
std::vector<std::vector<std::string>> components(const std::vector<std::string>& lines, const std::string& kind)
{
    std::vector<std::vector<std::string>> blocks;
    bool inside = false;
    for (const std::string& line : lines) {
        if (line == "BEGIN:" + kind) {
            blocks.emplace_back();
            inside = true;
        } else if (line == "END:" + kind) {
            inside = false;
        } else if (inside) {
            blocks.back().push_back(line);
        }
    }
    return blocks;
}

bool has(const std::vector<std::string>& block, const std::string& line)
{
    return std::find(block.begin(), block.end(), line) != block.end();
}

std::vector<std::vector<std::string>> parseCsv(const std::string& text)
{
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                rows.back().back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                rows.back().back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.emplace_back(1);
            ++i;
        } else {
            rows.back().back() += c;
        }
    }
    rows.pop_back();  // after the last CRLF
    return rows;
}

std::map<std::string, std::string> graphMlData(const XmlElement& e)
{
    std::map<std::string, std::string> data;
    for (const XmlElement* d : e.all("data")) {
        data[d->attributes.at("key")] = d->text;
    }
    return data;
}

}  // namespace

TEST_F(ExportTest, GraphMlHasEveryPersonAndLinkWithNamesAndTags)
{
    const auto root = MiniXml::parse(exported(exporting::ExportFormat::GraphMl, "net.graphml"));
    ASSERT_TRUE(root.has_value()) << "not well-formed XML";
    EXPECT_EQ(root->name, "graphml");
    EXPECT_EQ(root->attributes.at("xmlns"), "http://graphml.graphdrawing.org/xmlns");
    std::map<std::string, std::string> keys;
    for (const XmlElement* key : root->all("key")) {
        keys[key->attributes.at("id")] = key->attributes.at("attr.name");
    }
    for (const char* expected : {"label", "tags", "degree", "organisation", "ref", "kind"}) {
        EXPECT_TRUE(keys.contains(expected)) << expected;
    }
    const XmlElement* graph = root->first("graph");
    ASSERT_NE(graph, nullptr);
    EXPECT_EQ(graph->attributes.at("edgedefault"), "directed");
    std::map<std::string, std::map<std::string, std::string>> nodes;
    for (const XmlElement* node : graph->all("node")) {
        nodes[node->attributes.at("id")] = graphMlData(*node);
    }
    EXPECT_EQ(nodes.size(), 11U);
    EXPECT_EQ(nodes["n2"]["label"], "Ana Souza");
    EXPECT_EQ(nodes["n2"]["organisation"], "Acme; Labs");
    EXPECT_EQ(nodes["n2"]["tags"], "friends; investors");
    EXPECT_EQ(nodes["n2"]["ref"], "linkedin:ana-souza");
    EXPECT_EQ(nodes["n2"]["degree"], "1") << "me -> Ana is a connection";
    EXPECT_EQ(nodes["n3"]["degree"], "2");
    EXPECT_EQ(nodes["n4"]["degree"], "3");
    EXPECT_FALSE(nodes["n9"].contains("degree")) << "unreachable people have no degree, not a fake one";
    EXPECT_EQ(nodes["n3"]["label"], "Bob \"Bobby\" Lee");
    EXPECT_EQ(nodes["n4"]["label"], "Zoë Ünicode ✓");
    EXPECT_EQ(nodes["n9"]["label"], "\tTabbed");
    const auto edges = graph->all("edge");
    ASSERT_EQ(edges.size(), 4U);
    for (const XmlElement* edge : edges) {
        EXPECT_TRUE(nodes.contains(edge->attributes.at("source")));
        EXPECT_TRUE(nodes.contains(edge->attributes.at("target")));
    }
    EXPECT_EQ(graphMlData(*edges[2])["kind"], "colleague");
}

TEST_F(ExportTest, GexfHasEveryPersonAndLinkWithNamesAndTags)
{
    const auto root = MiniXml::parse(exported(exporting::ExportFormat::Gexf, "net.gexf"));
    ASSERT_TRUE(root.has_value()) << "not well-formed XML";
    EXPECT_EQ(root->name, "gexf");
    EXPECT_EQ(root->attributes.at("version"), "1.2");
    const XmlElement* graph = root->first("graph");
    ASSERT_NE(graph, nullptr);
    std::map<std::string, std::string> declared;
    for (const XmlElement* attributes : graph->all("attributes")) {
        for (const XmlElement* attribute : attributes->all("attribute")) {
            declared[attribute->attributes.at("id")] = attribute->attributes.at("type");
        }
    }
    EXPECT_EQ(declared["tags"], "string");
    EXPECT_EQ(declared["degree"], "integer");
    std::map<std::string, const XmlElement*> nodes;
    for (const XmlElement* node : graph->first("nodes")->all("node")) {
        nodes[node->attributes.at("id")] = node;
    }
    ASSERT_EQ(nodes.size(), 11U);
    EXPECT_EQ(nodes["2"]->attributes.at("label"), "Ana Souza");
    std::map<std::string, std::string> values;
    for (const XmlElement* value : nodes["2"]->first("attvalues")->all("attvalue")) {
        values[value->attributes.at("for")] = value->attributes.at("value");
    }
    EXPECT_EQ(values["tags"], "friends; investors");
    EXPECT_EQ(values["organisation"], "Acme; Labs");
    EXPECT_EQ(values["degree"], "1");
    const auto edges = graph->first("edges")->all("edge");
    ASSERT_EQ(edges.size(), 4U);
    for (const XmlElement* edge : edges) {
        EXPECT_TRUE(nodes.contains(edge->attributes.at("source")));
        EXPECT_TRUE(nodes.contains(edge->attributes.at("target")));
    }
    EXPECT_EQ(edges[2]->attributes.at("weight"), "0.5");
}

TEST_F(ExportTest, CsvNeutralisesFormulasAndKeepsEveryValue)
{
    const auto rows = parseCsv(exported(exporting::ExportFormat::Csv, "people.csv"));
    ASSERT_EQ(rows.size(), 12U);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"ref", "name", "organisation", "title", "location", "tags", "networks",
                                                 "follow_up_due", "last_contacted", "degree"}));
    std::map<std::string, std::vector<std::string>> byName;
    for (const auto& row : rows) {
        ASSERT_EQ(row.size(), 10U);
        byName[row[1]] = row;
    }
    for (const char* name : {"'=cmd|' /C calc'!A0", "'+1 555", "'-2", "'@SUM(A1)", "'\tTabbed", "'\rReturned"}) {
        EXPECT_TRUE(byName.contains(name)) << "missing neutralised " << name;
    }
    EXPECT_EQ(byName["'=cmd|' /C calc'!A0"][2], "'=HYPERLINK(\"x\")");
    const auto& ana = byName["Ana Souza"];
    EXPECT_EQ(ana[0], "linkedin:ana-souza");
    EXPECT_EQ(ana[2], "Acme; Labs");
    EXPECT_EQ(ana[5], "friends; investors");
    EXPECT_EQ(ana[6], "email; linkedin");
    EXPECT_EQ(ana[7], "2026-12-01");
    EXPECT_EQ(ana[8], "2026-11-17");
    EXPECT_EQ(ana[9], "1") << "degree from me";
    EXPECT_EQ(byName[kLongName][9], "") << "unreachable: no degree";
    EXPECT_TRUE(byName.contains("Bob \"Bobby\" Lee"));
    EXPECT_TRUE(byName.contains(kLongName));
}

TEST_F(ExportTest, VCardsCarryCategoriesAndRelatedAndAreFolded)
{
    const std::string text = exported(exporting::ExportFormat::VCard, "people.vcf");
    expectFoldedLines(text);
    const auto cards = components(unfold(text), "VCARD");
    ASSERT_EQ(cards.size(), 11U);
    const auto find = [&](const std::string& fn) {
        for (const auto& card : cards) {
            if (has(card, "FN:" + fn)) {
                return card;
            }
        }
        return std::vector<std::string>{};
    };
    const auto ana = find("Ana Souza");
    ASSERT_FALSE(ana.empty());
    EXPECT_EQ(ana.front(), "VERSION:4.0");
    EXPECT_TRUE(has(ana, "UID:urn:uuid:5761726d-7061-4874-8000-000000000002"));
    EXPECT_TRUE(has(ana, "ORG:Acme\\; Labs"));
    EXPECT_TRUE(has(ana, "TITLE:CTO"));
    EXPECT_TRUE(has(ana, "CATEGORIES:friends,investors"));
    EXPECT_TRUE(has(ana, "EMAIL:ana@example.com"));
    EXPECT_TRUE(has(ana, "URL:https://www.linkedin.com/in/ana-souza"));
    EXPECT_TRUE(has(ana, "RELATED;TYPE=contact:urn:uuid:5761726d-7061-4874-8000-000000000001"));
    EXPECT_TRUE(has(ana, "RELATED;TYPE=colleague:urn:uuid:5761726d-7061-4874-8000-000000000003"));
    const auto bob = find("Bob \"Bobby\" Lee");
    EXPECT_TRUE(std::none_of(bob.begin(), bob.end(), [](const std::string& l) { return l.rfind("RELATED", 0) == 0; }))
        << "a follow is not a relationship";
    const auto maria =
        find("Maria-Aparecida Conceição dos Santos Oliveira\\, Ph.D.\\; Directora de Operações Ünicode ✓");
    ASSERT_FALSE(maria.empty()) << "the long name survives folding and is escaped";
    EXPECT_TRUE(has(maria, "CATEGORIES:a\\,b\\;c"));
}

TEST_F(ExportTest, ICalendarHasATodoAndAnEventPerFollowUp)
{
    const std::string text = exported(exporting::ExportFormat::ICalendar, "followups.ics");
    expectFoldedLines(text);
    const auto lines = unfold(text);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
    EXPECT_EQ(lines.back(), "END:VCALENDAR");
    EXPECT_TRUE(has(lines, "VERSION:2.0"));
    const auto todos = components(lines, "VTODO");
    const auto events = components(lines, "VEVENT");
    ASSERT_EQ(todos.size(), 2U) << "Maria (overdue) and Ana (cadence); Bob's follow-up is done";
    ASSERT_EQ(events.size(), 2U);
    // Most overdue first: Maria was due 2026-11-20.
    EXPECT_TRUE(has(todos[0], "DUE;VALUE=DATE:20261120"));
    EXPECT_TRUE(has(todos[0], "SUMMARY:Follow up with Maria-Aparecida Conceição dos Santos Oliveira\\, Ph.D.\\; "
                              "Directora de Operações Ünicode ✓"));
    EXPECT_TRUE(has(todos[1], "DUE;VALUE=DATE:20261201"));
    EXPECT_TRUE(has(todos[1], "SUMMARY:Follow up with Ana Souza"));
    EXPECT_TRUE(has(todos[1], "STATUS:NEEDS-ACTION"));
    EXPECT_TRUE(has(events[1], "DTSTART;VALUE=DATE:20261201"));
    EXPECT_TRUE(has(events[1], "DTEND;VALUE=DATE:20261202"));
    EXPECT_TRUE(has(events[1], "RRULE:FREQ=DAILY;INTERVAL=14"));
    for (const auto& block : {todos[0], todos[1], events[0], events[1]}) {
        EXPECT_EQ(
            std::count_if(block.begin(), block.end(), [](const std::string& l) { return l.rfind("UID:", 0) == 0; }), 1);
        EXPECT_EQ(std::count_if(block.begin(), block.end(),
                                [](const std::string& l) { return l.rfind("DTSTAMP:", 0) == 0 && l.size() == 24; }),
                  1);
    }
}

TEST_F(ExportTest, AnExportReplacesTheFileOnlyWhenComplete)
{
    test::writeFile(dir.file("out.csv"), "old");
    exported(exporting::ExportFormat::Csv, "out.csv");
    EXPECT_NE(test::readFile(dir.file("out.csv")), "old");
    EXPECT_FALSE(workspace->exportTo(exporting::ExportFormat::Csv, dir.file("missing/dir/out.csv"), today()).ok());
}

TEST(TextEscaping, CsvCellsThatLookLikeFormulasGetAQuote)
{
    using exporting::csvCell;
    EXPECT_EQ(csvCell("=1+1"), "'=1+1");
    EXPECT_EQ(csvCell("+1"), "'+1");
    EXPECT_EQ(csvCell("-1"), "'-1");
    EXPECT_EQ(csvCell("@A1"), "'@A1");
    EXPECT_EQ(csvCell("\t=1"), "'\t=1");
    EXPECT_EQ(csvCell("\r=1"), "\"'\r=1\"");
    EXPECT_EQ(csvCell("a=b"), "a=b");
    EXPECT_EQ(csvCell("say \"hi\", ok"), "\"say \"\"hi\"\", ok\"");
    EXPECT_EQ(csvCell(""), "");
}

TEST(TextEscaping, FoldingNeverSplitsAUtf8Sequence)
{
    std::string line = "SUMMARY:";
    for (int i = 0; i < 60; ++i) {
        line += "✓";  // three octets each
    }
    const std::string folded = exporting::foldLine(line);
    expectFoldedLines(folded);
    std::size_t start = 0;
    while (start < folded.size()) {
        const auto end = folded.find("\r\n", start);
        const auto segment = folded.substr(start, end - start);
        const auto first = static_cast<unsigned char>(segment[segment[0] == ' ' ? 1 : 0]);
        EXPECT_NE(first & 0xC0U, 0x80U) << "a line starts inside a UTF-8 sequence";
        start = end + 2;
    }
    EXPECT_EQ(unfold(folded), std::vector<std::string>{line});
}

TEST(TextEscaping, ContentValuesEscapeSeparatorsAndLineBreaks)
{
    EXPECT_EQ(exporting::contentEscape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    EXPECT_EQ(exporting::xmlEscape("<a href=\"x\">&'\x01"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
}

// Gephi is not here to open the files, but our own importer reads GraphML and GEXF the way
// Gephi writes them: what we export must come back as the same people and links.
TEST_F(ExportTest, GraphMlAndGexfExportsImportBackIntoTheSameNetwork)
{
    for (const auto& [format, name] : {std::pair{exporting::ExportFormat::GraphMl, std::string("back.graphml")},
                                       std::pair{exporting::ExportFormat::Gexf, std::string("back.gexf")}}) {
        exported(format, name);
        auto copy = Workspace::openInMemory();
        const auto imported = copy->importFiles({dir.file(name)}, ImportOptions{.nameSpace = "wp"});
        ASSERT_TRUE(imported.ok()) << name << ": " << imported.error().describe();
        ASSERT_EQ(imported->size(), 1U);
        EXPECT_EQ(imported->front().counts.personsAdded, 11) << name << ": every person of the export";
        EXPECT_EQ(imported->front().counts.linksAdded, 4) << name << ": every link of the export";
        EXPECT_TRUE(copy->resolve("Zoë Ünicode ✓").ok()) << name << ": names survive the round trip";
        EXPECT_TRUE(copy->resolve(kLongName).ok()) << name;
    }
}
