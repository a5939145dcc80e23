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

namespace warmpath::ui {

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

QColor inkColour(const MapViewState& view)
{
    return view.dark ? QColor(0xe6, 0xe8, 0xee) : QColor(0x1f, 0x23, 0x2b);
}

QColor accentColour(const MapViewState& view)
{
    return view.dark ? QColor(0x7a, 0xb8, 0xff) : QColor(0x1f, 0x6f, 0xd1);
}

QColor outlineColour(const MapViewState& view)
{
    return view.dark ? QColor(0x1b, 0x1e, 0x24) : QColor(0xff, 0xff, 0xff);
}

QColor haloColour(const MapViewState& view)
{
    return view.dark ? QColor(0x1b, 0x1e, 0x24, 210) : QColor(0xff, 0xff, 0xff, 215);
}

const QColor kPathColour(0xe0, 0x4e, 0x39);

/// A disc of `fill` with its outline, radius rounded to half pixels: a few dozen sprites serve any
/// number of people. Painting happens on one thread (the UI's, or a benchmark's).
const QPixmap& discSprite(const QColor& fill, double radius, bool dark, qreal dpr)
{
    static QHash<quint64, QPixmap> cache;  // NOLINT: one painting thread
    const auto halfPixels = static_cast<quint64>(std::lround(radius * 2));
    const quint64 key = (static_cast<quint64>(fill.rgb()) & 0xffffffU) | (halfPixels << 24) |
                        (dark ? (quint64{1} << 40) : 0U) | (static_cast<quint64>(std::lround(dpr * 4)) << 41);
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
    p.setPen(QPen(outline, r > 5 ? 1.5 : 1.0));
    p.setBrush(fill);
    const double centre = side / dpr / 2;
    p.drawEllipse(QPointF(centre, centre), r, r);
    p.end();
    return *cache.insert(key, QPixmap::fromImage(image));
}

/// Names laid out once per font: shaping a name costs microseconds, and a crowded frame tries
/// thousands of labels and draws hundreds. Painting happens on one thread.
class TextCache {
public:
    static TextCache& forFont(const QFont& font)
    {
        static std::unordered_map<QString, TextCache> caches;
        const QString key = font.key();
        auto found = caches.find(key);
        if (found == caches.end()) {
            if (caches.size() > 4) {
                caches.clear();  // the font changed for good (a new system font, a zoomed UI)
            }
            found = caches.emplace(key, TextCache(font)).first;
        }
        return found->second;
    }

    double width(const QString& text)
    {
        auto found = m_widths.constFind(text);
        if (found != m_widths.constEnd()) {
            return *found;
        }
        trim();
        return *m_widths.insert(text, m_metrics.horizontalAdvance(text));
    }

    const QStaticText& laidOut(const QString& text)
    {
        auto found = m_texts.constFind(text);
        if (found != m_texts.constEnd()) {
            return *found;
        }
        trim();
        QStaticText laid(text);
        laid.setTextFormat(Qt::PlainText);
        laid.prepare(QTransform(), m_font);
        return *m_texts.insert(text, laid);
    }

    [[nodiscard]] double height() const { return m_metrics.height(); }

private:
    explicit TextCache(const QFont& font) : m_font(font), m_metrics(font) {}
    void trim()
    {
        if (m_widths.size() > 200'000 || m_texts.size() > 20'000) {
            m_widths.clear();
            m_texts.clear();
        }
    }

    QFont m_font;
    QFontMetricsF m_metrics;
    QHash<QString, double> m_widths;
    QHash<QString, QStaticText> m_texts;
};

/// Only raster targets (the screen, an image) benefit from sprites; an SVG or a printer gets vectors.
bool canStamp(const QPainter& painter)
{
    const QPaintDevice* device = painter.device();
    return device != nullptr && (device->devType() == QInternal::Image || device->devType() == QInternal::Widget ||
                                 device->devType() == QInternal::Pixmap);
}

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

QFont bolder(QFont font)
{
    font.setBold(true);
    return font;
}

/// Labels placed on a grid so that none overlaps another, each on a halo that keeps it readable over
/// links.
class LabelPainter {
public:
    LabelPainter(QPainter& painter, QSize viewport, const MapViewState& view)
        : m_painter(painter),
          m_grid(viewport),
          m_font(painter.font()),
          m_bold(bolder(m_font)),
          m_plain(TextCache::forFont(m_font)),
          m_emphasised(TextCache::forFont(m_bold)),
          m_ink(inkColour(view)),
          m_halo(haloColour(view))
    {
    }
    ~LabelPainter() { m_painter.setFont(m_font); }
    LabelPainter(const LabelPainter&) = delete;
    LabelPainter& operator=(const LabelPainter&) = delete;
    LabelPainter(LabelPainter&&) = delete;
    LabelPainter& operator=(LabelPainter&&) = delete;

    /// Draws the label whether or not it fits (for the people that must be named).
    void force(const QString& name, QPointF at, double radius)
    {
        const QRectF rect = rectFor(name, at, radius, m_emphasised);
        m_grid.tryTake(rect);
        draw(name, rect, true);
    }
    /// Draws the label when it fits, with a little air around it; false when it does not.
    bool tryPlace(const QString& name, QPointF at, double radius)
    {
        const QRectF rect = rectFor(name, at, radius, m_plain);
        if (!m_grid.tryTake(rect.adjusted(-3, -2, 3, 2))) {
            return false;
        }
        draw(name, rect, false);
        return true;
    }
    [[nodiscard]] int drawn() const { return m_drawn; }

private:
    QRectF rectFor(const QString& name, QPointF at, double radius, TextCache& cache) const
    {
        const double width = cache.width(name) + 8;
        return {at.x() - width / 2, at.y() + radius + 2, width, m_plain.height() + 2};
    }
    void draw(const QString& name, const QRectF& rect, bool emphasised)
    {
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(m_halo);
        m_painter.drawRoundedRect(rect, 4, 4);
        m_painter.setFont(emphasised ? m_bold : m_font);
        m_painter.setPen(m_ink);
        TextCache& cache = emphasised ? m_emphasised : m_plain;
        m_painter.drawStaticText(QPointF(rect.left() + 4, rect.top() + (rect.height() - cache.height()) / 2),
                                 cache.laidOut(name));
        ++m_drawn;
    }

    QPainter& m_painter;
    LabelGrid m_grid;
    QFont m_font;
    QFont m_bold;
    TextCache& m_plain;
    TextCache& m_emphasised;
    QColor m_ink;
    QColor m_halo;
    int m_drawn = 0;
};

/// Links on screen, split at kShortLink pixels: short ones carry a cluster's structure, long ones cross
/// the map and cost the raster engine a pixel each.
struct LinkBatch {
    std::vector<QLineF> shortLines;
    std::vector<QLineF> longLines;
    double shortCost = 0;
    double longCost = 0;
};

/// Clips the segment (x0, y0)-(x1, y1) to [0, right] x [0, bottom] (Liang-Barsky); false when it misses.
bool clipSegment(double& x0, double& y0, double& x1, double& y1, double right, double bottom)
{
    double t0 = 0;
    double t1 = 1;
    const double dx = x1 - x0;
    const double dy = y1 - y0;
    const auto edge = [&](double p, double q) {
        if (p == 0) {
            return q >= 0;
        }
        const double r = q / p;
        if (p < 0) {
            if (r > t1) {
                return false;
            }
            t0 = std::max(t0, r);
        } else {
            if (r < t0) {
                return false;
            }
            t1 = std::min(t1, r);
        }
        return true;
    };
    if (!edge(-dx, x0) || !edge(dx, right - x0) || !edge(-dy, y0) || !edge(dy, bottom - y0)) {
        return false;
    }
    x1 = x0 + t1 * dx;
    y1 = y0 + t1 * dy;
    x0 += t0 * dx;
    y0 += t0 * dy;
    return true;
}

/// Draws opaque one-pixel lines straight into a 32-bit image: Bresenham on the pixels costs a fraction
/// of what QPainter spends per pixel of a cosmetic line, and crowds of links are most of a frame. False
/// (nothing drawn) when the painter is not on such an image, unclipped and unrotated; then QPainter draws.
bool drawLinesDirect(QPainter& painter, const std::vector<QLineF>& lines, const QColor& colour)
{
    QPaintDevice* device = painter.device();
    if (device == nullptr || device->devType() != QInternal::Image || painter.hasClipping() ||
        painter.deviceTransform().type() > QTransform::TxScale) {
        return false;
    }
    auto* image = static_cast<QImage*>(device);
    if ((image->format() != QImage::Format_RGB32 && image->format() != QImage::Format_ARGB32_Premultiplied) ||
        !image->isDetached()) {
        return false;  // a shared image would detach under the painter and the lines land in a copy
    }
    const QTransform device2 = painter.deviceTransform();
    const QRgb pixel = colour.rgb();  // opaque, so premultiplied or not is the same
    uchar* bits = image->bits();
    const qsizetype stride = image->bytesPerLine();
    const double right = image->width() - 1;
    const double bottom = image->height() - 1;
    for (const QLineF& line : lines) {
        const QPointF a = device2.map(line.p1());
        const QPointF b = device2.map(line.p2());
        double x0 = a.x();
        double y0 = a.y();
        double x1 = b.x();
        double y1 = b.y();
        if (!clipSegment(x0, y0, x1, y1, right, bottom)) {
            continue;
        }
        auto x = static_cast<int>(std::lround(x0));
        auto y = static_cast<int>(std::lround(y0));
        const auto xEnd = static_cast<int>(std::lround(x1));
        const auto yEnd = static_cast<int>(std::lround(y1));
        const int dx = std::abs(xEnd - x);
        const int dy = -std::abs(yEnd - y);
        const int sx = x < xEnd ? 1 : -1;
        const int sy = y < yEnd ? 1 : -1;
        int error = dx + dy;
        for (;;) {
            reinterpret_cast<QRgb*>(bits + static_cast<qsizetype>(y) * stride)[x] = pixel;
            if (x == xEnd && y == yEnd) {
                break;
            }
            const int twice = 2 * error;
            if (twice >= dy) {
                error += dy;
                x += sx;
            }
            if (twice <= dx) {
                error += dx;
                y += sy;
            }
        }
    }
    return true;
}

/// QPainter's drawLines for what drawLinesDirect cannot take.
void drawPlainLines(QPainter& painter, const std::vector<QLineF>& lines, const QColor& colour)
{
    if (!drawLinesDirect(painter, lines, colour)) {
        painter.setPen(QPen(colour, 0));
        painter.drawLines(lines.data(), static_cast<int>(lines.size()));
    }
}

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
    lit.insert(lit.end(), view.path.begin(), view.path.end());
    if (scene.centre >= 0) {
        lit.push_back(static_cast<std::uint32_t>(scene.centre));
    }
    std::sort(lit.begin(), lit.end());
    lit.erase(std::unique(lit.begin(), lit.end()), lit.end());
    std::erase_if(lit, [&](std::uint32_t i) { return !screen.contains(at(i)); });
    std::stable_sort(lit.begin(), lit.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return scene.hops[a] > scene.hops[b]; });
    const bool stamp = canStamp(painter);
    const qreal dpr = painter.device() != nullptr ? painter.device()->devicePixelRatioF() : 1.0;
    for (std::uint32_t i : lit) {
        drawDisc(painter, at(i), radius(i), colourOf(style, i), view, stamp, dpr);
    }
    stats.nodesDrawn = static_cast<int>(lit.size());
    for (int i : {view.selected, view.hovered}) {
        if (i >= 0) {
            const auto u = static_cast<std::uint32_t>(i);
            painter.setPen(QPen(accentColour(view), 2.5));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(at(u), radius(u) + 4, radius(u) + 4);
        }
    }

    // Labels: the hovered, selected, path and centre whatever the crowd; the neighbours where they fit.
    LabelPainter labels(painter, viewport, view);
    std::vector<char> labelled(n, 0);
    std::vector<std::uint32_t> forced;
    for (int i : {view.hovered, view.selected, scene.centre}) {
        if (i >= 0) {
            forced.push_back(static_cast<std::uint32_t>(i));
        }
    }
    forced.insert(forced.end(), view.path.begin(), view.path.end());
    for (std::uint32_t i : forced) {
        const QPointF p = at(i);
        if (labelled[i] || !screen.contains(p)) {
            continue;
        }
        labelled[i] = 1;
        labels.force(scene.names[i], p, radius(i));
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

void paintMapLegend(QPainter& painter, QSize viewport, const MapStyle& style, const MapViewState& view)
{
    if (style.colours.empty()) {
        return;
    }
    const QFont original = painter.font();
    QFont font = original;
    font.setPointSizeF(font.pointSizeF() * 0.9);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const double line = metrics.height() + 3;
    const double swatch = metrics.height() * 0.7;
    double width = metrics.horizontalAdvance(style.sizeCaption);
    for (const QString& name : style.colourNames) {
        width = std::max(width, swatch + 8 + metrics.horizontalAdvance(name));
    }
    const auto rows = static_cast<double>(style.colourNames.size() + (style.sizeCaption.isEmpty() ? 0 : 1));
    const QRectF box(12, viewport.height() - 12 - rows * line - 14, width + 20, rows * line + 14);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(withAlpha(inkColour(view), 0.15), 1));
    painter.setBrush(haloColour(view));
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
