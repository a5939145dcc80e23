#include "views/MapPainting.h"

#include <algorithm>

#include <QImage>
#include <QPaintDevice>
#include <QTransform>

namespace warmpath::ui::mapdraw {

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

QColor panelColour(const MapViewState& view)
{
    return view.dark ? QColor(0x1b, 0x1e, 0x24) : QColor(0xff, 0xff, 0xff);
}

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

/// Only raster targets (the screen, an image) benefit from sprites; an SVG or a printer gets vectors.
bool canStamp(const QPainter& painter)
{
    const QPaintDevice* device = painter.device();
    return device != nullptr && (device->devType() == QInternal::Image || device->devType() == QInternal::Widget ||
                                 device->devType() == QInternal::Pixmap);
}

QFont bolder(QFont font)
{
    font.setBold(true);
    return font;
}

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

}  // namespace warmpath::ui::mapdraw
