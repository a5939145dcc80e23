// Mastodon exports: `following_accounts.csv` (`Account address,Show boosts,Notify on new
// posts,Languages`; older files only the first two columns) → me follows each account;
// `lists.csv` (no header: `list title,account`) → the list title becomes a tag of the account.

#include "import/parsers/CsvColumns.h"
#include "import/parsers/Parsers.h"

namespace warmpath::import {
namespace {

/// `@user@host` or `user@host` → `user@host`; empty when it is not an account address.
std::string accountAddress(std::string_view text)
{
    std::string_view account = trim(text);
    if (!account.empty() && account.front() == '@') {
        account.remove_prefix(1);
    }
    const auto at = account.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == account.size() ||
        account.find_first_of(" \t@/", at + 1) != std::string_view::npos ||
        account.substr(0, at).find_first_of(" \t/") != std::string_view::npos) {
        return {};
    }
    return std::string(account);
}

class MastodonParser final : public Parser {
public:
    Status parse(const ParseInput& input, RecordSink& sink) override
    {
        auto stream = openTextFile(input.path);
        if (!stream) {
            return stream.error();
        }
        CsvReader csv(**stream, input.label);
        std::vector<std::string> row;
        bool first = true;
        bool lists = false;
        for (;;) {
            Result<bool> more = csv.next(row);
            if (!more) {
                return more.error();
            }
            if (!*more) {
                break;
            }
            if (isBlankRow(row)) {
                continue;
            }
            const std::size_t line = csv.recordLine();
            if (first) {
                first = false;
                if (lowerAscii(trim(row[0])) == "account address") {
                    continue;
                }
                if (row.size() < 2) {
                    return Error("not a Mastodon export: expected `Account address,...` or `list,account`", input.label,
                                 line, 1);
                }
                lists = true;
            }
            const std::string account = accountAddress(lists ? (row.size() > 1 ? row[1] : "") : row[0]);
            if (account.empty()) {
                sink.skipped(line, "not an account address: `" +
                                       std::string(trim(lists && row.size() > 1 ? row[1] : row[0])).substr(0, 80) +
                                       "`");
                continue;
            }
            PersonRecord record;
            record.line = line;
            // An account on two lists is one person, not a duplicate row.
            record.key = lowerAscii(account) + (lists ? "|" + std::string(trim(row[0])) : std::string());
            record.anonymous = true;
            record.identities.push_back(Identity{.network = "mastodon", .key = account, .handle = {}, .url = {}});
            if (lists && !trim(row[0]).empty()) {
                record.tags.emplace_back(trim(row[0]));
            }
            const std::string key = record.key;
            sink.person(std::move(record));
            if (!lists) {
                sink.link(LinkRecord{.from = kMeKey, .to = key, .kind = LinkKind::Follows, .line = line});
            }
        }
        sink.progress(csv.bytesConsumed());
        return {};
    }
};

}  // namespace

std::unique_ptr<Parser> makeMastodonParser()
{
    return std::make_unique<MastodonParser>();
}

}  // namespace warmpath::import
