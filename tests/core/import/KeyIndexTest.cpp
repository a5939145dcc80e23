#include "import/KeyIndex.h"

#include <string>

#include <gtest/gtest.h>

using warmpath::PersonId;
using warmpath::import::KeyIndex;

TEST(KeyIndex, AnEmptyIndexFindsNothing)
{
    const KeyIndex index;
    EXPECT_FALSE(index.find("42").valid());
    EXPECT_FALSE(index.find("").valid());
}

TEST(KeyIndex, ShortAndLongKeysAreFoundAfterTheTableGrew)
{
    KeyIndex index;
    // Short keys live in the slot, long ones in the arena; 20,000 keys make the table grow often.
    const auto key = [](int i) {
        return i % 2 == 0 ? std::to_string(i) : "https://example.org/people/" + std::to_string(i);
    };
    for (int i = 0; i < 20'000; ++i) {
        index.assign(key(i), PersonId(i + 1));
    }
    EXPECT_EQ(index.size(), 20'000U);
    for (int i = 0; i < 20'000; ++i) {
        ASSERT_EQ(index.find(key(i)), PersonId(i + 1)) << key(i);
    }
    EXPECT_FALSE(index.find("20000").valid());
    EXPECT_FALSE(index.find("https://example.org/people/20001").valid());
}

TEST(KeyIndex, KeysThatDifferOnlyInLengthOrTrailingZeroBytesAreDifferent)
{
    KeyIndex index;
    const std::string withZero("7\0", 2);
    index.assign("7", PersonId(1));
    index.assign(withZero, PersonId(2));
    index.assign("", PersonId(3));
    index.assign("12345678", PersonId(4));   // exactly the inline size
    index.assign("123456789", PersonId(5));  // one byte more
    EXPECT_EQ(index.find("7"), PersonId(1));
    EXPECT_EQ(index.find(withZero), PersonId(2));
    EXPECT_EQ(index.find(""), PersonId(3));
    EXPECT_EQ(index.find("12345678"), PersonId(4));
    EXPECT_EQ(index.find("123456789"), PersonId(5));
    EXPECT_FALSE(index.find("1234567").valid());
    EXPECT_EQ(index.size(), 5U);
}

TEST(KeyIndex, AssigningAKeyAgainReplacesItsPerson)
{
    KeyIndex index;
    index.assign("ana", PersonId(1));
    index.assign("a-rather-long-record-key", PersonId(2));
    index.assign("ana", PersonId(3));
    index.assign("a-rather-long-record-key", PersonId(4));
    EXPECT_EQ(index.find("ana"), PersonId(3));
    EXPECT_EQ(index.find("a-rather-long-record-key"), PersonId(4));
    EXPECT_EQ(index.size(), 2U);
}
