// MapView's colours and sizes: the per-person metrics behind them are measured off the UI thread,
// with progress, and betweenness (slow on a large network) can be cancelled.

#include "views/MapView.h"

#include <utility>

#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

#include "Session.h"
#include "Workspace.h"
#include "views/MapCanvas.h"
#include "views/MapRenderer.h"

namespace warmpath::ui {

namespace {

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
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);  // busy until betweenness says how many sources it walks
    m_cancelMetrics->setVisible(true);
    m_progressTimer->start();
    m_countBeforeMetrics = m_countLabel->text();
    m_countLabel->setText(betweenness ? tr("Measuring betweenness\u2026") : tr("Finding communities\u2026"));

    std::shared_ptr<Workspace> workspace = m_session.sharedWorkspace();
    auto work = [workspace, betweenness](BackgroundTask& task) -> Result<std::shared_ptr<const MapMetrics>> {
        const ProgressCallback report = task.progressCallback();
        auto answer = workspace->metrics(
            {.top = 0, .betweenness = betweenness, .perPerson = true},
            [report](std::uint64_t done, std::uint64_t total, std::string_view stage) {
                if (stage == "betweenness") {
                    report(done, total, stage);
                }
            },
            task.cancelToken());
        if (!answer) {
            return answer.error();
        }
        return std::make_shared<const MapMetrics>(std::move(answer->perPerson), betweenness);
    };
    // A cancelled run's answer never arrives: cancelMetrics() abandons it.
    m_measuring.run(std::move(work), [this](Result<std::shared_ptr<const MapMetrics>> result) {
        finishMetrics();
        if (!result) {
            m_countLabel->setText(
                tr("Could not measure the network: %1").arg(QString::fromStdString(result.error().describe())));
            setColourBy(MapColourBy::DegreeRing);
            setSizeBy(MapSizeBy::Links);
        } else {
            m_metrics = std::move(result).value();
            m_metricsCounts = {m_session.stats().persons, m_session.stats().links};
            applyStyle();
        }
        emit ready();
    });
}

void MapView::cancelMetrics()
{
    m_measuring.abandon();  // whatever it still hands back is dropped
    if (m_metricsBusy) {
        finishMetrics();
    }
}

void MapView::finishMetrics()
{
    m_metricsBusy = false;
    m_metricsBusyWithBetweenness = false;
    m_cancelMetrics->setVisible(false);
    m_progress->setRange(0, kLayoutIterations);
    m_progress->setVisible(m_busy);
    if (!m_busy) {
        m_progressTimer->stop();
    }
    m_countLabel->setText(m_countBeforeMetrics);
}

}  // namespace warmpath::ui
