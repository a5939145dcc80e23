#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "Workspace.h"
#include "fetch/FetchServer.h"
#include "store/Database.h"

namespace warmpath::test {

/// One local server for the whole suite; each test starts with no faults scripted.
class FetchServerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { s_server = std::make_unique<FetchServer>(); }
    static void TearDownTestSuite() { s_server.reset(); }

    void SetUp() override
    {
        // python3 is a test dependency (resources/setup/common.sh): without it these tests fail, never skip.
        ASSERT_FALSE(FetchServer::python().empty()) << "python3 is not installed: the local test server cannot run";
        ASSERT_TRUE(s_server && s_server->running()) << "the local test server did not start";
        s_server->reset();
    }

    static FetchServer& server() { return *s_server; }

    /// Fast politeness for tests: short timeouts and backoffs, real logic.
    static fetch::HttpOptions fastHttp()
    {
        fetch::HttpOptions http;
        http.connectTimeout = std::chrono::milliseconds(2000);
        http.requestTimeout = std::chrono::milliseconds(2000);
        http.maxAttempts = 3;
        http.backoffBase = std::chrono::milliseconds(10);
        http.backoffMax = std::chrono::milliseconds(40);
        return http;
    }

private:
    static inline std::unique_ptr<FetchServer> s_server;
};

/// A workspace in a private folder to crawl into, and a second connection to look at it.
class CrawlTestBase : public FetchServerTest {
protected:
    void SetUp() override
    {
        FetchServerTest::SetUp();
        if (IsSkipped()) {
            return;
        }
        auto ws = Workspace::open(m_dir.file("crawl.db"));
        ASSERT_TRUE(ws) << ws.error().describe();
        m_ws = std::move(ws).value();
        auto db = Database::open(m_dir.file("crawl.db"), OpenMode::MustExist);
        ASSERT_TRUE(db);
        m_db = std::make_unique<Database>(std::move(db).value());
    }

    /// Every Mastodon host is served by the local server.
    CrawlOptions options() const
    {
        CrawlOptions o;
        o.http = fastHttp();
        o.serverFor = [](const std::string& host) { return server().mastodonServer(host); };
        return o;
    }

    /// options() that set `cancel` (as Ctrl+C does) once `lists` follow lists are done.
    CrawlOptions cancellingAfter(CancelToken& cancel, std::int64_t lists) const
    {
        CrawlOptions o = options();
        o.cancel = &cancel;
        o.progress = [&cancel, lists](const CrawlProgress& p) {
            if (p.accountsDone >= lists) {
                cancel.cancel();
            }
        };
        return o;
    }

    CrawlSummary crawl(const CrawlRequest& request, const CrawlOptions& o)
    {
        auto summary = m_ws->crawl(request, o);
        EXPECT_TRUE(summary) << summary.error().describe();
        return summary ? *summary : CrawlSummary{};
    }
    CrawlSummary crawl(const CrawlRequest& request) { return crawl(request, options()); }

    TempDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<Database> m_db;
};

/// Every person as `name [identities]`, sorted: `Alice Aalto [bsky:did:plc:alice0001@alice.test]`;
/// the me person is `ME ...`.
inline std::vector<std::string> peopleOf(Database& db)
{
    Statement st =
        db.prepare("SELECT CASE p.is_me WHEN 1 THEN 'ME ' ELSE '' END || p.display_name || ' [' || "
                   "coalesce((SELECT group_concat(x, ' ') FROM (SELECT i.network || ':' || i.key || "
                   "CASE WHEN coalesce(i.handle, '') <> '' THEN '@' || i.handle ELSE '' END AS x FROM identity i "
                   "WHERE i.person_id = p.id ORDER BY x)), '') || ']' FROM person p ORDER BY 1");
    std::vector<std::string> out;
    while (st.step()) {
        out.push_back(st.text(0));
    }
    return out;
}

/// Every link as `FROM -> TO (kind)`, each end named by its first identity key (or `me`).
inline std::vector<std::string> linksOf(Database& db)
{
    Statement st = db.prepare(
        "WITH name(person, label) AS (SELECT p.id, CASE WHEN p.is_me = 1 AND NOT EXISTS (SELECT 1 FROM identity "
        "WHERE person_id = p.id) THEN 'me' ELSE (SELECT min(i.key) FROM identity i WHERE i.person_id = p.id) END "
        "FROM person p) SELECT f.label || ' -> ' || t.label || ' (' || l.kind || ')' FROM link l "
        "JOIN name f ON f.person = l.from_person JOIN name t ON t.person = l.to_person ORDER BY 1");
    std::vector<std::string> out;
    while (st.step()) {
        out.push_back(st.text(0));
    }
    return out;
}

inline std::int64_t countOf(Database& db, const std::string& sql)
{
    Statement st = db.prepare(sql);
    st.step();
    return st.int64(0);
}

inline std::int64_t requestsMatching(const std::vector<std::string>& log, const std::string& needle)
{
    std::int64_t n = 0;
    for (const auto& line : log) {
        n += line.find(needle) != std::string::npos ? 1 : 0;
    }
    return n;
}

}  // namespace warmpath::test
