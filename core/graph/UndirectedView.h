#pragma once

#include <cstdint>
#include <vector>

#include "graph/Snapshot.h"

namespace warmpath::graphdetail {

/// The snapshot as a weighted undirected graph: one entry per neighbour, weight 2 when the two
/// link both ways, else 1. What community detection, betweenness and layout work on.
struct UndirectedView {
    std::vector<std::uint64_t> offsets;
    std::vector<Snapshot::Index> neighbours;
    std::vector<float> weights;

    [[nodiscard]] std::size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
    static UndirectedView of(const Snapshot& g);
};

}  // namespace warmpath::graphdetail
