#include "import/ColumnMapping.h"

#include <algorithm>
#include <array>
#include <optional>

#include "import/Charset.h"
#include "import/TextInput.h"

namespace warmpath::import {
namespace {

struct FieldInfo {
    Field field;
    std::string_view name;
    bool repeatable;
};

constexpr std::array kFields = {
    FieldInfo{Field::Name, "name", false},
    FieldInfo{Field::First, "first", false},
    FieldInfo{Field::Last, "last", false},
    FieldInfo{Field::Email, "email", true},
    FieldInfo{Field::Organisation, "organisation", false},
    FieldInfo{Field::Title, "title", false},
    FieldInfo{Field::Url, "url", true},
    FieldInfo{Field::Handle, "handle", true},
    FieldInfo{Field::Tags, "tags", true},
    FieldInfo{Field::Note, "note", true},
};

constexpr std::string_view kFieldList =
    "name, first, last, email, organisation, title, url, handle:NETWORK, tags, note";

const FieldInfo& infoOf(Field field)
{
    return *std::find_if(kFields.begin(), kFields.end(), [&](const FieldInfo& info) { return info.field == field; });
}

bool isNetworkName(std::string_view network)
{
    return !network.empty() && std::all_of(network.begin(), network.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

/// `email`, `handle:bsky`, `organization`: the field a name stands for, or nullopt.
std::optional<ColumnChoice> choiceNamed(std::string_view text)
{
    const std::string name = lowerAscii(trim(text));
    if (name.rfind("handle:", 0) == 0) {
        const std::string network = name.substr(7);
        if (!isNetworkName(network)) {
            return std::nullopt;
        }
        return ColumnChoice{.field = Field::Handle, .network = network, .column = {}};
    }
    for (const FieldInfo& info : kFields) {
        if (info.name == name && info.field != Field::Handle) {
            return ColumnChoice{.field = info.field, .network = {}, .column = {}};
        }
    }
    if (name == "organization") {  // the American spelling, as the exports write it
        return ColumnChoice{.field = Field::Organisation, .network = {}, .column = {}};
    }
    return std::nullopt;
}

std::string columnKey(std::string_view column)
{
    return lowerAscii(trim(column));
}

/// `text` as one CSV field: in double quotes (doubled inside) when it holds a comma or a quote, so
/// that a list of names, or an item of `--columns`, reads back as it was meant.
std::string csvQuoted(std::string_view text)
{
    if (text.find_first_of(",\"") == std::string_view::npos) {
        return std::string(text);
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c == '"' ? "\"\"" : std::string(1, c);
    }
    return quoted + "\"";
}

/// The usage error for `cut`, an item of a `--columns` value that is no FIELD=COLUMN but the rest
/// of the column of item `choice` cut off at a comma (`note=Notes, misc`, or `note="Notes, misc"`
/// with the quotes around the column only), which goes on to item `last`. Shows the value as the
/// documentation writes it, the item in double quotes as a whole.
Error unquotedCommaError(const std::vector<std::string>& items, std::size_t choice, std::size_t cut, std::size_t last)
{
    std::string joined = items[choice];
    for (std::size_t i = choice + 1; i <= last; ++i) {
        joined += "," + items[i];
    }
    const std::size_t eq = joined.find('=');
    std::string column(trim(std::string_view(joined).substr(eq + 1)));
    if (!column.empty() && column.front() == '"') {
        column.erase(0, 1);
        if (!column.empty() && column.back() == '"') {
            column.pop_back();
        }
    }
    std::string value;
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string part;
        if (i == choice) {
            part = csvQuoted(std::string(trim(std::string_view(joined).substr(0, eq))) + "=" + column);
        } else if (i < choice || i > last) {
            part = csvQuoted(trim(items[i]));
        }
        if (!part.empty()) {
            value += (value.empty() ? "" : ",") + part;
        }
    }
    std::string shellWord;  // in single quotes, as the shell passes it on unchanged
    for (const char c : value) {
        shellWord += c == '\'' ? "'\\''" : std::string(1, c);
    }
    return Error("--columns: `" + items[cut] +
                 "` is no FIELD=COLUMN; a column name with a comma goes in double quotes " +
                 "together with its field: --columns '" + shellWord + "'");
}

}  // namespace

std::optional<ColumnChoice> columnChoice(std::string_view field, std::string column)
{
    std::optional<ColumnChoice> choice = choiceNamed(field);
    if (choice) {
        choice->column = std::move(column);
    }
    return choice;
}

std::string fieldName(const ColumnChoice& choice)
{
    const std::string name(infoOf(choice.field).name);
    return choice.field == Field::Handle ? name + ":" + choice.network : name;
}

const std::vector<std::string_view>& fieldNames()
{
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> all;
        all.reserve(kFields.size());
        for (const FieldInfo& info : kFields) {
            all.push_back(info.field == Field::Handle ? std::string_view("handle:NETWORK") : info.name);
        }
        return all;
    }();
    return names;
}

std::string ColumnMapping::toString() const
{
    std::string text;
    for (const ColumnChoice& choice : choices) {
        text += (text.empty() ? "" : ",") + fieldName(choice) + "=" + choice.column;
    }
    return text;
}

bool ColumnMapping::identifiesPeople() const
{
    return std::any_of(choices.begin(), choices.end(), [](const ColumnChoice& choice) {
        return choice.field == Field::Name || choice.field == Field::First || choice.field == Field::Last ||
               choice.field == Field::Email || choice.field == Field::Url || choice.field == Field::Handle;
    });
}

Status appendColumnMapping(ColumnMapping& mapping, std::string_view more)
{
    // Split as a CSV line, so that an item in double quotes may keep a comma: `"note=Notes, misc"`.
    const std::vector<std::string> items = splitCsvLine(more, ',');
    std::optional<std::size_t> lastChoice;  ///< the last item that was a FIELD=COLUMN
    for (std::size_t at = 0; at < items.size(); ++at) {
        const std::string& item = items[at];
        if (trim(item).empty()) {
            continue;
        }
        const auto eq = item.find('=');
        const std::string field(trim(std::string_view(item).substr(0, eq)));
        if (eq == std::string::npos) {
            if (lastChoice) {
                // The rest of the last column's name, cut off at a comma: up to the next item that
                // is a FIELD=COLUMN.
                std::size_t last = at;
                while (last + 1 < items.size() && items[last + 1].find('=') == std::string::npos) {
                    ++last;
                }
                return unquotedCommaError(items, *lastChoice, at, last);
            }
            return Error("--columns: `" + item + "` is no FIELD=COLUMN");
        }
        lastChoice = at;
        std::optional<ColumnChoice> choice = choiceNamed(field);
        if (!choice) {
            if (lowerAscii(field) == "handle" || lowerAscii(field).rfind("handle:", 0) == 0) {
                return Error("--columns: a handle field names its network in lower case: handle:NETWORK=COLUMN "
                             "(handle:mastodon, handle:bsky, handle:x, ...)");
            }
            return Error("--columns: unknown field '" + field + "'; the fields are " + std::string(kFieldList));
        }
        choice->column = std::string(trim(std::string_view(item).substr(eq + 1)));
        if (choice->column.empty()) {
            return Error("--columns: " + field + "= names no column");
        }
        if (!infoOf(choice->field).repeatable) {
            for (const ColumnChoice& earlier : mapping.choices) {
                if (earlier.field == choice->field) {
                    return Error("--columns: " + fieldName(*choice) +
                                 " is given twice (only email, url, handle:NETWORK, tags and note may be)");
                }
            }
        }
        mapping.choices.push_back(std::move(*choice));
    }
    return {};
}

Result<ColumnMapping> parseColumnMapping(std::string_view text)
{
    ColumnMapping mapping;
    if (Status appended = appendColumnMapping(mapping, text); !appended) {
        return appended.error();
    }
    if (mapping.choices.empty()) {
        return Error("--columns: no FIELD=COLUMN given");
    }
    return mapping;
}

Result<CsvPreview> readCsvPreview(const std::filesystem::path& path, std::size_t rows)
{
    Result<CsvFile> csv = CsvFile::open(path, path.string());
    if (!csv) {
        return csv.error();
    }
    CsvPreview preview;
    preview.separator = csv->separator();
    std::vector<std::string> row;
    while (preview.rows.size() < rows || preview.header.empty()) {
        Result<bool> more = csv->next(row);
        if (!more) {
            return more.error();
        }
        if (!*more) {
            break;
        }
        for (std::string& cell : row) {
            cell = utf8OrWindows1252(cell);
        }
        if (preview.header.empty()) {
            preview.header = row;
        } else {
            preview.rows.push_back(row);
        }
    }
    if (preview.header.empty()) {
        return Error("the file is empty", path.string());
    }
    return preview;
}

std::string columnList(const std::vector<std::string>& header)
{
    constexpr std::size_t kListed = 12;
    std::string list;
    std::size_t listed = 0;
    for (const std::string& column : header) {
        const std::string_view name = trim(column);
        if (name.empty()) {
            continue;
        }
        if (listed == kListed) {
            return list + ", ...";
        }
        list += (list.empty() ? "" : ", ") + csvQuoted(name.substr(0, 60));
        ++listed;
    }
    return list;
}

Status checkColumns(const ColumnMapping& mapping, const std::vector<std::string>& header, const std::string& label)
{
    for (const ColumnChoice& choice : mapping.choices) {
        const bool present = std::any_of(header.begin(), header.end(), [&](const std::string& column) {
            return columnKey(column) == columnKey(choice.column);
        });
        if (!present) {
            return Error("--columns: no column '" + choice.column + "' (for " + fieldName(choice) +
                             "); the columns are " + columnList(header),
                         label);
        }
    }
    return {};
}

ColumnMapping selfNamedColumns(const std::vector<std::string>& header)
{
    ColumnMapping mapping;
    for (const std::string& column : header) {
        std::optional<ColumnChoice> choice = choiceNamed(column);
        if (!choice) {
            continue;
        }
        const bool taken =
            std::any_of(mapping.choices.begin(), mapping.choices.end(), [&](const ColumnChoice& earlier) {
                return earlier.field == choice->field && !infoOf(choice->field).repeatable;
            });
        if (!taken) {
            choice->column = std::string(trim(column));
            mapping.choices.push_back(std::move(*choice));
        }
    }
    return mapping;
}

std::string unknownCsvMessage(const std::vector<std::string>& header)
{
    return "a CSV with columns " + columnList(header) +
           " that is no export Warmpath knows; import it with --columns name=COL,email=COL,...";
}

}  // namespace warmpath::import
