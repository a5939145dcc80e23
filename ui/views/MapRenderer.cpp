#include "views/MapRenderer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QHash>
#include <QImage>
#include <QLineF>
#include <QPainter>
#include <QPainterPath>

#include "Format.h"

namespace warmpath::ui {

namespace {

constexpr double kMinRadius = 1.5;
constexpr double kMaxRadius = 34.0;
/// Labels are tried for at most this many people a frame, placed for at most kMaxLabels.
constexpr int kMaxLabelTries = 4000;
constexpr int kMaxLabels = 350;
/// More discs than this on screen are stamped from sprites.
constexpr std::size_t kMaxVectorDiscs = 300;
/// More plain links than this on screen are sampled evenly down to it.
constexpr std::size_t kMaxPlainLinks = 20'000;
/// Side of the cells of the grid that tells whether a label would overlap another.
constexpr int kCell = 6;

double sizeFactor(const MapViewState& view)
{
    // Nodes grow with the zoom, but slower than the distances between them: zoomed in they separate.
    return std::sqrt(std::max(view.scale / std::max(view.fitScale, 1e-9), 1e-6));
}

/// Marks which cells of the viewport labels cover.
class LabelGrid {
public:
    explicit LabelGrid(QSize viewport)
        : m_columns(viewport.width() / kCell + 1),
          m_rows(viewport.height() / kCell + 1),
          m_taken(static_cast<std::size_t>(m_columns * m_rows), false)
    {
    }

    /// Takes the cells of `rect` when none is taken yet.
    bool tryTake(const QRectF& rect)
    {
        const int left = static_cast<int>(std::floor(rect.left() / kCell));
        const int right = static_cast<int>(std::floor(rect.right() / kCell));
        const int top = static_cast<int>(std::floor(rect.top() / kCell));
        const int bottom = static_cast<int>(std::floor(rect.bottom() / kCell));
        if (left < 0 || top < 0 || right >= m_columns || bottom >= m_rows) {
            return false;  // a label cut by the edge reads worse than none
        }
        for (int y = top; y <= bottom; ++y) {
            for (int x = left; x <= right; ++x) {
                if (m_taken[cell(x, y)]) {
                    return false;
                }
            }
        }
        for (int y = top; y <= bottom; ++y) {
            for (int x = left; x <= right; ++x) {
                m_taken[cell(x, y)] = true;
            }
        }
        return true;
    }

private:
    [[nodiscard]] std::size_t cell(int x, int y) const { return static_cast<std::size_t>(y * m_columns + x); }

    int m_columns;
    int m_rows;
    std::vector<bool> m_taken;
};

/// `colour` at `alpha` over `background`, as an opaque colour: opaque fills take the raster engine's
/// fast path.
QColor over(const QColor& colour, double alpha, const QColor& background)
{
    const auto mix = [alpha](int a, int b) { return static_cast<int>(std::lround(a * alpha + b * (1 - alpha))); };
    return QColor(mix(colour.red(), background.red()), mix(colour.green(), background.green()),
                  mix(colour.blue(), background.blue()));
}

QColor withAlpha(QColor colour, double alpha)
{
    colour.setAlphaF(static_cast<float>(alpha));
    return colour;
}

/// A disc for the degree ring `ring` with its outline, radius rounded to half pixels: a few dozen
/// sprites serve any number of people. Painting happens on one thread (the UI's, or a benchmark's).
const QImage& discSprite(int ring, double radius, bool strong, bool dark, qreal dpr)
{
    static QHash<quint64, QImage> cache;
    const auto halfPixels = static_cast<quint64>(std::lround(radius * 2));
    const quint64 key = (halfPixels << 16) | (static_cast<quint64>(ring) << 8) | (strong ? 4U : 0U) | (dark ? 2U : 0U) |
                        static_cast<quint64>(std::lround(dpr * 4) << 40);
    auto found = cache.constFind(key);
    if (found != cache.constEnd()) {
        return *found;
    }
    const double r = static_cast<double>(halfPixels) / 2;
    const int side = static_cast<int>(std::ceil((2 * r + 4) * dpr));
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor outline = dark ? QColor(0x1b, 0x1e, 0x24) : QColor(0xff, 0xff, 0xff);
    QColor fill = degreeColor(ring);
    p.setPen(QPen(strong ? outline : withAlpha(outline, 0.3), r > 5 ? 1.5 : 1.0));
    p.setBrush(strong ? fill : withAlpha(fill, 0.3));
    const double centre = side / dpr / 2;
    p.drawEllipse(QPointF(centre, centre), r, r);
    p.end();
    return *cache.insert(key, image);
}

}  // namespace

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

MapFrameStats paintMap(QPainter& painter, QSize viewport, const MapScene& scene, const MapViewState& view)
{
    MapFrameStats stats;
    const std::size_t n = scene.size();
    if (n == 0) {
        return stats;
    }
    const QTransform t = view.transform(viewport);
    const QRectF screen = QRectF(QPointF(0, 0), QSizeF(viewport)).adjusted(-40, -40, 40, 40);
    const double grow = sizeFactor(view);

    std::vector<QPointF> at(n);
    std::vector<double> radius(n);
    std::vector<char> visible(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        at[i] = t.map(scene.positions[i]);
        radius[i] = std::clamp(scene.radii[i] * grow, kMinRadius, kMaxRadius);
        visible[i] = screen.contains(at[i]) ? 1 : 0;
    }

    // Who stands out: the hovered person (else the selected one), their neighbours, and the path.
    const int focus = view.hovered >= 0 ? view.hovered : view.selected;
    std::vector<char> lit(n, 0);
    if (focus >= 0) {
        const auto f = static_cast<std::size_t>(focus);
        lit[f] = 1;
        for (std::uint32_t k = scene.adjacencyOffsets[f]; k < scene.adjacencyOffsets[f + 1]; ++k) {
            lit[scene.adjacency[k]] = 1;
        }
    }
    std::vector<char> onPath(n, 0);
    for (std::uint32_t p : view.path) {
        onPath[p] = 1;
    }
    const bool dimming = focus >= 0 || !view.path.empty();

    const QColor ink = view.dark ? QColor(0xe6, 0xe8, 0xee) : QColor(0x1f, 0x23, 0x2b);
    const QColor accent = view.dark ? QColor(0x7a, 0xb8, 0xff) : QColor(0x1f, 0x6f, 0xd1);
    const QColor pathColour(0xe0, 0x4e, 0x39);

    // Rings first, under everything.
    if (view.showRings && scene.centre >= 0) {
        const QPointF origin = at[static_cast<std::size_t>(scene.centre)];
        QFont font = painter.font();
        font.setPointSizeF(font.pointSizeF() * 0.85);
        painter.setFont(font);
        painter.setRenderHint(QPainter::Antialiasing, true);
        for (std::size_t h = 0; h < scene.ringRadii.size(); ++h) {
            const double r = scene.ringRadii[h] * view.scale;
            if (r < 12) {
                continue;
            }
            const QColor ring = withAlpha(degreeColor(static_cast<int>(h) + 1), view.dark ? 0.45 : 0.55);
            painter.setPen(QPen(ring, 1.2, Qt::DashLine));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(origin, r, r);
            painter.setPen(ring.darker(view.dark ? 80 : 130));
            painter.drawText(QPointF(origin.x() + 6, origin.y() - r - 4),
                             h == 0 ? QCoreApplication::translate("MapRenderer", "within 1 hop")
                                    : QCoreApplication::translate("MapRenderer", "within %1 hops").arg(h + 1));
        }
    }

    // Links: one batch for the plain ones (antialiased only when few), then the lit ones, then the path.
    std::vector<QLineF> plain;
    std::vector<QLineF> litLines;
    plain.reserve(std::min<std::size_t>(scene.links.size(), 200'000));
    for (const auto& [a, b] : scene.links) {
        const QPointF& p = at[a];
        const QPointF& q = at[b];
        if (!visible[a] && !visible[b]) {
            // Both ends off screen: drawn only when the line may still cross it.
            const QRectF box = QRectF(p, q).normalized();
            if (!box.intersects(screen)) {
                continue;
            }
        }
        if (focus >= 0 && (static_cast<int>(a) == focus || static_cast<int>(b) == focus)) {
            litLines.emplace_back(p, q);
        } else {
            plain.emplace_back(p, q);
        }
    }
    stats.linksDrawn = static_cast<int>(plain.size() + litLines.size());
    const bool manyLinks = plain.size() > 4000;
    double linkAlpha = manyLinks ? std::clamp(1800.0 / static_cast<double>(plain.size()), 0.08, 0.16) : 0.32;
    if (dimming) {
        linkAlpha *= 0.45;
    }
    if (manyLinks) {
        // Level of detail for crowds: opaque one-pixel lines (the raster engine's fast path; blending
        // each pixel costs several times more) in the colour the translucent ink would give on the
        // background, and past kMaxPlainLinks an even sample of them. The picture at that density is a
        // haze either way; hovering still draws all of a person's links.
        if (plain.size() > kMaxPlainLinks) {
            const std::size_t stride = (plain.size() + kMaxPlainLinks - 1) / kMaxPlainLinks;
            std::size_t kept = 0;
            for (std::size_t k = 0; k < plain.size(); k += stride) {
                plain[kept++] = plain[k];
            }
            plain.resize(kept);
            linkAlpha = std::min(1.0, linkAlpha * static_cast<double>(stride) * 0.6);
        }
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(over(ink, linkAlpha, view.background), 0));
    } else {
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(withAlpha(ink, linkAlpha), 0.8));
    }
    painter.drawLines(plain.data(), static_cast<int>(plain.size()));
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (!litLines.empty()) {
        painter.setPen(QPen(withAlpha(accent, 0.85), 1.6));
        painter.drawLines(litLines.data(), static_cast<int>(litLines.size()));
    }
    if (view.path.size() > 1) {
        QPainterPath path(at[view.path.front()]);
        for (std::size_t k = 1; k < view.path.size(); ++k) {
            path.lineTo(at[view.path[k]]);
        }
        painter.setPen(QPen(withAlpha(pathColour, 0.35), 9, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(path);
        painter.setPen(QPen(pathColour, 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(path);
    }

    // People: tiny ones as rectangles batched by colour, larger ones as outlined discs, far to near so
    // that the centre and the first ring lie on top.
    const QColor outline = view.dark ? QColor(0x1b, 0x1e, 0x24) : QColor(0xff, 0xff, 0xff);
    std::vector<std::vector<QRectF>> dots(6);
    std::vector<std::uint32_t> discs;
    for (std::size_t i = 0; i < n; ++i) {
        if (!visible[i]) {
            continue;
        }
        ++stats.nodesDrawn;
        if (radius[i] < 2.6 && !lit[i] && !onPath[i] && static_cast<int>(i) != view.selected) {
            const auto ring = static_cast<std::size_t>(std::clamp(scene.hops[i], 0, 4));
            const double r = radius[i];
            dots[ring].emplace_back(at[i].x() - r, at[i].y() - r, 2 * r, 2 * r);
        } else {
            discs.push_back(static_cast<std::uint32_t>(i));
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    for (std::size_t ring = 0; ring < 5; ++ring) {
        if (dots[ring].empty()) {
            continue;
        }
        painter.setBrush(over(degreeColor(static_cast<int>(ring)), dimming ? 0.3 : 0.95, view.background));
        painter.drawRects(dots[ring].data(), static_cast<int>(dots[ring].size()));
    }
    std::stable_sort(discs.begin(), discs.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return scene.hops[a] > scene.hops[b]; });
    painter.setRenderHint(QPainter::Antialiasing, true);
    // Many discs are stamped from cached sprites (stroking thousands of antialiased ellipses costs
    // far more than blitting them); a few are drawn as vectors, crisp at any size.
    const bool stamp = discs.size() > kMaxVectorDiscs;
    const qreal dpr = painter.device() != nullptr ? painter.device()->devicePixelRatioF() : 1.0;
    for (std::uint32_t i : discs) {
        const bool strong = !dimming || lit[i] || onPath[i];
        if (stamp) {
            const QImage& sprite = discSprite(std::clamp(scene.hops[i], 0, 4), radius[i], strong, view.dark, dpr);
            const double half = sprite.width() / dpr / 2;
            painter.drawImage(QPointF(std::round(at[i].x() - half), std::round(at[i].y() - half)), sprite);
        } else {
            QColor fill = degreeColor(scene.hops[i]);
            if (!strong) {
                fill = withAlpha(fill, 0.3);
            }
            painter.setPen(QPen(strong ? outline : withAlpha(outline, 0.3), radius[i] > 5 ? 1.5 : 1.0));
            painter.setBrush(fill);
            painter.drawEllipse(at[i], radius[i], radius[i]);
        }
        if (static_cast<int>(i) == view.selected || static_cast<int>(i) == view.hovered) {
            painter.setPen(QPen(accent, 2.5));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(at[i], radius[i] + 4, radius[i] + 4);
        }
    }

    // Labels: the most important first, each only where it overlaps no other label.
    LabelGrid grid(viewport);
    QFont font = painter.font();
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF metrics(font);
    const QFontMetricsF boldMetrics(bold);
    const double lineHeight = metrics.height();
    const auto labelRect = [&](std::uint32_t i, const QFontMetricsF& m) {
        const double width = m.horizontalAdvance(scene.names[i]) + 8;
        return QRectF(at[i].x() - width / 2, at[i].y() + radius[i] + 2, width, lineHeight + 2);
    };
    const QColor halo = view.dark ? QColor(0x1b, 0x1e, 0x24, 200) : QColor(0xff, 0xff, 0xff, 210);
    const auto drawLabel = [&](std::uint32_t i, bool emphasised) {
        const QFontMetricsF& m = emphasised ? boldMetrics : metrics;
        const QRectF rect = labelRect(i, m);
        painter.setPen(Qt::NoPen);
        painter.setBrush(halo);
        painter.drawRoundedRect(rect, 4, 4);
        painter.setFont(emphasised ? bold : font);
        const bool strong = !dimming || lit[i] || onPath[i];
        painter.setPen(strong ? ink : withAlpha(ink, 0.45));
        painter.drawText(rect, Qt::AlignCenter, scene.names[i]);
        ++stats.labelsDrawn;
    };
    // The ones that must show whatever the crowd: selected, hovered, the path, the centre.
    std::vector<std::uint32_t> forced;
    for (int i : {view.hovered, view.selected, scene.centre}) {
        if (i >= 0) {
            forced.push_back(static_cast<std::uint32_t>(i));
        }
    }
    forced.insert(forced.end(), view.path.begin(), view.path.end());
    std::vector<char> labelled(n, 0);
    for (std::uint32_t i : forced) {
        if (labelled[i] || !visible[i]) {
            continue;
        }
        labelled[i] = 1;
        grid.tryTake(labelRect(i, boldMetrics));
        drawLabel(i, true);
    }
    // Lit neighbours next, then everyone by importance, up to a number the viewport can take in.
    const int labelBudget = std::clamp(viewport.width() * viewport.height() / 10'000, 20, kMaxLabels);
    int tries = 0;
    const auto tryLabel = [&](std::uint32_t i) {
        if (labelled[i] || !visible[i] || stats.labelsDrawn >= kMaxLabels) {
            return;
        }
        ++tries;
        // Tiny people are labelled only when zoomed in enough for the label to belong to them.
        if (radius[i] < 3 && !lit[i]) {
            return;
        }
        // A little air around each label keeps the crowd readable.
        if (stats.labelsDrawn < labelBudget && grid.tryTake(labelRect(i, metrics).adjusted(-3, -2, 3, 2))) {
            labelled[i] = 1;
            drawLabel(i, false);
        }
    };
    if (focus >= 0) {
        const auto f = static_cast<std::size_t>(focus);
        for (std::uint32_t k = scene.adjacencyOffsets[f]; k < scene.adjacencyOffsets[f + 1]; ++k) {
            tryLabel(scene.adjacency[k]);
        }
    }
    for (std::uint32_t i : scene.labelOrder) {
        if (tries >= kMaxLabelTries || stats.labelsDrawn >= kMaxLabels) {
            break;
        }
        tryLabel(i);
    }
    painter.setFont(font);
    return stats;
}

}  // namespace warmpath::ui
