// Edge lists: `source target [weight]` per line, separated by white space or a comma; `#` and
// `%` start comments. Each line means source follows target. Nothing in the file is guessed
// from (a comment's wording, the order of the ids): an edge list is undirected only when the
// user says so (`import --undirected`), and then each line gives a link each way.

#include <charconv>
#include <stdexcept>

#include "import/TextInput.h"
#include "import/parsers/Parsers.h"

namespace warmpath::import {
namespace {

bool isSeparator(char c)
{
    return c == ' ' || c == '\t' || c == ',' || c == ';';
}

class EdgeListParser final : public Parser {
public:
    Status parse(const ParseInput& input, RecordSink& sink) override
    {
        auto stream = FileStream::open(input.path);
        if (!stream) {
            return stream.error();
        }
        return read(**stream, input, sink);
    }

    [[nodiscard]] bool usesNamespace() const override { return true; }

private:
    static Status read(FileStream& stream, const ParseInput& input, RecordSink& sink)
    {
        LineReader lines(stream);
        std::string_view line;
        std::string_view fields[4];
        try {
            while (lines.next(line)) {
                const std::size_t lineNo = lines.lineNumber();
                if ((lineNo & 0xffff) == 0) {
                    sink.progress(lines.bytesConsumed());
                }
                std::size_t count = 0;
                std::size_t i = 0;
                std::size_t firstExtraColumn = 0;
                while (i < line.size()) {
                    while (i < line.size() && isSeparator(line[i])) {
                        ++i;
                    }
                    if (i >= line.size() || line[i] == '#' || line[i] == '%') {
                        break;
                    }
                    const std::size_t start = i;
                    while (i < line.size() && !isSeparator(line[i])) {
                        ++i;
                    }
                    if (count < 3) {
                        fields[count] = line.substr(start, i - start);
                    } else if (firstExtraColumn == 0) {
                        firstExtraColumn = start + 1;
                    }
                    ++count;
                }
                if (count == 0) {
                    continue;
                }
                if (count == 1) {
                    return Error("an edge needs a source and a target; this line has only one field", input.label,
                                 lineNo, line.find_first_not_of(" \t,;") + 1);
                }
                if (count > 3) {
                    return Error("an edge is `source target [weight]`; this line has " + std::to_string(count) +
                                     " fields",
                                 input.label, lineNo, firstExtraColumn);
                }
                if (count == 3) {
                    double weight = 0;
                    const auto* end = fields[2].data() + fields[2].size();
                    const auto parsed = std::from_chars(fields[2].data(), end, weight);
                    if (parsed.ec != std::errc() || parsed.ptr != end) {
                        return Error("the weight `" + std::string(fields[2].substr(0, 40)) + "` is not a number",
                                     input.label, lineNo, static_cast<std::size_t>(fields[2].data() - line.data()) + 1);
                    }
                }
                sink.link(LinkRecord{.from = fields[0],
                                     .to = fields[1],
                                     .kind = LinkKind::Follows,
                                     .bothWays = input.undirected,
                                     .line = lineNo});
            }
        } catch (const std::length_error& e) {
            return Error(e.what(), input.label, lines.lineNumber() + 1);
        }
        sink.progress(lines.bytesConsumed());
        return {};
    }
};

}  // namespace

std::unique_ptr<Parser> makeEdgeListParser()
{
    return std::make_unique<EdgeListParser>();
}

}  // namespace warmpath::import
