#include <gtest/gtest.h>

#include <random>

#include "graph/GraphFixtures.h"
#include "graph/Snapshot.h"
#include "graph/SnapshotBuilder.h"
#include "graph/SnapshotCache.h"
#include "store/Schema.h"

using namespace warmpath;
using warmpath::test::HandLink;
using warmpath::test::TempDir;

namespace {

std::vector<PersonId> toPeople(const Snapshot& g, std::span<const Snapshot::Index> indices)
{
    std::vector<PersonId> out;
    for (auto i : indices) {
        out.push_back(g.personAt(i));
    }
    return out;
}

}  // namespace

TEST(SnapshotTest, KeepsOutAndInRowsSortedWithOneEntryPerPair)
{
    const Snapshot g = test::handGraph(4, {{1, 3}, {1, 2}, {3, 1}, {4, 1}, {1, 2, LinkKind::Knows}});
    EXPECT_EQ(g.personCount(), 4U);
    EXPECT_EQ(g.linkCount(), 4U);  // 1→2 twice (two kinds) is one pair
    const Snapshot::Index one = g.requireIndex(PersonId(1));
    // Rows are sorted by index (which follows a locality order, not the ids).
    EXPECT_TRUE(std::is_sorted(g.outNeighbours(one).begin(), g.outNeighbours(one).end()));
    EXPECT_TRUE(std::is_sorted(g.inNeighbours(one).begin(), g.inNeighbours(one).end()));
    auto sortedPeople = [&](std::span<const Snapshot::Index> row) {
        auto people = toPeople(g, row);
        std::sort(people.begin(), people.end());
        return people;
    };
    EXPECT_EQ(sortedPeople(g.outNeighbours(one)), (std::vector{PersonId(2), PersonId(3)}));
    EXPECT_EQ(sortedPeople(g.inNeighbours(one)), (std::vector{PersonId(3), PersonId(4)}));
    const auto two = g.findOut(one, g.requireIndex(PersonId(2)));
    ASSERT_TRUE(two.has_value());
    EXPECT_EQ(g.outBits(one)[*two] & linkbits::kKindMask,
              linkbits::bit(LinkKind::Follows) | linkbits::bit(LinkKind::Knows));
}

TEST(SnapshotTest, KeepsPeopleMetTogetherTogetherAndFindsThemById)
{
    // Person 9 links with 1..4 and 6..8; 5 and 10 link only with each other; 11 with no one.
    std::vector<test::HandLink> links;
    for (int p : {1, 2, 3, 4, 6, 7, 8}) {
        links.push_back({9, p});
        links.push_back({p, 9});
    }
    links.push_back({5, 10});
    const Snapshot g = test::handGraph(11, links);
    // Breadth-first from the person with the most links: 9 first, its neighbours next (in the
    // order of its rows), then the other components from the lowest id not reached.
    EXPECT_EQ(g.personAt(0), PersonId(9));
    std::vector<PersonId> next;
    for (Snapshot::Index i = 1; i <= 7; ++i) {
        next.push_back(g.personAt(i));
    }
    std::sort(next.begin(), next.end());
    EXPECT_EQ(next,
              (std::vector{PersonId(1), PersonId(2), PersonId(3), PersonId(4), PersonId(6), PersonId(7), PersonId(8)}));
    EXPECT_EQ(g.personAt(8), PersonId(5));
    EXPECT_EQ(g.personAt(9), PersonId(10));
    EXPECT_EQ(g.personAt(10), PersonId(11));
    for (int p = 1; p <= 11; ++p) {
        EXPECT_EQ(g.personAt(g.requireIndex(PersonId(p))), PersonId(p));
        EXPECT_EQ(g.personAt(g.indexByIdRank(static_cast<std::size_t>(p - 1))), PersonId(p));
    }
    EXPECT_TRUE(g.idBefore(g.requireIndex(PersonId(2)), g.requireIndex(PersonId(9))));
    EXPECT_FALSE(g.idBefore(g.requireIndex(PersonId(9)), g.requireIndex(PersonId(2))));
    // The links survive the renumbering, with their kinds.
    EXPECT_TRUE(g.hasLink(g.requireIndex(PersonId(5)), g.requireIndex(PersonId(10))));
    EXPECT_FALSE(g.hasLink(g.requireIndex(PersonId(10)), g.requireIndex(PersonId(5))));
    const Snapshot::Index nine = g.requireIndex(PersonId(9));
    EXPECT_EQ(g.outDegree(nine), 7U);
    for (std::uint8_t bits : g.outBits(nine)) {
        EXPECT_NE(bits & linkbits::kReverseExists, 0);
    }

    Snapshot::Arrays twice = g.arrays();
    twice.personIds[1] = twice.personIds[0];
    EXPECT_THROW(Snapshot(std::move(twice), Snapshot::Version{}), std::invalid_argument);
}

TEST(SnapshotTest, MarksLinksThatGoBothWays)
{
    const Snapshot g = test::handGraph(3, {{1, 2}, {2, 1, LinkKind::Colleague}, {1, 3}});
    const auto one = g.requireIndex(PersonId(1));
    const auto two = g.requireIndex(PersonId(2));
    EXPECT_NE(g.outBits(one)[0] & linkbits::kReverseExists, 0);  // 1→2, and 2→1 exists
    EXPECT_NE(g.outBits(one)[0] & linkbits::kReverseStrong, 0);  // ... as a colleague link
    EXPECT_EQ(g.outBits(one)[1] & linkbits::kReverseExists, 0);  // 1→3 is one-way
    EXPECT_NE(g.outBits(two)[0] & linkbits::kReverseExists, 0);
    EXPECT_EQ(g.outBits(two)[0] & linkbits::kReverseStrong, 0);  // the way back is only a follow
    // The in-row carries the same bits as the out-row of the same link.
    EXPECT_EQ(g.inBits(two)[0], g.outBits(one)[0]);
}

TEST(SnapshotTest, KnowsWhoHasLongRows)
{
    // Person 1 follows everyone else (99); person 2 follows 32 and is followed by 33 (1, and 40
    // to 72 but 70); person 70 (in the third word of the table) follows 33 and is followed by 1.
    std::vector<HandLink> links;
    for (int i = 2; i <= 100; ++i) {
        links.push_back({1, i});
    }
    for (int i = 3; i <= 34; ++i) {
        links.push_back({2, i});
    }
    for (int i = 40; i <= 72; ++i) {
        if (i != 70) {
            links.push_back({i, 2});
            links.push_back({70, i});
        }
    }
    links.push_back({70, 3});
    const Snapshot g = test::handGraph(100, links);
    auto at = [&](int person) { return g.requireIndex(PersonId(person)); };
    ASSERT_EQ(g.outDegree(at(2)), Snapshot::kLongRow);
    ASSERT_EQ(g.inDegree(at(2)), Snapshot::kLongRow + 1);
    ASSERT_EQ(g.outDegree(at(70)), Snapshot::kLongRow + 1);
    EXPECT_TRUE(g.longOutRow(at(1)));
    EXPECT_FALSE(g.longInRow(at(1)));
    EXPECT_FALSE(g.longOutRow(at(2)));
    EXPECT_TRUE(g.longInRow(at(2)));
    EXPECT_TRUE(g.longOutRow(at(70)));
    EXPECT_FALSE(g.longInRow(at(70)));
    for (int person = 3; person <= 100; ++person) {
        if (person != 70) {
            EXPECT_FALSE(g.longOutRow(at(person)) || g.longInRow(at(person))) << person;
        }
    }
}

TEST(SnapshotTest, KeepsTheHighestConfidenceOfAPair)
{
    const Snapshot g = test::handGraph(2, {{1, 2, LinkKind::Follows, 0.2}, {1, 2, LinkKind::Knows, 0.6}});
    EXPECT_EQ(g.outConfidence(0)[0], 153);  // 0.6 × 255
}

TEST(SnapshotTest, UnknownPersonIsAClearError)
{
    const Snapshot g = test::handGraph(2, {{1, 2}});
    EXPECT_FALSE(g.indexOf(PersonId(9)).has_value());
    EXPECT_THROW((void)g.requireIndex(PersonId(9)), std::invalid_argument);
    SnapshotBuilder builder;
    builder.addPerson(PersonId(1));
    builder.addLink(PersonId(1), PersonId(2), LinkKind::Follows);
    EXPECT_THROW((void)builder.build(), std::invalid_argument);
}

TEST(SnapshotTest, UsesAtMostSixteenBytesPerLink)
{
    std::mt19937 rng(7);
    SnapshotBuilder builder;
    const int n = 20000;
    for (int i = 1; i <= n; ++i) {
        builder.addPerson(PersonId(i));
    }
    std::uniform_int_distribution<int> pick(1, n);
    for (int e = 0; e < 200000; ++e) {
        builder.addLink(PersonId(pick(rng)), PersonId(pick(rng)), LinkKind::Follows);
    }
    const Snapshot g = builder.build();
    EXPECT_LE(static_cast<double>(g.memoryBytes()) / static_cast<double>(g.linkCount()), 16.0);
}

TEST(SnapshotTest, BuildsFromTheDatabaseWithItsVersion)
{
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db).ok());
    PeopleRepository people(db);
    LinkRepository links(db);
    const PersonId me = people.me();
    const PersonId ana = people.insert({.displayName = "Ana"});
    const PersonId bo = people.insert({.displayName = "Bo"});
    links.upsert(me, ana, LinkKind::Connection, 0.5);
    links.upsert(ana, me, LinkKind::Connection);
    links.upsert(ana, bo, LinkKind::Follows);
    auto g = SnapshotBuilder::fromDatabase(db);
    ASSERT_TRUE(g.ok());
    EXPECT_EQ(g->personCount(), 3U);
    EXPECT_EQ(g->linkCount(), 3U);
    EXPECT_TRUE(g->hasLink(g->requireIndex(ana), g->requireIndex(bo)));
    EXPECT_FALSE(g->hasLink(g->requireIndex(bo), g->requireIndex(ana)));
    EXPECT_EQ(g->version(), SnapshotBuilder::currentVersion(db));
    EXPECT_EQ(g->version().maxPersonId, bo.value());
}

TEST(SnapshotTest, BuildingStopsWhenCancelled)
{
    Database db = Database::openInMemory();
    ASSERT_TRUE(migrate(db).ok());
    CancelToken cancel;
    cancel.cancel();
    // A token set before the build begins stops it there, however small the graph (later checks come
    // every million links).
    const auto built = SnapshotBuilder::fromDatabase(db, {}, &cancel);
    ASSERT_FALSE(built.ok());
    EXPECT_TRUE(built.error().isCancelled());
}

TEST(SnapshotCacheTest, RoundTripsEveryArray)
{
    TempDir dir;
    const Snapshot g = test::handGraph(5, {{1, 2}, {2, 3, LinkKind::Knows, 0.4}, {3, 1}, {5, 4}});
    const Snapshot::Version version{.generation = 3, .maxPersonId = 5, .maxLinkId = 4};
    const Snapshot versioned(Snapshot::Arrays(g.arrays()), version);
    const auto file = dir.file("x.db.graph");
    ASSERT_TRUE(SnapshotCache::save(versioned, file).ok());
    auto loaded = SnapshotCache::load(file, version);
    ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
    EXPECT_EQ(loaded->arrays().outTargets, g.arrays().outTargets);
    EXPECT_EQ(loaded->arrays().inSources, g.arrays().inSources);
    EXPECT_EQ(loaded->arrays().outBits, g.arrays().outBits);
    EXPECT_EQ(loaded->arrays().inConfidence, g.arrays().inConfidence);
    EXPECT_EQ(loaded->arrays().personIds, g.arrays().personIds);
    EXPECT_EQ(loaded->version(), version);
}

TEST(SnapshotCacheTest, RefusesAStaleCache)
{
    TempDir dir;
    const Snapshot g(Snapshot::Arrays(test::handGraph(2, {{1, 2}}).arrays()), {.generation = 1});
    const auto file = dir.file("x.db.graph");
    ASSERT_TRUE(SnapshotCache::save(g, file).ok());
    EXPECT_FALSE(SnapshotCache::load(file, {.generation = 2}).ok());
}

TEST(SnapshotCacheTest, RefusesADamagedOrTruncatedCache)
{
    TempDir dir;
    const Snapshot g(Snapshot::Arrays(test::handGraph(3, {{1, 2}, {2, 3}}).arrays()), {.generation = 1});
    const auto file = dir.file("x.db.graph");
    ASSERT_TRUE(SnapshotCache::save(g, file).ok());
    std::string bytes = test::readFile(file);
    bytes[bytes.size() - 3] ^= 0x5A;
    test::writeFile(file, bytes);
    EXPECT_FALSE(SnapshotCache::load(file, {.generation = 1}).ok());
    test::writeFile(file, bytes.substr(0, bytes.size() - 5));
    EXPECT_FALSE(SnapshotCache::load(file, {.generation = 1}).ok());
    test::writeFile(file, "not a cache at all");
    EXPECT_FALSE(SnapshotCache::load(file, {.generation = 1}).ok());
}
