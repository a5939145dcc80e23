// The map renderer's geometry where it must read well: an opaque legend, a hover card that leaves the
// hovered person's label visible, and a chosen path drawn above everything with its labels placed first
// and never on each other.

#include <QImage>
#include <QPainter>
#include <QtTest>

#include "views/MapRenderer.h"

using namespace warmpath;
using namespace warmpath::ui;

namespace {

constexpr QSize kViewport(640, 420);

/// People at `positions` (screen coordinates under identityView()), linked as `links`, centred on 0.
MapScene sceneAt(const std::vector<QPointF>& positions, std::vector<std::pair<std::uint32_t, std::uint32_t>> links)
{
    MapScene scene;
    for (std::size_t i = 0; i < positions.size(); ++i) {
        scene.ids.emplace_back(static_cast<std::int64_t>(i + 1));
        scene.hops.push_back(i == 0 ? 0 : 1);
        scene.names.push_back(QStringLiteral("Person number %1").arg(i + 1));
    }
    scene.positions = positions;
    scene.links = std::move(links);
    scene.centre = 0;
    scene.finish();
    return scene;
}

/// A view in which layout coordinates are screen pixels.
MapViewState identityView()
{
    MapViewState view;
    view.centre = QPointF(kViewport.width() / 2.0, kViewport.height() / 2.0);
    view.scale = 1;
    view.fitScale = 1;
    view.showRings = false;
    return view;
}

QImage blank()
{
    QImage image(kViewport, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    return image;
}

bool overlapping(const std::vector<QRectF>& rects)
{
    for (std::size_t a = 0; a < rects.size(); ++a) {
        for (std::size_t b = a + 1; b < rects.size(); ++b) {
            if (rects[a].intersects(rects[b])) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace

class MapRenderingTest final : public QObject {
    Q_OBJECT

private slots:
    void theLegendHasAnOpaqueBackground()
    {
        const MapScene scene = sceneAt({QPointF(100, 100), QPointF(200, 100)}, {{0, 1}});
        const MapStyle style = MapStyle::byDegreeRing(scene);
        QImage image(kViewport, QImage::Format_ARGB32_Premultiplied);
        image.fill(QColor(0xff, 0x00, 0x00));  // whatever is under the legend must not show through
        QPainter painter(&image);
        for (const bool dark : {false, true}) {
            MapViewState view = identityView();
            view.dark = dark;
            paintMapLegend(painter, kViewport, style, view);
            const QRectF box = mapLegendRect(kViewport, style, painter.font());
            QVERIFY(!box.isEmpty());
            // Inside the card, right of the words: the card's own colour, with no red in it.
            const QColor inside =
                image.pixelColor(QPoint(static_cast<int>(box.right()) - 4, static_cast<int>(box.center().y())));
            QCOMPARE(inside, dark ? QColor(0x1b, 0x1e, 0x24) : QColor(0xff, 0xff, 0xff));
        }
    }

    void theHoverCardNeverCoversTheHoveredPersonsLabel()
    {
        // Wherever the person is, the edges and corners too.
        for (int x = 8; x < kViewport.width(); x += 57) {
            for (int y = 8; y < kViewport.height(); y += 41) {
                const MapScene scene = sceneAt({QPointF(320, 210), QPointF(x, y)}, {{0, 1}});
                MapViewState view = identityView();
                view.hovered = 1;
                view.legend = mapLegendRect(kViewport, MapStyle::byDegreeRing(scene), QFont());
                QImage image = blank();
                QPainter painter(&image);
                const MapFrameStats stats =
                    paintMapFocus(painter, kViewport, scene, view, MapStyle::byDegreeRing(scene));
                const QString where = QStringLiteral("at %1, %2").arg(x).arg(y);
                QVERIFY2(!stats.hoveredLabel.isEmpty(), qPrintable(where));
                QVERIFY2(!stats.hoverCard.isEmpty(), qPrintable(where));
                QVERIFY2(!stats.hoverCard.intersects(stats.hoveredLabel), qPrintable(where));
                QVERIFY2(!stats.hoverCard.contains(QPointF(x, y)), qPrintable(where));
            }
        }
    }

    void thePathsLabelsAreNeverStackedOnEachOther()
    {
        // Five people a few pixels apart: each of their labels wants the same place.
        std::vector<QPointF> positions{QPointF(320, 210)};
        for (int k = 1; k <= 5; ++k) {
            positions.emplace_back(320 + 3 * k, 210 + 2 * k);
        }
        const MapScene scene = sceneAt(positions, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}});
        MapViewState view = identityView();
        view.path = {0, 1, 2, 3, 4, 5};
        view.selected = 5;
        QImage image = blank();
        QPainter painter(&image);
        const MapFrameStats stats = paintMapFocus(painter, kViewport, scene, view, MapStyle::byDegreeRing(scene));
        QCOMPARE(stats.pathLabels.size(), std::size_t{6});
        for (const QRectF& label : stats.pathLabels) {
            QVERIFY(!label.isEmpty());
        }
        QVERIFY(!overlapping(stats.pathLabels));
    }

    void thePathsLabelsArePlacedBeforeTheHoveredPersons()
    {
        // The hovered person sits just under a person of the path: the path's label keeps its place
        // under its disc, the hovered person's goes elsewhere.
        const MapScene scene = sceneAt({QPointF(140, 210), QPointF(320, 210), QPointF(500, 210), QPointF(322, 222)},
                                       {{0, 1}, {1, 2}, {1, 3}});
        MapViewState view = identityView();
        view.path = {0, 1, 2};
        view.hovered = 3;
        QImage image = blank();
        QPainter painter(&image);
        const MapFrameStats stats = paintMapFocus(painter, kViewport, scene, view, MapStyle::byDegreeRing(scene));
        const QRectF middle = stats.pathLabels.at(1);
        QVERIFY2(middle.top() > 210 && std::abs(middle.center().x() - 320) < 1,
                 qPrintable(QStringLiteral("%1,%2").arg(middle.left()).arg(middle.top())));
        QVERIFY(!middle.intersects(stats.hoveredLabel));
        QVERIFY(!stats.hoverCard.intersects(middle));
    }

    void thePathIsDrawnAboveTheHoveredPersonsNeighbours()
    {
        // Person 3 lies on the path's line between 0 and 1, a neighbour of the hovered person 4.
        const MapScene scene =
            sceneAt({QPointF(200, 210), QPointF(320, 210), QPointF(440, 210), QPointF(260, 210), QPointF(260, 300)},
                    {{0, 1}, {1, 2}, {3, 4}, {3, 0}, {3, 1}, {3, 2}, {4, 0}, {4, 1}, {4, 2}});
        MapViewState view = identityView();
        view.path = {0, 1, 2};
        view.hovered = 4;
        QImage image = blank();
        QPainter painter(&image);
        paintMapFocus(painter, kViewport, scene, view, MapStyle::byDegreeRing(scene));
        painter.end();
        QCOMPARE(image.pixelColor(260, 210), QColor(0xe0, 0x4e, 0x39));
    }
};

QTEST_MAIN(MapRenderingTest)
#include "MapRenderingTest.moc"
