#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/ColumnMapping.h"
#include "import/Records.h"
#include "util/Result.h"

namespace warmpath::import {

/// Every format `import` reads; the names are the `--format` values. `Csv` is a CSV that is no
/// export Warmpath knows, read by the columns the user maps to fields (`--columns`).
enum class Format {
    LinkedIn,
    XArchive,
    Mastodon,
    Google,
    Outlook,
    Thunderbird,
    VCard,
    Csv,
    GraphMl,
    Gexf,
    Gml,
    Pajek,
    EdgeList
};

[[nodiscard]] std::string_view formatName(Format format);
[[nodiscard]] std::optional<Format> formatFromName(std::string_view name);
[[nodiscard]] const std::vector<Format>& allFormats();

/// Tells the format from the content (the first few kilobytes, or the folder's files), never
/// from the file name alone. UTF-16 is recognised from the bytes before any format is guessed. A
/// CSV with a header that is no known export is `Csv` (to be read with a column mapping); an
/// edge list only when its lines read as edges; anything else is an Error naming the file.
Result<Format> sniffFormat(const std::filesystem::path& path);

/// What a parser is given.
struct ParseInput {
    std::filesystem::path path;
    std::string label;        ///< how messages name the file
    std::string nameSpace;    ///< graph formats: the network of node-id identities
    bool undirected = false;  ///< edge lists: each line is a link each way (the user said so)
    /// Csv: which columns are which fields; null reads the columns named like fields.
    const ColumnMapping* columns = nullptr;
};

/// One parser per format: reads the file as a stream and hands records to the sink as it goes.
/// Returns an Error naming file, line and column for input that is malformed beyond recovery.
class Parser {
public:
    virtual ~Parser() = default;
    Parser() = default;
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
    Parser(Parser&&) = delete;
    Parser& operator=(Parser&&) = delete;

    virtual Status parse(const ParseInput& input, RecordSink& sink) = 0;
    /// Graph formats create people for node ids links mention; others do not.
    [[nodiscard]] virtual bool usesNamespace() const { return false; }
};

[[nodiscard]] std::unique_ptr<Parser> makeParser(Format format);

}  // namespace warmpath::import
