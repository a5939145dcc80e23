#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <set>

#include "graph/GraphFixtures.h"
#include "graph/Suggestions.h"
#include "store/Schema.h"

using namespace warmpath;
using warmpath::test::HandLink;

namespace {

/// Me (#1) follows 2 and 3; 2 follows 4 and 5; 3 follows 4 and me; 6 follows 4.
Snapshot smallNetwork()
{
    return test::handGraph(6, {{1, 2}, {1, 3}, {2, 4}, {2, 5}, {3, 4}, {3, 1}, {6, 4}});
}

std::unique_ptr<Suggestions> suggest(const Snapshot& g, SuggestionOptions options = {}, int forPerson = 1)
{
    auto s = makeSuggestions(g, PersonId(forPerson), std::move(options));
    s->run();
    return s;
}

std::vector<int> ranked(const Suggestions& s)
{
    std::vector<int> out;
    for (const Suggestion& x : s.suggestions()) {
        out.push_back(static_cast<int>(x.person.value()));
    }
    return out;
}

}  // namespace

TEST(SuggestionsTest, ResourceAllocationSumsOneOverTheContactsOutDegree)
{
    const Snapshot g = smallNetwork();
    const auto s = suggest(g);
    EXPECT_EQ(ranked(*s), (std::vector<int>{4, 5}));  // never me, never a contact
    EXPECT_DOUBLE_EQ(s->scoreOf(PersonId(4)), 0.5 + 0.5);
    EXPECT_DOUBLE_EQ(s->scoreOf(PersonId(5)), 0.5);
    EXPECT_EQ(s->suggestions()[0].via, (std::vector{PersonId(2), PersonId(3)}));
    EXPECT_EQ(s->suggestions()[0].commonContacts, 2);
}

TEST(SuggestionsTest, AdamicAdarCommonNeighboursAndJaccardFollowTheirFormulas)
{
    const Snapshot g = smallNetwork();
    EXPECT_DOUBLE_EQ(suggest(g, {.metric = SuggestionMetric::AdamicAdar})->scoreOf(PersonId(4)), 2 / std::log(3.0));
    EXPECT_DOUBLE_EQ(suggest(g, {.metric = SuggestionMetric::CommonNeighbours})->scoreOf(PersonId(4)), 2);
    const auto jaccard = suggest(g, {.metric = SuggestionMetric::Jaccard});
    EXPECT_DOUBLE_EQ(jaccard->scoreOf(PersonId(4)), 2.0 / 3.0);  // C ∪ followers(4) = {2, 3, 6}
    EXPECT_DOUBLE_EQ(jaccard->scoreOf(PersonId(5)), 1.0 / 2.0);  // {2, 3}
}

TEST(SuggestionsTest, UndirectedUsesNeighboursEitherWay)
{
    const Snapshot g = smallNetwork();
    const auto s = suggest(g, {.metric = SuggestionMetric::CommonNeighbours, .direction = Direction::Undirected});
    // Contacts: 2, 3 (3 also follows me, counted once). 6 is a neighbour of 4, not of a contact.
    EXPECT_EQ(ranked(*s), (std::vector<int>{4, 5}));
    EXPECT_DOUBLE_EQ(s->scoreOf(PersonId(6)), 0);
}

TEST(SuggestionsTest, DismissedPeopleAreLeftOut)
{
    const Snapshot g = smallNetwork();
    EXPECT_EQ(ranked(*suggest(g, {.exclude = {PersonId(4)}})), (std::vector<int>{5}));
}

TEST(SuggestionsTest, ViaOnlyRestrictsTheContacts)
{
    const Snapshot g = smallNetwork();
    const auto s = suggest(g, {.viaOnly = std::vector{PersonId(3)}});
    EXPECT_EQ(ranked(*s), (std::vector<int>{4}));
    EXPECT_DOUBLE_EQ(s->scoreOf(PersonId(4)), 0.5);
}

TEST(SuggestionsTest, CelebritiesCanBeDamped)
{
    const Snapshot g = smallNetwork();
    // 4 is followed by 3 of 6 people (50%).
    const auto s = suggest(g, {.celebrityPercent = 40, .celebrityDamping = 0.1});
    EXPECT_EQ(ranked(*s), (std::vector<int>{5, 4}));
    EXPECT_DOUBLE_EQ(s->suggestions()[1].score, 0.1);
}

TEST(SuggestionsTest, TiesGoToMoreCommonContactsThenId)
{
    // Me follows 2 (outdeg 2: 4, 5) and 3 (outdeg 4: 4, 6, 7, 8); ra(4) = 1/2 + 1/4, ra(5) = 1/2;
    // cn ties 6, 7, 8 by id.
    const Snapshot g = test::handGraph(8, {{1, 2}, {1, 3}, {2, 4}, {2, 5}, {3, 4}, {3, 6}, {3, 7}, {3, 8}});
    EXPECT_EQ(ranked(*suggest(g, {.metric = SuggestionMetric::CommonNeighbours})), (std::vector<int>{4, 5, 6, 7, 8}));
    EXPECT_EQ(ranked(*suggest(g, {.limit = 3})), (std::vector<int>{4, 5, 6, 7, 8}));  // 6, 7, 8 tie at the cut
}

TEST(SuggestionsTest, PersonalisedPageRankSumsToAtMostOneAndFavoursCloseness)
{
    const Snapshot g = smallNetwork();
    const auto s = suggest(g, {.metric = SuggestionMetric::PersonalisedPageRank});
    EXPECT_EQ(ranked(*s).front(), 4);
    EXPECT_GT(s->scoreOf(PersonId(5)), 0);
    EXPECT_DOUBLE_EQ(s->scoreOf(PersonId(6)), 0);  // nobody walks to 6
}

TEST(SuggestionsTest, MetricNamesRoundTrip)
{
    for (const char* name : {"ra", "aa", "cn", "jaccard", "ppr"}) {
        EXPECT_EQ(toString(*suggestionMetricFromString(name)), name);
    }
    EXPECT_FALSE(suggestionMetricFromString("pagerank").has_value());
}

class FacebookSuggestionsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!std::filesystem::exists(test::facebookFile())) {
            GTEST_SKIP() << "no " << test::facebookFile();
        }
        ASSERT_TRUE(migrate(db).ok());
        const auto edges = test::readFacebookEdges();
        ids = test::loadFacebook(db, edges);
        graph = std::move(SnapshotBuilder::fromDatabase(db)).value();
        out.resize(ids.size());
        in.resize(ids.size());
        for (auto [a, b] : edges) {
            out[static_cast<std::size_t>(a)].insert(b);
            in[static_cast<std::size_t>(b)].insert(a);
        }
    }

    std::set<int> neighbours(int v, bool undirected) const
    {
        std::set<int> n = out[static_cast<std::size_t>(v)];
        if (undirected) {
            n.insert(in[static_cast<std::size_t>(v)].begin(), in[static_cast<std::size_t>(v)].end());
        }
        return n;
    }

    /// The formulas of the issue, written as plainly as possible.
    std::map<int, double> bruteForce(int me, SuggestionMetric metric, bool undirected) const
    {
        const std::set<int> contacts = neighbours(me, undirected);
        std::map<int, double> scores;
        std::map<int, int> cn;
        for (int c : contacts) {
            const double deg = static_cast<double>(neighbours(c, undirected).size());
            for (int x : neighbours(c, undirected)) {
                if (x == me || contacts.count(x) > 0) {
                    continue;
                }
                cn[x] += 1;
                if (metric == SuggestionMetric::ResourceAllocation) {
                    scores[x] += 1 / deg;
                } else if (metric == SuggestionMetric::AdamicAdar) {
                    scores[x] += 1 / std::log(1 + deg);
                } else {
                    scores[x] += 1;
                }
            }
        }
        if (metric == SuggestionMetric::Jaccard) {
            for (auto& [x, score] : scores) {
                std::set<int> followers = undirected ? neighbours(x, true) : in[static_cast<std::size_t>(x)];
                std::set<int> both = contacts;
                both.insert(followers.begin(), followers.end());
                score = cn[x] / static_cast<double>(both.size());
            }
        }
        return scores;
    }

    Database db = Database::openInMemory();
    std::vector<PersonId> ids;
    Snapshot graph;
    std::vector<std::set<int>> out;
    std::vector<std::set<int>> in;
};

TEST_F(FacebookSuggestionsTest, ScoresEqualABruteForceComputationOfTheFormulas)
{
    for (int me : {0, 107, 348, 1684, 3980}) {
        for (bool undirected : {false, true}) {
            for (auto metric : {SuggestionMetric::ResourceAllocation, SuggestionMetric::AdamicAdar,
                                SuggestionMetric::CommonNeighbours, SuggestionMetric::Jaccard}) {
                const auto expected = bruteForce(me, metric, undirected);
                auto s = makeSuggestions(graph, ids[static_cast<std::size_t>(me)],
                                         {.metric = metric,
                                          .direction = undirected ? Direction::Undirected : Direction::Directed,
                                          .limit = 20});
                s->run();
                for (const auto& [x, score] : expected) {
                    ASSERT_NEAR(s->scoreOf(ids[static_cast<std::size_t>(x)]), score, 1e-12)
                        << "me " << me << " x " << x << " metric " << toString(metric);
                }
                // The top of the list is the brute-force top, in order (ties by cn, then id).
                std::vector<std::pair<double, int>> best;
                for (const auto& [x, score] : expected) {
                    best.emplace_back(score, x);
                }
                ASSERT_EQ(s->suggestions().empty(), best.empty());
                for (std::size_t i = 1; i < s->suggestions().size(); ++i) {
                    EXPECT_GE(s->suggestions()[i - 1].score, s->suggestions()[i].score);
                }
                if (!best.empty()) {
                    EXPECT_DOUBLE_EQ(s->suggestions().front().score, std::max_element(best.begin(), best.end())->first);
                }
            }
        }
    }
}

TEST_F(FacebookSuggestionsTest, PersonalisedPageRankMatchesPowerIteration)
{
    const int me = 107;
    const std::size_t n = graph.personCount();
    const auto source = graph.requireIndex(ids[static_cast<std::size_t>(me)]);
    std::vector<double> p(n, 0);
    p[source] = 1;
    for (int iteration = 0; iteration < 200; ++iteration) {
        std::vector<double> next(n, 0);
        next[source] += 0.15;
        for (Snapshot::Index u = 0; u < n; ++u) {
            const auto targets = graph.outNeighbours(u);
            if (targets.empty()) {
                next[source] += 0.85 * p[u];
                continue;
            }
            for (auto v : targets) {
                next[v] += 0.85 * p[u] / static_cast<double>(targets.size());
            }
        }
        p.swap(next);
    }
    auto s = makeSuggestions(graph, ids[static_cast<std::size_t>(me)],
                             {.metric = SuggestionMetric::PersonalisedPageRank, .limit = 50});
    s->run();
    ASSERT_FALSE(s->suggestions().empty());
    for (const Suggestion& x : s->suggestions()) {
        EXPECT_NEAR(x.score, p[graph.requireIndex(x.person)], 1e-4);
    }
}
