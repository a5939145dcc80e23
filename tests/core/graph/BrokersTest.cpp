#include <gtest/gtest.h>

#include "graph/Brokers.h"
#include "graph/GraphFixtures.h"

using namespace warmpath;

namespace {

/// Me (#1) links with 2, 3, 4. 2 reaches 5, 6, 7; 3 reaches 5 and 8; 4 reaches 2 (a contact).
Snapshot network()
{
    return test::handGraph(8, {{1, 2}, {1, 3}, {4, 1}, {2, 5}, {2, 6}, {2, 7}, {3, 5}, {3, 8}, {4, 2}});
}

}  // namespace

TEST(BrokersTest, RanksContactsByPeopleOnlyTheyReach)
{
    const Snapshot g = network();
    Brokers brokers(g, PersonId(1));
    brokers.run();
    const auto& b = brokers.brokers();
    ASSERT_EQ(b.size(), 3U);
    EXPECT_EQ(b[0].contact, PersonId(2));
    EXPECT_EQ(b[0].uniqueReach, 2U);  // 6 and 7; 5 is also reached through 3
    EXPECT_EQ(b[0].reach, 3U);
    EXPECT_EQ(b[0].examples, (std::vector{PersonId(6), PersonId(7)}));
    EXPECT_EQ(b[1].contact, PersonId(3));
    EXPECT_EQ(b[1].uniqueReach, 1U);
    EXPECT_EQ(b[2].contact, PersonId(4));
    EXPECT_EQ(b[2].uniqueReach, 0U);
}

TEST(BrokersTest, DirectedModeOnlyCountsTheContactsThePersonLinksTo)
{
    const Snapshot g = network();
    Brokers brokers(g, PersonId(1), {.direction = Direction::Directed});
    brokers.run();
    ASSERT_EQ(brokers.brokers().size(), 2U);  // 4 links to me, I do not link to 4
}

TEST(BrokersTest, FindsWhoBridgesToATargetGroup)
{
    const Snapshot g = network();
    Brokers brokers(g, PersonId(1), {.targets = std::vector{PersonId(5), PersonId(8)}});
    brokers.run();
    const auto& b = brokers.brokers();
    ASSERT_EQ(b.size(), 2U);
    EXPECT_EQ(b[0].contact, PersonId(3));  // reaches 5 and 8, and is the only way to 8
    EXPECT_EQ(b[0].reach, 2U);
    EXPECT_EQ(b[0].uniqueReach, 1U);
    EXPECT_EQ(b[1].contact, PersonId(2));
}
