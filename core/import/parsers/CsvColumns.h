#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "import/TextInput.h"

namespace warmpath::import {

/// A CSV header, so columns are found by name (ignoring case and surrounding space), never by
/// position: exports add, drop and reorder columns between versions.
class CsvColumns {
public:
    explicit CsvColumns(const std::vector<std::string>& header)
    {
        for (std::size_t i = 0; i < header.size(); ++i) {
            m_index.emplace(lowerAscii(trim(header[i])), i);
        }
        m_names = header;
    }

    [[nodiscard]] bool has(std::string_view name) const { return m_index.count(lowerAscii(name)) > 0; }

    /// The trimmed value of the first of `names` present in the header, or empty.
    [[nodiscard]] std::string get(const std::vector<std::string>& row,
                                  std::initializer_list<std::string_view> names) const
    {
        for (std::string_view name : names) {
            const auto it = m_index.find(lowerAscii(name));
            if (it != m_index.end() && it->second < row.size()) {
                const std::string_view value = trim(row[it->second]);
                if (!value.empty()) {
                    return std::string(value);
                }
            }
        }
        return {};
    }

    /// Values of every column whose name starts with `prefix` and ends with `suffix`
    /// (`E-mail 1 - Value`, `E-mail 2 - Value`, ...), in column order.
    [[nodiscard]] std::vector<std::string> matching(const std::vector<std::string>& row, std::string_view prefix,
                                                    std::string_view suffix) const
    {
        std::vector<std::string> values;
        const std::string p = lowerAscii(prefix);
        const std::string s = lowerAscii(suffix);
        for (std::size_t i = 0; i < m_names.size() && i < row.size(); ++i) {
            const std::string name = lowerAscii(trim(m_names[i]));
            if (name.size() >= p.size() + s.size() && name.compare(0, p.size(), p) == 0 &&
                name.compare(name.size() - s.size(), s.size(), s) == 0 && !trim(row[i]).empty()) {
                values.emplace_back(trim(row[i]));
            }
        }
        return values;
    }

private:
    std::unordered_map<std::string, std::size_t> m_index;
    std::vector<std::string> m_names;
};

/// True when every field of the row is blank (a blank line).
inline bool isBlankRow(const std::vector<std::string>& row)
{
    for (const std::string& field : row) {
        if (!trim(field).empty()) {
            return false;
        }
    }
    return true;
}

}  // namespace warmpath::import
