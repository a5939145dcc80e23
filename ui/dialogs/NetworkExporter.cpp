#include "dialogs/NetworkExporter.h"

#include <filesystem>

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>
#include <QWidget>

#include "Session.h"

namespace warmpath::ui {

namespace {

struct FormatFile {
    QString suffix;
    QString filter;
    QString baseName;
};

FormatFile fileFor(exporting::ExportFormat format)
{
    switch (format) {
    case exporting::ExportFormat::GraphMl:
        return {QStringLiteral("graphml"), NetworkExporter::tr("GraphML (*.graphml)"), QStringLiteral("network")};
    case exporting::ExportFormat::Gexf:
        return {QStringLiteral("gexf"), NetworkExporter::tr("GEXF (*.gexf)"), QStringLiteral("network")};
    case exporting::ExportFormat::Csv:
        return {QStringLiteral("csv"), NetworkExporter::tr("CSV (*.csv)"), QStringLiteral("people")};
    case exporting::ExportFormat::VCard:
        return {QStringLiteral("vcf"), NetworkExporter::tr("vCard (*.vcf)"), QStringLiteral("people")};
    case exporting::ExportFormat::ICalendar:
        return {QStringLiteral("ics"), NetworkExporter::tr("iCalendar (*.ics)"), QStringLiteral("follow-ups")};
    }
    return {QStringLiteral("txt"), NetworkExporter::tr("All files (*)"), QStringLiteral("export")};
}

}  // namespace

NetworkExporter::NetworkExporter(Session& session, QObject* parent) : QObject(parent), m_session(session)
{
}

NetworkExporter::~NetworkExporter() = default;

QString NetworkExporter::describe(exporting::ExportFormat format)
{
    switch (format) {
    case exporting::ExportFormat::GraphMl:
        return tr("Network as GraphML");
    case exporting::ExportFormat::Gexf:
        return tr("Network as GEXF");
    case exporting::ExportFormat::Csv:
        return tr("People as CSV");
    case exporting::ExportFormat::VCard:
        return tr("People as vCard");
    case exporting::ExportFormat::ICalendar:
        return tr("Follow-ups as iCalendar");
    }
    return tr("Export");
}

void NetworkExporter::exportWithDialog(QWidget* window, exporting::ExportFormat format)
{
    if (!m_session.hasWorkspace() || m_busy) {
        return;
    }
    const FormatFile file = fileFor(format);
    const QString folder = m_session.databasePath().isEmpty()
                               ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                               : QFileInfo(m_session.databasePath()).absolutePath();
    QString path = QFileDialog::getSaveFileName(window, tr("Export %1").arg(describe(format)),
                                                QDir(folder).filePath(file.baseName + QLatin1Char('.') + file.suffix),
                                                file.filter);
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QLatin1Char('.') + file.suffix;
    }
    auto* context = new QObject(this);
    connect(this, &NetworkExporter::finished, context, [window, context](bool ok, const QString& message) {
        context->deleteLater();
        auto* box = new QMessageBox(ok ? QMessageBox::Information : QMessageBox::Warning,
                                    ok ? tr("Export finished") : tr("Export failed"), message, QMessageBox::Ok, window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        box->open();
    });
    start(format, path);
}

bool NetworkExporter::start(exporting::ExportFormat format, const QString& path)
{
    std::shared_ptr<Workspace> workspace = m_session.sharedWorkspace();
    if (!workspace || m_busy) {
        return false;
    }
    m_busy = true;
    const std::filesystem::path target(QFile::encodeName(path).toStdString());
    auto work = [workspace, format, target] { return workspace->exportTo(format, target, today()); };
    m_background.run(std::move(work), [this, format, path](const Status& written) {
        m_busy = false;
        if (!written) {
            emit finished(false, tr("%1 could not be written: %2")
                                     .arg(describe(format), QString::fromStdString(written.error().describe())));
            return;
        }
        emit finished(true, tr("%1 written to %2.").arg(describe(format), QDir::toNativeSeparators(path)));
    });
    return true;
}

}  // namespace warmpath::ui
