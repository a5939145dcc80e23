#include "import/Format.h"

#include <algorithm>
#include <array>

#include "import/TextInput.h"
#include "import/parsers/Parsers.h"

namespace warmpath::import {
namespace {

struct FormatName {
    Format format;
    std::string_view name;
};

constexpr std::array kNames = {
    FormatName{Format::LinkedIn, "linkedin"}, FormatName{Format::XArchive, "x-archive"},
    FormatName{Format::Mastodon, "mastodon"}, FormatName{Format::Google, "google"},
    FormatName{Format::VCard, "vcard"},       FormatName{Format::GraphMl, "graphml"},
    FormatName{Format::Gexf, "gexf"},         FormatName{Format::Gml, "gml"},
    FormatName{Format::Pajek, "pajek"},       FormatName{Format::EdgeList, "edgelist"},
};

constexpr std::size_t kSniffBytes = 64 * 1024;

bool contains(std::string_view haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string_view::npos;
}

std::string_view firstLine(std::string_view text)
{
    return text.substr(0, text.find('\n'));
}

bool looksLikeMastodonList(std::string_view head)
{
    // lists.csv has no header: `list title,user@host` on every line.
    std::size_t lines = 0;
    std::size_t start = 0;
    while (start < head.size() && lines < 20) {
        std::size_t end = head.find('\n', start);
        const bool complete = end != std::string_view::npos;
        std::string_view line = trim(head.substr(start, complete ? end - start : std::string_view::npos));
        start = complete ? end + 1 : head.size();
        if (line.empty()) {
            continue;
        }
        if (!complete && start >= kSniffBytes) {
            break;  // cut off by the sniffing window
        }
        const auto comma = line.rfind(',');
        if (comma == std::string_view::npos) {
            return false;
        }
        const std::string_view account = trim(line.substr(comma + 1));
        const auto at = account.find('@', 1);
        if (at == std::string_view::npos || account.find('.', at) == std::string_view::npos ||
            account.find(' ') != std::string_view::npos) {
            return false;
        }
        ++lines;
    }
    return lines > 0;
}

Result<Format> sniffText(std::string_view raw, const std::string& label)
{
    const std::string decoded = decodeToUtf8(raw);
    std::string_view head = decoded;
    const std::string_view body = trim(head);
    const std::string lowerHead = lowerAscii(body.substr(0, 4096));

    if (body.substr(0, 11) == "window.YTD.") {
        return Format::XArchive;
    }
    if (lowerHead.substr(0, 11) == "begin:vcard") {
        return Format::VCard;
    }
    if (body.substr(0, 1) == "<") {
        // Root elements may carry a namespace prefix (`<g:gexf`).
        if (contains(lowerHead, "<gexf") || contains(lowerHead, ":gexf ")) {
            return Format::Gexf;
        }
        if (contains(lowerHead, "<graphml") || contains(lowerHead, ":graphml ")) {
            return Format::GraphMl;
        }
        return Error("an XML file that is neither GraphML nor GEXF", label, 1, 1);
    }
    std::string_view pajekHead = lowerHead;
    while (!pajekHead.empty() && pajekHead.front() == '%') {  // Pajek comments before the first section
        const auto eol = pajekHead.find('\n');
        pajekHead = eol == std::string_view::npos ? std::string_view() : trim(pajekHead.substr(eol + 1));
    }
    if (pajekHead.substr(0, 1) == "*" &&
        (pajekHead.substr(0, 9) == "*vertices" || pajekHead.substr(0, 8) == "*network" ||
         pajekHead.substr(0, 5) == "*arcs" || pajekHead.substr(0, 6) == "*edges")) {
        return Format::Pajek;
    }
    {
        // GML: optional `Creator "..."`/`Version`/comment lines, then `graph [`.
        std::string collapsed;
        for (char c : lowerHead) {
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                collapsed += c;
            }
        }
        const auto graph = collapsed.find("graph[");
        if (graph != std::string::npos && (graph == 0 || collapsed.substr(0, 7) == "creator" ||
                                           collapsed.substr(0, 7) == "version" || collapsed.front() == '#')) {
            return Format::Gml;
        }
    }
    const std::string header = lowerAscii(firstLine(body));
    if (header.substr(0, 6) == "notes:" || (contains(header, "first name") && contains(header, "connected on"))) {
        return Format::LinkedIn;
    }
    if (header.substr(0, 15) == "account address") {
        return Format::Mastodon;
    }
    if (contains(header, "given name") || contains(header, "e-mail 1 - value") ||
        contains(header, "group membership") || (contains(header, "first name") && contains(header, "labels"))) {
        return Format::Google;
    }
    if (looksLikeMastodonList(body)) {
        return Format::Mastodon;
    }
    return Format::EdgeList;
}

}  // namespace

std::string_view formatName(Format format)
{
    for (const auto& entry : kNames) {
        if (entry.format == format) {
            return entry.name;
        }
    }
    return "unknown";
}

std::optional<Format> formatFromName(std::string_view name)
{
    const std::string lower = lowerAscii(name);
    for (const auto& entry : kNames) {
        if (entry.name == lower) {
            return entry.format;
        }
    }
    if (lower == "x" || lower == "twitter") {
        return Format::XArchive;
    }
    if (lower == "vcf") {
        return Format::VCard;
    }
    if (lower == "net") {
        return Format::Pajek;
    }
    return std::nullopt;
}

const std::vector<Format>& allFormats()
{
    static const std::vector<Format> formats = [] {
        std::vector<Format> all;
        for (const auto& entry : kNames) {
            all.push_back(entry.format);
        }
        return all;
    }();
    return formats;
}

Result<Format> sniffFormat(const std::filesystem::path& path)
{
    const std::string label = path.string();
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        if (std::filesystem::exists(path / "data", ec) || std::filesystem::exists(path / "following.js", ec) ||
            std::filesystem::exists(path / "manifest.js", ec)) {
            return Format::XArchive;
        }
        return Error("a folder that is not an X archive (no data/ folder inside)", label);
    }
    auto stream = FileStream::open(path);
    if (!stream) {
        return stream.error();
    }
    std::string head(kSniffBytes, '\0');
    std::size_t got = 0;
    while (got < head.size()) {
        const std::size_t n = (*stream)->read(head.data() + got, head.size() - got);
        if (n == 0) {
            break;
        }
        got += n;
    }
    head.resize(got);
    if (trim(head).empty()) {
        return Error("the file is empty", label);
    }
    if (head.substr(0, 4) == "PK\x03\x04") {
        return Format::XArchive;
    }
    return sniffText(head, label);
}

std::unique_ptr<Parser> makeParser(Format format)
{
    switch (format) {
    case Format::LinkedIn:
        return makeLinkedInParser();
    case Format::XArchive:
        return makeXArchiveParser();
    case Format::Mastodon:
        return makeMastodonParser();
    case Format::Google:
        return makeGoogleParser();
    case Format::VCard:
        return makeVCardParser();
    case Format::GraphMl:
        return makeGraphMlParser();
    case Format::Gexf:
        return makeGexfParser();
    case Format::Gml:
        return makeGmlParser();
    case Format::Pajek:
        return makePajekParser();
    case Format::EdgeList:
        return makeEdgeListParser();
    }
    return makeEdgeListParser();
}

}  // namespace warmpath::import
