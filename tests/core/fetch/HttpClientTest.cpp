#include "fetch/HttpClient.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "fetch/CrawlTestSupport.h"

using namespace warmpath;
using namespace warmpath::fetch;
using namespace std::chrono_literals;
using warmpath::test::FetchServerTest;
using warmpath::test::requestsMatching;

namespace {

const auto kNow = std::chrono::system_clock::from_time_t(1'764'150'000);  // 2025-11-26T09:40:00Z

TEST(RetryAfter, ReadsDelaySecondsAndHttpDates)
{
    EXPECT_EQ(parseRetryAfter("120", kNow), std::chrono::seconds(120));
    EXPECT_EQ(parseRetryAfter(" 1 ", kNow), std::chrono::seconds(1));
    EXPECT_EQ(parseRetryAfter("Wed, 26 Nov 2025 09:40:30 GMT", kNow), std::chrono::seconds(30));
    EXPECT_EQ(parseRetryAfter("Wed, 26 Nov 2025 09:00:00 GMT", kNow), std::chrono::seconds(0));  // past
    EXPECT_FALSE(parseRetryAfter("soon", kNow));
    EXPECT_FALSE(parseRetryAfter("", kNow));
}

TEST(RateLimitReset, ReadsUnixSecondsDeltaSecondsAndIso8601)
{
    EXPECT_EQ(parseRateLimitReset("1764150060", kNow), kNow + 60s);                 // Bluesky
    EXPECT_EQ(parseRateLimitReset("30", kNow), kNow + 30s);                         // IETF draft
    EXPECT_EQ(parseRateLimitReset("2025-11-26T09:45:00.000Z", kNow), kNow + 300s);  // Mastodon
    EXPECT_FALSE(parseRateLimitReset("later", kNow));
}

TEST(UrlParts, OriginHostAndEncoding)
{
    EXPECT_EQ(originOf("https://Social.Example/api/v1?x=1"), "https://social.example");
    EXPECT_EQ(originOf("http://127.0.0.1:8080/bsky"), "http://127.0.0.1:8080");
    EXPECT_EQ(originOf("not a url"), "");
    EXPECT_EQ(hostOf("https://Social.Example:443/x"), "social.example");
    EXPECT_EQ(urlEncode("did:plc:abc ä&="), "did%3Aplc%3Aabc%20%C3%A4%26%3D");
}

TEST(UserAgent, NamesWarmpathItsVersionAndWhereToLearnMore)
{
    const std::string agent = defaultUserAgent();
    EXPECT_EQ(agent.rfind("Warmpath/", 0), 0U);
    EXPECT_NE(agent.find("(+https://warmpath.example.org; local-first network map)"), std::string::npos);
}

class HttpClientTest : public FetchServerTest {
protected:
    std::string profileUrl() const { return server().bskyApi() + "/xrpc/app.bsky.actor.getProfile?actor=alice.test"; }
};

TEST_F(HttpClientTest, SendsTheDescriptiveUserAgent)
{
    HttpClient client(fastHttp());
    ASSERT_TRUE(client.get(profileUrl()));
    EXPECT_EQ(server().lastUserAgent(), defaultUserAgent());
}

TEST_F(HttpClientTest, ReturnsErrorStatusesAsResponses)
{
    HttpClient client(fastHttp());
    const auto response = client.get(server().bskyApi() + "/xrpc/app.bsky.actor.getProfile?actor=nobody.test");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 400);
    EXPECT_EQ(client.counters().requests, 1U);  // a 4xx is not retried
}

TEST_F(HttpClientTest, ServerErrorsAreRetriedWithBackoffUntilTheAttemptsRunOut)
{
    server().script("getProfile", "500,500,500,500");
    HttpClient client(fastHttp());
    const auto response = client.get(profileUrl());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 500);
    EXPECT_EQ(client.counters().requests, 3U);
    EXPECT_EQ(client.counters().retries, 2U);
}

TEST_F(HttpClientTest, CancelInterruptsARetryAfterWait)
{
    // An hour's wait: a client that did not notice the cancel would be ended by ctest's timeout.
    server().script("getProfile", "429:3600");
    HttpOptions options = fastHttp();
    options.maxRetryAfter = 2h;
    std::mutex mutex;
    std::condition_variable waiting;
    std::vector<std::chrono::milliseconds> waits;
    options.onWait = [&](std::chrono::milliseconds wait, std::string_view /*reason*/) {
        std::lock_guard lock(mutex);
        waits.push_back(wait);
        waiting.notify_all();
    };
    HttpClient client(options);
    CancelToken cancel;
    std::thread canceller([&] {
        std::unique_lock lock(mutex);
        waiting.wait(lock, [&] { return !waits.empty(); });
        lock.unlock();
        std::this_thread::sleep_for(50ms);  // well into the wait, most likely
        cancel.cancel();
    });
    const auto response = client.get(profileUrl(), &cancel);
    canceller.join();
    ASSERT_FALSE(response);
    EXPECT_TRUE(response.error().isCancelled()) << response.error().message;
    EXPECT_EQ(waits, std::vector<std::chrono::milliseconds>{3600s});
    EXPECT_EQ(client.counters().requests, 1U);  // nothing was asked after the cancel
}

TEST_F(HttpClientTest, ACancelledRequestIsNotSent)
{
    HttpClient client(fastHttp());
    CancelToken cancel;
    cancel.cancel();
    const auto response = client.get(profileUrl(), &cancel);
    ASSERT_FALSE(response);
    EXPECT_TRUE(response.error().isCancelled());
    EXPECT_TRUE(server().log().empty());
}

TEST_F(HttpClientTest, NoMoreThanTheAllowedRequestsAreInFlightPerHost)
{
    // Each answer takes long enough that two requests let through at once would overlap.
    server().script("getProfile", "slow:0.4,slow:0.4");
    HttpOptions options = fastHttp();
    options.maxInFlightPerHost = 1;
    HttpClient client(options);
    std::thread other([&] { (void)client.get(profileUrl()); });
    (void)client.get(profileUrl());
    other.join();
    EXPECT_EQ(requestsMatching(server().log(), "getProfile"), 2);
    EXPECT_EQ(server().maxInFlight(), 1);  // one after the other
}

TEST_F(HttpClientTest, AConnectionThatKeepsDroppingIsAnError)
{
    server().script("getProfile", "drop,drop,drop,drop,drop,drop");
    HttpClient client(fastHttp());
    const auto response = client.get(profileUrl());
    ASSERT_FALSE(response);
    EXPECT_FALSE(response.error().message.empty());
}

TEST_F(HttpClientTest, ARefusedConnectionIsAnErrorAfterRetries)
{
    HttpOptions options = fastHttp();
    options.maxAttempts = 2;
    HttpClient client(options);
    const auto response = client.get("http://127.0.0.1:1/nothing");
    ASSERT_FALSE(response);
    EXPECT_EQ(client.counters().requests, 2U);
}

}  // namespace
