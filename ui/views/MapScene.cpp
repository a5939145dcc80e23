// The map's data and its view: building a scene's derived parts once, and fitting it to a viewport.

#include "views/MapRenderer.h"

#include <algorithm>
#include <numeric>

#include <QLineF>

namespace warmpath::ui {

int MapScene::indexOf(PersonId id) const
{
    const auto found = std::find(ids.begin(), ids.end(), id);
    return found == ids.end() ? -1 : static_cast<int>(found - ids.begin());
}

void MapScene::finish()
{
    const std::size_t n = ids.size();
    std::vector<std::uint32_t> degree(n, 0);
    for (const auto& [a, b] : links) {
        ++degree[a];
        ++degree[b];
    }
    adjacencyOffsets.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        adjacencyOffsets[i + 1] = adjacencyOffsets[i] + degree[i];
    }
    adjacency.assign(adjacencyOffsets.back(), 0);
    std::vector<std::uint32_t> fill(adjacencyOffsets.begin(), adjacencyOffsets.end() - 1);
    for (const auto& [a, b] : links) {
        adjacency[fill[a]++] = b;
        adjacency[fill[b]++] = a;
    }
    radii.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        radii[i] = 2.5 + 1.1 * std::sqrt(static_cast<double>(degree[i]));
    }
    labelOrder.resize(n);
    std::iota(labelOrder.begin(), labelOrder.end(), 0U);
    std::stable_sort(labelOrder.begin(), labelOrder.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (static_cast<int>(a) == centre || static_cast<int>(b) == centre) {
            return static_cast<int>(a) == centre && static_cast<int>(b) != centre;
        }
        if (hops[a] != hops[b]) {
            return hops[a] < hops[b];
        }
        return degree[a] > degree[b];
    });

    bounds = QRectF();
    if (n > 0) {
        double minX = positions[0].x();
        double maxX = minX;
        double minY = positions[0].y();
        double maxY = minY;
        for (const QPointF& p : positions) {
            minX = std::min(minX, p.x());
            maxX = std::max(maxX, p.x());
            minY = std::min(minY, p.y());
            maxY = std::max(maxY, p.y());
        }
        bounds = QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
    }

    // Rings: for each hop count h, the circle around the centre that holds 90% of the people within
    // h hops. A force layout is not radial, so a ring is a reading aid, not a boundary.
    ringRadii.clear();
    if (centre >= 0) {
        const QPointF origin = positions[static_cast<std::size_t>(centre)];
        const int maxHops = hops.empty() ? 0 : *std::max_element(hops.begin(), hops.end());
        for (int h = 1; h < maxHops; ++h) {
            std::vector<double> distances;
            for (std::size_t i = 0; i < n; ++i) {
                if (hops[i] <= h) {
                    distances.push_back(QLineF(origin, positions[i]).length());
                }
            }
            if (distances.size() < 2) {
                continue;
            }
            const auto at = distances.begin() + static_cast<std::ptrdiff_t>(distances.size() * 9 / 10);
            std::nth_element(distances.begin(), at, distances.end());
            ringRadii.push_back(*at);
        }
    }
}

QTransform MapViewState::transform(QSize viewport) const
{
    QTransform t;
    t.translate(viewport.width() / 2.0, viewport.height() / 2.0);
    t.scale(scale, scale);
    t.translate(-centre.x(), -centre.y());
    return t;
}

MapViewState fitMap(const MapScene& scene, QSize viewport)
{
    MapViewState view;
    if (scene.empty() || viewport.isEmpty()) {
        return view;
    }
    // Fit the middle 98% of people in each direction: a few stragglers flung far out by the layout
    // should not shrink everyone else to a dot. They stay a pan away.
    std::vector<double> xs;
    std::vector<double> ys;
    xs.reserve(scene.size());
    ys.reserve(scene.size());
    for (const QPointF& p : scene.positions) {
        xs.push_back(p.x());
        ys.push_back(p.y());
    }
    const auto quantile = [](std::vector<double>& values, double q) {
        const auto at = values.begin() + static_cast<std::ptrdiff_t>(q * static_cast<double>(values.size() - 1));
        std::nth_element(values.begin(), at, values.end());
        return *at;
    };
    const bool trim = scene.size() >= 50;
    const double left = trim ? quantile(xs, 0.01) : *std::min_element(xs.begin(), xs.end());
    const double right = trim ? quantile(xs, 0.99) : *std::max_element(xs.begin(), xs.end());
    const double top = trim ? quantile(ys, 0.01) : *std::min_element(ys.begin(), ys.end());
    const double bottom = trim ? quantile(ys, 0.99) : *std::max_element(ys.begin(), ys.end());
    const double extent = std::max({right - left, bottom - top, 1e-6});
    constexpr double margin = 56;
    const double sx = (viewport.width() - 2 * margin) / std::max(right - left, extent * 0.05);
    const double sy = (viewport.height() - 2 * margin) / std::max(bottom - top, extent * 0.05);
    view.scale = std::max(std::min(sx, sy), 1e-6);
    view.fitScale = view.scale;
    view.centre = QPointF((left + right) / 2, (top + bottom) / 2);
    return view;
}

}  // namespace warmpath::ui
