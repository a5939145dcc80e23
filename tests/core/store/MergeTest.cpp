#include <gtest/gtest.h>

#include "Workspace.h"
#include "store/Database.h"
#include "store/Links.h"
#include "store/Merge.h"
#include "store/Meta.h"
#include "store/People.h"
#include "store/Schema.h"
#include "store/Tags.h"
#include "store/Workflow.h"

using namespace warmpath;

namespace {

class MergeTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(migrate(db).ok());
        me = people.me();
        ana = people.insert({.displayName = "Ana Souza", .organisation = "Acme"});
        anaDup = people.insert({.displayName = "Ana S.", .title = "Designer", .location = "Lisbon"});
        bo = people.insert({.displayName = "Bo"});
        db.execute("INSERT INTO import_batch (id, file_name, format, sha256) VALUES (1, 'a', 'x', '1'), "
                   "(2, 'b', 'x', '2')");
    }

    std::int64_t scalar(const std::string& sql)
    {
        Statement st = db.prepare(sql);
        st.step();
        return st.int64(0);
    }

    Database db = Database::openInMemory();
    PeopleRepository people{db};
    LinkRepository links{db};
    PersonId me, ana, anaDup, bo;
};

}  // namespace

TEST_F(MergeTest, IdentitiesMoveToTheKeptPerson)
{
    people.addIdentity(anaDup, {.network = "email", .key = "ana@example.com", .handle = "", .url = ""});
    mergePeople(db, ana, anaDup);
    EXPECT_EQ(*people.findByIdentity("email", "ana@example.com"), ana);
    EXPECT_FALSE(people.find(anaDup));
}

TEST_F(MergeTest, EmptyDetailsAreFilledFromTheAbsorbedPerson)
{
    mergePeople(db, ana, anaDup);
    const Person merged = *people.find(ana);
    EXPECT_EQ(merged.displayName, "Ana Souza");
    EXPECT_EQ(merged.organisation, "Acme");
    EXPECT_EQ(merged.title, "Designer");
    EXPECT_EQ(merged.location, "Lisbon");
}

TEST_F(MergeTest, LinksAreRedirectedAndDuplicatesCollapseKeepingSources)
{
    links.upsert(bo, ana, LinkKind::Follows, 0.5, 1);
    links.upsert(bo, anaDup, LinkKind::Follows, 0.9, 2);
    links.upsert(anaDup, bo, LinkKind::Follows, 1.0, 2);
    mergePeople(db, ana, anaDup);
    EXPECT_EQ(links.count(), 2);
    EXPECT_TRUE(links.exists(bo, ana, LinkKind::Follows));
    EXPECT_TRUE(links.exists(ana, bo, LinkKind::Follows));
    EXPECT_DOUBLE_EQ(static_cast<double>(
                         scalar("SELECT confidence * 10 FROM link WHERE from_person = " + std::to_string(bo.value()))),
                     9.0);
    EXPECT_EQ(scalar("SELECT count(*) FROM link_source ls JOIN link l ON l.id = ls.link_id WHERE l.from_person = " +
                     std::to_string(bo.value()) + " AND ls.batch_id = 2"),
              1)
        << "the link seen by batch 2 keeps batch 2 as a source";
}

TEST_F(MergeTest, CollapsedLinksSpanTheEarliestFirstSeenAndTheLatestLastSeen)
{
    links.upsert(bo, ana, LinkKind::Follows, 1.0, 1);
    links.upsert(bo, anaDup, LinkKind::Follows, 1.0, 2);
    links.upsert(me, ana, LinkKind::Follows, 1.0, 1);
    links.upsert(me, anaDup, LinkKind::Follows, 1.0, 2);
    const auto set = [this](PersonId from, PersonId to, const std::string& first, const std::string& last) {
        db.execute("UPDATE link SET first_seen = unixepoch('" + first +
                   "'), last_seen = " + (last.empty() ? std::string("NULL") : "unixepoch('" + last + "')") +
                   " WHERE from_person = " + std::to_string(from.value()) +
                   " AND to_person = " + std::to_string(to.value()));
    };
    // last_seen NULL reads as "same as first_seen": Jan 5 is the latest sighting of Bo -> Ana.
    set(bo, ana, "2026-01-05T00:00:00Z", "");
    set(bo, anaDup, "2026-01-01T00:00:00Z", "2026-01-03T00:00:00Z");
    set(me, ana, "2026-01-02T00:00:00Z", "");
    set(me, anaDup, "2026-01-02T00:00:00Z", "");
    mergePeople(db, ana, anaDup);
    const auto times = [this](PersonId from) {
        Statement st = db.prepare("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', first_seen, 'unixepoch') || ' ' || "
                                  "coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', last_seen, 'unixepoch'), '-') FROM link "
                                  "WHERE from_person = ? AND to_person = ?");
        st.bind(1, from.value()).bind(2, ana.value());
        return st.step() ? st.text(0) : std::string("(no link)");
    };
    EXPECT_EQ(times(bo), "2026-01-01T00:00:00Z 2026-01-05T00:00:00Z");
    EXPECT_EQ(times(me), "2026-01-02T00:00:00Z -");
}

TEST_F(MergeTest, LinksBetweenTheTwoDisappearInsteadOfBecomingSelfLinks)
{
    links.upsert(ana, anaDup, LinkKind::Knows);
    links.upsert(anaDup, ana, LinkKind::Knows);
    mergePeople(db, ana, anaDup);
    EXPECT_EQ(links.count(), 0);
}

TEST_F(MergeTest, TagsNotesFollowUpsAndIntrosMove)
{
    TagRepository tags(db);
    WorkflowRepository workflow(db);
    const auto mentors = tags.ensure("Mentors");
    const auto climate = tags.ensure("Climate");
    tags.assign(ana, mentors);
    tags.assign(anaDup, mentors);
    tags.assign(anaDup, climate);
    workflow.addNote(anaDup, "Met in Lisbon");
    workflow.setFollowUp(
        anaDup, {.dueDate = "2026-12-01", .cadenceDays = 30, .lastContacted = "", .snoozedUntil = "", .done = false});
    workflow.addIntroRequest(anaDup, bo, "asked", "");
    mergePeople(db, ana, anaDup);
    EXPECT_EQ(tags.namesFor(ana), (std::vector<std::string>{"Climate", "Mentors"}));
    EXPECT_EQ(people.find(ana)->notesCount, 1);
    ASSERT_TRUE(workflow.followUp(ana));
    EXPECT_EQ(workflow.followUp(ana)->dueDate, "2026-12-01");
    EXPECT_EQ(scalar("SELECT target_id FROM intro_request"), ana.value());
}

TEST_F(MergeTest, KeptFollowUpWinsOverTheAbsorbedOne)
{
    WorkflowRepository workflow(db);
    workflow.setFollowUp(
        ana, {.dueDate = "2026-12-24", .cadenceDays = {}, .lastContacted = "", .snoozedUntil = "", .done = false});
    workflow.setFollowUp(
        anaDup, {.dueDate = "2026-12-01", .cadenceDays = {}, .lastContacted = "", .snoozedUntil = "", .done = false});
    mergePeople(db, ana, anaDup);
    EXPECT_EQ(workflow.followUp(ana)->dueDate, "2026-12-24");
    EXPECT_EQ(scalar("SELECT count(*) FROM follow_up"), 1);
}

TEST_F(MergeTest, MergingChangesTheGraphGeneration)
{
    const std::int64_t before = graphGeneration(db);
    mergePeople(db, ana, anaDup);
    EXPECT_GT(graphGeneration(db), before);
}
