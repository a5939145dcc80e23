// Contact CSVs read by their header's column names, never by position: Outlook's English export
// (the desktop program's full header, Outlook.com's, or only a few of their columns),
// Thunderbird's address book (older versions end the header and every row with a comma) and any
// CSV whose columns the user maps to fields (`import --columns`). Each row is someone I know.
// Windows programs write these files in the system's character set: text that is not UTF-8 is
// read as Windows-1252, with a warning.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "import/Charset.h"
#include "import/ColumnMapping.h"
#include "import/ProfileUrls.h"
#include "import/TextInput.h"
#include "import/parsers/Contacts.h"
#include "import/parsers/Parsers.h"

namespace warmpath::import {
namespace {

using Names = std::vector<std::string_view>;

/// Where one kind of export keeps a contact's details, by column name. Lists are tried in order
/// (the first non-empty value wins) or all read (identities, tags, notes).
struct Layout {
    std::string_view what;  ///< how an error calls the file: "an Outlook contacts CSV"
    Names name, first, middle, last, fallbackName, emails, phones, urls, organisation, title, location, tags, notes;
    Names emailTypes;  ///< the column saying what kind of address each of `emails` is (`SMTP`, `EX`)
    Names required;    ///< the header has at least one of these
};

const Layout& outlookLayout()
{
    static const Layout layout{
        .what = "an Outlook contacts CSV",
        .name = {},
        .first = {"First Name"},
        .middle = {"Middle Name"},
        .last = {"Last Name"},
        .fallbackName = {"Nickname"},
        .emails = {"E-mail Address", "E-mail 2 Address", "E-mail 3 Address"},
        .phones = {"Mobile Phone", "Primary Phone", "Business Phone", "Business Phone 2", "Home Phone", "Home Phone 2",
                   "Other Phone", "Car Phone", "Company Main Phone"},
        .urls = {"Web Page", "Personal Web Page"},
        .organisation = {"Company"},
        .title = {"Job Title"},
        .location = {"Business City", "Home City", "Other City"},
        .tags = {"Categories"},
        .notes = {"Notes"},
        .emailTypes = {"E-mail Type", "E-mail 2 Type", "E-mail 3 Type"},
        .required = {"First Name", "Last Name", "E-mail Address"},
    };
    return layout;
}

const Layout& thunderbirdLayout()
{
    static const Layout layout{
        .what = "a Thunderbird address book CSV",
        .name = {"Display Name"},
        .first = {"First Name"},
        .middle = {},
        .last = {"Last Name"},
        .fallbackName = {"Nickname"},
        .emails = {"Primary Email", "Secondary Email"},
        .phones = {"Mobile Number", "Work Phone", "Home Phone"},
        .urls = {"Web Page 1", "Web Page 2"},
        .organisation = {"Organization"},
        .title = {"Job Title"},
        .location = {"Work City", "Home City"},
        .tags = {},
        .notes = {"Notes"},
        .emailTypes = {},
        .required = {"Display Name", "Primary Email"},
    };
    return layout;
}

using Indices = std::vector<std::size_t>;

/// A column of e-mail addresses, and the one that says what kind of address each is (Outlook's).
struct EmailColumn {
    std::size_t address = 0;
    std::optional<std::size_t> type;
};

/// A Layout or a ColumnMapping resolved against one file's header: column indices.
struct Columns {
    Indices name, first, middle, last, fallbackName, phones, urls, organisation, title, location, tags, notes;
    std::vector<EmailColumn> emails;
    std::vector<std::pair<std::size_t, std::string>> handles;  ///< column, network
};

/// A header's columns by name (ignoring case and surrounding space); a name may be there twice.
class Header {
public:
    explicit Header(const std::vector<std::string>& names)
    {
        for (std::size_t i = 0; i < names.size(); ++i) {
            m_index[lowerAscii(trim(names[i]))].push_back(i);
        }
    }
    /// The `occurrence`-th column of that name (0: the first).
    [[nodiscard]] std::optional<std::size_t> find(std::string_view name, std::size_t occurrence = 0) const
    {
        const auto it = m_index.find(lowerAscii(trim(name)));
        if (it == m_index.end() || occurrence >= it->second.size()) {
            return std::nullopt;
        }
        return it->second[occurrence];
    }
    [[nodiscard]] Indices all(const Names& names) const
    {
        Indices found;
        for (std::string_view name : names) {
            if (auto index = find(name)) {
                found.push_back(*index);
            }
        }
        return found;
    }

private:
    std::unordered_map<std::string, Indices> m_index;
};

Columns resolve(const Layout& layout, const Header& header)
{
    std::vector<EmailColumn> emails;
    for (std::size_t i = 0; i < layout.emails.size(); ++i) {
        if (const auto address = header.find(layout.emails[i])) {
            emails.push_back(
                EmailColumn{.address = *address,
                            .type = i < layout.emailTypes.size() ? header.find(layout.emailTypes[i]) : std::nullopt});
        }
    }
    return Columns{.name = header.all(layout.name),
                   .first = header.all(layout.first),
                   .middle = header.all(layout.middle),
                   .last = header.all(layout.last),
                   .fallbackName = header.all(layout.fallbackName),
                   .phones = header.all(layout.phones),
                   .urls = header.all(layout.urls),
                   .organisation = header.all(layout.organisation),
                   .title = header.all(layout.title),
                   .location = header.all(layout.location),
                   .tags = header.all(layout.tags),
                   .notes = header.all(layout.notes),
                   .emails = std::move(emails),
                   .handles = {}};
}

Columns resolve(const ColumnMapping& mapping, const Header& header)
{
    Columns columns;
    // `email=email,email=email` over two columns called `email`: the first, then the second.
    std::unordered_map<std::string, std::size_t> taken;
    for (const ColumnChoice& choice : mapping.choices) {
        std::size_t& occurrence = taken[lowerAscii(trim(choice.column))];
        std::optional<std::size_t> index = header.find(choice.column, occurrence++);
        if (!index) {
            index = header.find(choice.column);  // named more often than the header has it
        }
        if (!index) {
            continue;  // checkColumns has said so
        }
        switch (choice.field) {
        case Field::Name:
            columns.name.push_back(*index);
            break;
        case Field::First:
            columns.first.push_back(*index);
            break;
        case Field::Last:
            columns.last.push_back(*index);
            break;
        case Field::Email:
            columns.emails.push_back(EmailColumn{.address = *index, .type = std::nullopt});
            break;
        case Field::Organisation:
            columns.organisation.push_back(*index);
            break;
        case Field::Title:
            columns.title.push_back(*index);
            break;
        case Field::Url:
            columns.urls.push_back(*index);
            break;
        case Field::Handle:
            columns.handles.emplace_back(*index, choice.network);
            break;
        case Field::Tags:
            columns.tags.push_back(*index);
            break;
        case Field::Note:
            columns.notes.push_back(*index);
            break;
        }
    }
    return columns;
}

/// Splits a cell holding several values: `a@x.org; b@y.org`, `Friends;Work`.
std::vector<std::string> splitValues(std::string_view cell, std::string_view separators)
{
    std::vector<std::string> values;
    std::size_t start = 0;
    while (start <= cell.size()) {
        const std::size_t end = cell.find_first_of(separators, start);
        const std::string_view value = trim(cell.substr(start, end == std::string_view::npos ? end : end - start));
        if (!value.empty()) {
            values.emplace_back(value);
        }
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    return values;
}

std::string inBackticks(std::string_view value)
{
    return "`" + std::string(value.substr(0, 60)) + (value.size() > 60 ? "...`" : "`");
}

/// Outlook writes a mailbox of the user's Exchange organisation as its X.500 name,
/// `/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=...`, with
/// the type `EX`: one name with spaces in it, never an e-mail address, so the cell is taken whole.
bool isExchangeAddress(std::string_view cell, std::string_view type)
{
    return lowerAscii(cell.substr(0, 3)) == "/o=" || lowerAscii(trim(type)) == "ex";
}

class ContactCsvParser final : public Parser {
public:
    /// Null: the columns come from ParseInput::columns (or are named like the fields).
    explicit ContactCsvParser(const Layout* layout) : m_layout(layout) {}

    Status parse(const ParseInput& input, RecordSink& sink) override
    {
        Result<CsvFile> csv = CsvFile::open(input.path, input.label);
        if (!csv) {
            return csv.error();
        }
        std::vector<std::string> row;
        std::optional<Columns> columns;
        std::size_t rows = 0;
        for (;;) {
            Result<bool> more = csv->next(row);
            if (!more) {
                return more.error();
            }
            if (!*more) {
                break;
            }
            readAsUtf8(row, csv->recordLine(), sink);
            if (!columns) {
                Result<Columns> found = columnsOf(row, input, csv->recordLine());
                if (!found) {
                    return found.error();
                }
                columns = std::move(found).value();
                continue;
            }
            readRow(*columns, row, csv->recordLine(), sink);
            if (++rows % 4096 == 0) {
                sink.progress(csv->bytesConsumed());
            }
        }
        if (!columns) {
            return Error("the file is empty", input.label, 1, 1);
        }
        sink.progress(csv->bytesConsumed());
        return {};
    }

private:
    Result<Columns> columnsOf(const std::vector<std::string>& names, const ParseInput& input, std::size_t line) const
    {
        const Header header(names);
        if (m_layout != nullptr) {
            if (header.all(m_layout->required).empty()) {
                std::string wanted;
                for (std::string_view name : m_layout->required) {
                    wanted += (wanted.empty() ? "" : ", ") + std::string(name);
                }
                return Error("not " + std::string(m_layout->what) + ": the header has none of " + wanted, input.label,
                             line, 1);
            }
            return resolve(*m_layout, header);
        }
        if (input.columns == nullptr) {
            const ColumnMapping named = selfNamedColumns(names);
            if (!named.identifiesPeople()) {
                return Error(unknownCsvMessage(names), input.label);
            }
            return resolve(named, header);
        }
        if (Status checked = checkColumns(*input.columns, names, input.label); !checked) {
            return checked.error();
        }
        if (!input.columns->identifiesPeople()) {
            return Error("the columns chosen name nobody: map a column to name, first, last, email, url or "
                         "handle:NETWORK",
                         input.label);
        }
        return resolve(*input.columns, header);
    }

    void readAsUtf8(std::vector<std::string>& row, std::size_t line, RecordSink& sink)
    {
        for (std::string& cell : row) {
            bool converted = false;
            cell = utf8OrWindows1252(cell, &converted);
            if (converted && !std::exchange(m_warnedEncoding, true)) {
                sink.warning(line, "text that is not UTF-8 read as Windows-1252 (what Windows programs write)");
            }
        }
    }

    static std::string firstOf(const std::vector<std::string>& row, const Indices& columns)
    {
        for (std::size_t column : columns) {
            if (column < row.size() && !trim(row[column]).empty()) {
                return std::string(trim(row[column]));
            }
        }
        return {};
    }

    /// Every non-empty value of `columns`, split where a cell holds several.
    static std::vector<std::string> valuesOf(const std::vector<std::string>& row, const Indices& columns,
                                             std::string_view separators)
    {
        std::vector<std::string> values;
        for (std::size_t column : columns) {
            if (column < row.size()) {
                for (std::string& value : splitValues(row[column], separators)) {
                    values.push_back(std::move(value));
                }
            }
        }
        return values;
    }

    static void readRow(const Columns& c, const std::vector<std::string>& row, std::size_t line, RecordSink& sink)
    {
        PersonRecord record;
        record.line = line;
        record.name = firstOf(row, c.name);
        if (record.name.empty()) {
            record.name = joinName({firstOf(row, c.first), firstOf(row, c.middle), firstOf(row, c.last)});
        }
        if (record.name.empty()) {
            record.name = firstOf(row, c.fallbackName);
        }
        record.organisation = firstOf(row, c.organisation);
        record.title = firstOf(row, c.title);
        record.location = firstOf(row, c.location);
        for (const EmailColumn& column : c.emails) {
            const std::string_view cell = column.address < row.size() ? trim(row[column.address]) : "";
            const std::string_view type =
                column.type && *column.type < row.size() ? std::string_view(row[*column.type]) : std::string_view();
            if (!cell.empty() && isExchangeAddress(cell, type)) {
                sink.warning(line, inBackticks(cell) + " is an Exchange address, not an e-mail address; ignored");
                continue;
            }
            for (const std::string& email : splitValues(cell, ";, \t")) {
                if (email.find('@') == std::string::npos) {
                    sink.warning(line, inBackticks(email) + " is not an e-mail address; ignored");
                    continue;
                }
                record.identities.push_back(Identity{.network = "email", .key = email, .handle = {}, .url = {}});
            }
        }
        for (const std::string& phone : valuesOf(row, c.phones, ";")) {
            if (std::string digits = normalisePhone(phone); !digits.empty()) {
                record.identities.push_back(Identity{.network = "phone", .key = digits, .handle = {}, .url = {}});
            }
        }
        for (const std::string& url : valuesOf(row, c.urls, "; \t")) {
            std::optional<Identity> identity = identityFromUrl(url);
            if (!identity && url.find('.') != std::string::npos && url.find("://") == std::string::npos) {
                identity = identityFromUrl("https://" + url);  // `example.org/ana`, as people type them
            }
            if (!identity) {
                sink.warning(line, inBackticks(url) + " is not a web address; ignored");
                continue;
            }
            record.identities.push_back(std::move(*identity));
        }
        for (const auto& [column, network] : c.handles) {
            for (const std::string& handle : valuesOf(row, {column}, ";,")) {
                std::optional<Identity> identity = identityFromHandle(network, handle);
                if (!identity) {
                    sink.warning(line, inBackticks(handle) + " is not a " + network + " handle; ignored");
                    continue;
                }
                record.identities.push_back(std::move(*identity));
            }
        }
        record.tags = valuesOf(row, c.tags, ";,");
        for (std::size_t column : c.notes) {
            if (column < row.size() && !trim(row[column]).empty()) {
                record.notes.emplace_back(trim(row[column]));
            }
        }
        handOverContact(std::move(record), sink);
    }

    const Layout* m_layout;
    bool m_warnedEncoding = false;
};

}  // namespace

std::optional<ContactColumn> contactExportColumn(std::string_view name)
{
    const std::string key = lowerAscii(trim(name));
    const auto in = [&](const Names& names) {
        return std::any_of(names.begin(), names.end(),
                           [&](std::string_view known) { return lowerAscii(known) == key; });
    };
    for (const Layout* layout : {&outlookLayout(), &thunderbirdLayout()}) {
        if (in(layout->emails)) {
            return ContactColumn::Email;
        }
        if (in(layout->phones)) {
            return ContactColumn::Phone;
        }
        for (const Names* text :
             {&layout->name, &layout->first, &layout->middle, &layout->last, &layout->fallbackName, &layout->urls,
              &layout->organisation, &layout->title, &layout->location, &layout->tags, &layout->notes}) {
            if (in(*text)) {
                return ContactColumn::Text;
            }
        }
    }
    return std::nullopt;
}

std::unique_ptr<Parser> makeOutlookParser()
{
    return std::make_unique<ContactCsvParser>(&outlookLayout());
}

std::unique_ptr<Parser> makeThunderbirdParser()
{
    return std::make_unique<ContactCsvParser>(&thunderbirdLayout());
}

std::unique_ptr<Parser> makeMappedCsvParser()
{
    return std::make_unique<ContactCsvParser>(nullptr);
}

}  // namespace warmpath::import
