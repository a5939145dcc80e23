// MapView's colours and sizes: the per-person metrics behind them are measured off the UI thread,
// with progress, and betweenness (slow on a large network) can be cancelled.

#include "views/MapView.h"

#include <exception>
#include <utility>

#include <QComboBox>
#include <QFutureWatcher>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

#include "Session.h"
#include "Workspace.h"
#include "views/MapCanvas.h"
#include "views/MapRenderer.h"

namespace warmpath::ui {

namespace {

/// What the metrics worker hands back.
struct MetricsResult {
    std::shared_ptr<const MapMetrics> metrics;
    QString error;
};

}  // namespace

void MapView::applyStyle()
{
    const MapSizeBy size = sizeBy();
    const bool betweenness = size == MapSizeBy::Betweenness;
    if (m_metricsBusy && m_metricsBusyWithBetweenness && !betweenness) {
        cancelMetrics();  // nobody wants betweenness any more; communities are asked for again below
    }
    const MapScene* scene = m_canvas->scene();
    if (!scene) {
        return;
    }
    const bool community = colourBy() == MapColourBy::Community;
    if ((community || needsMetrics(size)) && (!m_metrics || (betweenness && !m_metrics->hasBetweenness()))) {
        requestMetrics(betweenness);
        return;  // applied again when they arrive; the map keeps its present colours meanwhile
    }
    MapStyle style = MapStyle::byDegreeRing(*scene);
    if (community) {
        colourByCommunity(style, *scene, *m_metrics);
    }
    static const MapMetrics none;
    sizePeopleBy(style, *scene, size, m_metrics ? *m_metrics : none);
    m_canvas->setStyle(std::move(style));
}

void MapView::requestMetrics(bool betweenness)
{
    if (!m_session.hasWorkspace() || (m_metricsBusy && (m_metricsBusyWithBetweenness || !betweenness))) {
        return;  // what is being computed already serves
    }
    if (m_metricsBusy) {
        cancelMetrics();  // communities only, and now betweenness is wanted too
    }
    m_metricsBusy = true;
    m_metricsBusyWithBetweenness = betweenness;
    m_metricsCancel = std::make_shared<CancelToken>();
    m_metricsProgress = std::make_shared<MetricsProgress>();
    const std::uint64_t generation = ++m_metricsGeneration;
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);  // busy until betweenness says how many sources it walks
    m_cancelMetrics->setVisible(true);
    m_progressTimer->start();
    m_countBeforeMetrics = m_countLabel->text();
    m_countLabel->setText(betweenness ? tr("Measuring betweenness\u2026") : tr("Finding communities\u2026"));

    std::shared_ptr<Workspace> workspace = m_session.sharedWorkspace();
    auto work = [workspace, betweenness, cancel = m_metricsCancel, progress = m_metricsProgress] {
        MetricsResult result;
        try {
            auto answer = workspace->metrics(
                {.top = 0, .betweenness = betweenness, .perPerson = true},
                [progress](std::uint64_t done, std::uint64_t total, std::string_view stage) {
                    if (stage == "betweenness") {
                        progress->total.store(total);
                        progress->done.store(done);
                    }
                },
                cancel.get());
            if (!answer) {
                result.error = QString::fromStdString(answer.error().describe());
            } else {
                result.metrics = std::make_shared<const MapMetrics>(std::move(answer->perPerson), betweenness);
            }
        } catch (const std::exception& e) {
            result.error = QString::fromLocal8Bit(e.what());
        } catch (...) {
            result.error = tr("Unexpected error");
        }
        return result;
    };
    auto* watcher = new QFutureWatcher<MetricsResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_metricsGeneration) {
            return;  // cancelled, or another workspace loaded meanwhile
        }
        finishMetrics();
        const MetricsResult result = watcher->result();
        if (!result.error.isEmpty()) {
            m_countLabel->setText(tr("Could not measure the network: %1").arg(result.error));
            setColourBy(MapColourBy::DegreeRing);
            setSizeBy(MapSizeBy::Links);
        } else {
            m_metrics = result.metrics;
            m_metricsCounts = {m_session.stats().persons, m_session.stats().links};
            applyStyle();
        }
        emit ready();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

void MapView::cancelMetrics()
{
    if (m_metricsCancel) {
        m_metricsCancel->cancel();
    }
    ++m_metricsGeneration;  // whatever it still hands back is dropped
    if (m_metricsBusy) {
        finishMetrics();
    }
}

void MapView::finishMetrics()
{
    m_metricsBusy = false;
    m_metricsBusyWithBetweenness = false;
    m_metricsCancel.reset();
    m_cancelMetrics->setVisible(false);
    m_progress->setRange(0, kLayoutIterations);
    m_progress->setVisible(m_busy);
    if (!m_busy) {
        m_progressTimer->stop();
    }
    m_countLabel->setText(m_countBeforeMetrics);
}

}  // namespace warmpath::ui
