#include "fetch/HttpClient.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <thread>

#include <curl/curl.h>

#include "Version.h"

namespace warmpath::fetch {
namespace {

using Clock = std::chrono::system_clock;

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
        text.remove_suffix(1);
    }
    return text;
}

std::optional<std::int64_t> parseInteger(std::string_view text)
{
    text = trimmed(text);
    if (text.empty() || text.size() > 18) {
        return std::nullopt;
    }
    std::int64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct UrlHandle {
    CURLU* url = curl_url();
    UrlHandle() = default;
    ~UrlHandle() { curl_url_cleanup(url); }
    UrlHandle(const UrlHandle&) = delete;
    UrlHandle& operator=(const UrlHandle&) = delete;
    UrlHandle(UrlHandle&&) = delete;
    UrlHandle& operator=(UrlHandle&&) = delete;

    std::string part(CURLUPart which) const
    {
        char* text = nullptr;
        if (curl_url_get(url, which, &text, 0) != CURLUE_OK || text == nullptr) {
            return {};
        }
        std::string out(text);
        curl_free(text);
        return out;
    }
};

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

std::string defaultUserAgent()
{
    return std::string("Warmpath/") + kVersion + " (+https://warmpath.example.org; local-first network map)";
}

std::string HttpResponse::header(std::string_view name) const
{
    const auto it = headers.find(std::string(name));
    return it == headers.end() ? std::string() : it->second;
}

std::optional<std::chrono::seconds> parseRetryAfter(std::string_view value, Clock::time_point now)
{
    value = trimmed(value);
    if (const auto seconds = parseInteger(value)) {
        return std::chrono::seconds(*seconds);
    }
    // HTTP-date: `Wed, 21 Oct 2015 07:28:00 GMT`.
    std::tm tm{};
    const std::string text(value);
    const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    if (end == nullptr || *end != '\0') {
        return std::nullopt;
    }
    const auto at = Clock::from_time_t(timegm(&tm));
    return std::max(std::chrono::seconds(0), std::chrono::duration_cast<std::chrono::seconds>(at - now));
}

std::optional<Clock::time_point> parseRateLimitReset(std::string_view value, Clock::time_point now)
{
    value = trimmed(value);
    if (const auto number = parseInteger(value)) {
        // The IETF draft's `RateLimit-Reset` counts seconds from now; Bluesky sends Unix time.
        return *number < 1'000'000'000 ? now + std::chrono::seconds(*number)
                                       : Clock::time_point(std::chrono::seconds(*number));
    }
    std::tm tm{};
    const std::string text(value);
    const char* end = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
    if (end == nullptr) {
        return std::nullopt;
    }
    return Clock::from_time_t(timegm(&tm));
}

bool sleepUnlessCancelled(std::chrono::milliseconds duration, const CancelToken* cancel)
{
    const auto until = std::chrono::steady_clock::now() + duration;
    for (;;) {
        if (cancel != nullptr && cancel->cancelled()) {
            return false;
        }
        const auto now = std::chrono::steady_clock::now();
        if (now >= until) {
            return true;
        }
        std::this_thread::sleep_for(
            std::min<std::chrono::steady_clock::duration>(until - now, std::chrono::milliseconds(20)));
    }
}

std::string originOf(const std::string& url)
{
    UrlHandle handle;
    if (curl_url_set(handle.url, CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
        return {};
    }
    const std::string scheme = lower(handle.part(CURLUPART_SCHEME));
    const std::string host = lower(handle.part(CURLUPART_HOST));
    const std::string port = handle.part(CURLUPART_PORT);
    if (scheme.empty() || host.empty()) {
        return {};
    }
    return scheme + "://" + host + (port.empty() ? "" : ":" + port);
}

std::string hostOf(const std::string& url)
{
    UrlHandle handle;
    if (curl_url_set(handle.url, CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
        return {};
    }
    return lower(handle.part(CURLUPART_HOST));
}

std::string urlEncode(std::string_view text)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
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
        attempt.error = "cancelled";
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
        if (!respectRateLimit(host, cancel) || !acquireSlot(host, cancel)) {
            return Error("cancelled");
        }
        last = perform(url, cancel);
        releaseSlot(host);
        if (last.cancelled) {
            return Error("cancelled");
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
                return Error("cancelled");
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
            return Error("cancelled");
        }
    }
    return Error(last.error.empty() ? std::string("no response") : last.error);
}

}  // namespace warmpath::fetch
