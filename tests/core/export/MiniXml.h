#pragma once

// A deliberately small XML reader for the export tests: elements, attributes, text and the five
// predefined entities plus numeric references. It fails (returns nullopt) on anything that is not
// well-formed in the subset GraphML and GEXF use, which is what the tests need to know. Once the
// GraphML/GEXF importer (core/import) is merged, the tests read the files with it as well.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace warmpath::test {

struct XmlElement {
    std::string name;
    std::map<std::string, std::string> attributes;
    std::string text;
    std::vector<XmlElement> children;

    [[nodiscard]] std::vector<const XmlElement*> all(std::string_view childName) const
    {
        std::vector<const XmlElement*> found;
        for (const XmlElement& child : children) {
            if (child.name == childName) {
                found.push_back(&child);
            }
        }
        return found;
    }
    [[nodiscard]] const XmlElement* first(std::string_view childName) const
    {
        const auto found = all(childName);
        return found.empty() ? nullptr : found.front();
    }
};

class MiniXml {
public:
    static std::optional<XmlElement> parse(std::string_view text)
    {
        MiniXml reader(text);
        reader.skipProlog();
        auto root = reader.element();
        reader.skipSpace();
        if (!root || reader.m_at != text.size()) {
            return std::nullopt;
        }
        return root;
    }

private:
    explicit MiniXml(std::string_view text) : m_text(text) {}

    void skipSpace()
    {
        while (m_at < m_text.size() &&
               (m_text[m_at] == ' ' || m_text[m_at] == '\n' || m_text[m_at] == '\r' || m_text[m_at] == '\t')) {
            ++m_at;
        }
    }

    void skipProlog()
    {
        skipSpace();
        if (m_text.substr(m_at, 5) == "<?xml") {
            m_at = m_text.find("?>", m_at) + 2;
        }
        skipSpace();
    }

    std::optional<std::string> decode(std::string_view raw)
    {
        std::string out;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '<') {
                return std::nullopt;
            }
            if (raw[i] != '&') {
                out += raw[i];
                continue;
            }
            const auto end = raw.find(';', i);
            if (end == std::string_view::npos) {
                return std::nullopt;
            }
            const std::string_view entity = raw.substr(i + 1, end - i - 1);
            if (entity == "amp") {
                out += '&';
            } else if (entity == "lt") {
                out += '<';
            } else if (entity == "gt") {
                out += '>';
            } else if (entity == "quot") {
                out += '"';
            } else if (entity == "apos") {
                out += '\'';
            } else if (!entity.empty() && entity[0] == '#') {
                out += static_cast<char>(std::stoi(std::string(entity.substr(1))));
            } else {
                return std::nullopt;
            }
            i = end;
        }
        return out;
    }

    std::string name()
    {
        const std::size_t start = m_at;
        while (m_at < m_text.size() &&
               (std::isalnum(static_cast<unsigned char>(m_text[m_at])) != 0 || m_text[m_at] == ':' ||
                m_text[m_at] == '_' || m_text[m_at] == '-' || m_text[m_at] == '.')) {
            ++m_at;
        }
        return std::string(m_text.substr(start, m_at - start));
    }

    std::optional<XmlElement> element()
    {
        if (m_at >= m_text.size() || m_text[m_at] != '<') {
            return std::nullopt;
        }
        ++m_at;
        XmlElement e;
        e.name = name();
        if (e.name.empty()) {
            return std::nullopt;
        }
        while (true) {
            skipSpace();
            if (m_at >= m_text.size()) {
                return std::nullopt;
            }
            if (m_text.substr(m_at, 2) == "/>") {
                m_at += 2;
                return e;
            }
            if (m_text[m_at] == '>') {
                ++m_at;
                break;
            }
            const std::string attribute = name();
            if (attribute.empty() || m_text.substr(m_at, 2) != "=\"") {
                return std::nullopt;
            }
            m_at += 2;
            const auto end = m_text.find('"', m_at);
            if (end == std::string_view::npos) {
                return std::nullopt;
            }
            auto value = decode(m_text.substr(m_at, end - m_at));
            if (!value || e.attributes.contains(attribute)) {
                return std::nullopt;
            }
            e.attributes[attribute] = *value;
            m_at = end + 1;
        }
        while (true) {
            const auto next = m_text.find('<', m_at);
            if (next == std::string_view::npos) {
                return std::nullopt;
            }
            auto text = decode(m_text.substr(m_at, next - m_at));
            if (!text) {
                return std::nullopt;
            }
            e.text += *text;
            m_at = next;
            if (m_text.substr(m_at, 2) == "</") {
                m_at += 2;
                if (name() != e.name || m_at >= m_text.size() || m_text[m_at] != '>') {
                    return std::nullopt;
                }
                ++m_at;
                return e;
            }
            auto child = element();
            if (!child) {
                return std::nullopt;
            }
            e.children.push_back(std::move(*child));
        }
    }

    std::string_view m_text;
    std::size_t m_at = 0;
};

}  // namespace warmpath::test
