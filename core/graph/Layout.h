#pragma once

#include <cstdint>
#include <vector>

#include "graph/Snapshot.h"
#include "model/PersonId.h"
#include "util/Progress.h"

namespace warmpath {

struct LayoutOptions {
    std::uint64_t seed = 1;    ///< same seed, same people, same links: same picture
    int maxIterations = 2000;  ///< a safety net; layouts normally stop by themselves well before
    double scaling = 2.0;      ///< repulsion strength (ForceAtlas2 k_r)
    double gravity = 1.0;      ///< pull towards the centre (ForceAtlas2 k_g), keeps islands near
    double theta = 1.2;        ///< Barnes–Hut opening angle: larger is faster and coarser
    /// Converged when, for 5 iterations in a row, people move on average less than this
    /// fraction of the layout's radius.
    double tolerance = 5e-3;
};

struct Point {
    double x = 0;
    double y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

/// A force-directed layout of a view of the graph in the manner of ForceAtlas2 (Jacomy et al.
/// 2014): degree-weighted repulsion approximated with a Barnes–Hut quadtree, linear attraction
/// along links (weight 2 when mutual), gravity, and ForceAtlas2's adaptive per-person speed from
/// swing and traction. Deterministic for a seed (single-threaded, fixed visiting order).
/// Incremental: step() does one iteration, so a caller can show progress and intermediate
/// pictures; run() steps until converged() or maxIterations.
class Layout {
public:
    /// `people`: the view to lay out (every person of the snapshot when empty). Unknown people
    /// throw std::invalid_argument.
    Layout(const Snapshot& snapshot, std::vector<PersonId> people, LayoutOptions options = {});

    /// One iteration; returns converged().
    bool step();
    /// Steps until converged or maxIterations; progress reports iterations. A set `cancel` throws
    /// RunCancelled (graph/Cancelled.h) before the next iteration.
    void run(const ProgressCallback& progress = {}, const CancelToken* cancel = nullptr);

    [[nodiscard]] bool converged() const { return m_converged; }
    [[nodiscard]] int iterations() const { return m_iterations; }
    [[nodiscard]] const std::vector<PersonId>& people() const { return m_people; }
    /// Position of people()[i].
    [[nodiscard]] const std::vector<Point>& positions() const { return m_position; }

private:
    std::vector<PersonId> m_people;
    LayoutOptions m_options;
    std::vector<std::uint32_t> m_offsets;
    std::vector<std::uint32_t> m_neighbours;
    std::vector<float> m_weights;
    std::vector<double> m_mass;
    std::vector<Point> m_position;
    std::vector<Point> m_previousForce;
    double m_speed = 1.0;
    int m_iterations = 0;
    int m_calmIterations = 0;
    bool m_converged = false;
};

}  // namespace warmpath
