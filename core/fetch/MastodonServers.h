#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "fetch/FollowSource.h"
#include "fetch/HttpClient.h"

namespace warmpath::fetch {

/// A Mastodon server as a crawl uses it.
struct MastodonServer {
    std::string base;    ///< base URL of its API, without a trailing slash
    std::string domain;  ///< the domain its own accounts are named by; empty when its instance names none
};

/// Finds, once per run, the server that answers for the accounts of a domain, and the domain that
/// server names its accounts by. A Mastodon account `user@example.com` may be served from
/// `social.example.com` (Mastodon's LOCAL_DOMAIN and WEB_DOMAIN): its name is the domain, the
/// host is only where its API is reached.
///
/// With `api`, that server answers for every account. Otherwise the domain's own host
/// (`serverFor(DOMAIN)`, default `https://DOMAIN`) when it serves the Mastodon API (its
/// `/api/v2/instance`, else `/api/v1/instance`, names a domain), else the host that the domain's
/// WebFinger (`/.well-known/webfinger?resource=acct:USER@DOMAIN`) points the account at. A server
/// that names a domain other than its own host is believed only when that domain's WebFinger
/// points at it (or led to it).
class MastodonServers {
public:
    using ServerFor = std::function<std::string(const std::string& host)>;

    MastodonServers(HttpClient& http, std::string api, ServerFor serverFor, const CancelToken* cancel);

    /// The server of `address` (`user@domain`). On failure `*url` is the request that failed and
    /// `*noAnswer` says whether that was because no answer came at all (the server or the network
    /// is down; or the CancelToken was set, then the Error is Error::cancelled()), rather than an
    /// answer that names no Mastodon server.
    Result<MastodonServer> of(const std::string& address, std::string* url, bool* noAnswer);
    /// The base URL that reaches `host`: the one found for it this run, else serverFor(host).
    [[nodiscard]] std::string baseOf(const std::string& host) const;
    /// The host names found since the last call to be another spelling of a domain: a server
    /// reached as HOST whose instance names DOMAIN (each pair once per run).
    std::vector<HostAlias> takeAliases();

private:
    /// The domain `base`'s instance document names: nullopt (with `*failure`) when no answer came,
    /// empty when it answered but names none (no Mastodon API there).
    std::optional<std::string> askDomain(const std::string& base, Error* failure);
    /// The host `domain`'s WebFinger places `user@domain` on: nullopt (with `*failure`) when no
    /// answer came, empty when the answer names none. `*url` is the request.
    std::optional<std::string> webfingerHost(const std::string& domain, const std::string& user, std::string* url,
                                             Error* failure);
    /// `claimed`, the domain the server at `host` names, when it may: it is `host` itself, or the
    /// domain whose WebFinger led to `host` (`ledFrom`), or a domain whose WebFinger places
    /// `user` on `host`. Otherwise empty: the server names no domain it can be believed about.
    std::string trusted(const std::string& claimed, const std::string& host, const std::string& ledFrom,
                        const std::string& user);
    /// `server` answers for `host` (the name it was reached by) and for the domain it names.
    void remember(const std::string& host, const MastodonServer& server);
    [[nodiscard]] std::string reach(const std::string& host) const;

    HttpClient& m_http;
    std::string m_api;
    ServerFor m_serverFor;
    const CancelToken* m_cancel;
    std::optional<MastodonServer> m_apiServer;
    std::map<std::string, MastodonServer> m_byHost;
    std::set<std::pair<std::string, std::string>> m_aliasesSeen;
    std::vector<HostAlias> m_aliases;
};

/// `user@host` → `host`.
[[nodiscard]] std::string domainOfAddress(const std::string& address);
/// The base URL without trailing slashes.
[[nodiscard]] std::string withoutTrailingSlash(std::string url);

}  // namespace warmpath::fetch
