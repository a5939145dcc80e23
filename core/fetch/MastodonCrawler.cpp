#include "fetch/MastodonCrawler.h"

#include "fetch/ResponseParsers.h"

namespace warmpath::fetch {
namespace {

constexpr int kPageSize = 80;

std::string hostOfAddress(const std::string& address)
{
    return address.substr(address.find('@') + 1);
}

std::string httpFailure(const HttpResponse& response)
{
    if (response.status == 0) {
        return response.failure;
    }
    std::string message = "HTTP " + std::to_string(response.status);
    if (const std::string detail = errorMessage(response.body); !detail.empty()) {
        message += ": " + detail.substr(0, 200);
    }
    return message;
}

std::string withoutTrailingSlash(std::string url)
{
    while (!url.empty() && url.back() == '/') {
        url.pop_back();
    }
    return url;
}

}  // namespace

MastodonCrawler::MastodonCrawler(HttpClient& http, std::string api,
                                 std::function<std::string(const std::string&)> serverFor, const CancelToken* cancel,
                                 std::string home)
    : m_http(http), m_api(withoutTrailingSlash(std::move(api))), m_serverFor(std::move(serverFor)), m_cancel(cancel)
{
    const std::string address = mastodonAddress(home);
    if (!address.empty()) {
        m_homeHost = hostOfAddress(address);
    }
}

bool MastodonCrawler::onlyThatServerIsDown(const std::string& host)
{
    if (!m_api.empty() || m_homeHost.empty() || host == m_homeHost || (m_cancel != nullptr && m_cancel->cancelled())) {
        return false;
    }
    // Any answer at all from the home server means the network works.
    return m_http.get(serverOf(m_homeHost) + "/api/v2/instance", m_cancel).ok();
}

Result<std::string> MastodonCrawler::normaliseStart(std::string_view start) const
{
    std::string address = mastodonAddress(start);
    if (address.empty()) {
        return Error("not a Mastodon account address: '" + std::string(start) + "' (expected USER@HOST)");
    }
    return address;
}

std::string MastodonCrawler::serverOf(const std::string& host) const
{
    if (!m_api.empty()) {
        return m_api;
    }
    return withoutTrailingSlash(m_serverFor ? m_serverFor(host) : "https://" + host);
}

std::string MastodonCrawler::answeringHost(const std::string& accountHost)
{
    if (m_api.empty()) {
        return accountHost;
    }
    if (!m_apiDomain) {
        // The api server's own domain is what its bare `acct`s belong to; its URL may differ
        // (a proxy, a WebFinger-delegated domain), so ask it once.
        m_apiDomain = hostOf(m_api);
        for (const auto& [path, field] :
             {std::pair{"/api/v2/instance", "domain"}, std::pair{"/api/v1/instance", "uri"}}) {
            Result<HttpResponse> response = m_http.get(m_api + path, m_cancel);
            if (!response || response->status != 200) {
                continue;
            }
            if (std::string domain = instanceDomain(response->body, field); !domain.empty()) {
                m_apiDomain = std::move(domain);
                break;
            }
        }
    }
    return *m_apiDomain;
}

Result<Account> MastodonCrawler::lookup(const std::string& address, std::string* url, bool* stopped)
{
    const std::string host = hostOfAddress(address);
    *url = serverOf(host) + "/api/v1/accounts/lookup?acct=" + urlEncode(address);
    *stopped = false;
    Result<HttpResponse> response = m_http.get(*url, m_cancel);
    if (!response) {
        *stopped = true;
        return Error("server unreachable: " + response.error().message);
    }
    if (response->status == 429) {
        *stopped = true;
        return Error("still rate limited (HTTP 429) after the retries");
    }
    if (response->status != 200) {
        return Error(response->status == 404 ? "no such account (HTTP 404)" : httpFailure(*response));
    }
    Result<Account> account = parseMastodonAccount(response->body, answeringHost(host));
    if (!account) {
        return account.error();
    }
    // The account asked about, whatever spelling the server answers with.
    account->key = address;
    return account;
}

Result<Account> MastodonCrawler::resolveStart(std::string_view start)
{
    Result<std::string> address = normaliseStart(start);
    if (!address) {
        return address.error();
    }
    std::string url;
    bool stopped = false;
    Result<Account> account = lookup(*address, &url, &stopped);
    if (!account) {
        return Error(url + ": " + account.error().message);
    }
    return account;
}

PageFetch MastodonCrawler::fetchPage(const QueuedAccount& queued)
{
    PageFetch fetch;
    if (queued.account.hiddenHint && queued.cursor.empty()) {
        fetch.status = PageFetch::Status::Hidden;
        return fetch;
    }
    const std::string host = hostOfAddress(queued.account.key);
    const std::string base = serverOf(host);
    std::optional<std::int64_t> followingCount = queued.account.followingCount;
    if (queued.cursor.empty()) {
        std::optional<std::string> id = queued.account.remoteId;
        if (!id) {
            bool stopped = false;
            Result<Account> found = lookup(queued.account.key, &fetch.url, &stopped);
            if (!found) {
                fetch.status =
                    stopped && !onlyThatServerIsDown(host) ? PageFetch::Status::Stopped : PageFetch::Status::Failed;
                fetch.error = found.error().message;
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
        fetch.url = base + "/api/v1/accounts/" + urlEncode(*id) + "/following?limit=" + std::to_string(kPageSize);
    } else {
        fetch.url = queued.cursor;
        if (originOf(fetch.url) != originOf(base)) {
            fetch.status = PageFetch::Status::Failed;
            fetch.error = "the next-page link leads to another server; not followed";
            return fetch;
        }
    }
    Result<HttpResponse> response = m_http.get(fetch.url, m_cancel);
    if (!response) {
        const bool serverDown = onlyThatServerIsDown(host);
        fetch.status = serverDown ? PageFetch::Status::Failed : PageFetch::Status::Stopped;
        fetch.error = (serverDown ? "server unreachable: " : "") + response.error().message;
        return fetch;
    }
    if (response->status == 429) {
        // Still rate limited after the retries: not this account's fault; stop and resume later.
        fetch.status = PageFetch::Status::Stopped;
        fetch.error = "still rate limited (HTTP 429) after the retries";
        return fetch;
    }
    if (response->status == 401 || response->status == 403) {
        fetch.status = PageFetch::Status::Hidden;
        fetch.error = httpFailure(*response);
        return fetch;
    }
    if (response->status != 200) {
        fetch.status = PageFetch::Status::Failed;
        fetch.error = httpFailure(*response);
        return fetch;
    }
    Result<std::vector<Account>> follows = parseMastodonAccounts(response->body, answeringHost(host));
    if (!follows) {
        fetch.status = PageFetch::Status::Failed;
        fetch.error = follows.error().message;
        return fetch;
    }
    if (follows->empty() && queued.cursor.empty() && followingCount.value_or(0) > 0) {
        // Mastodon answers an empty list for an account that hides whom it follows.
        fetch.status = PageFetch::Status::Hidden;
        return fetch;
    }
    for (Account& follow : *follows) {
        // An id is only good on the server that gave it.
        if (m_api.empty() && hostOfAddress(follow.key) != host) {
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
