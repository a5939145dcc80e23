// MapView's exports: the map as shown, as a PNG image or an SVG drawing, written whole or not at all.

#include "views/MapView.h"

#include <utility>

#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QProgressDialog>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSvgGenerator>

#include "Session.h"
#include "util/Progress.h"
#include "views/MapCanvas.h"

namespace warmpath::ui {

namespace {

/// PNG exports are drawn at this many pixels per screen pixel: sharp on a high-density screen or in print.
constexpr qreal kExportPixelRatio = 2;
/// The size a map drawn for an export is drawn at when its page was never shown.
constexpr QSize kHiddenExportSize(1200, 800);

}  // namespace

bool MapView::savePng(const QString& path, QString* error) const
{
    if (!m_canvas->scene()) {
        *error = tr("The map is not drawn yet.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !m_canvas->renderImage(kExportPixelRatio).save(&file, "PNG") ||
        !file.commit()) {
        *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool MapView::saveSvg(const QString& path, QString* error) const
{
    if (!m_canvas->scene()) {
        *error = tr("The map is not drawn yet.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(m_canvas->size());
    svg.setViewBox(QRect(QPoint(0, 0), m_canvas->size()));
    svg.setTitle(tr("Warmpath map"));
    svg.setDescription(m_countLabel->text());
    {
        QPainter painter(&svg);
        m_canvas->renderTo(painter);
    }
    if (!file.commit()) {
        *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void MapView::exportInteractively(bool svg)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, svg ? tr("Export map as SVG") : tr("Export map as PNG"),
        QDir(folder).filePath(svg ? QStringLiteral("warmpath-map.svg") : QStringLiteral("warmpath-map.png")),
        svg ? tr("SVG drawings (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty()) {
        return;
    }
    // The answer may come after a layout: a one-shot connection shows a failure then.
    auto* connection = new QMetaObject::Connection;
    *connection = connect(this, &MapView::exported, this, [this, connection](const QString&, const QString& error) {
        disconnect(*connection);
        delete connection;
        if (!error.isEmpty()) {
            QMessageBox::warning(this, tr("Export map"), error);
        }
    });
    exportWhenDrawn(path, svg);
}

void MapView::exportWhenDrawn(const QString& path, bool svg)
{
    if (m_pendingExport) {
        emit exported(path, tr("The map is still being drawn for another export."));
        return;
    }
    if (m_canvas->scene() && !m_layoutPending && !m_busy) {
        QString error;
        if (!(svg ? saveSvg(path, &error) : savePng(path, &error)) && error.isEmpty()) {
            error = tr("Could not write %1").arg(QDir::toNativeSeparators(path));
        }
        emit exported(path, error);
        return;
    }
    if (!m_session.hasWorkspace()) {
        emit exported(path, tr("There is no network open to draw."));
        return;
    }
    m_pendingExport = PendingExport{.path = path, .svg = svg};
    if (!isVisible() &&
        (m_canvas->width() < kHiddenExportSize.width() / 2 || m_canvas->height() < kHiddenExportSize.height() / 2)) {
        // A map page never shown has no real size yet: draw at a size of its own.
        m_canvas->resize(kHiddenExportSize);
    }
    m_exportProgress =
        new QProgressDialog(tr("Drawing the map for the export\u2026"), tr("Cancel"), 0, kLayoutIterations, this);
    m_exportProgress->setObjectName(QStringLiteral("mapExportProgress"));
    m_exportProgress->setWindowTitle(tr("Export map"));
    m_exportProgress->setWindowModality(Qt::WindowModal);
    m_exportProgress->setMinimumDuration(400);
    m_exportProgress->setAutoClose(false);
    m_exportProgress->setAutoReset(false);
    connect(m_exportProgress, &QProgressDialog::canceled, this, [this] {
        m_layouts.abandon();  // the layout stops and its result is dropped
        setBusy(false);
        m_layoutPending = !isVisible();
        finishPendingExport(tr("The export was cancelled."));
    });
    if (!m_busy) {
        m_forceLayout = true;
        relayout();
    }
    // Otherwise the layout in flight (shown, or hidden but forced) finishes the export.
}

void MapView::finishPendingExport(const QString& layoutError)
{
    m_forceLayout = false;
    if (!m_pendingExport) {
        return;
    }
    const PendingExport pending = *std::exchange(m_pendingExport, std::nullopt);
    if (m_exportProgress != nullptr) {
        m_exportProgress->disconnect(this);
        m_exportProgress->deleteLater();
        m_exportProgress = nullptr;
    }
    QString error = layoutError;
    if (error.isEmpty() && !(pending.svg ? saveSvg(pending.path, &error) : savePng(pending.path, &error)) &&
        error.isEmpty()) {
        error = tr("Could not write %1").arg(QDir::toNativeSeparators(pending.path));
    }
    if (!isVisible()) {
        m_refitOnShow = true;
    }
    emit exported(pending.path, error);
}

}  // namespace warmpath::ui
