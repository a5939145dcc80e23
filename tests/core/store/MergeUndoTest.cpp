#include <gtest/gtest.h>

#include "../WorkflowFixtures.h"
#include "store/Database.h"
#include "store/MergeUndo.h"
#include "store/Schema.h"

using namespace warmpath;

namespace {

// The graph generation (meta) moves on with every change, undo included: that is how cached
// snapshots notice. Everything else must be exactly as before the merge.
std::map<std::string, std::vector<std::string>> dumpWithoutMeta(Database& db)
{
    auto dump = test::dumpTables(db);
    dump.erase("meta");
    return dump;
}

class MergeUndoTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(migrate(db).ok());
        test::seedEveryKindOfRow(db);
        // Rows that make the merge of Bob (3) into Ana (2) fold, drop and move every kind of thing:
        // a tag both have and one only Bob has, notes, a follow-up each, links that clash, a link
        // between the two, dismissals on both sides and an intro request through Bob.
        db.execute(R"sql(
            INSERT INTO tag (id, name) VALUES (3, 'mentors');
            INSERT INTO person_tag (person_id, tag_id) VALUES (3, 3);
            INSERT INTO note (person_id, text) VALUES (3, 'Second note about Bob');
            INSERT INTO link (id, from_person, to_person, kind, batch_id, confidence, first_seen)
                VALUES (5, 3, 1, 1, 2, 0.25, '2020-01-01T00:00:00Z'), (6, 2, 4, 0, NULL, 0.75, '2024-01-01T00:00:00Z'),
                       (7, 4, 3, 2, 2, 0.9, '2019-05-01T00:00:00Z'), (8, 4, 2, 2, NULL, 1.0, '2021-01-01T00:00:00Z');
            INSERT INTO link_source (link_id, batch_id) VALUES (7, 1);
            INSERT INTO dismissed_suggestion (for_person_id, person_id) VALUES (3, 4), (1, 3), (2, 4);
            INSERT INTO intro_request (target_id, introducer_id, status) VALUES (2, 3, 'introduced');
            INSERT INTO crawl_change (crawl_id, from_person, to_person, change) VALUES (1, 4, 3, 'gone');
            INSERT INTO person_detail_source (person_id, field, batch_id, value, previous)
                VALUES (3, 'location', 2, 'Porto', '');
            INSERT INTO merge_history (id, kept_id, absorbed_id, absorbed_name) VALUES (2, 3, 98, 'Bobby');
            INSERT INTO merge_history_identity (merge_id, network, key) VALUES (2, 'bsky', 'did:plc:bob');
            UPDATE person SET location = 'Porto' WHERE id = 3;
        )sql");
    }

    MergeRecord merge(PersonId kept, PersonId absorbed)
    {
        Transaction tx(db);
        MergeRecord record = mergePeopleUndoably(db, kept, absorbed);
        tx.commit();
        return record;
    }

    std::int64_t scalar(const std::string& sql)
    {
        Statement st = db.prepare(sql);
        st.step();
        return st.int64(0);
    }

    Database db = Database::openInMemory();
};

}  // namespace

TEST_F(MergeUndoTest, UndoPutsBothPeopleBackExactlyAsTheyWere)
{
    const auto before = dumpWithoutMeta(db);
    const MergeRecord record = merge(PersonId(2), PersonId(3));
    ASSERT_EQ(scalar("SELECT count(*) FROM person WHERE id = 3"), 0);
    ASSERT_NE(dumpWithoutMeta(db), before);

    ASSERT_TRUE(undoMerge(db, record).ok());
    EXPECT_EQ(dumpWithoutMeta(db), before);
}

TEST_F(MergeUndoTest, UndoGivesTheAbsorbedPersonTheirTagsNotesAndFollowUpBack)
{
    const MergeRecord record = merge(PersonId(2), PersonId(3));
    ASSERT_TRUE(undoMerge(db, record).ok());
    EXPECT_EQ(scalar("SELECT count(*) FROM person_tag WHERE person_id = 3"), 2);
    EXPECT_EQ(scalar("SELECT count(*) FROM person_tag WHERE person_id = 2 AND tag_id = 3"), 0);
    EXPECT_EQ(scalar("SELECT count(*) FROM note WHERE person_id = 3"), 2);
    EXPECT_EQ(scalar("SELECT notes_count FROM person WHERE id = 3"), 2);
    EXPECT_EQ(scalar("SELECT done FROM follow_up WHERE person_id = 3"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM intro_request WHERE introducer_id = 3"), 2);
}

TEST_F(MergeUndoTest, UndoOfMergingMeIntoSomeoneMakesMeMeAgain)
{
    const auto before = dumpWithoutMeta(db);
    const MergeRecord record = merge(PersonId(3), PersonId(1));
    ASSERT_EQ(scalar("SELECT id FROM person WHERE is_me = 1"), 3);
    ASSERT_TRUE(undoMerge(db, record).ok());
    EXPECT_EQ(dumpWithoutMeta(db), before);
}

TEST_F(MergeUndoTest, UndoOfAMergeWhereTheKeptPersonHadNoFollowUpTakesTheMovedOneBack)
{
    db.execute("DELETE FROM follow_up WHERE person_id = 2");
    const auto before = dumpWithoutMeta(db);
    const MergeRecord record = merge(PersonId(2), PersonId(3));
    ASSERT_EQ(scalar("SELECT count(*) FROM follow_up WHERE person_id = 2"), 1);
    ASSERT_TRUE(undoMerge(db, record).ok());
    EXPECT_EQ(scalar("SELECT count(*) FROM follow_up WHERE person_id = 2"), 0);
    EXPECT_EQ(dumpWithoutMeta(db), before);
}

TEST_F(MergeUndoTest, UndoIsRefusedWhenTheAbsorbedIdWasTakenAgain)
{
    const MergeRecord record = merge(PersonId(2), PersonId(4));
    db.execute("INSERT INTO person (id, display_name) VALUES (4, 'Someone new')");
    const Status undone = undoMerge(db, record);
    ASSERT_FALSE(undone.ok());
    EXPECT_NE(undone.error().message.find("#4"), std::string::npos);
}
