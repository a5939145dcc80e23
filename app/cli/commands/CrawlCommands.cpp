// Commands that fetch public follow lists: crawl bluesky, crawl mastodon, crawl changes.

#include <unistd.h>

#include <csignal>
#include <ostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliContext.h"
#include "JsonText.h"

namespace warmpath::cli {
namespace {

/// The token Ctrl+C cancels while a crawl runs. Setting it is one lock-free atomic store, which
/// is safe in a signal handler; a second Ctrl+C gets the default action (the process ends).
CancelToken* g_interrupt = nullptr;

extern "C" void onInterrupt(int /*signal*/)
{
    if (g_interrupt != nullptr) {
        g_interrupt->cancel();
    }
    std::signal(SIGINT, SIG_DFL);
}

class InterruptScope {
public:
    explicit InterruptScope(CancelToken& token)
    {
        g_interrupt = &token;
        m_previous = std::signal(SIGINT, &onInterrupt);
    }
    ~InterruptScope()
    {
        std::signal(SIGINT, m_previous == SIG_ERR ? SIG_DFL : m_previous);
        g_interrupt = nullptr;
    }
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;
    InterruptScope(InterruptScope&&) = delete;
    InterruptScope& operator=(InterruptScope&&) = delete;

private:
    void (*m_previous)(int) = SIG_DFL;
};

struct CrawlArgs {
    std::string start;
    int depth = 2;
    std::int64_t maxAccounts = 0;
    std::string api;
    bool asMe = false;
    bool resume = false;
    bool json = false;
};

int runCrawl(CliContext& context, CrawlNetwork network, const CrawlArgs& args)
{
    Workspace* ws = context.workspace();
    if (ws == nullptr) {
        return static_cast<int>(kExitFailure);
    }
    CancelToken interrupt;
    InterruptScope scope(interrupt);
    CrawlOptions options;
    options.cancel = &interrupt;
    // Progress is a status line rewritten in place, so only where a person watches it.
    const bool showProgress = isatty(STDERR_FILENO) == 1;
    if (showProgress) {
        options.progress = [&context](const CrawlProgress& p) {
            context.err() << "\r\033[Kcrawl: " << p.accountsDone << " done, " << p.accountsQueued << " queued, "
                          << p.requests << " requests, " << p.rateLimitWaits << " rate-limit waits";
            if (p.waiting.count() > 0) {
                context.err() << ", waiting " << (p.waiting.count() + 999) / 1000 << " s (" << p.waitReason << ")";
            }
            context.err() << (p.current.empty() ? "" : " — " + p.current) << std::flush;
        };
    }
    const char* networkName = network == CrawlNetwork::Bluesky ? "bluesky" : "mastodon";
    const auto summary = ws->crawl(CrawlRequest{.network = network,
                                                .start = args.start,
                                                .depth = args.depth,
                                                .maxAccounts = args.maxAccounts,
                                                .api = args.api,
                                                .asMe = args.asMe,
                                                .resume = args.resume},
                                   options);
    if (showProgress) {
        context.err() << "\r\033[K" << std::flush;
    }
    if (!summary) {
        return context.fail(summary.error());
    }
    if (args.resume && !summary->resumed) {
        context.err() << "warmpath-cli: note: no unfinished crawl of " << args.start
                      << " to resume; started a new one\n";
    }
    if (args.json) {
        nlohmann::ordered_json errors = nlohmann::ordered_json::array();
        for (const CrawlError& e : summary->errors) {
            errors.push_back({{"url", e.url}, {"error", e.error}});
        }
        const nlohmann::ordered_json document = {{"accounts_seen", summary->accountsSeen},
                                                 {"follow_lists_fetched", summary->followListsFetched},
                                                 {"links_added", summary->linksAdded},
                                                 {"hidden", summary->hidden},
                                                 {"errors", errors}};
        context.out() << jsonText(document) << '\n';
    } else {
        context.out() << "crawl " << summary->crawlId << " (batch " << summary->batch << "): " << summary->accountsSeen
                      << " accounts seen, " << summary->followListsFetched << " follow lists fetched, "
                      << summary->linksAdded << " links added, " << summary->hidden.size() << " hidden, "
                      << summary->errors.size() << " errors\n";
        for (const std::string& hidden : summary->hidden) {
            context.out() << "hidden follow list: " << hidden << '\n';
        }
        for (const CrawlError& e : summary->errors) {
            context.err() << "warmpath-cli: warning: " << e.url << ": " << e.error << '\n';
        }
    }
    const std::string again = std::string("warmpath-cli crawl ") + networkName + " " + args.start + " --resume";
    switch (summary->outcome) {
    case CrawlSummary::Outcome::Finished:
        return static_cast<int>(kExitOk);
    case CrawlSummary::Outcome::Cancelled:
        context.err() << "warmpath-cli: crawl interrupted; everything fetched so far is stored. Continue with: "
                      << again << '\n';
        return static_cast<int>(kExitFailure);
    case CrawlSummary::Outcome::NetworkDown:
        context.err() << "warmpath-cli: error: the crawl stopped without an answer (" << summary->stopReason
                      << "); everything fetched so far is stored. Continue with: " << again << '\n';
        return static_cast<int>(kExitFailure);
    }
    return static_cast<int>(kExitFailure);
}

void registerCrawlOf(CLI::App& crawl, CliContext& context, CrawlNetwork network)
{
    auto args = std::make_shared<CrawlArgs>();
    const bool bluesky = network == CrawlNetwork::Bluesky;
    auto* command = crawl.add_subcommand(bluesky ? "bluesky" : "mastodon",
                                         bluesky ? "Fetch follow lists from Bluesky, starting at HANDLE or DID"
                                                 : "Fetch follow lists from Mastodon, starting at USER@HOST");
    command->add_option(bluesky ? "HANDLE|DID" : "USER@HOST", args->start, "The account to start from")->required();
    command
        ->add_option("--depth", args->depth,
                     "1: that account's follow list; 2: also the list of everyone it follows (default 2)")
        ->check(CLI::PositiveNumber)
        ->type_name("D");
    command->add_option("--max-accounts", args->maxAccounts, "Fetch at most N follow lists (default: no limit)")
        ->check(CLI::NonNegativeNumber)
        ->type_name("N");
    command
        ->add_option("--api", args->api,
                     bluesky ? "Base URL of the API (default https://public.api.bsky.app)"
                             : "Send every request to this server (default: each account's own, https://HOST)")
        ->type_name("URL");
    command->add_flag("--as-me", args->asMe, "The start account is mine: make it an identity of me");
    command->add_flag("--resume", args->resume, "Continue the interrupted crawl of this account");
    command->add_flag("--json", args->json, "Print one JSON summary");
    context.addCommand(command, [&context, args, network]() { return runCrawl(context, network, *args); });
}

void registerCrawlChanges(CLI::App& crawl, CliContext& context)
{
    struct Args {
        std::int64_t crawl = 0;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* command = crawl.add_subcommand("changes", "List follows a re-crawl found new or gone");
    command->add_option("--crawl", args->crawl, "Crawl number (default: the newest crawl that found changes)")
        ->check(CLI::NonNegativeNumber)
        ->type_name("N");
    command->add_flag("--json", args->json, "Print one JSON object");
    context.addQuery(command, [&context, args]() {
        Workspace* ws = context.workspace();
        if (ws == nullptr) {
            return static_cast<int>(kExitFailure);
        }
        const auto changes = ws->crawlChanges(args->crawl);
        if (!changes) {
            return context.fail(changes.error());
        }
        const auto refOf = [ws](PersonId person) {
            auto ref = ws->refOf(person);
            return ref ? *ref : "#" + std::to_string(person.value());
        };
        if (args->json) {
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const CrawlChange& c : *changes) {
                list.push_back({{"change", c.change},
                                {"from", refOf(c.from)},
                                {"to", refOf(c.to)},
                                {"at", c.at},
                                {"last_seen", c.lastSeen}});
            }
            const nlohmann::ordered_json document = {{"crawl", changes->empty() ? args->crawl : changes->front().crawl},
                                                     {"changes", list}};
            context.out() << jsonText(document) << '\n';
            return static_cast<int>(kExitOk);
        }
        for (const CrawlChange& c : *changes) {
            context.out() << c.change << '\t' << refOf(c.from) << '\t' << refOf(c.to) << '\t'
                          << (c.change == "gone" ? "last seen " + c.lastSeen : c.at) << '\n';
        }
        return static_cast<int>(kExitOk);
    });
}

}  // namespace

void registerCrawlCommands(CLI::App& app, CliContext& context)
{
    auto* crawl = app.add_subcommand("crawl", "Fetch public follow lists from Bluesky or Mastodon");
    crawl->require_subcommand(1);
    registerCrawlOf(*crawl, context, CrawlNetwork::Bluesky);
    registerCrawlOf(*crawl, context, CrawlNetwork::Mastodon);
    registerCrawlChanges(*crawl, context);
}

}  // namespace warmpath::cli
