// warmpath_graph_bench: the graph engine's speed on a seeded synthetic follow graph
// (docs/performance.md, "Graph engine").
//
//   warmpath_graph_bench --dir DIR [--people N] [--links M] [--seed S] [--pairs P]
//
// Writes DIR/synthetic.db (a real Warmpath database; kept and reused when its parameters
// match), measures the snapshot build, cache, separation, warm paths and suggestions, and
// exports DIR/edges.txt, DIR/pairs.txt and DIR/users.txt (dense 0-based node numbers, the
// snapshot's order) for tests/bench/graph_bench_compare.py to run the same questions in igraph,
// graph-tool and NetworkX.
//
//   warmpath_graph_bench --edge-list FILE [--people N] [--links M] [--seed S]
//
// only writes the same synthetic graph as an edge list (`pN pM` a line, person numbers as
// generated) for `warmpath-cli import`, and exits: the load test (tests/bench/load_test.py) uses it.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "Workspace.h"
#include "graph/BidirectionalWarmPaths.h"
#include "graph/Separation.h"
#include "graph/SnapshotBuilder.h"
#include "graph/SnapshotCache.h"
#include "graph/SpurSearchLimits.h"
#include "graph/Suggestions.h"
#include "graph/WarmPaths.h"
#include "store/Database.h"
#include "store/Meta.h"
#include "store/Schema.h"

#include "graph/Layout.h"
#include "graph/Metrics.h"

using namespace warmpath;

/// CPU time of the calling thread. The machine is shared with other engineers' builds, which
/// stretch wall-clock times by whatever they take; the thread's own CPU time is what the code
/// costs (cache and memory-bandwidth contention still show).
struct ThreadCpuClock {
    using duration = std::chrono::nanoseconds;
    using rep = duration::rep;
    using period = duration::period;
    using time_point = std::chrono::time_point<ThreadCpuClock>;
    static constexpr bool is_steady = true;
    static time_point now()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return time_point(duration(static_cast<rep>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec));
    }
};
using Clock = ThreadCpuClock;

namespace {

struct Params {
    std::filesystem::path dir = "bench-data";
    std::size_t people = 1'000'000;
    std::size_t links = 10'000'000;
    std::uint64_t seed = 20261126;
    std::size_t pairs = 10'000;
    std::size_t pathPairs = 1'000;
    std::size_t users = 10'000;
    std::size_t pathHops = 6;
    bool comparePaths = false;  ///< also run the plain bidirectional warm-path search and compare
    /// Where to write every pair's k path costs, one line a pair, to compare two versions of the search.
    std::filesystem::path pathCosts;
    /// Pair numbers (0-based, one a line) to ask the warm-path search alone, the others skipped:
    /// to count a few queries' instructions under cachegrind (see docs/performance.md).
    std::filesystem::path pathOnly;
    /// Sections: snapshot, degrees, paths, suggestions, metrics, layout; `c` runs Louvain alone.
    std::string only = "sdpgml";
};

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Stats {
    double median = 0, p90 = 0, p99 = 0, max = 0, mean = 0;
};

Stats summarize(std::vector<double> samples)
{
    Stats s;
    if (samples.empty()) {
        return s;
    }
    std::sort(samples.begin(), samples.end());
    auto at = [&](double q) {
        return samples[std::min(samples.size() - 1, static_cast<std::size_t>(q * static_cast<double>(samples.size())))];
    };
    s.median = at(0.5);
    s.p90 = at(0.9);
    s.p99 = at(0.99);
    s.max = samples.back();
    s.mean = std::accumulate(samples.begin(), samples.end(), 0.0) / static_cast<double>(samples.size());
    return s;
}

void printLatency(const char* what, const Stats& s, double unit, const char* unitName)
{
    std::printf("%-44s median %9.3f %s  p90 %9.3f  p99 %9.3f  max %9.3f  mean %9.3f\n", what, s.median / unit, unitName,
                s.p90 / unit, s.p99 / unit, s.max / unit, s.mean / unit);
}

/// Where the warm-path queries' time went: per query on average, over all queries and over the
/// middle fifth by time (the median's neighbours). Spur searches are timed by the wall clock
/// inside the search; the totals are the thread's CPU time.
void printWarmPathCounters(const std::vector<double>& times, const std::vector<graphdetail::WarmPathCounters>& perQuery)
{
    if (perQuery.empty() || perQuery.size() != times.size()) {
        return;
    }
    std::vector<std::size_t> order(times.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return times[a] < times[b]; });
    static const char* const kNames[] = {"first path",
                                         "few hops (enumerated)",
                                         "A*",
                                         "A* then four-hop join",
                                         "A* then bidirectional",
                                         "exact under the hop limit"};
    auto print = [&](const char* which, std::size_t from, std::size_t to) {
        graphdetail::WarmPathCounters sum;
        double total = 0;
        for (std::size_t j = from; j < to; ++j) {
            const auto& c = perQuery[order[j]];
            total += times[order[j]];
            for (int k = 0; k < graphdetail::WarmPathCounters::kKinds; ++k) {
                sum.spurs[k] += c.spurs[k];
                sum.nanoseconds[k] += c.nanoseconds[k];
            }
            sum.forwardSettled += c.forwardSettled;
            sum.ballSettled += c.ballSettled;
            sum.ballSteps += c.ballSteps;
        }
        const double q = static_cast<double>(to - from);
        std::printf("  %s: %.3f ms a query; spur searches by kind (calls, ms a query):\n", which, total / q * 1e3);
        for (int k = 0; k < graphdetail::WarmPathCounters::kKinds; ++k) {
            std::printf("    %-24s %7.2f  %8.3f\n", kNames[k], static_cast<double>(sum.spurs[k]) / q,
                        static_cast<double>(sum.nanoseconds[k]) / q * 1e-6);
        }
        std::printf("    settled by A* %.0f, by the ball %.0f (ball steps %.0f)\n",
                    static_cast<double>(sum.forwardSettled) / q, static_cast<double>(sum.ballSettled) / q,
                    static_cast<double>(sum.ballSteps) / q);
    };
    print("all queries", 0, order.size());
    print("middle fifth (40th-60th percentile)", order.size() * 2 / 5,
          std::max(order.size() * 3 / 5, order.size() * 2 / 5 + 1));
}

/// Chung–Lu weights w_i ∝ (i + 1)^(-1/(γ-1)) as a cumulative table for sampling by bisection.
std::vector<double> cumulativeWeights(std::size_t n, double exponent)
{
    std::vector<double> cumulative(n);
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        total += std::pow(static_cast<double>(i + 1), -1.0 / (exponent - 1.0));
        cumulative[i] = total;
    }
    for (double& c : cumulative) {
        c /= total;
    }
    return cumulative;
}

std::uint32_t sample(const std::vector<double>& cumulative, std::mt19937_64& rng)
{
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    return static_cast<std::uint32_t>(std::upper_bound(cumulative.begin(), cumulative.end() - 1, u) -
                                      cumulative.begin());
}

std::uint64_t key(std::uint32_t from, std::uint32_t to)
{
    return (static_cast<std::uint64_t>(from) << 32) | to;
}

void sortUnique(std::vector<std::uint64_t>& edges)
{
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
}

/// The synthetic follow graph: Chung–Lu with out-degree exponent 2.6 and in-degree exponent 2.2
/// (75% of the links), plus 15% closing triangles (u → v → w gives u → w) and 10% reciprocating
/// (u → v gives v → u). Node numbers are generator order; the caller shuffles them into ids.
std::vector<std::uint64_t> generate(const Params& p)
{
    std::mt19937_64 rng(p.seed);
    const auto outWeights = cumulativeWeights(p.people, 2.6);
    // In-weights in another random order than out-weights: big followers are not big followees.
    auto inWeights = cumulativeWeights(p.people, 2.2);
    std::vector<std::uint32_t> inOrder(p.people);
    std::iota(inOrder.begin(), inOrder.end(), 0U);
    std::shuffle(inOrder.begin(), inOrder.end(), rng);

    std::vector<std::uint64_t> edges;
    auto chungLu = [&](std::size_t count) {
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint32_t from = sample(outWeights, rng);
            const std::uint32_t to = inOrder[sample(inWeights, rng)];
            if (from != to) {
                edges.push_back(key(from, to));
            }
        }
        sortUnique(edges);
    };
    const auto base = static_cast<std::size_t>(0.75 * static_cast<double>(p.links));
    while (edges.size() < base) {
        chungLu(base - edges.size());
    }
    edges.resize(base);  // sorted: the cut drops the tail of the last batch's duplicates only

    // Out-rows of the base graph for triangle closing.
    std::vector<std::uint64_t> offsets(p.people + 1, 0);
    for (std::uint64_t e : edges) {
        ++offsets[(e >> 32) + 1];
    }
    std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
    std::vector<std::uint64_t> extra;
    const auto triangles = static_cast<std::size_t>(0.15 * static_cast<double>(p.links));
    std::uniform_int_distribution<std::size_t> anyEdge(0, edges.size() - 1);
    while (extra.size() < triangles) {
        const std::uint64_t uv = edges[anyEdge(rng)];
        const auto u = static_cast<std::uint32_t>(uv >> 32);
        const auto v = static_cast<std::uint32_t>(uv & 0xFFFFFFFFU);
        const std::uint64_t degree = offsets[v + 1] - offsets[v];
        if (degree == 0) {
            continue;
        }
        const auto w = static_cast<std::uint32_t>(
            edges[offsets[v] + std::uniform_int_distribution<std::uint64_t>(0, degree - 1)(rng)] & 0xFFFFFFFFU);
        if (w != u) {
            extra.push_back(key(u, w));
        }
    }
    const auto reciprocal = p.links - base - triangles;
    for (std::size_t i = 0; i < reciprocal; ++i) {
        const std::uint64_t uv = edges[anyEdge(rng)];
        extra.push_back(key(static_cast<std::uint32_t>(uv & 0xFFFFFFFFU), static_cast<std::uint32_t>(uv >> 32)));
    }
    edges.insert(edges.end(), extra.begin(), extra.end());
    sortUnique(edges);
    // Triangle and reciprocal links that already existed are replaced by fresh Chung–Lu links.
    while (edges.size() < p.links) {
        chungLu(p.links - edges.size());
    }
    if (edges.size() > p.links) {
        std::shuffle(edges.begin(), edges.end(), rng);
        edges.resize(p.links);
        std::sort(edges.begin(), edges.end());
    }
    return edges;
}

std::string paramsTag(const Params& p)
{
    return std::to_string(p.people) + "/" + std::to_string(p.links) + "/" + std::to_string(p.seed);
}

/// Writes people #2.. (shuffled: id order says nothing about degree) and the links, the way an
/// importer does, but in one transaction with prepared statements.
void writeDatabase(const Params& p, const std::filesystem::path& file)
{
    std::filesystem::remove(file);
    std::filesystem::remove(file.string() + "-wal");
    std::filesystem::remove(SnapshotCache::pathFor(file));
    auto t0 = Clock::now();
    const auto edges = generate(p);
    std::printf("generated %zu links among %zu people in %.1f s\n", edges.size(), p.people, secondsSince(t0));

    std::mt19937_64 rng(p.seed ^ 0x5EEDULL);
    std::vector<std::int64_t> idOf(p.people);
    std::iota(idOf.begin(), idOf.end(), 2);  // the me person is #1
    std::shuffle(idOf.begin(), idOf.end(), rng);

    t0 = Clock::now();
    auto db = Database::open(file, OpenMode::CreateIfMissing);
    if (!db || !migrate(*db)) {
        throw std::runtime_error("cannot create the benchmark database");
    }
    db->execute("PRAGMA synchronous = OFF");
    Transaction tx(*db);
    db->execute("DROP INDEX link_by_target");
    {
        Statement person = db->prepare("INSERT INTO person (id, display_name) VALUES (?, ?)");
        std::vector<std::int64_t> sorted = idOf;
        std::sort(sorted.begin(), sorted.end());
        for (std::int64_t id : sorted) {
            person.bind(1, id).bind(2, "Person " + std::to_string(id)).run();
            person.reset();
        }
    }
    {
        // Sorted by (from id, to id): the unique index grows at its end.
        std::vector<std::pair<std::int64_t, std::int64_t>> rows;
        rows.reserve(edges.size());
        for (std::uint64_t e : edges) {
            rows.emplace_back(idOf[e >> 32], idOf[e & 0xFFFFFFFFU]);
        }
        std::sort(rows.begin(), rows.end());
        Statement link = db->prepare("INSERT INTO link (from_person, to_person, kind) VALUES (?, ?, 0)");
        for (auto [from, to] : rows) {
            link.bind(1, from).bind(2, to).run();
            link.reset();
        }
    }
    db->execute("CREATE INDEX link_by_target ON link(to_person)");
    db->execute("CREATE TABLE IF NOT EXISTS bench_params (tag TEXT)");
    Statement tag = db->prepare("INSERT INTO bench_params (tag) VALUES (?)");
    tag.bind(1, paramsTag(p)).run();
    bumpGraphGeneration(*db);
    tx.commit();
    std::printf("wrote the database in %.1f s\n", secondsSince(t0));
}

bool databaseMatches(const Params& p, const std::filesystem::path& file)
{
    if (!std::filesystem::exists(file)) {
        return false;
    }
    auto db = Database::open(file, OpenMode::ReadOnly);
    if (!db) {
        return false;
    }
    try {
        Statement st = db->prepare("SELECT tag FROM bench_params");
        return st.step() && st.text(0) == paramsTag(p);
    } catch (const DatabaseError&) {
        return false;
    }
}

std::size_t arg(int argc, char** argv, const char* name, std::size_t fallback)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0) {
            return std::stoull(argv[i + 1]);
        }
    }
    return fallback;
}

/// Every option takes a value; an unknown one (or a missing value) is an error, not ignored:
/// a mistyped --dir used to generate a 1.5 GB graph in the current directory.
bool argumentsValid(int argc, char** argv)
{
    static const char* const kOptions[] = {"--dir",   "--path-only",     "--path-costs", "--people",
                                           "--links", "--seed",          "--pairs",      "--path-pairs",
                                           "--users", "--compare-paths", "--path-hops",  "--path-give-up-after",
                                           "--only",  "--edge-list"};
    for (int i = 1; i < argc; i += 2) {
        const bool known = std::any_of(std::begin(kOptions), std::end(kOptions),
                                       [&](const char* option) { return std::strcmp(argv[i], option) == 0; });
        if (!known || i + 1 >= argc) {
            std::fprintf(stderr, "warmpath_graph_bench: %s '%s'\n", known ? "no value for" : "unknown option", argv[i]);
            return false;
        }
    }
    return true;
}

}  // namespace

int main(int argc, char** argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    if (argc == 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        std::printf("usage: warmpath_graph_bench [--dir DIR] [--only SECTIONS] [--path-pairs N] [OPTION VALUE]...\n"
                    "options and sections: docs/performance.md, \"Exact commands\"\n");
        return 0;
    }
    if (!argumentsValid(argc, argv)) {
        std::fprintf(stderr, "usage: warmpath_graph_bench [--dir DIR] [--only SECTIONS] [OPTION VALUE]... (--help)\n");
        return 2;
    }
    Params p;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--dir") == 0) {
            p.dir = argv[i + 1];
        }
        if (std::strcmp(argv[i], "--path-only") == 0) {
            p.pathOnly = argv[i + 1];
        }
        if (std::strcmp(argv[i], "--path-costs") == 0) {
            p.pathCosts = argv[i + 1];
        }
    }
    p.people = arg(argc, argv, "--people", p.people);
    p.links = arg(argc, argv, "--links", p.links);
    p.seed = arg(argc, argv, "--seed", p.seed);
    p.pairs = arg(argc, argv, "--pairs", p.pairs);
    p.pathPairs = arg(argc, argv, "--path-pairs", p.pathPairs);
    p.users = arg(argc, argv, "--users", p.users);
    p.comparePaths = arg(argc, argv, "--compare-paths", 0) != 0;
    p.pathHops = arg(argc, argv, "--path-hops", p.pathHops);
    // How many steps a warm-path A* spur search takes before handing over (SpurSearchLimits):
    // a huge number keeps the bidirectional fallback out, to see what it changes.
    graphdetail::spurSearchLimits().giveUpAfter =
        arg(argc, argv, "--path-give-up-after", graphdetail::spurSearchLimits().giveUpAfter);
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--only") == 0) {
            p.only = argv[i + 1];
        }
    }
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--edge-list") == 0) {
            const auto t0 = Clock::now();
            const auto edges = generate(p);
            std::ofstream out(argv[i + 1], std::ios::binary);
            std::string line;
            for (const std::uint64_t e : edges) {
                line = 'p' + std::to_string(e >> 32) + " p" + std::to_string(e & 0xFFFFFFFFU) + '\n';
                out << line;
            }
            std::printf("wrote %zu links among %zu people to %s in %.1f s\n", edges.size(), p.people, argv[i + 1],
                        secondsSince(t0));
            return out ? 0 : 1;
        }
    }
    auto want = [&](char section) { return p.only.find(section) != std::string::npos; };
    std::filesystem::create_directories(p.dir);
    const auto dbFile = p.dir / "synthetic.db";
    if (!databaseMatches(p, dbFile)) {
        writeDatabase(p, dbFile);
    }

    std::printf("\n== snapshot (%s) ==\n", paramsTag(p).c_str());
    std::shared_ptr<const Snapshot> graph;
    if (!want('s')) {
        auto ws = Workspace::open(dbFile, OpenMode::ReadOnly);
        graph = *(*ws)->snapshot();
    } else {
        auto db = Database::open(dbFile, OpenMode::ReadOnly);
        std::vector<double> times;
        for (int run = 0; run < 2; ++run) {
            const auto t0 = Clock::now();
            auto built = SnapshotBuilder::fromDatabase(*db);
            times.push_back(secondsSince(t0));
            graph = std::make_shared<const Snapshot>(std::move(built).value());
        }
        std::printf("snapshot from the database: %.2f s (best of 2; first %.2f s)\n",
                    *std::min_element(times.begin(), times.end()), times[0]);
    }
    std::printf("people %zu, links %zu, snapshot memory %.1f MB = %.2f bytes per link\n", graph->personCount(),
                graph->linkCount(), static_cast<double>(graph->memoryBytes()) / 1e6,
                static_cast<double>(graph->memoryBytes()) / static_cast<double>(graph->linkCount()));
    if (want('s')) {
        const auto cacheFile = SnapshotCache::pathFor(dbFile);
        auto t0 = Clock::now();
        (void)SnapshotCache::save(*graph, cacheFile);
        std::printf("cache write: %.2f s (%.1f MB)\n", secondsSince(t0),
                    static_cast<double>(std::filesystem::file_size(cacheFile)) / 1e6);
        std::vector<double> times;
        for (int run = 0; run < 3; ++run) {
            t0 = Clock::now();
            auto loaded = SnapshotCache::load(cacheFile, graph->version());
            times.push_back(secondsSince(t0));
            if (!loaded) {
                std::printf("cache load failed: %s\n", loaded.error().describe().c_str());
            }
        }
        std::printf("snapshot from the cache: median %.3f s (runs %.3f %.3f %.3f)\n", summarize(times).median, times[0],
                    times[1], times[2]);
        // What the app does: open the database, take the snapshot (from the cache), answer.
        t0 = Clock::now();
        auto ws = Workspace::open(dbFile, OpenMode::ReadOnly);
        auto snap = (*ws)->snapshot();
        auto d = (*ws)->separation(graph->personAt(graph->indexByIdRank(0)), graph->personAt(graph->indexByIdRank(1)));
        std::printf("open + snapshot (%s) + first separation: %.3f s\n", (*ws)->lastSnapshotSource().c_str(),
                    secondsSince(t0));
    }

    const std::size_t n = graph->personCount();
    std::mt19937_64 rng(p.seed + 1);
    std::uniform_int_distribution<Snapshot::Index> anyone(1, static_cast<Snapshot::Index>(n - 1));  // 0 is me
    // Drawn by id rank, not by index: the same people whatever order the snapshot keeps them in.
    auto someone = [&] { return graph->indexByIdRank(anyone(rng)); };
    std::vector<std::pair<Snapshot::Index, Snapshot::Index>> pairs(p.pairs);
    for (auto& pair : pairs) {
        const Snapshot::Index a = someone();
        pair = {a, someone()};
    }
    std::vector<Snapshot::Index> users(p.users);
    for (auto& u : users) {
        u = someone();
    }
    if (want('s')) {
        std::ofstream edges(p.dir / "edges.txt");
        std::string line;
        for (Snapshot::Index u = 0; u < n; ++u) {
            for (Snapshot::Index v : graph->outNeighbours(u)) {
                line = std::to_string(u) + ' ' + std::to_string(v) + '\n';
                edges << line;
            }
        }
        std::ofstream pairsOut(p.dir / "pairs.txt");
        for (auto [a, b] : pairs) {
            pairsOut << a << ' ' << b << '\n';
        }
        std::ofstream usersOut(p.dir / "users.txt");
        for (auto u : users) {
            usersOut << u << '\n';
        }
    }

    // Warm the per-thread search memory once, as an app does with its first question.
    {
        Separation warmUp(*graph, graph->personAt(graph->indexByIdRank(1)), graph->personAt(graph->indexByIdRank(2)),
                          Direction::Undirected);
        warmUp.run();
    }
    if (want('d')) {
        std::printf("\n== degree of separation, %zu random pairs ==\n", pairs.size());
    }
    for (Direction direction : {Direction::Undirected, Direction::Directed}) {
        if (!want('d')) {
            break;
        }
        std::vector<double> times;
        std::vector<int> histogram(16, 0);
        for (auto [a, b] : pairs) {
            const auto t0 = Clock::now();
            Separation query(*graph, graph->personAt(a), graph->personAt(b), direction);
            query.run();
            times.push_back(secondsSince(t0));
            ++histogram[static_cast<std::size_t>(std::min(query.degree().value_or(15), 15))];
        }
        printLatency(direction == Direction::Undirected ? "separation (undirected)" : "separation (directed)",
                     summarize(times), 1e-6, "us");
        std::printf("  degrees:");
        for (std::size_t d = 0; d < histogram.size(); ++d) {
            if (histogram[d] > 0) {
                std::printf(" %zu:%d", d == 15 ? std::size_t{99} : d, histogram[d]);
            }
        }
        std::printf("  (99 = not connected)\n");
    }
    if (want('d')) {
        // The tail: people who follow the biggest celebrity.
        Snapshot::Index celebrity = 0;
        for (Snapshot::Index v = 0; v < n; ++v) {
            if (graph->inDegree(v) > graph->inDegree(celebrity)) {
                celebrity = v;
            }
        }
        const auto fans = graph->inNeighbours(celebrity);
        std::printf("biggest celebrity: %zu followers (%.1f%% of everyone), follows %zu\n", fans.size(),
                    100.0 * static_cast<double>(fans.size()) / static_cast<double>(n), graph->outDegree(celebrity));
        std::vector<double> times;
        for (std::size_t i = 0; i < std::min<std::size_t>(1000, pairs.size()); ++i) {
            const auto a = fans[i * 7919 % fans.size()];
            const auto t0 = Clock::now();
            Separation query(*graph, graph->personAt(a), graph->personAt(pairs[i].second), Direction::Undirected);
            query.run();
            times.push_back(secondsSince(t0));
        }
        printLatency("separation from celebrity followers", summarize(times), 1e-6, "us");
    }

    if (want('p')) {
        std::printf("\n== warm paths, top 5, %zu random pairs ==\n", p.pathPairs);
        std::vector<double> times;
        std::vector<graphdetail::WarmPathCounters> counters;
        std::vector<std::string> costLines;  ///< for --path-costs, written after the timing
        std::size_t found = 0;
        std::vector<bool> asked(pairs.size(), p.pathOnly.empty());
        if (!p.pathOnly.empty()) {
            std::ifstream in(p.pathOnly);
            for (std::size_t pair = 0; in >> pair;) {
                if (pair < asked.size()) {
                    asked[pair] = true;
                }
            }
        }
        for (std::size_t i = 0; i < p.pathPairs && i < pairs.size(); ++i) {
            if (!asked[i]) {
                continue;
            }
            graphdetail::warmPathCounters() = {};
            const auto t0 = Clock::now();
            WarmPaths finder(*graph, graph->personAt(pairs[i].first), graph->personAt(pairs[i].second),
                             {.k = 5, .maxHops = static_cast<int>(p.pathHops)});
            finder.run();
            times.push_back(secondsSince(t0));
            counters.push_back(graphdetail::warmPathCounters());
            found += finder.paths().size();
            if (!p.pathCosts.empty()) {
                std::string line = std::to_string(i);
                for (const WarmPath& path : finder.paths()) {
                    line += ' ' + std::to_string(-std::log(path.warmth));
                }
                costLines.push_back(std::move(line));
            }
        }
        if (times.empty()) {
            std::printf("  no pair asked (--path-only)\n");
        } else {
            printLatency("warm paths top-5 (undirected)", summarize(times), 1e-3, "ms");
        }
        std::printf("  paths found: %zu\n", found);
        printWarmPathCounters(times, counters);
        if (!p.pathCosts.empty()) {
            std::ofstream out(p.pathCosts);
            for (const std::string& line : costLines) {
                out << line << '\n';
            }
            std::printf("  path costs written to %s\n", p.pathCosts.string().c_str());
        }
        if (p.comparePaths) {
            // The same pairs through the previous search (Yen over a bidirectional Dijkstra per
            // spur): where the k costs differ, which search found the warmer paths.
            std::size_t same = 0;
            std::size_t newWarmer = 0;
            std::size_t oldWarmer = 0;
            for (std::size_t i = 0; i < p.pathPairs && i < pairs.size(); ++i) {
                WarmPaths finder(*graph, graph->personAt(pairs[i].first), graph->personAt(pairs[i].second),
                                 {.k = 5, .maxHops = static_cast<int>(p.pathHops)});
                finder.run();
                const auto old = graphdetail::bidirectional::referenceWarmPaths(
                    *graph, pairs[i].first, pairs[i].second, {.k = 5, .maxHops = static_cast<int>(p.pathHops)});
                bool equal = old.size() == finder.paths().size();
                bool warmer = finder.paths().size() > old.size();
                bool colder = finder.paths().size() < old.size();
                for (std::size_t j = 0; j < std::min(old.size(), finder.paths().size()); ++j) {
                    const double cost = -std::log(finder.paths()[j].warmth);
                    if (std::abs(cost - old[j].first) > 1e-4) {
                        equal = false;
                        (cost < old[j].first ? warmer : colder) = true;
                        break;
                    }
                }
                same += equal ? 1 : 0;
                newWarmer += !equal && warmer && !colder ? 1 : 0;
                oldWarmer += !equal && colder ? 1 : 0;
            }
            std::printf("  compared with the bidirectional search: %zu pairs the same, %zu warmer or more paths "
                        "now, %zu colder or fewer\n",
                        same, newWarmer, oldWarmer);
        }
    }

    if (want('g')) {
        std::printf("\n== suggestions, top 20 ==\n");
    }
    for (auto metric : {SuggestionMetric::ResourceAllocation, SuggestionMetric::PersonalisedPageRank}) {
        if (!want('g')) {
            break;
        }
        std::vector<double> times;
        const std::size_t count =
            metric == SuggestionMetric::PersonalisedPageRank ? std::min<std::size_t>(100, users.size()) : users.size();
        for (std::size_t i = 0; i < count; ++i) {
            const auto t0 = Clock::now();
            auto s = makeSuggestions(*graph, graph->personAt(users[i]), {.metric = metric, .limit = 20});
            s->run();
            times.push_back(secondsSince(t0));
        }
        const std::string label =
            std::string("suggest ") + std::string(toString(metric)) + " (" + std::to_string(count) + " random users)";
        printLatency(label.c_str(), summarize(times), 1e-3, "ms");
    }
    if (want('g')) {
        // The worst users for `ra`: the most work is the sum of their contacts' out-degrees.
        std::vector<std::pair<std::uint64_t, Snapshot::Index>> work;
        const Snapshot::Index me = graph->indexByIdRank(0);
        for (Snapshot::Index u = 0; u < n; ++u) {
            if (u == me) {
                continue;
            }
            std::uint64_t total = 0;
            for (Snapshot::Index c : graph->outNeighbours(u)) {
                total += graph->outDegree(c);
            }
            work.emplace_back(total, u);
        }
        std::partial_sort(work.begin(), work.begin() + 100, work.end(), std::greater<>());
        std::vector<double> times;
        for (std::size_t i = 0; i < 100; ++i) {
            const auto t0 = Clock::now();
            auto s = makeSuggestions(*graph, graph->personAt(work[i].second), {.limit = 20});
            s->run();
            times.push_back(secondsSince(t0));
        }
        printLatency("suggest ra, 100 worst users", summarize(times), 1e-3, "ms");
        std::printf("  (the worst reaches %llu second-hop links)\n", static_cast<unsigned long long>(work[0].first));
        std::ofstream worst(p.dir / "worst-users.txt");
        for (std::size_t i = 0; i < 100; ++i) {
            worst << work[i].second << '\n';
        }
    }

    if (want('m')) {
        std::printf("\n== whole-graph metrics ==\n");
        auto t0 = Clock::now();
        PageRank pageRank(*graph);
        pageRank.run();
        std::printf("PageRank: %.3f s (%d iterations to L1 change < 1e-6)\n", secondsSince(t0), pageRank.iterations());
    }
    if (want('m') || want('c')) {
        const auto t0 = Clock::now();
        Communities louvain(*graph, 1);
        louvain.run();
        std::printf("Louvain: %.2f s (%zu communities, modularity %.4f, %d levels)\n", secondsSince(t0),
                    louvain.count(), louvain.modularity(), louvain.levels());
    }
    if (want('m')) {
        auto t0 = Clock::now();
        Components components(*graph);
        components.run();
        std::printf("weak components: %.3f s (%zu, largest %llu)\n", secondsSince(t0), components.sizes().size(),
                    static_cast<unsigned long long>(components.sizes().front()));
        t0 = Clock::now();
        Betweenness betweenness(*graph, 50'000, 20, 1);
        betweenness.run();
        std::printf("betweenness, 20 sampled sources: %.2f s (so %.0f s for the default 1,000)\n", secondsSince(t0),
                    secondsSince(t0) * 50);
    }
    if (want('l')) {
        std::printf("\n== layout of a 10,000-person view ==\n");
        // The view a map shows around someone: the first 10,000 people in breadth-first order
        // from a few random users.
        std::vector<double> times;
        for (int round = 0; round < 3; ++round) {
            const Snapshot::Index centre = users[static_cast<std::size_t>(round)];
            std::vector<Snapshot::Index> order{centre};
            std::vector<bool> seen(n, false);
            seen[centre] = true;
            for (std::size_t head = 0; head < order.size() && order.size() < 10'000; ++head) {
                for (auto list : {graph->outNeighbours(order[head]), graph->inNeighbours(order[head])}) {
                    for (auto v : list) {
                        if (!seen[v] && order.size() < 10'000) {
                            seen[v] = true;
                            order.push_back(v);
                        }
                    }
                }
            }
            std::vector<PersonId> view;
            for (auto v : order) {
                view.push_back(graph->personAt(v));
            }
            const auto t0 = Clock::now();
            Layout layout(*graph, view, {.seed = 1});
            layout.run();
            times.push_back(secondsSince(t0));
            std::printf("layout of %zu people: %.2f s, %d iterations, %s\n", view.size(), times.back(),
                        layout.iterations(), layout.converged() ? "converged" : "NOT converged");
            std::ofstream viewOut(p.dir / ("view-" + std::to_string(round) + ".txt"));
            for (auto v : order) {
                viewOut << v << '\n';
            }
        }
    }
    return 0;
}
