#pragma once

#include <functional>
#include <optional>
#include <string>

#include "fetch/FollowSource.h"
#include "fetch/HttpClient.h"

namespace warmpath::fetch {

/// Mastodon's REST API: `/api/v1/accounts/lookup?acct=` and `/api/v1/accounts/:id/following`
/// (limit 80, paging through the `Link: <...>; rel="next"` header). Without an `api` override an
/// account is looked up and paged on its own server; with one, every request goes there.
/// Identities are `mastodon:user@host`. A follow list is hidden when the account has
/// `hide_collections`, when the server answers 401/403, or when the first page is empty while
/// the account's `following_count` is above zero (what Mastodon does for hidden lists).
class MastodonCrawler final : public FollowSource {
public:
    /// `api`: base URL for every request, or empty. `serverFor(host)` gives the base URL of a
    /// host's server when `api` is empty (default `https://HOST`). `home`: the start account's
    /// address; its server tells a dead server apart from a dead network.
    MastodonCrawler(HttpClient& http, std::string api, std::function<std::string(const std::string&)> serverFor,
                    const CancelToken* cancel, std::string home = {});

    [[nodiscard]] std::string_view network() const override { return "mastodon"; }
    [[nodiscard]] Result<std::string> normaliseStart(std::string_view start) const override;
    Result<Account> resolveStart(std::string_view start) override;
    PageFetch fetchPage(const QueuedAccount& account) override;

private:
    /// The base URL that answers for accounts of `host`.
    [[nodiscard]] std::string serverOf(const std::string& host) const;
    /// The host an `acct` without `@host` belongs to, when the server of `accountHost` answered:
    /// that host, or with `api` the domain the api server names in `/api/v2/instance`.
    [[nodiscard]] std::string answeringHost(const std::string& accountHost);
    Result<Account> lookup(const std::string& address, std::string* url, bool* stopped);
    /// After no answer came from `host`'s server: true when that server alone is unreachable
    /// (the start account's server still answers), so the account fails and the crawl goes on;
    /// false when the network itself seems gone and the crawl should stop.
    bool onlyThatServerIsDown(const std::string& host);

    HttpClient& m_http;
    std::string m_api;
    std::function<std::string(const std::string&)> m_serverFor;
    const CancelToken* m_cancel;
    std::optional<std::string> m_apiDomain;
    std::string m_homeHost;
};

}  // namespace warmpath::fetch
