#include <gtest/gtest.h>

#include "TestSupport.h"
#include "Workspace.h"
#include "store/Database.h"
#include "store/Links.h"
#include "store/People.h"
#include "store/Schema.h"
#include "store/Tags.h"

using namespace warmpath;
using warmpath::test::TempDir;

namespace {

/// A small database written through the store, then opened as a Workspace like the CLI does.
class WorkspaceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        path = dir.file("ws.db");
        auto db = Database::open(path, OpenMode::CreateIfMissing);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(migrate(*db).ok());
        PeopleRepository people(*db);
        LinkRepository links(*db);
        TagRepository tags(*db);
        oldMe = people.me();
        ana = people.insert({.displayName = "Ana Souza"});
        people.addIdentity(ana, {.network = "linkedin", .key = "ana-souza", .handle = "", .url = ""});
        bo = people.insert({.displayName = "Bo"});
        links.upsert(oldMe, ana, LinkKind::Connection);
        links.upsert(ana, oldMe, LinkKind::Connection);
        links.upsert(oldMe, bo, LinkKind::Follows);
        tags.assign(oldMe, tags.ensure("Self"));
        db->execute("UPDATE person SET display_name = 'Ana Souza (me)' WHERE id = " + std::to_string(oldMe.value()));
        auto ws = Workspace::open(path);
        ASSERT_TRUE(ws.ok()) << ws.error().describe();
        workspace = std::move(ws).value();
    }

    TempDir dir;
    std::filesystem::path path;
    std::unique_ptr<Workspace> workspace;
    PersonId oldMe, ana, bo;
};

}  // namespace

TEST_F(WorkspaceTest, StatsCountEveryTable)
{
    const auto stats = workspace->stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(*stats, (Stats{.persons = 3, .identities = 1, .links = 3, .tags = 1, .imports = 0}));
}

TEST_F(WorkspaceTest, MakeMeMovesTheUsersLinksAndTagsToTheNewMe)
{
    ASSERT_TRUE(workspace->makeMe(ana).ok());
    EXPECT_EQ(*workspace->me(), ana);
    EXPECT_FALSE(workspace->person(oldMe).ok()) << "the old me is merged away";
    EXPECT_EQ(*workspace->resolve("me"), ana);
    EXPECT_EQ(workspace->person(ana)->displayName, "Ana Souza");
    EXPECT_EQ(*workspace->tagsOf(ana), std::vector<std::string>{"Self"});
    // me -> Bo survives; the connection between old me and Ana would be a self-link and goes.
    EXPECT_EQ(workspace->stats()->links, 1);
    EXPECT_EQ(workspace->stats()->persons, 2);
}

TEST_F(WorkspaceTest, MakeMeOfTheCurrentMeChangesNothing)
{
    ASSERT_TRUE(workspace->makeMe(oldMe).ok());
    EXPECT_EQ(workspace->stats()->persons, 3);
}

TEST_F(WorkspaceTest, MakeMeOfAnUnknownPersonFails)
{
    EXPECT_FALSE(workspace->makeMe(PersonId(999)).ok());
    EXPECT_EQ(*workspace->me(), oldMe);
}

TEST_F(WorkspaceTest, MergeRefusesToMergeAPersonWithThemselves)
{
    EXPECT_FALSE(workspace->merge(ana, ana).ok());
}

TEST_F(WorkspaceTest, RefOfGivesBackAResolvableRef)
{
    EXPECT_EQ(*workspace->refOf(ana), "linkedin:ana-souza");
    EXPECT_EQ(*workspace->refOf(oldMe), "me");
    EXPECT_EQ(*workspace->refOf(bo), "#" + std::to_string(bo.value()));
}

TEST_F(WorkspaceTest, SummariesListEveryoneWithTheirNetworksAndTags)
{
    const auto rows = workspace->peopleSummaries();
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 3U);
    EXPECT_TRUE((*rows)[0].person.isMe);
    EXPECT_EQ((*rows)[0].tags, std::vector<std::string>{"Self"});
    EXPECT_EQ((*rows)[1].networks, std::vector<std::string>{"linkedin"});
}

TEST(WorkspaceOpen, ReopeningKeepsWhatWasWritten)
{
    TempDir dir;
    const auto path = dir.file("keep.db");
    PersonId me;
    {
        auto ws = Workspace::open(path);
        ASSERT_TRUE(ws.ok());
        me = *(*ws)->me();
    }
    auto ws = Workspace::open(path);
    ASSERT_TRUE(ws.ok());
    EXPECT_EQ(*(*ws)->me(), me);
    EXPECT_EQ((*ws)->stats()->persons, 1);
}

TEST(WorkspaceOpen, ReadOnlyOpenOfAMissingFileFailsWithoutCreatingIt)
{
    TempDir dir;
    auto ws = Workspace::open(dir.file("nope.db"), OpenMode::ReadOnly);
    EXPECT_FALSE(ws.ok());
    EXPECT_FALSE(std::filesystem::exists(dir.file("nope.db")));
}

TEST(WorkspaceWrites, OnlyAWriteThatReachedTheFileCountsAsStored)
{
    TempDir dir;
    auto opened = Workspace::open(dir.file("new.db"));
    ASSERT_TRUE(opened.ok()) << opened.error().describe();
    Workspace& ws = **opened;
    EXPECT_FALSE(ws.storedAnythingSinceOpen()) << "creating the schema is not storing";
    ASSERT_TRUE(ws.stats().ok());
    ASSERT_TRUE(ws.people({}).ok());
    EXPECT_FALSE(ws.storedAnythingSinceOpen()) << "reads store nothing";

    // An edge list that fails at its third line has written two edges inside the transaction the
    // failure rolls back.
    test::writeFile(dir.file("edges.txt"), "a b\nb c\nthis line has too many fields\n");
    ASSERT_FALSE(ws.importFiles({dir.file("edges.txt")}).ok());
    EXPECT_FALSE(ws.storedAnythingSinceOpen()) << "a rolled-back import stored nothing";

    ASSERT_TRUE(ws.addTags(*ws.me(), {"seed"}).ok());
    EXPECT_TRUE(ws.storedAnythingSinceOpen());
}
