// warmpath_map_paint_bench: how long the map takes to paint one frame of 20,000 people and
// 100,000 links at a few zoom levels (docs/performance.md, "Map rendering").
//
//   QT_QPA_PLATFORM=offscreen warmpath_map_paint_bench [--benchmark_filter=...]
//
// The scene is synthetic and seeded: people in clusters (as a force layout places communities),
// links mostly within a cluster. Painting goes into a 1440x900 QImage, the size of the window's
// screenshots, with the same renderer the MapCanvas uses: full frames (both layers from scratch) and
// the frames MapCanvas draws while the pointer moves (the cached base blitted, the focus layer over it).

#include <cmath>
#include <random>

#include <benchmark/benchmark.h>

#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include "views/MapRenderer.h"

namespace {

using warmpath::PersonId;
using warmpath::ui::MapScene;
using warmpath::ui::MapStyle;
using warmpath::ui::MapViewState;

constexpr int kPeople = 20'000;
constexpr int kLinks = 100'000;
constexpr int kClusters = 60;

const MapScene& syntheticScene()
{
    static const MapScene scene = [] {
        MapScene s;
        std::mt19937_64 random(42);
        std::normal_distribution<double> spread(0.0, 1.0);
        std::uniform_int_distribution<int> anyone(0, kPeople - 1);
        std::vector<QPointF> centres;
        for (int c = 0; c < kClusters; ++c) {
            centres.emplace_back(spread(random) * 400, spread(random) * 400);
        }
        for (int i = 0; i < kPeople; ++i) {
            const QPointF& c = centres[static_cast<std::size_t>(i % kClusters)];
            s.ids.emplace_back(i + 1);
            s.positions.emplace_back(c.x() + spread(random) * 40, c.y() + spread(random) * 40);
            s.hops.push_back(i == 0 ? 0 : 1 + (i % 7 == 0 ? 0 : 1) + (i % 3 == 0 ? 1 : 0));
            s.names.push_back(QStringLiteral("Person %1").arg(i + 1));
        }
        for (int k = 0; k < kLinks; ++k) {
            const int a = anyone(random);
            // Four in five links stay in the cluster.
            int b = k % 5 == 0 ? anyone(random) : (a + kClusters * (1 + anyone(random) % 50)) % kPeople;
            if (b == a) {
                b = (a + 1) % kPeople;
            }
            s.links.emplace_back(static_cast<std::uint32_t>(std::min(a, b)),
                                 static_cast<std::uint32_t>(std::max(a, b)));
        }
        s.centre = 0;
        s.finish();
        return s;
    }();
    return scene;
}

/// A full frame: both layers drawn from scratch, as when the canvas settles after a zoom or a pan.
void paintFrame(benchmark::State& state, double zoom, bool hover)
{
    const MapScene& scene = syntheticScene();
    const QSize size(1440, 900);
    QImage image(size, QImage::Format_RGB32);
    MapViewState view = warmpath::ui::fitMap(scene, size);
    view.scale *= zoom;
    view.hovered = hover ? 1 : -1;
    const MapStyle style = MapStyle::byDegreeRing(scene);
    warmpath::ui::MapFrameStats stats;
    for (auto _ : state) {
        image.fill(QColor(0xf6, 0xf7, 0xf9));
        QPainter painter(&image);
        stats = warmpath::ui::paintMap(painter, size, scene, view, &style);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["people"] = stats.nodesDrawn;
    state.counters["links"] = stats.linksDrawn;
    state.counters["labels"] = stats.labelsDrawn;
}

/// A frame while the pointer moves, as MapCanvas draws it: the cached base layer blitted (moved by
/// `pan` pixels, as in a drag) and the focus layer over it when someone is hovered.
void paintInteractiveFrame(benchmark::State& state, double zoom, bool hover, QPointF pan)
{
    const MapScene& scene = syntheticScene();
    const QSize size(1440, 900);
    MapViewState view = warmpath::ui::fitMap(scene, size);
    view.scale *= zoom;
    const MapStyle style = MapStyle::byDegreeRing(scene);
    QImage base(size, QImage::Format_RGB32);
    base.fill(QColor(0xf6, 0xf7, 0xf9));
    {
        QPainter painter(&base);
        warmpath::ui::paintMapBase(painter, size, scene, view, style);
    }
    const MapViewState baseView = view;
    view.hovered = hover ? 1 : -1;
    view.centre -= pan / view.scale;
    QImage frame(size, QImage::Format_RGB32);
    warmpath::ui::MapFrameStats stats;
    for (auto _ : state) {
        QPainter painter(&frame);
        painter.fillRect(QRect(QPoint(0, 0), size), view.background);
        painter.setTransform(baseView.transform(size).inverted() * view.transform(size));
        painter.drawImage(QPointF(0, 0), base);
        painter.resetTransform();
        stats = warmpath::ui::paintMapFocus(painter, size, scene, view, style);
        painter.end();
        benchmark::DoNotOptimize(frame.constBits());
    }
    state.counters["lit_links"] = stats.linksDrawn;
    state.counters["labels"] = stats.labelsDrawn;
}

void BM_MapWhole(benchmark::State& state)
{
    paintFrame(state, 1.0, false);
}
void BM_MapWholeHover(benchmark::State& state)
{
    paintFrame(state, 1.0, true);
}
void BM_MapZoom4(benchmark::State& state)
{
    paintFrame(state, 4.0, false);
}
void BM_MapZoom16(benchmark::State& state)
{
    paintFrame(state, 16.0, false);
}
void BM_MapHoverOverCache(benchmark::State& state)
{
    paintInteractiveFrame(state, 1.0, true, QPointF());
}
void BM_MapDragWhole(benchmark::State& state)
{
    paintInteractiveFrame(state, 1.0, false, QPointF(37, -21));
}
void BM_MapDragZoom16(benchmark::State& state)
{
    paintInteractiveFrame(state, 16.0, false, QPointF(37, -21));
}

BENCHMARK(BM_MapWhole)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MapWholeHover)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MapZoom4)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MapZoom16)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MapHoverOverCache)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MapDragWhole)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MapDragZoom16)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
