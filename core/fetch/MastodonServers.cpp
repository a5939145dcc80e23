#include "fetch/MastodonServers.h"

#include "fetch/ResponseParsers.h"

namespace warmpath::fetch {

std::string domainOfAddress(const std::string& address)
{
    return address.substr(address.find('@') + 1);
}

std::string withoutTrailingSlash(std::string url)
{
    while (!url.empty() && url.back() == '/') {
        url.pop_back();
    }
    return url;
}

MastodonServers::MastodonServers(HttpClient& http, std::string api, ServerFor serverFor, const CancelToken* cancel)
    : m_http(http), m_api(withoutTrailingSlash(std::move(api))), m_serverFor(std::move(serverFor)), m_cancel(cancel)
{
}

std::string MastodonServers::reach(const std::string& host) const
{
    return withoutTrailingSlash(m_serverFor ? m_serverFor(host) : "https://" + host);
}

std::string MastodonServers::baseOf(const std::string& host) const
{
    if (!m_api.empty()) {
        return m_api;
    }
    const auto known = m_byHost.find(host);
    return known != m_byHost.end() ? known->second.base : reach(host);
}

std::optional<std::string> MastodonServers::askDomain(const std::string& base, Error* failure)
{
    for (const auto& [path, field] : {std::pair{"/api/v2/instance", "domain"}, std::pair{"/api/v1/instance", "uri"}}) {
        Result<HttpResponse> response = m_http.get(base + path, m_cancel);
        if (!response) {
            *failure = response.error();
            return std::nullopt;
        }
        if (response->status != 200) {
            continue;
        }
        if (std::string domain = instanceDomain(response->body, field); !domain.empty()) {
            return domain;
        }
    }
    return std::string();
}

void MastodonServers::remember(const std::string& host, const MastodonServer& server)
{
    m_byHost[host] = server;
    if (server.domain.empty() || server.domain == host) {
        return;
    }
    // Its accounts are named by that domain, so accounts of the domain are asked here too.
    m_byHost.try_emplace(server.domain, server);
    if (m_aliasesSeen.emplace(host, server.domain).second) {
        m_aliases.push_back(HostAlias{.host = host, .domain = server.domain});
    }
}

std::vector<HostAlias> MastodonServers::takeAliases()
{
    return std::exchange(m_aliases, {});
}

Result<MastodonServer> MastodonServers::of(const std::string& address, std::string* url, bool* noAnswer)
{
    *noAnswer = false;
    Error failure;
    if (!m_api.empty()) {
        if (!m_apiServer) {
            *url = m_api + "/api/v2/instance";
            std::optional<std::string> domain = askDomain(m_api, &failure);
            if (!domain) {
                *noAnswer = true;
                return failure;
            }
            // Only a transport: the URL of --api names nothing, and no alias is learned from it.
            m_apiServer = MastodonServer{.base = m_api, .domain = std::move(*domain)};
        }
        return *m_apiServer;
    }

    const std::string domain = domainOfAddress(address);
    if (const auto known = m_byHost.find(domain); known != m_byHost.end()) {
        return known->second;
    }
    const std::string user = address.substr(0, address.find('@'));
    const std::string base = reach(domain);
    *url = base + "/api/v2/instance";
    std::optional<std::string> named = askDomain(base, &failure);
    if (!named) {
        *noAnswer = true;
        return failure;
    }
    if (!named->empty()) {
        MastodonServer server{.base = base, .domain = trusted(*named, domain, {}, user)};
        remember(domain, server);
        return server;
    }

    // The domain serves no Mastodon API: its WebFinger says where the account lives.
    std::optional<std::string> host = webfingerHost(domain, user, url, &failure);
    if (!host) {
        *noAnswer = true;
        return failure;
    }
    if (host->empty() || *host == domain) {
        return Error(domain + " serves no Mastodon API, and its WebFinger does not say where " + address + " is");
    }
    const std::string hostBase = reach(*host);
    *url = hostBase + "/api/v2/instance";
    named = askDomain(hostBase, &failure);
    if (!named) {
        *noAnswer = true;
        return failure;
    }
    if (named->empty()) {
        return Error(*host + ", where WebFinger places " + address + ", serves no Mastodon API");
    }
    MastodonServer server{.base = hostBase, .domain = trusted(*named, *host, domain, user)};
    remember(*host, server);
    m_byHost.try_emplace(domain, server);
    return server;
}

std::optional<std::string> MastodonServers::webfingerHost(const std::string& domain, const std::string& user,
                                                          std::string* url, Error* failure)
{
    *url = reach(domain) + "/.well-known/webfinger?resource=" + urlEncode("acct:" + user + "@" + domain);
    Result<HttpResponse> response = m_http.get(*url, m_cancel);
    if (!response) {
        *failure = response.error();
        return std::nullopt;
    }
    return response->status == 200 ? hostOf(webfingerAccountUrl(response->body)) : std::string();
}

std::string MastodonServers::trusted(const std::string& claimed, const std::string& host, const std::string& ledFrom,
                                     const std::string& user)
{
    if (claimed == host || claimed == ledFrom) {
        return claimed;
    }
    // Any server can claim any domain; the domain itself must say the account lives here, as
    // Mastodon checks before it believes a remote account's name. Unconfirmed, the claim is
    // dropped, and bare accounts are named by the host of their `url`.
    std::string url;
    Error failure;
    const std::optional<std::string> confirmed = webfingerHost(claimed, user, &url, &failure);
    return confirmed && *confirmed == host ? claimed : std::string();
}

}  // namespace warmpath::fetch
