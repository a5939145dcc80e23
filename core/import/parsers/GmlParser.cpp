// GML (Graph Modelling Language) as Gephi, igraph and NetworkX write it: `graph [ directed 0
// node [ id 0 label "Ana" ] edge [ source 0 target 1 ] ]`, optional `Creator`/`Version` lines
// before it, `#` comments, strings in double quotes with HTML character references (NetworkX
// escapes `"` and non-ASCII as `&quot;`, `&#233;`). Nested lists (graphics) are skipped.

#include <charconv>
#include <vector>

#include "import/TextEncoding.h"
#include "import/TextInput.h"
#include "import/parsers/Parsers.h"

namespace warmpath::import {
namespace {

constexpr std::uint64_t kMaxGmlFileBytes = std::uint64_t{1} << 30;

std::string decodeEntities(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '&') {
            const auto semi = text.find(';', i);
            if (semi != std::string_view::npos && semi - i <= 10) {
                const std::string_view entity = text.substr(i + 1, semi - i - 1);
                std::uint32_t cp = 0;
                bool known = true;
                if (entity == "amp") {
                    cp = '&';
                } else if (entity == "quot") {
                    cp = '"';
                } else if (entity == "lt") {
                    cp = '<';
                } else if (entity == "gt") {
                    cp = '>';
                } else if (entity == "apos") {
                    cp = '\'';
                } else if (entity.size() > 1 && entity[0] == '#') {
                    const bool hex = entity[1] == 'x' || entity[1] == 'X';
                    const std::string_view digits = entity.substr(hex ? 2 : 1);
                    const auto parsed =
                        std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
                    known = parsed.ec == std::errc() && parsed.ptr == digits.data() + digits.size();
                } else {
                    known = false;
                }
                if (known) {
                    appendUtf8(out, cp);
                    i = semi;
                    continue;
                }
            }
        }
        out += text[i];
    }
    return out;
}

class Tokenizer {
public:
    enum class Kind { End, Open, Close, Word, String };
    struct Token {
        Kind kind = Kind::End;
        std::string text;
        std::size_t line = 0;
        std::size_t column = 0;
    };

    Tokenizer(std::string_view text, std::string label) : m_text(text), m_label(std::move(label)) {}

    Result<Token> next()
    {
        for (;;) {
            while (m_pos < m_text.size() && isSpace(m_text[m_pos])) {
                advance();
            }
            if (m_pos < m_text.size() && m_text[m_pos] == '#') {
                while (m_pos < m_text.size() && m_text[m_pos] != '\n') {
                    advance();
                }
                continue;
            }
            break;
        }
        Token token{.kind = Kind::End, .text = {}, .line = m_line, .column = m_column};
        if (m_pos >= m_text.size()) {
            return token;
        }
        const char c = m_text[m_pos];
        if (c == '[' || c == ']') {
            advance();
            token.kind = c == '[' ? Kind::Open : Kind::Close;
            return token;
        }
        if (c == '"') {
            advance();
            const std::size_t start = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] != '"') {
                advance();
            }
            if (m_pos >= m_text.size()) {
                return Error("a string is never closed (the file is truncated?)", m_label, token.line, token.column);
            }
            token.kind = Kind::String;
            token.text = decodeEntities(m_text.substr(start, m_pos - start));
            advance();
            return token;
        }
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && !isSpace(m_text[m_pos]) && m_text[m_pos] != '[' && m_text[m_pos] != ']' &&
               m_text[m_pos] != '"') {
            advance();
        }
        token.kind = Kind::Word;
        token.text = std::string(m_text.substr(start, m_pos - start));
        return token;
    }

    [[nodiscard]] std::size_t position() const { return m_pos; }

private:
    static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
    void advance()
    {
        if (m_text[m_pos] == '\n') {
            ++m_line;
            m_column = 1;
        } else {
            ++m_column;
        }
        ++m_pos;
    }

    std::string_view m_text;
    std::string m_label;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    std::size_t m_column = 1;
};

using Token = Tokenizer::Token;
using Kind = Tokenizer::Kind;

class GmlParser final : public Parser {
public:
    Status parse(const ParseInput& input, RecordSink& sink) override
    {
        Result<std::string> text = readWholeFile(input.path, kMaxGmlFileBytes);
        if (!text) {
            return text.error();
        }
        const std::string decoded = decodeToUtf8(*text);  // the tokenizer views it: keep it alive
        text->clear();
        Tokenizer tokens(decoded, input.label);
        return run(tokens, input, sink);
    }

    [[nodiscard]] bool usesNamespace() const override { return true; }

private:
    struct Element {
        std::string id;
        std::string label;
        std::string source;
        std::string target;
        std::string directed;
        std::size_t line = 0;
    };

    /// Skips a list whose `[` was just read.
    static Status skipList(Tokenizer& tokens, const std::string& label, std::size_t line, std::size_t column)
    {
        int depth = 1;
        while (depth > 0) {
            Result<Token> token = tokens.next();
            if (!token) {
                return token.error();
            }
            if (token->kind == Kind::End) {
                return Error("a `[` is never closed (the file is truncated?)", label, line, column);
            }
            depth += token->kind == Kind::Open ? 1 : (token->kind == Kind::Close ? -1 : 0);
        }
        return {};
    }

    /// Reads `key value` pairs of a list whose `[` was just read, up to its `]`.
    static Status readElement(Tokenizer& tokens, const std::string& label, const Token& open, Element& element)
    {
        for (;;) {
            Result<Token> key = tokens.next();
            if (!key) {
                return key.error();
            }
            if (key->kind == Kind::Close) {
                return {};
            }
            if (key->kind == Kind::End) {
                return Error("a `[` is never closed (the file is truncated?)", label, open.line, open.column);
            }
            if (key->kind != Kind::Word) {
                return Error("expected a key", label, key->line, key->column);
            }
            Result<Token> value = tokens.next();
            if (!value) {
                return value.error();
            }
            if (value->kind == Kind::Open) {
                if (Status skipped = skipList(tokens, label, value->line, value->column); !skipped) {
                    return skipped;
                }
                continue;
            }
            if (value->kind != Kind::Word && value->kind != Kind::String) {
                return Error("the key `" + key->text + "` has no value", label, value->line, value->column);
            }
            const std::string k = lowerAscii(key->text);
            if (k == "id") {
                element.id = value->text;
            } else if (k == "label" || (k == "name" && element.label.empty())) {
                element.label = value->text;
            } else if (k == "source") {
                element.source = value->text;
            } else if (k == "target") {
                element.target = value->text;
            } else if (k == "directed") {
                element.directed = value->text;
            }
        }
    }

    static Status run(Tokenizer& tokens, const ParseInput& input, RecordSink& sink)
    {
        // Top level: `Creator "..."`, `Version 1`, then `graph [ ... ]`.
        bool sawGraph = false;
        for (;;) {
            Result<Token> key = tokens.next();
            if (!key) {
                return key.error();
            }
            if (key->kind == Kind::End) {
                break;
            }
            if (key->kind != Kind::Word) {
                return Error("expected a key such as `graph`", input.label, key->line, key->column);
            }
            Result<Token> value = tokens.next();
            if (!value) {
                return value.error();
            }
            if (value->kind == Kind::End) {
                return Error("the key `" + key->text + "` has no value", input.label, key->line, key->column);
            }
            if (value->kind != Kind::Open) {
                continue;
            }
            if (lowerAscii(key->text) != "graph") {
                if (Status skipped = skipList(tokens, input.label, value->line, value->column); !skipped) {
                    return skipped;
                }
                continue;
            }
            sawGraph = true;
            if (Status graph = readGraph(tokens, input, sink, *value); !graph) {
                return graph;
            }
        }
        if (!sawGraph) {
            return Error("not GML: no `graph [ ... ]`", input.label, 1, 1);
        }
        return {};
    }

    static Status readGraph(Tokenizer& tokens, const ParseInput& input, RecordSink& sink, const Token& open)
    {
        bool directed = false;
        std::uint64_t count = 0;
        for (;;) {
            Result<Token> key = tokens.next();
            if (!key) {
                return key.error();
            }
            if (key->kind == Kind::Close) {
                return {};
            }
            if (key->kind == Kind::End) {
                return Error("`graph [` is never closed (the file is truncated?)", input.label, open.line, open.column);
            }
            if (key->kind != Kind::Word) {
                return Error("expected a key", input.label, key->line, key->column);
            }
            Result<Token> value = tokens.next();
            if (!value) {
                return value.error();
            }
            const std::string k = lowerAscii(key->text);
            if (value->kind == Kind::Word && k == "directed") {
                directed = value->text == "1";
                continue;
            }
            if (value->kind != Kind::Open) {
                if (value->kind == Kind::End || value->kind == Kind::Close) {
                    return Error("the key `" + key->text + "` has no value", input.label, key->line, key->column);
                }
                continue;
            }
            if (k != "node" && k != "edge") {
                if (Status skipped = skipList(tokens, input.label, value->line, value->column); !skipped) {
                    return skipped;
                }
                continue;
            }
            Element element;
            element.line = key->line;
            if (Status read = readElement(tokens, input.label, *value, element); !read) {
                return read;
            }
            if ((++count & 0xfff) == 0) {
                sink.progress(tokens.position());
            }
            if (k == "node") {
                if (element.id.empty()) {
                    return Error("a node without an id", input.label, key->line, key->column);
                }
                PersonRecord record;
                record.key = element.id;
                record.name = element.label;
                record.anonymous = true;
                record.line = element.line;
                record.identities.push_back(
                    Identity{.network = input.nameSpace, .key = element.id, .handle = {}, .url = {}});
                sink.person(std::move(record));
            } else {
                if (element.source.empty() || element.target.empty()) {
                    return Error("an edge without source or target", input.label, key->line, key->column);
                }
                const bool edgeDirected = element.directed.empty() ? directed : element.directed == "1";
                sink.link(LinkRecord{
                    .from = element.source, .to = element.target, .bothWays = !edgeDirected, .line = element.line});
            }
        }
    }
};

}  // namespace

std::unique_ptr<Parser> makeGmlParser()
{
    return std::make_unique<GmlParser>();
}

}  // namespace warmpath::import
