// What the GUI's details panel needs from the Workspace beyond the CLI's workflow: editing notes,
// putting a follow-up back as it was (undo), where an inherited cadence comes from, mutual contacts.

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "WorkflowFixtures.h"
#include "Workspace.h"
#include "store/Links.h"
#include "store/Meta.h"
#include "store/People.h"
#include "store/Schema.h"

using namespace warmpath;
using warmpath::test::day;

namespace {

class WorkflowEditsTest : public test::WorkflowFixture {
protected:
    void addToDatabase(Database& db, PeopleRepository& people) override
    {
        cy = people.insert({.displayName = "Cy Dumont", .organisation = ""});
        dee = people.insert({.displayName = "Dee Ito", .organisation = ""});
        // me <-> Bo (connection), me -> Cy (follows), Dee -> me; Bo -> Ana, Ana -> Cy, Dee <- Ana.
        LinkRepository links(db);
        links.upsert(me, bo, LinkKind::Connection);
        links.upsert(bo, me, LinkKind::Connection);
        links.upsert(me, cy, LinkKind::Follows);
        links.upsert(dee, me, LinkKind::Follows);
        links.upsert(bo, ana, LinkKind::Follows);
        links.upsert(ana, cy, LinkKind::Follows);
        bumpGraphGeneration(db);
    }

    PersonId cy, dee;
};

std::vector<std::string> names(const std::vector<NamedPerson>& people)
{
    std::vector<std::string> out;
    for (const NamedPerson& person : people) {
        out.push_back(person.name);
    }
    return out;
}

}  // namespace

TEST_F(WorkflowEditsTest, EditingANoteReplacesItsTextAndKeepsItsPlace)
{
    const auto first = workspace->addNote(ana, "Met at the climate meetup");
    ASSERT_TRUE(workspace->addNote(ana, "Prefers email").ok());
    const auto edited = workspace->editNote(first->id, "Met at the climate meetup in Lisbon");
    ASSERT_TRUE(edited.ok()) << edited.error().describe();
    EXPECT_EQ(edited->text, "Met at the climate meetup in Lisbon");
    EXPECT_EQ(edited->createdAt, first->createdAt);
    const auto notes = workspace->notes(ana);
    ASSERT_EQ(notes->size(), 2U);
    EXPECT_EQ(notes->at(0).text, "Met at the climate meetup in Lisbon");
    EXPECT_EQ(notes->at(1).text, "Prefers email");
}

TEST_F(WorkflowEditsTest, EditingAnUnknownNoteOrEmptyingOneIsAnError)
{
    const auto note = workspace->addNote(ana, "first");
    EXPECT_FALSE(workspace->editNote(note->id, "   ").ok());
    EXPECT_EQ(workspace->notes(ana)->at(0).text, "first");
    EXPECT_FALSE(workspace->editNote(note->id + 100, "text").ok());
}

TEST_F(WorkflowEditsTest, ReplacingAFollowUpPutsBackExactlyWhatWasStored)
{
    const Date today = day("2026-11-26");
    ASSERT_TRUE(workspace->setFollowUp(ana, day("2026-11-20"), 30).ok());
    const auto before = workspace->followUp(ana);
    ASSERT_TRUE(before.ok() && before->has_value());
    ASSERT_TRUE(workspace->snoozeFollowUp(ana, 7, today).ok());
    ASSERT_TRUE(workspace->markContacted(ana, today).ok());
    ASSERT_NE(*workspace->followUp(ana), *before);

    ASSERT_TRUE(workspace->replaceFollowUp(ana, *before).ok());
    EXPECT_EQ(*workspace->followUp(ana), *before);
    EXPECT_EQ(formatDate(workspace->followUpQueue(today)->at(0).due), "2026-11-20");
}

TEST_F(WorkflowEditsTest, ReplacingWithNothingRemovesTheFollowUp)
{
    ASSERT_TRUE(workspace->setFollowUp(bo, day("2026-12-01"), std::nullopt).ok());
    ASSERT_TRUE(workspace->replaceFollowUp(bo, std::nullopt).ok());
    EXPECT_FALSE(workspace->followUp(bo)->has_value());
    EXPECT_TRUE(workspace->followUpQueue(day("2026-11-26"))->empty());
}

TEST_F(WorkflowEditsTest, ReplacingRefusesMalformedDatesAndCadences)
{
    EXPECT_FALSE(workspace->replaceFollowUp(ana, FollowUpRecord{.dueDate = "2026-02-30"}).ok());
    EXPECT_FALSE(workspace->replaceFollowUp(ana, FollowUpRecord{.dueDate = "2026-12-01", .cadenceDays = 0}).ok());
    EXPECT_FALSE(workspace->replaceFollowUp(PersonId(9999), std::nullopt).ok());
    EXPECT_FALSE(workspace->followUp(ana)->has_value());
}

TEST_F(WorkflowEditsTest, AnInheritedCadenceNamesTheTagItComesFrom)
{
    const Date today = day("2026-11-26");
    ASSERT_TRUE(workspace->setTagCadence("Mentors", 90).ok());
    ASSERT_TRUE(workspace->setTagCadence("Investors", 30).ok());
    ASSERT_TRUE(workspace->addTags(ana, {"Mentors"}).ok());
    ASSERT_TRUE(workspace->addTags(bo, {"Mentors", "Investors"}).ok());

    EXPECT_EQ(*workspace->inheritedCadence(ana), (InheritedCadence{.days = 90, .tag = "Mentors"}));
    EXPECT_EQ(*workspace->inheritedCadence(bo), (InheritedCadence{.days = 30, .tag = "Investors"}));
    EXPECT_FALSE(workspace->inheritedCadence(cy)->has_value());

    const auto queue = workspace->followUpQueue(today);
    ASSERT_EQ(queue->size(), 2U);
    for (const FollowUpItem& item : *queue) {
        EXPECT_EQ(item.cadenceTag, item.person == ana ? "Mentors" : "Investors");
    }
    EXPECT_EQ(workspace->details(ana, today)->due->cadenceTag, "Mentors");
}

TEST_F(WorkflowEditsTest, AnOwnCadenceNamesNoTag)
{
    const Date today = day("2026-11-26");
    ASSERT_TRUE(workspace->setTagCadence("Mentors", 90).ok());
    ASSERT_TRUE(workspace->addTags(ana, {"Mentors"}).ok());
    ASSERT_TRUE(workspace->setFollowUp(ana, today, 14).ok());
    const auto queue = workspace->followUpQueue(today);
    ASSERT_EQ(queue->size(), 1U);
    EXPECT_EQ(queue->at(0).cadenceDays, 14);
    EXPECT_EQ(queue->at(0).cadenceTag, "");
    EXPECT_EQ(workspace->details(ana, today)->due->cadenceTag, "");
}

TEST_F(WorkflowEditsTest, MutualContactsAreLinkedToBothOfUsInEitherDirection)
{
    // Ana: Bo (me <-> Bo, Bo -> Ana) and Cy (me -> Cy, Ana -> Cy) qualify; Dee follows me only.
    EXPECT_EQ(names(*workspace->mutualContacts(ana)), (std::vector<std::string>{"Bo Chen", "Cy Dumont"}));
    // Bo is linked to me and Ana; Ana is not linked to me, so Bo and I share nobody.
    EXPECT_TRUE(workspace->mutualContacts(bo)->empty());
}

TEST_F(WorkflowEditsTest, IHaveNoMutualContactsWithMyself)
{
    EXPECT_TRUE(workspace->mutualContacts(me)->empty());
}
