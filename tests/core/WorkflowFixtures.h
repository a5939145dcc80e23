#pragma once

// The workflow tests' workspace with its first people, a database with a row in every table, and a
// row-for-row dump to compare databases by.

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "TestSupport.h"
#include "Workspace.h"
#include "store/Database.h"
#include "store/People.h"
#include "store/Schema.h"

namespace warmpath::test {

/// A date the test spells out, e.g. `day("2024-02-29")`.
inline Date day(const char* text)
{
    return *parseDate(text);
}

/// A workspace on a new database file with the me person, Ana Souza (Acme) and Bo Chen (Globex). A
/// suite adds the rest of its people and links in addToDatabase(), before the workspace opens.
class WorkflowFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        path = dir.file("workflow.db");
        {
            auto db = Database::open(path, OpenMode::CreateIfMissing);
            ASSERT_TRUE(db.ok());
            ASSERT_TRUE(migrate(*db).ok());
            PeopleRepository people(*db);
            me = people.me();
            ana = people.insert({.displayName = "Ana Souza", .organisation = "Acme"});
            bo = people.insert({.displayName = "Bo Chen", .organisation = "Globex"});
            addToDatabase(*db, people);
        }
        auto ws = Workspace::open(path);
        ASSERT_TRUE(ws.ok()) << ws.error().describe();
        workspace = std::move(ws).value();
    }

    virtual void addToDatabase(Database& db, PeopleRepository& people) = 0;

    TempDir dir;
    std::filesystem::path path;
    std::unique_ptr<Workspace> workspace;
    PersonId me, ana, bo;
};

/// Fills a migrated database with at least one row of every table.
inline void seedEveryKindOfRow(Database& db)
{
    db.execute(R"sql(
        INSERT INTO import_batch (id, file_name, format, sha256, persons_added, links_added)
            VALUES (1, 'contacts.csv', 'linkedin-csv', 'abc123', 2, 1);
        INSERT INTO person (id, display_name, organisation, title, location, batch_id)
            VALUES (2, 'Ana Souza', 'Acme; Labs', 'CTO', 'Lisboa', 1),
                   (3, 'Bob "Bobby" Lee', '', '', '', 1),
                   (4, 'Zoë Ünicode ✓', 'Initech', '', '', NULL);
        INSERT INTO identity (person_id, network, key, handle, url, batch_id)
            VALUES (2, 'linkedin', 'ana-souza', NULL, 'https://www.linkedin.com/in/ana-souza', 1),
                   (2, 'email', 'ana@example.com', NULL, NULL, 1),
                   (3, 'bsky', 'did:plc:bob', 'bob.bsky.social', NULL, NULL);
        INSERT INTO link (id, from_person, to_person, kind, batch_id, confidence)
            VALUES (1, 1, 2, 1, 1, 1.0), (2, 2, 1, 1, 1, 1.0), (3, 2, 3, 3, NULL, 0.5), (4, 3, 4, 0, NULL, 1.0);
        INSERT INTO link_source (link_id, batch_id) VALUES (1, 1), (2, 1);
        INSERT INTO tag (id, name, cadence_days) VALUES (1, 'investors', 30), (2, 'friends', NULL);
        INSERT INTO person_tag (person_id, tag_id, batch_id) VALUES (2, 1, 1), (2, 2, NULL), (3, 2, NULL);
        INSERT INTO note (person_id, text) VALUES (2, 'Met at the conference'), (3, 'Line one
line two');
        INSERT INTO follow_up (person_id, due_date, cadence_days, last_contacted, snoozed_until, done)
            VALUES (2, '2026-12-01', 14, '2026-11-17', NULL, 0), (3, NULL, NULL, '2026-10-01', NULL, 1);
        INSERT INTO intro_request (target_id, introducer_id, status, note)
            VALUES (4, 3, 'asked', 'Hi Bob'), (3, 2, 'draft', '');
        INSERT INTO dismissed_suggestion (for_person_id, person_id) VALUES (1, 4);
        INSERT INTO meta (key, value) VALUES ('layout_seed', 'x') ON CONFLICT (key) DO NOTHING;
        INSERT INTO import_batch (id, file_name, format, sha256) VALUES (2, 'google.csv', 'google', 'def456');
        INSERT INTO person_source (person_id, batch_id) VALUES (2, 2);
        INSERT INTO identity_source (identity_id, batch_id) VALUES (1, 2);
        INSERT INTO merge_candidate (person_a, person_b, reason, batch_id) VALUES (3, 4, 'same name', 2);
        INSERT INTO merge_history (id, kept_id, absorbed_id, absorbed_name, absorbed_organisation)
            VALUES (1, 2, 99, 'Ana S.', 'Acme');
        INSERT INTO merge_history_identity (merge_id, network, key) VALUES (1, 'email', 'ana@example.com');
        INSERT INTO merge_history_link (merge_id, link_id) VALUES (1, 3);
        INSERT INTO crawl (id, network, start, depth, batch_id, status)
            VALUES (1, 'bsky', 'bob.bsky.social', 2, 2, 'running');
        INSERT INTO crawl_account (id, crawl_id, account, depth, state, handle, cursor)
            VALUES (1, 1, 'did:plc:bob', 0, 'queued', 'bob.bsky.social', 'page-2');
        INSERT INTO crawl_follow (crawl_account_id, target, position, handle)
            VALUES (1, 'did:plc:zoe', 0, 'zoe.bsky.social');
        INSERT INTO crawl_error (crawl_id, url, error) VALUES (1, 'https://api.example/x', 'malformed JSON');
        INSERT INTO follow_list (network, key, status, follows, fetched_at)
            VALUES ('bsky', 'did:plc:bob', 'public', 1, '2026-11-26T09:30:00Z');
        INSERT INTO crawl_change (crawl_id, from_person, to_person, change) VALUES (1, 3, 4, 'added');
        INSERT INTO person_detail_source (person_id, field, batch_id, value, previous)
            VALUES (2, 'title', 2, 'CTO', '');
    )sql");
}

/// Every row of every table (and the header fields that matter), as text, tables by name and
/// rows sorted, so two databases with the same content dump equal.
inline std::map<std::string, std::vector<std::string>> dumpTables(Database& db)
{
    std::map<std::string, std::vector<std::string>> dump;
    std::vector<std::string> tables;
    {
        Statement st = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
        while (st.step()) {
            tables.push_back(st.text(0));
        }
    }
    for (const std::string& table : tables) {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db.handle(), ("SELECT * FROM \"" + table + "\"").c_str(), -1, &st, nullptr);
        std::vector<std::string>& rows = dump[table];
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::string row;
            for (int column = 0; column < sqlite3_column_count(st); ++column) {
                const auto* text = sqlite3_column_text(st, column);
                row += std::to_string(sqlite3_column_type(st, column)) + ":" +
                       (text != nullptr ? reinterpret_cast<const char*>(text) : "NULL") + "|";
            }
            rows.push_back(row);
        }
        sqlite3_finalize(st);
        std::sort(rows.begin(), rows.end());
    }
    for (const char* pragma : {"PRAGMA user_version", "PRAGMA application_id"}) {
        Statement st = db.prepare(pragma);
        st.step();
        dump[pragma].push_back(st.text(0));
    }
    return dump;
}

inline std::map<std::string, std::vector<std::string>> dumpTables(const std::filesystem::path& path)
{
    auto db = Database::open(path, OpenMode::MustExist);
    if (!db) {
        return {};
    }
    return dumpTables(*db);
}

}  // namespace warmpath::test
