#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "fetch/HttpClient.h"
#include "model/PersonId.h"
#include "util/Progress.h"

namespace warmpath {

enum class CrawlNetwork { Bluesky, Mastodon };

/// What to crawl (`warmpath-cli crawl bluesky|mastodon ...`).
struct CrawlRequest {
    CrawlNetwork network = CrawlNetwork::Bluesky;
    std::string start;             ///< Bluesky: a handle or a DID; Mastodon: user@host
    int depth = 2;                 ///< 1: the start account's follow list; 2: also those of everyone it follows
    std::int64_t maxAccounts = 0;  ///< at most this many follow lists are fetched (0: no limit)
    std::string api;               ///< base URL every request goes to; empty: each account's own server
    bool asMe = false;             ///< the start account becomes an identity of the me person
    bool resume = false;           ///< continue the unfinished crawl of `start` (its stored options win)
};

/// How far a crawl has come, reported after every request.
struct CrawlProgress {
    std::int64_t accountsDone = 0;     ///< follow lists fetched, hidden or failed
    std::int64_t accountsQueued = 0;   ///< follow lists still to fetch
    std::uint64_t requests = 0;        ///< HTTP requests sent by this run, retries included
    std::uint64_t rateLimitWaits = 0;  ///< pauses for 429 / Retry-After / a nearly spent limit
    std::string current;               ///< the account being fetched (identity key)
    /// Non-zero while the crawl pauses before a request (politeness or a retry), with why:
    /// `"rate limit"` or `"retry"`.
    std::chrono::milliseconds waiting{0};
    std::string waitReason;
};

/// How to run a crawl: politeness settings, progress and cancel.
struct CrawlOptions {
    fetch::HttpOptions http;
    /// Mastodon without --api: the base URL of the server `host` (default `https://HOST`).
    /// Tests point it at a local server.
    std::function<std::string(const std::string& host)> serverFor;
    /// Called from the crawling thread after every step.
    std::function<void(const CrawlProgress&)> progress;
    /// Stops the crawl at the next check; what is committed stays, `resume` continues.
    const CancelToken* cancel = nullptr;
};

/// A response that could not be used, as `crawl --json` lists it.
struct CrawlError {
    std::string url;
    std::string error;
    friend bool operator==(const CrawlError&, const CrawlError&) = default;
};

/// What a crawl has done so far (cumulative over resumed runs), as `crawl --json` prints it.
struct CrawlSummary {
    enum class Outcome {
        Finished,     ///< the frontier is empty (or --max-accounts was reached)
        Cancelled,    ///< stopped by the CancelToken; resumable
        NetworkDown,  ///< no answer after all retries (or still 429 Too Many Requests); resumable
    };
    std::int64_t crawlId = 0;
    std::int64_t batch = 0;  ///< the import batch the crawl stores under
    std::int64_t accountsSeen = 0;
    std::int64_t followListsFetched = 0;
    std::int64_t linksAdded = 0;
    std::vector<std::string> hidden;  ///< REFs (`bsky:did:...`, `mastodon:user@host`) of hidden follow lists
    std::vector<CrawlError> errors;
    Outcome outcome = Outcome::Finished;
    std::string stopReason;  ///< why a NetworkDown crawl stopped
    bool resumed = false;    ///< this run continued an earlier one
    std::uint64_t requests = 0;
    std::uint64_t rateLimitWaits = 0;
};

/// A follow that a re-fetch of a follow list found new, or no longer there.
struct CrawlChange {
    std::int64_t crawl = 0;
    PersonId from;
    PersonId to;
    std::string change;    ///< "added" or "gone"
    std::string at;        ///< when the fetch that noticed it committed (UTC, ISO 8601)
    std::string lastSeen;  ///< the link's last_seen: for "gone", when it was last in the list
};

}  // namespace warmpath
