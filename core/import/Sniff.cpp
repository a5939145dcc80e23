// sniffFormat: the format of a file from its content. Structured formats announce themselves
// (`BEGIN:VCARD`, `<graphml`, `*Vertices`, an export's header); what is left is either an edge
// list, whose lines read as edges, or a CSV with a header that is no export Warmpath knows, or
// something else, which is an error: a wrong guess must never end in a parser's complaint about a
// format the file is not.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/ColumnMapping.h"
#include "import/Format.h"
#include "import/TextEncoding.h"
#include "import/TextInput.h"
#include "import/parsers/Contacts.h"
#include "import/parsers/EdgeListLine.h"

namespace warmpath::import {
namespace {

constexpr std::size_t kSniffBytes = std::size_t{64} * 1024;
/// Lines of a table looked at to tell an edge list from a CSV.
constexpr std::size_t kSampleLines = 50;

bool contains(std::string_view haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string_view::npos;
}

std::string_view firstLine(std::string_view text)
{
    return text.substr(0, text.find('\n'));
}

bool looksLikeMastodonList(std::string_view head, bool complete)
{
    // lists.csv has no header: `list title,user@host` on every line.
    std::size_t lines = 0;
    std::size_t start = 0;
    while (start < head.size() && lines < 20) {
        std::size_t end = head.find('\n', start);
        const bool whole = end != std::string_view::npos || complete;
        std::string_view line = trim(head.substr(start, end == std::string_view::npos ? end : end - start));
        start = end == std::string_view::npos ? head.size() : end + 1;
        if (line.empty()) {
            continue;
        }
        if (!whole) {
            break;  // cut off by the sniffing window
        }
        const auto comma = line.rfind(',');
        if (comma == std::string_view::npos) {
            return false;
        }
        const std::string_view account = trim(line.substr(comma + 1));
        const auto at = account.find('@', 1);
        if (at == std::string_view::npos || account.find('.', at) == std::string_view::npos ||
            account.find(' ') != std::string_view::npos) {
            return false;
        }
        ++lines;
    }
    return lines > 0;
}

/// Outlook's and Thunderbird's contact exports, by their header's column names.
std::optional<Format> contactExport(const std::vector<std::string>& header)
{
    std::vector<std::string> names;
    names.reserve(header.size());
    for (const std::string& column : header) {
        names.push_back(lowerAscii(trim(column)));
    }
    const auto has = [&](std::string_view name) { return std::find(names.begin(), names.end(), name) != names.end(); };
    if (has("primary email") && (has("display name") || has("first name"))) {
        return Format::Thunderbird;
    }
    if ((has("first name") || has("last name")) &&
        (has("e-mail address") || has("e-mail 2 address") || has("e-mail display name"))) {
        return Format::Outlook;
    }
    return std::nullopt;
}

/// A line of a table and where it is.
struct TableLine {
    std::string_view text;
    std::size_t number = 0;
};

enum class Shape { Number, Email, Text };

Shape shapeOf(std::string_view value)
{
    value = trim(value);
    if (isNumber(value)) {
        return Shape::Number;
    }
    return contains(value, "@") ? Shape::Email : Shape::Text;
}

/// Column names: at least two, none a number or an address, none long, none with the brackets,
/// quotes or `=` of code and markup (`{"people": [...]}` is no header).
bool looksLikeHeader(const std::vector<std::string>& fields)
{
    std::size_t named = 0;
    for (const std::string& field : fields) {
        const std::string_view name = trim(field);
        if (name.empty()) {
            continue;  // Thunderbird's trailing comma, a spreadsheet's unnamed column
        }
        const bool hasLetter = std::any_of(name.begin(), name.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
        });
        if (!hasLetter || name.size() > 100 || shapeOf(name) != Shape::Text ||
            name.find_first_of("{}[]<>\"=\\`") != std::string_view::npos) {
            return false;
        }
        ++named;
    }
    return named >= 2;
}

/// A first line of words above rows that hold numbers or addresses in the same column (`name,email`
/// over `ana,ana@example.com`) is a header, even where every line would also read as an edge; so is
/// such a line alone (a CSV with no rows yet), which as an edge list would be one edge between
/// people called "name" and "email".
bool headerAboveOtherShapes(const std::vector<std::string>& header, const std::vector<TableLine>& lines, char separator)
{
    if (lines.size() < 2) {
        return true;
    }
    for (std::size_t column = 0; column < header.size(); ++column) {
        bool differs = true;
        for (std::size_t i = 1; i < lines.size() && differs; ++i) {
            const std::vector<std::string> row = splitCsvLine(lines[i].text, separator);
            differs = column < row.size() && shapeOf(row[column]) != Shape::Text;
        }
        if (differs) {
            return true;
        }
    }
    return false;
}

/// The kind of values a column Warmpath knows holds: a field (`email`, `name`, `handle:phone`) or
/// a column of a contact export (`E-mail Address`, `Display Name`); nullopt for any other name.
std::optional<ContactColumn> knownColumn(std::string_view name)
{
    if (const std::optional<ColumnChoice> field = columnChoice(name, {})) {
        if (field->field == Field::Email) {
            return ContactColumn::Email;
        }
        return field->field == Field::Handle && field->network == "phone" ? ContactColumn::Phone : ContactColumn::Text;
    }
    return contactExportColumn(name);
}

bool fits(ContactColumn kind, std::string_view value)
{
    const auto has = [&](auto predicate) { return std::any_of(value.begin(), value.end(), predicate); };
    switch (kind) {
    case ContactColumn::Email:
        return contains(value, "@");
    case ContactColumn::Phone:
        return has([](char c) { return c >= '0' && c <= '9'; });
    case ContactColumn::Text:
        break;
    }
    return has([](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
    });
}

/// A CSV of one column: a first line that names one column Warmpath knows (besides blank ones, as
/// Thunderbird's trailing comma leaves), above rows that hold nothing but values of that kind
/// under it (addresses under `email`, words under `Name`). A word above any other list, or above
/// prose with commas, is not.
bool oneKnownColumnAbove(const std::vector<TableLine>& lines, char separator)
{
    const char split = separator != '\0' ? separator : ',';
    const std::vector<std::string> header = splitCsvLine(lines.front().text, split);
    const auto named = [](const std::string& cell) { return !trim(cell).empty(); };
    if (std::count_if(header.begin(), header.end(), named) != 1) {
        return false;
    }
    const auto column = static_cast<std::size_t>(std::find_if(header.begin(), header.end(), named) - header.begin());
    const std::optional<ContactColumn> kind = knownColumn(header[column]);
    if (!kind) {
        return false;
    }
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::vector<std::string> row = splitCsvLine(lines[i].text, split);
        for (std::size_t cell = 0; cell < row.size(); ++cell) {
            const std::string_view value = trim(row[cell]);
            if (!value.empty() && (cell != column || !fits(*kind, value))) {
                return false;
            }
        }
    }
    return true;
}

/// What is left once no structured format matched: an edge list, a CSV with a header, or neither.
Result<Format> sniffTable(std::string_view text, bool complete, const std::string& label)
{
    std::vector<TableLine> lines;
    std::size_t number = 0;
    for (std::size_t start = 0; start < text.size() && lines.size() < kSampleLines;) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos && !complete) {
            break;  // cut off by the sniffing window
        }
        std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
        start = end == std::string_view::npos ? text.size() : end + 1;
        ++number;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        const std::string_view content = trim(line);
        if (!content.empty() && content.front() != '#' && content.front() != '%') {
            lines.push_back(TableLine{.text = line, .number = number});
        }
    }
    if (lines.empty()) {
        return Format::EdgeList;  // comments only: an edge list without edges
    }
    const TableLine& first = lines.front();
    const EdgeLine firstEdge = splitEdgeLine(first.text);
    if (isEdgeListHeader(firstEdge)) {
        return Format::EdgeList;
    }
    const char separator = csvSeparatorOf(first.text);
    const std::vector<std::string> fields =
        separator != '\0' ? splitCsvLine(first.text, separator) : std::vector<std::string>();
    const bool header = looksLikeHeader(fields);
    const bool oneColumn = oneKnownColumnAbove(lines, separator);
    const auto edges = static_cast<std::size_t>(std::count_if(
        lines.begin(), lines.end(), [](const TableLine& line) { return isEdge(splitEdgeLine(line.text)); }));
    // An edge list may have a malformed line (its parser names it), but most of its lines are edges.
    if (isEdge(firstEdge) && edges * 4 >= lines.size() * 3) {
        return (header && headerAboveOtherShapes(fields, lines, separator)) || oneColumn ? Format::Csv
                                                                                         : Format::EdgeList;
    }
    if (header || oneColumn) {
        return Format::Csv;
    }
    return Error("no format Warmpath knows: not a contact export, a follow list, a network file nor a CSV with a "
                 "header; if it is one of them, name it with --format",
                 label, first.number, 1);
}

Result<Format> sniffText(std::string_view raw, bool complete, const std::string& label)
{
    const std::string decoded = decodeToUtf8(raw);
    const std::string_view body = trim(decoded);
    const std::string lowerHead = lowerAscii(body.substr(0, 4096));

    if (body.substr(0, 11) == "window.YTD." || body.substr(0, 20) == "window.__THAR_CONFIG") {
        return Format::XArchive;
    }
    if (lowerHead.substr(0, 11) == "begin:vcard") {
        return Format::VCard;
    }
    if (body.substr(0, 1) == "<") {
        // Root elements may carry a namespace prefix (`<g:gexf`).
        if (contains(lowerHead, "<gexf") || contains(lowerHead, ":gexf ")) {
            return Format::Gexf;
        }
        if (contains(lowerHead, "<graphml") || contains(lowerHead, ":graphml ")) {
            return Format::GraphMl;
        }
        return Error("an XML file that is neither GraphML nor GEXF", label, 1, 1);
    }
    std::string_view pajekHead = lowerHead;
    while (!pajekHead.empty() && pajekHead.front() == '%') {  // Pajek comments before the first section
        const auto eol = pajekHead.find('\n');
        pajekHead = eol == std::string_view::npos ? std::string_view() : trim(pajekHead.substr(eol + 1));
    }
    if (pajekHead.substr(0, 1) == "*" &&
        (pajekHead.substr(0, 9) == "*vertices" || pajekHead.substr(0, 8) == "*network" ||
         pajekHead.substr(0, 5) == "*arcs" || pajekHead.substr(0, 6) == "*edges")) {
        return Format::Pajek;
    }
    {
        // GML: optional `Creator "..."`/`Version`/comment lines, then `graph [`.
        std::string collapsed;
        for (char c : lowerHead) {
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                collapsed += c;
            }
        }
        const auto graph = collapsed.find("graph[");
        if (graph != std::string::npos && (graph == 0 || collapsed.substr(0, 7) == "creator" ||
                                           collapsed.substr(0, 7) == "version" || collapsed.front() == '#')) {
            return Format::Gml;
        }
    }
    if (contains(decoded, std::string_view("\0", 1))) {
        return Error("a binary file, not one of the formats Warmpath reads", label);
    }
    const std::string header = lowerAscii(firstLine(body));
    if (header.substr(0, 6) == "notes:" || (contains(header, "first name") && contains(header, "connected on"))) {
        return Format::LinkedIn;
    }
    if (header.substr(0, 15) == "account address") {
        return Format::Mastodon;
    }
    if (contains(header, "given name") || contains(header, "e-mail 1 - value") ||
        contains(header, "group membership") || (contains(header, "first name") && contains(header, "labels"))) {
        return Format::Google;
    }
    if (const char separator = csvSeparatorOf(firstLine(body)); separator != '\0') {
        if (auto contacts = contactExport(splitCsvLine(trim(firstLine(body)), separator))) {
            return *contacts;
        }
    }
    if (looksLikeMastodonList(body, complete)) {
        return Format::Mastodon;
    }
    return sniffTable(decoded, complete, label);
}

}  // namespace

Result<Format> sniffFormat(const std::filesystem::path& path)
{
    const std::string label = path.string();
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        if (std::filesystem::exists(path / "data", ec) || std::filesystem::exists(path / "following.js", ec) ||
            std::filesystem::exists(path / "manifest.js", ec)) {
            return Format::XArchive;
        }
        return Error("a folder that is not an X archive (no data/ folder inside)", label);
    }
    auto stream = FileStream::open(path);
    if (!stream) {
        return stream.error();
    }
    const std::string head = readUpTo(**stream, kSniffBytes);
    if (trim(head).empty()) {
        return Error("the file is empty", label);
    }
    if (head.substr(0, 4) == "PK\x03\x04") {
        return Format::XArchive;
    }
    return sniffText(head, head.size() < kSniffBytes, label);
}

}  // namespace warmpath::import
