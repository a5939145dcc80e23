#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/Result.h"

namespace warmpath::import {

/// What a column of a CSV that is no known export can be (`import --columns FIELD=COLUMN,...`).
enum class Field { Name, First, Last, Email, Organisation, Title, Url, Handle, Tags, Note };

/// One column given a field: `email=Work mail`, `handle:mastodon=Fediverse`.
struct ColumnChoice {
    Field field = Field::Name;
    std::string network;  ///< Handle only: the network of the handles (`mastodon`, `bsky`, `x`, ...)
    std::string column;   ///< the header's name for it (matched ignoring case and surrounding space)

    friend bool operator==(const ColumnChoice&, const ColumnChoice&) = default;
};

/// Which columns of a CSV become which details of a contact. Each row is someone I know.
struct ColumnMapping {
    std::vector<ColumnChoice> choices;

    /// `name=Full name,email=Mail,email=Mail 2,...`, the text after `--columns`.
    [[nodiscard]] std::string toString() const;
    /// True when some column can name or identify a person (name, first, last, email, url or a
    /// handle); a mapping without one would only skip rows.
    [[nodiscard]] bool identifiesPeople() const;
    friend bool operator==(const ColumnMapping&, const ColumnMapping&) = default;
};

/// The field names as `--columns` spells them, in the order the help lists them
/// (`handle:NETWORK` stands for every handle field).
[[nodiscard]] const std::vector<std::string_view>& fieldNames();
/// `email`, `handle:mastodon`: the name of a choice's field.
[[nodiscard]] std::string fieldName(const ColumnChoice& choice);

/// `column` given the field `field` names (`email`, `handle:bsky`; `organization` too), or
/// nullopt when `field` is no field.
[[nodiscard]] std::optional<ColumnChoice> columnChoice(std::string_view field, std::string column);

/// Parses `FIELD=COLUMN[,FIELD=COLUMN...]`, split as a CSV line (`"note=Notes, misc"` keeps its
/// comma). `email`, `url`, `handle:NETWORK`, `tags` and `note` may be given several times; the
/// others once. An unknown field, a missing `=` or column, or a field given twice is an Error (a
/// usage error for the CLI); a comma outside the quotes of an item is one that shows the item quoted.
Result<ColumnMapping> parseColumnMapping(std::string_view text);
/// Adds the choices of `more` (another `--columns` option) to `mapping`, with the same checks.
Status appendColumnMapping(ColumnMapping& mapping, std::string_view more);

/// The header and first rows of a CSV, for choosing its columns.
struct CsvPreview {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    char separator = ',';
};

/// Reads the header (the first non-blank record) and up to `rows` rows after it. The separator is
/// the header's (comma, tab or semicolon); UTF-16 files are decoded; text that is not UTF-8 is
/// read as Windows-1252, as the mapped import reads it.
Result<CsvPreview> readCsvPreview(const std::filesystem::path& path, std::size_t rows);

/// The header's column names, listed for a message: `A, B, C` (blank ones left out; after 12, `...`;
/// a name with a comma or a double quote in CSV's double quotes, so that the list reads one way).
[[nodiscard]] std::string columnList(const std::vector<std::string>& header);

/// An Error naming `label` and the first column of `mapping` the header does not have, or success.
Status checkColumns(const ColumnMapping& mapping, const std::vector<std::string>& header, const std::string& label);

/// The columns whose names are field names (`name`, `email`, `handle:bsky`, ...): what
/// `--format csv` without `--columns` reads.
[[nodiscard]] ColumnMapping selfNamedColumns(const std::vector<std::string>& header);

/// What the import of an unknown CSV without a mapping says: `a CSV with columns A, B, C that is no
/// export Warmpath knows; import it with --columns name=COL,email=COL,...`.
[[nodiscard]] std::string unknownCsvMessage(const std::vector<std::string>& header);

}  // namespace warmpath::import
