// Workspace::details(): a person's whole page in one call, what `warmpath-cli person` prints and the
// GUI's details panel shows.

#include <gtest/gtest.h>

#include "WorkflowFixtures.h"
#include "store/Links.h"
#include "store/Tags.h"

using namespace warmpath;

namespace {

/// Me — Ana — Bo — Cy in a line (connections both ways), and Dee on her own.
class PersonDetailsTest : public test::WorkflowFixture {
protected:
    void addToDatabase(Database& db, PeopleRepository& people) override
    {
        cy = people.insert({.displayName = "Cy Dorn"});
        dee = people.insert({.displayName = "Dee Eames"});
        LinkRepository links(db);
        for (const auto& [a, b] : {std::pair{me, ana}, std::pair{ana, bo}, std::pair{bo, cy}}) {
            links.upsert(a, b, LinkKind::Connection);
            links.upsert(b, a, LinkKind::Connection);
        }
        TagRepository tags(db);
        const auto mentors = tags.ensure("Mentors");
        tags.setCadence(mentors, 30);
        tags.assign(bo, mentors);
    }

    PersonId cy, dee;
};

}  // namespace

TEST_F(PersonDetailsTest, ThePageNamesThePeopleInCommonAndTheWarmestPaths)
{
    const auto details = workspace->details(bo, test::day("2026-11-26"));
    ASSERT_TRUE(details.ok()) << details.error().describe();
    EXPECT_EQ(details->degree, 2);
    ASSERT_EQ(details->mutualContacts.size(), 1U);
    EXPECT_EQ(details->mutualContacts.front().id, ana);
    EXPECT_EQ(details->mutualContacts.front().name, "Ana Souza");
    ASSERT_TRUE(details->paths.has_value());
    ASSERT_FALSE(details->paths->paths.empty());
    EXPECT_LE(details->paths->paths.size(), static_cast<std::size_t>(kDetailsPaths));
    const WarmPathView& warmest = details->paths->paths.front();
    ASSERT_EQ(warmest.people.size(), 3U);
    EXPECT_EQ(warmest.people[0].id, me);
    EXPECT_EQ(warmest.people[1].id, ana);
    EXPECT_EQ(warmest.people[2].id, bo);
    EXPECT_EQ(details->paths->degree, details->degree);
}

TEST_F(PersonDetailsTest, ThePageSaysWhichTagACadenceComesFrom)
{
    const auto details = workspace->details(bo, test::day("2026-11-26"));
    ASSERT_TRUE(details->inheritedCadence.has_value());
    EXPECT_EQ(details->inheritedCadence->days, 30);
    EXPECT_EQ(details->inheritedCadence->tag, "Mentors");
    ASSERT_TRUE(details->due.has_value());
    EXPECT_EQ(details->due->cadenceTag, "Mentors");
}

TEST_F(PersonDetailsTest, ThePageNamesTheIntroRequestsPeople)
{
    ASSERT_TRUE(workspace->draftIntro(cy, bo).ok());
    const auto details = workspace->details(bo, test::day("2026-11-26"));
    ASSERT_EQ(details->introRequests.size(), 1U);
    ASSERT_EQ(details->introPeople.size(), 2U);
    EXPECT_EQ(details->introPeople[0].id, std::min(bo, cy));
    EXPECT_EQ(details->introPeople[1].id, std::max(bo, cy));
    for (const NamedPerson& named : details->introPeople) {
        EXPECT_EQ(named.name, named.id == cy ? "Cy Dorn" : "Bo Chen");
        EXPECT_FALSE(named.ref.empty());
    }
}

TEST_F(PersonDetailsTest, MyOwnPageHasNoPathsAndSomeoneUnconnectedHasNone)
{
    const auto mine = workspace->details(me, test::day("2026-11-26"));
    EXPECT_EQ(mine->degree, 0);
    EXPECT_FALSE(mine->paths.has_value());
    EXPECT_TRUE(mine->mutualContacts.empty());
    const auto theirs = workspace->details(dee, test::day("2026-11-26"));
    EXPECT_EQ(theirs->degree, std::nullopt);
    ASSERT_TRUE(theirs->paths.has_value());
    EXPECT_TRUE(theirs->paths->paths.empty());
    EXPECT_TRUE(theirs->mutualContacts.empty());
}
