#pragma once

// The warm-path search as it was before the A* spur searches (issue 4): Yen + Lawler over a
// plain bidirectional Dijkstra per spur. WarmPaths falls back on its spur search where the A*
// would wander (a spur far from the target's ball), and the tests use the whole as the
// reference the faster search must agree with. Like the A*, it keeps one label a person, so
// under a binding hop limit it can miss the cheapest path; it says when that may have happened
// (mayHaveMissedUnderHopBudget()), and WarmPaths then searches again exactly. Internal to
// core/graph.

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <queue>
#include <utility>
#include <vector>

#include "graph/StepCosts.h"
#include "graph/WarmPaths.h"
#include "graph/YenPaths.h"

namespace warmpath::graphdetail::bidirectional {

using Index = Snapshot::Index;

/// Everything one search keeps per person, both sides side by side: relaxing a link touches
/// one cache line instead of one per array. A stamp equal to the search's number means "set in
/// this search", so nothing is cleared between searches.
struct NodeState {
    std::uint32_t stamp[3];  ///< forward seen, backward seen, blocked
    float dist[2];
    Snapshot::Index parent[2];
    std::uint16_t hops[2];
};
constexpr int kBlocked = 2;

class SearchState {
public:
    static SearchState& forThisThread(std::size_t n)
    {
        thread_local SearchState state;
        if (state.m_nodes.size() != n) {
            state.m_nodes.assign(n, NodeState{});
            state.m_current = 0;
        }
        if (++state.m_current == 0) {
            std::fill(state.m_nodes.begin(), state.m_nodes.end(), NodeState{});
            state.m_current = 1;
        }
        return state;
    }
    NodeState& operator[](Snapshot::Index v) { return m_nodes[v]; }
    [[nodiscard]] std::uint32_t current() const { return m_current; }
    [[nodiscard]] bool seen(Snapshot::Index v, int which) const { return m_nodes[v].stamp[which] == m_current; }
    void mark(Snapshot::Index v, int which) { m_nodes[v].stamp[which] = m_current; }

private:
    std::vector<NodeState> m_nodes;
    std::uint32_t m_current = 0;
};

constexpr float kInfinity = std::numeric_limits<float>::infinity();
constexpr std::uint32_t kSettle = 0xFFFFFFFFU;
constexpr std::uint32_t kPositionMask = (1U << 29) - 1;
/// Rows longer than this are handed out lazily, one cost class at a time.
constexpr std::size_t kStreamAbove = 64;

/// The cost model and the constrained bidirectional Dijkstra Yen's algorithm calls repeatedly.
class Searcher {
public:
    Searcher(const Snapshot& g, Index origin, const WarmPathOptions& options)
        : m_g(g), m_origin(origin), m_undirected(options.direction == Direction::Undirected)
    {
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
        float c = m_costs.kind[along ? 1 : 0][bits & 0x7F] + m_costs.confidence[confidence];
        if (u == m_origin && !std::binary_search(m_warm.begin(), m_warm.end(), v)) {
            c += m_costs.coldFirstHop;
        }
        return c;
    }

    /// What the step u → v costs: along the link u → v where there is one, else (undirected)
    /// against the link v → u, as the searches step; infinity when neither. Not the cheaper of
    /// the two: where the two directions carry different confidences, paths would be priced
    /// by a cost the search did not minimise, and come out of order.
    [[nodiscard]] float hopCost(Index u, Index v) const
    {
        if (auto i = m_g.findOut(u, v)) {
            return cost(u, v, m_g.outBits(u)[*i], m_g.outConfidence(u)[*i], true);
        }
        if (m_undirected) {
            if (auto i = m_g.findOut(v, u)) {
                return cost(u, v, m_g.outBits(v)[*i], m_g.outConfidence(v)[*i], false);
            }
        }
        return kInfinity;
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
                                                                  int hopBudget, float costBound = kInfinity)
    {
        SearchState& st = SearchState::forThisThread(m_g.personCount());
        m_conflictCost = kInfinity;
        m_cutCost = kInfinity;
        for (Index v : blockedNodes) {
            st.mark(v, kBlocked);
        }
        for (Index v : m_avoid) {
            if (v != s && v != t) {
                st.mark(v, kBlocked);
            }
        }
        // A heap entry is a person to settle (tag kSettle) or a stream over one cost class of a
        // big person's links (tag: row << 31 | class << 29 | next position), which hands out one
        // neighbour at a time at a key that bounds their cost from below. A celebrity's 100,000
        // followers are then only looked at while they could still be on a cheaper path.
        struct Entry {
            float key;
            Index node;
            std::uint32_t tag;
            bool operator>(const Entry& other) const { return key > other.key; }
        };
        std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heapF;
        std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heapB;
        st.mark(s, 0);
        st[s].dist[0] = 0;
        st[s].parent[0] = Snapshot::kNoIndex;
        st[s].hops[0] = 0;
        heapF.push({0.0F, s, kSettle});
        st.mark(t, 1);
        st[t].dist[1] = 0;
        st[t].parent[1] = Snapshot::kNoIndex;
        st[t].hops[1] = 0;
        heapB.push({0.0F, t, kSettle});
        // A path that costs costBound or more is of no use to the caller: search as if one had been found.
        float best = costBound;
        // The path through a meeting person is written down when it becomes the best: labels
        // improve later, and the path read from them then may have more hops than the budget
        // or a loop, which dropped the search's answer altogether.
        std::vector<Index> bestPath;
        std::vector<Index> meetingPath;
        auto readMeetingPath = [&](Index meet) {
            meetingPath.clear();
            const auto longest = static_cast<std::size_t>(hopBudget) + 1;
            for (Index v = meet; v != Snapshot::kNoIndex && meetingPath.size() <= longest; v = st[v].parent[0]) {
                meetingPath.push_back(v);
            }
            std::reverse(meetingPath.begin(), meetingPath.end());
            for (Index v = st[meet].parent[1]; v != Snapshot::kNoIndex && meetingPath.size() <= longest;
                 v = st[v].parent[1]) {
                meetingPath.push_back(v);
            }
            if (meetingPath.size() > longest) {
                return false;
            }
            std::vector<Index> sorted = meetingPath;
            std::sort(sorted.begin(), sorted.end());
            return std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
        };
        if (s == t) {
            return std::make_pair(0.0, std::vector<Index>{s});
        }

        auto blockedStep = [&](Index from, Index to) {
            return from == s &&
                   std::find(blockedFirstSteps.begin(), blockedFirstSteps.end(), to) != blockedFirstSteps.end();
        };
        // Relaxes the step by which the search side reaches `v` from `u` at cost `stepCost`.
        auto relax = [&](bool forward, Index u, Index v, float stepCost) {
            const int side = forward ? 0 : 1;
            const int other = 1 - side;
            auto& heap = forward ? heapF : heapB;
            const NodeState& from = st[u];
            const float nd = from.dist[side] + stepCost;
            const int nh = from.hops[side] + 1;
            if (nh > hopBudget) {
                m_cutCost = std::min(m_cutCost, nd);
                return;
            }
            NodeState& to = st[v];
            if (to.stamp[side] == st.current()) {
                if (nd < to.dist[side] ? to.hops[side] < nh : nh < to.hops[side]) {
                    m_conflictCost = std::min({m_conflictCost, nd, to.dist[side]});
                }
            }
            if (to.stamp[side] != st.current() || nd < to.dist[side]) {
                to.stamp[side] = st.current();
                to.dist[side] = nd;
                to.parent[side] = u;
                to.hops[side] = static_cast<std::uint16_t>(nh);
                heap.push({nd, v, kSettle});
                if (to.stamp[other] == st.current() && nd + to.dist[other] < best) {
                    if (nh + to.hops[other] <= hopBudget && readMeetingPath(v)) {
                        best = nd + to.dist[other];
                        bestPath.swap(meetingPath);
                    } else {
                        m_cutCost = std::min(m_cutCost, nd + to.dist[other]);
                    }
                }
            }
        };
        // Row 0 ("along"): forward, u's out-links u → v; backward, u's in-links x → u.
        // Row 1 ("against", undirected only): forward, in-links v → u with no way back;
        // backward, out-links u → x with no way back. Entry i of a row: the neighbour, the step's
        // cost and its class, or false when the entry is not a usable step.
        // `wantedClass` (a stream's class, or -1 for any) is checked before the blocked mark: a
        // stream skips most of a hub's row, and the mark is a look-up far away in memory.
        auto entry = [&](bool forward, Index u, int row, std::size_t i, Index& w, float& stepCost, int& cls,
                         int wantedClass) {
            const bool outRow = (row == 0) == forward;
            const std::uint8_t bits = outRow ? m_g.outBits(u)[i] : m_g.inBits(u)[i];
            if (row == 1 && (bits & linkbits::kReverseExists) != 0) {
                return false;
            }
            cls = classOf(bits, row == 0);
            if (wantedClass >= 0 && cls != wantedClass) {
                return false;
            }
            const Index other = outRow ? m_g.outNeighbours(u)[i] : m_g.inNeighbours(u)[i];
            const std::uint8_t conf = outRow ? m_g.outConfidence(u)[i] : m_g.inConfidence(u)[i];
            const Index from = forward ? u : other;
            const Index to = forward ? other : u;
            if (st.seen(other, kBlocked) || blockedStep(from, to)) {
                return false;
            }
            w = other;
            stepCost = cost(from, to, bits, conf, row == 0);
            return true;
        };
        auto rowSize = [&](bool forward, Index u, int row) {
            return (row == 0) == forward ? m_g.outDegree(u) : m_g.inDegree(u);
        };
        // The stop rule (the two heap tops add up to the best path) holds only where every
        // settled person has scanned its links. A link between a person settled forward and one
        // settled backward can be pending in both people's streams, each stream's key bounding
        // only its own side: checked here instead, whenever a person with streamed rows is
        // settled, against those the other side has settled (a few dozen at most).
        std::vector<Index> streamedHubs[2];
        auto checkAgainstOtherSideHubs = [&](bool forward, Index u) {
            const Index* hubs = streamedHubs[forward ? 1 : 0].data();
            const std::size_t count = streamedHubs[forward ? 1 : 0].size();
            const auto out = m_g.outNeighbours(u);
            const auto in = m_g.inNeighbours(u);
            for (std::size_t j = 0; j < count; ++j) {
                const Index h = hubs[j];
                // Forward, the step u → h; backward, h → u: along u's out-row forward (in-row
                // backward), or (undirected) against a link the other way with no way back.
                const auto along = forward ? out : in;
                const auto against = forward ? in : out;
                std::size_t at = 0;
                int row = -1;
                if (auto it = std::lower_bound(along.begin(), along.end(), h); it != along.end() && *it == h) {
                    at = static_cast<std::size_t>(it - along.begin());
                    row = 0;
                } else if (m_undirected) {
                    if (auto jt = std::lower_bound(against.begin(), against.end(), h);
                        jt != against.end() && *jt == h) {
                        at = static_cast<std::size_t>(jt - against.begin());
                        row = 1;
                    }
                }
                Index w = 0;
                float stepCost = 0;
                int cls = 0;
                if (row >= 0 && entry(forward, u, row, at, w, stepCost, cls, -1)) {
                    relax(forward, u, w, stepCost);
                }
            }
        };

        while (!heapF.empty() && !heapB.empty()) {
            if (heapF.top().key + heapB.top().key >= best) {
                break;
            }
            const bool forward = heapF.size() <= heapB.size();
            auto& heap = forward ? heapF : heapB;
            const Entry top = heap.top();
            heap.pop();
            const Index u = top.node;
            const float du = st[u].dist[forward ? 0 : 1];
            if (top.tag != kSettle) {
                const int row = static_cast<int>(top.tag >> 31);
                const int cls = static_cast<int>((top.tag >> 29) & 3U);
                const std::size_t size = rowSize(forward, u, row);
                for (std::size_t i = top.tag & kPositionMask; i < size; ++i) {
                    Index w = 0;
                    float stepCost = 0;
                    int wCls = 0;
                    if (entry(forward, u, row, i, w, stepCost, wCls, cls)) {
                        relax(forward, u, w, stepCost);
                        if (i + 1 < size) {
                            heap.push(
                                {top.key, u, top.tag - (top.tag & kPositionMask) + static_cast<std::uint32_t>(i + 1)});
                        }
                        break;
                    }
                }
                continue;
            }
            if (top.key > du) {
                continue;  // settled before at a lower cost
            }
            if (st[u].hops[forward ? 0 : 1] >= hopBudget) {
                m_cutCost = std::min(m_cutCost, du);
                continue;  // no step from here fits in the hop budget
            }
            bool streamed = false;
            for (int row = 0; row < (m_undirected ? 2 : 1); ++row) {
                const std::size_t size = rowSize(forward, u, row);
                if (size > kStreamAbove) {
                    streamed = true;
                    for (std::uint32_t cls = 0; cls < 4; ++cls) {
                        heap.push(
                            {du + m_costs.classBase[cls], u, (static_cast<std::uint32_t>(row) << 31) | (cls << 29)});
                    }
                    continue;
                }
                for (std::size_t i = 0; i < size; ++i) {
                    Index w = 0;
                    float stepCost = 0;
                    int cls = 0;
                    if (entry(forward, u, row, i, w, stepCost, cls, -1)) {
                        relax(forward, u, w, stepCost);
                    }
                }
            }
            if (streamed) {
                checkAgainstOtherSideHubs(forward, u);
                streamedHubs[forward ? 0 : 1].push_back(u);
            }
        }
        m_answerCost = best;
        if (bestPath.empty()) {
            return std::nullopt;
        }
        return std::make_pair(pathCost(bestPath, bestPath.size()), std::move(bestPath));
    }

    /// Whether the last shortest() may have missed the cheapest path within its hop budget:
    /// each side keeps one label a person (the cheapest way in); a dearer way in with fewer
    /// hops was dropped, and the budget cut a path short, both below the answer's cost (each
    /// side's cost so far bounds any path through it from below).
    [[nodiscard]] bool mayHaveMissedUnderHopBudget() const
    {
        return m_conflictCost < m_answerCost && m_cutCost < m_answerCost;
    }
    /// The cost of the last shortest()'s answer as the search added it up, or its cost bound
    /// when it found none.
    [[nodiscard]] float answerCost() const { return m_answerCost; }

private:
    float m_conflictCost = kInfinity;
    float m_cutCost = kInfinity;
    float m_answerCost = kInfinity;
    const Snapshot& m_g;
    Index m_origin;
    bool m_undirected;
    StepCosts m_costs = StepCosts::get();
    std::vector<Index> m_warm;
    std::vector<Index> m_avoid;
};

inline std::vector<std::pair<double, std::vector<Snapshot::Index>>>
referenceWarmPaths(const Snapshot& g, Snapshot::Index from, Snapshot::Index to, const WarmPathOptions& options)
{
    Searcher searcher(g, from, options);
    const auto paths = yenPaths(
        g, from, to, options.k, options.maxHops,
        [&](Index spur, const std::vector<Index>& blockedNodes, const std::vector<Index>& blockedSteps, int budget,
            float bound) { return searcher.shortest(spur, to, blockedNodes, blockedSteps, budget, bound); },
        [&](const std::vector<Index>& nodes, std::size_t upTo) { return searcher.pathCost(nodes, upTo); });
    std::vector<std::pair<double, std::vector<Snapshot::Index>>> out;
    for (const YenPath& c : paths) {
        out.emplace_back(c.cost, c.nodes);
    }
    return out;
}

}  // namespace warmpath::graphdetail::bidirectional
