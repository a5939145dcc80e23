// The Workspace's connections: reads go through read connections of their own and never wait for a
// write in progress; a long write is one transaction, which readers see only once it commits.

#include <chrono>
#include <future>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "Workspace.h"

using namespace warmpath;
using warmpath::test::TempDir;

namespace {

/// An edge list of `lines` links between `lines` + 1 new people: long enough that the importer
/// reports progress in the middle of its transaction.
std::string chain(int lines)
{
    std::string text;
    for (int i = 0; i < lines; ++i) {
        text += "n" + std::to_string(i) + " n" + std::to_string(i + 1) + "\n";
    }
    return text;
}

/// A deadlock guard, not a speed limit: a read that waits for the import never ends while the
/// import itself waits for the read.
constexpr auto kNoDeadlock = std::chrono::seconds(60);

/// What the reads made while the import held its transaction saw.
struct SeenDuringImport {
    bool answered = false;
    std::int64_t persons = -1;
    std::int64_t links = -1;
    std::string meName;
};

}  // namespace

TEST(WorkspaceConnectionsTest, ReadsDuringALongImportAnswerAtOnceWithTheLastCommittedState)
{
    TempDir dir;
    auto opened = Workspace::open(dir.file("big.db"));
    ASSERT_TRUE(opened.ok()) << opened.error().describe();
    Workspace& workspace = **opened;
    const Stats before = *workspace.stats();
    const PersonId me = *workspace.me();
    test::writeFile(dir.file("chain.txt"), chain(150'000));

    std::optional<SeenDuringImport> seen;
    // Outlives the import: a read still waiting for it must not be waited for inside it.
    std::future<SeenDuringImport> reads;
    ImportOptions options;
    // Called on the importing thread, inside its transaction, holding the writer: the reads run on
    // another thread meanwhile, as the GUI's would.
    options.progress = [&](std::uint64_t done, std::uint64_t, std::string_view) {
        if (seen || done == 0) {
            return;
        }
        reads = std::async(std::launch::async, [&] {
            SeenDuringImport answer;
            answer.persons = workspace.stats()->persons;
            answer.links = workspace.stats()->links;
            auto details = workspace.details(me, today());
            answer.meName = details ? details->person.displayName : details.error().describe();
            answer.answered = true;
            return answer;
        });
        seen = reads.wait_for(kNoDeadlock) == std::future_status::ready ? reads.get() : SeenDuringImport{};
    };
    const auto imported = workspace.importFiles({dir.file("chain.txt")}, options);
    ASSERT_TRUE(imported.ok()) << imported.error().describe();
    if (reads.valid()) {
        reads.wait();
    }

    ASSERT_TRUE(seen.has_value()) << "the import reported no progress in the middle";
    ASSERT_TRUE(seen->answered) << "a read waited for the import's transaction";
    // Nothing of the import was visible while it ran: it is one transaction, not committed in pieces.
    EXPECT_EQ(seen->persons, before.persons);
    EXPECT_EQ(seen->links, before.links);
    EXPECT_EQ(seen->meName, workspace.person(me)->displayName);
    // And all of it once it committed, to the same read connections.
    EXPECT_EQ(workspace.stats()->persons, before.persons + 150'001);
    EXPECT_EQ(workspace.stats()->links, before.links + 150'000);
}

TEST(WorkspaceConnectionsTest, AReadSeesAnEditTheMomentItIsCommitted)
{
    TempDir dir;
    auto opened = Workspace::open(dir.file("edits.db"));
    ASSERT_TRUE(opened.ok()) << opened.error().describe();
    Workspace& workspace = **opened;
    const PersonId me = *workspace.me();
    ASSERT_TRUE(workspace.tagsOf(me)->empty());  // a read connection opened, and idle, before the edit
    ASSERT_TRUE(workspace.addTags(me, {"Friends"}).ok());
    EXPECT_EQ(*workspace.tagsOf(me), std::vector<std::string>{"Friends"});
    ASSERT_TRUE(workspace.removeTags(me, {"Friends"}).ok());
    EXPECT_TRUE(workspace.tagsOf(me)->empty());
}

TEST(WorkspaceConnectionsTest, AnInMemoryWorkspaceReadsOnItsOneConnection)
{
    // SQLite cannot share an in-memory database between connections in WAL mode: there the reads take
    // the one connection, and still see every edit at once.
    auto workspace = Workspace::openInMemory();
    const PersonId me = *workspace->me();
    ASSERT_TRUE(workspace->addTags(me, {"Friends"}).ok());
    EXPECT_EQ(*workspace->tagsOf(me), std::vector<std::string>{"Friends"});
    EXPECT_EQ(workspace->details(me, today())->tags, std::vector<std::string>{"Friends"});
}

TEST(WorkspaceConnectionsTest, AReadAnswersWhileAnotherReadIsStillStreaming)
{
    TempDir dir;
    auto opened = Workspace::open(dir.file("many.db"));
    ASSERT_TRUE(opened.ok()) << opened.error().describe();
    Workspace& workspace = **opened;
    // A listing keeps its connection while it hands out rows; another read meanwhile gets one of its own.
    std::future<bool> other;
    bool answered = false;
    const Status listed = workspace.forEachPerson({}, [&](const PersonListRow&) {
        if (other.valid()) {
            return;
        }
        other = std::async(std::launch::async, [&workspace] { return workspace.stats().ok(); });
        answered = other.wait_for(kNoDeadlock) == std::future_status::ready;
    });
    ASSERT_TRUE(listed.ok());
    ASSERT_TRUE(other.valid());
    EXPECT_TRUE(answered) << "a read waited for the listing to end";
    EXPECT_TRUE(other.get());
}

TEST(WorkspaceConnectionsTest, ManyReadsAtOnceEachGetAConnection)
{
    TempDir dir;
    auto opened = Workspace::open(dir.file("many.db"));
    ASSERT_TRUE(opened.ok()) << opened.error().describe();
    Workspace& workspace = **opened;
    // More at once than the connections kept open between calls.
    std::vector<std::future<bool>> reads;
    for (int i = 0; i < 12; ++i) {
        reads.push_back(std::async(std::launch::async, [&workspace] {
            return workspace.stats().ok() && workspace.me().ok() && workspace.people({}).ok();
        }));
    }
    for (auto& read : reads) {
        EXPECT_TRUE(read.get());
    }
}
