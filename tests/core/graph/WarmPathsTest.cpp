#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <queue>
#include <random>
#include <set>

#include "graph/BidirectionalWarmPaths.h"
#include "graph/GraphFixtures.h"
#include "graph/Separation.h"
#include "graph/SpurSearchLimits.h"
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

TEST(WarmPathsTest, EquallyWarmPathsComeInTheOrderOfTheirPeoplesIds)
{
    // 1 → 2 → 4 and 1 → 3 → 4 are equally warm. Person 3 has the most links, so the snapshot's
    // locality order numbers 3 before 2: the order must come from the ids, not the numbering.
    std::vector<HandLink> links{{1, 2}, {2, 4}, {1, 3}, {3, 4}};
    for (int extra = 5; extra <= 9; ++extra) {
        links.push_back({extra, 3});
    }
    const Snapshot g = test::handGraph(9, links);
    ASSERT_TRUE(g.requireIndex(PersonId(3)) < g.requireIndex(PersonId(2)));
    for (const Direction direction : {Direction::Directed, Direction::Undirected}) {
        const auto paths = warmPaths(g, 1, 4, {.k = 2, .direction = direction});
        EXPECT_EQ(peopleOf(paths), (std::vector<std::vector<int>>{{1, 2, 4}, {1, 3, 4}}));
        ASSERT_EQ(paths.size(), 2U);
        EXPECT_DOUBLE_EQ(paths[0].warmth, paths[1].warmth);
    }
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

namespace {

/// A small random graph: mostly follows, some reciprocated, some strong kinds and weaker
/// confidences, and (for the bigger ones) a few hubs that many people link to or from.
Snapshot randomGraph(std::mt19937& rng, int people, int links, int hubs)
{
    std::uniform_int_distribution<int> anyone(1, people);
    std::uniform_int_distribution<int> anyHub(1, std::max(1, hubs));
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::set<std::pair<int, int>> seen;
    std::vector<HandLink> out;
    while (static_cast<int>(out.size()) < links) {
        int a = anyone(rng);
        int b = anyone(rng);
        if (hubs > 0 && unit(rng) < 0.3) {
            (unit(rng) < 0.5 ? a : b) = anyHub(rng);
        }
        if (a == b || !seen.insert({a, b}).second) {
            continue;
        }
        const LinkKind kind = unit(rng) < 0.15 ? LinkKind::Connection : LinkKind::Follows;
        // The two directions of a pair often differ in confidence: a step is priced along the
        // link it takes, by the search and in the returned warmth alike (pricing it by the better
        // of the two directions put paths out of order).
        auto confidence = [](int from, int to) { return (from * 7 + to * 4) % 5 == 0 ? 0.4 : 1.0; };
        out.push_back({a, b, kind, confidence(a, b)});
        if (unit(rng) < 0.2 && seen.insert({b, a}).second) {
            out.push_back({b, a, kind, confidence(b, a)});
        }
    }
    return test::handGraph(people, out);
}

/// The cost the search gives a step u → v: along the link u → v when there is one, else
/// (undirected) against the link v → u; infinity when neither.
double stepCost(const Snapshot& g, Snapshot::Index u, Snapshot::Index v, Direction direction, bool coldFirstHop)
{
    if (auto i = g.findOut(u, v)) {
        return -std::log(WarmPaths::hopWarmth(g.outBits(u)[*i], g.outConfidence(u)[*i], true, coldFirstHop));
    }
    if (direction == Direction::Undirected) {
        if (auto i = g.findOut(v, u)) {
            return -std::log(WarmPaths::hopWarmth(g.outBits(v)[*i], g.outConfidence(v)[*i], false, coldFirstHop));
        }
    }
    return std::numeric_limits<double>::infinity();
}

/// Every loop-free path from s to t of at most maxHops hops, avoiding `avoid`, by its cost:
/// the brute-force answer the k warmest paths must be the start of.
std::vector<double> allPathCosts(const Snapshot& g, Snapshot::Index s, Snapshot::Index t, int maxHops,
                                 Direction direction, const std::set<Snapshot::Index>& avoid)
{
    std::vector<double> costs;
    std::vector<Snapshot::Index> path{s};
    std::vector<bool> onPath(g.personCount(), false);
    onPath[s] = true;
    auto walk = [&](auto&& self, double cost) -> void {
        const Snapshot::Index u = path.back();
        if (u == t) {
            costs.push_back(cost);
            return;
        }
        if (static_cast<int>(path.size()) - 1 >= maxHops) {
            return;
        }
        for (Snapshot::Index v = 0; v < g.personCount(); ++v) {
            if (onPath[v] || (avoid.count(v) != 0 && v != t)) {
                continue;
            }
            const double c = stepCost(g, u, v, direction, u == s);
            if (std::isinf(c)) {
                continue;
            }
            onPath[v] = true;
            path.push_back(v);
            self(self, cost + c);
            path.pop_back();
            onPath[v] = false;
        }
    };
    walk(walk, 0.0);
    std::sort(costs.begin(), costs.end());
    return costs;
}

double modelCost(const Snapshot& g, const WarmPath& path, Direction direction)
{
    double cost = 0;
    for (std::size_t i = 0; i + 1 < path.people.size(); ++i) {
        cost += stepCost(g, g.requireIndex(path.people[i]), g.requireIndex(path.people[i + 1]), direction, i == 0);
    }
    return cost;
}

/// A random question for the brute-force comparisons: a graph (with `hubs` people on 30% of the
/// links, see randomGraph()), two different people and, when asked, one other person to avoid
/// (also as a snapshot index, for allPathCosts). Nothing when the two people drawn are the same.
struct RandomQuestion {
    Snapshot g;
    int from = 0;
    int to = 0;
    WarmPathOptions options;
    std::set<Snapshot::Index> avoid;
};

std::optional<RandomQuestion> randomQuestion(std::mt19937& rng, int people, int links, WarmPathOptions options,
                                             bool avoidSomeone, int hubs = 0, bool fromTheFirstHub = false)
{
    RandomQuestion q{.g = randomGraph(rng, people, links, hubs), .options = std::move(options)};
    std::uniform_int_distribution<int> anyone(1, people);
    q.from = fromTheFirstHub ? 1 : anyone(rng);
    q.to = anyone(rng);
    if (q.from == q.to) {
        return std::nullopt;
    }
    if (avoidSomeone) {
        const int avoided = anyone(rng);
        if (avoided != q.from && avoided != q.to) {
            q.options.avoid.push_back(PersonId(avoided));
            q.avoid.insert(q.g.requireIndex(PersonId(avoided)));
        }
    }
    return q;
}

/// Sends every A* spur search of this thread straight to its hand-over while it lives.
struct GiveUpAtOnce {
    graphdetail::SpurSearchLimits saved = graphdetail::spurSearchLimits();
    GiveUpAtOnce() { graphdetail::spurSearchLimits().giveUpAfter = 0; }
    ~GiveUpAtOnce() { graphdetail::spurSearchLimits() = saved; }
    GiveUpAtOnce(const GiveUpAtOnce&) = delete;
    GiveUpAtOnce& operator=(const GiveUpAtOnce&) = delete;
    GiveUpAtOnce(GiveUpAtOnce&&) = delete;
    GiveUpAtOnce& operator=(GiveUpAtOnce&&) = delete;
};

/// Checks that the warm paths of a question cost what the cheapest of all its paths (found by
/// brute force) cost, show that cost as their warmth, and keep to the hop limit.
void expectTheBruteForceBest(const RandomQuestion& q, int round)
{
    const auto expected = allPathCosts(q.g, q.g.requireIndex(PersonId(q.from)), q.g.requireIndex(PersonId(q.to)),
                                       q.options.maxHops, q.options.direction, q.avoid);
    const auto paths = warmPaths(q.g, q.from, q.to, q.options);
    ASSERT_EQ(paths.size(), std::min<std::size_t>(expected.size(), static_cast<std::size_t>(q.options.k)))
        << "round " << round << " from " << q.from << " to " << q.to;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        EXPECT_LE(static_cast<int>(paths[i].hops.size()), q.options.maxHops);
        EXPECT_NEAR(modelCost(q.g, paths[i], q.options.direction), expected[i], 1e-4)
            << "round " << round << ", path " << i;
        // The warmth shown is the cost the search minimised, so the paths come warmest first.
        EXPECT_NEAR(-std::log(paths[i].warmth), expected[i], 1e-4) << "round " << round << ", path " << i;
    }
}

}  // namespace

TEST(WarmPathsTest, TheKWarmestPathsAreTheBruteForceBestOnRandomSmallGraphs)
{
    std::mt19937 rng(42);
    int compared = 0;
    for (int round = 0; round < 300; ++round) {
        const Direction direction = round % 3 == 0 ? Direction::Directed : Direction::Undirected;
        const int maxHops = 8;  // more than any loop-free path has: the hop limit never binds
        const int k = 1 + round % 6;
        const auto question =
            randomQuestion(rng, 9, 22, {.k = k, .maxHops = maxHops, .direction = direction}, round % 5 == 0);
        if (!question) {
            continue;
        }
        expectTheBruteForceBest(*question, round);
        ++compared;
    }
    EXPECT_GT(compared, 200);
}

TEST(WarmPathsTest, TheKWarmestLongPathsAreTheBruteForceBest)
{
    // A ring of 11 people with a few random chords has many long paths, so the spur searches
    // near their ends (three hops or fewer left) enumerate after A* searches have grown the
    // target ball, and the enumeration skips people by the ball's lower bounds and by the cost
    // bound of the k-th candidate. With at most 10 hops among 11 people the hop limit never
    // binds, so the brute force is the answer.
    std::mt19937 rng(99);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const int people = 11;
    std::uniform_int_distribution<int> anyone(1, people);
    graphdetail::warmPathCounters() = {};
    int compared = 0;
    for (int round = 0; round < 800; ++round) {
        const Direction direction = round % 4 == 0 ? Direction::Directed : Direction::Undirected;
        std::vector<HandLink> links;
        for (int i = 1; i <= people; ++i) {
            const int next = i % people + 1;
            const double confidence = unit(rng) < 0.2 ? 0.4 : 1.0;
            links.push_back({i, next, LinkKind::Follows, confidence});
            if (unit(rng) < 0.3) {
                links.push_back({next, i, unit(rng) < 0.3 ? LinkKind::Connection : LinkKind::Follows, confidence});
            }
        }
        for (int chord = 0; chord < 3; ++chord) {
            const int a = anyone(rng);
            const int b = anyone(rng);
            if (a != b && std::abs(a - b) != 1 && std::abs(a - b) != people - 1) {
                links.push_back({a, b, LinkKind::Follows, 1.0});
            }
        }
        const Snapshot g = test::handGraph(people, links);
        const int from = anyone(rng);
        const int to = anyone(rng);
        if (from == to) {
            continue;
        }
        WarmPathOptions options{.k = 2 + round % 5, .maxHops = people - 1, .direction = direction};
        std::set<Snapshot::Index> avoid;
        if (round % 5 == 0) {
            const int avoided = anyone(rng);
            if (avoided != from && avoided != to) {
                options.avoid.push_back(PersonId(avoided));
                avoid.insert(g.requireIndex(PersonId(avoided)));
            }
        }
        const auto expected = allPathCosts(g, g.requireIndex(PersonId(from)), g.requireIndex(PersonId(to)),
                                           options.maxHops, direction, avoid);
        const auto paths = warmPaths(g, from, to, options);
        ASSERT_EQ(paths.size(), std::min<std::size_t>(expected.size(), static_cast<std::size_t>(options.k)))
            << "round " << round << " from " << from << " to " << to;
        for (std::size_t i = 0; i < paths.size(); ++i) {
            EXPECT_NEAR(modelCost(g, paths[i], direction), expected[i], 1e-4) << "round " << round << ", path " << i;
        }
        ++compared;
    }
    EXPECT_GT(compared, 700);
    // The enumeration near the end of a path really ran, and often.
    EXPECT_GT(graphdetail::warmPathCounters().spurs[graphdetail::WarmPathCounters::FewHops], 300U);
}

TEST(WarmPathsTest, TheKWarmestPathsWithinABindingHopLimitAreTheBruteForceBest)
{
    // Hop limits of 1 to 4 leave every spur search four hops or fewer: three or fewer are always
    // enumerated, four are after the A* gives up, which here it does at once. On 10 people with
    // 30 links the cheapest path often takes more hops than the limit.
    const GiveUpAtOnce giveUpAtOnce;
    std::mt19937 rng(4242);
    int compared = 0;
    int limited = 0;
    for (int round = 0; round < 600; ++round) {
        const Direction direction = round % 3 == 0 ? Direction::Directed : Direction::Undirected;
        const int maxHops = 1 + round % 4;
        const int k = 1 + round % 5;
        const auto question =
            randomQuestion(rng, 10, 30, {.k = k, .maxHops = maxHops, .direction = direction}, round % 4 == 0);
        if (!question) {
            continue;
        }
        const auto& [g, from, to, options, avoid] = *question;
        const Snapshot::Index s = g.requireIndex(PersonId(from));
        const Snapshot::Index t = g.requireIndex(PersonId(to));
        const auto expected = allPathCosts(g, s, t, maxHops, direction, avoid);
        const auto unlimited = allPathCosts(g, s, t, 9, direction, avoid);
        if (!unlimited.empty() && (expected.empty() || expected.front() > unlimited.front() + 1e-9)) {
            ++limited;  // the warmest path overall is longer than the limit
        }
        expectTheBruteForceBest(*question, round);
        ++compared;
    }
    EXPECT_GT(compared, 450);
    EXPECT_GT(limited, 50);
}

TEST(WarmPathsTest, TheKWarmestPathsWithinABindingLimitOfFiveOrSixHopsAreTheBruteForceBest)
{
    // A ring of 16 people linked warmly both ways, with cold one-way chords: the warmest way
    // round takes many hops, so under a limit of five or six the A* (one label a person, the
    // cheapest way in) reaches people cheaply in too many hops, while a dearer way in over a
    // chord would have left hops for the rest. Such spur searches are redone exactly. Every
    // other round the A* hands over at once, to the bidirectional search, which has the same
    // blind spot and the same remedy.
    std::mt19937 rng(5150);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const int people = 16;
    std::uniform_int_distribution<int> anyone(1, people);
    int compared = 0;
    int limited = 0;
    for (int round = 0; round < 300; ++round) {
        const Direction direction = round % 4 == 0 ? Direction::Directed : Direction::Undirected;
        std::vector<HandLink> links;
        for (int i = 1; i <= people; ++i) {
            const int next = i % people + 1;
            links.push_back({i, next, LinkKind::Follows, 1.0});
            links.push_back({next, i, unit(rng) < 0.3 ? LinkKind::Connection : LinkKind::Follows, 1.0});
        }
        std::set<std::pair<int, int>> chords;
        for (int chord = 0; chord < 5; ++chord) {
            const int a = anyone(rng);
            const int b = anyone(rng);
            const int apart = std::abs(a - b);
            if (apart > 1 && apart < people - 1 && chords.insert({a, b}).second && chords.count({b, a}) == 0) {
                links.push_back({a, b, LinkKind::Follows, unit(rng) < 0.5 ? 0.4 : 1.0});
            }
        }
        const int from = anyone(rng);
        const int to = anyone(rng);
        if (from == to) {
            continue;
        }
        RandomQuestion q{.g = test::handGraph(people, links),
                         .from = from,
                         .to = to,
                         .options = {.k = 1 + round % 4, .maxHops = 5 + round % 2, .direction = direction}};
        const Snapshot::Index s = q.g.requireIndex(PersonId(from));
        const Snapshot::Index t = q.g.requireIndex(PersonId(to));
        const auto expected = allPathCosts(q.g, s, t, q.options.maxHops, direction, q.avoid);
        const auto unlimited = allPathCosts(q.g, s, t, people - 1, direction, q.avoid);
        if (!unlimited.empty() && (expected.empty() || expected.front() > unlimited.front() + 1e-9)) {
            ++limited;  // the warmest path overall is longer than the limit
        }
        std::optional<GiveUpAtOnce> handOver;
        if (round % 2 == 1) {
            handOver.emplace();
        }
        expectTheBruteForceBest(q, round);
        ++compared;
    }
    EXPECT_GT(compared, 250);
    EXPECT_GT(limited, 50);
}

TEST(WarmPathsTest, PathsOfUpToThreeHopsThroughHubsAreTheBruteForceBest)
{
    // Spur searches with three hops or fewer left meet their paths from the target's side,
    // walking two people's sorted rows side by side, or looking the people of a short row up in
    // a long one (a hub's row here is more than 16 times some people's). Hop limits of 1 to 3
    // send every spur search there.
    std::mt19937 rng(2026);
    int compared = 0;
    for (int round = 0; round < 150; ++round) {
        const Direction direction = round % 3 == 0 ? Direction::Directed : Direction::Undirected;
        const int maxHops = 1 + round % 3;
        const int k = 1 + round % 5;
        // Person 1 is the hub; half the questions start there, a spur with three hops left.
        const auto question = randomQuestion(rng, 60, 240, {.k = k, .maxHops = maxHops, .direction = direction},
                                             round % 4 == 0, 1, round % 2 == 0);
        if (!question) {
            continue;
        }
        expectTheBruteForceBest(*question, round);
        ++compared;
    }
    EXPECT_GT(compared, 100);
}

TEST(WarmPathsTest, TheBidirectionalSearchSeesALinkBetweenTwoStreamedHubs)
{
    // 1 → 2 → 3 → 4 costs 1.05; 1 → 5 → 6 → 7 → 4 costs 1.15. Person 2 follows 70 people and
    // 3 is followed by 70, so both rows are handed out lazily by cost class, and the link 2 → 3
    // is pending in both streams when their two keys (each only a bound for its own side) add
    // up to more than 1.15: the search stopped there with the colder path until a hub settled
    // on one side was checked against those settled on the other.
    std::vector<HandLink> links{{1, 2, LinkKind::Connection}, {2, 3, LinkKind::Follows},
                                {3, 4, LinkKind::Connection}, {1, 5, LinkKind::Connection},
                                {5, 6, LinkKind::Connection}, {6, 7, LinkKind::Connection},
                                {7, 4, LinkKind::Follows}};
    for (int i = 0; i < 70; ++i) {
        links.push_back({2, 10 + i, LinkKind::Follows});
        links.push_back({80 + i, 3, LinkKind::Follows});
    }
    const Snapshot g = test::handGraph(150, links);
    for (const Direction direction : {Direction::Directed, Direction::Undirected}) {
        const WarmPathOptions options{.k = 1, .maxHops = 6, .direction = direction};
        const auto reference = graphdetail::bidirectional::referenceWarmPaths(g, g.requireIndex(PersonId(1)),
                                                                              g.requireIndex(PersonId(4)), options);
        ASSERT_EQ(reference.size(), 1U);
        const std::vector<Snapshot::Index> expected{g.requireIndex(PersonId(1)), g.requireIndex(PersonId(2)),
                                                    g.requireIndex(PersonId(3)), g.requireIndex(PersonId(4))};
        EXPECT_EQ(reference.front().second, expected);
        const auto paths = warmPaths(g, 1, 4, options);
        ASSERT_EQ(paths.size(), 1U);
        EXPECT_EQ(paths.front().people.size(), 4U);
    }
}

TEST(WarmPathsTest, AgreesWithThePlainBidirectionalSearchOnRandomGraphs)
{
    std::mt19937 rng(7);
    for (int round = 0; round < 60; ++round) {
        const int people = 300;
        const Snapshot g = randomGraph(rng, people, 1500, 8);
        std::uniform_int_distribution<int> anyone(1, people);
        for (int pair = 0; pair < 5; ++pair) {
            const int from = anyone(rng);
            const int to = anyone(rng);
            if (from == to) {
                continue;
            }
            WarmPathOptions options{
                .k = 5, .maxHops = 64, .direction = round % 3 == 0 ? Direction::Directed : Direction::Undirected};
            if (round % 4 == 0) {
                options.warmFirstHops.push_back(PersonId(anyone(rng)));
                const int avoided = anyone(rng);
                if (avoided != from && avoided != to) {
                    options.avoid.push_back(PersonId(avoided));
                }
            }
            const auto expected = graphdetail::bidirectional::referenceWarmPaths(g, g.requireIndex(PersonId(from)),
                                                                                 g.requireIndex(PersonId(to)), options);
            const auto paths = warmPaths(g, from, to, options);
            ASSERT_EQ(paths.size(), expected.size()) << "round " << round << " from " << from << " to " << to;
            for (std::size_t i = 0; i < paths.size(); ++i) {
                EXPECT_NEAR(-std::log(paths[i].warmth), expected[i].first, 1e-4)
                    << "round " << round << " from " << from << " to " << to << ", path " << i;
            }
        }
    }
}
