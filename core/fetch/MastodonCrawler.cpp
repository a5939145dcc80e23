#include "fetch/MastodonCrawler.h"

#include "fetch/ResponseParsers.h"

namespace warmpath::fetch {
namespace {

constexpr int kPageSize = 80;

}  // namespace

MastodonCrawler::MastodonCrawler(HttpClient& http, std::string api, MastodonServers::ServerFor serverFor,
                                 const CancelToken* cancel, std::string home)
    : m_http(http), m_servers(http, api, std::move(serverFor), cancel), m_viaApi(!api.empty()), m_cancel(cancel)
{
    const std::string address = mastodonAddress(home);
    if (!address.empty()) {
        m_homeDomain = domainOfAddress(address);
    }
}

void MastodonCrawler::noAnswer(PageFetch& fetch, const std::string& domain, const Error& why)
{
    fetch.status = PageFetch::Status::Stopped;
    fetch.error = why;
    if (why.isCancelled() || m_viaApi || m_homeDomain.empty() || domain == m_homeDomain) {
        return;
    }
    // Any answer at all from the home server means the network works.
    if (m_http.get(m_servers.baseOf(m_homeDomain) + "/api/v2/instance", m_cancel).ok()) {
        fetch.status = PageFetch::Status::Failed;
        fetch.error = Error("server unreachable: " + why.message);
    }
}

Result<std::string> MastodonCrawler::normaliseStart(std::string_view start) const
{
    std::string address = mastodonAddress(start);
    if (address.empty()) {
        return Error("not a Mastodon account address: '" + std::string(start) + "' (expected USER@HOST)");
    }
    return address;
}

Result<Account> MastodonCrawler::lookup(const MastodonServer& server, const std::string& address, std::string* url,
                                        LookupFailure* failure)
{
    *url = server.base + "/api/v1/accounts/lookup?acct=" + urlEncode(address);
    *failure = LookupFailure::Answered;
    Result<HttpResponse> response = m_http.get(*url, m_cancel);
    if (!response) {
        *failure = LookupFailure::NoAnswer;
        return response.error();
    }
    if (response->status == 429) {
        *failure = LookupFailure::RateLimited;
        return Error("still rate limited (HTTP 429) after the retries");
    }
    if (response->status != 200) {
        return Error(response->status == 404 ? "no such account (HTTP 404)" : describeFailure(*response));
    }
    return parseMastodonAccount(response->body, server.domain);
}

Result<Account> MastodonCrawler::resolveStart(std::string_view start)
{
    Result<std::string> address = normaliseStart(start);
    if (!address) {
        return address.error();
    }
    std::string url;
    bool noServer = false;
    LookupFailure failure = LookupFailure::Answered;
    Result<MastodonServer> server = m_servers.of(*address, &url, &noServer);
    Result<Account> account = server ? lookup(*server, *address, &url, &failure) : server.error();
    if (!account) {
        if (account.error().isCancelled()) {
            return account.error();
        }
        return Error(url + ": " + account.error().message);
    }
    // Named as its server names it: `user@social.example.com` of a server whose domain is
    // `example.com` is `user@example.com`.
    return account;
}

PageFetch MastodonCrawler::fetchPage(const QueuedAccount& queued)
{
    PageFetch fetch;
    if (queued.account.hiddenHint && queued.cursor.empty()) {
        fetch.status = PageFetch::Status::Hidden;
        return fetch;
    }
    const std::string domain = domainOfAddress(queued.account.key);
    bool stopped = false;
    Result<MastodonServer> server = m_servers.of(queued.account.key, &fetch.url, &stopped);
    if (!server) {
        if (stopped) {
            noAnswer(fetch, domain, server.error());
        } else {
            fetch.status = PageFetch::Status::Failed;
            fetch.error = server.error();
        }
        return fetch;
    }
    std::optional<std::int64_t> followingCount = queued.account.followingCount;
    if (queued.cursor.empty()) {
        std::optional<std::string> id = queued.account.remoteId;
        if (!id) {
            LookupFailure failure = LookupFailure::Answered;
            Result<Account> found = lookup(*server, queued.account.key, &fetch.url, &failure);
            if (!found) {
                if (failure == LookupFailure::NoAnswer) {
                    noAnswer(fetch, domain, found.error());
                } else {
                    // Still rate limited after the retries: not this account's fault; resume later.
                    fetch.status =
                        failure == LookupFailure::RateLimited ? PageFetch::Status::Stopped : PageFetch::Status::Failed;
                    fetch.error = found.error();
                }
                return fetch;
            }
            id = found->remoteId;
            followingCount = found->followingCount;
            fetch.followingCount = followingCount;
            if (found->hiddenHint) {
                fetch.status = PageFetch::Status::Hidden;
                return fetch;
            }
        }
        fetch.remoteId = id;
        fetch.url =
            server->base + "/api/v1/accounts/" + urlEncode(*id) + "/following?limit=" + std::to_string(kPageSize);
    } else {
        fetch.url = queued.cursor;
        if (originOf(fetch.url) != originOf(server->base)) {
            fetch.status = PageFetch::Status::Failed;
            fetch.error = Error("the next-page link leads to another server; not followed");
            return fetch;
        }
    }
    Result<HttpResponse> response = m_http.get(fetch.url, m_cancel);
    if (!response) {
        noAnswer(fetch, domain, response.error());
        return fetch;
    }
    if (response->status == 429) {
        // Still rate limited after the retries: not this account's fault; stop and resume later.
        fetch.status = PageFetch::Status::Stopped;
        fetch.error = Error("still rate limited (HTTP 429) after the retries");
        return fetch;
    }
    if (response->status == 401 || response->status == 403) {
        fetch.status = PageFetch::Status::Hidden;
        fetch.error = Error(describeFailure(*response));
        return fetch;
    }
    if (response->status != 200) {
        fetch.status = PageFetch::Status::Failed;
        fetch.error = Error(describeFailure(*response));
        return fetch;
    }
    Result<std::vector<Account>> follows = parseMastodonAccounts(response->body, server->domain);
    if (!follows) {
        fetch.status = PageFetch::Status::Failed;
        fetch.error = follows.error();
        return fetch;
    }
    if (follows->empty() && queued.cursor.empty() && followingCount.value_or(0) > 0) {
        // Mastodon answers an empty list for an account that hides whom it follows.
        fetch.status = PageFetch::Status::Hidden;
        return fetch;
    }
    for (Account& follow : *follows) {
        // An id is only good on the server that gave it, which is the server of its own
        // accounts (and, with --api, of everyone).
        if (!m_viaApi && (server->domain.empty() || domainOfAddress(follow.key) != server->domain)) {
            follow.remoteId.reset();
        }
    }
    fetch.status = PageFetch::Status::Page;
    if (!follows->empty()) {
        if (auto next = nextLink(response->header("link")); next && *next != fetch.url) {
            fetch.next = std::move(next);
        }
    }
    fetch.follows = std::move(follows).value();
    return fetch;
}

}  // namespace warmpath::fetch
