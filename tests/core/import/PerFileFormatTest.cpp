// ImportOptions::fileFormats: the GUI's import dialog lets the user override the detected format
// of each file, and all files still go in one transaction.

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "Workspace.h"

namespace warmpath::test {
namespace {

TEST(PerFileFormat, AListedFileUsesItsFormatAndTheOthersAreStillDetected)
{
    TempDir dir;
    writeFile(dir.file("first.txt"), "alice bob\nbob carol\n");
    writeFile(dir.file("second.txt"), "dave erin\n");
    auto ws = Workspace::openInMemory();
    ImportOptions options;
    options.dryRun = true;
    options.fileFormats[dir.file("first.txt")] = import::Format::VCard;
    const auto summaries = ws->importFiles({dir.file("first.txt"), dir.file("second.txt")}, options);
    ASSERT_TRUE(summaries) << summaries.error().describe();
    ASSERT_EQ(summaries->size(), 2U);
    EXPECT_EQ(summaries->at(0).format, "vcard");
    EXPECT_EQ(summaries->at(0).counts.linksAdded, 0);
    EXPECT_EQ(summaries->at(1).format, "edgelist");
    EXPECT_EQ(summaries->at(1).counts.linksAdded, 1);
}

TEST(PerFileFormat, ThePerFileChoiceWinsOverTheFormatForAllFiles)
{
    TempDir dir;
    writeFile(dir.file("net.txt"), "alice bob\n");
    auto ws = Workspace::openInMemory();
    ImportOptions options;
    options.dryRun = true;
    options.format = import::Format::VCard;
    options.fileFormats[dir.file("net.txt")] = import::Format::EdgeList;
    const auto summaries = ws->importFiles({dir.file("net.txt")}, options);
    ASSERT_TRUE(summaries) << summaries.error().describe();
    EXPECT_EQ(summaries->front().format, "edgelist");
    EXPECT_EQ(summaries->front().counts.linksAdded, 1);
}

}  // namespace
}  // namespace warmpath::test
