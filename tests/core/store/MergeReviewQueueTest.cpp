// The review queue's edits that the GUI's merge review dialog undoes: dismissing a probable
// duplicate, queueing a pair again, and unmerging a whole merge in one step.

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "Workspace.h"

namespace warmpath::test {
namespace {

/// Two LinkedIn exports naming Rita Moreno with different e-mail addresses: one probable
/// duplicate in the queue ("same name and organisation").
class MergeReviewQueue : public ::testing::Test {
protected:
    void SetUp() override
    {
        writeFile(m_dir.file("a.csv"), "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                                       "Rita,Moreno,rita@one.example,Acme,PM,1 Jan 2020\n");
        writeFile(m_dir.file("b.csv"), "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                                       "Rita,Moreno,rita@two.example,ACME,PM,1 Jan 2021\n"
                                       "Ana,Souza,ana@two.example,Beta,CTO,1 Jan 2021\n");
        ASSERT_TRUE(m_ws->importFiles({m_dir.file("a.csv")}));
        ASSERT_TRUE(m_ws->importFiles({m_dir.file("b.csv")}));
        const auto queue = m_ws->mergeCandidates();
        ASSERT_TRUE(queue);
        ASSERT_EQ(queue->size(), 1U);
        m_candidate = queue->front();
    }

    std::int64_t personCount() { return m_ws->stats()->persons; }

    std::vector<std::string> identityKeys(PersonId person)
    {
        std::vector<std::string> keys;
        for (const Identity& identity : *m_ws->identities(person)) {
            keys.push_back(identity.network + ":" + identity.key);
        }
        std::sort(keys.begin(), keys.end());
        return keys;
    }

    TempDir m_dir;
    std::unique_ptr<Workspace> m_ws = Workspace::openInMemory();
    MergeCandidate m_candidate;
};

TEST_F(MergeReviewQueue, DismissTakesThePairOutOfTheQueueAndReturnsIt)
{
    const auto dismissed = m_ws->dismissMergeCandidate(m_candidate.id);
    ASSERT_TRUE(dismissed);
    EXPECT_EQ(dismissed->first, m_candidate.first);
    EXPECT_EQ(dismissed->reason, "same name and organisation");
    EXPECT_TRUE(m_ws->mergeCandidates()->empty());
}

TEST_F(MergeReviewQueue, DismissingAnUnknownCandidateIsAnError)
{
    EXPECT_FALSE(m_ws->dismissMergeCandidate(m_candidate.id + 100));
    EXPECT_EQ(m_ws->mergeCandidates()->size(), 1U);
}

TEST_F(MergeReviewQueue, QueueingADismissedPairAgainRestoresItsReasonAndBatch)
{
    ASSERT_TRUE(m_ws->dismissMergeCandidate(m_candidate.id));
    ASSERT_TRUE(
        m_ws->queueMergeCandidate(m_candidate.second, m_candidate.first, m_candidate.reason, m_candidate.batch));
    const auto queue = m_ws->mergeCandidates();
    ASSERT_EQ(queue->size(), 1U);
    EXPECT_EQ(queue->front().first, m_candidate.first);  // smaller id first, whatever the order given
    EXPECT_EQ(queue->front().second, m_candidate.second);
    EXPECT_EQ(queue->front().reason, m_candidate.reason);
    EXPECT_EQ(queue->front().batch, m_candidate.batch);
}

TEST_F(MergeReviewQueue, QueueingAPersonWithThemselvesIsRefused)
{
    EXPECT_FALSE(m_ws->queueMergeCandidate(m_candidate.first, m_candidate.first, "same", 0));
}

TEST_F(MergeReviewQueue, UnmergeGivesTheAbsorbedPersonBackWithAllTheirIdentities)
{
    const std::int64_t before = personCount();
    const std::vector<std::string> keptKeys = identityKeys(m_candidate.first);
    const std::vector<std::string> absorbedKeys = identityKeys(m_candidate.second);
    ASSERT_FALSE(absorbedKeys.empty());
    ASSERT_TRUE(m_ws->merge(m_candidate.first, m_candidate.second));
    EXPECT_EQ(personCount(), before - 1);

    const auto restored = m_ws->unmerge(m_candidate.first, absorbedKeys);
    ASSERT_TRUE(restored) << restored.error().describe();
    EXPECT_EQ(personCount(), before);
    EXPECT_EQ(identityKeys(m_candidate.first), keptKeys);
    EXPECT_EQ(identityKeys(*restored), absorbedKeys);
    EXPECT_EQ(m_ws->person(*restored)->displayName, "Rita Moreno");
}

TEST_F(MergeReviewQueue, UnmergeOfAnIdentityThePersonLacksChangesNothing)
{
    ASSERT_TRUE(m_ws->merge(m_candidate.first, m_candidate.second));
    const std::int64_t before = personCount();
    const std::vector<std::string> keys = identityKeys(m_candidate.first);
    EXPECT_FALSE(m_ws->unmerge(m_candidate.first, {keys.front(), "email:nobody@example.com"}));
    EXPECT_EQ(personCount(), before);
    EXPECT_EQ(identityKeys(m_candidate.first), keys);
}

}  // namespace
TEST_F(MergeReviewQueue, UndoMergeGivesBothPeopleTheirTagsNotesAndFollowUpsBackInOneStep)
{
    ASSERT_TRUE(m_ws->addTags(m_candidate.second, {"mentors", "lisbon"}));
    ASSERT_TRUE(m_ws->addTags(m_candidate.first, {"lisbon"}));
    ASSERT_TRUE(m_ws->addNote(m_candidate.second, "Met at the meetup"));
    ASSERT_TRUE(m_ws->setFollowUp(m_candidate.second, *parseDate("2026-12-01"), 30));
    const auto firstIdentities = identityKeys(m_candidate.first);
    const auto secondIdentities = identityKeys(m_candidate.second);

    auto record = m_ws->mergeUndoably(m_candidate.first, m_candidate.second);
    ASSERT_TRUE(record);
    ASSERT_EQ(m_ws->tagsOf(m_candidate.first)->size(), 2U);
    ASSERT_TRUE(m_ws->undoMerge(*record));

    EXPECT_EQ(*m_ws->tagsOf(m_candidate.first), std::vector<std::string>{"lisbon"});
    EXPECT_EQ(m_ws->tagsOf(m_candidate.second)->size(), 2U);
    ASSERT_EQ(m_ws->notes(m_candidate.second)->size(), 1U);
    EXPECT_TRUE(m_ws->notes(m_candidate.first)->empty());
    EXPECT_TRUE(m_ws->followUp(m_candidate.second)->has_value());
    EXPECT_FALSE(m_ws->followUp(m_candidate.first)->has_value());
    EXPECT_EQ(identityKeys(m_candidate.first), firstIdentities);
    EXPECT_EQ(identityKeys(m_candidate.second), secondIdentities);
    EXPECT_EQ(m_ws->mergeCandidates()->size(), 1U);  // the pair is a question again
}

}  // namespace warmpath::test
