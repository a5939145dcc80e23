#pragma once

#include <cstdint>
#include <vector>

#include "graph/Snapshot.h"
#include "util/Progress.h"

namespace warmpath {

// Whole-graph measures for the map. Each is an algorithm object: the constructor checks the
// options, run() computes (taking a progress callback and a cancel token, throwing RunCancelled
// from graph/Cancelled.h when cancelled), getters return values by dense index of the
// snapshot (Snapshot::personAt turns an index into a PersonId).

/// PageRank over the links in their direction (damping 0.85 by default). A person who links to
/// nobody spreads their rank over everyone. Power iteration until the L1 change is below
/// `tolerance`; the ranks sum to 1.
class PageRank {
public:
    explicit PageRank(const Snapshot& snapshot, double damping = 0.85, double tolerance = 1e-6,
                      int maxIterations = 200);
    void run(const ProgressCallback& progress = {}, const CancelToken* cancel = nullptr);
    [[nodiscard]] const std::vector<double>& ranks() const { return m_ranks; }
    [[nodiscard]] int iterations() const { return m_iterations; }

private:
    const Snapshot& m_snapshot;
    double m_damping;
    double m_tolerance;
    int m_maxIterations;
    std::vector<double> m_ranks;
    int m_iterations = 0;
};

/// Weakly connected components (links either way).
class Components {
public:
    explicit Components(const Snapshot& snapshot) : m_snapshot(snapshot) {}
    void run();
    /// Component number per person: 0 is the largest component, then by size.
    [[nodiscard]] const std::vector<std::uint32_t>& component() const { return m_component; }
    [[nodiscard]] const std::vector<std::uint64_t>& sizes() const { return m_sizes; }

private:
    const Snapshot& m_snapshot;
    std::vector<std::uint32_t> m_component;
    std::vector<std::uint64_t> m_sizes;
};

/// Betweenness centrality on the undirected graph (Brandes), normalised to [0, 1] by
/// (n - 1)(n - 2) / 2. Exact up to `exactUpTo` people; above, estimated from `samples` random
/// source people (Brandes–Pich), scaled by n / samples. Each person's normalised estimate is an
/// average of `samples` values in [0, 1], so by Hoeffding's inequality it is within
/// errorBound() = sqrt(ln(2 / 0.01) / (2 · samples)) of the exact value with probability 99%.
class Betweenness {
public:
    explicit Betweenness(const Snapshot& snapshot, std::size_t exactUpTo = 50'000, std::size_t samples = 1'000,
                         std::uint64_t seed = 1);
    void run(const ProgressCallback& progress = {}, const CancelToken* cancel = nullptr);
    [[nodiscard]] const std::vector<double>& values() const { return m_values; }
    [[nodiscard]] bool sampled() const { return m_sampled; }
    /// 0 when exact.
    [[nodiscard]] double errorBound() const;

private:
    const Snapshot& m_snapshot;
    std::size_t m_exactUpTo;
    std::size_t m_samples;
    std::uint64_t m_seed;
    std::vector<double> m_values;
    bool m_sampled = false;
};

/// Communities by Louvain modularity optimisation (Blondel et al. 2008) on the undirected graph,
/// links both ways weighing 2. Deterministic for a seed (where each level's first sweep starts).
class Communities {
public:
    explicit Communities(const Snapshot& snapshot, std::uint64_t seed = 1);
    void run(const ProgressCallback& progress = {}, const CancelToken* cancel = nullptr);
    /// Community number per person, 0 the largest.
    [[nodiscard]] const std::vector<std::uint32_t>& community() const { return m_community; }
    [[nodiscard]] std::size_t count() const { return m_count; }
    [[nodiscard]] double modularity() const { return m_modularity; }
    [[nodiscard]] int levels() const { return m_levels; }

private:
    const Snapshot& m_snapshot;
    std::uint64_t m_seed;
    std::vector<std::uint32_t> m_community;
    std::size_t m_count = 0;
    double m_modularity = 0;
    int m_levels = 0;
};

}  // namespace warmpath
