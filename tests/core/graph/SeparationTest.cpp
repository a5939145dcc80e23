#include <gtest/gtest.h>

#include <random>

#include "graph/GraphFixtures.h"
#include "graph/Separation.h"
#include "store/Schema.h"

using namespace warmpath;
using warmpath::test::HandLink;

namespace {

std::optional<int> degree(const Snapshot& g, int a, int b, Direction direction = Direction::Undirected)
{
    Separation query(g, PersonId(a), PersonId(b), direction);
    query.run();
    return query.degree();
}

/// 1 → 2 → 3 → 4, and 5 → 4; 6 alone.
Snapshot chain()
{
    return test::handGraph(6, {{1, 2}, {2, 3}, {3, 4}, {5, 4}});
}

}  // namespace

TEST(SeparationTest, CountsHopsOnAChain)
{
    const Snapshot g = chain();
    EXPECT_EQ(degree(g, 1, 4), 3);
    EXPECT_EQ(degree(g, 1, 2), 1);
    EXPECT_EQ(degree(g, 3, 3), 0);
}

TEST(SeparationTest, UndirectedModeUsesLinksEitherWay)
{
    const Snapshot g = chain();
    EXPECT_EQ(degree(g, 4, 1), 3);
    EXPECT_EQ(degree(g, 1, 5), 4);
}

TEST(SeparationTest, DirectedModeFollowsLinksOnlyForward)
{
    const Snapshot g = chain();
    EXPECT_EQ(degree(g, 1, 3, Direction::Directed), 2);  // A follows B, B follows C: A reaches C
    EXPECT_EQ(degree(g, 3, 1, Direction::Directed), std::nullopt);
    EXPECT_EQ(degree(g, 1, 5, Direction::Directed), std::nullopt);
}

TEST(SeparationTest, UnconnectedPeopleHaveNoDegree)
{
    EXPECT_EQ(degree(chain(), 1, 6), std::nullopt);
}

TEST(SeparationTest, ReturnsAShortestPathItself)
{
    const Snapshot g = test::handGraph(5, {{1, 2}, {2, 3}, {3, 5}, {1, 4}, {4, 5}});
    Separation query(g, PersonId(1), PersonId(5), Direction::Directed);
    query.run();
    ASSERT_EQ(query.degree(), 2);
    ASSERT_EQ(query.path().size(), 3U);
    EXPECT_EQ(query.path().front(), PersonId(1));
    EXPECT_EQ(query.path().back(), PersonId(5));
    const auto mid = g.requireIndex(query.path()[1]);
    EXPECT_TRUE(g.hasLink(g.requireIndex(PersonId(1)), mid));
    EXPECT_TRUE(g.hasLink(mid, g.requireIndex(PersonId(5))));
}

TEST(SeparationTest, UnknownPersonIsRefusedByTheConstructor)
{
    EXPECT_THROW(Separation(chain(), PersonId(1), PersonId(42), Direction::Undirected), std::invalid_argument);
}

TEST(DegreesFromTest, CountsEveryLevelAndTheUnreachable)
{
    const Snapshot g = chain();
    DegreesFrom bfs(g, PersonId(1), Direction::Undirected);
    bfs.run();
    EXPECT_EQ(bfs.levels(), (std::vector<std::uint64_t>{1, 1, 1, 1}));
    EXPECT_EQ(bfs.unreachable(), 1U);
    DegreesFrom directed(g, PersonId(1), Direction::Directed);
    directed.run();
    EXPECT_EQ(directed.levels(), (std::vector<std::uint64_t>{1, 1, 1}));
    EXPECT_EQ(directed.unreachable(), 2U);
}

class FacebookSeparationTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!std::filesystem::exists(test::facebookFile())) {
            GTEST_SKIP() << "no " << test::facebookFile();
        }
        edges = test::readFacebookEdges();
        ASSERT_TRUE(migrate(db).ok());
        ids = test::loadFacebook(db, edges);
        auto built = SnapshotBuilder::fromDatabase(db);
        ASSERT_TRUE(built.ok());
        graph = std::move(built).value();
        undirected.resize(ids.size());
        directed.resize(ids.size());
        for (auto [a, b] : edges) {
            undirected[static_cast<std::size_t>(a)].push_back(b);
            undirected[static_cast<std::size_t>(b)].push_back(a);
            directed[static_cast<std::size_t>(a)].push_back(b);
        }
    }

    std::optional<int> fbDegree(int a, int b, Direction direction)
    {
        Separation query(graph, ids[static_cast<std::size_t>(a)], ids[static_cast<std::size_t>(b)], direction);
        query.run();
        return query.degree();
    }

    Database db = Database::openInMemory();
    std::vector<std::pair<int, int>> edges;
    std::vector<PersonId> ids;
    Snapshot graph;
    std::vector<std::vector<int>> undirected;
    std::vector<std::vector<int>> directed;
};

TEST_F(FacebookSeparationTest, KnownDistancesOfTheDataSet)
{
    EXPECT_EQ(fbDegree(0, 1, Direction::Undirected), 1);
    EXPECT_EQ(fbDegree(107, 1912, Direction::Undirected), 2);
    EXPECT_EQ(fbDegree(0, 4038, Direction::Undirected), 5);
}

TEST_F(FacebookSeparationTest, RandomPairsMatchAPlainBreadthFirstSearch)
{
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> pick(0, static_cast<int>(ids.size()) - 1);
    for (int source = 0; source < 25; ++source) {
        const int a = pick(rng);
        const auto distU = test::referenceBfs(undirected, a);
        const auto distD = test::referenceBfs(directed, a);
        for (int pair = 0; pair < 40; ++pair) {
            const int b = pick(rng);
            const auto expectU = distU[static_cast<std::size_t>(b)];
            const auto expectD = distD[static_cast<std::size_t>(b)];
            EXPECT_EQ(fbDegree(a, b, Direction::Undirected).value_or(-1), expectU) << a << " → " << b;
            EXPECT_EQ(fbDegree(a, b, Direction::Directed).value_or(-1), expectD) << a << " → " << b << " directed";
        }
    }
}

TEST_F(FacebookSeparationTest, LevelsMatchAPlainBreadthFirstSearch)
{
    for (int source : {0, 107, 1912, 4038}) {
        const auto dist = test::referenceBfs(undirected, source);
        std::vector<std::uint64_t> expected;
        std::uint64_t unreachable = 0;
        for (int d : dist) {
            if (d < 0) {
                ++unreachable;
            } else if (d > 0) {
                expected.resize(std::max(expected.size(), static_cast<std::size_t>(d)));
                ++expected[static_cast<std::size_t>(d) - 1];
            }
        }
        DegreesFrom bfs(graph, ids[static_cast<std::size_t>(source)], Direction::Undirected);
        bfs.run();
        EXPECT_EQ(bfs.levels(), expected);
        // The store's me person is in the graph too, with no links.
        EXPECT_EQ(bfs.unreachable(), unreachable + 1);
    }
}
