#include "graph/WarmPaths.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <span>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "graph/BidirectionalWarmPaths.h"
#include "graph/SpurSearchLimits.h"
#include "graph/StepCosts.h"
#include "graph/YenPaths.h"

namespace warmpath {
namespace {

using Index = Snapshot::Index;

constexpr std::uint32_t kNone = 0xFFFFFFFFU;

/// Everything the searches of one query keep per person: the target ball (side 1) and the
/// current spur search (side 0) side by side, so that looking a person up touches one cache
/// line. A stamp equal to the current search's (or ball's) number means "set", so nothing is
/// cleared between searches.
/// 32 bytes, aligned, so that it never straddles two cache lines (at 40 bytes half of the
/// people did, and a look-up far away in memory is most of a query's time).
struct alignas(32) NodeState {
    std::uint32_t stamp[3];  ///< current forward search, target ball, blocked in the current search
    float dist[2];
    Index parent[2];
    std::uint16_t hops[2];  ///< the ball's has kSettledInBall on top once its distance is final
};
static_assert(sizeof(NodeState) == 32);
constexpr int kForward = 0;
constexpr int kBall = 1;
constexpr int kBlocked = 2;
constexpr std::uint16_t kSettledInBall = 0x8000;

/// A heap entry: a person to settle (tag kSettle, g its cost when pushed) or a stream over one
/// cost class of a big person's links (tag: row << 31 | class << 29 | next position), which
/// hands out one neighbour at a time at a key that bounds their cost from below. A celebrity's
/// 100,000 followers are then only looked at while they could still be on a cheaper path.
struct Entry {
    float key;
    float g;
    Index node;
    std::uint32_t tag;
};
constexpr std::uint32_t kSettle = 0xFFFFFFFFU;
/// Tag of the entry that checks a forward hub against the ball's hubs (see expand()).
constexpr std::uint32_t kCheckBallHubs = 0xFFFFFFFEU;
constexpr std::uint32_t kPositionMask = (1U << 29) - 1;

/// A four-way min-heap of entries: half the levels of a binary heap, and the four children
/// of a slot share a cache line or two (the heaps were a quarter of a query's instructions).
class MinHeap {
public:
    void clear() { m_entries.clear(); }
    [[nodiscard]] bool empty() const { return m_entries.empty(); }
    [[nodiscard]] const Entry& top() const { return m_entries.front(); }
    void push(Entry e)
    {
        m_entries.push_back(e);
        climb(m_entries.size() - 1, e);
    }
    Entry pop()
    {
        const Entry top = m_entries.front();
        const Entry last = m_entries.back();
        m_entries.pop_back();
        const std::size_t size = m_entries.size();
        if (size == 0) {
            return top;
        }
        // Bottom-up: the hole goes down to a leaf by the smallest children, and the last entry,
        // which belongs near the bottom anyway, climbs back from there (fewer comparisons).
        std::size_t hole = 0;
        for (;;) {
            const std::size_t first = 4 * hole + 1;
            if (first >= size) {
                break;
            }
            std::size_t best = first;
            if (first + 4 <= size) {
                const std::size_t a = before(m_entries[first + 1], m_entries[first]) ? first + 1 : first;
                const std::size_t b = before(m_entries[first + 3], m_entries[first + 2]) ? first + 3 : first + 2;
                best = before(m_entries[b], m_entries[a]) ? b : a;
            } else {
                for (std::size_t c = first + 1; c < size; ++c) {
                    if (before(m_entries[c], m_entries[best])) {
                        best = c;
                    }
                }
            }
            m_entries[hole] = m_entries[best];
            hole = best;
        }
        climb(hole, last);
        return top;
    }

private:
    /// Puts e at the hole, or above it, moving down the parents it goes before.
    void climb(std::size_t hole, const Entry& e)
    {
        while (hole > 0) {
            const std::size_t parent = (hole - 1) / 4;
            if (!before(e, m_entries[parent])) {
                break;
            }
            m_entries[hole] = m_entries[parent];
            hole = parent;
        }
        m_entries[hole] = e;
    }
    /// Ties go to the lower index, then the lower tag, so that the order never depends on how
    /// the heap is laid out (which of equally warm paths a search meets first; Yen's algorithm
    /// then orders equally warm paths by their people's ids, see YenPaths.h).
    static bool before(const Entry& a, const Entry& b)
    {
        return a.key < b.key || (a.key == b.key && (a.node < b.node || (a.node == b.node && a.tag < b.tag)));
    }
    std::vector<Entry> m_entries;
};

/// The cheapest way of two steps from a spur to a person.
struct TwoSteps {
    std::uint32_t stamp;
    float cost;
    Index via;
};

class SearchState {
public:
    static SearchState& forThisThread(std::size_t n)
    {
        thread_local SearchState state;
        if (state.m_nodes.size() != n || state.m_counter > 0xFFFF0000U) {
            state.m_nodes.assign(n, NodeState{});
            state.intoTarget.assign(n, {0U, 0.0F});
            state.twoSteps.assign(n, TwoSteps{0U, 0.0F, 0U});
            state.ballHubBits.assign((n + 63) / 64, 0U);
            state.hubLinkHeads.assign(n, {0U, kNone});
            state.m_counter = 0;
        }
        return state;
    }
    /// A number no stamp holds yet (one query uses a few dozen; the reset above keeps clear of wrapping).
    std::uint32_t fresh() { return ++m_counter; }
    NodeState& operator[](Index v) { return m_nodes[v]; }
    const NodeState& operator[](Index v) const { return m_nodes[v]; }

    MinHeap forwardHeap;
    MinHeap ballHeap;
    /// The cost of a person's step into the current target, where stamped with the ball's number
    /// (see Searcher::fewHops); kept apart so that marking them leaves the ball alone.
    std::vector<std::pair<std::uint32_t, float>> intoTarget;
    std::vector<TwoSteps> twoSteps;  ///< stamped with the spur search's number (see Searcher::fourHops)
    /// One bit a person: a hub the current query's ball has settled (see Searcher::checkBallHubs);
    /// cleared by the query that set it.
    std::vector<std::uint64_t> ballHubBits;
    /// Where a hub's list of ball neighbours starts, where stamped with the ball's number (see
    /// Searcher::recordHubLink); hubs only, so kept apart from the state every person has.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> hubLinkHeads;

private:
    std::vector<NodeState> m_nodes;
    std::uint32_t m_counter = 0;
};

using graphdetail::classOf;
using graphdetail::kStrongKinds;
constexpr float kInfinity = std::numeric_limits<float>::infinity();
/// Rows longer than this are handed out lazily, one cost class at a time (32 rather than 64:
/// p99 122-129 ms against 145-156 ms on the benchmark graph, median the same).
constexpr std::size_t kStreamAbove = Snapshot::kLongRow;
/// Spur searches with at most this many hops left enumerate the paths instead (see fewHops()).
constexpr int kFewHops = 3;
/// ... and those with this many that the A* gives up on: gathering everyone two steps from the
/// spur costs more than most A* searches, but far less than the bidirectional search where the
/// hop limit binds.
constexpr int kFewHopsAfterAll = 4;
/// The same for the ball.
constexpr std::size_t kBallStreamAbove = Snapshot::kLongRow;
/// A stream hands out this many neighbours a turn: all are at least its key away, so handing
/// out a few more than needed is only work, while one a turn cost a heap pop and push each
/// (4,500 of them a median query; 8 a turn: a fifth fewer instructions, same k costs).
constexpr int kStreamBatch = 8;
/// The ball grows whenever it has done less than this many times the current forward search's
/// work: it serves all ~18 spur searches of a query, so a bigger ball pays (measured: 1× 21–25 ms
/// median, 4× 19–22 ms, 8× 18.5–19.3 ms on the benchmark graph, same session).
constexpr std::size_t kBallShare = 8;
/// ... and while the first path is searched, this many: the ball it grows then is one all the
/// spur searches after it use (32 against 8: 11.0 M instructions a median query against 12.7 M,
/// the same misses; 16 and 64–128 in between).
constexpr std::size_t kFirstPathBallShare = 32;
/// A forward hub with at most this many links per ball hub is checked against the ball hubs by
/// reading its rows, else by looking each ball hub up in them (see checkBallHubs()).
constexpr std::size_t kScanForBallHubs = 16;

/// classOf() as bit masks, for reading a row's link-kind bytes eight at a time: an entry of row
/// r (0 along the link, 1 against it; see Searcher::entry()) is a step of class c when
/// (bits & zero) == 0 and, unless any is 0, (bits & any) != 0. A class a row cannot hold keeps
/// masks no byte passes.
struct ClassBits {
    std::uint8_t zero = 0xFF;
    std::uint8_t any = 0xFF;

    [[nodiscard]] constexpr bool passes(std::uint8_t bits) const
    {
        return (bits & zero) == 0 && (any == 0 || (bits & any) != 0);
    }
    [[nodiscard]] constexpr bool possible() const { return zero != 0xFF; }
};
constexpr std::uint8_t kStrongBits = kStrongKinds | linkbits::kReverseStrong;
constexpr std::uint8_t kBackBits = linkbits::kReverseExists;
constexpr ClassBits kClassBits[2][4] = {
    {{0, kStrongBits}, {kStrongBits, kBackBits}, {kStrongBits | kBackBits, 0}, {}},
    {{kBackBits, kStrongBits}, {}, {}, {kStrongBits | kBackBits, 0}},
};

/// Whether kClassBits says what classOf() says of every byte (against a link, an entry whose
/// way back exists is no step of its own: the step along that way back covers it).
constexpr bool classBitsMatchClassOf()
{
    for (int row = 0; row < 2; ++row) {
        for (int cls = 0; cls < 4; ++cls) {
            for (int value = 0; value < 256; ++value) {
                const auto bits = static_cast<std::uint8_t>(value);
                const bool usable = row == 0 || (bits & linkbits::kReverseExists) == 0;
                if (kClassBits[row][cls].passes(bits) != (usable && classOf(bits, row == 0) == cls)) {
                    return false;
                }
            }
        }
    }
    return true;
}
static_assert(classBitsMatchClassOf());

/// The cost model and the constrained search Yen's algorithm calls repeatedly.
///
/// Every search of one query ends at the same target, so one Dijkstra backwards from the target
/// (the "ball", unconstrained and shared by all searches of the query) gives each spur search
/// exact remaining costs h(v) for the people it has settled and its radius R, a lower bound,
/// for everyone else: an admissible and consistent A* potential. A spur search is then a
/// forward A* that mostly walks straight into the ball; reaching a settled ball person whose
/// ball path to the target avoids the spur's blocked people completes the path at once. The ball
/// grows on demand, whenever it has done less than kBallShare times the current forward search's work, so the pair
/// behaves like a bidirectional search whose backward half is paid for once per query.
class Searcher {
public:
    Searcher(const Snapshot& g, Index origin, Index target, const WarmPathOptions& options)
        : m_g(g),
          m_st(SearchState::forThisThread(g.personCount())),
          m_origin(origin),
          m_target(target),
          m_undirected(options.direction == Direction::Undirected),
          m_fallback(g, origin, options)
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
        std::sort(m_avoid.begin(), m_avoid.end());

        m_ball = m_st.fresh();
        m_st.ballHeap.clear();
        NodeState& t = m_st[m_target];
        t.stamp[kBall] = m_ball;
        t.dist[kBall] = 0;
        t.parent[kBall] = Snapshot::kNoIndex;
        t.hops[kBall] = 0;
        m_st.ballHeap.push({0.0F, 0.0F, m_target, kSettle});
    }

    [[nodiscard]] float baseCost(std::uint8_t bits, std::uint8_t confidence, bool along) const
    {
        return m_costs.kind[along ? 1 : 0][bits & 0x7F] + m_costs.confidence[confidence];
    }
    /// What a step u → v costs on top of its link: the cold first hop.
    [[nodiscard]] float extraCost(Index u, Index v) const
    {
        return u == m_origin && !std::binary_search(m_warm.begin(), m_warm.end(), v) ? m_costs.coldFirstHop : 0.0F;
    }
    [[nodiscard]] float cost(Index u, Index v, std::uint8_t bits, std::uint8_t confidence, bool along) const
    {
        return baseCost(bits, confidence, along) + extraCost(u, v);
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

    /// Cheapest path spur → target avoiding `blockedNodes` (besides the avoid list) and the
    /// links spur → x for x in `blockedFirstSteps`, using at most `hopBudget` hops; nothing when
    /// none costs less than `costBound`.
    std::optional<std::pair<double, std::vector<Index>>> shortest(Index spur, const std::vector<Index>& blockedNodes,
                                                                  const std::vector<Index>& blockedFirstSteps,
                                                                  int hopBudget, float costBound = kInfinity)
    {
        if (spur == m_target) {
            return std::make_pair(0.0, std::vector<Index>{spur});
        }
        beginSearch(spur, blockedNodes, blockedFirstSteps, hopBudget);
        SpurTimer timer(m_kind);
        if (hopBudget <= kFewHops) {
            m_kind = graphdetail::WarmPathCounters::FewHops;
            return fewHops(spur, hopBudget, costBound);
        }
        m_kind = spur == m_origin && blockedFirstSteps.empty() ? graphdetail::WarmPathCounters::FirstPath
                                                               : graphdetail::WarmPathCounters::AStar;
        MinHeap& heap = m_st.forwardHeap;
        heap.clear();
        NodeState& s = m_st[spur];
        s.stamp[kForward] = m_search;
        s.dist[kForward] = 0;
        s.parent[kForward] = Snapshot::kNoIndex;
        s.hops[kForward] = 0;
        heap.push({potential(spur), 0.0F, spur, kSettle});
        // A path that costs costBound or more is of no use to the caller: search as if one had been found.
        m_best = costBound;
        m_meet = Snapshot::kNoIndex;
        std::size_t work = 0;
        m_steps = 0;
        m_conflictKey = kInfinity;
        m_cutKey = kInfinity;
        const std::size_t ballShare =
            m_kind == graphdetail::WarmPathCounters::FirstPath ? kFirstPathBallShare : kBallShare;

        while (!heap.empty() && heap.top().key < m_best) {
            if (++m_steps > m_giveUpAfter) {
                if (hopBudget <= kFewHopsAfterAll) {
                    m_kind = graphdetail::WarmPathCounters::AStarThenFourHops;
                    beginSearch(spur, blockedNodes, blockedFirstSteps, hopBudget);
                    return fewHops(spur, hopBudget, costBound);
                }
                m_kind = m_kind == graphdetail::WarmPathCounters::FirstPath
                             ? m_kind
                             : graphdetail::WarmPathCounters::AStarThenBidirectional;
                auto found = m_fallback.shortest(spur, m_target, blockedNodes, blockedFirstSteps, hopBudget, costBound);
                if (m_fallback.mayHaveMissedUnderHopBudget()) {
                    // Only a path cheaper than the one found is worth looking for.
                    auto exact =
                        exactUnderHopBudget(spur, blockedNodes, blockedFirstSteps, hopBudget, m_fallback.answerCost());
                    return exact ? exact : found;
                }
                return found;
            }
            if (work * ballShare >= m_ballWork && !m_st.ballHeap.empty()) {
                growBall();
                continue;
            }
            const Entry top = heap.pop();
            if (top.tag == kCheckBallHubs) {
                checkBallHubs(top);
                continue;
            }
            if (top.tag != kSettle) {
                streamNext(top);
                continue;
            }
            const Index u = top.node;
            const NodeState& su = m_st[u];
            if (top.g > su.dist[kForward]) {
                continue;  // reached more cheaply since
            }
            const float hu = potential(u);
            if (top.g + hu > top.key) {
                heap.push({top.g + hu, top.g, u, kSettle});  // the ball has grown since: a better bound
                continue;
            }
            ++work;
            ++m_counters.forwardSettled;
            if (u == m_target) {
                m_best = top.g;
                m_meet = u;
                continue;
            }
            if (ballSettled(u) && u != m_origin && ballPathUsable(u)) {
                // Every way on from u costs at least its ball distance, which this path achieves.
                const float total = top.g + su.dist[kBall];
                if (total < m_best) {
                    m_best = total;
                    m_meet = u;
                }
                continue;
            }
            if (su.hops[kForward] >= m_budget) {
                m_cutKey = std::min(m_cutKey, top.key);
                continue;  // no step from here fits in the hop budget
            }
            expand(u, top.g);
        }
        auto found = pathFound(hopBudget);
        if (m_conflictKey < m_best && m_cutKey < m_best) {
            // Only a path cheaper than the one found (if any) is worth looking for.
            auto exact = exactUnderHopBudget(spur, blockedNodes, blockedFirstSteps, hopBudget, m_best);
            return exact ? exact : found;
        }
        return found;
    }

    /// The path the A* of shortest() found: forward to the meeting person, then along the ball.
    std::optional<std::pair<double, std::vector<Index>>> pathFound(int hopBudget) const
    {
        if (m_meet == Snapshot::kNoIndex) {
            return std::nullopt;
        }
        std::vector<Index> path;
        for (Index v = m_meet; v != Snapshot::kNoIndex; v = m_st[v].parent[kForward]) {
            path.push_back(v);
        }
        std::reverse(path.begin(), path.end());
        if (m_meet != m_target) {
            for (Index v = m_st[m_meet].parent[kBall]; v != Snapshot::kNoIndex; v = m_st[v].parent[kBall]) {
                path.push_back(v);
            }
        }
        std::vector<Index> sorted = path;
        std::sort(sorted.begin(), sorted.end());
        if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end() ||
            static_cast<int>(path.size()) - 1 > hopBudget) {
            return std::nullopt;
        }
        return std::make_pair(pathCost(path, path.size()), std::move(path));
    }

    /// The cheapest path of at most `hopBudget` (≤ kFewHopsAfterAll) hops from the spur to the
    /// target, by enumeration: exact under the hop limit, where a search that labels each person
    /// by the cheapest way in is not (near the end of a path the hop limit binds, the cheapest
    /// ways in are too long, and the A* wandered for hundreds of thousands of steps to prove it).
    ///
    /// Paths of up to three hops are met from the target's side, the steps into the target
    /// cheapest first while they could still lead to a cheaper path: spur → y → target by a
    /// look-up in the spur's rows, spur → x → y → target by walking the spur's rows and y's side
    /// by side (both are sorted). The spur's first steps are not listed for that: a celebrity's
    /// would mean a look-up far away in memory for each of 100,000 people (listing them was 3.2
    /// of a median query's 10.6 ms; walking rows side by side, 0.2). Four-hop paths, where
    /// the A* gave up, are joined in the middle (fourHops()).
    std::optional<std::pair<double, std::vector<Index>>> fewHops(Index spur, int hopBudget, float costBound)
    {
        markStepsIntoTarget();
        float best = costBound;
        std::vector<Index> bestPath;
        if (!blockedStep(spur, m_target)) {
            if (const float c = hopCost(spur, m_target); c < best) {
                best = c;
                bestPath = {spur, m_target};
            }
        }
        for (const auto& into : m_intoTargetList) {
            // Named copies: clang 14 cannot capture structured bindings in a lambda.
            const float intoCost = into.first;
            const Index y = into.second;
            if (hopBudget < 2 || m_costs.minStep + intoCost >= best) {
                break;
            }
            if (y == spur || blocked(y)) {
                continue;
            }
            if (!blockedStep(spur, y)) {
                if (const float c = hopCost(spur, y) + intoCost; c < best) {
                    best = c;
                    bestPath = {spur, y, m_target};
                }
            }
            if (hopBudget < 3 || 2 * m_costs.minStep + intoCost >= best) {
                continue;
            }
            forEachCommonStep(spur, y, [&](Index x, float fromSpur, float intoY) {
                const float c = fromSpur + extraCost(spur, x) + intoY + extraCost(x, y) + intoCost;
                if (c < best && x != m_target && x != y && x != spur && !blocked(x) && !blockedStep(spur, x)) {
                    best = c;
                    bestPath = {spur, x, y, m_target};
                }
            });
        }
        if (hopBudget >= 4) {
            listFirstSteps(spur, best);
            fourHops(spur, best, bestPath);
        }
        if (bestPath.empty()) {
            return std::nullopt;
        }
        return std::make_pair(pathCost(bestPath, bestPath.size()), std::move(bestPath));
    }

    /// Lists in m_fromSpur the spur's usable first steps that could start a path cheaper than
    /// `best`, cheapest first, and stamps each as the forward side of this search with its cost.
    void listFirstSteps(Index spur, float best)
    {
        m_fromSpur.clear();
        // Any path on from a first step x takes a step into the target: a first step dearer than
        // the bound less the cheapest such step is of no use, and a hub spur has many of them.
        // Checked first, since blocked(x) is a look-up far away in memory per neighbour.
        const float cheapestInto = m_intoTargetList.empty() ? kInfinity : m_intoTargetList.front().first;
        forEachStep(true, spur, [&](Index x, float stepCost) {
            const float c = stepCost + extraCost(spur, x);
            if (x == m_target || c + cheapestInto >= best || blocked(x) || blockedStep(spur, x)) {
                return;
            }
            NodeState& sx = m_st[x];
            if (sx.stamp[kForward] == m_search && sx.dist[kForward] <= c) {
                return;
            }
            sx.stamp[kForward] = m_search;
            sx.dist[kForward] = c;
            m_fromSpur.emplace_back(c, x);
        });
        std::sort(m_fromSpur.begin(), m_fromSpur.end());
    }

    /// Calls f(x, cost of the step from → x, cost of the step x → to) for every x that both
    /// steps exist for (base costs, one call per x: each person is a usable step in one row
    /// only). Rows are sorted by person, so each pair of rows is walked side by side, or, where
    /// one is much shorter, its people are looked up in the other by bisection.
    template <typename F>
    void forEachCommonStep(Index from, Index to, F&& f) const
    {
        for (int fromRow = 0; fromRow < (m_undirected ? 2 : 1); ++fromRow) {
            const auto a = rowPeople(true, from, fromRow);
            for (int toRow = 0; toRow < (m_undirected ? 2 : 1); ++toRow) {
                const auto b = rowPeople(false, to, toRow);
                auto both = [&](std::size_t i, std::size_t j) {
                    Index x = 0;
                    Index x2 = 0;
                    float c1 = 0;
                    float c2 = 0;
                    int cls = 0;
                    if (entry(true, from, fromRow, i, x, c1, cls) && entry(false, to, toRow, j, x2, c2, cls)) {
                        f(x, c1, c2);
                    }
                };
                // The people of the short row looked up in the long one, moving on from the last find.
                auto lookUp = [&](std::span<const Index> shortRow, std::span<const Index> longRow, bool shortIsTo) {
                    auto at = longRow.begin();
                    for (std::size_t i = 0; i < shortRow.size() && at != longRow.end(); ++i) {
                        at = std::lower_bound(at, longRow.end(), shortRow[i]);
                        if (at != longRow.end() && *at == shortRow[i]) {
                            const auto found = static_cast<std::size_t>(at - longRow.begin());
                            if (shortIsTo) {
                                both(found, i);
                            } else {
                                both(i, found);
                            }
                        }
                    }
                };
                if (a.size() > 16 * b.size()) {
                    lookUp(b, a, true);
                } else if (b.size() > 16 * a.size()) {
                    lookUp(a, b, false);
                } else {
                    std::size_t i = 0;
                    std::size_t j = 0;
                    while (i < a.size() && j < b.size()) {
                        if (a[i] < b[j]) {
                            ++i;
                        } else if (b[j] < a[i]) {
                            ++j;
                        } else {
                            both(i++, j++);
                        }
                    }
                }
            }
        }
    }

    /// spur → a → m → b → target, cheaper than `best`: the cheapest two steps to every m are
    /// gathered from the spur's side, then joined with the steps into the target's neighbours b,
    /// cheapest b first. Only the cheapest a per m is needed: where it is b itself, spur → b →
    /// target (already considered) is cheaper than any spur → a' → m → b → target, since
    /// c(spur, b) ≤ c(spur, b) + c(b, m) ≤ c(spur, a') + c(a', m). Expects fewHops() to have
    /// listed and stamped the spur's first steps.
    void fourHops(Index spur, float& best, std::vector<Index>& bestPath)
    {
        if (m_fromSpur.empty() || m_intoTargetList.empty()) {
            return;
        }
        const float minInto = m_intoTargetList.front().first;
        float minTwoSteps = kInfinity;
        std::vector<TwoSteps>& twoSteps = m_st.twoSteps;
        for (const auto& e : m_fromSpur) {
            if (e.first + 2 * m_costs.minStep + minInto >= best) {
                break;
            }
            const Index a = e.second;
            if (m_st[a].dist[kForward] != e.first) {
                continue;  // a's cheaper entry is the one that counts
            }
            if (e.first + lowerBoundToTarget(a) >= best) {
                continue;
            }
            forEachStep(true, a, [&](Index m, float stepCost) {
                // The cost bounds first: they need no look-up far away in memory.
                const float c = e.first + stepCost + extraCost(a, m);
                if (c + m_costs.minStep + minInto >= best || m == spur || m == m_target || m == a) {
                    return;
                }
                if (blocked(m) || c + lowerBoundToTarget(m) >= best) {
                    return;
                }
                TwoSteps& t = twoSteps[m];
                if (t.stamp != m_search || c < t.cost) {
                    t = {m_search, c, a};
                }
                minTwoSteps = std::min(minTwoSteps, c);
            });
        }
        if (minTwoSteps == kInfinity) {
            return;
        }
        for (const auto& into : m_intoTargetList) {
            // Named copies: clang 14 cannot capture structured bindings in a lambda.
            const float intoCost = into.first;
            const Index b = into.second;
            if (minTwoSteps + m_costs.minStep + intoCost >= best) {
                break;
            }
            if (b == spur || blocked(b)) {
                continue;
            }
            forEachStep(false, b, [&](Index m, float stepCost) {
                if (m == b) {
                    return;
                }
                const TwoSteps& t = twoSteps[m];
                if (t.stamp != m_search) {
                    return;
                }
                if (t.via == b) {
                    return;  // the loop spur → b → m → b → target: spur → b → target is cheaper
                }
                const float c = t.cost + stepCost + extraCost(m, b) + intoCost;
                if (c < best) {
                    best = c;
                    bestPath = {spur, t.via, m, b, m_target};
                }
            });
        }
    }

    /// The cheapest path spur → target of at most `hopBudget` hops, exactly, for when the A*
    /// (one label a person) may have missed it: a person reached more cheaply in more hops can
    /// leave too few hops for the rest of the way, where a dearer way in with fewer hops would
    /// have fitted. Labels are (person, hops) here; a label is dropped only where another, no
    /// dearer, has no more hops: one settled before it (settled first under the same potential,
    /// it costs no more), or the cheapest one waiting. A label at a person the ball has settled
    /// completes along the ball's path where that path fits, as in shortest(). Rare: rows are
    /// read whole, and the ball does not grow.
    std::optional<std::pair<double, std::vector<Index>>>
    exactUnderHopBudget(Index spur, const std::vector<Index>& blockedNodes, const std::vector<Index>& blockedFirstSteps,
                        int hopBudget, float costBound)
    {
        m_kind = graphdetail::WarmPathCounters::ExactUnderHopBudget;
        beginSearch(spur, blockedNodes, blockedFirstSteps, hopBudget);
        std::vector<HopLabel>& labels = m_hopLabels;
        labels.clear();
        MinHeap& heap = m_st.forwardHeap;
        heap.clear();
        // A person's forward side here: dist and parent, the cost and hops of the cheapest label
        // waiting; hops, the fewest hops of a label settled.
        constexpr std::uint16_t kNoHops = 0xFFFF;
        auto seen = [&](Index v) -> NodeState& {
            NodeState& sv = m_st[v];
            if (sv.stamp[kForward] != m_search) {
                sv.stamp[kForward] = m_search;
                sv.dist[kForward] = kInfinity;
                sv.parent[kForward] = kNoHops;
                sv.hops[kForward] = kNoHops;
            }
            return sv;
        };
        seen(spur);
        labels.push_back({spur, kNone, 0});
        heap.push({potential(spur), 0.0F, spur, 0});
        float best = costBound;
        std::uint32_t found = kNone;
        bool viaBall = false;
        while (!heap.empty() && heap.top().key < best) {
            const Entry top = heap.pop();
            const HopLabel label = labels[top.tag];
            NodeState& su = m_st[top.node];
            if (su.hops[kForward] <= label.hops) {
                continue;
            }
            su.hops[kForward] = label.hops;
            if (top.node == m_target) {
                best = top.g;
                found = top.tag;
                viaBall = false;
                break;  // the potential is consistent: the target's first label is its cheapest
            }
            if (ballSettled(top.node) && top.node != m_origin && labelCompletesAlongBall(top.tag, hopBudget)) {
                // Every way on from here costs at least the ball distance, which this path achieves.
                if (top.g + su.dist[kBall] < best) {
                    best = top.g + su.dist[kBall];
                    found = top.tag;
                    viaBall = true;
                }
                continue;
            }
            if (label.hops >= hopBudget) {
                continue;
            }
            const Index u = top.node;
            const auto nh = static_cast<std::uint16_t>(label.hops + 1);
            auto relax = [&](Index v, float g) {
                if (blocked(v) || blockedStep(u, v)) {
                    return;
                }
                NodeState& sv = seen(v);
                if (sv.hops[kForward] <= nh || (g >= sv.dist[kForward] && sv.parent[kForward] <= nh)) {
                    return;
                }
                const float key = g + potential(v);
                if (key >= best) {
                    return;
                }
                if (g < sv.dist[kForward] || (g == sv.dist[kForward] && nh < sv.parent[kForward])) {
                    sv.dist[kForward] = g;
                    sv.parent[kForward] = nh;
                }
                labels.push_back({v, top.tag, nh});
                heap.push({key, g, v, static_cast<std::uint32_t>(labels.size() - 1)});
            };
            // With one or two hops left only the target, or a step into it, can do: found by a
            // look-up, or by walking u's rows and the target's side by side (as fewHops() does).
            if (const int left = hopBudget - label.hops; left <= 2) {
                if (const float c = hopCost(u, m_target); c < kInfinity) {
                    relax(m_target, top.g + c);
                }
                if (left == 2) {
                    forEachCommonStep(u, m_target, [&](Index x, float fromU, float /*intoTarget*/) {
                        relax(x, top.g + fromU + extraCost(u, x));
                    });
                }
                continue;
            }
            if (!isHub(u)) {
                forEachStep(true, u, [&](Index v, float stepCost) { relax(v, top.g + stepCost + extraCost(u, v)); });
                continue;
            }
            // A hub's neighbours outside the ball are the radius away from the target or more,
            // and the ones the ball has settled are listed (as in expand()): the rest of a
            // celebrity's 100,000 followers need no look-up far away in memory each.
            // Only the cost classes that could still lead below `best` are read, found by the
            // link-kind bytes as the streams do; ball hubs only where they could too.
            const float r = radius();
            for (int row = 0; row < (m_undirected ? 2 : 1); ++row) {
                const std::size_t size = rowSize(true, u, row);
                for (int cls = 0; cls < 4; ++cls) {
                    if (!classCanBeIn(row, cls) || top.g + m_costs.classBase[cls] + r >= best) {
                        continue;
                    }
                    for (std::size_t i = nextOfClass(true, u, row, 0, cls); i < size;
                         i = nextOfClass(true, u, row, i + 1, cls)) {
                        Index v = 0;
                        float stepCost = 0;
                        int vCls = 0;
                        if (entry(true, u, row, i, v, stepCost, vCls)) {
                            if (const float g = top.g + stepCost + extraCost(u, v); g + r < best) {
                                relax(v, g);
                            }
                        }
                    }
                }
            }
            if (m_st[u].stamp[kBall] == m_ball) {
                for (std::uint32_t i = hubLinksOf(u); i != kNone; i = m_hubLinks[i].next) {
                    relax(m_hubLinks[i].to, top.g + m_hubLinks[i].cost + extraCost(u, m_hubLinks[i].to));
                }
            }
            for (Index w : m_ballHubs) {
                if (top.g + m_costs.minStep + m_st[w].dist[kBall] >= best) {
                    continue;  // settled in the ball: its distance is exact
                }
                if (const float c = hopCost(u, w); c < kInfinity) {
                    relax(w, top.g + c);
                }
            }
        }
        if (found == kNone) {
            return std::nullopt;
        }
        std::vector<Index> path;
        for (std::uint32_t l = found; l != kNone; l = labels[l].parent) {
            path.push_back(labels[l].node);
        }
        std::reverse(path.begin(), path.end());
        if (viaBall) {
            for (Index v = m_st[path.back()].parent[kBall]; v != Snapshot::kNoIndex; v = m_st[v].parent[kBall]) {
                path.push_back(v);
            }
        }
        return std::make_pair(pathCost(path, path.size()), std::move(path));
    }

    /// ballPathUsable() for a label of exactUnderHopBudget(): whether the label's way in
    /// followed by its person's ball path fits the budget, avoids the blocked, and has no loop.
    [[nodiscard]] bool labelCompletesAlongBall(std::uint32_t at, int hopBudget) const
    {
        const HopLabel& label = m_hopLabels[at];
        const NodeState& su = m_st[label.node];
        if (label.hops + ballHops(su) > hopBudget) {
            return false;
        }
        return ballPathAvoids(label.node, [&](Index v) {
            for (std::uint32_t l = at; l != kNone; l = m_hopLabels[l].parent) {
                if (m_hopLabels[l].node == v) {
                    return true;
                }
            }
            return false;
        });
    }

private:
    /// A fresh search number, and the blocked people stamped with it.
    void beginSearch(Index spur, const std::vector<Index>& blockedNodes, const std::vector<Index>& blockedFirstSteps,
                     int hopBudget)
    {
        m_search = m_st.fresh();
        m_spur = spur;
        m_budget = hopBudget;
        m_blockedFirstSteps = &blockedFirstSteps;
        for (Index v : blockedNodes) {
            m_st[v].stamp[kBlocked] = m_search;
        }
        for (Index v : m_avoid) {
            if (v != spur && v != m_target) {
                m_st[v].stamp[kBlocked] = m_search;
            }
        }
    }

    [[nodiscard]] float radius() const { return m_st.ballHeap.empty() ? kInfinity : m_st.ballHeap.top().key; }
    /// Lower bound on the cost from v to the target: exact inside the ball, its radius outside.
    [[nodiscard]] float potential(Index v) const
    {
        const NodeState& s = m_st[v];
        const float r = radius();
        return s.stamp[kBall] == m_ball ? std::min(s.dist[kBall], r) : r;
    }
    /// A lower bound on the cost of any path v → target a spur search may take, for v on no
    /// root path (the ball, which leaves out only the avoid list, bounds every such path).
    [[nodiscard]] float lowerBoundToTarget(Index v) const { return v == m_origin ? 0.0F : potential(v); }
    /// Whether v's ball distance is final.
    [[nodiscard]] bool ballSettled(Index v) const
    {
        return m_st[v].stamp[kBall] == m_ball && (m_st[v].hops[kBall] & kSettledInBall) != 0;
    }
    /// The hops of a person's path in the ball.
    [[nodiscard]] static int ballHops(const NodeState& s) { return s.hops[kBall] & ~kSettledInBall; }
    /// The first of the ball people listed as a hub's neighbours (see recordHubLink()), or kNone.
    [[nodiscard]] std::uint32_t hubLinksOf(Index hub) const
    {
        const auto& head = m_st.hubLinkHeads[hub];
        return head.first == m_ball ? head.second : kNone;
    }
    [[nodiscard]] bool avoided(Index v) const
    {
        return !m_avoid.empty() && std::binary_search(m_avoid.begin(), m_avoid.end(), v);
    }
    [[nodiscard]] bool blocked(Index v) const { return m_st[v].stamp[kBlocked] == m_search; }
    [[nodiscard]] bool blockedStep(Index from, Index to) const
    {
        return from == m_spur &&
               std::find(m_blockedFirstSteps->begin(), m_blockedFirstSteps->end(), to) != m_blockedFirstSteps->end();
    }
    /// Forward rows of a person that are streamed rather than scanned.
    [[nodiscard]] bool isHub(Index v) const { return m_g.longOutRow(v) || (m_undirected && m_g.longInRow(v)); }

    /// Whether the forward path to u followed by u's ball path to the target is a path this
    /// search may return: within the hop budget, through no blocked person, and loop-free.
    [[nodiscard]] bool ballPathUsable(Index u)
    {
        const NodeState& su = m_st[u];
        if (su.hops[kForward] + ballHops(su) > m_budget) {
            m_cutKey = std::min(m_cutKey, su.dist[kForward] + su.dist[kBall]);
            return false;
        }
        Index onForward[64];
        std::size_t count = 0;
        for (Index v = u; v != Snapshot::kNoIndex && count < 64; v = m_st[v].parent[kForward]) {
            onForward[count++] = v;
        }
        return ballPathAvoids(u,
                              [&](Index v) { return std::find(onForward, onForward + count, v) != onForward + count; });
    }

    /// Whether u's ball path to the target may follow a way in to u: it takes no blocked first
    /// step from the spur and passes no blocked person, nor anyone `onWayIn(v)` says the way in
    /// already passes (shortest() and exactUnderHopBudget() keep their ways in differently).
    template <typename OnWayIn>
    [[nodiscard]] bool ballPathAvoids(Index u, OnWayIn&& onWayIn) const
    {
        const Index next = m_st[u].parent[kBall];
        if (u == m_spur && blockedStep(u, next)) {
            return false;
        }
        for (Index v = next; v != Snapshot::kNoIndex; v = m_st[v].parent[kBall]) {
            if (blocked(v) || onWayIn(v)) {
                return false;
            }
        }
        return true;
    }

    /// Entry i of one of v's rows, seen from the side that steps along it. Row 0 ("along"):
    /// forward, v's out-links v → w; ball, v's in-links w → v. Row 1 ("against", undirected
    /// only): forward, in-links w → v with no way back; ball, out-links v → w with no way back.
    /// Gives the neighbour, the link's base cost and its class, or false when not a usable step.
    [[gnu::always_inline]] bool entry(bool forward, Index v, int row, std::size_t i, Index& w, float& stepCost,
                                      int& cls) const
    {
        const bool outRow = (row == 0) == forward;
        const Index other = outRow ? m_g.outNeighbours(v)[i] : m_g.inNeighbours(v)[i];
        const std::uint8_t bits = outRow ? m_g.outBits(v)[i] : m_g.inBits(v)[i];
        const std::uint8_t conf = outRow ? m_g.outConfidence(v)[i] : m_g.inConfidence(v)[i];
        if (row == 1 && (bits & linkbits::kReverseExists) != 0) {
            return false;
        }
        w = other;
        stepCost = baseCost(bits, conf, row == 0);
        cls = classOf(bits, row == 0);
        return true;
    }
    /// The people of one of v's rows (see entry()), sorted.
    [[nodiscard]] std::span<const Index> rowPeople(bool forward, Index v, int row) const
    {
        return (row == 0) == forward ? m_g.outNeighbours(v) : m_g.inNeighbours(v);
    }
    /// The first position from `from` on in one of v's rows whose entry is a usable step of
    /// class `cls`, or the row's size. Streams pick their class out of a hub's row this way, by
    /// the link-kind bytes alone (reading each entry whole was a quarter of a query), eight at a
    /// time: a byte is of the class when it has none of the class's `zero` bits and, where the
    /// class names any, at least one of its `any` bits (see kClassBits).
    [[nodiscard]] std::size_t nextOfClass(bool forward, Index v, int row, std::size_t from, int cls) const
    {
        const auto bits = (row == 0) == forward ? m_g.outBits(v) : m_g.inBits(v);
        std::size_t i = from;
        if constexpr (std::endian::native == std::endian::little) {
            constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
            constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
            constexpr std::uint64_t kEach = 0x0101010101010101ULL;
            const ClassBits& mask = kClassBits[row][cls];
            const std::uint64_t zero = kEach * mask.zero;
            const std::uint64_t any = kEach * mask.any;
            for (; i + 8 <= bits.size(); i += 8) {
                std::uint64_t word = 0;
                std::memcpy(&word, bits.data() + i, sizeof word);
                // High bit of each byte: set where (byte & mask) is zero / non-zero, with no
                // carry from one byte into the next.
                const std::uint64_t forbidden = word & zero;
                std::uint64_t match = ~(((forbidden & kLow7) + kLow7) | forbidden) & kHigh;
                if (mask.any != 0) {
                    const std::uint64_t wanted = word & any;
                    match &= (((wanted & kLow7) + kLow7) | wanted) & kHigh;
                }
                if (match != 0) {
                    return i + static_cast<std::size_t>(std::countr_zero(match)) / 8;
                }
            }
        }
        while (i < bits.size() && !kClassBits[row][cls].passes(bits[i])) {
            ++i;
        }
        return i;
    }
    /// Along a link a step is never of class 3; against one, never of class 1 or 2.
    [[nodiscard]] static bool classCanBeIn(int row, int cls) { return kClassBits[row][cls].possible(); }
    /// Where a stream over one class of one of v's rows goes on from: nextOfClass(), with the
    /// first position remembered for the query. Every spur search that reaches a hub streams its
    /// rows from the start again, and a class a row has few links of (or none: strong links, in
    /// a network of follows) was a scan of most of the row each time.
    std::size_t streamPosition(bool forward, Index v, int row, std::size_t from, int cls)
    {
        if (from != 0) {
            return nextOfClass(forward, v, row, from, cls);
        }
        const std::uint64_t key = (std::uint64_t{v} << 4) | (forward ? 8U : 0U) |
                                  (static_cast<std::uint64_t>(row) << 2) | static_cast<std::uint64_t>(cls);
        auto [it, inserted] = m_firstOfClass.try_emplace(key, 0U);
        if (inserted) {
            it->second = static_cast<std::uint32_t>(nextOfClass(forward, v, row, 0, cls));
        }
        return it->second;
    }
    [[nodiscard]] std::size_t rowSize(bool forward, Index v, int row) const
    {
        return (row == 0) == forward ? m_g.outDegree(v) : m_g.inDegree(v);
    }

    /// Calls step(w, stepCost) for every step from v (forward: along the links; backward: into
    /// v), over both rows when undirected, a mutual link once.
    template <typename Step>
    void forEachStep(bool forward, Index v, Step&& step) const
    {
        for (int row = 0; row < (m_undirected ? 2 : 1); ++row) {
            const std::size_t size = rowSize(forward, v, row);
            for (std::size_t i = 0; i < size; ++i) {
                Index w = 0;
                float stepCost = 0;
                int cls = 0;
                if (entry(forward, v, row, i, w, stepCost, cls)) {
                    step(w, stepCost);
                }
            }
        }
    }

    /// Marks, once per query, everyone with a step into the target and that step's cheapest
    /// cost, and lists them cheapest first (the avoid list left out).
    void markStepsIntoTarget()
    {
        if (m_intoTargetMarked) {
            return;
        }
        m_intoTargetMarked = true;
        forEachStep(false, m_target, [&](Index y, float stepCost) {
            if (avoided(y) || y == m_target) {
                return;
            }
            const float c = stepCost + extraCost(y, m_target);
            auto& into = m_st.intoTarget[y];
            if (into.first != m_ball || c < into.second) {
                into = {m_ball, c};
            }
        });
        forEachStep(false, m_target, [&](Index y, float stepCost) {
            if (m_st.intoTarget[y].first == m_ball && m_st.intoTarget[y].second == stepCost + extraCost(y, m_target)) {
                m_intoTargetList.emplace_back(m_st.intoTarget[y].second, y);
            }
        });
        std::sort(m_intoTargetList.begin(), m_intoTargetList.end());
        m_intoTargetList.erase(std::unique(m_intoTargetList.begin(), m_intoTargetList.end()), m_intoTargetList.end());
    }

    /// One step of the ball: settles a person or hands out one streamed neighbour.
    void growBall()
    {
        const Entry top = m_st.ballHeap.pop();
        ++m_ballWork;
        ++m_counters.ballSteps;
        const Index u = top.node;
        const float du = m_st[u].dist[kBall];
        if (top.tag != kSettle) {
            const int row = static_cast<int>(top.tag >> 31);
            const int cls = static_cast<int>((top.tag >> 29) & 3U);
            const std::size_t size = rowSize(false, u, row);
            int handedOut = 0;
            for (std::size_t i = streamPosition(false, u, row, top.tag & kPositionMask, cls); i < size;
                 i = nextOfClass(false, u, row, i + 1, cls)) {
                Index x = 0;
                float stepCost = 0;
                int xCls = 0;
                if (entry(false, u, row, i, x, stepCost, xCls) && !avoided(x)) {
                    relaxBall(u, x, du + stepCost);
                    recordHubLink(x, u, stepCost);
                    if (++handedOut == kStreamBatch) {
                        if (i + 1 < size) {
                            m_st.ballHeap.push(
                                {top.key, 0.0F, u,
                                 top.tag - (top.tag & kPositionMask) + static_cast<std::uint32_t>(i + 1)});
                        }
                        break;
                    }
                }
            }
            m_ballWork += static_cast<std::size_t>(std::max(handedOut, 1)) - 1;
            return;
        }
        if (top.key > du || (m_st[u].hops[kBall] & kSettledInBall) != 0) {
            return;  // settled before
        }
        m_st[u].hops[kBall] |= kSettledInBall;
        ++m_counters.ballSettled;
        bool streamed = false;
        for (int row = 0; row < (m_undirected ? 2 : 1); ++row) {
            const std::size_t size = rowSize(false, u, row);
            if (size > kBallStreamAbove) {
                streamed = true;
                for (std::uint32_t cls = 0; cls < 4; ++cls) {
                    if (classCanBeIn(row, static_cast<int>(cls))) {
                        m_st.ballHeap.push({du + m_costs.classBase[cls], 0.0F, u,
                                            (static_cast<std::uint32_t>(row) << 31) | (cls << 29)});
                    }
                }
                continue;
            }
            for (std::size_t i = 0; i < size; ++i) {
                Index x = 0;
                float stepCost = 0;
                int cls = 0;
                if (!entry(false, u, row, i, x, stepCost, cls) || avoided(x)) {
                    continue;
                }
                relaxBall(u, x, du + stepCost);
                recordHubLink(x, u, stepCost);
            }
        }
        if (streamed) {
            m_ballHubs.push_back(u);
            m_st.ballHubBits[u / 64] |= std::uint64_t{1} << (u % 64);
            m_ballHubFilter[(u % kBallHubFilterBits) / 64] |= std::uint64_t{1} << (u % 64);
        }
    }

    /// A hub's forward rows are streamed, so its neighbours in the ball are listed for it
    /// where the ball finds them anyway.
    void recordHubLink(Index hub, Index settled, float stepCost)
    {
        if (isHub(hub)) {
            m_hubLinks.push_back({settled, stepCost, hubLinksOf(hub)});
            m_st.hubLinkHeads[hub] = {m_ball, static_cast<std::uint32_t>(m_hubLinks.size() - 1)};
        }
    }

    void relaxBall(Index u, Index x, float nd)
    {
        NodeState& sx = m_st[x];
        if (sx.stamp[kBall] != m_ball) {
            sx.stamp[kBall] = m_ball;
        } else if (nd >= sx.dist[kBall]) {
            return;
        }
        sx.dist[kBall] = nd;
        sx.parent[kBall] = u;
        sx.hops[kBall] = static_cast<std::uint16_t>(ballHops(m_st[u]) + 1);
        m_st.ballHeap.push({nd, 0.0F, x, kSettle});
    }

    void relaxForward(Index u, Index v, float nd)
    {
        if (blocked(v) || blockedStep(u, v)) {
            return;
        }
        const int nh = m_st[u].hops[kForward] + 1;
        NodeState& sv = m_st[v];
        if (nh > m_budget) {
            m_cutKey = std::min(m_cutKey, nd + potential(v));
            return;
        }
        if (sv.stamp[kForward] == m_search) {
            // One label a person, the cheapest: exact unless a dearer way in with fewer hops
            // was dropped and the hop budget cut a path short (see exactUnderHopBudget()).
            if (nd >= sv.dist[kForward]) {
                if (nh < sv.hops[kForward]) {
                    m_conflictKey = std::min(m_conflictKey, nd + potential(v));
                }
                return;
            }
            if (sv.hops[kForward] < nh) {
                m_conflictKey = std::min(m_conflictKey, sv.dist[kForward] + potential(v));
            }
        }
        sv.stamp[kForward] = m_search;
        sv.dist[kForward] = nd;
        sv.parent[kForward] = u;
        sv.hops[kForward] = static_cast<std::uint16_t>(nh);
        const float hv = potential(v);
        if (hv < kInfinity && nd + hv < m_best) {
            m_st.forwardHeap.push({nd + hv, nd, v, kSettle});
        }
    }

    void expand(Index u, float du)
    {
        bool hub = false;
        for (int row = 0; row < (m_undirected ? 2 : 1); ++row) {
            const std::size_t size = rowSize(true, u, row);
            if (size > kStreamAbove) {
                // Outside the ball every neighbour costs at least the radius more; the ones
                // inside are listed (hubLinks, m_ballHubs) and relaxed below.
                hub = true;
                const float r = radius();
                for (std::uint32_t cls = 0; cls < 4; ++cls) {
                    const float key = du + m_costs.classBase[cls] + r;
                    if (key < m_best && classCanBeIn(row, static_cast<int>(cls))) {
                        m_st.forwardHeap.push({key, du, u, (static_cast<std::uint32_t>(row) << 31) | (cls << 29)});
                    }
                }
                continue;
            }
            for (std::size_t i = 0; i < size; ++i) {
                Index w = 0;
                float stepCost = 0;
                int cls = 0;
                if (entry(true, u, row, i, w, stepCost, cls)) {
                    relaxForward(u, w, du + stepCost + extraCost(u, w));
                }
            }
        }
        if (!hub) {
            return;
        }

        if (m_st[u].stamp[kBall] == m_ball) {
            for (std::uint32_t i = hubLinksOf(u); i != kNone; i = m_hubLinks[i].next) {
                const HubLink& link = m_hubLinks[i];
                relaxForward(u, link.to, du + link.cost + extraCost(u, link.to));
            }
        }
        // A settled ball hub w whose streams have not handed u out yet is at least the radius
        // away from here (w's pending stream keys, d(w) + class cost, are at least the radius):
        // checking u against them can wait until a path that long could still be the best.
        if (!m_ballHubs.empty() && du + radius() < m_best) {
            m_st.forwardHeap.push({du + radius(), du, u, kCheckBallHubs});
        }
    }

    void checkBallHubs(const Entry& top)
    {
        const Index u = top.node;
        if (top.g > m_st[u].dist[kForward]) {
            return;  // u was reached more cheaply since; that visit checks on its own
        }
        // Ball hubs settled since this check was queued are checked too: any real step may be relaxed.
        const auto ballHubs = static_cast<std::uint32_t>(m_ballHubs.size());
        m_steps += ballHubs / 8;
        const std::size_t rows = rowSize(true, u, 0) + (m_undirected ? rowSize(true, u, 1) : 0);
        if (rows <= kScanForBallHubs * ballHubs) {
            // u's rows against the one bit a person that marks ball hubs: a few instructions a
            // link, where looking each ball hub up in u's rows was a bisection of both rows.
            for (int row = 0; row < (m_undirected ? 2 : 1); ++row) {
                const auto people = rowPeople(true, u, row);
                for (std::size_t i = 0; i < people.size(); ++i) {
                    const Index w = people[i];
                    // The small filter first: it stays in the first-level cache, where the bit a
                    // person (128 KB) missed it for most links read (a fifth of a query's misses).
                    if ((m_ballHubFilter[(w % kBallHubFilterBits) / 64] >> (w % 64) & 1U) == 0 ||
                        (m_st.ballHubBits[w / 64] >> (w % 64) & 1U) == 0) {
                        continue;
                    }
                    Index same = 0;
                    float stepCost = 0;
                    int cls = 0;
                    if (entry(true, u, row, i, same, stepCost, cls)) {
                        relaxForward(u, w, top.g + stepCost + extraCost(u, w));
                    }
                }
            }
            return;
        }
        const auto out = m_g.outNeighbours(u);
        const auto in = m_g.inNeighbours(u);
        for (std::uint32_t i = 0; i < ballHubs; ++i) {
            // Both of u's rows are short runs of memory; w's are not looked at.
            const Index w = m_ballHubs[i];
            if (auto it = std::lower_bound(out.begin(), out.end(), w); it != out.end() && *it == w) {
                const auto at = static_cast<std::size_t>(it - out.begin());
                relaxForward(u, w, top.g + cost(u, w, m_g.outBits(u)[at], m_g.outConfidence(u)[at], true));
            } else if (m_undirected) {
                if (auto jt = std::lower_bound(in.begin(), in.end(), w); jt != in.end() && *jt == w) {
                    const auto at = static_cast<std::size_t>(jt - in.begin());
                    relaxForward(u, w, top.g + cost(u, w, m_g.inBits(u)[at], m_g.inConfidence(u)[at], false));
                }
            }
        }
    }

    /// Hands out the next neighbour of a streamed forward row and puts the stream back.
    void streamNext(const Entry& top)
    {
        const Index u = top.node;
        if (top.g > m_st[u].dist[kForward]) {
            return;  // u was reached more cheaply since; that visit streams its own rows
        }
        const int row = static_cast<int>(top.tag >> 31);
        const int cls = static_cast<int>((top.tag >> 29) & 3U);
        // The key keeps the radius of when u was expanded: people the ball has settled since
        // may be nearer than today's radius, and only this stream hands them out.
        const std::size_t size = rowSize(true, u, row);
        int handedOut = 0;
        for (std::size_t i = streamPosition(true, u, row, top.tag & kPositionMask, cls); i < size;
             i = nextOfClass(true, u, row, i + 1, cls)) {
            Index w = 0;
            float stepCost = 0;
            int wCls = 0;
            if (entry(true, u, row, i, w, stepCost, wCls) && !blocked(w)) {
                relaxForward(u, w, top.g + stepCost + extraCost(u, w));
                if (++handedOut == kStreamBatch) {
                    if (i + 1 < size) {
                        m_st.forwardHeap.push(
                            {top.key, top.g, u,
                             top.tag - (top.tag & kPositionMask) + static_cast<std::uint32_t>(i + 1)});
                    }
                    break;
                }
            }
        }
    }

    /// Adds the time of one spur search to its kind's counters, whichever way it returns.
    class SpurTimer {
    public:
        explicit SpurTimer(const graphdetail::WarmPathCounters::Kind& kind)
            : m_kind(kind), m_start(std::chrono::steady_clock::now())
        {
        }
        SpurTimer(const SpurTimer&) = delete;
        SpurTimer& operator=(const SpurTimer&) = delete;
        ~SpurTimer()
        {
            auto& counters = graphdetail::warmPathCounters();
            ++counters.spurs[m_kind];
            counters.nanoseconds[m_kind] += static_cast<std::uint64_t>(
                std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - m_start)
                    .count());
        }

    private:
        const graphdetail::WarmPathCounters::Kind& m_kind;
        std::chrono::steady_clock::time_point m_start;
    };

    struct HubLink {
        Index to;
        float cost;
        std::uint32_t next;
    };
    /// A way to a person in exactUnderHopBudget(): the label it came from and its hops.
    struct HopLabel {
        Index node;
        std::uint32_t parent;
        std::uint16_t hops;
    };
    std::vector<HopLabel> m_hopLabels;
    std::unordered_map<std::uint64_t, std::uint32_t> m_firstOfClass;  ///< see streamPosition()

    const Snapshot& m_g;
    SearchState& m_st;
    Index m_origin;
    Index m_target;
    bool m_undirected;
    /// A copy: read at a fixed offset from the searcher, as the hot loops do every step.
    graphdetail::StepCosts m_costs = graphdetail::StepCosts::get();
    std::vector<Index> m_warm;
    std::vector<Index> m_avoid;

    std::uint32_t m_ball = 0;
    std::size_t m_ballWork = 0;
    std::vector<HubLink> m_hubLinks;
    std::vector<Index> m_ballHubs;
    /// The ball hubs by person number modulo kBallHubFilterBits: a hub's bit in
    /// SearchState::ballHubBits is only read where its bit here is set.
    static constexpr Index kBallHubFilterBits = 4096;
    std::uint64_t m_ballHubFilter[kBallHubFilterBits / 64]{};

    /// The plain bidirectional search, for spur searches that go on too long: a spur whose
    /// cheapest detour leaves the ball far behind makes the A* settle more than the two small
    /// balls of a bidirectional search would.
    graphdetail::bidirectional::Searcher m_fallback;
    std::size_t m_steps = 0;
    std::size_t m_giveUpAfter = graphdetail::spurSearchLimits().giveUpAfter;

    // Steps into the target and the first steps of the spur, for fewHops().
    bool m_intoTargetMarked = false;
    std::vector<std::pair<float, Index>> m_intoTargetList;  ///< cost of the step into the target, person
    std::vector<std::pair<float, Index>> m_fromSpur;

    // The current spur search.
    std::uint32_t m_search = 0;
    Index m_spur = 0;
    int m_budget = 0;
    const std::vector<Index>* m_blockedFirstSteps = nullptr;
    float m_best = kInfinity;
    Index m_meet = Snapshot::kNoIndex;
    /// The A* keeps one label a person, the cheapest way in. Where it dropped a dearer way in
    /// with fewer hops, and the hop budget cut a path short, its answer may not be the cheapest
    /// within the budget; it is when no path through either could cost less than the answer
    /// (then, below the answer's cost, the search is the unlimited one, whose answer fits the
    /// budget). The least key (a lower bound on the cost of any path through it) of a dropped
    /// way in with fewer hops, and of a cut path:
    float m_conflictKey = kInfinity;
    float m_cutKey = kInfinity;
    graphdetail::WarmPathCounters::Kind m_kind = graphdetail::WarmPathCounters::AStar;
    /// Counted in the search and added to the thread's counters once per query.
    struct {
        std::uint64_t forwardSettled = 0;
        std::uint64_t ballSettled = 0;
        std::uint64_t ballSteps = 0;
    } m_counters;

public:
    ~Searcher()
    {
        for (Index w : m_ballHubs) {
            m_st.ballHubBits[w / 64] = 0;
        }
        auto& counters = graphdetail::warmPathCounters();
        counters.forwardSettled += m_counters.forwardSettled;
        counters.ballSettled += m_counters.ballSettled;
        counters.ballSteps += m_counters.ballSteps;
        ++counters.queries;
    }
};

}  // namespace

namespace graphdetail {
SpurSearchLimits& spurSearchLimits()
{
    thread_local SpurSearchLimits limits;
    return limits;
}

WarmPathCounters& warmPathCounters()
{
    thread_local WarmPathCounters counters;
    return counters;
}
}  // namespace graphdetail

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
    Searcher searcher(m_snapshot, m_from, m_to, m_options);
    if (m_from == m_to) {
        return;
    }
    const auto accepted = graphdetail::yenPaths(
        m_snapshot, m_from, m_to, m_options.k, m_options.maxHops,
        [&](Index spur, const std::vector<Index>& blockedNodes, const std::vector<Index>& blockedSteps, int budget,
            float bound) { return searcher.shortest(spur, blockedNodes, blockedSteps, budget, bound); },
        [&](const std::vector<Index>& nodes, std::size_t upTo) { return searcher.pathCost(nodes, upTo); });
    for (const graphdetail::YenPath& c : accepted) {
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
