#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QTransform>

#include "model/PersonId.h"

class QPainter;

namespace warmpath::ui {

/// What the map draws, in layout coordinates: built once per layout, then painted many times.
/// Plain data without Qt objects, so that a worker thread can build it and a benchmark can fill it.
struct MapScene {
    std::vector<PersonId> ids;
    std::vector<QPointF> positions;
    std::vector<int> hops;      ///< from the centre
    std::vector<double> radii;  ///< on screen at the fitted zoom, by number of links
    std::vector<QString> names;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> links;
    /// Neighbours of node i: adjacency[adjacencyOffsets[i] .. adjacencyOffsets[i + 1]).
    std::vector<std::uint32_t> adjacencyOffsets;
    std::vector<std::uint32_t> adjacency;
    /// Node indexes in the order labels are tried: the centre, then nearest and best connected first.
    std::vector<std::uint32_t> labelOrder;
    /// Radius (layout units) of the circle around the centre holding most people within h + 1 hops.
    std::vector<double> ringRadii;
    QRectF bounds;
    int centre = -1;

    [[nodiscard]] std::size_t size() const { return ids.size(); }
    [[nodiscard]] bool empty() const { return ids.empty(); }
    /// Index of `id`, or -1.
    [[nodiscard]] int indexOf(PersonId id) const;

    /// Fills radii, adjacency, labelOrder, ringRadii and bounds from ids, positions, hops, names and
    /// links.
    void finish();
};

/// Where the map looks and what stands out: the state MapCanvas keeps between frames.
struct MapViewState {
    QPointF centre;       ///< layout coordinates shown in the middle of the widget
    double scale = 1;     ///< pixels per layout unit
    double fitScale = 1;  ///< the scale that fits the whole scene, for sizing nodes relative to it
    int hovered = -1;
    int selected = -1;
    std::vector<std::uint32_t> path;  ///< a highlighted path, node indexes in order
    bool showRings = true;
    bool dark = false;
    QColor background = QColor(0xf6, 0xf7, 0xf9);  ///< what the canvas is filled with

    [[nodiscard]] QTransform transform(QSize viewport) const;
};

/// Statistics of the last frame, for tests and the benchmark.
struct MapFrameStats {
    int nodesDrawn = 0;
    int linksDrawn = 0;
    int labelsDrawn = 0;
};

/// Paints a MapScene with level of detail: links batched into one drawLines() call each for a few
/// colour classes and without antialiasing when there are many; people as dots when tiny, as discs
/// with outlines when large; labels only where they fit without overlapping, the most important first;
/// everything off screen culled.
MapFrameStats paintMap(QPainter& painter, QSize viewport, const MapScene& scene, const MapViewState& view);

/// The scale and centre that show the whole scene in `viewport` with a margin.
MapViewState fitMap(const MapScene& scene, QSize viewport);

}  // namespace warmpath::ui
