#include "graph/Metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>

#include "graph/Cancelled.h"
#include "graph/UndirectedView.h"

namespace warmpath {
namespace {

using Index = Snapshot::Index;

/// Renumbers labels so that 0 is the most frequent, then by size (ties by first appearance).
std::size_t renumberBySize(std::vector<std::uint32_t>& labels, std::vector<std::uint64_t>* sizesOut = nullptr)
{
    std::uint32_t maxLabel = 0;
    for (auto l : labels) {
        maxLabel = std::max(maxLabel, l);
    }
    std::vector<std::uint64_t> size(labels.empty() ? 0 : maxLabel + 1, 0);
    for (auto l : labels) {
        ++size[l];
    }
    std::vector<std::uint32_t> order;
    for (std::uint32_t l = 0; l < size.size(); ++l) {
        if (size[l] > 0) {
            order.push_back(l);
        }
    }
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return size[a] > size[b]; });
    std::vector<std::uint32_t> newLabel(size.size(), 0);
    for (std::uint32_t i = 0; i < order.size(); ++i) {
        newLabel[order[i]] = i;
    }
    for (auto& l : labels) {
        l = newLabel[l];
    }
    if (sizesOut != nullptr) {
        sizesOut->clear();
        for (auto l : order) {
            sizesOut->push_back(size[l]);
        }
    }
    return order.size();
}

}  // namespace

// --- PageRank ----------------------------------------------------------------------------------

PageRank::PageRank(const Snapshot& snapshot, double damping, double tolerance, int maxIterations)
    : m_snapshot(snapshot), m_damping(damping), m_tolerance(tolerance), m_maxIterations(maxIterations)
{
    if (damping <= 0 || damping >= 1 || tolerance <= 0 || maxIterations < 1) {
        throw std::invalid_argument("PageRank: damping must be in (0, 1), tolerance and iterations positive");
    }
}

void PageRank::run(const ProgressCallback& progress, const CancelToken* cancel)
{
    const std::size_t n = m_snapshot.personCount();
    m_ranks.assign(n, n == 0 ? 0.0 : 1.0 / static_cast<double>(n));
    if (n == 0) {
        return;
    }
    // Shares are read at random along every in-row: floats halve the memory they stream from,
    // and each person's sum is still accumulated in double.
    std::vector<float> share(n);
    std::vector<double> next(n);
    const double nd = static_cast<double>(n);
    for (m_iterations = 1; m_iterations <= m_maxIterations; ++m_iterations) {
        stopIfCancelled(cancel);
        double dangling = 0;
        for (Index u = 0; u < n; ++u) {
            const std::size_t out = m_snapshot.outDegree(u);
            if (out == 0) {
                dangling += m_ranks[u];
                share[u] = 0;
            } else {
                share[u] = static_cast<float>(m_ranks[u] / static_cast<double>(out));
            }
        }
        const double base = (1.0 - m_damping) / nd + m_damping * dangling / nd;
        double change = 0;
        // Pull along in-rows: every write is sequential, reads hit the share array.
        for (Index v = 0; v < n; ++v) {
            double sum = 0;
            for (Index u : m_snapshot.inNeighbours(v)) {
                sum += static_cast<double>(share[u]);
            }
            next[v] = base + m_damping * sum;
            change += std::abs(next[v] - m_ranks[v]);
        }
        m_ranks.swap(next);
        if (progress) {
            progress(static_cast<std::uint64_t>(m_iterations), 0, "PageRank");
        }
        if (change < m_tolerance) {
            break;
        }
    }
    m_iterations = std::min(m_iterations, m_maxIterations);
}

// --- Components --------------------------------------------------------------------------------

void Components::run()
{
    const std::size_t n = m_snapshot.personCount();
    std::vector<Index> parent(n);
    std::iota(parent.begin(), parent.end(), 0U);
    auto find = [&](Index v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    };
    for (Index u = 0; u < n; ++u) {
        for (Index v : m_snapshot.outNeighbours(u)) {
            const Index a = find(u);
            const Index b = find(v);
            if (a != b) {
                parent[std::max(a, b)] = std::min(a, b);
            }
        }
    }
    m_component.resize(n);
    for (Index v = 0; v < n; ++v) {
        m_component[v] = find(v);
    }
    renumberBySize(m_component, &m_sizes);
}

// --- Betweenness -------------------------------------------------------------------------------

Betweenness::Betweenness(const Snapshot& snapshot, std::size_t exactUpTo, std::size_t samples, std::uint64_t seed)
    : m_snapshot(snapshot), m_exactUpTo(exactUpTo), m_samples(samples), m_seed(seed)
{
    if (samples == 0) {
        throw std::invalid_argument("Betweenness: at least one sample");
    }
}

double Betweenness::errorBound() const
{
    if (!m_sampled) {
        return 0;
    }
    const double n = static_cast<double>(m_snapshot.personCount());
    return n / (n - 1) * std::sqrt(std::log(2.0 / 0.01) / (2.0 * static_cast<double>(m_samples)));
}

void Betweenness::run(const ProgressCallback& progress, const CancelToken* cancel)
{
    const std::size_t n = m_snapshot.personCount();
    m_values.assign(n, 0);
    if (n < 3) {
        return;
    }
    const auto view = graphdetail::UndirectedView::of(m_snapshot);
    std::vector<Index> sources;
    m_sampled = n > m_exactUpTo;
    if (m_sampled) {
        std::mt19937_64 rng(m_seed);
        std::uniform_int_distribution<Index> pick(0, static_cast<Index>(n - 1));
        for (std::size_t i = 0; i < m_samples; ++i) {
            sources.push_back(pick(rng));
        }
    } else {
        sources.resize(n);
        std::iota(sources.begin(), sources.end(), 0U);
    }
    std::vector<std::int32_t> dist(n, -1);
    std::vector<double> sigma(n, 0);
    std::vector<double> delta(n, 0);
    std::vector<Index> order;
    order.reserve(n);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if ((i & 63U) == 0) {
            stopIfCancelled(cancel);
            if (progress) {
                progress(i, sources.size(), "betweenness");
            }
        }
        const Index s = sources[i];
        order.clear();
        order.push_back(s);
        dist[s] = 0;
        sigma[s] = 1;
        for (std::size_t head = 0; head < order.size(); ++head) {
            const Index u = order[head];
            for (std::uint64_t e = view.offsets[u]; e < view.offsets[u + 1]; ++e) {
                const Index v = view.neighbours[e];
                if (dist[v] < 0) {
                    dist[v] = dist[u] + 1;
                    order.push_back(v);
                }
                if (dist[v] == dist[u] + 1) {
                    sigma[v] += sigma[u];
                }
            }
        }
        for (std::size_t k = order.size(); k-- > 0;) {
            const Index w = order[k];
            for (std::uint64_t e = view.offsets[w]; e < view.offsets[w + 1]; ++e) {
                const Index v = view.neighbours[e];
                if (dist[v] == dist[w] - 1) {
                    delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
                }
            }
            if (w != s) {
                m_values[w] += delta[w];
            }
        }
        for (Index v : order) {
            dist[v] = -1;
            sigma[v] = 0;
            delta[v] = 0;
        }
    }
    // Over all sources every unordered pair is counted twice; normalise by (n-1)(n-2)/2 pairs.
    const double nd = static_cast<double>(n);
    const double scale = (m_sampled ? nd / static_cast<double>(sources.size()) : 1.0) / ((nd - 1) * (nd - 2));
    for (double& b : m_values) {
        b *= scale;
    }
}

// --- Communities (Louvain) ---------------------------------------------------------------------

namespace {

/// An aggregated level. The first level is the undirected view itself (float weights of 1 and
/// 2). Every weight after that is a sum of those, a whole number: 32-bit integers hold it
/// exactly for any graph of fewer than a billion links (checked in Communities::run).
struct Level {
    std::vector<std::uint64_t> offsets;
    std::vector<Index> neighbours;
    std::vector<std::uint32_t> weights;  ///< an entry (i, i) is the weight inside an aggregated node
    [[nodiscard]] std::size_t size() const { return offsets.size() - 1; }
};

constexpr std::uint32_t kSelf = 0xFFFFFFFFU;  ///< a neighbour entry that is the person itself
constexpr std::size_t kPrefetchAhead = 16;
constexpr std::size_t kPrefetchVisits = 4;
/// A person is visited again once neighbours holding 1/kRevisitShare of their link weight have
/// moved to other communities (anyone with up to kRevisitShare links: as soon as one moves).
constexpr double kRevisitShare = 32;

/// One round of local moves, starting with person `firstVisit`; returns true when anyone moved.
template <class Graph>
bool moveNodes(const Graph& g, std::vector<std::uint32_t>& community, std::size_t firstVisit, const CancelToken* cancel)
{
    const std::size_t n = g.size();
    // What a visit reads of each neighbour's community, side by side: one cache line per
    // community instead of two. `linksFrom` is the weight of the visited person's links into
    // the community, zero between visits. Weights are whole numbers (1 and 2, and sums of
    // those), so 32-bit integers hold them exactly in half the space of a double (see run()).
    struct CommunityState {
        std::uint32_t total = 0;
        std::uint32_t linksFrom = 0;
    };
    // What a move writes to each neighbour, side by side for the same reason.
    struct PersonState {
        std::uint32_t degree = 0;
        std::uint32_t movedAway = 0;  ///< weight of neighbours that moved away since the last visit
    };
    std::vector<PersonState> person(n);
    double total = 0;
    for (Index i = 0; i < n; ++i) {
        for (std::uint64_t e = g.offsets[i]; e < g.offsets[i + 1]; ++e) {
            person[i].degree += static_cast<std::uint32_t>(g.weights[e]);
        }
        total += static_cast<double>(person[i].degree);
    }
    if (total == 0) {
        return false;
    }
    community.resize(n);
    std::iota(community.begin(), community.end(), 0U);
    std::vector<CommunityState> state(n);
    for (Index i = 0; i < n; ++i) {
        state[i].total = person[i].degree;
    }
    std::vector<std::uint32_t> touched;
    std::vector<std::uint32_t> neighbourCommunity;
    // Fast local moving (Traag et al. 2019, the Leiden paper): visit everyone once, then only
    // the neighbours of people who moved, instead of sweeping everyone again and again. The
    // first round goes round in person order from `firstVisit`: rows are then read one after
    // the other instead of at random (a quarter faster in the benchmark), and the seed decides
    // where it starts. A neighbour is queued again only once a share of its links has moved
    // away (kRevisitShare): a celebrity re-read in full for each of its followers that moves
    // was a third of all the work, and one follower more or less does not change where a
    // celebrity belongs. Stops when nobody is left to visit, or when the last sweep's worth
    // of work gained less than 1e-3 of modularity (graphs with weak structure otherwise trade
    // people back and forth).
    std::vector<Index> queue(n);
    for (std::size_t k = 0; k < n; ++k) {
        queue[k] = static_cast<Index>((firstVisit + k) % n);
    }
    std::vector<std::uint8_t> queued(n, 1);
    std::size_t head = 0;
    std::uint64_t work = 0;
    const std::uint64_t windowWork = g.neighbours.size() + n;
    double windowGain = 0;
    bool movedAny = false;
    while (head < queue.size()) {
        // The rows of the next few people to visit, fetched while this one is worked on.
        if (head + kPrefetchVisits < queue.size()) {
            __builtin_prefetch(g.offsets.data() + queue[head + kPrefetchVisits]);
        }
        if (head + 1 < queue.size()) {
            const Index next = queue[head + 1];
            __builtin_prefetch(g.neighbours.data() + g.offsets[next]);
            __builtin_prefetch(g.weights.data() + g.offsets[next]);
            __builtin_prefetch(person.data() + next, 1);
        }
        const Index i = queue[head++];
        queued[i] = 0;
        person[i].movedAway = 0;
        if (head > n && head * 2 > queue.size()) {
            queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(head));
            head = 0;
        }
        const std::uint32_t old = community[i];
        const std::uint64_t begin = g.offsets[i];
        const std::size_t size = g.offsets[i + 1] - begin;
        // Two passes over the neighbours: their communities first (independent random reads
        // that the processor overlaps), then the sums, prefetched a few entries ahead. In one
        // pass each read waited behind a branch on the previous one, at memory latency.
        neighbourCommunity.resize(size);
        for (std::size_t k = 0; k < size; ++k) {
            const Index j = g.neighbours[begin + k];
            neighbourCommunity[k] = j == i ? kSelf : community[j];
        }
        touched.clear();
        for (std::size_t k = 0; k < size; ++k) {
            if (k + kPrefetchAhead < size) {
                const std::uint32_t ahead = neighbourCommunity[k + kPrefetchAhead];
                __builtin_prefetch(state.data() + (ahead == kSelf ? 0 : ahead), 1);
            }
            const std::uint32_t c = neighbourCommunity[k];
            if (c == kSelf) {
                continue;
            }
            if (state[c].linksFrom == 0) {
                touched.push_back(c);
            }
            state[c].linksFrom += static_cast<std::uint32_t>(g.weights[begin + k]);
        }
        const std::uint32_t degree = person[i].degree;
        const double share = static_cast<double>(degree) / total;
        state[old].total -= degree;
        std::uint32_t best = old;
        const double stay = static_cast<double>(state[old].linksFrom) - static_cast<double>(state[old].total) * share;
        double bestGain = stay;
        for (std::uint32_t c : touched) {
            const double gain = static_cast<double>(state[c].linksFrom) - static_cast<double>(state[c].total) * share;
            if (gain > bestGain + 1e-12) {
                best = c;
                bestGain = gain;
            }
        }
        state[best].total += degree;
        community[i] = best;
        for (std::uint32_t c : touched) {
            state[c].linksFrom = 0;
        }
        state[old].linksFrom = 0;
        if (best != old) {
            movedAny = true;
            windowGain += bestGain - stay;
            for (std::size_t k = 0; k < size; ++k) {
                const Index j = g.neighbours[begin + k];
                if (queued[j] != 0 || neighbourCommunity[k] == kSelf || neighbourCommunity[k] == best) {
                    continue;
                }
                PersonState& p = person[j];
                p.movedAway += static_cast<std::uint32_t>(g.weights[begin + k]);
                if (static_cast<double>(p.movedAway) * kRevisitShare >= static_cast<double>(p.degree)) {
                    queued[j] = 1;
                    queue.push_back(j);
                }
            }
        }
        // Windows are measured in links looked at, not people visited: a celebrity re-queued
        // by each neighbour that moves would otherwise cost a whole sweep per visit.
        work += size + 1;
        if (work >= windowWork) {
            stopIfCancelled(cancel);
            if (2 * windowGain / total < 1e-3) {
                break;
            }
            windowGain = 0;
            work = 0;
        }
    }
    return movedAny;
}

template <class Graph>
Level aggregate(const Graph& g, const std::vector<std::uint32_t>& community, std::size_t communities)
{
    const std::size_t n = g.size();
    std::vector<std::uint64_t> start(communities + 1, 0);
    for (Index i = 0; i < n; ++i) {
        ++start[community[i] + 1];
    }
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<Index> members(n);
    {
        std::vector<std::uint64_t> cursor(start.begin(), start.end() - 1);
        for (Index i = 0; i < n; ++i) {
            members[cursor[community[i]]++] = i;
        }
    }
    Level next;
    next.offsets.assign(communities + 1, 0);
    next.neighbours.reserve(g.neighbours.size() / 2);
    next.weights.reserve(g.neighbours.size() / 2);
    std::vector<std::uint32_t> weightTo(communities, 0);
    std::vector<std::uint32_t> touched;
    std::vector<std::uint32_t> rowCommunity;
    for (std::uint32_t c = 0; c < communities; ++c) {
        touched.clear();
        for (std::uint64_t m = start[c]; m < start[c + 1]; ++m) {
            // Members' rows lie anywhere: fetch the next ones while this one is summed.
            if (m + kPrefetchVisits < n) {
                __builtin_prefetch(g.offsets.data() + members[m + kPrefetchVisits]);
            }
            if (m + 1 < n) {
                __builtin_prefetch(g.neighbours.data() + g.offsets[members[m + 1]]);
                __builtin_prefetch(g.weights.data() + g.offsets[members[m + 1]]);
            }
            const Index i = members[m];
            const std::uint64_t begin = g.offsets[i];
            const std::size_t size = g.offsets[i + 1] - begin;
            // Communities first, then the sums with prefetching, as in moveNodes().
            rowCommunity.resize(size);
            for (std::size_t k = 0; k < size; ++k) {
                rowCommunity[k] = community[g.neighbours[begin + k]];
            }
            for (std::size_t k = 0; k < size; ++k) {
                if (k + kPrefetchAhead < size) {
                    __builtin_prefetch(weightTo.data() + rowCommunity[k + kPrefetchAhead], 1);
                }
                const std::uint32_t d = rowCommunity[k];
                if (weightTo[d] == 0) {
                    touched.push_back(d);
                }
                weightTo[d] += static_cast<std::uint32_t>(g.weights[begin + k]);
            }
        }
        // In the order first met, not sorted: nothing downstream needs sorted rows, and the
        // order is still fixed by the input, so results stay deterministic.
        for (std::uint32_t d : touched) {
            next.neighbours.push_back(d);
            next.weights.push_back(weightTo[d]);
            weightTo[d] = 0;
        }
        next.offsets[c + 1] = next.neighbours.size();
    }
    return next;
}

}  // namespace

Communities::Communities(const Snapshot& snapshot, std::uint64_t seed) : m_snapshot(snapshot), m_seed(seed)
{
}

void Communities::run(const ProgressCallback& progress, const CancelToken* cancel)
{
    const std::size_t n = m_snapshot.personCount();
    const auto original = graphdetail::UndirectedView::of(m_snapshot);
    std::vector<std::uint32_t> membership(n);
    std::iota(membership.begin(), membership.end(), 0U);
    std::mt19937_64 rng(m_seed);
    m_levels = 0;
    Level level;
    // One pass of local moves and, when it changed anything, the aggregated graph for the next.
    auto pass = [&](const auto& g) {
        std::vector<std::uint32_t> community;
        const auto firstVisit = std::uniform_int_distribution<std::size_t>(0, g.size() - 1)(rng);
        if (!moveNodes(g, community, firstVisit, cancel)) {
            return false;
        }
        const std::size_t count = renumberBySize(community);
        for (auto& m : membership) {
            m = community[m];
        }
        ++m_levels;
        if (progress) {
            progress(static_cast<std::uint64_t>(m_levels), 0, "communities");
        }
        if (count == g.size()) {
            return false;
        }
        level = aggregate(g, community, count);
        return true;
    };
    // Every link weighs at most 2 and is seen from both ends, so 32-bit weight sums (see
    // moveNodes()) hold any graph of fewer than a billion links.
    if (original.neighbours.size() >= (std::uint64_t{1} << 31)) {
        throw std::length_error("community detection handles up to a billion links");
    }
    if (original.size() > 1 && pass(original)) {
        while (level.size() > 1 && pass(level)) {
        }
    }
    m_count = renumberBySize(membership);
    m_community = std::move(membership);

    // Modularity on the original graph.
    double total = 0;
    std::vector<double> inside(m_count, 0);
    std::vector<double> tot(m_count, 0);
    for (Index i = 0; i < n; ++i) {
        for (std::uint64_t e = original.offsets[i]; e < original.offsets[i + 1]; ++e) {
            total += static_cast<double>(original.weights[e]);
            tot[m_community[i]] += static_cast<double>(original.weights[e]);
            if (m_community[original.neighbours[e]] == m_community[i]) {
                inside[m_community[i]] += static_cast<double>(original.weights[e]);
            }
        }
    }
    m_modularity = 0;
    if (total > 0) {
        for (std::size_t c = 0; c < m_count; ++c) {
            m_modularity += inside[c] / total - (tot[c] / total) * (tot[c] / total);
        }
    }
}

}  // namespace warmpath
