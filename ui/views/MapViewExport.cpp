// MapView's exports: the map as shown, as a PNG image or an SVG drawing, written whole or not at all.

#include "views/MapView.h"

#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSvgGenerator>

#include "views/MapCanvas.h"

namespace warmpath::ui {

namespace {

/// PNG exports are drawn at this many pixels per screen pixel: sharp on a high-density screen or in print.
constexpr qreal kExportPixelRatio = 2;

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
    QString error;
    if (!m_canvas->scene()) {
        QMessageBox::information(this, tr("Export map"), tr("The map is not drawn yet."));
        return;
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, svg ? tr("Export map as SVG") : tr("Export map as PNG"),
        QDir(folder).filePath(svg ? QStringLiteral("warmpath-map.svg") : QStringLiteral("warmpath-map.png")),
        svg ? tr("SVG drawings (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty()) {
        return;
    }
    if (!(svg ? saveSvg(path, &error) : savePng(path, &error))) {
        QMessageBox::warning(this, tr("Export map"), error);
    }
}

}  // namespace warmpath::ui
