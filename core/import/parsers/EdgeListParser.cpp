// Edge lists: `source target [weight]` per line, separated by white space or a comma; `#` and
// `%` start comments; a first line `source target [weight]` (or `from to`, ...) is a header. Each
// line means source follows target. Nothing in the file is guessed from (a comment's wording,
// the order of the ids): an edge list is undirected only when the user says so
// (`import --undirected`), and then each line gives a link each way.

#include <stdexcept>
#include <utility>

#include "import/TextInput.h"
#include "import/parsers/EdgeListLine.h"
#include "import/parsers/Parsers.h"

namespace warmpath::import {
namespace {

class EdgeListParser final : public Parser {
public:
    Status parse(const ParseInput& input, RecordSink& sink) override
    {
        auto stream = openTextFile(input.path);
        if (!stream) {
            return stream.error();
        }
        return read(**stream, input, sink);
    }

    [[nodiscard]] bool usesNamespace() const override { return true; }

private:
    static Status read(ByteStream& stream, const ParseInput& input, RecordSink& sink)
    {
        LineReader lines(stream);
        std::string_view line;
        bool first = true;
        try {
            while (lines.next(line)) {
                const std::size_t lineNo = lines.lineNumber();
                if ((lineNo & 0xffff) == 0) {
                    sink.progress(lines.bytesConsumed());
                }
                const EdgeLine edge = splitEdgeLine(line);
                if (edge.count == 0) {
                    continue;
                }
                if (std::exchange(first, false) && isEdgeListHeader(edge)) {
                    continue;
                }
                if (edge.count == 1) {
                    return Error("an edge needs a source and a target; this line has only one field", input.label,
                                 lineNo, line.find_first_not_of(" \t,;") + 1);
                }
                if (edge.count > 3) {
                    return Error("an edge is `source target [weight]`; this line has " + std::to_string(edge.count) +
                                     " fields",
                                 input.label, lineNo, edge.extraColumn);
                }
                if (edge.count == 3 && !isNumber(edge.fields[2])) {
                    return Error("the weight `" + std::string(edge.fields[2].substr(0, 40)) + "` is not a number",
                                 input.label, lineNo,
                                 static_cast<std::size_t>(edge.fields[2].data() - line.data()) + 1);
                }
                sink.link(LinkRecord{.from = edge.fields[0],
                                     .to = edge.fields[1],
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
