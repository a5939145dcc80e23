#include "fetch/HttpClient.h"

#include <algorithm>

#include <curl/curl.h>

#include "fetch/HttpText.h"

namespace warmpath::fetch {
namespace {

using Clock = std::chrono::system_clock;
using detail::lower;
using detail::parseInteger;
using detail::trimmed;

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

/// One reusable curl easy handle (keeps its connection alive between requests to a host).
struct HttpClient::Handle {
    CURL* curl = curl_easy_init();
    Handle() = default;
    ~Handle() { curl_easy_cleanup(curl); }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&&) = delete;
    Handle& operator=(Handle&&) = delete;
};

std::string HttpResponse::header(std::string_view name) const
{
    const auto it = headers.find(std::string(name));
    return it == headers.end() ? std::string() : it->second;
}

HttpClient::HttpClient(HttpOptions options)
    : m_options(std::move(options)),
      m_jitterState(static_cast<std::uint64_t>(Clock::now().time_since_epoch().count()) | 1)
{
    initCurlOnce();
    if (m_options.userAgent.empty()) {
        m_options.userAgent = defaultUserAgent();
    }
    m_options.maxAttempts = std::max(1, m_options.maxAttempts);
    m_options.maxInFlightPerHost = std::max(1, m_options.maxInFlightPerHost);
}

HttpClient::~HttpClient() = default;

HttpCounters HttpClient::counters() const
{
    return HttpCounters{
        .requests = m_requests.load(), .retries = m_retries.load(), .rateLimitWaits = m_rateLimitWaits.load()};
}

std::unique_ptr<HttpClient::Handle> HttpClient::takeHandle()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            auto handle = std::move(m_idle.back());
            m_idle.pop_back();
            return handle;
        }
    }
    auto handle = std::make_unique<Handle>();
    if (handle->curl == nullptr) {
        throw std::bad_alloc();
    }
    return handle;
}

void HttpClient::returnHandle(std::unique_ptr<Handle> handle)
{
    std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(handle));
}

std::chrono::milliseconds HttpClient::backoff(int attempt)
{
    // Exponential with "equal jitter": half the delay fixed, half random, so clients that failed
    // together do not retry together.
    const auto base = m_options.backoffBase.count();
    const auto capped = std::min<std::int64_t>(m_options.backoffMax.count(), base << std::min(attempt - 1, 20));
    std::uint64_t random = 0;
    {
        std::lock_guard lock(m_mutex);
        m_jitterState ^= m_jitterState << 13;
        m_jitterState ^= m_jitterState >> 7;
        m_jitterState ^= m_jitterState << 17;
        random = m_jitterState;
    }
    const auto half = capped / 2;
    const auto jitter = half > 0 ? static_cast<std::int64_t>(random % static_cast<std::uint64_t>(half + 1)) : 0;
    return std::chrono::milliseconds(capped - half + jitter);
}

bool HttpClient::acquireSlot(const std::string& host, const CancelToken* cancel)
{
    std::unique_lock lock(m_mutex);
    while (m_inFlight[host] >= m_options.maxInFlightPerHost) {
        if (cancel != nullptr && cancel->cancelled()) {
            return false;
        }
        m_slotFreed.wait_for(lock, std::chrono::milliseconds(20));
    }
    ++m_inFlight[host];
    return true;
}

void HttpClient::releaseSlot(const std::string& host)
{
    {
        std::lock_guard lock(m_mutex);
        --m_inFlight[host];
    }
    m_slotFreed.notify_all();
}

bool HttpClient::respectRateLimit(const std::string& host, const CancelToken* cancel)
{
    std::chrono::milliseconds wait{0};
    {
        std::lock_guard lock(m_mutex);
        auto it = m_rateLimits.find(host);
        if (it == m_rateLimits.end() || !it->second.remaining) {
            return true;
        }
        RateLimit& limit = it->second;
        const auto now = Clock::now();
        if (limit.resetAt <= now) {
            limit.remaining.reset();
            return true;
        }
        const auto untilReset = std::chrono::duration_cast<std::chrono::milliseconds>(limit.resetAt - now);
        if (*limit.remaining <= 0) {
            wait = untilReset;
            limit.remaining.reset();  // the window that follows is fresh
        } else if (*limit.remaining <= m_options.rateLimitLowWater) {
            wait = untilReset / (*limit.remaining + 1);
            --*limit.remaining;
        }
    }
    if (wait.count() <= 0) {
        return true;
    }
    ++m_rateLimitWaits;
    wait = std::min(wait, m_options.maxRetryAfter);
    if (m_options.onWait) {
        m_options.onWait(wait, "rate limit");
    }
    return sleepUnlessCancelled(wait, cancel);
}

void HttpClient::noteRateLimit(const std::string& host, const HttpResponse& response)
{
    std::string remaining = response.header("ratelimit-remaining");
    std::string reset = response.header("ratelimit-reset");
    if (remaining.empty()) {
        remaining = response.header("x-ratelimit-remaining");
        reset = response.header("x-ratelimit-reset");
    }
    const auto left = parseInteger(remaining);
    const auto resetAt = parseRateLimitReset(reset, Clock::now());
    if (!left || !resetAt) {
        return;
    }
    std::lock_guard lock(m_mutex);
    m_rateLimits[host] = RateLimit{.remaining = *left, .resetAt = *resetAt};
}

namespace {

struct Transfer {
    std::string* body = nullptr;
    std::map<std::string, std::string>* headers = nullptr;
    std::size_t maxBody = 0;
    bool tooBig = false;
    const CancelToken* cancel = nullptr;
};

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* transfer = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    if (transfer->body->size() + bytes > transfer->maxBody) {
        transfer->tooBig = true;
        return 0;  // aborts the transfer
    }
    transfer->body->append(data, bytes);
    return bytes;
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* transfer = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    const std::string_view line(data, bytes);
    if (line.rfind("HTTP/", 0) == 0) {
        transfer->headers->clear();  // a new response (after a redirect or a 100 Continue)
        return bytes;
    }
    const auto colon = line.find(':');
    if (colon != std::string_view::npos) {
        (*transfer->headers)[lower(trimmed(line.substr(0, colon)))] = std::string(trimmed(line.substr(colon + 1)));
    }
    return bytes;
}

int onProgress(void* user, curl_off_t /*dltotal*/, curl_off_t /*dlnow*/, curl_off_t /*ultotal*/, curl_off_t /*ulnow*/)
{
    const auto* transfer = static_cast<const Transfer*>(user);
    return transfer->cancel != nullptr && transfer->cancel->cancelled() ? 1 : 0;
}

bool retriableCurlError(CURLcode code)
{
    switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return true;
    default:
        return false;
    }
}

}  // namespace

HttpClient::Attempt HttpClient::perform(const std::string& url, const CancelToken* cancel)
{
    Attempt attempt;
    std::unique_ptr<Handle> handle = takeHandle();
    CURL* curl = handle->curl;
    curl_easy_reset(curl);
    Transfer transfer{.body = &attempt.response.body,
                      .headers = &attempt.response.headers,
                      .maxBody = m_options.maxBodyBytes,
                      .cancel = cancel};
    struct HeaderList {
        curl_slist* list = nullptr;
        ~HeaderList() { curl_slist_free_all(list); }
    } requestHeaders;
    requestHeaders.list = curl_slist_append(nullptr, "Accept: application/json");
    char errorBuffer[CURL_ERROR_SIZE] = {};

    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, m_options.userAgent.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, requestHeaders.list);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever this libcurl can decode
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_options.connectTimeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.requestTimeout.count()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &onProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);

    ++m_requests;
    const CURLcode code = curl_easy_perform(curl);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    if (code == CURLE_OK) {
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &attempt.response.status);
        char* effective = nullptr;
        curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &effective);
        attempt.response.url = effective != nullptr ? effective : url;
    } else if (code == CURLE_ABORTED_BY_CALLBACK) {
        attempt.cancelled = true;
    } else {
        attempt.transportError = true;
        attempt.retriable = retriableCurlError(code);
        attempt.error = transfer.tooBig ? "response larger than " + std::to_string(m_options.maxBodyBytes) + " bytes"
                                        : std::string(errorBuffer[0] != '\0' ? errorBuffer : curl_easy_strerror(code));
    }
    returnHandle(std::move(handle));
    return attempt;
}

Result<HttpResponse> HttpClient::get(const std::string& url, const CancelToken* cancel)
{
    const std::string host = originOf(url);
    if (host.empty()) {
        return Error("not a URL: " + url);
    }
    Attempt last;
    for (int attempt = 1; attempt <= m_options.maxAttempts; ++attempt) {
        if (attempt > 1) {
            ++m_retries;
        }
        // A request is not even begun once cancelled.
        if ((cancel != nullptr && cancel->cancelled()) || !respectRateLimit(host, cancel) ||
            !acquireSlot(host, cancel)) {
            return Error::cancelled();
        }
        last = perform(url, cancel);
        releaseSlot(host);
        if (last.cancelled) {
            return Error::cancelled();
        }
        const bool finalAttempt = attempt == m_options.maxAttempts;
        if (last.transportError) {
            if (!last.retriable) {
                HttpResponse failed;
                failed.url = url;
                failed.failure = last.error;
                return failed;
            }
            if (finalAttempt) {
                break;
            }
            const auto wait = backoff(attempt);
            if (m_options.onWait) {
                m_options.onWait(wait, "retry");
            }
            if (!sleepUnlessCancelled(wait, cancel)) {
                return Error::cancelled();
            }
            continue;
        }
        noteRateLimit(host, last.response);
        const long status = last.response.status;
        const bool tooMany = status == 429;
        const bool serverTrouble = status == 500 || status == 502 || status == 503 || status == 504;
        if ((!tooMany && !serverTrouble) || finalAttempt) {
            return std::move(last.response);
        }
        std::chrono::milliseconds wait = backoff(attempt);
        if (const auto retryAfter = parseRetryAfter(last.response.header("retry-after"), Clock::now())) {
            wait = std::min<std::chrono::milliseconds>(*retryAfter, m_options.maxRetryAfter);
        }
        if (tooMany) {
            ++m_rateLimitWaits;
        }
        if (m_options.onWait) {
            m_options.onWait(wait, tooMany ? "rate limit" : "retry");
        }
        if (!sleepUnlessCancelled(wait, cancel)) {
            return Error::cancelled();
        }
    }
    return Error(last.error.empty() ? std::string("no response") : last.error);
}

}  // namespace warmpath::fetch
