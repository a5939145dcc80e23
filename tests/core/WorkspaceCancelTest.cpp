// Cancellation has one face in the core: a call its CancelToken stopped returns an Error whose
// isCancelled() is true, whatever algorithm or reader noticed the token.

#include <string>

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "Workspace.h"

using namespace warmpath;
using warmpath::test::TempDir;

namespace {

/// A workspace with a small graph: a ring of twelve people.
class WorkspaceCancelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::string edges;
        for (int i = 0; i < 12; ++i) {
            edges += "p" + std::to_string(i) + " p" + std::to_string((i + 1) % 12) + "\n";
        }
        test::writeFile(dir.file("ring.txt"), edges);
        auto opened = Workspace::open(dir.file("ring.db"));
        ASSERT_TRUE(opened.ok()) << opened.error().describe();
        workspace = std::move(opened).value();
        ASSERT_TRUE(workspace->importFiles({dir.file("ring.txt")}).ok());
        me = *workspace->me();
        stopped.cancel();
    }

    TempDir dir;
    std::unique_ptr<Workspace> workspace;
    PersonId me;
    CancelToken stopped;
};

}  // namespace

TEST_F(WorkspaceCancelTest, ACancelledSnapshotBuildIsACancelledError)
{
    const auto snapshot = workspace->snapshot({}, &stopped);
    ASSERT_FALSE(snapshot.ok());
    EXPECT_TRUE(snapshot.error().isCancelled()) << snapshot.error().describe();
    EXPECT_EQ(workspace->currentSnapshot(), nullptr);  // nothing half-built was kept
}

TEST_F(WorkspaceCancelTest, ACancelledLayoutIsACancelledError)
{
    ASSERT_TRUE(workspace->snapshot().ok());
    const auto layout = workspace->layout(LayoutRequest{}, {}, &stopped);
    ASSERT_FALSE(layout.ok());
    EXPECT_TRUE(layout.error().isCancelled()) << layout.error().describe();
}

TEST_F(WorkspaceCancelTest, CancelledMetricsAreACancelledError)
{
    ASSERT_TRUE(workspace->snapshot().ok());
    const auto metrics = workspace->metrics(MetricsRequest{.betweenness = false}, {}, &stopped);
    ASSERT_FALSE(metrics.ok());
    EXPECT_TRUE(metrics.error().isCancelled()) << metrics.error().describe();
}

TEST_F(WorkspaceCancelTest, ACancelledMapIsACancelledError)
{
    const auto map = workspace->egoMap(EgoMapRequest{.centre = me}, {}, &stopped);
    ASSERT_FALSE(map.ok());
    EXPECT_TRUE(map.error().isCancelled()) << map.error().describe();
}

TEST_F(WorkspaceCancelTest, AnImportStoppedByItsTokenIsACancelledErrorAndWritesNothing)
{
    test::writeFile(dir.file("more.txt"), "x1 x2\nx2 x3\n");
    const std::int64_t before = workspace->stats()->persons;
    ImportOptions options;
    options.cancel = &stopped;
    const auto imported = workspace->importFiles({dir.file("more.txt")}, options);
    ASSERT_FALSE(imported.ok());
    EXPECT_TRUE(imported.error().isCancelled()) << imported.error().describe();
    EXPECT_EQ(workspace->stats()->persons, before);
}

TEST_F(WorkspaceCancelTest, AFailureIsNotACancel)
{
    const auto layout = workspace->layout(LayoutRequest{.people = {PersonId(999'999)}});
    ASSERT_FALSE(layout.ok());
    EXPECT_FALSE(layout.error().isCancelled());
}
