#include "graph/WarmPaths.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <stdexcept>
#include <utility>

#include "graph/Scratch.h"

namespace warmpath {
namespace {

using Index = Snapshot::Index;
struct DijkstraTag {};

constexpr std::uint8_t kStrongKinds =
    linkbits::kKindMask & static_cast<std::uint8_t>(~linkbits::bit(LinkKind::Follows));
constexpr float kInfinity = std::numeric_limits<float>::infinity();

struct Candidate {
    double cost = 0;
    std::vector<Index> nodes;
    std::size_t deviation = 0;
};

/// The cost model and the constrained bidirectional Dijkstra Yen's algorithm calls repeatedly.
class Searcher {
public:
    Searcher(const Snapshot& g, Index origin, const WarmPathOptions& options)
        : m_g(g), m_origin(origin), m_undirected(options.direction == Direction::Undirected), m_maxHops(options.maxHops)
    {
        for (int along = 0; along < 2; ++along) {
            for (int bits = 0; bits < 128; ++bits) {
                m_kindCost[along][bits] = static_cast<float>(
                    -std::log(WarmPaths::hopWarmth(static_cast<std::uint8_t>(bits), 255, along != 0, false)));
            }
        }
        for (int c = 0; c < 256; ++c) {
            m_confidenceCost[c] = static_cast<float>(-std::log(std::max(c / 255.0, 0.05)));
        }
        m_coldFirstHopCost = static_cast<float>(-std::log(0.8));
        for (PersonId p : options.warmFirstHops) {
            if (auto v = g.indexOf(p)) {
                m_warm.push_back(*v);
            }
        }
        std::sort(m_warm.begin(), m_warm.end());
        for (PersonId p : options.avoid) {
            if (auto v = g.indexOf(p)) {
                m_avoid.push_back(*v);
            }
        }
    }

    [[nodiscard]] float cost(Index u, Index v, std::uint8_t bits, std::uint8_t confidence, bool along) const
    {
        float c = m_kindCost[along ? 1 : 0][bits & 0x7F] + m_confidenceCost[confidence];
        if (u == m_origin && !std::binary_search(m_warm.begin(), m_warm.end(), v)) {
            c += m_coldFirstHopCost;
        }
        return c;
    }

    /// The cheapest way to step u → v (either link direction the mode allows); infinity when none.
    [[nodiscard]] float hopCost(Index u, Index v) const
    {
        float best = kInfinity;
        if (auto i = m_g.findOut(u, v)) {
            best = cost(u, v, m_g.outBits(u)[*i], m_g.outConfidence(u)[*i], true);
        }
        if (m_undirected) {
            if (auto i = m_g.findOut(v, u)) {
                best = std::min(best, cost(u, v, m_g.outBits(v)[*i], m_g.outConfidence(v)[*i], false));
            }
        }
        return best;
    }

    [[nodiscard]] double pathCost(const std::vector<Index>& nodes, std::size_t upTo) const
    {
        double total = 0;
        for (std::size_t i = 0; i + 1 <= upTo && i + 1 < nodes.size(); ++i) {
            total += static_cast<double>(hopCost(nodes[i], nodes[i + 1]));
        }
        return total;
    }

    /// Cheapest path s → t avoiding `blockedNodes` (besides the avoid list) and the links
    /// s → x for x in `blockedFirstSteps`, using at most `hopBudget` hops.
    std::optional<std::pair<double, std::vector<Index>>> shortest(Index s, Index t,
                                                                  const std::vector<Index>& blockedNodes,
                                                                  const std::vector<Index>& blockedFirstSteps,
                                                                  int hopBudget)
    {
        auto& sc = graphdetail::Scratch<DijkstraTag>::forThisThread(m_g.personCount());
        for (Index v : blockedNodes) {
            sc.marksC.mark(v);
        }
        for (Index v : m_avoid) {
            if (v != s && v != t) {
                sc.marksC.mark(v);
            }
        }
        using Entry = std::pair<float, Index>;
        std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heapF;
        std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heapB;
        sc.marksA.mark(s);
        sc.c[s] = 0;
        sc.a[s] = Snapshot::kNoIndex;
        sc.hopsA[s] = 0;
        heapF.emplace(0.0F, s);
        sc.marksB.mark(t);
        sc.d[t] = 0;
        sc.b[t] = Snapshot::kNoIndex;
        sc.hopsB[t] = 0;
        heapB.emplace(0.0F, t);
        float best = kInfinity;
        Index meet = Snapshot::kNoIndex;
        if (s == t) {
            return std::make_pair(0.0, std::vector<Index>{s});
        }

        auto blockedStep = [&](Index from, Index to) {
            return from == s &&
                   std::find(blockedFirstSteps.begin(), blockedFirstSteps.end(), to) != blockedFirstSteps.end();
        };
        // Relaxes the step that the search side reaches `v` through from `u`; `cost` is the step's cost.
        auto relax = [&](bool forward, Index u, Index v, float stepCost) {
            auto& mine = forward ? sc.marksA : sc.marksB;
            auto& other = forward ? sc.marksB : sc.marksA;
            auto& dist = forward ? sc.c : sc.d;
            auto& otherDist = forward ? sc.d : sc.c;
            auto& parent = forward ? sc.a : sc.b;
            auto& hops = forward ? sc.hopsA : sc.hopsB;
            auto& otherHops = forward ? sc.hopsB : sc.hopsA;
            auto& heap = forward ? heapF : heapB;
            const float nd = dist[u] + stepCost;
            const int nh = hops[u] + 1;
            if (nh > hopBudget) {
                return;
            }
            if (!mine.seen(v) || nd < dist[v]) {
                mine.mark(v);
                dist[v] = nd;
                parent[v] = u;
                hops[v] = static_cast<std::uint16_t>(nh);
                heap.emplace(nd, v);
                if (other.seen(v) && nd + otherDist[v] < best && nh + otherHops[v] <= hopBudget) {
                    best = nd + otherDist[v];
                    meet = v;
                }
            }
        };

        while (!heapF.empty() && !heapB.empty()) {
            if (heapF.top().first + heapB.top().first >= best) {
                break;
            }
            const bool forward = heapF.size() <= heapB.size();
            auto& heap = forward ? heapF : heapB;
            const auto [key, u] = heap.top();
            heap.pop();
            if (key > (forward ? sc.c[u] : sc.d[u])) {
                continue;
            }
            if (forward) {
                // Steps u → v: along u's out-links; in undirected mode also against v → u links
                // that have no way back (a mutual pair is already covered by the out-link).
                const auto targets = m_g.outNeighbours(u);
                const auto bits = m_g.outBits(u);
                const auto conf = m_g.outConfidence(u);
                for (std::size_t i = 0; i < targets.size(); ++i) {
                    const Index v = targets[i];
                    if (!sc.marksC.seen(v) && !blockedStep(u, v)) {
                        relax(true, u, v, cost(u, v, bits[i], conf[i], true));
                    }
                }
                if (m_undirected) {
                    const auto sources = m_g.inNeighbours(u);
                    const auto inBits = m_g.inBits(u);
                    const auto inConf = m_g.inConfidence(u);
                    for (std::size_t i = 0; i < sources.size(); ++i) {
                        const Index v = sources[i];
                        if ((inBits[i] & linkbits::kReverseExists) == 0 && !sc.marksC.seen(v) && !blockedStep(u, v)) {
                            relax(true, u, v, cost(u, v, inBits[i], inConf[i], false));
                        }
                    }
                }
            } else {
                // Steps x → u seen from u: along x → u links (u's in-row); in undirected mode also
                // against u → x links with no way back.
                const auto sources = m_g.inNeighbours(u);
                const auto inBits = m_g.inBits(u);
                const auto inConf = m_g.inConfidence(u);
                for (std::size_t i = 0; i < sources.size(); ++i) {
                    const Index x = sources[i];
                    if (!sc.marksC.seen(x) && !blockedStep(x, u)) {
                        relax(false, u, x, cost(x, u, inBits[i], inConf[i], true));
                    }
                }
                if (m_undirected) {
                    const auto targets = m_g.outNeighbours(u);
                    const auto bits = m_g.outBits(u);
                    const auto conf = m_g.outConfidence(u);
                    for (std::size_t i = 0; i < targets.size(); ++i) {
                        const Index x = targets[i];
                        if ((bits[i] & linkbits::kReverseExists) == 0 && !sc.marksC.seen(x) && !blockedStep(x, u)) {
                            relax(false, u, x, cost(x, u, bits[i], conf[i], false));
                        }
                    }
                }
            }
        }
        if (meet == Snapshot::kNoIndex) {
            return std::nullopt;
        }
        std::vector<Index> path;
        for (Index v = meet; v != Snapshot::kNoIndex; v = sc.a[v]) {
            path.push_back(v);
        }
        std::reverse(path.begin(), path.end());
        for (Index v = sc.b[meet]; v != Snapshot::kNoIndex; v = sc.b[v]) {
            path.push_back(v);
        }
        // Parents may have improved after the meeting was recorded; keep only a clean simple path.
        std::vector<Index> sorted = path;
        std::sort(sorted.begin(), sorted.end());
        if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end() ||
            static_cast<int>(path.size()) - 1 > hopBudget) {
            return std::nullopt;
        }
        return std::make_pair(pathCost(path, path.size()), std::move(path));
    }

private:
    const Snapshot& m_g;
    Index m_origin;
    bool m_undirected;
    int m_maxHops;
    float m_kindCost[2][128]{};
    float m_confidenceCost[256]{};
    float m_coldFirstHopCost = 0;
    std::vector<Index> m_warm;
    std::vector<Index> m_avoid;
};

}  // namespace

double WarmPaths::hopWarmth(std::uint8_t bits, std::uint8_t confidence, bool alongLink, bool coldFirstHop)
{
    const bool strong = (bits & kStrongKinds) != 0 || (bits & linkbits::kReverseStrong) != 0;
    double w = 0;
    if (strong) {
        w = 1.0;
    } else if ((bits & linkbits::kReverseExists) != 0) {
        w = 0.85;
    } else {
        w = alongLink ? 0.6 : 0.35;
    }
    w *= 0.9 * std::max(confidence / 255.0, 0.05);
    if (coldFirstHop) {
        w *= 0.8;
    }
    return w;
}

WarmPaths::WarmPaths(const Snapshot& snapshot, PersonId from, PersonId to, WarmPathOptions options)
    : PathQuery(snapshot, from, to, options.direction), m_options(std::move(options))
{
    if (m_options.k < 1) {
        throw std::invalid_argument("k must be at least 1");
    }
    if (m_options.maxHops < 1) {
        throw std::invalid_argument("max hops must be at least 1");
    }
    for (PersonId p : m_options.avoid) {
        (void)snapshot.requireIndex(p);
    }
}

void WarmPaths::search()
{
    Searcher searcher(m_snapshot, m_from, m_options);
    if (m_from == m_to) {
        return;
    }
    std::vector<Candidate> accepted;
    std::vector<Candidate> pending;
    auto known = [&](const std::vector<Index>& nodes) {
        auto same = [&](const Candidate& c) { return c.nodes == nodes; };
        return std::any_of(accepted.begin(), accepted.end(), same) || std::any_of(pending.begin(), pending.end(), same);
    };
    if (auto first = searcher.shortest(m_from, m_to, {}, {}, m_options.maxHops)) {
        accepted.push_back({first->first, std::move(first->second), 0});
    }
    while (!accepted.empty() && static_cast<int>(accepted.size()) < m_options.k) {
        const Candidate& last = accepted.back();
        const std::vector<Index> lastNodes = last.nodes;
        for (std::size_t i = last.deviation; i + 1 < lastNodes.size(); ++i) {
            const Index spur = lastNodes[i];
            const std::vector<Index> root(lastNodes.begin(), lastNodes.begin() + static_cast<std::ptrdiff_t>(i) + 1);
            std::vector<Index> blockedSteps;
            for (const Candidate& p : accepted) {
                if (p.nodes.size() > i + 1 && std::equal(root.begin(), root.end(), p.nodes.begin())) {
                    blockedSteps.push_back(p.nodes[i + 1]);
                }
            }
            const std::vector<Index> blockedNodes(root.begin(), root.end() - 1);
            const int budget = m_options.maxHops - static_cast<int>(i);
            auto spurPath = searcher.shortest(spur, m_to, blockedNodes, blockedSteps, budget);
            if (!spurPath) {
                continue;
            }
            std::vector<Index> nodes = root;
            nodes.insert(nodes.end(), spurPath->second.begin() + 1, spurPath->second.end());
            if (!known(nodes)) {
                const double total = searcher.pathCost(nodes, nodes.size());
                pending.push_back({total, std::move(nodes), i});
            }
        }
        if (pending.empty()) {
            break;
        }
        auto best = std::min_element(pending.begin(), pending.end(), [](const Candidate& x, const Candidate& y) {
            return x.cost != y.cost ? x.cost < y.cost : x.nodes < y.nodes;
        });
        accepted.push_back(std::move(*best));
        pending.erase(best);
    }

    for (const Candidate& c : accepted) {
        WarmPath path;
        path.warmth = 1.0;
        for (std::size_t i = 0; i < c.nodes.size(); ++i) {
            path.people.push_back(m_snapshot.personAt(c.nodes[i]));
            if (i + 1 == c.nodes.size()) {
                break;
            }
            const Index u = c.nodes[i];
            const Index v = c.nodes[i + 1];
            PathHop hop{.from = m_snapshot.personAt(u), .to = m_snapshot.personAt(v)};
            double confidence = 0;
            if (auto j = m_snapshot.findOut(u, v)) {
                hop.kindsForward = m_snapshot.outBits(u)[*j] & linkbits::kKindMask;
                confidence = m_snapshot.outConfidence(u)[*j] / 255.0;
            }
            if (auto j = m_snapshot.findOut(v, u)) {
                hop.kindsBackward = m_snapshot.outBits(v)[*j] & linkbits::kKindMask;
                confidence = std::max(confidence, m_snapshot.outConfidence(v)[*j] / 255.0);
            }
            hop.confidence = confidence;
            hop.warmth = std::exp(-static_cast<double>(searcher.hopCost(u, v)));
            path.warmth *= hop.warmth;
            path.hops.push_back(hop);
        }
        m_paths.push_back(std::move(path));
    }
}

}  // namespace warmpath
