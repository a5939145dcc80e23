#include "widgets/RoundGlyph.h"

#include <QPainter>

namespace warmpath::ui {

QPixmap roundGlyph(const QColor& fill, int size, qreal devicePixelRatio, const std::function<void(QPainter&)>& decorate,
                   const QPen& rim)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(rim);
    painter.setBrush(fill);
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0));
    painter.setPen(Qt::NoPen);
    decorate(painter);
    return pixmap;
}

QPixmap roundLabel(const QColor& fill, const QString& text, int pixelSize, QFont::Weight weight, int size,
                   qreal devicePixelRatio, const QPen& rim)
{
    return roundGlyph(
        fill, size, devicePixelRatio,
        [&](QPainter& painter) {
            QFont font = painter.font();
            font.setPixelSize(pixelSize);
            font.setWeight(weight);
            painter.setFont(font);
            painter.setPen(Qt::white);
            painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, text);
        },
        rim);
}

}  // namespace warmpath::ui
