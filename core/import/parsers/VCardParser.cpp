// vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350 and the 2.1 specification): folded lines,
// backslash escapes, QUOTED-PRINTABLE (with soft line breaks), grouped properties
// (`item1.URL` + `item1.X-ABLabel`), X-SOCIALPROFILE, CATEGORIES, NOTE, RELATED; UTF-8 or
// UTF-16 files (with a byte-order mark or without). 2.1 values are in the character set their
// CHARSET parameter names (converted by iconv), else UTF-8, else Windows-1252, which the clients
// that wrote 2.1 used by default. Every card is someone I know.

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <utility>

#include "import/Charset.h"
#include "import/ProfileUrls.h"
#include "import/TextEncoding.h"
#include "import/TextInput.h"
#include "import/parsers/Parsers.h"

namespace warmpath::import {
namespace {

constexpr std::uint64_t kMaxVCardFileBytes = std::uint64_t{256} << 20;

struct Property {
    std::string group;
    std::string name;                                ///< upper case
    std::multimap<std::string, std::string> params;  ///< upper-case keys; bare 2.1 params under TYPE
    std::string value;                               ///< raw, still escaped
    std::string text;                                ///< the value as UTF-8, still escaped
    std::size_t line = 0;

    [[nodiscard]] bool hasParam(std::string_view key, std::string_view wanted) const
    {
        auto [begin, end] = params.equal_range(std::string(key));
        for (auto it = begin; it != end; ++it) {
            for (const std::string& part : splitTrimmed(it->second, ",")) {
                if (lowerAscii(part) == lowerAscii(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }
    [[nodiscard]] std::string param(std::string_view key) const
    {
        const auto it = params.find(std::string(key));
        return it == params.end() ? std::string() : it->second;
    }
};

std::string upperAscii(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return out;
}

std::string decodeQuotedPrintable(std::string_view text)
{
    std::string out;
    const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '=' && i + 2 < text.size()) {
            const int hi = hex(text[i + 1]);
            const int lo = hex(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

/// Splits on unescaped `separator`, then resolves \n \, \; \\ in each part.
std::vector<std::string> splitValue(std::string_view value, char separator)
{
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '\\' && i + 1 < value.size()) {
            const char next = value[++i];
            parts.back() += (next == 'n' || next == 'N') ? '\n' : next;
        } else if (c == separator) {
            parts.emplace_back();
        } else {
            parts.back() += c;
        }
    }
    return parts;
}

std::string unescape(std::string_view value)
{
    return splitValue(value, '\0').front();
}

/// Parses `group.NAME;PARAM=a,b;BARE:value`; false when the line has no colon.
bool parseProperty(std::string_view line, Property& property)
{
    bool quoted = false;
    std::size_t colon = std::string_view::npos;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '"') {
            quoted = !quoted;
        } else if (line[i] == ':' && !quoted) {
            colon = i;
            break;
        }
    }
    if (colon == std::string_view::npos) {
        return false;
    }
    property.value = std::string(line.substr(colon + 1));
    std::vector<std::string> head;
    std::string current;
    quoted = false;
    for (char c : line.substr(0, colon)) {
        if (c == '"') {
            quoted = !quoted;
            continue;
        }
        if (c == ';' && !quoted) {
            head.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    head.push_back(current);
    std::string name = std::string(trim(head.front()));
    if (const auto dot = name.find('.'); dot != std::string::npos) {
        property.group = lowerAscii(name.substr(0, dot));
        name = name.substr(dot + 1);
    }
    property.name = upperAscii(name);
    for (std::size_t i = 1; i < head.size(); ++i) {
        const auto eq = head[i].find('=');
        if (eq == std::string::npos) {
            property.params.emplace(
                head[i] == "QUOTED-PRINTABLE" || upperAscii(head[i]) == "QUOTED-PRINTABLE" ? "ENCODING" : "TYPE",
                std::string(trim(head[i])));
        } else {
            property.params.emplace(upperAscii(trim(head[i].substr(0, eq))), std::string(trim(head[i].substr(eq + 1))));
        }
    }
    return true;
}

std::string withoutUrn(std::string uid)
{
    if (lowerAscii(uid).rfind("urn:uuid:", 0) == 0) {
        uid.erase(0, 9);
    }
    return uid;
}

struct Card {
    PersonRecord record;
    std::vector<Property> properties;  ///< read once the card has ended and its VERSION is known
    std::string uid;
    std::vector<std::string> related;           ///< uid:... or name keys
    std::map<std::string, std::string> labels;  ///< group → X-ABLabel
    std::vector<Property> grouped;              ///< properties whose meaning needs the label
};

class VCardParser final : public Parser {
public:
    Status parse(const ParseInput& input, RecordSink& sink) override
    {
        Result<std::string> raw = readWholeFile(input.path, kMaxVCardFileBytes);
        if (!raw) {
            return raw.error();
        }
        m_utf16File = detectEncoding(*raw).utf16.has_value();
        m_cardsRead = 0;
        m_charsetTroubles.clear();
        const std::string text = decodeToUtf8(*raw);
        raw->clear();

        std::vector<std::pair<std::string, std::size_t>> lines;  // unfolded logical lines with first line number
        {
            std::size_t lineNo = 0;
            std::size_t start = 0;
            bool softBreak = false;
            while (start <= text.size()) {
                std::size_t end = text.find('\n', start);
                const bool last = end == std::string::npos;
                std::string_view line(text.data() + start, (last ? text.size() : end) - start);
                start = last ? text.size() + 1 : end + 1;
                ++lineNo;
                if (!line.empty() && line.back() == '\r') {
                    line.remove_suffix(1);
                }
                if (softBreak && !lines.empty()) {
                    lines.back().first += std::string(line);
                } else if (!line.empty() && (line.front() == ' ' || line.front() == '\t') && !lines.empty()) {
                    lines.back().first += std::string(line.substr(1));
                } else if (!line.empty()) {
                    lines.emplace_back(std::string(line), lineNo);
                }
                // 2.1 quoted-printable values continue after a trailing `=`.
                const std::string& logical = lines.empty() ? std::string() : lines.back().first;
                softBreak =
                    !lines.empty() && !logical.empty() && logical.back() == '=' &&
                    upperAscii(logical.substr(0, logical.find(':'))).find("QUOTED-PRINTABLE") != std::string::npos;
                if (softBreak) {
                    lines.back().first.pop_back();
                }
            }
        }

        std::optional<Card> card;
        std::size_t cardLine = 0;
        std::vector<Card> finished;
        std::size_t cardCount = 0;
        for (const auto& [line, lineNo] : lines) {
            Property property;
            property.line = lineNo;
            if (!parseProperty(line, property)) {
                if (!card) {
                    return Error("not a vCard: expected BEGIN:VCARD", input.label, lineNo, 1);
                }
                sink.warning(lineNo, "a line without a colon; ignored");
                continue;
            }
            if (property.name == "BEGIN" && upperAscii(trim(property.value)) == "VCARD") {
                if (card) {
                    return Error("BEGIN:VCARD inside a card that was never ended", input.label, lineNo, 1);
                }
                card.emplace();
                cardLine = lineNo;
                card->record.line = lineNo;
                continue;
            }
            if (!card) {
                return Error("not a vCard: `" + property.name + "` outside BEGIN:VCARD ... END:VCARD", input.label,
                             lineNo, 1);
            }
            if (property.name == "END" && upperAscii(trim(property.value)) == "VCARD") {
                ++cardCount;
                readCard(*card, sink);
                finishCard(*card, cardCount, sink);
                finished.push_back(std::move(*card));
                card.reset();
                continue;
            }
            card->properties.push_back(std::move(property));
        }
        if (card) {
            return Error("the card that begins here is never ended (END:VCARD missing; the file is truncated)",
                         input.label, cardLine, 1);
        }
        if (cardCount == 0) {
            return Error("not a vCard: no BEGIN:VCARD", input.label, 1, 1);
        }
        // RELATED may point at cards later in the file, so links come once every card is known.
        for (const Card& done : finished) {
            if (done.record.key.empty()) {
                continue;
            }
            for (const std::string& target : done.related) {
                sink.link(LinkRecord{
                    .from = done.record.key, .to = target, .kind = LinkKind::Related, .line = done.record.line});
            }
        }
        // One warning a file for each kind of charset trouble, however many cards share it: an old
        // client's export of 2,000 cards is in the same character set throughout.
        for (const CharsetTrouble& trouble : m_charsetTroubles) {
            sink.warning(trouble.line, trouble.message + " (" + std::to_string(trouble.cards) +
                                           (trouble.cards == 1 ? " card" : " cards") + ", the first here)");
        }
        sink.progress(text.size());
        return {};
    }

private:
    /// The value as UTF-8: quoted-printable decoded, then converted from its CHARSET. In a UTF-16
    /// file only quoted-printable bytes are in a charset; the rest was Unicode already.
    std::string decodedText(const Property& p, bool version21)
    {
        const bool quotedPrintable = p.hasParam("ENCODING", "QUOTED-PRINTABLE");
        std::string value = quotedPrintable ? decodeQuotedPrintable(p.value) : p.value;
        if (m_utf16File && !quotedPrintable) {
            return value;
        }
        if (const std::string charset(trim(p.param("CHARSET"))); !charset.empty()) {
            auto known = m_converters.find(lowerAscii(charset));
            if (known == m_converters.end()) {
                known = m_converters.emplace(lowerAscii(charset), CharsetConverter::open(charset)).first;
            }
            if (known->second) {
                CharsetConverter::Converted converted = known->second->toUtf8(value);
                if (converted.replaced) {
                    noteCharsetTrouble(p.line, "bytes that are not " + charset.substr(0, 40) + " replaced with U+FFFD");
                }
                return std::move(converted.text);
            }
            noteCharsetTrouble(p.line, "CHARSET=" + charset.substr(0, 40) + " is no character set this system knows");
        }
        if (!version21 || isValidUtf8(value)) {
            return value;  // 3.0 and 4.0 are UTF-8: invalid bytes are replaced (and warned) as anywhere
        }
        noteCharsetTrouble(p.line, "vCard 2.1 text that is not UTF-8 and names no CHARSET; read as Windows-1252");
        return utf8OrWindows1252(value);
    }

    /// Reads the card's properties now that its VERSION is known.
    void readCard(Card& card, RecordSink& sink)
    {
        ++m_cardsRead;
        bool version21 = false;
        for (const Property& p : card.properties) {
            if (p.name == "VERSION") {
                version21 = trim(p.value) == "2.1";
            }
        }
        for (Property& p : card.properties) {
            if (p.hasParam("ENCODING", "B") || p.hasParam("ENCODING", "BASE64")) {
                continue;  // photos, sounds, keys
            }
            p.text = decodedText(p, version21);
            readProperty(p, card, sink);
        }
        card.properties.clear();
    }

    static void addUrl(Card& card, const std::string& url, const std::string& label)
    {
        if (auto identity = identityFromUrl(url)) {
            card.record.identities.push_back(*identity);
            return;
        }
        // A bare handle: the label says which network (Apple writes `Twitter`, others `x-twitter`).
        const std::string service = lowerAscii(label);
        std::string network;
        if (service.find("twitter") != std::string::npos || service == "x") {
            network = "x";
        } else if (service.find("mastodon") != std::string::npos) {
            network = "mastodon";
        } else if (service.find("bluesky") != std::string::npos || service == "bsky") {
            network = "bsky";
        } else if (service.find("linkedin") != std::string::npos) {
            network = "linkedin";
        } else {
            return;
        }
        if (auto identity = identityFromHandle(network, url)) {
            card.record.identities.push_back(*identity);
        }
    }

    static void readProperty(const Property& p, Card& card, RecordSink& sink)
    {
        const std::string& value = p.text;
        PersonRecord& r = card.record;
        if (p.name == "FN") {
            r.name = unescape(value);
        } else if (p.name == "N") {
            if (r.name.empty()) {
                const auto parts = splitValue(value, ';');
                std::string name;
                for (std::size_t i : {std::size_t{3}, std::size_t{1}, std::size_t{2}, std::size_t{0}, std::size_t{4}}) {
                    if (i < parts.size() && !trim(parts[i]).empty()) {
                        name += (name.empty() ? "" : " ") + std::string(trim(parts[i]));
                    }
                }
                r.name = name;
            }
        } else if (p.name == "ORG") {
            r.organisation = splitValue(value, ';').front();
        } else if (p.name == "TITLE") {
            r.title = unescape(value);
        } else if (p.name == "EMAIL") {
            r.identities.push_back(Identity{.network = "email", .key = unescape(value), .handle = {}, .url = {}});
        } else if (p.name == "TEL") {
            std::string number = unescape(value);
            if (number.rfind("tel:", 0) == 0) {
                number.erase(0, 4);
            }
            if (std::string digits = normalisePhone(number); !digits.empty()) {
                r.identities.push_back(Identity{.network = "phone", .key = digits, .handle = {}, .url = {}});
            }
        } else if (p.name == "URL" || p.name == "X-SOCIALPROFILE" || p.name == "IMPP") {
            if (!p.group.empty()) {
                card.grouped.push_back(p);
            } else {
                std::string label = p.param("TYPE");
                const std::string user = p.param("X-USER");
                addUrl(card, user.empty() || identityFromUrl(unescape(value)) ? unescape(value) : user, label);
            }
        } else if (p.name == "X-ABLABEL") {
            card.labels[p.group] = unescape(value);
        } else if (p.name == "CATEGORIES") {
            for (const std::string& tag : splitValue(value, ',')) {
                if (!trim(tag).empty()) {
                    r.tags.emplace_back(trim(tag));
                }
            }
        } else if (p.name == "NOTE") {
            r.notes.push_back(unescape(value));
        } else if (p.name == "ADR") {
            const auto parts = splitValue(value, ';');
            if (parts.size() > 3 && r.location.empty()) {
                r.location = std::string(trim(parts[3]));
            }
        } else if (p.name == "UID") {
            card.uid = withoutUrn(std::string(trim(unescape(value))));
        } else if (p.name == "RELATED" || p.name == "X-ABRELATEDNAMES") {
            const std::string target(trim(unescape(value)));
            if (target.rfind("urn:uuid:", 0) == 0 ||
                (p.name == "RELATED" && p.param("VALUE") != "text" && target.find(':') != std::string::npos)) {
                card.related.push_back("uid:" + withoutUrn(target));
            } else if (!target.empty()) {
                card.related.push_back(std::string(kNameKeyPrefix) + target);
            }
        } else if (p.name == "VERSION") {
            const std::string version(trim(value));
            if (version != "2.1" && version != "3.0" && version != "4.0") {
                sink.warning(p.line, "unknown vCard version " + version.substr(0, 10) + "; read as 4.0");
            }
        }
    }

    static void finishCard(Card& card, std::size_t number, RecordSink& sink)
    {
        for (const Property& p : card.grouped) {
            const std::string value = unescape(p.text);
            const auto label = card.labels.find(p.group);
            addUrl(card, value, label == card.labels.end() ? p.param("TYPE") : label->second);
        }
        PersonRecord& r = card.record;
        if (trim(r.name).empty() && r.identities.empty()) {
            sink.skipped(r.line, "a card with neither a name nor an identifier");
            r.key.clear();
            return;
        }
        // RELATED points at UIDs (or, failing that, the first identity); keys are per file.
        if (!card.uid.empty()) {
            r.key = "uid:" + card.uid;
        } else {
            r.key = "card:" + std::to_string(number);
        }
        const std::string key = r.key;
        const std::size_t line = r.line;
        sink.person(PersonRecord(r));
        sink.link(LinkRecord{.from = kMeKey, .to = key, .kind = LinkKind::Knows, .line = line});
    }

    /// A kind of charset trouble and the cards it was found in.
    struct CharsetTrouble {
        std::string message;
        std::size_t line = 0;      ///< where it was found first
        std::size_t cards = 0;     ///< in how many cards
        std::size_t lastCard = 0;  ///< the last card counted (m_cardsRead then)
    };

    /// Counts a card in which `message` applies; the file's warning names the first such line.
    void noteCharsetTrouble(std::size_t line, std::string message)
    {
        auto trouble = std::find_if(m_charsetTroubles.begin(), m_charsetTroubles.end(),
                                    [&](const CharsetTrouble& known) { return known.message == message; });
        if (trouble == m_charsetTroubles.end()) {
            m_charsetTroubles.push_back(
                CharsetTrouble{.message = std::move(message), .line = line, .cards = 0, .lastCard = 0});
            trouble = std::prev(m_charsetTroubles.end());
        }
        if (trouble->lastCard != m_cardsRead) {
            trouble->lastCard = m_cardsRead;
            ++trouble->cards;
        }
    }

    bool m_utf16File = false;
    std::size_t m_cardsRead = 0;
    std::vector<CharsetTrouble> m_charsetTroubles;
    /// By lower-case CHARSET name; nullopt for one iconv does not know.
    std::map<std::string, std::optional<CharsetConverter>> m_converters;
};

}  // namespace

std::unique_ptr<Parser> makeVCardParser()
{
    return std::make_unique<VCardParser>();
}

}  // namespace warmpath::import
