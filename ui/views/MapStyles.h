#pragma once

#include <vector>

#include "WorkspaceGraph.h"
#include "views/MapRenderer.h"

// The map's colour and size choices turned into a MapStyle: pure functions of the scene and the core's
// per-person metrics, so that tests can pin down which person gets which colour and radius.
namespace warmpath::ui {

enum class MapColourBy { DegreeRing, Community };
enum class MapSizeBy { Links, Followers, Following, PageRank, Betweenness };

/// True when `by` needs the core's metrics (everything but the links on the map).
[[nodiscard]] constexpr bool needsMetrics(MapSizeBy by)
{
    return by != MapSizeBy::Links;
}

/// The colours of the largest communities on the map (the rest share a grey), readable on light and
/// dark canvases alike.
[[nodiscard]] const std::vector<QColor>& communityColours();

/// Per-person metrics sorted by PersonId (as Workspace::metrics hands them out), looked up by id.
class MapMetrics {
public:
    MapMetrics() = default;
    explicit MapMetrics(std::vector<PersonMetrics> rows, bool betweenness);

    [[nodiscard]] const PersonMetrics* find(PersonId id) const;
    [[nodiscard]] bool hasBetweenness() const { return m_betweenness; }
    [[nodiscard]] bool empty() const { return m_rows.empty(); }

private:
    std::vector<PersonMetrics> m_rows;
    bool m_betweenness = false;
};

/// Colours by community: the eight communities with the most people on this map get a colour each,
/// named after their best-connected member there; everyone else is "other communities".
void colourByCommunity(MapStyle& style, const MapScene& scene, const MapMetrics& metrics);

/// Sizes by `by`: radii from the smallest to the scene's largest, by the square root of the value (a
/// disc's area grows with it). People without metrics get the smallest radius.
void sizePeopleBy(MapStyle& style, const MapScene& scene, MapSizeBy by, const MapMetrics& metrics);

}  // namespace warmpath::ui
