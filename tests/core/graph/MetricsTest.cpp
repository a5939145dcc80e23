#include <gtest/gtest.h>

#include <numeric>
#include <set>

#include "graph/GraphFixtures.h"
#include "graph/Metrics.h"
#include "store/Schema.h"

using namespace warmpath;
using warmpath::test::HandLink;

namespace {

std::vector<HandLink> bothWays(const std::vector<std::pair<int, int>>& pairs)
{
    std::vector<HandLink> links;
    for (auto [a, b] : pairs) {
        links.push_back({a, b});
        links.push_back({b, a});
    }
    return links;
}

}  // namespace

TEST(PageRankTest, IsUniformOnACycle)
{
    const Snapshot g = test::handGraph(4, {{1, 2}, {2, 3}, {3, 4}, {4, 1}});
    PageRank pr(g);
    pr.run();
    for (double r : pr.ranks()) {
        EXPECT_NEAR(r, 0.25, 1e-7);
    }
}

TEST(PageRankTest, TheCentreOfAStarRanksHighestAndRanksSumToOne)
{
    const Snapshot g = test::handGraph(5, {{2, 1}, {3, 1}, {4, 1}, {5, 1}});
    PageRank pr(g);
    pr.run();
    const auto& r = pr.ranks();
    EXPECT_NEAR(std::accumulate(r.begin(), r.end(), 0.0), 1.0, 1e-6);
    for (std::size_t i = 1; i < r.size(); ++i) {
        EXPECT_GT(r[0], r[i]);
    }
}

TEST(PageRankTest, RefusesADampingOutsideTheOpenUnitInterval)
{
    const Snapshot g = test::handGraph(1, {});
    EXPECT_THROW(PageRank(g, 1.0), std::invalid_argument);
}

TEST(ComponentsTest, NumbersComponentsByDecreasingSize)
{
    const Snapshot g = test::handGraph(6, {{1, 2}, {3, 2}, {4, 5}});
    Components c(g);
    c.run();
    EXPECT_EQ(c.sizes(), (std::vector<std::uint64_t>{3, 2, 1}));
    EXPECT_EQ(c.component(), (std::vector<std::uint32_t>{0, 0, 0, 1, 1, 2}));
}

TEST(BetweennessTest, IsExactOnAPathAndAStar)
{
    const Snapshot path = test::handGraph(3, {{1, 2}, {2, 3}});
    Betweenness b(path);
    b.run();
    // Values are by snapshot index, which follows a locality order, not the person ids.
    EXPECT_DOUBLE_EQ(b.values()[path.requireIndex(PersonId(1))], 0);
    EXPECT_DOUBLE_EQ(b.values()[path.requireIndex(PersonId(2))], 1);
    EXPECT_FALSE(b.sampled());
    EXPECT_EQ(b.errorBound(), 0);
    const Snapshot star = test::handGraph(5, bothWays({{1, 2}, {1, 3}, {1, 4}, {1, 5}}));
    Betweenness s(star);
    s.run();
    EXPECT_DOUBLE_EQ(s.values()[star.requireIndex(PersonId(1))], 1);
    EXPECT_DOUBLE_EQ(s.values()[star.requireIndex(PersonId(2))], 0);
}

TEST(BetweennessTest, SamplingStaysWithinItsStatedBound)
{
    // Two cliques joined by a bridge 1 - 11.
    std::vector<std::pair<int, int>> pairs{{1, 11}};
    for (int base : {0, 10}) {
        for (int a = 1; a <= 10; ++a) {
            for (int b = a + 1; b <= 10; ++b) {
                pairs.emplace_back(base + a, base + b);
            }
        }
    }
    const Snapshot g = test::handGraph(20, bothWays(pairs));
    Betweenness exact(g);
    exact.run();
    Betweenness sampled(g, 10, 400, 7);
    sampled.run();
    ASSERT_TRUE(sampled.sampled());
    EXPECT_LT(sampled.errorBound(), 0.12);
    for (std::size_t v = 0; v < 20; ++v) {
        EXPECT_NEAR(sampled.values()[v], exact.values()[v], sampled.errorBound());
    }
}

TEST(CommunitiesTest, FindsPlantedCommunities)
{
    // Four cliques of eight, each joined to the next by one link.
    std::vector<std::pair<int, int>> pairs;
    for (int c = 0; c < 4; ++c) {
        for (int a = 1; a <= 8; ++a) {
            for (int b = a + 1; b <= 8; ++b) {
                pairs.emplace_back(c * 8 + a, c * 8 + b);
            }
        }
        pairs.emplace_back(c * 8 + 1, ((c + 1) % 4) * 8 + 2);
    }
    const Snapshot g = test::handGraph(32, bothWays(pairs));
    Communities louvain(g, 3);
    louvain.run();
    EXPECT_EQ(louvain.count(), 4U);
    for (int c = 0; c < 4; ++c) {
        std::set<std::uint32_t> labels;
        for (int a = 1; a <= 8; ++a) {
            labels.insert(louvain.community()[g.requireIndex(PersonId(c * 8 + a))]);
        }
        EXPECT_EQ(labels.size(), 1U) << "clique " << c << " was split";
    }
    // Modularity of exactly this partition: links both ways weigh 2 and every weight is seen from
    // both ends, so each clique holds 112 of the 464 and touches 116: 4 × (112/464 − (116/464)²).
    EXPECT_NEAR(louvain.modularity(), 4 * (112.0 / 464 - (116.0 / 464) * (116.0 / 464)), 1e-9);
}

TEST(CommunitiesTest, AHubJoinsTheCliqueItLinksWithBothWaysWhereverTheFirstSweepStarts)
{
    // Person 1 links both ways to all of clique A (2..13) and one way to three of clique B
    // (14..25). The seed decides where each sweep starts, so person 1 is sometimes visited
    // while everyone is still alone and sometimes last; either way it must end up in A.
    std::vector<std::pair<int, int>> pairs;
    for (int first : {2, 14}) {
        for (int a = first; a < first + 12; ++a) {
            for (int b = a + 1; b < first + 12; ++b) {
                pairs.emplace_back(a, b);
            }
        }
    }
    pairs.emplace_back(13, 14);
    for (int a = 2; a <= 13; ++a) {
        pairs.emplace_back(1, a);
    }
    auto links = bothWays(pairs);
    for (int b = 14; b <= 16; ++b) {
        links.push_back({1, b});
    }
    const Snapshot g = test::handGraph(25, links);
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        Communities louvain(g, seed);
        louvain.run();
        const auto& community = louvain.community();
        EXPECT_EQ(louvain.count(), 2U) << "seed " << seed;
        EXPECT_EQ(community[g.requireIndex(PersonId(1))], community[g.requireIndex(PersonId(2))]) << "seed " << seed;
        EXPECT_NE(community[g.requireIndex(PersonId(1))], community[g.requireIndex(PersonId(20))]) << "seed " << seed;
    }
}

TEST(CommunitiesTest, IsDeterministicForASeed)
{
    if (!std::filesystem::exists(test::facebookFile())) {
        GTEST_SKIP();
    }
    SnapshotBuilder builder;
    const auto edges = test::readFacebookEdges();
    for (int i = 0; i <= 4038; ++i) {
        builder.addPerson(PersonId(i + 1));
    }
    for (auto [a, b] : edges) {
        builder.addLink(PersonId(a + 1), PersonId(b + 1), LinkKind::Follows);
    }
    const Snapshot g = builder.build();
    Communities first(g, 11);
    first.run();
    Communities second(g, 11);
    second.run();
    EXPECT_EQ(first.community(), second.community());
    EXPECT_GT(first.modularity(), 0.8);  // facebook_combined's ego networks are very modular
    PageRank pr(g);
    pr.run();
    EXPECT_NEAR(std::accumulate(pr.ranks().begin(), pr.ranks().end(), 0.0), 1.0, 1e-6);
    Components c(g);
    c.run();
    EXPECT_EQ(c.sizes().size(), 1U);
}
