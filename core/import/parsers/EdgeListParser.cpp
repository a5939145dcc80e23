// Edge lists: `source target [weight]` per line, separated by white space or a comma; `#` and
// `%` start comments. Each line means source follows target, unless the file says it is
// undirected: a comment before the first edge containing "undirected", or (SNAP's convention
// for undirected graphs, e.g. ego-Facebook) at least kCanonicalMinimum edges that all go from
// the smaller to the larger node id. An undirected file gives a link each way.

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

constexpr std::size_t kCanonicalMinimum = 1000;

bool allDigits(std::string_view text)
{
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

/// a < b, comparing numerically when both are numbers.
bool lessId(std::string_view a, std::string_view b)
{
    if (allDigits(a) && allDigits(b)) {
        while (a.size() > 1 && a.front() == '0') {
            a.remove_prefix(1);
        }
        while (b.size() > 1 && b.front() == '0') {
            b.remove_prefix(1);
        }
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    }
    return a < b;
}

enum class Direction { Unknown, Directed, Undirected };
enum class Pass { Forward, Reverse };

class EdgeListParser final : public Parser {
public:
    Status parse(const ParseInput& input, RecordSink& sink) override
    {
        m_direction = Direction::Unknown;
        m_edges = 0;
        m_canonical = true;
        if (Status first = pass(input, sink, Pass::Forward); !first) {
            return first;
        }
        if (m_direction == Direction::Unknown && m_canonical && m_edges >= kCanonicalMinimum) {
            return pass(input, sink, Pass::Reverse);
        }
        return {};
    }

    [[nodiscard]] bool usesNamespace() const override { return true; }

private:
    Status pass(const ParseInput& input, RecordSink& sink, Pass which)
    {
        auto stream = FileStream::open(input.path);
        if (!stream) {
            return stream.error();
        }
        LineReader lines(**stream);
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
                        if (i < line.size() && m_edges == 0 && m_direction == Direction::Unknown) {
                            const std::string comment = lowerAscii(line.substr(i));
                            if (comment.find("undirected") != std::string::npos) {
                                m_direction = Direction::Undirected;
                            } else if (comment.find("directed") != std::string::npos) {
                                m_direction = Direction::Directed;
                            }
                        }
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
                if (which == Pass::Reverse) {
                    sink.link(
                        LinkRecord{.from = fields[1], .to = fields[0], .kind = LinkKind::Follows, .line = lineNo});
                    continue;
                }
                ++m_edges;
                m_canonical = m_canonical && lessId(fields[0], fields[1]);
                sink.link(LinkRecord{.from = fields[0],
                                     .to = fields[1],
                                     .kind = LinkKind::Follows,
                                     .bothWays = m_direction == Direction::Undirected,
                                     .line = lineNo});
            }
        } catch (const std::length_error& e) {
            return Error(e.what(), input.label, lines.lineNumber() + 1);
        }
        sink.progress(lines.bytesConsumed());
        return {};
    }

    Direction m_direction = Direction::Unknown;
    std::size_t m_edges = 0;
    bool m_canonical = true;
};

}  // namespace

std::unique_ptr<Parser> makeEdgeListParser()
{
    return std::make_unique<EdgeListParser>();
}

}  // namespace warmpath::import
