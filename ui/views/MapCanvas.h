#pragma once

#include <memory>
#include <vector>

#include <QElapsedTimer>
#include <QImage>
#include <QPoint>
#include <QWidget>

#include "model/PersonId.h"
#include "views/MapRenderer.h"

class QTimer;

namespace warmpath::ui {

/// The map itself: one custom-painted widget over a MapScene (no item per person, so 20,000 people
/// and 100,000 links pan and zoom smoothly). Drag pans, the wheel zooms about the cursor (clamped),
/// hovering lights a person's links and neighbours, a click selects, a double-click asks to recentre.
/// From the keyboard: + and - zoom, 0 fits, the arrow keys pan.
///
/// Frames are drawn in two layers (MapRenderer): the base (links, people, labels) is kept in an image and
/// only blitted — moved and scaled — while the user drags or turns the wheel, then redrawn once they
/// pause; hovering redraws only the focus layer over it.
class MapCanvas final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MapCanvas)

public:
    explicit MapCanvas(QWidget* parent = nullptr);
    ~MapCanvas() override;

    /// Shows `scene`, fitted to the widget, coloured by degree ring until setStyle() says otherwise.
    void setScene(std::shared_ptr<const MapScene> scene);
    /// Colours and sizes people by `style` (ignored unless it has an entry per person of the scene).
    void setStyle(MapStyle style);
    [[nodiscard]] const MapStyle& style() const { return m_style; }
    void setShowLegend(bool show);
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

    /// The map as shown (view, highlights and legend) at `pixelRatio` device pixels per widget pixel.
    [[nodiscard]] QImage renderImage(qreal pixelRatio) const;
    /// Paints the map as shown onto `painter` sized like the widget: for SVG and other vector targets.
    void renderTo(QPainter& painter) const;

    /// The widget position of `id`, or nullopt-like (-1, -1) when not on the map; for tests.
    [[nodiscard]] QPoint positionOf(PersonId id) const;
    [[nodiscard]] const MapFrameStats& lastFrame() const { return m_lastFrame; }
    /// True when the last frame only moved the cached base layer (a drag or zoom in progress).
    [[nodiscard]] bool lastFrameWasBlit() const { return m_lastFrameWasBlit; }
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
    void keyPressEvent(QKeyEvent* event) override;

private:
    /// The person under `pos` (widget coordinates), or -1.
    [[nodiscard]] int personAt(QPointF pos) const;
    /// The user is dragging or zooming: frames move the cached base until they pause.
    void interacting();
    /// Draws the base layer into m_base for the current view.
    void renderBase();
    [[nodiscard]] bool baseMatchesView() const;
    /// The palette's dark-or-light and the canvas colour, read at each paint so a palette change shows.
    void followPalette();

    std::shared_ptr<const MapScene> m_scene;
    MapStyle m_style;
    bool m_showLegend = true;
    MapViewState m_view;
    /// The base layer as last drawn, and the view it was drawn for.
    QImage m_base;
    MapViewState m_baseView;
    QSize m_baseSize;
    bool m_baseDirty = true;
    MapFrameStats m_baseStats;
    /// Since the base was drawn: while interacting it is redrawn at most this often.
    QElapsedTimer m_baseAge;
    bool m_interacting = false;
    bool m_lastFrameWasBlit = false;
    QTimer* m_settle;
    /// Kept apart from m_view.selected so that a selection made before the scene arrives survives.
    PersonId m_selectedId;
    MapFrameStats m_lastFrame;
    bool m_fitPending = true;
    QPoint m_pressPos;
    QPointF m_pressCentre;
    bool m_dragging = false;
};

}  // namespace warmpath::ui
