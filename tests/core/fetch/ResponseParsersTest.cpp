#include "fetch/ResponseParsers.h"

#include <gtest/gtest.h>

using namespace warmpath;
using namespace warmpath::fetch;

namespace {

TEST(BlueskyParsers, AProfileKeepsDidHandleNameAndFollowCount)
{
    const auto account = parseBlueskyProfile(
        R"({"did":"did:plc:Abc12345","handle":"Ana.bsky.social","displayName":"Ana","followsCount":12})");
    ASSERT_TRUE(account) << account.error().message;
    EXPECT_EQ(account->key, "did:plc:abc12345");
    EXPECT_EQ(account->handle, "ana.bsky.social");
    EXPECT_EQ(account->name, "Ana");
    EXPECT_EQ(account->followingCount, 12);
    EXPECT_FALSE(account->hiddenHint);
}

TEST(BlueskyParsers, AnInvalidHandleIsDropped)
{
    const auto account = parseBlueskyProfile(R"({"did":"did:plc:abc12345","handle":"handle.invalid"})");
    ASSERT_TRUE(account);
    EXPECT_EQ(account->handle, "");
}

TEST(BlueskyParsers, TheNoUnauthenticatedLabelMarksTheListHidden)
{
    const auto account =
        parseBlueskyProfile(R"({"did":"did:plc:abc12345","handle":"a.test","labels":[{"val":"!no-unauthenticated"}]})");
    ASSERT_TRUE(account);
    EXPECT_TRUE(account->hiddenHint);
}

TEST(BlueskyParsers, MalformedOrUnexpectedBodiesAreErrorsNotExceptions)
{
    EXPECT_EQ(parseBlueskyFollows("{\"follows\": [").error().message, "malformed JSON");
    EXPECT_EQ(parseBlueskyFollows("[]").error().message, "expected a JSON object");
    EXPECT_EQ(parseBlueskyFollows(R"({"follows": 3})").error().message, "no `follows` array");
    EXPECT_EQ(parseBlueskyFollows(R"({"follows": [{"did":"did:plc:abc12345"}, {"handle":"x.test"}]})").error().message,
              "follow 2: a profile without a valid `did`");
    EXPECT_FALSE(parseBlueskyFollows(R"({"follows": [{"did": 5}]})"));
    EXPECT_FALSE(parseBlueskyProfile(""));
}

TEST(BlueskyParsers, FollowsAndCursor)
{
    const auto page = parseBlueskyFollows(
        R"({"subject":{"did":"did:plc:s0000000"},"follows":[{"did":"did:plc:f0000001","handle":"f.test"}],"cursor":"c2"})");
    ASSERT_TRUE(page);
    ASSERT_EQ(page->follows.size(), 1U);
    EXPECT_EQ(page->follows[0].key, "did:plc:f0000001");
    EXPECT_EQ(page->cursor, "c2");
    EXPECT_EQ(xrpcErrorName(R"({"error":"BlockedActor","message":"blocked"})"), "BlockedActor");
    EXPECT_EQ(errorMessage(R"({"error":"BlockedActor","message":"blocked"})"), "blocked");
    EXPECT_EQ(xrpcErrorName("<html>"), "");
}

TEST(MastodonParsers, ABareAcctBelongsToTheAnsweringServer)
{
    const auto local = parseMastodonAccount(R"({"id":"7","acct":"Bob","display_name":"Bob B"})", "social.example");
    ASSERT_TRUE(local);
    EXPECT_EQ(local->key, "bob@social.example");
    EXPECT_EQ(local->remoteId, "7");
    const auto remote =
        parseMastodonAccount(R"({"id":8,"acct":"carol@Other.Example","hide_collections":true})", "social.example");
    ASSERT_TRUE(remote);
    EXPECT_EQ(remote->key, "carol@other.example");
    EXPECT_EQ(remote->remoteId, "8");
    EXPECT_TRUE(remote->hiddenHint);
}

TEST(MastodonParsers, ABareAcctBelongsToTheDomainTheInstanceNamesNotToTheHostOfItsUrl)
{
    const auto account =
        parseMastodonAccount(R"({"id":"1","acct":"user","url":"https://social.example.com/@user"})", "example.com");
    ASSERT_TRUE(account);
    EXPECT_EQ(account->key, "user@example.com");
    EXPECT_EQ(account->url, "https://social.example.com/@user");
}

TEST(MastodonParsers, WhenTheInstanceNamesNoDomainABareAcctBelongsToTheHostOfItsUrl)
{
    const auto account =
        parseMastodonAccount(R"({"id":"1","acct":"user","url":"https://Social.Example.com:443/@user"})", "");
    ASSERT_TRUE(account);
    EXPECT_EQ(account->key, "user@social.example.com");
    const auto remote = parseMastodonAccount(R"({"id":"2","acct":"ann@other.example"})", "");
    ASSERT_TRUE(remote);
    EXPECT_EQ(remote->key, "ann@other.example");
    EXPECT_EQ(parseMastodonAccount(R"({"id":"3","acct":"nobody"})", "").error().message,
              "an account of a server that names no domain, without a `url`");
}

TEST(MastodonParsers, WebFingerNamesTheActorElseTheProfilePage)
{
    EXPECT_EQ(
        webfingerAccountUrl(R"({"subject":"acct:user@example.com","links":[)"
                            R"({"rel":"http://webfinger.net/rel/profile-page","href":"https://s.example.com/@user"},)"
                            R"({"rel":"self","type":"application/activity+json",)"
                            R"("href":"https://social.example.com/users/user"}]})"),
        "https://social.example.com/users/user");
    EXPECT_EQ(
        webfingerAccountUrl(R"({"links":[{"rel":"self","type":"application/ld+json; )"
                            R"(profile=\"https://www.w3.org/ns/activitystreams\"","href":"https://a.example/u/1"}]})"),
        "https://a.example/u/1");
    EXPECT_EQ(webfingerAccountUrl(R"({"links":[{"rel":"self","type":"text/html","href":"https://x.example/"},)"
                                  R"({"rel":"http://webfinger.net/rel/profile-page","href":"https://p.example/@u"}]})"),
              "https://p.example/@u");
    EXPECT_EQ(webfingerAccountUrl(R"({"links":[{"rel":"self","type":"application/activity+json","href":"ftp://x"}]})"),
              "");
    EXPECT_EQ(webfingerAccountUrl("<html>"), "");
    EXPECT_EQ(webfingerAccountUrl(R"({"links":{}})"), "");
}

TEST(MastodonParsers, UnexpectedAccountsAreErrors)
{
    EXPECT_EQ(parseMastodonAccounts(R"({"id":"1"})", "s.example").error().message, "expected a JSON array of accounts");
    EXPECT_EQ(parseMastodonAccounts(R"([{"acct":"a"}])", "s.example").error().message,
              "account 1: an account without an `id`");
    EXPECT_EQ(parseMastodonAccounts(R"([{"id":"1","acct":"a b@c"}])", "s.example").error().message,
              "account 1: an account without a valid `acct`");
    EXPECT_EQ(parseMastodonAccounts("[", "s.example").error().message, "malformed JSON");
}

TEST(MastodonParsers, NextLinkFindsRelNextAmongOthers)
{
    EXPECT_EQ(nextLink(R"(<https://s.example/api/v1/accounts/1/following?max_id=5>; rel="next", )"
                       R"(<https://s.example/api/v1/accounts/1/following?since_id=9>; rel="prev")"),
              "https://s.example/api/v1/accounts/1/following?max_id=5");
    EXPECT_EQ(nextLink(R"(<https://s.example/x?since_id=9>; rel="prev", <https://s.example/x?max_id=2>; rel="next")"),
              "https://s.example/x?max_id=2");
    EXPECT_FALSE(nextLink(R"(<https://s.example/x?since_id=9>; rel="prev")"));
    EXPECT_FALSE(nextLink(""));
}

TEST(MastodonParsers, AddressesAreNormalised)
{
    EXPECT_EQ(mastodonAddress(" @Ana@Mastodon.Social "), "ana@mastodon.social");
    EXPECT_EQ(mastodonAddress("ana"), "");
    EXPECT_EQ(mastodonAddress("ana@host/x"), "");
    EXPECT_EQ(mastodonAddress("@@host"), "");
    EXPECT_EQ(instanceDomain(R"({"domain":"Social.Example"})", "domain"), "social.example");
}

}  // namespace
