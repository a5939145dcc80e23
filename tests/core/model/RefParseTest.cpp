#include <gtest/gtest.h>

#include "model/Ref.h"

using warmpath::Ref;

TEST(RefParse, MeIsTheUser)
{
    auto ref = Ref::parse("me");
    ASSERT_TRUE(ref.ok());
    EXPECT_EQ(ref->kind, Ref::Kind::Me);
}

TEST(RefParse, HashNumberIsAnInternalId)
{
    auto ref = Ref::parse("#42");
    ASSERT_TRUE(ref.ok());
    EXPECT_EQ(ref->kind, Ref::Kind::Id);
    EXPECT_EQ(ref->id, 42);
}

TEST(RefParse, HashWithoutAPositiveNumberIsRejected)
{
    EXPECT_FALSE(Ref::parse("#").ok());
    EXPECT_FALSE(Ref::parse("#abc").ok());
    EXPECT_FALSE(Ref::parse("#0").ok());
    EXPECT_FALSE(Ref::parse("#-3").ok());
    EXPECT_FALSE(Ref::parse("#12x").ok());
}

TEST(RefParse, EmptyTextIsRejected)
{
    EXPECT_FALSE(Ref::parse("").ok());
    EXPECT_FALSE(Ref::parse("   ").ok());
}

TEST(RefParse, NetworkColonKeyIsAnIdentity)
{
    auto ref = Ref::parse("bsky:ana.bsky.social");
    ASSERT_TRUE(ref.ok());
    EXPECT_EQ(ref->kind, Ref::Kind::Identity);
    EXPECT_EQ(ref->network, "bsky");
    EXPECT_EQ(ref->key, "ana.bsky.social");
}

TEST(RefParse, IdentityKeysAreNormalisedPerNetwork)
{
    EXPECT_EQ(Ref::parse("email:Ana@Example.COM")->key, "ana@example.com");
    EXPECT_EQ(Ref::parse("mastodon:@Ana@Example.social")->key, "ana@example.social");
    EXPECT_EQ(Ref::parse("Twitter:824308056351735809")->network, "x");
    EXPECT_EQ(Ref::parse("linkedin:ana-li/")->key, "ana-li");
}

TEST(RefParse, GraphNamespacesKeepTheirCase)
{
    auto ref = Ref::parse("wiki-Vote:30");
    ASSERT_TRUE(ref.ok());
    EXPECT_EQ(ref->kind, Ref::Kind::Identity);
    EXPECT_EQ(ref->network, "wiki-Vote");
    EXPECT_EQ(ref->key, "30");
}

TEST(RefParse, KeysKeepColonsAfterTheFirst)
{
    auto ref = Ref::parse("bsky:did:plc:abc123");
    ASSERT_TRUE(ref.ok());
    EXPECT_EQ(ref->network, "bsky");
    EXPECT_EQ(ref->key, "did:plc:abc123");
}

TEST(RefParse, OtherTextIsADisplayName)
{
    auto ref = Ref::parse("  Ana Souza ");
    ASSERT_TRUE(ref.ok());
    EXPECT_EQ(ref->kind, Ref::Kind::Name);
    EXPECT_EQ(ref->text, "Ana Souza");
    EXPECT_EQ(Ref::parse("Dr. Who: The Return")->kind, Ref::Kind::Name);
}
