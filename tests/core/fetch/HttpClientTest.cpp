#include "fetch/HttpClient.h"

#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "fetch/CrawlTestSupport.h"

using namespace warmpath;
using namespace warmpath::fetch;
using namespace std::chrono_literals;
using warmpath::test::FetchServerTest;

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
    server().script("getProfile", "429:30");
    HttpClient client(fastHttp());
    CancelToken cancel;
    std::thread canceller([&cancel] {
        std::this_thread::sleep_for(200ms);
        cancel.cancel();
    });
    const auto before = std::chrono::steady_clock::now();
    const auto response = client.get(profileUrl(), &cancel);
    canceller.join();
    ASSERT_FALSE(response);
    EXPECT_EQ(response.error().message, "cancelled");
    EXPECT_LT(std::chrono::steady_clock::now() - before, 5s);
}

TEST_F(HttpClientTest, NoMoreThanTheAllowedRequestsAreInFlightPerHost)
{
    server().script("getProfile", "slow:0.4,slow:0.4");
    HttpOptions options = fastHttp();
    options.maxInFlightPerHost = 1;
    HttpClient client(options);
    const auto before = std::chrono::steady_clock::now();
    std::thread other([&] { (void)client.get(profileUrl()); });
    (void)client.get(profileUrl());
    other.join();
    EXPECT_GE(std::chrono::steady_clock::now() - before, 780ms);  // one after the other
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
