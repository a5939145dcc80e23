#include <gtest/gtest.h>

#include "store/Database.h"
#include "store/People.h"
#include "store/RefResolver.h"
#include "store/Schema.h"

using namespace warmpath;

namespace {

class RefResolverTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(migrate(db).ok());
        ana = people.insert({.displayName = "Ana Souza", .organisation = "Acme"});
        people.addIdentity(ana, {.network = "linkedin", .key = "ana-souza", .handle = "", .url = ""});
        people.addIdentity(ana, {.network = "email", .key = "Ana@Example.com", .handle = "", .url = ""});
        bo = people.insert({.displayName = "Bo Lindqvist"});
        people.addIdentity(bo, {.network = "bsky", .key = "did:plc:bo123", .handle = "bo.bsky.social", .url = ""});
        people.addIdentity(bo, {.network = "wiki-Vote", .key = "30", .handle = "", .url = ""});
        kimA = people.insert({.displayName = "Kim Lee", .organisation = "Globex"});
        kimB = people.insert({.displayName = "Kim Lee", .organisation = "Initech"});
        colon = people.insert({.displayName = "Dr: Who"});
    }

    Database db = Database::openInMemory();
    PeopleRepository people{db};
    RefResolver resolver{db};
    PersonId ana, bo, kimA, kimB, colon;
};

}  // namespace

TEST_F(RefResolverTest, MeNamesTheMePerson)
{
    EXPECT_EQ(*resolver.resolve("me"), people.me());
}

TEST_F(RefResolverTest, HashIdNamesThatPerson)
{
    EXPECT_EQ(*resolver.resolve("#" + std::to_string(bo.value())), bo);
}

TEST_F(RefResolverTest, UnknownIdIsAnError)
{
    auto result = resolver.resolve("#9999");
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("#9999"), std::string::npos);
}

TEST_F(RefResolverTest, IdentityNamesItsPerson)
{
    EXPECT_EQ(*resolver.resolve("linkedin:ana-souza"), ana);
    EXPECT_EQ(*resolver.resolve("bsky:did:plc:bo123"), bo);
    EXPECT_EQ(*resolver.resolve("wiki-Vote:30"), bo);
}

TEST_F(RefResolverTest, IdentityLookupIgnoresCaseWhereTheNetworkDoes)
{
    EXPECT_EQ(*resolver.resolve("email:ANA@example.COM"), ana);
    EXPECT_EQ(*resolver.resolve("LinkedIn:Ana-Souza"), ana);
}

TEST_F(RefResolverTest, HandleFindsTheAccountToo)
{
    EXPECT_EQ(*resolver.resolve("bsky:bo.bsky.social"), bo);
    EXPECT_EQ(*resolver.resolve("bsky:@Bo.bsky.social"), bo);
}

TEST_F(RefResolverTest, UnknownIdentityIsAnError)
{
    auto result = resolver.resolve("mastodon:nobody@example.social");
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("mastodon:nobody@example.social"), std::string::npos);
}

TEST_F(RefResolverTest, ExactDisplayNameNamesThePerson)
{
    EXPECT_EQ(*resolver.resolve("Ana Souza"), ana);
    EXPECT_EQ(*resolver.resolve("ana souza"), ana) << "case-insensitive when unambiguous";
}

TEST_F(RefResolverTest, DisplayNameWithAColonStillResolves)
{
    EXPECT_EQ(*resolver.resolve("Dr: Who"), colon);
}

TEST_F(RefResolverTest, AmbiguousNameListsEveryCandidate)
{
    auto result = resolver.resolve("Kim Lee");
    ASSERT_FALSE(result.ok());
    const std::string& message = result.error().message;
    EXPECT_NE(message.find("matches 2 people"), std::string::npos) << message;
    EXPECT_NE(message.find("#" + std::to_string(kimA.value()) + " Kim Lee (Globex)"), std::string::npos) << message;
    EXPECT_NE(message.find("#" + std::to_string(kimB.value()) + " Kim Lee (Initech)"), std::string::npos) << message;
}

TEST_F(RefResolverTest, PartialNameIsNotAMatch)
{
    EXPECT_FALSE(resolver.resolve("Ana").ok());
}

TEST_F(RefResolverTest, SqlInRefIsJustText)
{
    EXPECT_FALSE(resolver.resolve("' OR 1=1 --").ok());
    EXPECT_FALSE(resolver.resolve("email:' OR '1'='1").ok());
}

TEST_F(RefResolverTest, CanonicalRefPrefersRecognisableIdentities)
{
    EXPECT_EQ(resolver.canonicalRef(people.me()), "me");
    EXPECT_EQ(resolver.canonicalRef(ana), "linkedin:ana-souza");
    EXPECT_EQ(resolver.canonicalRef(bo), "bsky:did:plc:bo123");
    EXPECT_EQ(resolver.canonicalRef(kimA), "#" + std::to_string(kimA.value()));
}

TEST_F(RefResolverTest, CanonicalRefResolvesBackToThePerson)
{
    for (PersonId id : {ana, bo, kimA, kimB, colon, people.me()}) {
        EXPECT_EQ(*resolver.resolve(resolver.canonicalRef(id)), id);
    }
}
