#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include "MainWindow.h"
#include "Session.h"
#include "UiTestSupport.h"
#include "views/MapCanvas.h"
#include "views/MapRenderer.h"
#include "views/MapView.h"
#include "views/PeopleView.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

namespace {

/// Three people in a row, linked 0 - 1 - 2, centred on 0.
MapScene lineScene()
{
    MapScene scene;
    scene.ids = {PersonId(1), PersonId(2), PersonId(3)};
    scene.positions = {QPointF(0, 0), QPointF(10, 0), QPointF(20, 0)};
    scene.hops = {0, 1, 2};
    scene.names = {QStringLiteral("Me"), QStringLiteral("Ana"), QStringLiteral("Bo")};
    scene.links = {{0, 1}, {1, 2}};
    scene.centre = 0;
    scene.finish();
    return scene;
}

}  // namespace

class MapViewTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aSceneKnowsEachPersonsNeighbours()
    {
        const MapScene scene = lineScene();
        QCOMPARE(scene.adjacencyOffsets, (std::vector<std::uint32_t>{0, 1, 3, 4}));
        QCOMPARE(scene.labelOrder.front(), 0U);
        QCOMPARE(scene.indexOf(PersonId(3)), 2);
        QCOMPARE(scene.indexOf(PersonId(9)), -1);
    }

    void paintingDrawsEveryPersonAndLinkOnScreenAndLabelsThatFit()
    {
        const MapScene scene = lineScene();
        QImage image(600, 400, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        const MapViewState view = fitMap(scene, image.size());
        const MapFrameStats stats = paintMap(painter, image.size(), scene, view);
        QCOMPARE(stats.nodesDrawn, 3);
        QCOMPARE(stats.linksDrawn, 2);
        QCOMPARE(stats.labelsDrawn, 3);
    }

    void peopleOffScreenAreCulled()
    {
        const MapScene scene = lineScene();
        QImage image(600, 400, QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        MapViewState view = fitMap(scene, image.size());
        view.scale *= 40;  // zoomed onto Ana: Me and Bo are far off screen
        view.centre = QPointF(10, 0);
        const MapFrameStats stats = paintMap(painter, image.size(), scene, view);
        QCOMPARE(stats.nodesDrawn, 1);
    }

    void clickingAPersonOnTheCanvasSelectsThem()
    {
        MapCanvas canvas;
        canvas.resize(600, 400);
        canvas.setScene(std::make_shared<MapScene>(lineScene()));
        canvas.show();
        QVERIFY(QTest::qWaitForWindowExposed(&canvas));
        QSignalSpy clicked(&canvas, &MapCanvas::personClicked);
        const QPoint ana = canvas.positionOf(PersonId(2));
        QTest::mouseClick(&canvas, Qt::LeftButton, {}, ana);
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.first().first().value<PersonId>(), PersonId(2));
        QCOMPARE(canvas.selectedPerson(), PersonId(2));
    }

    void zoomIsClamped()
    {
        MapCanvas canvas;
        canvas.resize(600, 400);
        canvas.setScene(std::make_shared<MapScene>(lineScene()));
        const double fitted = canvas.viewState().fitScale;
        for (int i = 0; i < 100; ++i) {
            canvas.zoomBy(2);
        }
        QVERIFY(canvas.viewState().scale <= fitted * 60.0001);
        for (int i = 0; i < 200; ++i) {
            canvas.zoomBy(0.5);
        }
        QVERIFY(canvas.viewState().scale >= fitted * 0.19999);
    }

    void theMapShowsMyNetworkAndAClickSelectsInTheListAndDetails()
    {
        Session session;
        MainWindow window(session, MainWindow::Options{.persistState = false});
        window.resize(1440, 900);
        window.showView(MainWindow::View::Map);
        window.show();
        QSignalSpy ready(window.mapView(), &MapView::ready);
        session.openDemo();
        QVERIFY(ready.wait(kLoadTimeoutMs * 2));
        MapCanvas* canvas = window.mapView()->canvas();
        QVERIFY(canvas->scene() != nullptr);
        QVERIFY(canvas->scene()->size() > 100);
        QCOMPARE(canvas->scene()->hops.front(), 0);

        // Click someone one hop away who is on screen.
        const MapScene& scene = *canvas->scene();
        PersonId target;
        for (std::size_t i = 1; i < scene.size(); ++i) {
            const QPoint at = canvas->positionOf(scene.ids[i]);
            if (scene.hops[i] == 1 && canvas->rect().adjusted(20, 20, -20, -20).contains(at)) {
                // The nearest person to that point must be them, or the click lands elsewhere.
                target = scene.ids[i];
                QTest::mouseClick(canvas, Qt::LeftButton, {}, at);
                break;
            }
        }
        QVERIFY(target.valid());
        const PersonId selected = canvas->selectedPerson();
        QVERIFY(selected.valid());
        QCOMPARE(window.peopleView()->selectedPeople(), QList<PersonId>{selected});
    }
};

QTEST_MAIN(MapViewTest)
#include "MapViewTest.moc"
