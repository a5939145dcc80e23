#include <gtest/gtest.h>

#include <cmath>
#include <queue>
#include <random>
#include <set>

#include "graph/GraphFixtures.h"
#include "graph/Separation.h"
#include "graph/WarmPaths.h"
#include "store/Schema.h"

using namespace warmpath;
using warmpath::test::HandLink;

namespace {

std::vector<std::vector<int>> peopleOf(const std::vector<WarmPath>& paths)
{
    std::vector<std::vector<int>> out;
    for (const WarmPath& p : paths) {
        std::vector<int> ids;
        for (PersonId id : p.people) {
            ids.push_back(static_cast<int>(id.value()));
        }
        out.push_back(ids);
    }
    return out;
}

std::vector<WarmPath> warmPaths(const Snapshot& g, int from, int to, WarmPathOptions options = {})
{
    WarmPaths finder(g, PersonId(from), PersonId(to), std::move(options));
    finder.run();
    return finder.paths();
}

/// Connections both ways between each pair.
std::vector<HandLink> connections(const std::vector<std::pair<int, int>>& pairs, double confidence = 1.0)
{
    std::vector<HandLink> links;
    for (auto [a, b] : pairs) {
        links.push_back({a, b, LinkKind::Connection, confidence});
        links.push_back({b, a, LinkKind::Connection, confidence});
    }
    return links;
}

}  // namespace

TEST(WarmPathsTest, AWarmLongerPathBeatsAColdShortOne)
{
    auto links = connections({{1, 2}, {2, 5}});
    links.push_back({1, 5});  // a one-way follow straight to the target
    const Snapshot g = test::handGraph(5, links);
    const auto paths = warmPaths(g, 1, 5);
    EXPECT_EQ(peopleOf(paths), (std::vector<std::vector<int>>{{1, 2, 5}, {1, 5}}));
    EXPECT_GT(paths[0].warmth, paths[1].warmth);
    EXPECT_NEAR(paths[0].warmth, 0.9 * 0.8 * 0.9, 1e-6);  // cold first hop, then a warm one
    EXPECT_NEAR(paths[1].warmth, 0.9 * 0.6 * 0.8, 1e-6);
}

TEST(WarmPathsTest, ATaggedOrRecentlyContactedFirstHopIsWarmer)
{
    const Snapshot g = test::handGraph(4, connections({{1, 2}, {2, 4}, {1, 3}, {3, 4}}));
    EXPECT_EQ(peopleOf(warmPaths(g, 1, 4, {.k = 1}))[0], (std::vector<int>{1, 2, 4}));  // tie: lower id
    EXPECT_EQ(peopleOf(warmPaths(g, 1, 4, {.k = 1, .warmFirstHops = {PersonId(3)}}))[0], (std::vector<int>{1, 3, 4}));
}

TEST(WarmPathsTest, LowConfidenceLinksAreColder)
{
    auto links = connections({{1, 2}, {1, 3}, {3, 4}});
    const auto weak = connections({{2, 4}}, 0.3);
    links.insert(links.end(), weak.begin(), weak.end());
    const Snapshot g = test::handGraph(4, links);
    EXPECT_EQ(peopleOf(warmPaths(g, 1, 4, {.k = 1}))[0], (std::vector<int>{1, 3, 4}));
}

TEST(WarmPathsTest, AMutualFollowIsWarmerThanAOneWayFollow)
{
    const Snapshot g = test::handGraph(4, {{1, 2}, {2, 4}, {4, 2}, {1, 3}, {3, 4}});
    EXPECT_EQ(peopleOf(warmPaths(g, 1, 4, {.k = 1}))[0], (std::vector<int>{1, 2, 4}));
}

TEST(WarmPathsTest, AvoidedPeopleAreNeverOnAPath)
{
    const Snapshot g = test::handGraph(4, connections({{1, 2}, {2, 4}, {1, 3}, {3, 4}}));
    EXPECT_EQ(peopleOf(warmPaths(g, 1, 4, {.k = 5, .avoid = {PersonId(2)}})),
              (std::vector<std::vector<int>>{{1, 3, 4}}));
}

TEST(WarmPathsTest, PathsLongerThanMaxHopsAreLeftOut)
{
    const Snapshot g = test::handGraph(5, connections({{1, 2}, {2, 3}, {3, 4}, {4, 5}}));
    EXPECT_TRUE(warmPaths(g, 1, 5, {.maxHops = 3}).empty());
    EXPECT_EQ(warmPaths(g, 1, 5, {.maxHops = 4}).size(), 1U);
}

TEST(WarmPathsTest, DirectedModeOnlyFollowsLinksForward)
{
    const Snapshot g = test::handGraph(3, {{1, 2}, {2, 3}});
    EXPECT_TRUE(warmPaths(g, 3, 1, {.direction = Direction::Directed}).empty());
    const auto paths = warmPaths(g, 3, 1);
    ASSERT_EQ(paths.size(), 1U);
    EXPECT_EQ(paths[0].hops[0].kindsForward, 0);                                  // 3 does not link to 2 ...
    EXPECT_EQ(paths[0].hops[0].kindsBackward, linkbits::bit(LinkKind::Follows));  // ... 2 follows 3
}

TEST(WarmPathsTest, ExplainsEveryHop)
{
    auto links = connections({{1, 2}});
    links.push_back({2, 3});
    links.push_back({3, 2, LinkKind::Follows, 0.5});
    const Snapshot g = test::handGraph(3, links);
    const auto paths = warmPaths(g, 1, 3);
    ASSERT_EQ(paths.size(), 1U);
    ASSERT_EQ(paths[0].hops.size(), 2U);
    EXPECT_TRUE(paths[0].hops[0].mutual());
    EXPECT_EQ(paths[0].hops[0].kindsForward, linkbits::bit(LinkKind::Connection));
    EXPECT_TRUE(paths[0].hops[1].mutual());
    EXPECT_EQ(paths[0].hops[1].from, PersonId(2));
    EXPECT_NEAR(paths[0].warmth, paths[0].hops[0].warmth * paths[0].hops[1].warmth, 1e-9);
}

TEST(WarmPathsTest, FindsTheKPathsOfASmallGraphInOrder)
{
    // Three disjoint routes of different warmth plus one that shares a hop.
    auto links = connections({{1, 2}, {2, 6}, {1, 3}, {3, 4}, {4, 6}, {2, 5}, {5, 6}});
    links.push_back({1, 6});
    const Snapshot g = test::handGraph(6, links);
    const auto paths = warmPaths(g, 1, 6, {.k = 10});
    EXPECT_EQ(peopleOf(paths), (std::vector<std::vector<int>>{{1, 2, 6}, {1, 2, 5, 6}, {1, 3, 4, 6}, {1, 6}}));
}

TEST(WarmPathsTest, RefusesUnknownPeopleAndBadOptions)
{
    const Snapshot g = test::handGraph(2, {{1, 2}});
    EXPECT_THROW(WarmPaths(g, PersonId(1), PersonId(3), {}), std::invalid_argument);
    EXPECT_THROW(WarmPaths(g, PersonId(1), PersonId(2), {.k = 0}), std::invalid_argument);
    EXPECT_THROW(WarmPaths(g, PersonId(1), PersonId(2), {.avoid = {PersonId(7)}}), std::invalid_argument);
}

namespace {

/// Warmth of the warmest path by a plain one-directional Dijkstra over the same hop model.
double referenceBestWarmth(const Snapshot& g, Snapshot::Index s, Snapshot::Index t)
{
    std::vector<double> dist(g.personCount(), std::numeric_limits<double>::infinity());
    using Entry = std::pair<double, Snapshot::Index>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    dist[s] = 0;
    heap.emplace(0, s);
    while (!heap.empty()) {
        auto [d, u] = heap.top();
        heap.pop();
        if (d > dist[u]) {
            continue;
        }
        if (u == t) {
            return std::exp(-d);
        }
        auto relax = [&](Snapshot::Index v, double w) {
            if (d - std::log(w) < dist[v]) {
                dist[v] = d - std::log(w);
                heap.emplace(dist[v], v);
            }
        };
        const auto out = g.outNeighbours(u);
        for (std::size_t i = 0; i < out.size(); ++i) {
            relax(out[i], WarmPaths::hopWarmth(g.outBits(u)[i], g.outConfidence(u)[i], true, u == s));
        }
        const auto in = g.inNeighbours(u);
        for (std::size_t i = 0; i < in.size(); ++i) {
            if ((g.inBits(u)[i] & linkbits::kReverseExists) == 0) {
                relax(in[i], WarmPaths::hopWarmth(g.inBits(u)[i], g.inConfidence(u)[i], false, u == s));
            }
        }
    }
    return 0;
}

}  // namespace

class FacebookWarmPathsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!std::filesystem::exists(test::facebookFile())) {
            GTEST_SKIP() << "no " << test::facebookFile();
        }
        ASSERT_TRUE(migrate(db).ok());
        ids = test::loadFacebook(db, test::readFacebookEdges());
        graph = std::move(SnapshotBuilder::fromDatabase(db)).value();
    }

    Database db = Database::openInMemory();
    std::vector<PersonId> ids;
    Snapshot graph;
};

TEST_F(FacebookWarmPathsTest, PathsAreLoopFreeDistinctLinkedAndRanked)
{
    std::mt19937 rng(5);
    std::uniform_int_distribution<std::size_t> pick(0, ids.size() - 1);
    for (int round = 0; round < 30; ++round) {
        const PersonId a = ids[pick(rng)];
        const PersonId b = ids[pick(rng)];
        if (a == b) {
            continue;
        }
        WarmPaths finder(graph, a, b, {.k = 5, .maxHops = 64});
        finder.run();
        const auto& paths = finder.paths();
        Separation shortest(graph, a, b, Direction::Undirected);
        shortest.run();
        ASSERT_EQ(paths.empty(), !shortest.degree().has_value());
        std::set<std::vector<PersonId>> seen;
        for (std::size_t i = 0; i < paths.size(); ++i) {
            const auto& people = paths[i].people;
            EXPECT_EQ(people.front(), a);
            EXPECT_EQ(people.back(), b);
            EXPECT_GE(static_cast<int>(people.size()) - 1, *shortest.degree());
            EXPECT_EQ(std::set<PersonId>(people.begin(), people.end()).size(), people.size()) << "loop";
            EXPECT_TRUE(seen.insert(people).second) << "duplicate path";
            for (std::size_t h = 0; h + 1 < people.size(); ++h) {
                const auto u = graph.requireIndex(people[h]);
                const auto v = graph.requireIndex(people[h + 1]);
                EXPECT_TRUE(graph.hasLink(u, v) || graph.hasLink(v, u));
            }
            if (i > 0) {
                EXPECT_LE(paths[i].warmth, paths[i - 1].warmth * (1 + 1e-6));
            }
        }
        if (!paths.empty()) {
            EXPECT_NEAR(paths[0].warmth, referenceBestWarmth(graph, graph.requireIndex(a), graph.requireIndex(b)),
                        1e-5);
        }
    }
}
