#include "fetch/CrawlRunner.h"

#include <memory>
#include <stdexcept>

#include "fetch/BlueskyCrawler.h"
#include "fetch/CrawlState.h"
#include "fetch/MastodonCrawler.h"
#include "fetch/MastodonNames.h"

namespace warmpath::fetch {

CrawlRunner::CrawlRunner(Database& db, std::mutex& dbMutex, CrawlRequest request, CrawlOptions options)
    : m_db(db), m_dbMutex(dbMutex), m_request(std::move(request)), m_options(std::move(options))
{
    if (m_request.depth < 1) {
        throw std::invalid_argument("crawl depth must be at least 1");
    }
    if (m_request.maxAccounts < 0) {
        throw std::invalid_argument("--max-accounts must not be negative");
    }
    if (m_request.start.empty()) {
        throw std::invalid_argument("a crawl needs a start account");
    }
}

Result<CrawlSummary> CrawlRunner::run()
{
    const CancelToken* cancel = m_options.cancel;
    // Pauses are reported as they begin, so a progress display can say why nothing moves.
    std::function<void(std::chrono::milliseconds, std::string_view)> onWait;
    HttpOptions httpOptions = m_options.http;
    httpOptions.onWait = [&onWait, outer = m_options.http.onWait](std::chrono::milliseconds wait,
                                                                  std::string_view reason) {
        if (outer) {
            outer(wait, reason);
        }
        if (onWait) {
            onWait(wait, reason);
        }
    };
    HttpClient http(httpOptions);
    const std::string network = m_request.network == CrawlNetwork::Bluesky ? "bsky" : "mastodon";
    const auto makeSource = [&](const std::string& api) -> std::unique_ptr<FollowSource> {
        if (m_request.network == CrawlNetwork::Bluesky) {
            return std::make_unique<BlueskyCrawler>(http, api, cancel);
        }
        return std::make_unique<MastodonCrawler>(http, api, m_options.serverFor, cancel, m_request.start);
    };

    try {
        std::unique_ptr<FollowSource> source = makeSource(m_request.api);
        // A host found to be another spelling of a domain: what is stored under the old names
        // (by an earlier version, or by this crawl's frontier) is renamed before anything new is
        // written, and so is the account in hand.
        const auto applyAliases = [&](Account* current) {
            for (const HostAlias& alias : source->takeAliases()) {
                std::lock_guard lock(m_dbMutex);
                renameMastodonHost(m_db, alias);
                if (current != nullptr) {
                    current->key = renamedMastodonKey(current->key, alias);
                }
            }
        };
        Result<std::string> start = source->normaliseStart(m_request.start);
        if (!start) {
            return start.error();
        }
        CrawlState state(m_db, network);
        std::optional<CrawlRecord> crawl;
        bool resumed = false;
        if (m_request.resume) {
            std::lock_guard lock(m_dbMutex);
            crawl = state.findUnfinished(*start);
            resumed = crawl.has_value();
        }
        if (crawl) {
            // The stored options win: a resumed crawl is the same crawl.
            source = makeSource(crawl->api);
        } else {
            Result<Account> startAccount = source->resolveStart(*start);
            if (!startAccount) {
                if (startAccount.error().isCancelled()) {
                    Error cancelled = Error::cancelled();
                    cancelled.message = "crawl cancelled before it started; nothing was written";
                    return cancelled;
                }
                return Error("cannot look up the start account: " + startAccount.error().message);
            }
            applyAliases(nullptr);
            std::lock_guard lock(m_dbMutex);
            crawl = state.begin(CrawlRecord{.network = network,
                                            .start = *start,
                                            .api = m_request.api,
                                            .depth = m_request.depth,
                                            .maxAccounts = m_request.maxAccounts,
                                            .asMe = m_request.asMe},
                                *startAccount);
        }

        CrawlSummary::Outcome outcome = CrawlSummary::Outcome::Finished;
        std::string stopReason;
        std::string current;
        const auto report = [&](std::chrono::milliseconds waiting, std::string_view reason) {
            if (!m_options.progress) {
                return;
            }
            CrawlProgress progress;
            progress.waiting = waiting;
            progress.waitReason = std::string(reason);
            {
                std::lock_guard lock(m_dbMutex);
                progress.accountsDone = state.processed(*crawl);
                progress.accountsQueued = state.queued(*crawl);
            }
            const HttpCounters counters = http.counters();
            progress.requests = counters.requests;
            progress.rateLimitWaits = counters.rateLimitWaits;
            progress.current = current;
            m_options.progress(progress);
        };
        onWait = report;
        report({}, {});
        for (;;) {
            if (cancel != nullptr && cancel->cancelled()) {
                outcome = CrawlSummary::Outcome::Cancelled;
                break;
            }
            std::optional<QueuedAccount> next;
            {
                std::lock_guard lock(m_dbMutex);
                if (crawl->maxAccounts > 0 && state.processed(*crawl) >= crawl->maxAccounts) {
                    break;
                }
                next = state.next(*crawl);
            }
            if (!next) {
                break;
            }
            current = next->account.key;
            const PageFetch page = source->fetchPage(*next);
            applyAliases(&next->account);
            if (page.status == PageFetch::Status::Stopped) {
                const bool cancelled = page.error.isCancelled();
                outcome = cancelled ? CrawlSummary::Outcome::Cancelled : CrawlSummary::Outcome::NetworkDown;
                stopReason = cancelled ? page.error.message : page.url + ": " + page.error.message;
                break;
            }
            {
                std::lock_guard lock(m_dbMutex);
                if (!state.stillQueued(*next)) {
                    // The frontier held this account under both names; the other row stays.
                    continue;
                }
                switch (page.status) {
                case PageFetch::Status::Page:
                    state.storePage(*crawl, *next, page);
                    break;
                case PageFetch::Status::Hidden:
                    state.markHidden(*next);
                    break;
                case PageFetch::Status::Failed:
                case PageFetch::Status::Stopped:
                    state.markFailed(*crawl, *next, page.url, page.error.message);
                    break;
                }
            }
            report({}, {});
        }

        std::lock_guard lock(m_dbMutex);
        if (outcome == CrawlSummary::Outcome::Finished) {
            state.finish(*crawl);
        }
        CrawlSummary summary = state.summary(*crawl);
        summary.outcome = outcome;
        summary.stopReason = stopReason;
        summary.resumed = resumed;
        const HttpCounters counters = http.counters();
        summary.requests = counters.requests;
        summary.rateLimitWaits = counters.rateLimitWaits;
        return summary;
    } catch (const DatabaseError& e) {
        return Error(std::string("database error during the crawl: ") + e.what() +
                     "; what was committed stays, run again with --resume");
    } catch (const std::exception& e) {
        // Exceptions never leave the core: a GUI worker thread gets an Error like every failure.
        return Error(std::string("the crawl stopped: ") + e.what() +
                     "; what was committed stays, run again with --resume");
    }
}

}  // namespace warmpath::fetch
