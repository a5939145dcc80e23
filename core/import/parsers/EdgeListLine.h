#pragma once

#include <array>
#include <charconv>
#include <cstddef>
#include <string_view>

#include "import/TextInput.h"

// What one line of an edge list is, shared by the parser and by the sniffer (which must not take
// a file for an edge list unless its lines read as edges).
namespace warmpath::import {

/// The fields of one edge-list line, separated by white space, commas or semicolons; `#` or `%`
/// starts a comment.
struct EdgeLine {
    std::array<std::string_view, 3> fields;  ///< the first three
    std::size_t count = 0;                   ///< all of them
    std::size_t extraColumn = 0;             ///< 1-based column of a fourth field, 0 when none
};

inline bool isEdgeSeparator(char c)
{
    return c == ' ' || c == '\t' || c == ',' || c == ';';
}

inline EdgeLine splitEdgeLine(std::string_view line)
{
    EdgeLine edge;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && isEdgeSeparator(line[i])) {
            ++i;
        }
        if (i >= line.size() || line[i] == '#' || line[i] == '%') {
            break;
        }
        const std::size_t start = i;
        while (i < line.size() && !isEdgeSeparator(line[i])) {
            ++i;
        }
        if (edge.count < edge.fields.size()) {
            edge.fields.at(edge.count) = line.substr(start, i - start);
        } else if (edge.extraColumn == 0) {
            edge.extraColumn = start + 1;
        }
        ++edge.count;
    }
    return edge;
}

inline bool isNumber(std::string_view text)
{
    double value = 0;
    const char* end = text.data() + text.size();
    const auto parsed = std::from_chars(text.data(), end, value);
    return !text.empty() && parsed.ec == std::errc() && parsed.ptr == end;
}

/// Two fields, or three with a numeric weight.
inline bool isEdge(const EdgeLine& edge)
{
    return edge.count == 2 || (edge.count == 3 && isNumber(edge.fields[2]));
}

/// A header line some tools write above their edges (`Source,Target,Weight`, `from to`): read
/// as a header, never as an edge between people called "source" and "target".
inline bool isEdgeListHeader(const EdgeLine& edge)
{
    if (edge.count != 2 && edge.count != 3) {
        return false;
    }
    const std::string from = lowerAscii(edge.fields[0]);
    const std::string to = lowerAscii(edge.fields[1]);
    const bool pair = (from == "source" && to == "target") || (from == "from" && to == "to") ||
                      (from == "src" && to == "dst") || (from == "node1" && to == "node2");
    return pair && (edge.count == 2 || lowerAscii(edge.fields[2]) == "weight");
}

}  // namespace warmpath::import
