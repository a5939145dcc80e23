#pragma once

#include <functional>
#include <string>

#include "fetch/FollowSource.h"
#include "fetch/HttpClient.h"
#include "fetch/MastodonServers.h"

namespace warmpath::fetch {

/// Mastodon's REST API: `/api/v1/accounts/lookup?acct=` and `/api/v1/accounts/:id/following`
/// (limit 80, paging through the `Link: <...>; rel="next"` header). Without an `api` override an
/// account is looked up and paged on its own server (MastodonServers finds it, through WebFinger
/// when the account's domain serves no API); with one, every request goes there.
/// Identities are `mastodon:user@domain`, named by the account's own server domain: an `acct`
/// without `@host` belongs to the domain the answering instance names, never to the host its API
/// was reached at. A follow list is hidden when the account has `hide_collections`, when the
/// server answers 401/403, or when the first page is empty while the account's `following_count`
/// is above zero (what Mastodon does for hidden lists).
class MastodonCrawler final : public FollowSource {
public:
    /// `api`: base URL for every request, or empty. `serverFor(host)` gives the base URL of a
    /// host's server when `api` is empty (default `https://HOST`). `home`: the start account's
    /// address; its server tells a dead server apart from a dead network.
    MastodonCrawler(HttpClient& http, std::string api, MastodonServers::ServerFor serverFor, const CancelToken* cancel,
                    std::string home = {});

    [[nodiscard]] std::string_view network() const override { return "mastodon"; }
    [[nodiscard]] Result<std::string> normaliseStart(std::string_view start) const override;
    Result<Account> resolveStart(std::string_view start) override;
    PageFetch fetchPage(const QueuedAccount& account) override;
    std::vector<HostAlias> takeAliases() override { return m_servers.takeAliases(); }

private:
    /// Why a lookup gave no account: an answer that says so, none at all, or still a 429.
    enum class LookupFailure { Answered, NoAnswer, RateLimited };
    Result<Account> lookup(const MastodonServer& server, const std::string& address, std::string* url,
                           LookupFailure* failure);
    /// After no answer came (`why`) for an account of `domain`: Failed (with "server
    /// unreachable: ") when that server alone is unreachable (the start account's server still
    /// answers), so the account fails and the crawl goes on; Stopped when the network itself
    /// seems gone, or the CancelToken was set.
    void noAnswer(PageFetch& fetch, const std::string& domain, const Error& why);

    HttpClient& m_http;
    MastodonServers m_servers;
    bool m_viaApi;
    const CancelToken* m_cancel;
    std::string m_homeDomain;
};

}  // namespace warmpath::fetch
