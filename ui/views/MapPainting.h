#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <unordered_map>
#include <vector>

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QLineF>
#include <QPainter>
#include <QPixmap>
#include <QRectF>
#include <QSize>
#include <QStaticText>
#include <QString>

#include "views/MapRenderer.h"

// The map renderer's drawing primitives: colours, sprites, label placement and the fast line
// rasteriser. Internal to MapRenderer.cpp; apart so that each file holds one idea.
namespace warmpath::ui::mapdraw {

/// Side of the cells of the grid that tells whether a label would overlap another.
constexpr int kCell = 6;

/// `colour` at `alpha` over `background`, as an opaque colour: opaque fills take the raster engine's
/// fast path.
QColor over(const QColor& colour, double alpha, const QColor& background);
QColor withAlpha(QColor colour, double alpha);
QColor inkColour(const MapViewState& view);
QColor accentColour(const MapViewState& view);
QColor outlineColour(const MapViewState& view);
QColor haloColour(const MapViewState& view);
/// The opaque card the legend and the hover card sit on.
QColor panelColour(const MapViewState& view);

/// A disc of `fill` with its outline, radius rounded to half pixels: a few dozen sprites serve any
/// number of people. Painting happens on one thread (the UI's, or a benchmark's).
const QPixmap& discSprite(const QColor& fill, double radius, bool dark, qreal dpr);
/// Only raster targets (the screen, an image) benefit from sprites; an SVG or a printer gets vectors.
bool canStamp(const QPainter& painter);
QFont bolder(QFont font);

/// Clips the segment (x0, y0)-(x1, y1) to [0, right] x [0, bottom] (Liang-Barsky); false when it misses.
bool clipSegment(double& x0, double& y0, double& x1, double& y1, double right, double bottom);
/// Draws opaque one-pixel lines straight into a 32-bit image: Bresenham on the pixels costs a fraction
/// of what QPainter spends per pixel of a cosmetic line, and crowds of links are most of a frame. False
/// (nothing drawn) when the painter is not on such an image, unclipped and unrotated; then QPainter draws.
bool drawLinesDirect(QPainter& painter, const std::vector<QLineF>& lines, const QColor& colour);
/// QPainter's drawLines for what drawLinesDirect cannot take.
void drawPlainLines(QPainter& painter, const std::vector<QLineF>& lines, const QColor& colour);

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

    /// Takes the cells of `rect` (clipped to the viewport) whether or not some are taken already.
    void mark(const QRectF& rect)
    {
        const int left = std::max(0, static_cast<int>(std::floor(rect.left() / kCell)));
        const int right = std::min(m_columns - 1, static_cast<int>(std::floor(rect.right() / kCell)));
        const int top = std::max(0, static_cast<int>(std::floor(rect.top() / kCell)));
        const int bottom = std::min(m_rows - 1, static_cast<int>(std::floor(rect.bottom() / kCell)));
        for (int y = top; y <= bottom; ++y) {
            for (int x = left; x <= right; ++x) {
                m_taken[cell(x, y)] = true;
            }
        }
    }

private:
    [[nodiscard]] std::size_t cell(int x, int y) const { return static_cast<std::size_t>(y * m_columns + x); }

    int m_columns;
    int m_rows;
    std::vector<bool> m_taken;
};

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

/// Labels placed on a grid so that none overlaps another, each on a halo that keeps it readable over
/// links.
class LabelPainter {
public:
    LabelPainter(QPainter& painter, QSize viewport, const MapViewState& view)
        : m_painter(painter),
          m_viewport(viewport),
          m_grid(viewport),
          m_font(painter.font()),
          m_bold(bolder(m_font)),
          m_plain(TextCache::forFont(m_font)),
          m_emphasised(TextCache::forFont(m_bold)),
          m_ink(inkColour(view)),
          m_halo(haloColour(view))
    {
        if (!view.legend.isEmpty()) {
            m_grid.mark(view.legend);  // no label hides under the legend
        }
    }
    ~LabelPainter() { m_painter.setFont(m_font); }
    LabelPainter(const LabelPainter&) = delete;
    LabelPainter& operator=(const LabelPainter&) = delete;
    LabelPainter(LabelPainter&&) = delete;
    LabelPainter& operator=(LabelPainter&&) = delete;

    /// Draws the label whether or not it fits (for the people that must be named) and returns where.
    /// Tries below the disc, then above, to the right and to the left, then ever further out above and
    /// below (half a line at a time) until the viewport ends, so that people who must all be named (the
    /// steps of a path, placed first) are never stacked on each other; below it when nothing is free.
    QRectF force(const QString& name, QPointF at, double radius)
    {
        const QRectF below = rectFor(name, at, radius, m_emphasised);
        const double h = below.height();
        const QRectF above = below.translated(0, -(h + 2 * radius + 4));
        const QRectF right(at.x() + radius + 4, at.y() - h / 2, below.width(), h);
        const QRectF left(at.x() - radius - 4 - below.width(), at.y() - h / 2, below.width(), h);
        for (const QRectF& rect : {below, above, right, left}) {
            if (take(rect)) {
                draw(name, rect, true);
                return rect;
            }
        }
        for (int step = 1; step * h / 2 < m_viewport.height(); ++step) {
            const double shift = step * (h / 2 + 1);
            for (const QRectF& rect :
                 {below.translated(0, shift), above.translated(0, -shift), right.translated(0, shift),
                  left.translated(0, shift), right.translated(0, -shift), left.translated(0, -shift)}) {
                if (take(rect)) {
                    draw(name, rect, true);
                    return rect;
                }
            }
        }
        draw(name, below, true);
        return below;
    }
    /// Marks `rect` taken without drawing in it (the hover card's place): later labels keep clear of it.
    void reserve(const QRectF& rect) { m_grid.mark(rect); }
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
    /// Takes `rect`, with a little air, when it is free and on screen.
    bool take(const QRectF& rect) { return m_grid.tryTake(rect.adjusted(-2, -1, 2, 1)); }
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
    QSize m_viewport;
    LabelGrid m_grid;
    QFont m_font;
    QFont m_bold;
    TextCache& m_plain;
    TextCache& m_emphasised;
    QColor m_ink;
    QColor m_halo;
    int m_drawn = 0;
};

}  // namespace warmpath::ui::mapdraw
