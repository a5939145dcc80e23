#include "widgets/DemoBanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>

#include "Format.h"
#include "widgets/RoundGlyph.h"

namespace warmpath::ui {

namespace {

struct BannerColours {
    QColor background;
    QColor border;
    QColor text;
    QColor accent;
};

BannerColours coloursFor(const QPalette& palette)
{
    if (isDark(palette)) {
        return {QColor(0x3b, 0x30, 0x1a), QColor(0x6b, 0x55, 0x22), QColor(0xf6, 0xe2, 0xb0), QColor(0xf0, 0xa8, 0x30)};
    }
    return {QColor(0xff, 0xf4, 0xd8), QColor(0xf0, 0xcf, 0x84), QColor(0x4f, 0x3b, 0x05), QColor(0xd9, 0x82, 0x00)};
}

/// A filled circle with an "i": the banner's info mark, in the banner's own accent colour.
QPixmap infoMark(const QColor& colour, int size, qreal devicePixelRatio)
{
    return roundGlyph(colour, size, devicePixelRatio, [size](QPainter& painter) {
        painter.setBrush(Qt::white);
        const double unit = size / 18.0;
        painter.drawEllipse(QPointF(size / 2.0, 5.2 * unit), 1.35 * unit, 1.35 * unit);
        painter.drawRoundedRect(QRectF(size / 2.0 - 1.2 * unit, 7.8 * unit, 2.4 * unit, 6.4 * unit), unit, unit);
    });
}

}  // namespace

DemoBanner::DemoBanner(QWidget* parent)
    : QFrame(parent),
      m_icon(new QLabel(this)),
      m_text(new QLabel(this)),
      m_button(new QPushButton(tr("Start my own database\u2026"), this))
{
    setObjectName(QStringLiteral("demoBanner"));
    m_text->setText(tr("You are exploring the bundled demo network \u2014 changes are not saved."));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::NoTextInteraction);
    m_button->setObjectName(QStringLiteral("startOwnDatabaseButton"));
    m_button->setCursor(Qt::PointingHandCursor);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 8, 12, 9);
    layout->setSpacing(10);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_button);

    connect(m_button, &QPushButton::clicked, this, &DemoBanner::startOwnDatabaseRequested);
    applyColours();
}

DemoBanner::~DemoBanner() = default;

void DemoBanner::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event);
    const BannerColours colours = coloursFor(palette());
    QPainter painter(this);
    painter.fillRect(rect(), colours.background);
    painter.fillRect(QRect(0, height() - 1, width(), 1), colours.border);
}

void DemoBanner::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyColours();
    }
}

void DemoBanner::applyColours()
{
    const BannerColours colours = coloursFor(palette());
    setTextColour(m_text, colours.text);
    const int size = m_text->fontMetrics().height() + 2;
    m_icon->setPixmap(infoMark(colours.accent, size, devicePixelRatioF()));
    m_icon->setFixedSize(size, size);
}

}  // namespace warmpath::ui
