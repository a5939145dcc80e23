// Mastodon accounts are named by their own server's domain, never by the host the API is reached
// at (issue 15). The local server plays two instances and a bare domain: `example.com` serves no
// Mastodon API, only WebFinger, which places its accounts on `social.example.com`, whose instance
// names `example.com` as its domain; `other.example` is an ordinary instance whose lists name the
// same accounts as `user@example.com`.

#include <algorithm>

#include <gtest/gtest.h>

#include "fetch/CrawlTestSupport.h"

using namespace warmpath;
using namespace warmpath::test;

namespace {

const std::vector<std::string> kPeople = {
    "Fred Friend [mastodon:friend@example.com]", "ME Me []",
    "Olga Other [mastodon:olga@other.example]",  "Quiet Quill [mastodon:quiet@example.com]",
    "Uma User [mastodon:user@example.com]",
};

const std::vector<std::string> kLinks = {
    "friend@example.com -> user@example.com (0)", "olga@other.example -> friend@example.com (0)",
    "olga@other.example -> user@example.com (0)", "user@example.com -> friend@example.com (0)",
    "user@example.com -> olga@other.example (0)", "user@example.com -> quiet@example.com (0)",
};

const std::vector<std::string> kHidden = {"mastodon:quiet@example.com"};

class MastodonNamingTest : public CrawlTestBase {
protected:
    static CrawlRequest mastodon(const std::string& start, const std::string& api = {})
    {
        return CrawlRequest{.network = CrawlNetwork::Mastodon, .start = start, .api = api};
    }

    std::int64_t identitiesNamedByTheHost()
    {
        return countOf(*m_db, "SELECT count(*) FROM identity WHERE key LIKE '%social.example.com'");
    }
};

TEST_F(MastodonNamingTest, AnAccountServedFromAnotherHostIsFoundThroughWebFingerAndNamedByItsDomain)
{
    const CrawlSummary summary = crawl(mastodon("user@example.com"));
    EXPECT_EQ(summary.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(summary.accountsSeen, 4);
    EXPECT_EQ(summary.followListsFetched, 3);  // user, friend, olga; quiet hides hers
    EXPECT_EQ(summary.linksAdded, 6);
    EXPECT_EQ(summary.hidden, kHidden);
    EXPECT_TRUE(summary.errors.empty());
    EXPECT_EQ(peopleOf(*m_db), kPeople);
    EXPECT_EQ(linksOf(*m_db), kLinks);
    const auto log = server().log();
    EXPECT_EQ(requestsMatching(log, "/mastodon/example.com/.well-known/webfinger?resource=acct%3Auser%40example.com"),
              1);
    EXPECT_EQ(requestsMatching(log, "/mastodon/example.com/api/v1/accounts"), 0);
    EXPECT_EQ(requestsMatching(log, "/mastodon/social.example.com/api/v1/accounts/lookup?acct=user%40example.com"), 1);
    // friend's id came with user's list from the server that answers for example.com.
    EXPECT_EQ(requestsMatching(log, "/mastodon/social.example.com/api/v1/accounts/2/following"), 1);
    EXPECT_EQ(requestsMatching(log, "webfinger?resource=acct%3Afriend"), 0);
}

TEST_F(MastodonNamingTest, TheSameAccountSeenFromTwoServersIsOnePerson)
{
    // Started at the host the API is reached at: social.example.com lists friend and quiet bare,
    // other.example lists friend as friend@example.com; each is one person, named by the domain.
    const CrawlSummary summary = crawl(mastodon("user@social.example.com"));
    EXPECT_EQ(summary.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(summary.hidden, kHidden);
    EXPECT_EQ(peopleOf(*m_db), kPeople);
    EXPECT_EQ(linksOf(*m_db), kLinks);
    EXPECT_EQ(identitiesNamedByTheHost(), 0);
}

TEST_F(MastodonNamingTest, WithApiABareAcctBelongsToTheDomainTheInstanceNamesNotToTheApiHost)
{
    const CrawlSummary summary = crawl(mastodon("user@example.com", server().mastodonServer("social.example.com")));
    EXPECT_EQ(summary.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(summary.hidden, kHidden);
    EXPECT_EQ(peopleOf(*m_db), kPeople);
    EXPECT_EQ(linksOf(*m_db), kLinks);
    for (const std::string& request : server().log()) {
        EXPECT_EQ(request.rfind("/mastodon/social.example.com/", 0), 0U) << request;
    }
}

TEST_F(MastodonNamingTest, AServerClaimingADomainThatDoesNotConfirmItNamesItsAccountsByTheirUrl)
{
    crawl(mastodon("user@example.com"));
    const auto uma = m_ws->resolve("mastodon:user@example.com");
    ASSERT_TRUE(uma);
    // evil.example's instance says it is example.com; example.com's WebFinger knows no mallory.
    CrawlRequest request = mastodon("mallory@evil.example");
    request.depth = 1;
    const CrawlSummary summary = crawl(request);
    EXPECT_EQ(summary.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(summary.linksAdded, 1);
    const auto links = linksOf(*m_db);
    EXPECT_NE(std::find(links.begin(), links.end(), "mallory@evil.example -> user@evil.example (0)"), links.end());
    EXPECT_EQ(*m_ws->resolve("mastodon:user@example.com"), *uma);  // not taken over, nor merged
    EXPECT_EQ(m_ws->person(*uma)->displayName, "Uma User");
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM identity WHERE key LIKE '%@example.com'"), 3);
    EXPECT_EQ(requestsMatching(server().log(), "/mastodon/example.com/.well-known/webfinger?resource=acct%3Amallory"),
              1);
}

TEST_F(MastodonNamingTest, ADomainWithoutTheApiOrAWebFingerAnswerIsAClearErrorAndWritesNothing)
{
    const auto summary = m_ws->crawl(mastodon("nobody@example.com"), options());
    ASSERT_FALSE(summary);
    EXPECT_NE(summary.error().message.find(server().mastodonServer("example.com") +
                                           "/.well-known/webfinger?resource=acct%3Anobody%40example.com: "
                                           "example.com serves no Mastodon API, and its WebFinger does not say "
                                           "where nobody@example.com is"),
              std::string::npos)
        << summary.error().message;
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM crawl"), 0);
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM person"), 1);
}

TEST_F(MastodonNamingTest, AResumedCrawlWhoseFrontierNamesAccountsByTheHostFinishesUnderTheirDomain)
{
    CancelToken cancel;
    const CrawlOptions o = cancellingAfter(cancel, 1);
    ASSERT_EQ(crawl(mastodon("user@example.com"), o).outcome, CrawlSummary::Outcome::Cancelled);
    // What an earlier version left: the accounts of social.example.com named by that host, in
    // the graph and in the frontier still to fetch.
    for (const char* sql :
         {"UPDATE identity SET key = replace(key, '@example.com', '@social.example.com')",
          "UPDATE crawl_account SET account = replace(account, '@example.com', '@social.example.com')",
          "UPDATE follow_list SET key = replace(key, '@example.com', '@social.example.com')"}) {
        m_db->execute(sql);
    }
    const auto fred = m_ws->resolve("mastodon:friend@social.example.com");
    ASSERT_TRUE(fred) << fred.error().describe();

    server().reset();
    const CrawlSummary resumed =
        crawl(CrawlRequest{.network = CrawlNetwork::Mastodon, .start = "user@example.com", .resume = true});
    EXPECT_TRUE(resumed.resumed);
    EXPECT_EQ(resumed.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(resumed.followListsFetched, 3);
    EXPECT_EQ(resumed.hidden, kHidden);
    EXPECT_EQ(peopleOf(*m_db), kPeople);
    EXPECT_EQ(linksOf(*m_db), kLinks);
    EXPECT_EQ(identitiesNamedByTheHost(), 0);
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM crawl_account WHERE account LIKE '%social.example.com'"), 0);
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM follow_list WHERE key LIKE '%social.example.com'"), 0);
    const auto sameFred = m_ws->resolve("mastodon:friend@example.com");
    ASSERT_TRUE(sameFred);
    EXPECT_EQ(*sameFred, *fred);                                             // renamed, not replaced
    EXPECT_EQ(requestsMatching(server().log(), "accounts/1/following"), 0);  // user's list was stored
}

TEST_F(MastodonNamingTest, ARecrawlRenamesIdentitiesNamedByTheHostAndMergesBothNamesOfOneAccount)
{
    // An older database: a follows export that named two accounts by the server's host, and
    // user once more by the domain (so user is two people before the crawl).
    writeFile(m_dir.file("following_accounts.csv"), "Account address,Show boosts\n"
                                                    "friend@social.example.com,true\n"
                                                    "user@social.example.com,true\n"
                                                    "user@example.com,true\n");
    ASSERT_TRUE(m_ws->importFiles({m_dir.file("following_accounts.csv")}));
    const auto fred = m_ws->resolve("mastodon:friend@social.example.com");
    ASSERT_TRUE(fred);
    ASSERT_TRUE(m_ws->addTags(*fred, {"neighbour"}));
    ASSERT_EQ(countOf(*m_db, "SELECT count(*) FROM person"), 4);

    const CrawlSummary summary = crawl(mastodon("user@example.com"));
    EXPECT_EQ(summary.outcome, CrawlSummary::Outcome::Finished);
    EXPECT_EQ(identitiesNamedByTheHost(), 0);
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM person"), 5);  // me, user, friend, quiet, olga
    EXPECT_EQ(linksOf(*m_db).size(), kLinks.size() + 2);          // and me following user and friend
    EXPECT_EQ(countOf(*m_db, "SELECT count(*) FROM link WHERE from_person = (SELECT id FROM person WHERE is_me)"), 2);
    const auto sameFred = m_ws->resolve("mastodon:friend@example.com");
    ASSERT_TRUE(sameFred);
    EXPECT_EQ(*sameFred, *fred);
    EXPECT_EQ(*m_ws->tagsOf(*sameFred), std::vector<std::string>{"neighbour"});
    EXPECT_FALSE(m_ws->resolve("mastodon:user@social.example.com"));
}

}  // namespace
