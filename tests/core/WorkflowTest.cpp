// The follow-up half of the Workspace: tags, cadences, notes, follow-ups, intro requests, listings.

#include <algorithm>
#include <chrono>
#include <cstdio>

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

class WorkflowTest : public test::WorkflowFixture {
protected:
    void addToDatabase(Database& /*db*/, PeopleRepository& people) override
    {
        people.addIdentity(ana, {.network = "linkedin", .key = "ana-souza", .handle = "", .url = ""});
        people.addIdentity(bo, {.network = "bsky", .key = "did:plc:bo", .handle = "bo.bsky.social", .url = ""});
        cy = people.insert({.displayName = "Cy 100%_real", .organisation = ""});
    }

    /// me <-> Bo (connection), Ana -> Bo (follows), written beside the workspace like an import.
    void linkMeToBoToAna()
    {
        auto db = Database::open(path, OpenMode::MustExist);
        ASSERT_TRUE(db.ok());
        LinkRepository links(*db);
        links.upsert(me, bo, LinkKind::Connection);
        links.upsert(bo, me, LinkKind::Connection);
        links.upsert(ana, bo, LinkKind::Follows);
        bumpGraphGeneration(*db);
    }

    std::int64_t generation()
    {
        auto db = Database::open(path, OpenMode::MustExist);
        return graphGeneration(*db);
    }

    PersonId cy;
};

}  // namespace

// --- dates ---------------------------------------------------------------------------------

TEST(FollowUpDates, AddingDaysCrossesMonthEnds)
{
    EXPECT_EQ(formatDate(addDays(day("2026-01-31"), 1)), "2026-02-01");
    EXPECT_EQ(formatDate(addDays(day("2026-04-30"), 1)), "2026-05-01");
    EXPECT_EQ(formatDate(addDays(day("2026-01-31"), 30)), "2026-03-02");
    EXPECT_EQ(formatDate(addDays(day("2026-12-31"), 1)), "2027-01-01");
    EXPECT_EQ(formatDate(addDays(day("2026-03-01"), -1)), "2026-02-28");
}

TEST(FollowUpDates, AddingDaysKnowsLeapYears)
{
    EXPECT_EQ(formatDate(addDays(day("2024-02-28"), 1)), "2024-02-29");
    EXPECT_EQ(formatDate(addDays(day("2023-02-28"), 1)), "2023-03-01");
    EXPECT_EQ(formatDate(addDays(day("2100-02-28"), 1)), "2100-03-01") << "centuries are not leap years";
    EXPECT_EQ(formatDate(addDays(day("2000-02-28"), 1)), "2000-02-29") << "unless divisible by 400";
    EXPECT_EQ(formatDate(addDays(day("2024-02-29"), 365)), "2025-02-28");
    EXPECT_EQ(daysBetween(day("2024-02-01"), day("2024-03-01")), 29);
    EXPECT_EQ(daysBetween(day("2023-02-01"), day("2023-03-01")), 28);
}

TEST_F(WorkflowTest, DoneWithACadencePlansTheNextDateAcrossALeapDay)
{
    ASSERT_TRUE(workspace->setFollowUp(ana, day("2024-02-20"), 1).ok());
    const auto record = workspace->markContacted(ana, day("2024-02-28"));
    ASSERT_TRUE(record.ok()) << record.error().describe();
    EXPECT_EQ(record->lastContacted, "2024-02-28");
    EXPECT_EQ(record->dueDate, "2024-02-29");
    EXPECT_FALSE(record->done);
}

TEST_F(WorkflowTest, DoneWithACadencePlansTheNextDateAcrossAMonthEnd)
{
    ASSERT_TRUE(workspace->setFollowUp(ana, day("2026-01-01"), 30).ok());
    EXPECT_EQ(workspace->markContacted(ana, day("2026-01-31"))->dueDate, "2026-03-02");
    EXPECT_EQ(workspace->markContacted(ana, day("2023-02-28"))->dueDate, "2023-03-30");
}

TEST_F(WorkflowTest, DoneWithoutACadenceClosesTheFollowUp)
{
    ASSERT_TRUE(workspace->setFollowUp(bo, day("2026-11-20"), std::nullopt).ok());
    const auto record = workspace->markContacted(bo, day("2026-11-26"));
    ASSERT_TRUE(record.ok());
    EXPECT_TRUE(record->done);
    EXPECT_TRUE(workspace->followUpQueue(day("2026-11-26"))->empty());
}

TEST_F(WorkflowTest, SetKeepsTheOwnCadenceUnlessANewOneIsGiven)
{
    ASSERT_TRUE(workspace->setFollowUp(ana, day("2026-12-01"), 14).ok());
    const auto record = workspace->setFollowUp(ana, day("2026-12-05"), std::nullopt);
    EXPECT_EQ(record->cadenceDays, 14);
    EXPECT_EQ(record->dueDate, "2026-12-05");
}

TEST_F(WorkflowTest, QueueIsSortedByDaysOverdueMostOverdueFirst)
{
    const Date today = day("2026-11-26");
    ASSERT_TRUE(workspace->setFollowUp(ana, day("2026-11-25"), std::nullopt).ok());
    ASSERT_TRUE(workspace->setFollowUp(bo, day("2026-11-01"), 7).ok());
    ASSERT_TRUE(workspace->setFollowUp(cy, day("2026-12-24"), std::nullopt).ok());
    const auto queue = workspace->followUpQueue(today);
    ASSERT_EQ(queue->size(), 3U);
    EXPECT_EQ((*queue)[0].person, bo);
    EXPECT_EQ((*queue)[0].daysOverdue, 25);
    EXPECT_EQ((*queue)[0].cadenceDays, 7);
    EXPECT_EQ((*queue)[1].person, ana);
    EXPECT_EQ((*queue)[1].daysOverdue, 1);
    EXPECT_EQ((*queue)[2].person, cy);
    EXPECT_EQ((*queue)[2].daysOverdue, -28);
    const auto overdue = workspace->followUpQueue(today, true);
    ASSERT_EQ(overdue->size(), 2U) << "only those due today or earlier";
}

TEST_F(WorkflowTest, SnoozeMovesTheDueDateLaterButNeverEarlier)
{
    const Date today = day("2026-11-26");
    ASSERT_TRUE(workspace->setFollowUp(ana, day("2026-11-20"), std::nullopt).ok());
    ASSERT_TRUE(workspace->snoozeFollowUp(ana, 10, today).ok());
    EXPECT_EQ(formatDate(workspace->followUpQueue(today)->at(0).due), "2026-12-06");
    ASSERT_TRUE(workspace->setFollowUp(bo, day("2027-01-31"), std::nullopt).ok());
    ASSERT_TRUE(workspace->snoozeFollowUp(bo, 3, today).ok());
    const auto details = workspace->details(bo, today);
    EXPECT_EQ(formatDate(details->due->due), "2027-01-31");
}

TEST_F(WorkflowTest, SnoozingWithoutAFollowUpIsAnError)
{
    EXPECT_FALSE(workspace->snoozeFollowUp(cy, 3, day("2026-11-26")).ok());
}

// --- tags and cadence inheritance ------------------------------------------------------------

TEST_F(WorkflowTest, AddTagsReportsOnlyTheNewOnesAndIgnoresCase)
{
    EXPECT_EQ(*workspace->addTags(ana, {"Investors", "friends"}), (std::vector<std::string>{"Investors", "friends"}));
    EXPECT_EQ(*workspace->addTags(ana, {"investors", " friends "}), std::vector<std::string>{});
    EXPECT_EQ(*workspace->tagsOf(ana), (std::vector<std::string>{"friends", "Investors"}));
    EXPECT_FALSE(workspace->addTags(ana, {"  "}).ok());
}

TEST_F(WorkflowTest, BulkTaggingReportsWhatChangedPerPersonAndUndoesExactly)
{
    ASSERT_TRUE(workspace->addTags(ana, {"mentors"}));
    const auto added = workspace->addTags(std::vector<PersonTags>{{.person = ana, .tags = {"Mentors", "climate"}},
                                                                  {.person = bo, .tags = {"Mentors", "climate"}}});
    ASSERT_TRUE(added.ok()) << added.error().describe();
    EXPECT_EQ(*added, (std::vector<PersonTags>{{.person = ana, .tags = {"climate"}},
                                               {.person = bo, .tags = {"Mentors", "climate"}}}));
    ASSERT_TRUE(workspace->removeTags(*added));
    EXPECT_EQ(*workspace->tagsOf(ana), std::vector<std::string>{"mentors"});
    EXPECT_TRUE(workspace->tagsOf(bo)->empty());
}

TEST_F(WorkflowTest, BulkTaggingIsOneTransactionThatAnUnknownPersonFailsWhole)
{
    const auto added = workspace->addTags(
        std::vector<PersonTags>{{.person = ana, .tags = {"mentors"}}, {.person = PersonId(4242), .tags = {"mentors"}}});
    ASSERT_FALSE(added.ok());
    EXPECT_TRUE(workspace->tagsOf(ana)->empty());
}

TEST_F(WorkflowTest, BulkTaggingTenThousandPeopleIsOneCall)
{
    std::vector<PersonTags> edits;
    {
        auto db = Database::open(path, OpenMode::MustExist);
        Transaction tx(*db);
        PeopleRepository people(*db);
        for (int i = 0; i < 10'000; ++i) {
            edits.push_back(
                {.person = people.insert({.displayName = "Person " + std::to_string(i)}), .tags = {"conference"}});
        }
        tx.commit();
    }
    const auto start = std::chrono::steady_clock::now();
    const auto added = workspace->addTags(edits);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(added.ok());
    EXPECT_EQ(added->size(), 10'000U);
    RecordProperty("tag_10000_people_ms", static_cast<int>(ms));
    std::printf("tagged 10000 people in %lld ms\n", static_cast<long long>(ms));
    ASSERT_TRUE(workspace->removeTags(*added));
    EXPECT_TRUE(workspace->tags()->empty());
}

TEST_F(WorkflowTest, TagListCountsPeopleAndShowsCadence)
{
    ASSERT_TRUE(workspace->addTags(ana, {"investors", "friends"}).ok());
    ASSERT_TRUE(workspace->addTags(bo, {"friends"}).ok());
    ASSERT_TRUE(workspace->setTagCadence("investors", 30).ok());
    EXPECT_EQ(*workspace->tags(), (std::vector<TagInfo>{{.name = "friends", .count = 2, .cadenceDays = std::nullopt},
                                                        {.name = "investors", .count = 1, .cadenceDays = 30}}));
    ASSERT_TRUE(workspace->setTagCadence("investors", std::nullopt).ok());
    EXPECT_EQ(workspace->tags()->at(1).cadenceDays, std::nullopt);
    EXPECT_FALSE(workspace->setTagCadence("investors", 0).ok());
}

TEST_F(WorkflowTest, RemoveTagsTakesThemAwayAndRefusesUnknownTags)
{
    ASSERT_TRUE(workspace->addTags(ana, {"investors", "friends"}).ok());
    EXPECT_EQ(*workspace->removeTags(ana, {"INVESTORS"}), std::vector<std::string>{"INVESTORS"});
    EXPECT_EQ(*workspace->tagsOf(ana), std::vector<std::string>{"friends"});
    EXPECT_FALSE(workspace->removeTags(ana, {"no-such-tag"}).ok());
    EXPECT_EQ(*workspace->tagsOf(ana), std::vector<std::string>{"friends"}) << "all or nothing";
}

TEST_F(WorkflowTest, ATagThatNobodyCarriesAndThatSetsNoCadenceIsGone)
{
    ASSERT_TRUE(workspace->addTags(ana, {"Foo", "weekly"}).ok());
    ASSERT_TRUE(workspace->addTags(bo, {"foo"}).ok());
    ASSERT_TRUE(workspace->setTagCadence("weekly", 7).ok());
    ASSERT_TRUE(workspace->removeTags(ana, {"foo", "weekly"}).ok());
    EXPECT_EQ(workspace->stats()->tags, 2) << "bo still carries foo; weekly sets a cadence";
    ASSERT_TRUE(workspace->removeTags(bo, {"foo"}).ok());
    EXPECT_EQ(workspace->stats()->tags, 1) << "what undoing the edit that introduced foo leaves";
    EXPECT_EQ(*workspace->tags(), (std::vector<TagInfo>{{.name = "weekly", .count = 0, .cadenceDays = 7}}));
}

TEST_F(WorkflowTest, PeopleInheritTheirTagsCadence)
{
    const Date today = day("2026-11-26");
    ASSERT_TRUE(workspace->setTagCadence("investors", 30).ok());
    ASSERT_TRUE(workspace->addTags(ana, {"investors"}).ok());
    auto queue = workspace->followUpQueue(today);
    ASSERT_EQ(queue->size(), 1U);
    EXPECT_EQ(queue->at(0).due, today) << "never contacted: due now";
    EXPECT_EQ(queue->at(0).cadenceDays, 30);
    EXPECT_EQ(workspace->markContacted(ana, today)->dueDate, "2026-12-26");
}

TEST_F(WorkflowTest, ThePeopleListShowsADueDateInheritedFromATagCadence)
{
    ASSERT_TRUE(workspace->setTagCadence("investors", 30).ok());
    ASSERT_TRUE(workspace->addTags(ana, {"investors"}).ok());
    auto rows = workspace->peopleSummaries();
    ASSERT_TRUE(rows.ok());
    const auto row = [&](PersonId id) {
        return *std::find_if(rows->begin(), rows->end(), [&](const PersonSummary& r) { return r.person.id == id; });
    };
    EXPECT_EQ(row(ana).followUpDue, formatDate(today())) << "never contacted, tag cadence: due now, as in the queue";
    EXPECT_EQ(row(bo).followUpDue, "");
}

TEST_F(WorkflowTest, ReadingAFollowUpDoesNotLockTheWorkspaceOutAfterAnotherProgramsWrite)
{
    ASSERT_TRUE(workspace->setFollowUp(ana, day("2026-12-01"), 7).ok());
    ASSERT_TRUE(workspace->followUp(ana).ok());  // a single-row read
    {
        auto other = Database::open(path, OpenMode::MustExist);
        ASSERT_TRUE(other.ok());
        other->execute("UPDATE person SET title = 'CTO' WHERE id = " + std::to_string(bo.value()));
    }
    auto tagged = workspace->addTags(ana, {"investors"});
    ASSERT_TRUE(tagged.ok()) << tagged.error().describe();
}

TEST_F(WorkflowTest, APersonsOwnCadenceWinsOverTheTags)
{
    const Date today = day("2026-11-26");
    ASSERT_TRUE(workspace->setTagCadence("investors", 30).ok());
    ASSERT_TRUE(workspace->addTags(ana, {"investors"}).ok());
    ASSERT_TRUE(workspace->setFollowUp(ana, today, 7).ok());
    EXPECT_EQ(workspace->markContacted(ana, today)->dueDate, "2026-12-03");
    EXPECT_EQ(workspace->followUpQueue(today)->at(0).cadenceDays, 7);
}

TEST_F(WorkflowTest, TheShortestTagCadenceApplies)
{
    const Date today = day("2026-11-26");
    ASSERT_TRUE(workspace->setTagCadence("investors", 30).ok());
    ASSERT_TRUE(workspace->setTagCadence("hot-leads", 10).ok());
    ASSERT_TRUE(workspace->addTags(bo, {"investors", "hot-leads"}).ok());
    EXPECT_EQ(workspace->markContacted(bo, today)->dueDate, "2026-12-06");
}

TEST_F(WorkflowTest, ATagCadenceReopensAFollowUpDoneWithoutOne)
{
    const Date today = day("2026-11-26");
    ASSERT_TRUE(workspace->markContacted(bo, day("2026-11-01")).ok());
    EXPECT_TRUE(workspace->followUpQueue(today)->empty());
    ASSERT_TRUE(workspace->setTagCadence("investors", 14).ok());
    ASSERT_TRUE(workspace->addTags(bo, {"investors"}).ok());
    EXPECT_EQ(formatDate(workspace->followUpQueue(today)->at(0).due), "2026-11-15");
}

// --- notes, listings ----------------------------------------------------------------------------

TEST_F(WorkflowTest, NotesAreKeptInOrderAndCounted)
{
    ASSERT_TRUE(workspace->addNote(ana, "first").ok());
    ASSERT_TRUE(workspace->addNote(ana, "second").ok());
    EXPECT_FALSE(workspace->addNote(ana, "   ").ok());
    const auto notes = workspace->notes(ana);
    ASSERT_EQ(notes->size(), 2U);
    EXPECT_EQ(notes->at(0).text, "first");
    EXPECT_EQ(workspace->person(ana)->notesCount, 2);
}

TEST_F(WorkflowTest, PeopleCanBeFilteredByTagAndSearch)
{
    ASSERT_TRUE(workspace->addTags(ana, {"investors"}).ok());
    auto names = [&](const PeopleQuery& q) {
        std::vector<std::string> result;
        for (const auto& row : *workspace->people(q)) {
            result.push_back(row.person.displayName);
        }
        return result;
    };
    EXPECT_EQ(names({}), (std::vector<std::string>{"Ana Souza", "Bo Chen", "Cy 100%_real", "Me"}));
    EXPECT_EQ(names({.tag = "INVESTORS"}), std::vector<std::string>{"Ana Souza"});
    EXPECT_EQ(names({.search = "globex"}), std::vector<std::string>{"Bo Chen"}) << "organisation";
    EXPECT_EQ(names({.search = "bo.bsky"}), std::vector<std::string>{"Bo Chen"}) << "handle";
    EXPECT_EQ(names({.search = "ana-sou"}), std::vector<std::string>{"Ana Souza"}) << "identity key";
    EXPECT_EQ(names({.search = "%_"}), std::vector<std::string>{"Cy 100%_real"}) << "wildcards are literal";
}

TEST_F(WorkflowTest, DegreesComeFromTheGraphInEitherDirection)
{
    linkMeToBoToAna();
    const DegreeLookup degrees = workspace->degreeLookup();
    ASSERT_TRUE(static_cast<bool>(degrees));
    EXPECT_EQ(degrees(me), 0);
    EXPECT_EQ(degrees(bo), 1);
    EXPECT_EQ(degrees(ana), 2) << "Ana follows Bo: a link in either direction counts";
    EXPECT_EQ(degrees(cy), std::nullopt);
    const auto second = workspace->people({.degree = 2});
    ASSERT_TRUE(second.ok());
    ASSERT_EQ(second->size(), 1U);
    EXPECT_EQ(second->front().person.id, ana);
    EXPECT_EQ(workspace->details(ana, day("2026-11-26"))->degree, 2);
    EXPECT_EQ(workspace->details(cy, day("2026-11-26"))->degree, std::nullopt);
}

TEST_F(WorkflowTest, DetailsGatherEverythingAboutAPerson)
{
    ASSERT_TRUE(workspace->addTags(ana, {"investors"}).ok());
    ASSERT_TRUE(workspace->addNote(ana, "met at the fair").ok());
    ASSERT_TRUE(workspace->setFollowUp(ana, day("2026-11-20"), 14).ok());
    ASSERT_TRUE(workspace->draftIntro(ana, bo).ok());
    const auto d = workspace->details(ana, day("2026-11-26"));
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->ref, "linkedin:ana-souza");
    EXPECT_EQ(d->identities.size(), 1U);
    EXPECT_EQ(d->tags, std::vector<std::string>{"investors"});
    EXPECT_EQ(d->notes.size(), 1U);
    EXPECT_EQ(d->due->daysOverdue, 6);
    EXPECT_EQ(d->introRequests.size(), 1U);
}

// --- intro requests ---------------------------------------------------------------------------

TEST_F(WorkflowTest, DraftingViaSomeoneWritesTheMessage)
{
    const auto intro = workspace->draftIntro(ana, bo);
    ASSERT_TRUE(intro.ok()) << intro.error().describe();
    EXPECT_EQ(intro->status, IntroStatus::Draft);
    EXPECT_EQ(intro->introducer, bo);
    EXPECT_EQ(intro->message.rfind("Hi Bo,", 0), 0U) << intro->message;
    EXPECT_NE(intro->message.find("Ana Souza at Acme"), std::string::npos) << intro->message;
}

TEST_F(WorkflowTest, DraftingWithoutViaAsksTheFirstHopOfTheWarmestPath)
{
    linkMeToBoToAna();
    const auto intro = workspace->draftIntro(ana, std::nullopt);
    ASSERT_TRUE(intro.ok()) << intro.error().describe();
    EXPECT_EQ(intro->introducer, bo);
}

TEST_F(WorkflowTest, DraftingWithoutViaFailsClearlyWithoutAPathOrForADirectContact)
{
    linkMeToBoToAna();
    const auto unreachable = workspace->draftIntro(cy, std::nullopt);
    ASSERT_FALSE(unreachable.ok());
    EXPECT_NE(unreachable.error().message.find("no path"), std::string::npos) << unreachable.error().message;
    const auto direct = workspace->draftIntro(bo, std::nullopt);
    ASSERT_FALSE(direct.ok());
    EXPECT_NE(direct.error().message.find("directly"), std::string::npos) << direct.error().message;
}

TEST_F(WorkflowTest, DraftingRefusesMeAndSelfIntroductions)
{
    EXPECT_FALSE(workspace->draftIntro(me, bo).ok());
    EXPECT_FALSE(workspace->draftIntro(ana, me).ok());
    EXPECT_FALSE(workspace->draftIntro(ana, ana).ok());
}

TEST_F(WorkflowTest, IntroducedAddsAKnowsLinkBetweenMeAndTheTargetAndBumpsTheGraph)
{
    const auto intro = workspace->draftIntro(ana, bo);
    ASSERT_TRUE(workspace->setIntroStatus(intro->id, IntroStatus::Asked).ok());
    const std::int64_t before = generation();
    const auto done = workspace->setIntroStatus(intro->id, IntroStatus::Introduced);
    ASSERT_TRUE(done.ok());
    EXPECT_EQ(done->status, IntroStatus::Introduced);
    EXPECT_EQ(generation(), before + 1);
    auto db = Database::open(path, OpenMode::MustExist);
    LinkRepository links(*db);
    EXPECT_TRUE(links.exists(me, ana, LinkKind::Knows));
    EXPECT_TRUE(links.exists(ana, me, LinkKind::Knows));
}

TEST_F(WorkflowTest, RevertingIntroducedRemovesTheKnowsLinksThatMarkingItCreated)
{
    const auto intro = workspace->draftIntro(ana, bo);
    const auto done = workspace->changeIntroStatus(intro->id, IntroStatus::Introduced);
    ASSERT_TRUE(done.ok());
    EXPECT_EQ(done->addedLinks.size(), 2U);
    const auto reverted = workspace->revertIntroStatus(*done, IntroStatus::Draft);
    ASSERT_TRUE(reverted.ok());
    EXPECT_EQ(reverted->status, IntroStatus::Draft);
    auto db = Database::open(path, OpenMode::MustExist);
    LinkRepository links(*db);
    EXPECT_FALSE(links.exists(me, ana, LinkKind::Knows));
    EXPECT_FALSE(links.exists(ana, me, LinkKind::Knows));
}

TEST_F(WorkflowTest, RevertingIntroducedKeepsAKnowsLinkThatExistedBefore)
{
    {
        auto db = Database::open(path, OpenMode::MustExist);
        LinkRepository(*db).upsert(me, ana, LinkKind::Knows);
    }
    const auto intro = workspace->draftIntro(ana, bo);
    const auto done = workspace->changeIntroStatus(intro->id, IntroStatus::Introduced);
    ASSERT_TRUE(done.ok());
    ASSERT_EQ(done->addedLinks.size(), 1U);
    EXPECT_EQ(done->addedLinks.front().from, ana);
    ASSERT_TRUE(workspace->revertIntroStatus(*done, IntroStatus::Asked).ok());
    auto db = Database::open(path, OpenMode::MustExist);
    LinkRepository links(*db);
    EXPECT_TRUE(links.exists(me, ana, LinkKind::Knows));
    EXPECT_FALSE(links.exists(ana, me, LinkKind::Knows));
}

TEST_F(WorkflowTest, DeclinedAddsNoLink)
{
    const auto intro = workspace->draftIntro(ana, bo);
    ASSERT_TRUE(workspace->setIntroStatus(intro->id, IntroStatus::Declined).ok());
    auto db = Database::open(path, OpenMode::MustExist);
    EXPECT_FALSE(LinkRepository(*db).exists(me, ana, LinkKind::Knows));
    EXPECT_FALSE(workspace->setIntroStatus(99, IntroStatus::Asked).ok());
}

// --- the message along a path ----------------------------------------------------------------

namespace {

std::vector<IntroPathPerson> introPath(std::initializer_list<IntroPathPerson> people)
{
    return people;
}

bool contains(const std::string& text, std::string_view part)
{
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST(IntroMessage, OnTwoHopsTheFirstHopIsAskedForTheTargetThemselves)
{
    const std::string message =
        draftIntroMessage(introPath({{"Sam Me", ""}, {"Bo Chen", "Globex"}, {"Ana Souza", "Acme"}}));
    EXPECT_EQ(message.rfind("Hi Bo,\n\n", 0), 0U) << message;
    EXPECT_TRUE(contains(message, "get in touch with Ana Souza at Acme, and I believe you know them")) << message;
    EXPECT_TRUE(contains(message, "introducing us?")) << message;
    EXPECT_TRUE(message.ends_with("Thank you,\nSam Me")) << message;
}

TEST(IntroMessage, OnThreeHopsTheFirstHopIsAskedForTheNextPersonWhoKnowsTheTarget)
{
    const std::string message = draftIntroMessage(
        introPath({{"Sam Me", ""}, {"Bo Chen", "Globex"}, {"Cy Park", "Initech"}, {"Ana Souza", "Acme"}}));
    EXPECT_EQ(message.rfind("Hi Bo,\n\n", 0), 0U) << message;
    EXPECT_TRUE(contains(message, "I am hoping to reach Ana Souza at Acme")) << message;
    EXPECT_TRUE(contains(message, "I believe you know Cy Park at Initech, who knows them.")) << message;
    EXPECT_TRUE(contains(message, "introducing me to Cy Park?")) << message;
    // Bo does not know Ana: he is never asked to introduce her.
    EXPECT_FALSE(contains(message, "you know Ana")) << message;
    EXPECT_FALSE(contains(message, "introducing us")) << message;
    EXPECT_FALSE(contains(message, "introducing me to Ana")) << message;
}

TEST(IntroMessage, OnFourHopsItSaysThroughWhomTheNextPersonLeadsOnToTheTarget)
{
    const std::string message = draftIntroMessage(
        introPath({{"Sam Me", ""}, {"Bo Chen", ""}, {"Cy Park", ""}, {"Dee Lee", "Umbrella"}, {"Ana Souza", "Acme"}}));
    EXPECT_TRUE(contains(message, "I am hoping to reach Ana Souza at Acme")) << message;
    EXPECT_TRUE(contains(message, "I believe you know Cy Park, who could lead me on to them through Dee Lee."))
        << message;
    EXPECT_TRUE(contains(message, "introducing me to Cy Park?")) << message;
    EXPECT_FALSE(contains(message, "you know Ana")) << message;
    EXPECT_FALSE(contains(message, "you know Dee")) << message;
}

TEST(IntroMessage, OnFiveHopsEveryoneBetweenIsNamedInOrder)
{
    const std::string message = draftIntroMessage(introPath(
        {{"Me", ""}, {"Bo Chen", ""}, {"Cy Park", ""}, {"Dee Lee", ""}, {"Eve Moss", ""}, {"Ana Souza", ""}}));
    EXPECT_TRUE(contains(message, "through Dee Lee and Eve Moss.")) << message;
}

TEST(IntroMessage, APathWithoutSomeoneInBetweenIsABrokenPrecondition)
{
    EXPECT_THROW((void)draftIntroMessage(introPath({{"Me", ""}, {"Ana Souza", ""}})), std::invalid_argument);
}

// --- intro requests along a chain: me - Bo - Cy - Dee - Eve ----------------------------------------

namespace {

class IntroPathTest : public test::WorkflowFixture {
protected:
    void addToDatabase(Database& db, PeopleRepository& people) override
    {
        cy = people.insert({.displayName = "Cy Park", .organisation = "Initech"});
        dee = people.insert({.displayName = "Dee Lee", .organisation = "Umbrella"});
        eve = people.insert({.displayName = "Eve Moss", .organisation = ""});
        LinkRepository links(db);
        for (const auto& [a, b] : {std::pair{me, bo}, std::pair{bo, cy}, std::pair{cy, dee}, std::pair{dee, eve}}) {
            links.upsert(a, b, LinkKind::Connection);
            links.upsert(b, a, LinkKind::Connection);
        }
        bumpGraphGeneration(db);
    }

    std::size_t introCount() { return workspace->introRequests()->size(); }

    PersonId cy, dee, eve;
};

}  // namespace

TEST_F(IntroPathTest, ComposingADraftRecordsNothing)
{
    const auto draft = workspace->composeIntro(dee, std::nullopt);
    ASSERT_TRUE(draft.ok()) << draft.error().describe();
    EXPECT_EQ(introCount(), 0U);
    const auto along = workspace->composeIntro(std::vector<PersonId>{me, bo, cy});
    ASSERT_TRUE(along.ok()) << along.error().describe();
    EXPECT_EQ(introCount(), 0U);
}

TEST_F(IntroPathTest, OnATwoHopPathTheFirstHopIsAskedForTheTarget)
{
    const auto draft = workspace->composeIntro(cy, std::nullopt);
    ASSERT_TRUE(draft.ok()) << draft.error().describe();
    EXPECT_EQ(draft->introducer, bo);
    EXPECT_EQ(draft->target, cy);
    EXPECT_EQ(draft->next, cy);
    EXPECT_TRUE(contains(draft->message, "get in touch with Cy Park at Initech")) << draft->message;
}

TEST_F(IntroPathTest, OnAThreeHopPathTheFirstHopIsAskedForTheSecondNotTheTarget)
{
    const auto intro = workspace->draftIntro(dee, std::nullopt);
    ASSERT_TRUE(intro.ok()) << intro.error().describe();
    EXPECT_EQ(intro->introducer, bo);
    EXPECT_EQ(intro->target, dee) << "the request is on the way to Dee, asking Bo for Cy";
    EXPECT_TRUE(contains(intro->message, "Hi Bo,")) << intro->message;
    EXPECT_TRUE(contains(intro->message, "reach Dee Lee at Umbrella")) << intro->message;
    EXPECT_TRUE(contains(intro->message, "introducing me to Cy Park?")) << intro->message;
}

TEST_F(IntroPathTest, OnAFourHopPathTheMessageSaysWhomTheNextPersonLeadsTo)
{
    const auto draft = workspace->composeIntro(eve, std::nullopt);
    ASSERT_TRUE(draft.ok()) << draft.error().describe();
    EXPECT_EQ(draft->introducer, bo);
    EXPECT_EQ(draft->target, eve);
    EXPECT_EQ(draft->next, cy);
    EXPECT_TRUE(contains(draft->message, "reach Eve Moss, and I believe you know Cy Park at Initech, who could "
                                         "lead me on to them through Dee Lee."))
        << draft->message;
}

TEST_F(IntroPathTest, ViaSomeoneWhoDoesNotKnowTheTargetAsksForTheNextPersonOnTheirWay)
{
    const auto draft = workspace->composeIntro(eve, cy);
    ASSERT_TRUE(draft.ok()) << draft.error().describe();
    EXPECT_EQ(draft->introducer, cy);
    EXPECT_EQ(draft->next, dee);
    EXPECT_EQ(draft->target, eve);
    EXPECT_TRUE(contains(draft->message, "Hi Cy,")) << draft->message;
    EXPECT_TRUE(contains(draft->message, "introducing me to Dee Lee?")) << draft->message;
}

TEST_F(IntroPathTest, ViaSomeoneLinkedToTheTargetAsksForTheTarget)
{
    const auto draft = workspace->composeIntro(eve, dee);
    ASSERT_TRUE(draft.ok()) << draft.error().describe();
    EXPECT_EQ(draft->next, eve);
    EXPECT_TRUE(contains(draft->message, "get in touch with Eve Moss, and I believe you know them")) << draft->message;
}

TEST_F(IntroPathTest, APathMustStartFromMeAndNameNoOneTwice)
{
    EXPECT_FALSE(workspace->composeIntro(std::vector<PersonId>{bo, cy, dee}).ok());
    EXPECT_FALSE(workspace->composeIntro(std::vector<PersonId>{me, bo, bo}).ok());
    EXPECT_FALSE(workspace->composeIntro(std::vector<PersonId>{me, bo}).ok());
    EXPECT_FALSE(workspace->composeIntro(std::vector<PersonId>{me, bo, PersonId(999)}).ok());
}

TEST_F(IntroPathTest, RecordingKeepsAnEditedMessage)
{
    auto draft = workspace->composeIntro(dee, std::nullopt);
    ASSERT_TRUE(draft.ok());
    draft->message = "Hi Bo, could you connect me with Cy?";
    const auto intro = workspace->recordIntro(*draft);
    ASSERT_TRUE(intro.ok()) << intro.error().describe();
    EXPECT_EQ(intro->message, "Hi Bo, could you connect me with Cy?");
    EXPECT_EQ(intro->status, IntroStatus::Draft);
    EXPECT_EQ(introCount(), 1U);
}

TEST_F(IntroPathTest, ARecordedMessageCanBeEditedAndTheEditSaysWhatItReplaced)
{
    const auto intro = workspace->draftIntro(dee, std::nullopt);
    ASSERT_TRUE(intro.ok());
    const auto before = workspace->editIntroMessage(intro->id, "Edited after copying");
    ASSERT_TRUE(before.ok()) << before.error().describe();
    EXPECT_EQ(before->message, intro->message);
    EXPECT_EQ(workspace->introRequests()->front().message, "Edited after copying");
    EXPECT_EQ(introCount(), 1U);
    EXPECT_FALSE(workspace->editIntroMessage(intro->id + 1, "no such request").ok());
}

TEST_F(IntroPathTest, ADeletedRequestIsGoneAndComesBackUnderItsOwnId)
{
    const auto intro = workspace->draftIntro(dee, std::nullopt);
    ASSERT_TRUE(intro.ok());
    ASSERT_TRUE(workspace->setIntroStatus(intro->id, IntroStatus::Asked).ok());
    const auto deleted = workspace->deleteIntro(intro->id);
    ASSERT_TRUE(deleted.ok()) << deleted.error().describe();
    EXPECT_EQ(deleted->id, intro->id);
    EXPECT_EQ(deleted->status, IntroStatus::Asked);
    EXPECT_EQ(introCount(), 0U);
    EXPECT_FALSE(workspace->deleteIntro(intro->id).ok());

    const auto restored = workspace->restoreIntro(*deleted);
    ASSERT_TRUE(restored.ok()) << restored.error().describe();
    EXPECT_EQ(*restored, *deleted);
    EXPECT_FALSE(workspace->restoreIntro(*deleted).ok()) << "the id is taken again";
    EXPECT_EQ(introCount(), 1U);
}

TEST_F(WorkflowTest, ADeletedNoteIsGoneAndDeletingItAgainIsAnError)
{
    auto note = workspace->addNote(ana, "Met at the climate meetup");
    ASSERT_TRUE(note.ok());
    ASSERT_TRUE(workspace->deleteNote(note->id).ok());
    EXPECT_TRUE(workspace->notes(ana)->empty());
    EXPECT_FALSE(workspace->deleteNote(note->id).ok());
}
