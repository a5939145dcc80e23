#include "views/MapCanvas.h"

#include <algorithm>
#include <cmath>

#include <QMouseEvent>
#include <QPainter>
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

}  // namespace

MapCanvas::MapCanvas(QWidget* parent) : QWidget(parent)
{
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
    fitToView();
    setSelectedPerson(m_selectedId);
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
        const double reach = std::clamp(m_scene->radii[i] * grow, 1.5, 34.0) + 4;
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

void MapCanvas::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event);
    if (m_fitPending && m_scene) {
        fitToView();
    }
    QPainter painter(this);
    const QPalette& pal = palette();
    m_view.dark = isDark(pal);
    // A slightly tinted canvas sets the map apart from the panels around it.
    const QColor base = pal.color(QPalette::Base);
    m_view.background = m_view.dark ? base.lighter(108) : QColor(0xf6, 0xf7, 0xf9);
    painter.fillRect(rect(), m_view.background);
    if (m_scene) {
        m_lastFrame = paintMap(painter, size(), *m_scene, m_view);
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
            update();
        }
        return;
    }
    const int hovered = personAt(event->position());
    if (hovered != m_view.hovered) {
        m_view.hovered = hovered;
        setCursor(hovered >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        setToolTip(hovered >= 0 ? m_scene->names[static_cast<std::size_t>(hovered)] : QString());
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
    update();
    event->accept();
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
