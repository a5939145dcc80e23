// The HttpClient's free helpers: header values (Retry-After, rate-limit resets), URLs, waits.

#include <ctime>
#include <thread>

#include <curl/curl.h>

#include "Version.h"
#include "fetch/HttpClient.h"
#include "fetch/HttpText.h"

namespace warmpath::fetch {
namespace {

using Clock = std::chrono::system_clock;
using detail::lower;
using detail::parseInteger;
using detail::trimmed;

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

std::string defaultUserAgent()
{
    return std::string("Warmpath/") + kVersion + " (+https://warmpath.example.org; local-first network map)";
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

}  // namespace warmpath::fetch
