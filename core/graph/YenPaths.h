#pragma once

// Yen's k-shortest loop-free paths with Lawler's rule (spur only from the deviation point of the
// last accepted path on), written once for both warm-path searches: WarmPaths (A* spur searches
// against a shared target ball) and the bidirectional reference search in
// BidirectionalWarmPaths.h. They differ only in how a spur path is found. Internal to core/graph.

#include <algorithm>
#include <cstddef>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "graph/Snapshot.h"

namespace warmpath::graphdetail {

struct YenPath {
    double cost = 0;
    std::vector<Snapshot::Index> nodes;
    std::size_t deviation = 0;  ///< index of the spur person this path left its parent path at
};

/// A spur path: its cost and its people, spur first, target last.
using SpurPath = std::optional<std::pair<double, std::vector<Snapshot::Index>>>;

/// The k cheapest loop-free paths from `from` to `to` of at most `maxHops` hops, cheapest first.
///
/// `spurSearch(spur, blockedNodes, blockedFirstSteps, hopBudget, costBound)` must return the
/// cheapest path spur → to that passes through none of `blockedNodes`, takes none of the steps
/// spur → x for x in `blockedFirstSteps`, has at most `hopBudget` hops, and costs less than
/// `costBound` (nothing when there is none). `pathCost(nodes, upTo)` is the cost of the first
/// `upTo` hops of `nodes`.
template <class SpurSearch, class PathCost>
std::vector<YenPath> yenPaths(const Snapshot& g, Snapshot::Index from, Snapshot::Index to, int k, int maxHops,
                              SpurSearch&& spurSearch, PathCost&& pathCost)
{
    using Index = Snapshot::Index;
    std::vector<YenPath> accepted;
    if (from == to) {
        return accepted;
    }
    std::vector<YenPath> pending;
    // Equally warm paths by their people's ids, person by person: indices follow the snapshot's
    // locality order, which one new link can change throughout.
    auto warmerFirst = [&](const YenPath& x, const YenPath& y) {
        if (x.cost != y.cost) {
            return x.cost < y.cost;
        }
        return std::lexicographical_compare(x.nodes.begin(), x.nodes.end(), y.nodes.begin(), y.nodes.end(),
                                            [&](Index a, Index b) { return g.idBefore(a, b); });
    };
    auto known = [&](const std::vector<Index>& nodes) {
        auto same = [&](const YenPath& c) { return c.nodes == nodes; };
        return std::any_of(accepted.begin(), accepted.end(), same) || std::any_of(pending.begin(), pending.end(), same);
    };
    if (SpurPath first = spurSearch(from, std::vector<Index>{}, std::vector<Index>{}, maxHops,
                                    std::numeric_limits<float>::infinity())) {
        accepted.push_back({first->first, std::move(first->second), 0});
    }
    while (!accepted.empty() && static_cast<int>(accepted.size()) < k) {
        const std::vector<Index> lastNodes = accepted.back().nodes;
        for (std::size_t i = accepted.back().deviation; i + 1 < lastNodes.size(); ++i) {
            const Index spur = lastNodes[i];
            const std::vector<Index> root(lastNodes.begin(), lastNodes.begin() + static_cast<std::ptrdiff_t>(i) + 1);
            std::vector<Index> blockedSteps;
            for (const YenPath& p : accepted) {
                if (p.nodes.size() > i + 1 && std::equal(root.begin(), root.end(), p.nodes.begin())) {
                    blockedSteps.push_back(p.nodes[i + 1]);
                }
            }
            const std::vector<Index> blockedNodes(root.begin(), root.end() - 1);
            const int budget = maxHops - static_cast<int>(i);
            // Only a spur path that could still make the top k is worth finding: once enough
            // candidates are waiting, anything dearer than the last one needed is cut off.
            float bound = std::numeric_limits<float>::infinity();
            const std::size_t needed = static_cast<std::size_t>(k) - accepted.size();
            if (pending.size() >= needed) {
                std::vector<double> costs;
                for (const YenPath& c : pending) {
                    costs.push_back(c.cost);
                }
                std::nth_element(costs.begin(), costs.begin() + static_cast<std::ptrdiff_t>(needed - 1), costs.end());
                bound = static_cast<float>(costs[needed - 1] - pathCost(root, root.size())) + 1e-4F;
            }
            SpurPath spurPath = spurSearch(spur, blockedNodes, blockedSteps, budget, bound);
            if (!spurPath) {
                continue;
            }
            std::vector<Index> nodes = root;
            nodes.insert(nodes.end(), spurPath->second.begin() + 1, spurPath->second.end());
            if (!known(nodes)) {
                const double total = pathCost(nodes, nodes.size());
                pending.push_back({total, std::move(nodes), i});
            }
        }
        if (pending.empty()) {
            break;
        }
        auto best = std::min_element(pending.begin(), pending.end(), warmerFirst);
        accepted.push_back(std::move(*best));
        pending.erase(best);
    }
    // The first path is whichever of equally warm ones its search met first: put equal ones in
    // id order too.
    std::stable_sort(accepted.begin(), accepted.end(), warmerFirst);
    return accepted;
}

}  // namespace warmpath::graphdetail
