#include <chrono>

#include <gtest/gtest.h>

#include "fetch/CrawlTestSupport.h"
#include "store/People.h"

using namespace warmpath;
using namespace warmpath::test;

namespace {

const std::vector<std::string> kBlueskyPeople = {
    "Alice Aalto [bsky:did:plc:alice0001@alice.test]",
    "Bob Brown [bsky:did:plc:bob00001@bob.test]",
    "Dave Dunn [bsky:did:plc:dave0001@dave.test]",
    "Erin Example [bsky:did:plc:erin0001@erin.test]",
    "Henry Hidden [bsky:did:plc:henry001@henry.test]",
    "ME Me []",
    "Mallory Malformed [bsky:did:plc:mal00001@mallory.test]",
    "Quinn Quiet [bsky:did:plc:quinn001@quinn.test]",
    "carol.test [bsky:did:plc:carol001@carol.test]",
};

const std::vector<std::string> kBlueskyLinks = {
    "did:plc:alice0001 -> did:plc:bob00001 (0)", "did:plc:alice0001 -> did:plc:carol001 (0)",
    "did:plc:alice0001 -> did:plc:henry001 (0)", "did:plc:alice0001 -> did:plc:mal00001 (0)",
    "did:plc:alice0001 -> did:plc:quinn001 (0)", "did:plc:bob00001 -> did:plc:alice0001 (0)",
    "did:plc:bob00001 -> did:plc:dave0001 (0)",  "did:plc:carol001 -> did:plc:dave0001 (0)",
    "did:plc:carol001 -> did:plc:erin0001 (0)",
};

const std::vector<std::string> kMastodonPeople = {
    "Alice Aalto [mastodon:alice@social.example]",
    "Bob Brown [mastodon:bob@social.example]",
    "Carol Cruz [mastodon:carol@other.example]",
    "Hermit [mastodon:hermit@social.example]",
    "ME Me []",
    "Shy Sam [mastodon:shy@other.example]",
    "dave@other.example [mastodon:dave@other.example]",
};

const std::vector<std::string> kMastodonLinks = {
    "alice@social.example -> bob@social.example (0)",    "alice@social.example -> carol@other.example (0)",
    "alice@social.example -> hermit@social.example (0)", "alice@social.example -> shy@other.example (0)",
    "bob@social.example -> alice@social.example (0)",    "bob@social.example -> dave@other.example (0)",
    "carol@other.example -> alice@social.example (0)",   "carol@other.example -> dave@other.example (0)",
};

class CrawlTest : public CrawlTestBase {
protected:
    CrawlRequest bluesky(int depth = 2) const
    {
        return CrawlRequest{
            .network = CrawlNetwork::Bluesky, .start = "alice.test", .depth = depth, .api = server().bskyApi()};
    }

    std::string malformedUrl() const
    {
        return server().bskyApi() + "/xrpc/app.bsky.graph.getFollows?actor=did%3Aplc%3Amal00001&limit=100";
    }
};

// --- Bluesky ----------------------------------------------------------------------------------

TEST_F(CrawlTest, BlueskyDepthTwoStoresEveryoneSeenAndTheListsDownToTheDepth)
{
    const CrawlSummary summary = crawl(bluesky());
    EXPECT_EQ(summary.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(summary.accountsSeen, 8);
    EXPECT_EQ(summary.followListsFetched, 3);  // alice, bob, carol; dave and erin are at the depth limit
    EXPECT_EQ(summary.linksAdded, 9);
    EXPECT_EQ(summary.hidden, (std::vector<std::string>{"bsky:did:plc:henry001", "bsky:did:plc:quinn001"}));
    EXPECT_EQ(summary.errors, (std::vector<CrawlError>{{.url = malformedUrl(), .error = "malformed JSON"}}));
    EXPECT_EQ(peopleOf(*m_db), kBlueskyPeople);
    EXPECT_EQ(linksOf(*m_db), kBlueskyLinks);
}

TEST_F(CrawlTest, BlueskyPagesThroughTheCursorWithLimit100AndNeverAsksForDepthTwoLists)
{
    crawl(bluesky());
    const auto log = server().log();
    EXPECT_EQ(requestsMatching(log, "getProfile"), 1);
    EXPECT_EQ(requestsMatching(log, "actor=did%3Aplc%3Aalice0001&limit=100&cursor=p2"), 1);
    EXPECT_EQ(requestsMatching(log, "getFollows?actor=did%3Aplc%3Aalice0001&limit=100"), 2);
    EXPECT_EQ(requestsMatching(log, "dave0001"), 0);
    // Quinn's profile carries !no-unauthenticated: recorded as hidden without asking.
    EXPECT_EQ(requestsMatching(log, "quinn001"), 0);
}

TEST_F(CrawlTest, DepthOneFetchesOnlyTheStartList)
{
    const CrawlSummary summary = crawl(bluesky(1));
    EXPECT_EQ(summary.accountsSeen, 6);
    EXPECT_EQ(summary.followListsFetched, 1);
    EXPECT_EQ(summary.linksAdded, 5);
    EXPECT_TRUE(summary.hidden.empty());
    EXPECT_TRUE(summary.errors.empty());
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM person"), 7);
}

TEST_F(CrawlTest, MaxAccountsBoundsTheFollowListsFetched)
{
    CrawlRequest request = bluesky();
    request.maxAccounts = 2;
    const CrawlSummary summary = crawl(request);
    EXPECT_EQ(summary.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(summary.followListsFetched, 2);
    EXPECT_EQ(summary.accountsSeen, 7);  // alice's five, alice, and dave from bob's list
    EXPECT_EQ(summary.linksAdded, 7);
}

TEST_F(CrawlTest, TheCrawlIsOneImportBatchThatUndoImportRemoves)
{
    const CrawlSummary summary = crawl(bluesky());
    const auto batches = m_ws->imports();
    ASSERT_TRUE(batches);
    ASSERT_EQ(batches->size(), 1U);
    EXPECT_EQ(batches->front().id, summary.batch);
    EXPECT_EQ(batches->front().format, "bsky-crawl");
    EXPECT_EQ(batches->front().linksAdded, 9);
    EXPECT_EQ(batches->front().personsAdded, 8);
    ASSERT_TRUE(m_ws->undoImport(summary.batch));
    EXPECT_EQ(peopleOf(*m_db), std::vector<std::string>{"ME Me []"});
    EXPECT_TRUE(linksOf(*m_db).empty());
}

TEST_F(CrawlTest, AsMeMakesTheStartAccountAnIdentityOfMe)
{
    CrawlRequest request = bluesky(1);
    crawl(request);  // alice is someone else first
    request.asMe = true;
    crawl(request);
    const auto me = m_ws->me();
    ASSERT_TRUE(me);
    const auto resolved = m_ws->resolve("bsky:alice.test");  // by handle
    ASSERT_TRUE(resolved) << resolved.error().describe();
    EXPECT_EQ(*resolved, *me);
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM person"), 6);
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM link WHERE from_person = (SELECT id FROM person WHERE is_me)"), 5);
}

TEST_F(CrawlTest, AnUnknownStartAccountIsAnErrorNamingTheUrlAndWritesNothing)
{
    CrawlRequest request = bluesky();
    request.start = "nobody.test";
    const auto summary = m_ws->crawl(request, options());
    ASSERT_FALSE(summary);
    EXPECT_NE(summary.error().message.find("getProfile?actor=nobody.test"), std::string::npos)
        << summary.error().message;
    EXPECT_NE(summary.error().message.find("Profile not found"), std::string::npos);
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM person"), 1);
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM crawl"), 0);
}

// --- politeness and failures --------------------------------------------------------------------

TEST_F(CrawlTest, A429WithRetryAfterIsWaitedOutAndTheCrawlCompletes)
{
    server().script("bob00001&limit", "429:1");
    CrawlOptions o = options();
    std::vector<CrawlProgress> waits;
    o.progress = [&waits](const CrawlProgress& p) {
        if (p.waiting.count() > 0) {
            waits.push_back(p);
        }
    };
    const CrawlSummary summary = crawl(bluesky(), o);
    ASSERT_EQ(waits.size(), 1U);  // the progress display can say why nothing moves
    EXPECT_EQ(waits[0].waiting, std::chrono::seconds(1));
    EXPECT_EQ(waits[0].waitReason, "rate limit");
    EXPECT_EQ(waits[0].current, "did:plc:bob00001");
    // The server answers 429 again to a request that comes before the second is over: one
    // wait, and bob's list asked for twice, mean the client waited it out.
    EXPECT_EQ(summary.rateLimitWaits, 1U);
    EXPECT_EQ(requestsMatching(server().log(), "bob00001&limit"), 2);
    EXPECT_EQ(summary.errors.size(), 1U);  // only mallory's malformed list
    EXPECT_EQ(linksOf(*m_db), kBlueskyLinks);
}

TEST_F(CrawlTest, A500ThenSuccessIsRetried)
{
    server().script("carol001&limit", "500");
    const CrawlSummary summary = crawl(bluesky());
    EXPECT_EQ(summary.errors.size(), 1U);
    EXPECT_EQ(requestsMatching(server().log(), "carol001&limit"), 2);
    EXPECT_EQ(linksOf(*m_db), kBlueskyLinks);
}

TEST_F(CrawlTest, ASlowResponseTimesOutAndIsRetried)
{
    server().script("carol001&limit", "slow:1.5");
    CrawlOptions o = options();
    o.http.requestTimeout = std::chrono::milliseconds(300);
    const CrawlSummary summary = crawl(bluesky(), o);
    EXPECT_EQ(summary.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(requestsMatching(server().log(), "carol001&limit"), 2);
    EXPECT_EQ(linksOf(*m_db), kBlueskyLinks);
}

TEST_F(CrawlTest, AListThatKeepsFailingIsAnErrorWithItsUrlAndNothingOfItIsStored)
{
    server().script("carol001&limit", "500,500,500");
    const CrawlSummary summary = crawl(bluesky());
    ASSERT_EQ(summary.errors.size(), 2U);
    EXPECT_EQ(summary.errors[0].url,
              server().bskyApi() + "/xrpc/app.bsky.graph.getFollows?actor=did%3Aplc%3Acarol001&limit=100");
    EXPECT_EQ(summary.errors[0].error, "HTTP 500: scripted failure");
    EXPECT_EQ(summary.followListsFetched, 2);
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM identity WHERE key = 'did:plc:erin0001'"), 0);
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM link"), 7);
}

TEST_F(CrawlTest, AServerThatKeepsAnswering429StopsTheCrawlForLater)
{
    server().script("bob00001&limit", "429:0,429:0,429:0");
    const CrawlSummary summary = crawl(bluesky());
    EXPECT_EQ(summary.outcome, CrawlSummary::Outcome::NetworkDown);
    EXPECT_NE(summary.stopReason.find("HTTP 429"), std::string::npos) << summary.stopReason;
    EXPECT_TRUE(summary.errors.empty());  // bob's list is not failed: --resume asks again
    EXPECT_EQ(summary.followListsFetched, 1);
}

TEST_F(CrawlTest, ARateLimitNearlySpentSlowsTheNextRequestDown)
{
    // No requests left in this window, which resets in one to two seconds (whole seconds).
    // The server refuses every request before the reset (429), which would be a second wait
    // and, after the retries, a crawl stopped for later.
    server().script("getProfile", "ratelimit:0:2");
    const CrawlSummary summary = crawl(bluesky(1));
    EXPECT_EQ(summary.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(summary.rateLimitWaits, 1U);
    EXPECT_EQ(requestsMatching(server().log(), "getFollows"), 2);  // no page refused and asked again
}

// --- resuming -------------------------------------------------------------------------------------

TEST_F(CrawlTest, ADroppedConnectionStopsTheCrawlAndResumeFinishesItWithoutRefetchingStoredPages)
{
    // libcurl itself retries once when a kept-alive connection dies, so twice the attempts.
    server().script("cursor=p2", "drop,drop,drop,drop,drop,drop");
    const CrawlSummary stopped = crawl(bluesky());
    EXPECT_EQ(stopped.outcome, CrawlSummary::Outcome::NetworkDown);
    EXPECT_NE(stopped.stopReason.find("cursor=p2"), std::string::npos) << stopped.stopReason;
    // Page one waits in the crawl state; the graph has no half list.
    EXPECT_EQ(peopleOf(*m_db),
              (std::vector<std::string>{"Alice Aalto [bsky:did:plc:alice0001@alice.test]", "ME Me []"}));
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM crawl_follow"), 2);

    server().reset();  // the network is back
    CrawlRequest again = bluesky();
    again.resume = true;
    const CrawlSummary resumed = crawl(again);
    EXPECT_TRUE(resumed.resumed);
    EXPECT_EQ(resumed.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(resumed.crawlId, stopped.crawlId);
    EXPECT_EQ(resumed.accountsSeen, 8);
    EXPECT_EQ(resumed.followListsFetched, 3);
    EXPECT_EQ(resumed.linksAdded, 9);
    EXPECT_EQ(peopleOf(*m_db), kBlueskyPeople);
    EXPECT_EQ(linksOf(*m_db), kBlueskyLinks);
    const auto log = server().log();
    EXPECT_EQ(requestsMatching(log, "getProfile"), 0);
    EXPECT_EQ(requestsMatching(log, "getFollows?actor=did%3Aplc%3Aalice0001&limit=100"), 1);  // page two only
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM crawl_follow"), 0);
}

TEST_F(CrawlTest, CancelStopsAfterCommittedWorkAndResumeContinues)
{
    CancelToken cancel;
    const CrawlOptions o = cancellingAfter(cancel, 1);
    const CrawlSummary first = crawl(bluesky(), o);
    EXPECT_EQ(first.outcome, CrawlSummary::Outcome::Cancelled);
    EXPECT_EQ(first.followListsFetched, 1);
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM link"), 5);

    CrawlRequest again = bluesky();
    again.resume = true;
    const CrawlSummary resumed = crawl(again);
    EXPECT_EQ(resumed.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(linksOf(*m_db), kBlueskyLinks);
    EXPECT_EQ(requestsMatching(server().log(), "alice0001&limit=100"), 2);
}

TEST_F(CrawlTest, ACancelDuringAWaitStopsTheCrawlAsCancelledNotAsANetworkFailure)
{
    server().script("bob00001&limit", "429:3600");  // were it not interrupted, ctest's timeout would end the test
    CancelToken cancel;
    CrawlOptions o = options();
    o.http.maxRetryAfter = std::chrono::hours(2);
    o.cancel = &cancel;
    o.progress = [&cancel](const CrawlProgress& p) {
        if (p.waiting.count() > 0) {
            cancel.cancel();
        }
    };
    const CrawlSummary stopped = crawl(bluesky(), o);
    EXPECT_EQ(stopped.outcome, CrawlSummary::Outcome::Cancelled);
    EXPECT_EQ(stopped.stopReason, "cancelled");
    EXPECT_TRUE(stopped.errors.empty());  // bob's list is not failed: --resume asks again
    EXPECT_EQ(stopped.followListsFetched, 1);

    server().reset();
    CrawlRequest again = bluesky();
    again.resume = true;
    const CrawlSummary resumed = crawl(again);
    EXPECT_EQ(resumed.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(linksOf(*m_db), kBlueskyLinks);
}

TEST_F(CrawlTest, ACrawlCancelledBeforeItStartedIsACancelledErrorAndWritesNothing)
{
    for (const CrawlRequest& request :
         {bluesky(), CrawlRequest{.network = CrawlNetwork::Mastodon, .start = "alice@social.example"}}) {
        CancelToken cancel;
        cancel.cancel();
        CrawlOptions o = options();
        o.cancel = &cancel;
        const auto summary = m_ws->crawl(request, o);
        ASSERT_FALSE(summary);
        EXPECT_TRUE(summary.error().isCancelled()) << summary.error().describe();
        EXPECT_EQ(summary.error().message, "crawl cancelled before it started; nothing was written");
    }
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM crawl"), 0);
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM person"), 1);
    EXPECT_TRUE(server().log().empty());
}

TEST_F(CrawlTest, ANewCrawlWithoutResumeAbandonsTheUnfinishedOne)
{
    server().script("cursor=p2", "drop,drop,drop,drop,drop,drop");
    const CrawlSummary stopped = crawl(bluesky());
    ASSERT_EQ(stopped.outcome, CrawlSummary::Outcome::NetworkDown);
    server().reset();
    const CrawlSummary fresh = crawl(bluesky());
    EXPECT_NE(fresh.crawlId, stopped.crawlId);
    EXPECT_EQ(fresh.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM crawl_follow"), 0);
    EXPECT_EQ(countOf(*m_db, "SELECT status = 'abandoned' FROM crawl WHERE id = " + std::to_string(stopped.crawlId)),
              1);
    EXPECT_EQ(linksOf(*m_db), kBlueskyLinks);
}

TEST_F(CrawlTest, ResumeWithNothingUnfinishedStartsANewCrawl)
{
    crawl(bluesky(1));
    CrawlRequest again = bluesky(1);
    again.resume = true;
    const CrawlSummary second = crawl(again);
    EXPECT_FALSE(second.resumed);
    EXPECT_EQ(second.linksAdded, 0);
    EXPECT_EQ(second.followListsFetched, 1);
}

// --- re-crawling ----------------------------------------------------------------------------------

TEST_F(CrawlTest, ARecrawlRecordsNewFollowsAndMarksTheOnesThatDisappeared)
{
    crawl(bluesky());
    server().variant("recrawl");  // bob now follows alice and erin, no longer dave
    const CrawlSummary second = crawl(bluesky());
    EXPECT_EQ(second.linksAdded, 1);
    const auto changes = m_ws->crawlChanges();
    ASSERT_TRUE(changes);
    ASSERT_EQ(changes->size(), 2U);
    const auto bob = m_ws->resolve("bsky:bob.test");
    const auto dave = m_ws->resolve("bsky:dave.test");
    const auto erin = m_ws->resolve("bsky:erin.test");
    ASSERT_TRUE(bob && dave && erin);
    EXPECT_EQ((*changes)[0].change, "added");
    EXPECT_EQ((*changes)[0].from, *bob);
    EXPECT_EQ((*changes)[0].to, *erin);
    EXPECT_EQ((*changes)[1].change, "gone");
    EXPECT_EQ((*changes)[1].to, *dave);
    EXPECT_EQ((*changes)[1].crawl, second.crawlId);
    // last_seen reads as ISO-8601 text (it is stored in unix seconds): the new follow was seen
    // by this fetch, the one that disappeared keeps the time of the fetch that last saw it.
    EXPECT_EQ((*changes)[0].lastSeen, (*changes)[0].at);
    ASSERT_EQ((*changes)[1].lastSeen.size(), 20U) << (*changes)[1].lastSeen;
    EXPECT_EQ((*changes)[1].lastSeen[10], 'T');
    EXPECT_LE((*changes)[1].lastSeen, (*changes)[1].at);
    // The link stays (with the last_seen of the fetch that last saw it).
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM link"), 10);
    // The second crawl is a batch of its own that saw the eight people again, each once.
    const auto batches = m_ws->imports();
    ASSERT_TRUE(batches);
    ASSERT_EQ(batches->size(), 2U);
    EXPECT_EQ(batches->back().id, second.batch);
    EXPECT_EQ(batches->back().personsAdded, 0);
    EXPECT_EQ(batches->back().personsMerged, 8);
    EXPECT_EQ(batches->back().linksAdded, 1);
}

// --- Mastodon -------------------------------------------------------------------------------------

TEST_F(CrawlTest, MastodonResolvesAccountsOnTheirOwnServers)
{
    const CrawlSummary summary =
        crawl(CrawlRequest{.network = CrawlNetwork::Mastodon, .start = "@Alice@social.example"});
    EXPECT_EQ(summary.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(summary.accountsSeen, 6);
    EXPECT_EQ(summary.followListsFetched, 3);
    EXPECT_EQ(summary.linksAdded, 8);
    EXPECT_EQ(summary.hidden,
              (std::vector<std::string>{"mastodon:hermit@social.example", "mastodon:shy@other.example"}));
    EXPECT_TRUE(summary.errors.empty());
    EXPECT_EQ(peopleOf(*m_db), kMastodonPeople);
    EXPECT_EQ(linksOf(*m_db), kMastodonLinks);
    const auto log = server().log();
    EXPECT_EQ(requestsMatching(log, "/mastodon/other.example/api/v1/accounts/lookup?acct=carol%40other.example"), 1);
    EXPECT_EQ(requestsMatching(log, "/mastodon/other.example/api/v1/accounts/10/following?limit=80"), 1);
    EXPECT_EQ(requestsMatching(log, "/mastodon/social.example/api/v1/accounts/1/following?limit=80&max_id=50"), 1);
    EXPECT_EQ(requestsMatching(log, "lookup?acct=bob"), 0);  // its id came with alice's list
    EXPECT_EQ(requestsMatching(log, "hermit"), 0);           // hide_collections in alice's list
}

TEST_F(CrawlTest, MastodonWithApiSendsEveryRequestThere)
{
    const CrawlSummary summary = crawl(CrawlRequest{.network = CrawlNetwork::Mastodon,
                                                    .start = "alice@social.example",
                                                    .api = server().mastodonServer("social.example")});
    EXPECT_EQ(summary.linksAdded, 8);
    EXPECT_EQ(summary.hidden,
              (std::vector<std::string>{"mastodon:hermit@social.example", "mastodon:shy@other.example"}));
    EXPECT_EQ(peopleOf(*m_db), kMastodonPeople);
    EXPECT_EQ(linksOf(*m_db), kMastodonLinks);
    EXPECT_EQ(requestsMatching(server().log(), "other.example/api"), 0);
}

TEST_F(CrawlTest, AMastodonListAnswered403IsHiddenNotAnError)
{
    const CrawlSummary summary =
        crawl(CrawlRequest{.network = CrawlNetwork::Mastodon, .start = "quiet@social.example"});
    EXPECT_EQ(summary.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(summary.hidden, std::vector<std::string>{"mastodon:quiet@social.example"});
    EXPECT_TRUE(summary.errors.empty());
    EXPECT_EQ(summary.followListsFetched, 0);
    EXPECT_EQ(peopleOf(*m_db), (std::vector<std::string>{"ME Me []", "Quiet Quinn [mastodon:quiet@social.example]"}));
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM follow_list WHERE status = 'hidden'"), 1);
}

TEST_F(CrawlTest, MastodonResumesAtTheStoredNextLink)
{
    server().script("max_id=50", "drop,drop,drop,drop,drop,drop");
    const CrawlSummary stopped =
        crawl(CrawlRequest{.network = CrawlNetwork::Mastodon, .start = "alice@social.example"});
    ASSERT_EQ(stopped.outcome, CrawlSummary::Outcome::NetworkDown);
    server().reset();
    const CrawlSummary resumed =
        crawl(CrawlRequest{.network = CrawlNetwork::Mastodon, .start = "alice@social.example", .resume = true});
    EXPECT_TRUE(resumed.resumed);
    EXPECT_EQ(resumed.linksAdded, 8);
    EXPECT_EQ(linksOf(*m_db), kMastodonLinks);
    const auto log = server().log();
    EXPECT_EQ(requestsMatching(log, "accounts/1/following?limit=80&max_id=50"), 1);
    EXPECT_EQ(requestsMatching(log, "lookup?acct=alice"), 0);
    EXPECT_EQ(requestsMatching(log, "accounts/1/following"), 1);  // page one was stored
}

TEST_F(CrawlTest, ABlueskyStartByDidIsTheSameCrawl)
{
    CrawlRequest request = bluesky();
    request.start = "did:plc:alice0001";
    const CrawlSummary summary = crawl(request);
    EXPECT_EQ(summary.linksAdded, 9);
    EXPECT_EQ(linksOf(*m_db), kBlueskyLinks);
}

TEST_F(CrawlTest, AMalformedMastodonAddressIsAnError)
{
    const auto summary = m_ws->crawl(CrawlRequest{.network = CrawlNetwork::Mastodon, .start = "alice"}, options());
    ASSERT_FALSE(summary);
    EXPECT_NE(summary.error().message.find("USER@HOST"), std::string::npos);
}

}  // namespace

namespace {

TEST_F(CrawlTest, AnUnreachableMastodonServerFailsItsAccountsAndTheCrawlGoesOn)
{
    CrawlOptions o = options();
    o.serverFor = [](const std::string& host) {
        return host == "other.example" ? std::string("http://127.0.0.1:1") : server().mastodonServer(host);
    };
    const CrawlSummary summary =
        crawl(CrawlRequest{.network = CrawlNetwork::Mastodon, .start = "alice@social.example"}, o);
    EXPECT_EQ(summary.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(summary.followListsFetched, 2);                                // alice, bob
    ASSERT_EQ(summary.errors.size(), 2U);                                    // carol and shy live on the dead server
    EXPECT_EQ(summary.errors[0].url, "http://127.0.0.1:1/api/v2/instance");  // asked which domain it serves
    EXPECT_EQ(summary.errors[0].error.rfind("server unreachable: ", 0), 0U) << summary.errors[0].error;
    EXPECT_EQ(summary.hidden, std::vector<std::string>{"mastodon:hermit@social.example"});
}

TEST_F(CrawlTest, HiddenRefsResolveToThePeople)
{
    const CrawlSummary summary = crawl(bluesky());
    ASSERT_FALSE(summary.hidden.empty());
    const auto henry = m_ws->resolve(summary.hidden[0]);
    ASSERT_TRUE(henry) << henry.error().describe();
    EXPECT_EQ(m_ws->person(*henry)->displayName, "Henry Hidden");
}

}  // namespace
