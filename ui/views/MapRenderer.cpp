#include "views/MapRenderer.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QHash>
#include <QImage>
#include <QLineF>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QStaticText>

#include "Format.h"
#include "views/MapPainting.h"

namespace warmpath::ui {

using namespace mapdraw;  // NOLINT: the renderer's own primitives

namespace {

constexpr double kMinRadius = 1.5;
constexpr double kMaxRadius = 34.0;
/// Labels are tried for at most this many people a frame, placed for at most kMaxLabels.
constexpr int kMaxLabelTries = 4000;
constexpr int kMaxLabels = 350;
/// More links than this on screen are drawn as opaque one-pixel lines without antialiasing.
constexpr std::size_t kManyLinks = 4000;
/// What the links of one frame may cost, in pixels of line, each line counted as its length plus
/// kLinkLineCost for the work QPainter does per line. Past it the links are sampled: at 20,000 people
/// and 100,000 links the whole picture is a haze, and sampling keeps a frame within 16 ms.
constexpr double kLinkPixelBudget = 1'500'000;
constexpr double kLinkLineCost = 12;
/// Links up to this long (in pixels, |dx| + |dy|) are a cluster's own and are sampled last.
constexpr double kShortLink = 48;
double sizeFactor(const MapViewState& view)
{
    // Nodes grow with the zoom, but slower than the distances between them: zoomed in they separate.
    return std::sqrt(std::max(view.scale / std::max(view.fitScale, 1e-9), 1e-6));
}

}  // namespace

namespace {

/// Where each person lands on screen this frame, how big, and whether they are on screen at all.
struct Projection {
    QTransform transform;
    QRectF screen;
    std::vector<QPointF> at;
    std::vector<double> radius;
    std::vector<char> visible;
};

double radiusOn(const MapStyle& style, std::size_t i, double grow)
{
    return std::clamp(style.radii[i] * grow, kMinRadius, kMaxRadius);
}

Projection project(QSize viewport, const MapScene& scene, const MapViewState& view, const MapStyle& style)
{
    Projection p;
    const std::size_t n = scene.size();
    p.transform = view.transform(viewport);
    p.screen = QRectF(QPointF(0, 0), QSizeF(viewport)).adjusted(-40, -40, 40, 40);
    const double grow = sizeFactor(view);
    p.at.resize(n);
    p.radius.resize(n);
    p.visible.assign(n, 0);
    // The transform is a scale and a translation: applying it by hand is several times cheaper than
    // QTransform::map's general case, and this loop runs over every person every frame.
    const double m11 = p.transform.m11();
    const double m22 = p.transform.m22();
    const double dx = p.transform.dx();
    const double dy = p.transform.dy();
    for (std::size_t i = 0; i < n; ++i) {
        const QPointF& q = scene.positions[i];
        p.at[i] = QPointF(q.x() * m11 + dx, q.y() * m22 + dy);
        p.radius[i] = radiusOn(style, i, grow);
        p.visible[i] = p.screen.contains(p.at[i]) ? 1 : 0;
    }
    return p;
}

const QColor& colourOf(const MapStyle& style, std::size_t i)
{
    return style.colours[style.colourOf[i]];
}

const QColor kPathColour(0xe0, 0x4e, 0x39);

void drawDisc(QPainter& painter, const QPointF& at, double radius, const QColor& fill, const MapViewState& view,
              bool stamp, qreal dpr)
{
    if (stamp) {
        const QPixmap& sprite = discSprite(fill, radius, view.dark, dpr);
        const double half = sprite.width() / dpr / 2;
        painter.drawPixmap(QPointF(std::round(at.x() - half), std::round(at.y() - half)), sprite);
        return;
    }
    painter.setPen(QPen(outlineColour(view), radius > 5 ? 1.5 : 1.0));
    painter.setBrush(fill);
    painter.drawEllipse(at, radius, radius);
}

/// Links on screen, split at kShortLink pixels: short ones carry a cluster's structure, long ones cross
/// the map and cost the raster engine a pixel each.
struct LinkBatch {
    std::vector<QLineF> shortLines;
    std::vector<QLineF> longLines;
    double shortCost = 0;
    double longCost = 0;
};

/// Keeps every `stride`-th line; the lines kept stand for the rest.
void thin(std::vector<QLineF>& lines, std::size_t stride)
{
    if (stride <= 1) {
        return;
    }
    std::size_t kept = 0;
    for (std::size_t k = 0; k < lines.size(); k += stride) {
        lines[kept++] = lines[k];
    }
    lines.resize(kept);
}

void drawRings(QPainter& painter, const MapScene& scene, const MapViewState& view, const Projection& p)
{
    if (!view.showRings || scene.centre < 0) {
        return;
    }
    const QPointF origin = p.at[static_cast<std::size_t>(scene.centre)];
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    for (std::size_t h = 0; h < scene.ringRadii.size(); ++h) {
        const double r = scene.ringRadii[h] * view.scale;
        if (r < 12) {
            continue;
        }
        painter.setPen(QPen(withAlpha(degreeColor(static_cast<int>(h) + 1), view.dark ? 0.5 : 0.6), 1.2, Qt::DashLine));
        painter.drawEllipse(origin, r, r);
    }
}

/// The rings' captions go over the people, on a halo: under them a crowd would hide the words.
void drawRingCaptions(QPainter& painter, const MapScene& scene, const MapViewState& view, const Projection& p)
{
    if (!view.showRings || scene.centre < 0) {
        return;
    }
    const QPointF origin = p.at[static_cast<std::size_t>(scene.centre)];
    const QFont original = painter.font();
    QFont font = original;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    for (std::size_t h = 0; h < scene.ringRadii.size(); ++h) {
        const double r = scene.ringRadii[h] * view.scale;
        if (r < 12) {
            continue;
        }
        const QString caption = h == 0 ? QCoreApplication::translate("MapRenderer", "within 1 hop")
                                       : QCoreApplication::translate("MapRenderer", "within %1 hops").arg(h + 1);
        const QRectF box(origin.x() - metrics.horizontalAdvance(caption) / 2 - 5,
                         origin.y() - r - metrics.height() / 2 - 1, metrics.horizontalAdvance(caption) + 10,
                         metrics.height() + 2);
        painter.setPen(Qt::NoPen);
        painter.setBrush(haloColour(view));
        painter.drawRoundedRect(box, 4, 4);
        const QColor ring = degreeColor(static_cast<int>(h) + 1);
        painter.setPen(view.dark ? ring.lighter(130) : ring.darker(150));
        painter.drawText(box, Qt::AlignCenter, caption);
    }
    painter.setFont(original);
}

}  // namespace

MapStyle MapStyle::byDegreeRing(const MapScene& scene)
{
    MapStyle style;
    // A legend entry per ring the map reaches, no more: a 2-hop map has no "3rd".
    const int farthest =
        scene.hops.empty() ? 0 : std::clamp(*std::max_element(scene.hops.begin(), scene.hops.end()), 0, 4);
    for (int hops = 0; hops <= farthest; ++hops) {
        style.colours.push_back(degreeColor(hops));
        style.colourNames.push_back(hops == 0   ? QCoreApplication::translate("MapRenderer", "Centre")
                                    : hops == 4 ? QCoreApplication::translate("MapRenderer", "4th and further")
                                                : degreeBadge(hops));
    }
    style.colourOf.resize(scene.size());
    for (std::size_t i = 0; i < scene.size(); ++i) {
        style.colourOf[i] = static_cast<std::uint8_t>(std::clamp(scene.hops[i], 0, farthest));
    }
    style.radii = scene.radii;
    style.sizeCaption = QCoreApplication::translate("MapRenderer", "Size: links on the map");
    return style;
}

MapFrameStats paintMapBase(QPainter& painter, QSize viewport, const MapScene& scene, const MapViewState& view,
                           const MapStyle& style)
{
    MapFrameStats stats;
    const std::size_t n = scene.size();
    if (n == 0 || !style.fits(scene)) {
        return stats;
    }
    const Projection p = project(viewport, scene, view, style);
    drawRings(painter, scene, view, p);

    // Links: culled to the screen, then to a budget of pixels (see kLinkPixelBudget).
    LinkBatch links;
    const double diagonal = std::hypot(viewport.width(), viewport.height());
    links.shortLines.reserve(std::min<std::size_t>(scene.links.size(), 200'000));
    for (const auto& [a, b] : scene.links) {
        const QPointF& from = p.at[a];
        const QPointF& to = p.at[b];
        if (!p.visible[a] && !p.visible[b]) {
            // Both ends off screen: drawn only when its bounding box meets the screen. Compared by hand:
            // this runs for most of 100,000 links when zoomed in.
            if (std::max(from.x(), to.x()) < p.screen.left() || std::min(from.x(), to.x()) > p.screen.right() ||
                std::max(from.y(), to.y()) < p.screen.top() || std::min(from.y(), to.y()) > p.screen.bottom()) {
                continue;
            }
        }
        const double length = std::abs(to.x() - from.x()) + std::abs(to.y() - from.y());
        if (length < 1) {
            continue;  // inside the dots it joins
        }
        const double cost = std::min(length, diagonal) + kLinkLineCost;
        if (length <= kShortLink) {
            links.shortLines.emplace_back(from, to);
            links.shortCost += cost;
        } else {
            links.longLines.emplace_back(from, to);
            links.longCost += cost;
        }
    }
    const std::size_t onScreen = links.shortLines.size() + links.longLines.size();
    std::size_t shortStride = 1;
    std::size_t longStride = 1;
    if (links.shortCost + links.longCost > kLinkPixelBudget) {
        // Short lines first: they are cheap and show who clusters with whom; long ones share what is left.
        const double shortShare = std::min(links.shortCost, kLinkPixelBudget * 0.6);
        shortStride = static_cast<std::size_t>(std::ceil(links.shortCost / std::max(shortShare, 1.0)));
        longStride = static_cast<std::size_t>(std::ceil(links.longCost / std::max(kLinkPixelBudget - shortShare, 1.0)));
        thin(links.shortLines, shortStride);
        thin(links.longLines, longStride);
    }
    stats.linksDrawn = static_cast<int>(links.shortLines.size() + links.longLines.size());
    const QColor ink = inkColour(view);
    if (onScreen > kManyLinks) {
        // Level of detail for crowds: opaque one-pixel lines (the raster engine's fast path; blending each
        // pixel costs several times more) in the colour the translucent ink would give on the background.
        // A line kept from a sample stands for `stride` lines, so it is drawn darker. The picture at that
        // density is a haze either way; hovering still draws all of a person's links.
        const double alpha = std::clamp(1800.0 / static_cast<double>(onScreen), 0.08, 0.16);
        painter.setRenderHint(QPainter::Antialiasing, false);
        const auto stridden = [&](std::size_t stride) {
            return over(ink, std::min(1.0, alpha * (1 + 0.6 * static_cast<double>(stride - 1))), view.background);
        };
        drawPlainLines(painter, links.shortLines, stridden(shortStride));
        drawPlainLines(painter, links.longLines, stridden(longStride));
    } else {
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(withAlpha(ink, 0.32), 0.8));
        painter.drawLines(links.shortLines.data(), static_cast<int>(links.shortLines.size()));
        painter.drawLines(links.longLines.data(), static_cast<int>(links.longLines.size()));
    }

    std::vector<std::vector<QRectF>> dots(style.colours.size());
    std::vector<std::uint32_t> discs;
    for (std::size_t i = 0; i < n; ++i) {
        if (!p.visible[i]) {
            continue;
        }
        ++stats.nodesDrawn;
        const double r = p.radius[i];
        if (r < 2.6) {
            dots[style.colourOf[i]].emplace_back(p.at[i].x() - r, p.at[i].y() - r, 2 * r, 2 * r);
        } else {
            discs.push_back(static_cast<std::uint32_t>(i));
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    for (std::size_t c = 0; c < dots.size(); ++c) {
        if (!dots[c].empty()) {
            painter.setBrush(over(style.colours[c], 0.95, view.background));
            painter.drawRects(dots[c].data(), static_cast<int>(dots[c].size()));
        }
    }
    std::stable_sort(discs.begin(), discs.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return scene.hops[a] > scene.hops[b]; });
    painter.setRenderHint(QPainter::Antialiasing, true);
    // On raster targets discs are stamped from cached sprites (stroking an antialiased ellipse costs
    // twenty times the blit); vector targets (SVG) get ellipses.
    const bool stamp = canStamp(painter);
    const qreal dpr = painter.device() != nullptr ? painter.device()->devicePixelRatioF() : 1.0;
    for (std::uint32_t i : discs) {
        drawDisc(painter, p.at[i], p.radius[i], colourOf(style, i), view, stamp, dpr);
    }
    drawRingCaptions(painter, scene, view, p);
    // Labels: the centre whatever the crowd, then the most important that fit, up to a number the viewport
    // can take in. Tiny people are labelled only when zoomed in enough for the label to belong to them.
    LabelPainter labels(painter, viewport, view);
    if (scene.centre >= 0 && p.visible[static_cast<std::size_t>(scene.centre)]) {
        const auto c = static_cast<std::size_t>(scene.centre);
        labels.force(scene.names[c], p.at[c], p.radius[c]);
    }
    const int labelBudget = std::clamp(viewport.width() * viewport.height() / 10'000, 20, kMaxLabels);
    int tries = 0;
    for (std::uint32_t i : scene.labelOrder) {
        if (tries >= kMaxLabelTries || labels.drawn() >= labelBudget) {
            break;
        }
        if (static_cast<int>(i) == scene.centre || !p.visible[i] || p.radius[i] < 3) {
            continue;
        }
        ++tries;
        labels.tryPlace(scene.names[i], p.at[i], p.radius[i]);
    }
    stats.labelsDrawn = labels.drawn();
    return stats;
}

namespace {

/// The hover card's lines: who, then how far from the centre and how many links they have on the map.
QStringList hoverLines(const MapScene& scene, std::uint32_t i)
{
    const int hops = scene.hops[i];
    const auto links = static_cast<int>(scene.adjacencyOffsets[i + 1] - scene.adjacencyOffsets[i]);
    const QString where = hops == 0   ? QCoreApplication::translate("MapRenderer", "the centre of the map")
                          : hops == 1 ? QCoreApplication::translate("MapRenderer", "1 hop from the centre")
                                      : QCoreApplication::translate("MapRenderer", "%1 hops from the centre").arg(hops);
    const QString linked = links == 1 ? QCoreApplication::translate("MapRenderer", "1 link on the map")
                                      : QCoreApplication::translate("MapRenderer", "%1 links on the map").arg(links);
    return {scene.names[i], where + QStringLiteral(" \u00b7 ") + linked};
}

/// Where the hover card goes: above the person and their label, else beside or below them — the first
/// side with room on screen, slid along that side to fit, so that their disc and their label stay in
/// view; clear of the legend where it can be.
QRectF placeHoverCard(QSizeF card, QPointF at, double radius, const QRectF& label, const QRectF& legend, QSize viewport)
{
    const double gap = 8;
    const QRectF screen(QPointF(0, 0), QSizeF(viewport));
    const QRectF disc(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius);
    const QRectF taken = label.isEmpty() ? disc : disc.united(label);
    const auto slideHorizontally = [&](QRectF rect) {
        rect.moveLeft(std::clamp(rect.left(), 0.0, std::max(0.0, screen.width() - rect.width())));
        return rect;
    };
    const auto slideVertically = [&](QRectF rect) {
        rect.moveTop(std::clamp(rect.top(), 0.0, std::max(0.0, screen.height() - rect.height())));
        return rect;
    };
    const std::vector<QRectF> candidates{
        slideHorizontally(QRectF(QPointF(at.x() - card.width() / 2, taken.top() - gap - card.height()), card)),
        slideVertically(QRectF(QPointF(taken.right() + gap, at.y() - card.height() / 2), card)),
        slideVertically(QRectF(QPointF(taken.left() - gap - card.width(), at.y() - card.height() / 2), card)),
        slideHorizontally(QRectF(QPointF(at.x() - card.width() / 2, taken.bottom() + gap), card)),
    };
    for (const bool avoidLegend : {true, false}) {
        for (const QRectF& rect : candidates) {
            if (screen.contains(rect) && !rect.intersects(taken) &&
                !(avoidLegend && !legend.isEmpty() && rect.intersects(legend))) {
                return rect;
            }
        }
    }
    return {};  // a map too small for it: the label says who it is
}

void drawHoverCard(QPainter& painter, const QRectF& card, const QStringList& lines, const MapViewState& view)
{
    const QFont original = painter.font();
    const QFont bold = bolder(original);
    const QFontMetricsF metrics(original);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(withAlpha(inkColour(view), 0.25), 1));
    painter.setBrush(panelColour(view));
    painter.drawRoundedRect(card, 5, 5);
    double y = card.top() + 5;
    for (qsizetype k = 0; k < lines.size(); ++k) {
        painter.setFont(k == 0 ? bold : original);
        painter.setPen(k == 0 ? inkColour(view) : withAlpha(inkColour(view), 0.72));
        painter.drawText(QRectF(card.left() + 8, y, card.width() - 16, metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, lines[k]);
        y += metrics.height() + 1;
    }
    painter.setFont(original);
}

QSizeF hoverCardSize(const QStringList& lines, const QFont& font)
{
    const QFontMetricsF plain(font);
    const QFontMetricsF bold(bolder(font));
    double width = 0;
    for (qsizetype k = 0; k < lines.size(); ++k) {
        width = std::max(width, (k == 0 ? bold : plain).horizontalAdvance(lines[k]));
    }
    return {width + 16, static_cast<double>(lines.size()) * (plain.height() + 1) + 9};
}

}  // namespace

MapFrameStats paintMapFocus(QPainter& painter, QSize viewport, const MapScene& scene, const MapViewState& view,
                            const MapStyle& style)
{
    MapFrameStats stats;
    const std::size_t n = scene.size();
    if (n == 0 || !style.fits(scene) || !view.hasFocus()) {
        return stats;
    }
    const QTransform t = view.transform(viewport);
    const QRectF screen = QRectF(QPointF(0, 0), QSizeF(viewport)).adjusted(-40, -40, 40, 40);
    const double grow = sizeFactor(view);
    const auto at = [&](std::uint32_t i) { return t.map(scene.positions[i]); };
    const auto radius = [&](std::uint32_t i) { return radiusOn(style, i, grow); };

    // The veil: one translucent fill fades the whole base layer, whatever it holds.
    painter.fillRect(QRectF(QPointF(0, 0), QSizeF(viewport)), withAlpha(view.background, view.dark ? 0.7 : 0.66));

    // Who stands out: the focus, their neighbours, the path, and the centre.
    const int focus = view.focus();
    std::vector<char> onPath(n, 0);
    for (std::uint32_t i : view.path) {
        onPath[i] = 1;
    }
    std::vector<std::uint32_t> lit;
    std::vector<QLineF> litLines;
    if (focus >= 0) {
        const auto f = static_cast<std::uint32_t>(focus);
        const QPointF from = at(f);
        for (std::uint32_t k = scene.adjacencyOffsets[f]; k < scene.adjacencyOffsets[f + 1]; ++k) {
            const std::uint32_t other = scene.adjacency[k];
            const QPointF to = at(other);
            if (screen.contains(from) || screen.contains(to) || QRectF(from, to).normalized().intersects(screen)) {
                litLines.emplace_back(from, to);
            }
            lit.push_back(other);
        }
        lit.push_back(f);
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (!litLines.empty()) {
        painter.setPen(QPen(withAlpha(accentColour(view), 0.85), 1.6));
        painter.drawLines(litLines.data(), static_cast<int>(litLines.size()));
    }
    stats.linksDrawn = static_cast<int>(litLines.size());
    if (scene.centre >= 0) {
        lit.push_back(static_cast<std::uint32_t>(scene.centre));
    }
    std::sort(lit.begin(), lit.end());
    lit.erase(std::unique(lit.begin(), lit.end()), lit.end());
    std::erase_if(lit, [&](std::uint32_t i) { return onPath[i] != 0 || !screen.contains(at(i)); });
    std::stable_sort(lit.begin(), lit.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return scene.hops[a] > scene.hops[b]; });
    const bool stamp = canStamp(painter);
    const qreal dpr = painter.device() != nullptr ? painter.device()->devicePixelRatioF() : 1.0;
    for (std::uint32_t i : lit) {
        drawDisc(painter, at(i), radius(i), colourOf(style, i), view, stamp, dpr);
    }
    // The path above everything else: its line over the lit links and people, its people over the line.
    if (view.path.size() > 1) {
        QPainterPath path(at(view.path.front()));
        for (std::size_t k = 1; k < view.path.size(); ++k) {
            path.lineTo(at(view.path[k]));
        }
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(withAlpha(kPathColour, 0.35), 9, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(path);
        painter.setPen(QPen(kPathColour, 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(path);
        stats.linksDrawn += static_cast<int>(view.path.size() - 1);
    }
    for (std::uint32_t i : view.path) {
        if (screen.contains(at(i))) {
            drawDisc(painter, at(i), radius(i), colourOf(style, i), view, stamp, dpr);
        }
    }
    stats.nodesDrawn = static_cast<int>(lit.size() + view.path.size());
    for (int i : {view.selected, view.hovered}) {
        if (i >= 0) {
            const auto u = static_cast<std::uint32_t>(i);
            painter.setPen(QPen(accentColour(view), 2.5));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(at(u), radius(u) + 4, radius(u) + 4);
        }
    }

    // Labels: the path's people first, each where no other is; then the centre, hovered and selected
    // whatever the crowd; the neighbours where they fit.
    LabelPainter labels(painter, viewport, view);
    std::vector<char> labelled(n, 0);
    for (std::uint32_t i : view.path) {
        const QPointF p = at(i);
        QRectF placed;
        if (!labelled[i] && screen.contains(p)) {
            labelled[i] = 1;
            placed = labels.force(scene.names[i], p, radius(i));
        }
        stats.pathLabels.push_back(placed);
        if (static_cast<int>(i) == view.hovered) {
            stats.hoveredLabel = placed;
        }
    }
    // The centre next: the base layer forced its label first too, so it lands where the base put it
    // and no faded copy shows through the veil beside it.
    for (int i : {scene.centre, view.hovered, view.selected}) {
        if (i < 0) {
            continue;
        }
        const auto u = static_cast<std::uint32_t>(i);
        const QPointF p = at(u);
        if (labelled[u] || !screen.contains(p)) {
            continue;
        }
        labelled[u] = 1;
        const QRectF placed = labels.force(scene.names[u], p, radius(u));
        if (i == view.hovered) {
            stats.hoveredLabel = placed;
        }
    }
    // The hover card's place is taken before the neighbours' labels, so that none hides under it.
    QStringList card;
    if (view.hovered >= 0) {
        const auto h = static_cast<std::uint32_t>(view.hovered);
        card = hoverLines(scene, h);
        stats.hoverCard = placeHoverCard(hoverCardSize(card, painter.font()), at(h), radius(h), stats.hoveredLabel,
                                         view.legend, viewport);
        labels.reserve(stats.hoverCard);
    }
    const int labelBudget = std::clamp(viewport.width() * viewport.height() / 10'000, 20, kMaxLabels);
    for (std::uint32_t i : lit) {
        if (labels.drawn() >= labelBudget) {
            break;
        }
        if (!labelled[i]) {
            labelled[i] = 1;
            labels.tryPlace(scene.names[i], at(i), radius(i));
        }
    }
    stats.labelsDrawn = labels.drawn();
    if (!stats.hoverCard.isEmpty()) {
        drawHoverCard(painter, stats.hoverCard, card, view);
    }
    return stats;
}

MapFrameStats paintMap(QPainter& painter, QSize viewport, const MapScene& scene, const MapViewState& view,
                       const MapStyle* style)
{
    const MapStyle fallback = style != nullptr && style->fits(scene) ? MapStyle() : MapStyle::byDegreeRing(scene);
    const MapStyle& used = style != nullptr && style->fits(scene) ? *style : fallback;
    MapFrameStats stats = paintMapBase(painter, viewport, scene, view, used);
    const MapFrameStats focus = paintMapFocus(painter, viewport, scene, view, used);
    // The focus layer redraws people and labels the base drew already; only its links are new.
    stats.linksDrawn += focus.linksDrawn;
    return stats;
}

namespace {

QFont legendFont(QFont font)
{
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}

}  // namespace

QRectF mapLegendRect(QSize viewport, const MapStyle& style, const QFont& font)
{
    if (style.colours.empty()) {
        return {};
    }
    const QFontMetricsF metrics(legendFont(font));
    const double line = metrics.height() + 3;
    const double swatch = metrics.height() * 0.7;
    double width = metrics.horizontalAdvance(style.sizeCaption);
    for (const QString& name : style.colourNames) {
        width = std::max(width, swatch + 8 + metrics.horizontalAdvance(name));
    }
    const auto rows = static_cast<double>(style.colourNames.size() + (style.sizeCaption.isEmpty() ? 0 : 1));
    return {12, viewport.height() - 12 - rows * line - 14, width + 20, rows * line + 14};
}

void paintMapLegend(QPainter& painter, QSize viewport, const MapStyle& style, const MapViewState& view)
{
    const QRectF box = mapLegendRect(viewport, style, painter.font());
    if (box.isEmpty()) {
        return;
    }
    const QFont original = painter.font();
    const QFont font = legendFont(original);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const double line = metrics.height() + 3;
    const double swatch = metrics.height() * 0.7;
    const double width = box.width() - 20;
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(withAlpha(inkColour(view), 0.18), 1));
    painter.setBrush(panelColour(view));
    painter.drawRoundedRect(box, 6, 6);
    double y = box.top() + 7;
    const QColor ink = inkColour(view);
    for (std::size_t c = 0; c < style.colourNames.size() && c < style.colours.size(); ++c) {
        painter.setPen(QPen(outlineColour(view), 1));
        painter.setBrush(style.colours[c]);
        painter.drawEllipse(QPointF(box.left() + 10 + swatch / 2, y + line / 2), swatch / 2, swatch / 2);
        painter.setPen(ink);
        painter.drawText(QRectF(box.left() + 10 + swatch + 8, y, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                         style.colourNames[c]);
        y += line;
    }
    if (!style.sizeCaption.isEmpty()) {
        painter.setPen(withAlpha(ink, 0.7));
        painter.drawText(QRectF(box.left() + 10, y, width, line), Qt::AlignLeft | Qt::AlignVCenter, style.sizeCaption);
    }
    painter.setFont(original);
}

}  // namespace warmpath::ui
