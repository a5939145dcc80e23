#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/Progress.h"
#include "util/Result.h"

namespace warmpath::fetch {

/// How politely and how patiently HttpClient talks to servers. The defaults are for real
/// servers; tests shorten the timeouts and backoffs instead of sleeping long.
struct HttpOptions {
    std::string userAgent;  ///< empty: defaultUserAgent()
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds requestTimeout{30'000};  ///< the whole request, body included
    int maxAttempts = 5;                               ///< per request, the first try included
    std::chrono::milliseconds backoffBase{1'000};      ///< first retry waits about this long
    std::chrono::milliseconds backoffMax{60'000};
    std::chrono::milliseconds maxRetryAfter{std::chrono::minutes(15)};  ///< longer Retry-After values are capped
    int maxInFlightPerHost = 2;
    /// When a rate-limit header says this many requests or fewer are left, the remaining ones
    /// are spread over the time until the window resets instead of being spent at once.
    std::int64_t rateLimitLowWater = 5;
    std::size_t maxBodyBytes = std::size_t{16} << 20;
    /// Told before every pause (a retry's backoff, a 429, a nearly spent rate limit), from the
    /// thread that will wait: how long and why (`"retry"` or `"rate limit"`).
    std::function<void(std::chrono::milliseconds wait, std::string_view reason)> onWait;
};

/// `Warmpath/<version> (+https://warmpath.example.org; local-first network map)`.
[[nodiscard]] std::string defaultUserAgent();

/// A response as received: any status (a 404 or a 5xx that outlasted the retries too).
struct HttpResponse {
    long status = 0;
    std::string url;  ///< the URL that answered (after redirects)
    std::string body;
    std::map<std::string, std::string> headers;  ///< names lower-cased; a repeated header keeps the last value
    /// With status 0: why no usable answer came, for a reason that retrying would not fix (a TLS
    /// certificate problem, a body over maxBodyBytes, too many redirects). The request is
    /// answered, as far as a crawl is concerned: badly.
    std::string failure;

    /// The header's value, or empty when absent. `name` in lower case.
    [[nodiscard]] std::string header(std::string_view name) const;
};

/// What HttpClient has done so far (for progress displays).
struct HttpCounters {
    std::uint64_t requests = 0;        ///< requests sent, retries included
    std::uint64_t retries = 0;         ///< of those, repeats after a 5xx, a timeout or a lost connection
    std::uint64_t rateLimitWaits = 0;  ///< pauses for a 429 / Retry-After or a nearly spent rate limit
};

/// Seconds from now that a `Retry-After` value asks for (delta-seconds or an HTTP-date), or
/// nullopt when it is neither. A date in the past gives 0.
[[nodiscard]] std::optional<std::chrono::seconds> parseRetryAfter(std::string_view value,
                                                                  std::chrono::system_clock::time_point now);
/// When a rate-limit window resets: `ratelimit-reset` (Unix seconds, or seconds from now when
/// small), or `X-RateLimit-Reset` (ISO 8601). nullopt when unreadable.
[[nodiscard]] std::optional<std::chrono::system_clock::time_point>
parseRateLimitReset(std::string_view value, std::chrono::system_clock::time_point now);

/// A polite HTTP GET client over libcurl (TLS by OpenSSL): descriptive User-Agent, timeouts,
/// retries with exponential backoff and jitter on 5xx, timeouts and connection errors, HTTP 429
/// with `Retry-After` honoured, rate-limit headers (`ratelimit-*` as Bluesky sends them,
/// `X-RateLimit-*` as Mastodon does) slowing it down before the limit is hit, and at most
/// maxInFlightPerHost requests at once per host. Every wait checks the CancelToken.
/// Thread-safe: several threads may call get() at once.
class HttpClient {
public:
    explicit HttpClient(HttpOptions options = {});
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;
    HttpClient(HttpClient&&) = delete;
    HttpClient& operator=(HttpClient&&) = delete;

    /// GETs `url` (sending `Accept: application/json`). Returns the final response, whatever its
    /// status (0 with `failure` for a request that cannot succeed), or an Error when no response
    /// arrived (connection refused or lost, timeout, name not resolved) after all attempts, or
    /// when `cancel` was set (then Error::cancelled(): callers test isCancelled()).
    Result<HttpResponse> get(const std::string& url, const CancelToken* cancel = nullptr);

    [[nodiscard]] HttpCounters counters() const;
    [[nodiscard]] const HttpOptions& options() const { return m_options; }

private:
    struct Handle;
    struct RateLimit {
        std::optional<std::int64_t> remaining;
        std::chrono::system_clock::time_point resetAt{};
    };
    struct Attempt {
        bool transportError = false;
        bool retriable = false;
        bool cancelled = false;
        std::string error;
        HttpResponse response;
    };

    Attempt perform(const std::string& url, const CancelToken* cancel);
    /// Waits before a request when the host's rate limit is nearly spent. False when cancelled.
    bool respectRateLimit(const std::string& host, const CancelToken* cancel);
    void noteRateLimit(const std::string& host, const HttpResponse& response);
    bool acquireSlot(const std::string& host, const CancelToken* cancel);
    void releaseSlot(const std::string& host);
    std::chrono::milliseconds backoff(int attempt);

    std::unique_ptr<Handle> takeHandle();
    void returnHandle(std::unique_ptr<Handle> handle);

    HttpOptions m_options;
    std::mutex m_mutex;
    std::condition_variable m_slotFreed;
    std::map<std::string, int> m_inFlight;
    std::map<std::string, RateLimit> m_rateLimits;
    std::vector<std::unique_ptr<Handle>> m_idle;
    std::uint64_t m_jitterState;

    std::atomic<std::uint64_t> m_requests{0};
    std::atomic<std::uint64_t> m_retries{0};
    std::atomic<std::uint64_t> m_rateLimitWaits{0};
};

/// Sleeps for `duration` in short slices, returning false as soon as `cancel` is set.
bool sleepUnlessCancelled(std::chrono::milliseconds duration, const CancelToken* cancel);

/// The scheme, host and port of a URL (`https://host:8080`), or empty when it is not a URL.
[[nodiscard]] std::string originOf(const std::string& url);
/// The host of a URL, lower-cased, without port; empty when it is not a URL.
[[nodiscard]] std::string hostOf(const std::string& url);
/// Percent-encodes `text` for a query string value.
[[nodiscard]] std::string urlEncode(std::string_view text);

}  // namespace warmpath::fetch
