#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include <QColor>
#include <QFont>
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

/// How people are coloured and sized, chosen on the map's toolbar: a palette with a legend entry per
/// colour, the colour of each person and their radius. Built on the UI thread from the scene and the
/// core's metrics; a scene without a style is drawn by degree ring, sized by links.
struct MapStyle {
    std::vector<QColor> colours;
    std::vector<QString> colourNames;    ///< the legend, one entry per colour
    std::vector<std::uint8_t> colourOf;  ///< per person: an index into colours
    std::vector<double> radii;           ///< per person: on screen at the fitted zoom
    QString sizeCaption;                 ///< the legend's line about sizes ("Size: PageRank")

    /// Degree-ring colours (you, 1st, 2nd, ...) and the scene's own radii (by links on the map).
    [[nodiscard]] static MapStyle byDegreeRing(const MapScene& scene);
    [[nodiscard]] bool fits(const MapScene& scene) const
    {
        return colourOf.size() == scene.size() && radii.size() == scene.size();
    }
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
    /// Where the legend covers the map (empty when it is hidden): labels and the hover card keep clear.
    QRectF legend;
    QColor background = QColor(0xf6, 0xf7, 0xf9);  ///< what the canvas is filled with

    [[nodiscard]] QTransform transform(QSize viewport) const;
    /// The person (hovered, else selected) whose links and neighbours stand out, or -1.
    [[nodiscard]] int focus() const { return hovered >= 0 ? hovered : selected; }
    /// True when something stands out and the rest is veiled.
    [[nodiscard]] bool hasFocus() const { return focus() >= 0 || !path.empty(); }
};

/// Statistics of the last frame, for tests and the benchmark.
struct MapFrameStats {
    int nodesDrawn = 0;
    int linksDrawn = 0;
    int labelsDrawn = 0;
    /// The focus layer's geometry, for the tests that keep it from overlapping: the labels of the path's
    /// people in path order (empty where off screen), the hovered person's label and the hover card.
    std::vector<QRectF> pathLabels;
    QRectF hoveredLabel;
    QRectF hoverCard;

    MapFrameStats& operator+=(const MapFrameStats& other)
    {
        nodesDrawn += other.nodesDrawn;
        linksDrawn += other.linksDrawn;
        labelsDrawn += other.labelsDrawn;
        return *this;
    }
};

/// Paints the map in two layers, so that the canvas can keep the first as an image and redraw only the
/// second while the pointer moves. paintMap() is both: what exports and tests draw.
///
/// The base layer: rings, links, people and labels, none of them highlighted. Level of detail: links
/// batched into one drawLines() per colour, without antialiasing when there are many, and sampled to a
/// budget of pixels when long lines would cost more than a frame; people as batched dots when tiny, as
/// discs stamped from sprites when many, as vector discs when few; labels only where they fit without
/// overlapping, the most important first; everything off screen culled.
MapFrameStats paintMapBase(QPainter& painter, QSize viewport, const MapScene& scene, const MapViewState& view,
                           const MapStyle& style);
/// The focus layer over the base: a veil in the background colour, then the hovered or selected person's
/// links and neighbours, the path above them all, and the labels — the path's people's first, never on
/// each other — and a card about the hovered person placed clear of their label. Draws nothing when
/// nothing stands out.
MapFrameStats paintMapFocus(QPainter& painter, QSize viewport, const MapScene& scene, const MapViewState& view,
                            const MapStyle& style);
/// Both layers; `style` null is MapStyle::byDegreeRing.
MapFrameStats paintMap(QPainter& painter, QSize viewport, const MapScene& scene, const MapViewState& view,
                       const MapStyle* style = nullptr);
/// The legend (a swatch per colour, the size caption) in the bottom-left corner of `viewport`, on an
/// opaque card: a translucent one let the links and names under it show through the words.
void paintMapLegend(QPainter& painter, QSize viewport, const MapStyle& style, const MapViewState& view);
/// Where paintMapLegend() draws with `font` (the painter's), or an empty rect when there is no legend.
[[nodiscard]] QRectF mapLegendRect(QSize viewport, const MapStyle& style, const QFont& font);

/// The scale and centre that show the whole scene in `viewport` with a margin.
MapViewState fitMap(const MapScene& scene, QSize viewport);

}  // namespace warmpath::ui
