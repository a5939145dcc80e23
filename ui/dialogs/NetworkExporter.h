#pragma once

#include <QObject>
#include <QString>

#include "Background.h"
#include "export/ExportData.h"

class QWidget;

namespace warmpath::ui {

class Session;

/// File ▸ Export ▸ …: writes the network (GraphML, GEXF), the people (CSV, vCard) or the follow-up queue
/// (iCalendar) through the core's export, off the UI thread, and says when it is done.
class NetworkExporter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkExporter)

public:
    explicit NetworkExporter(Session& session, QObject* parent = nullptr);
    ~NetworkExporter() override;

    /// Asks `window` for a file name, then exports; the outcome is shown in a message box.
    void exportWithDialog(QWidget* window, exporting::ExportFormat format);
    /// Exports to `path` in the background; ends in finished().
    bool start(exporting::ExportFormat format, const QString& path);
    [[nodiscard]] bool isBusy() const { return m_busy; }

    /// "Network as GraphML", for menus and messages.
    [[nodiscard]] static QString describe(exporting::ExportFormat format);

signals:
    void finished(bool ok, const QString& message);

private:
    Session& m_session;
    bool m_busy = false;
    Background m_background{this};
};

}  // namespace warmpath::ui
