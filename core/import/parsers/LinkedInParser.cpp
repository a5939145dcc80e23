// LinkedIn `Connections.csv`: a `Notes:` preamble (one or more lines, possibly a quoted
// paragraph), blank lines, then `First Name,Last Name,URL,Email Address,Company,Position,
// Connected On` (older exports lack URL). Each row is a connection of me.

#include <array>

#include "import/ProfileUrls.h"
#include "import/parsers/CsvColumns.h"
#include "import/parsers/Parsers.h"

namespace warmpath::import {
namespace {

/// `15 Mar 2024` → `2024-03-15T00:00:00Z`; empty when it is not such a date.
std::string connectedOn(std::string_view text)
{
    static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
    const std::vector<std::string> parts = splitTrimmed(text, " ");
    if (parts.size() != 3 || parts[0].empty() || parts[0].size() > 2 || parts[2].size() != 4) {
        return {};
    }
    const std::string month = lowerAscii(parts[1]).substr(0, 3);
    for (std::size_t m = 0; m < kMonths.size(); ++m) {
        if (kMonths[m] == month) {
            const std::string day = parts[0].size() == 1 ? "0" + parts[0] : parts[0];
            const std::string mm = (m < 9 ? "0" : "") + std::to_string(m + 1);
            if (day.find_first_not_of("0123456789") != std::string::npos ||
                parts[2].find_first_not_of("0123456789") != std::string::npos) {
                return {};
            }
            return parts[2] + "-" + mm + "-" + day + "T00:00:00Z";
        }
    }
    return {};
}

class LinkedInParser final : public Parser {
public:
    Status parse(const ParseInput& input, RecordSink& sink) override
    {
        auto stream = openTextFile(input.path);
        if (!stream) {
            return stream.error();
        }
        CsvReader csv(**stream, input.label);
        std::vector<std::string> row;
        std::optional<CsvColumns> columns;
        for (;;) {
            Result<bool> more = csv.next(row);
            if (!more) {
                return more.error();
            }
            if (!*more) {
                break;
            }
            if (!columns) {
                // Everything before the header is the Notes preamble.
                if (!row.empty() && lowerAscii(trim(row[0])) == "first name") {
                    columns.emplace(row);
                    if (!columns->has("last name")) {
                        return Error("a LinkedIn header needs `Last Name`", input.label, csv.recordLine(), 1);
                    }
                }
                continue;
            }
            if (isBlankRow(row)) {
                continue;
            }
            if ((csv.recordLine() & 0xfff) == 0) {
                sink.progress(csv.bytesConsumed());
            }
            readRow(*columns, row, csv.recordLine(), sink);
        }
        if (!columns) {
            return Error("not a LinkedIn Connections.csv: no `First Name,Last Name,...` header", input.label, 1, 1);
        }
        sink.progress(csv.bytesConsumed());
        return {};
    }

private:
    static void readRow(const CsvColumns& columns, const std::vector<std::string>& row, std::size_t line,
                        RecordSink& sink)
    {
        PersonRecord record;
        record.line = line;
        const std::string first = columns.get(row, {"First Name"});
        const std::string last = columns.get(row, {"Last Name"});
        record.name = first.empty() ? last : (last.empty() ? first : first + " " + last);
        record.organisation = columns.get(row, {"Company"});
        record.title = columns.get(row, {"Position"});
        const std::string url = columns.get(row, {"URL", "Profile URL"});
        const std::string email = columns.get(row, {"Email Address", "E-mail Address", "Email"});
        if (!url.empty()) {
            if (auto identity = identityFromUrl(url)) {
                record.identities.push_back(*identity);
            } else {
                sink.warning(line, "the URL `" + url.substr(0, 80) + "` is not a profile URL; ignored");
            }
        }
        if (!email.empty()) {
            record.identities.push_back(Identity{.network = "email", .key = email, .handle = {}, .url = {}});
        }
        if (record.name.empty() && record.identities.empty()) {
            sink.skipped(line, "a row with neither a name nor an identifier");
            return;
        }
        // Key: the profile slug, else the email, else name and company (the rule).
        if (!record.identities.empty()) {
            record.key = record.identities.front().network + ":" + lowerAscii(record.identities.front().key);
        } else {
            record.key = "name:" + lowerAscii(record.name) + "|" + lowerAscii(record.organisation);
        }
        const std::string key = record.key;
        const std::string since = connectedOn(columns.get(row, {"Connected On"}));
        sink.person(std::move(record));
        sink.link(LinkRecord{
            .from = kMeKey, .to = key, .kind = LinkKind::Connection, .bothWays = true, .since = since, .line = line});
    }
};

}  // namespace

std::unique_ptr<Parser> makeLinkedInParser()
{
    return std::make_unique<LinkedInParser>();
}

}  // namespace warmpath::import
