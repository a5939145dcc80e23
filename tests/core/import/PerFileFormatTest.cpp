// ImportOptions::fileFormats: the GUI's import dialog lets the user override the detected format
// of each file, and all files still go in one transaction.

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "Workspace.h"

namespace warmpath::test {
namespace {

TEST(PerFileFormat, AListedFileIsReadInItsFormat)
{
    TempDir dir;
    writeFile(dir.file("first.txt"), "alice bob\nbob carol\n");
    writeFile(dir.file("second.txt"), "dave erin\n");
    auto ws = Workspace::openInMemory();
    ImportOptions options;
    options.fileFormats[dir.file("second.txt")] = import::Format::VCard;
    const auto summaries = ws->importFiles({dir.file("first.txt"), dir.file("second.txt")}, options);
    ASSERT_FALSE(summaries);
    EXPECT_NE(summaries.error().describe().find("second.txt:1:1: not a vCard"), std::string::npos)
        << summaries.error().describe();
    EXPECT_EQ(ws->stats()->links, 0);  // one transaction: the first file is rolled back too
}

TEST(PerFileFormat, TheFilesNotListedAreStillDetected)
{
    TempDir dir;
    writeFile(dir.file("first.txt"), "alice bob\nbob carol\n");
    writeFile(dir.file("second.txt"), "BEGIN:VCARD\nVERSION:3.0\nFN:Sam Lee\nEND:VCARD\n");
    auto ws = Workspace::openInMemory();
    ImportOptions options;
    options.dryRun = true;
    options.fileFormats[dir.file("first.txt")] = import::Format::EdgeList;
    const auto summaries = ws->importFiles({dir.file("first.txt"), dir.file("second.txt")}, options);
    ASSERT_TRUE(summaries) << summaries.error().describe();
    ASSERT_EQ(summaries->size(), 2U);
    EXPECT_EQ(summaries->at(0).format, "edgelist");
    EXPECT_EQ(summaries->at(0).counts.linksAdded, 2);
    EXPECT_EQ(summaries->at(1).format, "vcard");
    EXPECT_EQ(summaries->at(1).counts.personsAdded, 1);
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
