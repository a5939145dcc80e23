#include "fetch/BlueskyCrawler.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "fetch/ResponseParsers.h"

namespace warmpath::fetch {
namespace {

constexpr int kPageSize = 100;

/// XRPC errors that mean "this account's graph is not shown to us", not a failure.
constexpr std::array<std::string_view, 5> kHiddenErrors = {"BlockedActor", "BlockedByActor", "AccountTakedown",
                                                           "AccountDeactivated", "AuthMissing"};

}  // namespace

BlueskyCrawler::BlueskyCrawler(HttpClient& http, std::string api, const CancelToken* cancel)
    : m_http(http), m_api(api.empty() ? std::string(kDefaultApi) : std::move(api)), m_cancel(cancel)
{
    while (!m_api.empty() && m_api.back() == '/') {
        m_api.pop_back();
    }
}

Result<std::string> BlueskyCrawler::normaliseStart(std::string_view start) const
{
    std::string text(start);
    text.erase(std::remove_if(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; }),
               text.end());
    if (!text.empty() && text.front() == '@') {
        text.erase(0, 1);
    }
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool did = text.rfind("did:", 0) == 0 && text.size() > 8;
    const bool handle = text.find('.') != std::string::npos && text.find_first_of("/?#@:") == std::string::npos;
    if (!did && !handle) {
        return Error("not a Bluesky handle or DID: '" + std::string(start) + "' (e.g. ana.bsky.social or did:plc:...)");
    }
    return text;
}

Result<Account> BlueskyCrawler::resolveStart(std::string_view start)
{
    Result<std::string> actor = normaliseStart(start);
    if (!actor) {
        return actor.error();
    }
    const std::string url = m_api + "/xrpc/app.bsky.actor.getProfile?actor=" + urlEncode(*actor);
    Result<HttpResponse> response = m_http.get(url, m_cancel);
    if (!response) {
        return response.error().isCancelled() ? response.error() : Error(url + ": " + response.error().message);
    }
    if (response->status != 200) {
        return Error(url + ": " + describeFailure(*response));
    }
    Result<Account> account = parseBlueskyProfile(response->body);
    if (!account) {
        return Error(url + ": " + account.error().message);
    }
    return account;
}

PageFetch BlueskyCrawler::fetchPage(const QueuedAccount& queued)
{
    PageFetch fetch;
    if (queued.account.hiddenHint && queued.cursor.empty()) {
        fetch.status = PageFetch::Status::Hidden;
        return fetch;
    }
    fetch.url = m_api + "/xrpc/app.bsky.graph.getFollows?actor=" + urlEncode(queued.account.key) +
                "&limit=" + std::to_string(kPageSize);
    if (!queued.cursor.empty()) {
        fetch.url += "&cursor=" + urlEncode(queued.cursor);
    }
    Result<HttpResponse> response = m_http.get(fetch.url, m_cancel);
    if (!response) {
        fetch.status = PageFetch::Status::Stopped;
        fetch.error = response.error();
        return fetch;
    }
    if (response->status == 429) {
        // Still rate limited after the retries: not this account's fault; stop and resume later.
        fetch.status = PageFetch::Status::Stopped;
        fetch.error = Error("still rate limited (HTTP 429) after the retries");
        return fetch;
    }
    if (response->status != 200) {
        const std::string name = xrpcErrorName(response->body);
        const bool hidden = response->status == 401 || response->status == 403 ||
                            (response->status == 400 &&
                             std::find(kHiddenErrors.begin(), kHiddenErrors.end(), name) != kHiddenErrors.end());
        fetch.status = hidden ? PageFetch::Status::Hidden : PageFetch::Status::Failed;
        fetch.error = Error(describeFailure(*response));
        return fetch;
    }
    Result<BlueskyFollowsPage> page = parseBlueskyFollows(response->body);
    if (!page) {
        fetch.status = PageFetch::Status::Failed;
        fetch.error = page.error();
        return fetch;
    }
    fetch.status = PageFetch::Status::Page;
    // An empty page ends the list even with a cursor, and a cursor that does not move would
    // loop forever.
    if (!page->cursor.empty() && !page->follows.empty() && page->cursor != queued.cursor) {
        fetch.next = page->cursor;
    }
    fetch.follows = std::move(page->follows);
    return fetch;
}

}  // namespace warmpath::fetch
