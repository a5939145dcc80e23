#pragma once

#include <memory>
#include <vector>

#include <QPoint>
#include <QWidget>

#include "model/PersonId.h"
#include "views/MapRenderer.h"

namespace warmpath::ui {

/// The map itself: one custom-painted widget over a MapScene (no item per person, so 20,000 people
/// and 100,000 links pan and zoom smoothly). Drag pans, the wheel zooms about the cursor (clamped),
/// hovering lights a person's links and neighbours, a click selects, a double-click asks to recentre.
class MapCanvas final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MapCanvas)

public:
    explicit MapCanvas(QWidget* parent = nullptr);
    ~MapCanvas() override;

    /// Shows `scene`, fitted to the widget.
    void setScene(std::shared_ptr<const MapScene> scene);
    [[nodiscard]] const MapScene* scene() const { return m_scene.get(); }
    /// Marks `id` as selected (nobody when they are not on the map); emits nothing.
    void setSelectedPerson(PersonId id);
    [[nodiscard]] PersonId selectedPerson() const;
    /// Highlights a path (people in order); an empty list clears it.
    void setPath(const std::vector<PersonId>& people);
    /// Centres the view on `id` when they are on the map.
    bool centreOn(PersonId id);
    void setShowRings(bool show);
    void zoomBy(double factor);
    void fitToView();

    /// The widget position of `id`, or nullopt-like (-1, -1) when not on the map; for tests.
    [[nodiscard]] QPoint positionOf(PersonId id) const;
    [[nodiscard]] const MapFrameStats& lastFrame() const { return m_lastFrame; }
    [[nodiscard]] const MapViewState& viewState() const { return m_view; }

signals:
    void personClicked(warmpath::PersonId person);
    void personActivated(warmpath::PersonId person);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    /// The person under `pos` (widget coordinates), or -1.
    [[nodiscard]] int personAt(QPointF pos) const;

    std::shared_ptr<const MapScene> m_scene;
    MapViewState m_view;
    /// Kept apart from m_view.selected so that a selection made before the scene arrives survives.
    PersonId m_selectedId;
    MapFrameStats m_lastFrame;
    bool m_fitPending = true;
    QPoint m_pressPos;
    QPointF m_pressCentre;
    bool m_dragging = false;
};

}  // namespace warmpath::ui
