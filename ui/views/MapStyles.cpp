#include "views/MapStyles.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

#include <QCoreApplication>

namespace warmpath::ui {

namespace {

constexpr std::size_t kColouredCommunities = 8;
constexpr double kSmallestRadius = 2.5;

double valueOf(const PersonMetrics& m, MapSizeBy by)
{
    switch (by) {
    case MapSizeBy::Followers:
        return static_cast<double>(m.inDegree);
    case MapSizeBy::Following:
        return static_cast<double>(m.outDegree);
    case MapSizeBy::PageRank:
        return m.pageRank;
    case MapSizeBy::Betweenness:
        return m.betweenness;
    case MapSizeBy::Links:
        break;
    }
    return 0;
}

QString captionOf(MapSizeBy by)
{
    switch (by) {
    case MapSizeBy::Followers:
        return QCoreApplication::translate("MapStyles", "Size: followers");
    case MapSizeBy::Following:
        return QCoreApplication::translate("MapStyles", "Size: people followed");
    case MapSizeBy::PageRank:
        return QCoreApplication::translate("MapStyles", "Size: PageRank");
    case MapSizeBy::Betweenness:
        return QCoreApplication::translate("MapStyles", "Size: betweenness");
    case MapSizeBy::Links:
        break;
    }
    return QCoreApplication::translate("MapStyles", "Size: links on the map");
}

}  // namespace

const std::vector<QColor>& communityColours()
{
    // Tableau 10's hues, minus its grey (which marks "other"): distinct for most colour vision, and mid
    // light so that white and dark outlines both frame them.
    static const std::vector<QColor> colours{
        QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59), QColor(0x76, 0xb7, 0xb2),
        QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48), QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7),
    };
    return colours;
}

MapMetrics::MapMetrics(std::vector<PersonMetrics> rows, bool betweenness)
    : m_rows(std::move(rows)), m_betweenness(betweenness)
{
    std::sort(m_rows.begin(), m_rows.end(),
              [](const PersonMetrics& a, const PersonMetrics& b) { return a.person < b.person; });
}

const PersonMetrics* MapMetrics::find(PersonId id) const
{
    const auto found = std::lower_bound(m_rows.begin(), m_rows.end(), id,
                                        [](const PersonMetrics& row, PersonId key) { return row.person < key; });
    return found != m_rows.end() && found->person == id ? &*found : nullptr;
}

void colourByCommunity(MapStyle& style, const MapScene& scene, const MapMetrics& metrics)
{
    const std::size_t n = scene.size();
    constexpr std::uint32_t kUnknown = 0xffffffffU;
    std::vector<std::uint32_t> community(n, kUnknown);
    std::unordered_map<std::uint32_t, std::size_t> counts;
    for (std::size_t i = 0; i < n; ++i) {
        if (const PersonMetrics* m = metrics.find(scene.ids[i])) {
            community[i] = m->community;
            ++counts[m->community];
        }
    }
    std::vector<std::pair<std::uint32_t, std::size_t>> bySize(counts.begin(), counts.end());
    std::sort(bySize.begin(), bySize.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    bySize.resize(std::min(bySize.size(), kColouredCommunities));

    const std::vector<QColor>& palette = communityColours();
    style.colours.clear();
    style.colourNames.clear();
    std::unordered_map<std::uint32_t, std::uint8_t> colourOfCommunity;
    for (std::size_t c = 0; c < bySize.size(); ++c) {
        colourOfCommunity[bySize[c].first] = static_cast<std::uint8_t>(c);
        style.colours.push_back(palette[c]);
    }
    const auto other = static_cast<std::uint8_t>(style.colours.size());
    style.colours.emplace_back(0x9c, 0x9e, 0xa6);

    // A community is named after its member with the most links on this map: a name the user can find.
    std::vector<int> named(bySize.size(), -1);
    style.colourOf.assign(n, other);
    for (std::size_t i = 0; i < n; ++i) {
        const auto found = colourOfCommunity.find(community[i]);
        if (found == colourOfCommunity.end()) {
            continue;
        }
        style.colourOf[i] = found->second;
        int& best = named[found->second];
        const auto links = [&](std::size_t k) { return scene.adjacencyOffsets[k + 1] - scene.adjacencyOffsets[k]; };
        if (best < 0 || links(i) > links(static_cast<std::size_t>(best))) {
            best = static_cast<int>(i);
        }
    }
    for (std::size_t c = 0; c < bySize.size(); ++c) {
        style.colourNames.push_back(QCoreApplication::translate("MapStyles", "around %1 (%2)")
                                        .arg(scene.names[static_cast<std::size_t>(named[c])])
                                        .arg(bySize[c].second));
    }
    style.colourNames.push_back(QCoreApplication::translate("MapStyles", "other communities"));
}

void sizePeopleBy(MapStyle& style, const MapScene& scene, MapSizeBy by, const MapMetrics& metrics)
{
    style.sizeCaption = captionOf(by);
    if (!needsMetrics(by)) {
        style.radii = scene.radii;
        return;
    }
    const std::size_t n = scene.size();
    const double largest =
        scene.radii.empty() ? kSmallestRadius
                            : std::max(*std::max_element(scene.radii.begin(), scene.radii.end()), kSmallestRadius + 4);
    std::vector<double> values(n, 0);
    double top = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (const PersonMetrics* m = metrics.find(scene.ids[i])) {
            values[i] = std::max(valueOf(*m, by), 0.0);
            top = std::max(top, values[i]);
        }
    }
    style.radii.assign(n, kSmallestRadius);
    if (top <= 0) {
        return;
    }
    for (std::size_t i = 0; i < n; ++i) {
        style.radii[i] = kSmallestRadius + (largest - kSmallestRadius) * std::sqrt(values[i] / top);
    }
}

}  // namespace warmpath::ui
