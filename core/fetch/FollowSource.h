#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/Result.h"

namespace warmpath::fetch {

/// One account as a network's API describes it.
struct Account {
    std::string key;     ///< the identity key: a DID, or user@host (lower case)
    std::string handle;  ///< Bluesky handle; empty for Mastodon (the key is the address)
    std::string name;    ///< display name, may be empty
    std::string url;     ///< profile URL when the API gives one
    /// Mastodon: the account's id on the server that will be asked for its follow list.
    std::optional<std::string> remoteId;
    std::optional<std::int64_t> followingCount;
    /// The profile already says the follow list is not public (Mastodon `hide_collections`,
    /// Bluesky's `!no-unauthenticated` self-label): it is recorded as hidden without a request.
    bool hiddenHint = false;
};

/// An account whose follow list the crawl is fetching, with where it stopped.
struct QueuedAccount {
    std::int64_t row = 0;  ///< crawl_account.id
    int depth = 0;
    Account account;
    std::string cursor;  ///< empty: the first page
    int pages = 0;       ///< pages already stored
};

/// What asking for one page of a follow list gave.
struct PageFetch {
    enum class Status {
        Page,     ///< `follows` (possibly empty) and `next` are valid
        Hidden,   ///< the follow list is not public
        Failed,   ///< unusable answer (HTTP error, malformed JSON): `url` and `error` say which
        Stopped,  ///< no answer (network down after retries, or cancelled): try again later
    };
    Status status = Status::Failed;
    std::vector<Account> follows;
    std::optional<std::string> next;  ///< nullopt: that was the last page
    std::optional<std::string> remoteId;
    std::optional<std::int64_t> followingCount;
    std::string url;
    /// Why the page is Failed or Stopped; Error::cancelled() when the CancelToken stopped it.
    Error error;
};

/// A host name found to be another spelling of a domain: Mastodon's server reached as `host`
/// whose instance names `domain` (its WEB_DOMAIN and LOCAL_DOMAIN), so `user@host` is
/// `user@domain`.
struct HostAlias {
    std::string host;
    std::string domain;
    friend bool operator==(const HostAlias&, const HostAlias&) = default;
};

/// One network's follow-list API (BlueskyCrawler, MastodonCrawler). The CrawlRunner owns the
/// frontier and the storage; a source only turns requests into accounts.
class FollowSource {
public:
    virtual ~FollowSource() = default;
    FollowSource() = default;
    FollowSource(const FollowSource&) = delete;
    FollowSource& operator=(const FollowSource&) = delete;
    FollowSource(FollowSource&&) = delete;
    FollowSource& operator=(FollowSource&&) = delete;

    /// `bsky` or `mastodon`: the identity network of the accounts.
    [[nodiscard]] virtual std::string_view network() const = 0;
    /// The start account's canonical form for matching a crawl to resume (`@Ana.bsky.social` →
    /// `ana.bsky.social`), or an Error when `start` cannot name an account.
    [[nodiscard]] virtual Result<std::string> normaliseStart(std::string_view start) const = 0;
    /// Looks the start account up (its profile). The Error names the URL.
    virtual Result<Account> resolveStart(std::string_view start) = 0;
    /// Fetches the page of `account`'s follow list that its cursor points at.
    virtual PageFetch fetchPage(const QueuedAccount& account) = 0;
    /// The aliases learned since the last call (resolveStart and fetchPage learn them): what is
    /// stored under the old spelling is renamed by the caller.
    virtual std::vector<HostAlias> takeAliases() { return {}; }
};

}  // namespace warmpath::fetch
