#include "views/MapCanvas.h"

#include <algorithm>
#include <cmath>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QWheelEvent>

#include "Format.h"

namespace warmpath::ui {

namespace {

/// Zoom stays between a fifth of the fitted scale and 60 times it: enough to read a crowded corner,
/// never so far out that the map is a dot.
constexpr double kMinZoom = 0.2;
constexpr double kMaxZoom = 60.0;
/// A press that moves less than this is a click, not a drag.
constexpr int kDragThreshold = 4;
/// After the last drag step or wheel turn, the base layer is drawn afresh once this long has passed.
constexpr int kSettleMs = 140;
/// While a drag goes on, the base is drawn afresh at most this often, so that what the drag uncovers
/// fills in without every frame paying for a full redraw.
constexpr qint64 kMaxStaleMs = 300;

}  // namespace

MapCanvas::MapCanvas(QWidget* parent) : QWidget(parent), m_settle(new QTimer(this))
{
    m_settle->setSingleShot(true);
    m_settle->setInterval(kSettleMs);
    connect(m_settle, &QTimer::timeout, this, [this] {
        m_interacting = false;
        update();
    });
    setObjectName(QStringLiteral("mapCanvas"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 240);
}

MapCanvas::~MapCanvas() = default;

void MapCanvas::setScene(std::shared_ptr<const MapScene> scene)
{
    m_scene = std::move(scene);
    m_view.hovered = -1;
    m_view.selected = -1;
    m_view.path.clear();
    m_style = m_scene ? MapStyle::byDegreeRing(*m_scene) : MapStyle();
    m_baseDirty = true;
    fitToView();
    setSelectedPerson(m_selectedId);
}

void MapCanvas::setStyle(MapStyle style)
{
    if (!m_scene || !style.fits(*m_scene)) {
        return;
    }
    m_style = std::move(style);
    m_baseDirty = true;
    update();
}

void MapCanvas::setShowLegend(bool show)
{
    m_showLegend = show;
    update();
}

void MapCanvas::fitToView()
{
    if (!m_scene || size().isEmpty()) {
        m_fitPending = true;
        update();
        return;
    }
    const MapViewState fitted = fitMap(*m_scene, size());
    m_view.centre = fitted.centre;
    m_view.scale = fitted.scale;
    m_view.fitScale = fitted.fitScale;
    m_fitPending = false;
    update();
}

void MapCanvas::setSelectedPerson(PersonId id)
{
    m_selectedId = id;
    const int index = m_scene ? m_scene->indexOf(id) : -1;
    if (index != m_view.selected) {
        m_view.selected = index;
        update();
    }
}

PersonId MapCanvas::selectedPerson() const
{
    return m_selectedId;
}

void MapCanvas::setPath(const std::vector<PersonId>& people)
{
    m_view.path.clear();
    if (m_scene) {
        for (PersonId id : people) {
            const int index = m_scene->indexOf(id);
            if (index < 0) {
                m_view.path.clear();  // a path that leaves the map cannot be drawn on it
                break;
            }
            m_view.path.push_back(static_cast<std::uint32_t>(index));
        }
    }
    update();
}

bool MapCanvas::centreOn(PersonId id)
{
    const int index = m_scene ? m_scene->indexOf(id) : -1;
    if (index < 0) {
        return false;
    }
    m_view.centre = m_scene->positions[static_cast<std::size_t>(index)];
    update();
    return true;
}

void MapCanvas::setShowRings(bool show)
{
    m_view.showRings = show;
    m_baseDirty = true;
    update();
}

void MapCanvas::zoomBy(double factor)
{
    m_view.scale = std::clamp(m_view.scale * factor, m_view.fitScale * kMinZoom, m_view.fitScale * kMaxZoom);
    update();
}

QPoint MapCanvas::positionOf(PersonId id) const
{
    const int index = m_scene ? m_scene->indexOf(id) : -1;
    if (index < 0) {
        return {-1, -1};
    }
    return m_view.transform(size()).map(m_scene->positions[static_cast<std::size_t>(index)]).toPoint();
}

int MapCanvas::personAt(QPointF pos) const
{
    if (!m_scene) {
        return -1;
    }
    const QTransform t = m_view.transform(size());
    const double grow = std::sqrt(std::max(m_view.scale / std::max(m_view.fitScale, 1e-9), 1e-6));
    int best = -1;
    double bestDistance = 0;
    for (std::size_t i = 0; i < m_scene->size(); ++i) {
        const QPointF at = t.map(m_scene->positions[i]);
        const double reach = std::clamp(m_style.radii[i] * grow, 1.5, 34.0) + 4;
        const double dx = at.x() - pos.x();
        const double dy = at.y() - pos.y();
        const double distance = dx * dx + dy * dy;
        if (distance <= reach * reach && (best < 0 || distance < bestDistance)) {
            best = static_cast<int>(i);
            bestDistance = distance;
        }
    }
    return best;
}

void MapCanvas::followPalette()
{
    const QPalette& pal = palette();
    m_view.dark = isDark(pal);
    // A slightly tinted canvas sets the map apart from the panels around it.
    m_view.background = m_view.dark ? pal.color(QPalette::Base).lighter(108) : QColor(0xf6, 0xf7, 0xf9);
}

bool MapCanvas::baseMatchesView() const
{
    return !m_baseDirty && !m_base.isNull() && m_baseSize == size() &&
           m_base.devicePixelRatio() == devicePixelRatioF() && m_baseView.centre == m_view.centre &&
           m_baseView.scale == m_view.scale && m_baseView.dark == m_view.dark &&
           m_baseView.background == m_view.background;
}

void MapCanvas::renderBase()
{
    const qreal ratio = devicePixelRatioF();
    m_base = QImage(size() * ratio, QImage::Format_RGB32);
    m_base.setDevicePixelRatio(ratio);
    m_base.fill(m_view.background);
    QPainter painter(&m_base);
    painter.setFont(font());
    m_baseStats = paintMapBase(painter, size(), *m_scene, m_view, m_style);
    m_baseView = m_view;
    m_baseSize = size();
    m_baseDirty = false;
    m_baseAge.start();
}

void MapCanvas::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event);
    if (m_fitPending && m_scene) {
        fitToView();
    }
    followPalette();
    // Labels and the hover card keep clear of the legend, which is opaque.
    const QRectF legend = m_showLegend ? mapLegendRect(size(), m_style, font()) : QRectF();
    if (legend != m_view.legend) {
        m_view.legend = legend;
        m_baseDirty = true;
    }
    QPainter painter(this);
    painter.fillRect(rect(), m_view.background);
    if (!m_scene) {
        return;
    }
    m_lastFrameWasBlit = false;
    if (!baseMatchesView()) {
        const bool stale = m_baseDirty || m_base.isNull() || m_baseSize != size() ||
                           m_base.devicePixelRatio() != devicePixelRatioF() || m_baseView.dark != m_view.dark ||
                           m_baseAge.elapsed() > kMaxStaleMs;
        if (m_interacting && !stale) {
            m_lastFrameWasBlit = true;
        } else {
            renderBase();
        }
    }
    if (m_lastFrameWasBlit) {
        // Where the base was drawn to where the view is now: a translation while dragging, a scale about
        // the cursor while zooming. Pixels come from the old frame until the user pauses.
        painter.save();
        painter.setTransform(m_baseView.transform(m_baseSize).inverted() * m_view.transform(size()));
        painter.drawImage(QPointF(0, 0), m_base);
        painter.restore();
    } else {
        painter.drawImage(QPointF(0, 0), m_base);
    }
    painter.setFont(font());
    m_lastFrame = m_baseStats;
    m_lastFrame.linksDrawn += paintMapFocus(painter, size(), *m_scene, m_view, m_style).linksDrawn;
    if (m_showLegend) {
        paintMapLegend(painter, size(), m_style, m_view);
    }
}

QImage MapCanvas::renderImage(qreal pixelRatio) const
{
    QImage image(size() * pixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(pixelRatio);
    image.fill(m_view.background);
    QPainter painter(&image);
    renderTo(painter);
    return image;
}

void MapCanvas::renderTo(QPainter& painter) const
{
    painter.setFont(font());
    painter.fillRect(QRect(QPoint(0, 0), size()), m_view.background);
    if (!m_scene) {
        return;
    }
    MapViewState view = m_view;
    view.legend = m_showLegend ? mapLegendRect(size(), m_style, font()) : QRectF();
    paintMap(painter, size(), *m_scene, view, &m_style);
    if (m_showLegend) {
        paintMapLegend(painter, size(), m_style, view);
    }
}

void MapCanvas::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_fitPending) {
        fitToView();
    }
}

void MapCanvas::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressPos = event->position().toPoint();
        m_pressCentre = m_view.centre;
        m_dragging = false;
    }
    QWidget::mousePressEvent(event);
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event)
{
    if ((event->buttons() & Qt::LeftButton) != 0) {
        const QPoint delta = event->position().toPoint() - m_pressPos;
        if (m_dragging || delta.manhattanLength() >= kDragThreshold) {
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
            m_view.centre = m_pressCentre - QPointF(delta) / m_view.scale;
            interacting();
            update();
        }
        return;
    }
    const int hovered = personAt(event->position());
    if (hovered != m_view.hovered) {
        m_view.hovered = hovered;
        // No tooltip: the focus layer draws a card about them, placed clear of their label.
        setCursor(hovered >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        if (!m_dragging) {
            const int index = personAt(event->position());
            if (index >= 0) {
                m_view.selected = index;
                m_selectedId = m_scene->ids[static_cast<std::size_t>(index)];
                update();
                emit personClicked(m_scene->ids[static_cast<std::size_t>(index)]);
            }
        }
        m_dragging = false;
        unsetCursor();
        m_interacting = false;  // the drag is over: draw the base afresh now
        update();
    }
    QWidget::mouseReleaseEvent(event);
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* event)
{
    const int index = personAt(event->position());
    if (index >= 0) {
        emit personActivated(m_scene->ids[static_cast<std::size_t>(index)]);
    }
}

void MapCanvas::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0 || !m_scene) {
        return;
    }
    // Zoom about the cursor: the layout point under it stays under it.
    const QPointF cursor = event->position();
    const QPointF before = m_view.transform(size()).inverted().map(cursor);
    zoomBy(std::pow(1.2, steps));
    const QPointF after = m_view.transform(size()).inverted().map(cursor);
    m_view.centre += before - after;
    interacting();
    update();
    event->accept();
}

void MapCanvas::interacting()
{
    m_interacting = true;
    m_settle->start();
}

void MapCanvas::keyPressEvent(QKeyEvent* event)
{
    // A tenth of the widget per arrow press: far enough to feel, short enough to keep one's place.
    const QPointF step(width() / 10.0 / m_view.scale, height() / 10.0 / m_view.scale);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        break;
    case Qt::Key_Minus:
        zoomBy(0.8);
        break;
    case Qt::Key_0:
        fitToView();
        break;
    case Qt::Key_Left:
        m_view.centre.rx() -= step.x();
        break;
    case Qt::Key_Right:
        m_view.centre.rx() += step.x();
        break;
    case Qt::Key_Up:
        m_view.centre.ry() -= step.y();
        break;
    case Qt::Key_Down:
        m_view.centre.ry() += step.y();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    interacting();
    update();
}

void MapCanvas::leaveEvent(QEvent* event)
{
    if (m_view.hovered >= 0) {
        m_view.hovered = -1;
        update();
    }
    QWidget::leaveEvent(event);
}

}  // namespace warmpath::ui
