#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QToolButton>
#include <QXmlStreamReader>
#include <QtTest>

#include "Format.h"
#include "MainWindow.h"
#include "Session.h"
#include "UiTestSupport.h"
#include "views/MapCanvas.h"
#include "views/MapRenderer.h"
#include "views/MapStyles.h"
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

PersonMetrics metricsOf(std::int64_t id, std::uint32_t community, double pageRank, std::uint64_t followers)
{
    return {.person = PersonId(id), .inDegree = followers, .pageRank = pageRank, .community = community};
}

/// A map view on the demo network, laid out and shown.
struct DemoMap {
    Session session;
    MainWindow window{session, MainWindow::Options{.persistState = false}};

    DemoMap()
    {
        window.resize(1440, 900);
        window.showView(MainWindow::View::Map);
        window.show();
        session.openDemo();
    }
    MapView& view() { return *window.mapView(); }
    MapCanvas& canvas() { return *window.mapView()->canvas(); }
    /// Waits until the map (and any metrics it asked for) is drawn.
    [[nodiscard]] bool settle()
    {
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < kLoadTimeoutMs * 2) {
            if (canvas().scene() != nullptr && !view().isBusy()) {
                return true;
            }
            QTest::qWait(20);
        }
        return false;
    }
    /// The colour painted at `id`'s centre.
    QColor pixelAt(PersonId id)
    {
        const QImage image = canvas().renderImage(1);
        return image.pixelColor(canvas().positionOf(id));
    }
};

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

    void degreeRingStyleHasALegendEntryPerRingOnTheMap()
    {
        const MapStyle style = MapStyle::byDegreeRing(lineScene());
        QCOMPARE(style.colourNames.size(), std::size_t{3});  // centre, 1st, 2nd: no "3rd" on a 2-hop map
        QCOMPARE(style.colours[style.colourOf[1]], degreeColor(1));
        QCOMPARE(style.colours[style.colourOf[2]], degreeColor(2));
    }

    void communityColoursFollowTheCoreCommunitiesLargestFirst()
    {
        const MapScene scene = lineScene();
        // Ana and Bo share community 7; Me is alone in community 3.
        const MapMetrics metrics({metricsOf(1, 3, 0.2, 1), metricsOf(2, 7, 0.5, 9), metricsOf(3, 7, 0.3, 4)}, false);
        MapStyle style = MapStyle::byDegreeRing(scene);
        colourByCommunity(style, scene, metrics);
        QCOMPARE(style.colourOf[1], style.colourOf[2]);
        QVERIFY(style.colourOf[0] != style.colourOf[1]);
        QCOMPARE(style.colours[style.colourOf[1]], communityColours()[0]);  // the larger on the map first
        QCOMPARE(style.colourNames[0], QStringLiteral("around Ana (2)"));   // Ana has the most links here
        QCOMPARE(style.colourNames.back(), QStringLiteral("other communities"));
    }

    void sizeByMetricOrdersRadiiByTheMetric()
    {
        const MapScene scene = lineScene();
        const MapMetrics metrics({metricsOf(1, 0, 0.2, 1), metricsOf(2, 0, 0.5, 9), metricsOf(3, 0, 0.05, 4)}, false);
        MapStyle style = MapStyle::byDegreeRing(scene);
        sizePeopleBy(style, scene, MapSizeBy::PageRank, metrics);
        QVERIFY(style.radii[1] > style.radii[0]);
        QVERIFY(style.radii[0] > style.radii[2]);
        QCOMPARE(style.sizeCaption, QStringLiteral("Size: PageRank"));
        sizePeopleBy(style, scene, MapSizeBy::Followers, metrics);
        QVERIFY(style.radii[1] > style.radii[2]);
        QVERIFY(style.radii[2] > style.radii[0]);
        sizePeopleBy(style, scene, MapSizeBy::Links, metrics);
        QCOMPARE(style.radii, scene.radii);
    }

    void switchingToCommunityColoursRepaintsKnownPeople()
    {
        DemoMap map;
        QVERIFY(map.settle());
        const MapScene& scene = *map.canvas().scene();
        const PersonId me = scene.ids[static_cast<std::size_t>(scene.centre)];
        QCOMPARE(map.canvas().style().colours[map.canvas().style().colourOf[0]], degreeColor(0));
        // A first round trip through the community colours, so that `before` is the steady degree-ring
        // picture rather than the first frame of a freshly opened map.
        map.view().setColourBy(MapColourBy::Community);
        QVERIFY(map.settle());
        QTRY_VERIFY(map.canvas().style().colourNames.back() == QStringLiteral("other communities"));
        map.view().setColourBy(MapColourBy::DegreeRing);
        QVERIFY(map.settle());
        const QRgb before = map.pixelAt(me).rgb();

        map.view().setColourBy(MapColourBy::Community);
        QVERIFY(map.settle());
        QTRY_VERIFY(map.canvas().style().colourNames.back() == QStringLiteral("other communities"));
        const MapStyle& style = map.canvas().style();
        QCOMPARE(style.colours[style.colourOf[0]].rgb(), communityColours().at(style.colourOf[0]).rgb());
        QTRY_VERIFY(map.pixelAt(me).rgb() != before);
        // Everyone in the map's largest community wears its colour, and someone does.
        QVERIFY(std::count(style.colourOf.begin(), style.colourOf.end(), std::uint8_t{0}) > 10);

        map.view().setColourBy(MapColourBy::DegreeRing);
        QCOMPARE(map.canvas().style().colours[map.canvas().style().colourOf[0]], degreeColor(0));
        QTRY_COMPARE(map.pixelAt(me).rgb(), before);
    }

    void sizingByPageRankChangesTheRadii()
    {
        DemoMap map;
        QVERIFY(map.settle());
        const std::vector<double> byLinks = map.canvas().style().radii;
        map.view().setSizeBy(MapSizeBy::PageRank);
        QVERIFY(map.settle());
        QTRY_VERIFY(map.canvas().style().sizeCaption == QStringLiteral("Size: PageRank"));
        const std::vector<double>& byRank = map.canvas().style().radii;
        QCOMPARE(byRank.size(), byLinks.size());
        QVERIFY(byRank != byLinks);
        // The person with the largest PageRank on the map has the largest disc.
        const auto largest = std::max_element(byRank.begin(), byRank.end()) - byRank.begin();
        auto answer = map.session.workspace()->metrics({.top = 0, .betweenness = false, .perPerson = true});
        QVERIFY(answer);
        const MapMetrics metrics(std::move(answer->perPerson), false);
        const MapScene& scene = *map.canvas().scene();
        double best = 0;
        for (PersonId id : scene.ids) {
            best = std::max(best, metrics.find(id)->pageRank);
        }
        QCOMPARE(metrics.find(scene.ids[static_cast<std::size_t>(largest)])->pageRank, best);
    }

    void exportingWritesAPngOfTheMapAtTwiceItsSize()
    {
        QTemporaryDir dir;
        Session session;
        MapView view(session);
        view.resize(600, 400);
        view.canvas()->resize(600, 400);
        view.canvas()->setScene(std::make_shared<MapScene>(lineScene()));
        const QString path = dir.filePath(QStringLiteral("map.png"));
        QString error;
        QVERIFY2(view.savePng(path, &error), qPrintable(error));
        QImage image;
        QVERIFY(image.load(path, "PNG"));
        QCOMPARE(image.size(), QSize(1200, 800));
        // Ana's disc is painted in her ring's colour at her place.
        const QPoint ana = view.canvas()->positionOf(PersonId(2)) * 2;
        QCOMPARE(image.pixelColor(ana).rgb(), degreeColor(1).rgb());
    }

    void exportingWritesAnSvgWithEveryPersonAndName()
    {
        QTemporaryDir dir;
        Session session;
        MapView view(session);
        view.canvas()->resize(600, 400);
        view.canvas()->setScene(std::make_shared<MapScene>(lineScene()));
        const QString path = dir.filePath(QStringLiteral("map.svg"));
        QString error;
        QVERIFY2(view.saveSvg(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int ellipses = 0;
        QStringList texts;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement) {
                if (xml.name() == QLatin1String("ellipse") || xml.name() == QLatin1String("circle")) {
                    ++ellipses;
                } else if (xml.name() == QLatin1String("text")) {
                    texts.append(xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
                }
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(ellipses >= 3, qPrintable(QString::number(ellipses)));  // three people (and legend swatches)
        for (const char* name : {"Me", "Ana", "Bo"}) {
            QVERIFY2(texts.contains(QLatin1String(name)), qPrintable(texts.join(QLatin1Char('|'))));
        }
    }

    void exportWithoutAMapSaysSoAndWritesNothing()
    {
        QTemporaryDir dir;
        Session session;
        MapView view(session);
        const QString path = dir.filePath(QStringLiteral("map.png"));
        QString error;
        QVERIFY(!view.savePng(path, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(path));
    }

    void exportingBeforeTheMapWasEverShownDrawsItFirst()
    {
        QTemporaryDir dir;
        Session session;
        MainWindow window(session, MainWindow::Options{.persistState = false});
        window.resize(1440, 900);
        window.showView(MainWindow::View::People);
        window.show();
        QVERIFY(test::openDemo(session));
        MapView& view = *window.mapView();
        QVERIFY(!view.isVisible());
        QVERIFY(view.canvas()->scene() == nullptr);  // a hidden map is not laid out until asked

        QSignalSpy exported(&view, &MapView::exported);
        const QString path = dir.filePath(QStringLiteral("map.png"));
        view.exportWhenDrawn(path, false);
        QVERIFY(exported.wait(kLoadTimeoutMs * 2));
        QCOMPARE(exported.first().at(0).toString(), path);
        QVERIFY2(exported.first().at(1).toString().isEmpty(), qPrintable(exported.first().at(1).toString()));
        QImage image;
        QVERIFY(image.load(path, "PNG"));
        QVERIFY2(image.width() >= 1200 && image.height() >= 800, qPrintable(QString::number(image.width())));
        QVERIFY(view.canvas()->scene() != nullptr);
        QVERIFY(!view.isVisible());
    }

    void sizingByBetweennessShowsProgressAndCancelStopsIt()
    {
        DemoMap f;
        QVERIFY(f.settle());
        auto* cancel = f.view().findChild<QToolButton*>(QStringLiteral("mapCancelMetrics"));
        QVERIFY(cancel != nullptr);
        QVERIFY(!cancel->isVisible());
        f.view().setSizeBy(MapSizeBy::Betweenness);
        QVERIFY(f.view().isBusy());
        QVERIFY(cancel->isVisible());
        QVERIFY(f.view().findChild<QProgressBar*>(QStringLiteral("mapProgress"))->isVisible());
        cancel->click();
        QVERIFY(!f.view().isBusy());
        QVERIFY(!cancel->isVisible());
        QCOMPARE(f.view().sizeBy(), MapSizeBy::Links);
        // Whatever the cancelled worker hands back is dropped: the choice stays.
        QVERIFY(QThreadPool::globalInstance()->waitForDone(kLoadTimeoutMs));
        QCoreApplication::processEvents();
        QCOMPARE(f.view().sizeBy(), MapSizeBy::Links);
        QVERIFY(!f.view().isBusy());
    }

    void switchingTheSizeAwayFromBetweennessCancelsIt()
    {
        DemoMap f;
        QVERIFY(f.settle());
        f.view().setSizeBy(MapSizeBy::Betweenness);
        QVERIFY(f.view().isBusy());
        f.view().setSizeBy(MapSizeBy::Links);
        QVERIFY(!f.view().isBusy());
    }

    void draggingBlitsTheCachedLayerAndReleasingRedrawsIt()
    {
        MapCanvas canvas;
        canvas.resize(600, 400);
        canvas.setScene(std::make_shared<MapScene>(lineScene()));
        canvas.show();
        QVERIFY(QTest::qWaitForWindowExposed(&canvas));
        const QPoint empty(20, 20);
        QTest::mousePress(&canvas, Qt::LeftButton, {}, empty);
        QTest::mouseMove(&canvas, empty + QPoint(30, 10));
        QTest::mouseMove(&canvas, empty + QPoint(60, 20));
        canvas.repaint();
        QVERIFY(canvas.lastFrameWasBlit());
        QTest::mouseRelease(&canvas, Qt::LeftButton, {}, empty + QPoint(60, 20));
        canvas.repaint();
        QVERIFY(!canvas.lastFrameWasBlit());
        QCOMPARE(canvas.lastFrame().nodesDrawn, 3);
    }
};

QTEST_MAIN(MapViewTest)
#include "MapViewTest.moc"
