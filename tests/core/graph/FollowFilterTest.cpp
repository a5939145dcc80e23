#include <algorithm>
#include <random>
#include <set>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

#include "graph/FollowFilter.h"
#include "graph/FollowSets.h"
#include "graph/GraphFixtures.h"

using namespace warmpath;
using warmpath::test::FollowSets;
using warmpath::test::handGraph;
using warmpath::test::HandLink;

namespace {

std::vector<PersonId> ids(std::initializer_list<int> values)
{
    std::vector<PersonId> people;
    for (int v : values) {
        people.emplace_back(v);
    }
    return people;
}

std::vector<PersonId> run(const Snapshot& graph, FollowCriteria criteria, int me = 1)
{
    FollowFilter filter(graph, PersonId(me), criteria);
    filter.run();
    return filter.people();
}

std::vector<PersonId> sorted(const std::set<int>& people)
{
    std::vector<PersonId> list;
    for (int p : people) {
        list.emplace_back(p);
    }
    return list;
}

}  // namespace

TEST(FollowFilter, FollowsMeNotBackAndNotFollowingBackAreTheTwoSetDifferences)
{
    // 1 is me. 2 follows me, I do not follow back; I follow 3, who does not follow me; 4 and I follow
    // each other; 5 is a connection (one row only, still mutual); 6 knows me (not a follow).
    const Snapshot graph = handGraph(6, {{2, 1},
                                         {1, 3},
                                         {1, 4},
                                         {4, 1},
                                         {5, 1, LinkKind::Connection},
                                         {6, 1, LinkKind::Knows},
                                         {1, 6, LinkKind::Knows}});
    EXPECT_EQ(run(graph, {.followsMeNotBack = true}), ids({2}));
    EXPECT_EQ(run(graph, {.notFollowingBack = true}), ids({3}));
    EXPECT_TRUE(run(graph, {.followsMeNotBack = true, .notFollowingBack = true}).empty())
        << "nobody is on both sides of a one-way follow";
}

TEST(FollowFilter, AConnectionCountsBothWaysAndOtherKindsNeither)
{
    // I follow 2 and 3. 2 has a connection with 4 stored only as 4 -> 2; 3 follows 4; 3 knows 5,
    // 2 is a colleague of 5, and 2 is related to 6.
    const Snapshot graph = handGraph(6, {{1, 2},
                                         {1, 3},
                                         {4, 2, LinkKind::Connection},
                                         {3, 4},
                                         {3, 5, LinkKind::Knows},
                                         {2, 5, LinkKind::Colleague},
                                         {2, 6, LinkKind::Related}});
    EXPECT_EQ(run(graph, {.followedByMyFollows = 2}), ids({4}));
    EXPECT_EQ(run(graph, {.followedByMyFollows = 1}), ids({4}));
}

TEST(FollowFilter, AConnectionStoredBothWaysIsCountedOnce)
{
    const Snapshot graph = handGraph(3, {{1, 2}, {2, 3, LinkKind::Connection}, {3, 2, LinkKind::Connection}});
    EXPECT_EQ(run(graph, {.followedByMyFollows = 1}), ids({3}));
    EXPECT_TRUE(run(graph, {.followedByMyFollows = 2}).empty()) << "one follower counted twice";
}

TEST(FollowFilter, MeIsNeverInTheAnswer)
{
    const Snapshot graph = handGraph(3, {{1, 2}, {1, 3}, {2, 1}, {3, 1}});
    EXPECT_TRUE(run(graph, {.followedByMyFollows = 2}).empty());
}

TEST(FollowFilter, RefusesNoCriterionAZeroCountAndAStranger)
{
    const Snapshot graph = handGraph(2, {{1, 2}});
    EXPECT_THROW(FollowFilter(graph, PersonId(1), {}), std::invalid_argument);
    EXPECT_THROW(FollowFilter(graph, PersonId(1), {.followedByMyFollows = 0}), std::invalid_argument);
    EXPECT_THROW(FollowFilter(graph, PersonId(9), {.followsMeNotBack = true}), std::invalid_argument);
}

TEST(FollowFilter, EveryCombinationIsExactOnRandomGraphs)
{
    std::size_t intersected = 0;  // people in the combined answers: the combinations were put to work
    for (unsigned seed = 1; seed <= 20; ++seed) {
        std::mt19937 random(seed);
        constexpr int kPeople = 150;
        std::uniform_int_distribution<int> anyone(1, kPeople);
        std::uniform_int_distribution<int> kind(0, 9);
        std::vector<HandLink> links;
        std::set<std::tuple<int, int, LinkKind>> seen;
        for (int l = 0; l < 1200; ++l) {
            // Me in a fifth of the links, so that me has many follows and followers.
            const int a = l % 10 == 0 ? 1 : anyone(random);
            const int b = l % 10 == 1 ? 1 : anyone(random);
            const int k = kind(random);
            const LinkKind linkKind = k < 6   ? LinkKind::Follows
                                      : k < 8 ? LinkKind::Connection
                                      : k < 9 ? LinkKind::Knows
                                              : LinkKind::Colleague;
            if (a != b && seen.emplace(a, b, linkKind).second) {
                links.push_back({a, b, linkKind});
            }
        }
        const Snapshot graph = handGraph(kPeople, links);
        const FollowSets expected(1, links);
        const std::set<int> followsMeNotBack = expected.followsMeNotBack();
        const std::set<int> notFollowingBack = expected.notFollowingBack();
        ASSERT_FALSE(followsMeNotBack.empty()) << seed;
        ASSERT_FALSE(notFollowingBack.empty()) << seed;
        EXPECT_EQ(run(graph, {.followsMeNotBack = true}), sorted(followsMeNotBack)) << seed;
        EXPECT_EQ(run(graph, {.notFollowingBack = true}), sorted(notFollowingBack)) << seed;

        for (int n = 1; n <= 6; ++n) {
            const std::set<int> popular = expected.followedByAtLeast(n);
            EXPECT_EQ(run(graph, {.followedByMyFollows = n}), sorted(popular)) << seed << " N=" << n;
            for (const auto& [side, criteria] :
                 {std::pair{&followsMeNotBack, FollowCriteria{.followsMeNotBack = true, .followedByMyFollows = n}},
                  std::pair{&notFollowingBack, FollowCriteria{.notFollowingBack = true, .followedByMyFollows = n}}}) {
                const std::set<int> both = FollowSets::intersection(*side, popular);
                EXPECT_EQ(run(graph, criteria), sorted(both)) << seed << " N=" << n;
                intersected += both.size();
            }
        }
    }
    EXPECT_GT(intersected, 100U);
}
