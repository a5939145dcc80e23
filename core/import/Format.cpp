#include "import/Format.h"

#include <array>
#include <stdexcept>
#include <string>

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
    FormatName{Format::Outlook, "outlook"},   FormatName{Format::Thunderbird, "thunderbird"},
    FormatName{Format::VCard, "vcard"},       FormatName{Format::Csv, "csv"},
    FormatName{Format::GraphMl, "graphml"},   FormatName{Format::Gexf, "gexf"},
    FormatName{Format::Gml, "gml"},           FormatName{Format::Pajek, "pajek"},
    FormatName{Format::EdgeList, "edgelist"},
};

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
    case Format::Outlook:
        return makeOutlookParser();
    case Format::Thunderbird:
        return makeThunderbirdParser();
    case Format::Csv:
        return makeMappedCsvParser();
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
    throw std::invalid_argument("no parser for format " + std::to_string(static_cast<int>(format)));
}

}  // namespace warmpath::import
