#include "graph/Layout.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <unordered_map>

#include "graph/Cancelled.h"

namespace warmpath {
namespace {

/// A Barnes–Hut quadtree over the current positions, rebuilt every iteration.
class QuadTree {
public:
    QuadTree(const std::vector<Point>& points, const std::vector<double>& mass) : m_points(points), m_mass(mass)
    {
        double minX = 0, minY = 0, maxX = 0, maxY = 0;
        for (std::size_t i = 0; i < points.size(); ++i) {
            if (i == 0 || points[i].x < minX)
                minX = points[i].x;
            if (i == 0 || points[i].y < minY)
                minY = points[i].y;
            if (i == 0 || points[i].x > maxX)
                maxX = points[i].x;
            if (i == 0 || points[i].y > maxY)
                maxY = points[i].y;
        }
        const double size = std::max(maxX - minX, maxY - minY) + 1e-9;
        m_cells.reserve(points.size() * 2 + 1);
        m_cells.push_back(Cell{.x0 = minX, .y0 = minY, .size = size});
        for (std::uint32_t i = 0; i < points.size(); ++i) {
            insert(0, i, 0);
        }
    }

    /// Repulsion on body i: sum of k · m_i · m_cell / d along the direction away from the cell.
    Point repulsion(std::uint32_t i, double k, double theta2) const
    {
        Point force;
        const Point p = m_points[i];
        std::vector<std::uint32_t>& stack = m_stack;
        stack.clear();
        stack.push_back(0);
        while (!stack.empty()) {
            const Cell& cell = m_cells[stack.back()];
            stack.pop_back();
            if (cell.mass == 0 || cell.body == static_cast<std::int64_t>(i)) {
                continue;
            }
            const double dx = p.x - cell.cx;
            const double dy = p.y - cell.cy;
            const double d2 = dx * dx + dy * dy;
            if (cell.body >= 0 || cell.size * cell.size < theta2 * d2) {
                if (d2 > 1e-18) {
                    const double f = k * m_mass[i] * cell.mass / d2;
                    force.x += f * dx;
                    force.y += f * dy;
                }
                continue;
            }
            for (std::int64_t child : cell.child) {
                if (child >= 0) {
                    stack.push_back(static_cast<std::uint32_t>(child));
                }
            }
        }
        return force;
    }

private:
    struct Cell {
        double x0 = 0, y0 = 0, size = 0;
        double cx = 0, cy = 0, mass = 0;
        std::int64_t body = -1;  ///< the one body of a leaf, -1 for internal or empty cells
        std::int64_t child[4] = {-1, -1, -1, -1};
        bool internal = false;
    };

    void insert(std::uint32_t cellIndex, std::uint32_t body, int depth)
    {
        for (;;) {
            Cell& cell = m_cells[cellIndex];
            const double m = m_mass[body];
            const Point p = m_points[body];
            cell.cx = (cell.cx * cell.mass + p.x * m) / (cell.mass + m);
            cell.cy = (cell.cy * cell.mass + p.y * m) / (cell.mass + m);
            cell.mass += m;
            if (!cell.internal && cell.body < 0 && cell.mass == m) {
                cell.body = body;
                return;
            }
            if (!cell.internal) {
                if (depth > 48) {
                    return;  // coincident points: the mass is counted, the body shares the leaf
                }
                const auto previous = static_cast<std::uint32_t>(cell.body);
                cell.body = -1;
                cell.internal = true;
                placeInChild(cellIndex, previous, depth);
            }
            cellIndex = childFor(cellIndex, body);
            ++depth;
        }
    }

    void placeInChild(std::uint32_t cellIndex, std::uint32_t body, int depth)
    {
        const std::uint32_t child = childFor(cellIndex, body);
        Cell& c = m_cells[child];
        const double m = m_mass[body];
        c.cx = m_points[body].x;
        c.cy = m_points[body].y;
        c.mass = m;
        c.body = body;
        (void)depth;
    }

    std::uint32_t childFor(std::uint32_t cellIndex, std::uint32_t body)
    {
        const Cell cell = m_cells[cellIndex];
        const double half = cell.size / 2;
        const int qx = m_points[body].x >= cell.x0 + half ? 1 : 0;
        const int qy = m_points[body].y >= cell.y0 + half ? 1 : 0;
        const int q = qy * 2 + qx;
        if (cell.child[q] < 0) {
            m_cells.push_back(Cell{.x0 = cell.x0 + qx * half, .y0 = cell.y0 + qy * half, .size = half});
            m_cells[cellIndex].child[q] = static_cast<std::int64_t>(m_cells.size() - 1);
        }
        return static_cast<std::uint32_t>(m_cells[cellIndex].child[q]);
    }

    const std::vector<Point>& m_points;
    const std::vector<double>& m_mass;
    std::vector<Cell> m_cells;
    mutable std::vector<std::uint32_t> m_stack;
};

}  // namespace

Layout::Layout(const Snapshot& snapshot, std::vector<PersonId> people, LayoutOptions options)
    : m_people(std::move(people)), m_options(options)
{
    if (m_people.empty()) {
        for (Snapshot::Index v = 0; v < snapshot.personCount(); ++v) {
            m_people.push_back(snapshot.personAt(v));
        }
    }
    std::unordered_map<Snapshot::Index, std::uint32_t> local;
    local.reserve(m_people.size() * 2);
    std::vector<Snapshot::Index> index;
    for (PersonId p : m_people) {
        const auto v = snapshot.requireIndex(p);
        if (!local.emplace(v, static_cast<std::uint32_t>(index.size())).second) {
            throw std::invalid_argument("layout: person #" + std::to_string(p.value()) + " given twice");
        }
        index.push_back(v);
    }
    const std::size_t n = index.size();
    // Links within the view, once per pair (from the lower local number), weight 2 when mutual.
    m_offsets.assign(n + 1, 0);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    std::vector<float> pairWeight;
    for (std::uint32_t i = 0; i < n; ++i) {
        const auto out = snapshot.outNeighbours(index[i]);
        const auto bits = snapshot.outBits(index[i]);
        for (std::size_t e = 0; e < out.size(); ++e) {
            const auto it = local.find(out[e]);
            if (it == local.end()) {
                continue;
            }
            const bool mutual = (bits[e] & linkbits::kReverseExists) != 0;
            if (mutual && it->second < i) {
                continue;  // counted from the other end
            }
            pairs.emplace_back(i, it->second);
            pairWeight.push_back(mutual ? 2.0F : 1.0F);
        }
    }
    for (auto [a, b] : pairs) {
        ++m_offsets[a + 1];
    }
    for (std::size_t i = 0; i < n; ++i) {
        m_offsets[i + 1] += m_offsets[i];
    }
    m_neighbours.resize(pairs.size());
    m_weights.resize(pairs.size());
    std::vector<std::uint32_t> cursor(m_offsets.begin(), m_offsets.end() - 1);
    m_mass.assign(n, 1.0);
    for (std::size_t e = 0; e < pairs.size(); ++e) {
        const auto [a, b] = pairs[e];
        m_neighbours[cursor[a]] = b;
        m_weights[cursor[a]++] = pairWeight[e];
        m_mass[a] += 1;
        m_mass[b] += 1;
    }
    std::mt19937_64 rng(m_options.seed);
    std::uniform_real_distribution<double> coordinate(-1.0, 1.0);
    const double radius = std::sqrt(static_cast<double>(n)) * 10;
    m_position.resize(n);
    for (Point& p : m_position) {
        p = {coordinate(rng) * radius, coordinate(rng) * radius};
    }
    m_previousForce.assign(n, Point{});
}

bool Layout::step()
{
    if (m_converged) {
        return true;
    }
    const std::size_t n = m_position.size();
    if (n < 2) {
        m_converged = true;
        return true;
    }
    std::vector<Point> force(n);
    {
        const QuadTree tree(m_position, m_mass);
        const double theta2 = m_options.theta * m_options.theta;
        for (std::uint32_t i = 0; i < n; ++i) {
            force[i] = tree.repulsion(i, m_options.scaling, theta2);
        }
    }
    for (std::uint32_t a = 0; a < n; ++a) {
        for (std::uint32_t e = m_offsets[a]; e < m_offsets[a + 1]; ++e) {
            const std::uint32_t b = m_neighbours[e];
            const double w = static_cast<double>(m_weights[e]);
            const double dx = m_position[a].x - m_position[b].x;
            const double dy = m_position[a].y - m_position[b].y;
            force[a].x -= w * dx;
            force[a].y -= w * dy;
            force[b].x += w * dx;
            force[b].y += w * dy;
        }
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        const double d = std::hypot(m_position[i].x, m_position[i].y);
        if (d > 0) {
            force[i].x -= m_options.gravity * m_mass[i] * m_position[i].x / d;
            force[i].y -= m_options.gravity * m_mass[i] * m_position[i].y / d;
        }
    }
    // ForceAtlas2's adaptive speed: swing (how much a person's force changes direction) slows
    // them down, traction (force that keeps its direction) lets the whole layout speed up.
    double swing = 0;
    double traction = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        const double sx = force[i].x - m_previousForce[i].x;
        const double sy = force[i].y - m_previousForce[i].y;
        swing += m_mass[i] * std::hypot(sx, sy);
        traction += m_mass[i] * std::hypot(force[i].x + m_previousForce[i].x, force[i].y + m_previousForce[i].y) / 2;
    }
    const double jitter = 1.0;
    const double target = swing > 0 ? jitter * traction / swing : m_speed;
    m_speed = std::min(target, m_speed * 1.5);
    double moved = 0;
    double radius2 = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        const double sx = force[i].x - m_previousForce[i].x;
        const double sy = force[i].y - m_previousForce[i].y;
        const double personalSwing = m_mass[i] * std::hypot(sx, sy);
        double factor = 0.1 * m_speed / (1 + m_speed * std::sqrt(personalSwing));
        const double magnitude = std::hypot(force[i].x, force[i].y);
        if (magnitude > 0) {
            factor = std::min(factor, 10.0 / magnitude);
        }
        m_position[i].x += factor * force[i].x;
        m_position[i].y += factor * force[i].y;
        moved += factor * magnitude;
        radius2 += m_position[i].x * m_position[i].x + m_position[i].y * m_position[i].y;
    }
    m_previousForce = std::move(force);
    ++m_iterations;
    const double meanMove = moved / static_cast<double>(n);
    const double rms = std::sqrt(radius2 / static_cast<double>(n));
    m_calmIterations = rms > 0 && meanMove < m_options.tolerance * rms ? m_calmIterations + 1 : 0;
    m_converged = m_calmIterations >= 5;
    return m_converged;
}

void Layout::run(const ProgressCallback& progress, const CancelToken* cancel)
{
    while (!m_converged && m_iterations < m_options.maxIterations) {
        stopIfCancelled(cancel);
        step();
        if (progress) {
            progress(static_cast<std::uint64_t>(m_iterations), static_cast<std::uint64_t>(m_options.maxIterations),
                     "layout");
        }
    }
}

}  // namespace warmpath
