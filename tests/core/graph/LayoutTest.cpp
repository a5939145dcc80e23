#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "graph/GraphFixtures.h"
#include "graph/Layout.h"

using namespace warmpath;
using warmpath::test::HandLink;

namespace {

/// Three groups of 40 people, dense inside (p = 0.3), joined by a handful of links.
Snapshot threeGroups()
{
    std::mt19937 rng(1);
    std::bernoulli_distribution inside(0.3);
    std::vector<HandLink> links;
    for (int g = 0; g < 3; ++g) {
        for (int a = 1; a <= 40; ++a) {
            for (int b = 1; b <= 40; ++b) {
                if (a != b && inside(rng)) {
                    links.push_back({g * 40 + a, g * 40 + b});
                }
            }
        }
        links.push_back({g * 40 + 1, ((g + 1) % 3) * 40 + 1});
    }
    return test::handGraph(120, links);
}

double distance(const Point& a, const Point& b)
{
    return std::hypot(a.x - b.x, a.y - b.y);
}

}  // namespace

TEST(LayoutTest, IsDeterministicForASeed)
{
    const Snapshot g = threeGroups();
    Layout first(g, {}, {.seed = 9});
    first.run();
    Layout second(g, {}, {.seed = 9});
    second.run();
    EXPECT_EQ(first.positions(), second.positions());
    Layout other(g, {}, {.seed = 10});
    other.run();
    EXPECT_NE(first.positions(), other.positions());
}

TEST(LayoutTest, StopsByItselfWhenConverged)
{
    const Snapshot g = threeGroups();
    Layout layout(g, {}, {.maxIterations = 5000});
    std::uint64_t reported = 0;
    layout.run([&](std::uint64_t done, std::uint64_t, std::string_view) { reported = done; });
    EXPECT_TRUE(layout.converged());
    EXPECT_LT(layout.iterations(), 5000);
    EXPECT_EQ(reported, static_cast<std::uint64_t>(layout.iterations()));
    EXPECT_TRUE(layout.step());  // stays converged
}

TEST(LayoutTest, PlacesGroupsApart)
{
    const Snapshot g = threeGroups();
    Layout layout(g, {});
    layout.run();
    const auto& p = layout.positions();
    double insideSum = 0;
    double acrossSum = 0;
    int inside = 0;
    int across = 0;
    for (std::size_t a = 0; a < p.size(); ++a) {
        for (std::size_t b = a + 1; b < p.size(); ++b) {
            if (a / 40 == b / 40) {
                insideSum += distance(p[a], p[b]);
                ++inside;
            } else {
                acrossSum += distance(p[a], p[b]);
                ++across;
            }
        }
    }
    EXPECT_LT(insideSum / inside * 2, acrossSum / across);
}

TEST(LayoutTest, LaysOutOnlyTheView)
{
    const Snapshot g = threeGroups();
    Layout layout(g, {PersonId(1), PersonId(2), PersonId(3)});
    layout.run();
    EXPECT_EQ(layout.positions().size(), 3U);
    EXPECT_EQ(layout.people()[2], PersonId(3));
    EXPECT_THROW(Layout(g, {PersonId(1), PersonId(500)}), std::invalid_argument);
}
