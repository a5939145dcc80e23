#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fetch/Crawl.h"
#include "fetch/FollowSource.h"
#include "store/Database.h"

namespace warmpath::fetch {

/// One crawl as stored (table `crawl`).
struct CrawlRecord {
    std::int64_t id = 0;
    std::string network;  ///< `bsky` or `mastodon`
    std::string start;    ///< normalised start account as given
    std::string api;
    int depth = 2;
    std::int64_t maxAccounts = 0;
    bool asMe = false;
    std::int64_t batch = 0;
};

/// The crawl's memory in the database (schema version 4): the frontier (`crawl_account`, in the
/// order accounts were seen), the cursor of the list being paged, its follows so far
/// (`crawl_follow`), errors, follow-list status and changes. Every method that writes runs one
/// transaction of its own, so whatever has returned is committed and survives a crash.
///
/// A page of a follow list is staged together with the cursor that follows it; when the last
/// page arrives the whole list is written to the graph in ONE transaction the way an import
/// writes a batch (BatchWriter: identity resolution, links with sources), with link.last_seen
/// refreshed for every follow seen, changes noted, and the follows queued one level deeper.
class CrawlState {
public:
    CrawlState(Database& db, std::string network) : m_db(db), m_network(std::move(network)) {}

    /// The crawl of `start` that has not finished, if any (the newest).
    [[nodiscard]] std::optional<CrawlRecord> findUnfinished(const std::string& start);
    /// Starts a crawl: earlier unfinished crawls of the same start are abandoned; the crawl, its
    /// import batch and the start account (a person, or an identity of me with `asMe`) are
    /// written and the start account is queued.
    CrawlRecord begin(const CrawlRecord& settings, const Account& startAccount);

    /// The next account of the frontier, or nullopt when it is empty.
    [[nodiscard]] std::optional<QueuedAccount> next(const CrawlRecord& crawl);
    /// False when `account`'s row left the frontier since next() gave it (a rename found the
    /// account queued under its other name too, and kept that row).
    [[nodiscard]] bool stillQueued(const QueuedAccount& account);
    /// Stores one page of `account`'s follow list with the cursor after it; the last page (no
    /// `next`) writes the list to the graph.
    void storePage(CrawlRecord& crawl, const QueuedAccount& account, const PageFetch& page);
    void markHidden(const QueuedAccount& account);
    void markFailed(const CrawlRecord& crawl, const QueuedAccount& account, const std::string& url,
                    const std::string& error);
    void finish(const CrawlRecord& crawl);

    /// Follow lists fetched, hidden or failed so far.
    [[nodiscard]] std::int64_t processed(const CrawlRecord& crawl);
    [[nodiscard]] std::int64_t queued(const CrawlRecord& crawl);
    [[nodiscard]] CrawlSummary summary(const CrawlRecord& crawl);

    /// Changes found by crawl `crawl` (0: the newest crawl that found any), oldest first.
    static std::vector<CrawlChange> changes(Database& db, std::int64_t crawl);

private:
    void ensureBatch(CrawlRecord& crawl);
    void writeList(CrawlRecord& crawl, const QueuedAccount& account);
    void setListStatus(const std::string& key, const std::string& status, std::int64_t follows, const std::string& now);

    Database& m_db;
    std::string m_network;
};

}  // namespace warmpath::fetch
