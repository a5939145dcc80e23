#pragma once

#include <mutex>

#include "fetch/Crawl.h"
#include "store/Database.h"
#include "util/Result.h"

namespace warmpath::fetch {

/// Runs one crawl: resolves the start account, then takes accounts off the stored frontier in
/// the order they were seen and pages through their follow lists, storing as it goes
/// (CrawlState). Network waits happen without `dbMutex`; it is held only while reading or
/// writing, so a GUI can read the workspace while a crawl runs on a worker thread.
///
/// An account whose list is hidden is recorded as hidden; an unusable answer (HTTP error after
/// retries, malformed JSON) is recorded as an error with its URL and the crawl goes on. When no
/// answer comes at all (network down) or the CancelToken is set, the crawl stops with what is
/// committed kept, and `resume` continues it.
class CrawlRunner {
public:
    /// Throws std::invalid_argument for a request that names no crawl (depth < 1, negative
    /// maximum, empty start).
    CrawlRunner(Database& db, std::mutex& dbMutex, CrawlRequest request, CrawlOptions options);

    /// Expected failures (the start account cannot be looked up, the database fails) are an
    /// Error; a stop is a summary with its outcome.
    Result<CrawlSummary> run();

private:
    Database& m_db;
    std::mutex& m_dbMutex;
    CrawlRequest m_request;
    CrawlOptions m_options;
};

}  // namespace warmpath::fetch
