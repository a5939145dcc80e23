// Pajek `.net`: `*Vertices N`, then `id "label" [x y z ...]` lines; `*Arcs` (directed) and
// `*Edges` (undirected) with `source target [weight]` lines, or `*Arcslist`/`*Edgeslist` with
// `source target target ...`; `%` starts a comment; `*Network NAME` is allowed. `*Matrix` is
// refused (adjacency matrices are not social exports).

#include <vector>

#include "import/TextInput.h"
#include "import/parsers/Parsers.h"

namespace warmpath::import {
namespace {

enum class Section { None, Vertices, Arcs, Edges, ArcsList, EdgesList };

/// Splits a Pajek line into fields; double-quoted fields may hold spaces.
bool splitFields(std::string_view line, std::vector<std::string>& fields, std::size_t& badColumn)
{
    fields.clear();
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
            ++i;
        }
        if (i >= line.size()) {
            break;
        }
        if (line[i] == '"') {
            const auto close = line.find('"', i + 1);
            if (close == std::string_view::npos) {
                badColumn = i + 1;
                return false;
            }
            fields.emplace_back(line.substr(i + 1, close - i - 1));
            i = close + 1;
            continue;
        }
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t') {
            ++i;
        }
        fields.emplace_back(line.substr(start, i - start));
    }
    return true;
}

class PajekParser final : public Parser {
public:
    Status parse(const ParseInput& input, RecordSink& sink) override
    {
        auto stream = openTextFile(input.path);
        if (!stream) {
            return stream.error();
        }
        LineReader lines(**stream);
        std::string_view line;
        std::vector<std::string> fields;
        Section section = Section::None;
        bool sawSection = false;
        try {
            while (lines.next(line)) {
                const std::size_t lineNo = lines.lineNumber();
                if ((lineNo & 0xffff) == 0) {
                    sink.progress(lines.bytesConsumed());
                }
                const std::string_view text = trim(line);
                if (text.empty() || text.front() == '%') {
                    continue;
                }
                if (text.front() == '*') {
                    const std::string keyword = lowerAscii(text.substr(0, text.find_first_of(" \t")));
                    sawSection = true;
                    if (keyword == "*vertices") {
                        section = Section::Vertices;
                    } else if (keyword == "*arcs") {
                        section = Section::Arcs;
                    } else if (keyword == "*edges") {
                        section = Section::Edges;
                    } else if (keyword == "*arcslist") {
                        section = Section::ArcsList;
                    } else if (keyword == "*edgeslist") {
                        section = Section::EdgesList;
                    } else if (keyword == "*network") {
                        section = Section::None;
                    } else {
                        return Error("unsupported Pajek section " + keyword.substr(0, 20), input.label, lineNo, 1);
                    }
                    continue;
                }
                std::size_t badColumn = 0;
                if (!splitFields(text, fields, badColumn)) {
                    return Error("a quoted label is never closed", input.label, lineNo, badColumn);
                }
                switch (section) {
                case Section::None:
                    return Error(sawSection ? "a line outside any *Vertices, *Arcs or *Edges section"
                                            : "not a Pajek file: expected *Vertices",
                                 input.label, lineNo, 1);
                case Section::Vertices: {
                    PersonRecord record;
                    record.key = fields[0];
                    record.name = fields.size() > 1 ? fields[1] : std::string();
                    record.anonymous = true;
                    record.line = lineNo;
                    record.identities.push_back(
                        Identity{.network = input.nameSpace, .key = fields[0], .handle = {}, .url = {}});
                    sink.person(std::move(record));
                    break;
                }
                case Section::Arcs:
                case Section::Edges:
                    if (fields.size() < 2) {
                        return Error("an arc or edge needs a source and a target", input.label, lineNo, 1);
                    }
                    sink.link(LinkRecord{
                        .from = fields[0], .to = fields[1], .bothWays = section == Section::Edges, .line = lineNo});
                    break;
                case Section::ArcsList:
                case Section::EdgesList:
                    for (std::size_t i = 1; i < fields.size(); ++i) {
                        sink.link(LinkRecord{.from = fields[0],
                                             .to = fields[i],
                                             .bothWays = section == Section::EdgesList,
                                             .line = lineNo});
                    }
                    break;
                }
            }
        } catch (const std::length_error& e) {
            return Error(e.what(), input.label, lines.lineNumber() + 1);
        }
        if (!sawSection) {
            return Error("not a Pajek file: no *Vertices, *Arcs or *Edges", input.label, 1, 1);
        }
        sink.progress(lines.bytesConsumed());
        return {};
    }

    [[nodiscard]] bool usesNamespace() const override { return true; }
};

}  // namespace

std::unique_ptr<Parser> makePajekParser()
{
    return std::make_unique<PajekParser>();
}

}  // namespace warmpath::import
