#pragma once

#include <functional>

#include <QFont>
#include <QPen>
#include <QPixmap>

class QPainter;

namespace warmpath::ui {

/// A transparent square pixmap of `size` logical pixels with a filled circle (and an optional rim);
/// `decorate` then draws the mark inside with the painter set up for antialiasing. Avatars, network
/// badges and the banner's info mark are all such circles.
[[nodiscard]] QPixmap roundGlyph(const QColor& fill, int size, qreal devicePixelRatio,
                                 const std::function<void(QPainter&)>& decorate, const QPen& rim = Qt::NoPen);

/// A round glyph with white text centred in it.
[[nodiscard]] QPixmap roundLabel(const QColor& fill, const QString& text, int pixelSize, QFont::Weight weight, int size,
                                 qreal devicePixelRatio, const QPen& rim = Qt::NoPen);

}  // namespace warmpath::ui
