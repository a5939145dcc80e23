// MainWindow's dialogs: import (asking first when the demo is open), fetch, back up, restore, export,
// and the review of possible duplicates.

#include "MainWindow.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStatusBar>
#include <QUndoStack>

#include "Format.h"
#include "Session.h"
#include "dialogs/BackupDialogs.h"
#include "dialogs/CrawlDialog.h"
#include "dialogs/ImportDialog.h"
#include "dialogs/MergeReviewDialog.h"
#include "dialogs/NetworkExporter.h"
#include "widgets/EditGate.h"

namespace warmpath::ui {

void MainWindow::createFileMenuActions()
{
    setAcceptDrops(true);  // files dropped on the window open the import dialog

    m_importAction = new QAction(tr("&Import\u2026"), this);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setStatusTip(tr("Import exports from LinkedIn, X, Mastodon, Google, vCard or a network file"));
    connect(m_importAction, &QAction::triggered, this, [this] { openImportDialog(); });

    m_crawlAction = new QAction(tr("&Fetch follow lists\u2026"), this);
    m_crawlAction->setObjectName(QStringLiteral("crawlAction"));
    m_crawlAction->setStatusTip(tr("Fetch public follow lists from Bluesky or Mastodon"));
    connect(m_crawlAction, &QAction::triggered, this, &MainWindow::openCrawlDialog);

    m_backupAction = new QAction(tr("&Back up\u2026"), this);
    m_backupAction->setObjectName(QStringLiteral("backupAction"));
    m_backupAction->setStatusTip(tr("Write an encrypted backup of the open database"));
    connect(m_backupAction, &QAction::triggered, this, &MainWindow::openBackupDialog);

    m_restoreAction = new QAction(tr("Res&tore\u2026"), this);
    m_restoreAction->setObjectName(QStringLiteral("restoreAction"));
    m_restoreAction->setStatusTip(tr("Restore an encrypted backup"));
    connect(m_restoreAction, &QAction::triggered, this, &MainWindow::openRestoreDialog);

    m_exporter = new NetworkExporter(m_session, this);
    for (const auto format :
         {exporting::ExportFormat::GraphMl, exporting::ExportFormat::Gexf, exporting::ExportFormat::Csv,
          exporting::ExportFormat::VCard, exporting::ExportFormat::ICalendar}) {
        auto* action = new QAction(NetworkExporter::describe(format) + QStringLiteral("\u2026"), this);
        connect(action, &QAction::triggered, this, [this, format] { m_exporter->exportWithDialog(this, format); });
        m_exportActions.append(action);
    }
    m_exportActions[0]->setStatusTip(tr("Opens in Gephi, yEd and Cytoscape"));
    m_exportActions[1]->setStatusTip(tr("Opens in Gephi"));

    m_reviewAction = new QAction(tr("Review possible &duplicates\u2026"), this);
    m_reviewAction->setObjectName(QStringLiteral("reviewDuplicatesAction"));
    m_reviewAction->setStatusTip(tr("Decide whether people that imports flagged are the same person"));
    connect(m_reviewAction, &QAction::triggered, this, &MainWindow::openMergeReview);
    m_edits->add(m_reviewAction);  // reviewing is merging

    m_duplicatesLabel = new QLabel(this);
    m_duplicatesLabel->setObjectName(QStringLiteral("duplicatesLabel"));
    m_duplicatesLabel->setVisible(false);
    connect(m_duplicatesLabel, &QLabel::linkActivated, this, &MainWindow::openMergeReview);
    // The count follows peopleChanged(): merge commands (and their undo) reload the people.
}

void MainWindow::addFileMenuActions(QMenu* file)
{
    file->addSeparator();
    file->addAction(m_importAction);
    file->addAction(m_crawlAction);
    file->addSeparator();
    file->addAction(m_backupAction);
    file->addAction(m_restoreAction);
    m_exportMenu = file->addMenu(tr("&Export"));
    m_exportMenu->addActions(m_exportActions.mid(0, 2));
    m_exportMenu->addSeparator();
    m_exportMenu->addActions(m_exportActions.mid(2));
}

void MainWindow::addEditMenuActions(QMenu* edit)
{
    edit->addSeparator();
    edit->addAction(m_reviewAction);
}

void MainWindow::updateDuplicateCount()
{
    // Read with the people, in the background: nothing here asks the database on the UI thread.
    const std::size_t count = m_session.mergeCandidateCount();
    const bool open = m_session.hasWorkspace();
    for (QAction* action : {m_importAction, m_crawlAction, m_backupAction}) {
        action->setEnabled(open);
    }
    for (QAction* action : std::as_const(m_exportActions)) {
        action->setEnabled(open);
    }
    m_reviewAction->setEnabled(count > 0);
    m_reviewAction->setText(count > 0 ? tr("Review possible &duplicates (%1)\u2026").arg(count)
                                      : tr("Review possible &duplicates\u2026"));
    m_duplicatesLabel->setVisible(count > 0);
    m_duplicatesLabel->setText(
        QStringLiteral("<a href=\"review\">%1</a>")
            .arg(formatCount(static_cast<std::int64_t>(count), tr("possible duplicate"), tr("possible duplicates"))));
    m_duplicatesLabel->setToolTip(tr("Review them: Edit \u25b8 Review possible duplicates"));
}

namespace {

/// Brings a dialog that works beside the window to the front.
void bringForward(QDialog* dialog)
{
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

}  // namespace

ImportDialog* MainWindow::openImportDialog(const QStringList& files)
{
    if (!m_session.hasWorkspace()) {
        statusBar()->showMessage(tr("Open or create a database to import into"), 4000);
        return nullptr;
    }
    if (m_session.isDemo() && !m_importIntoDemoAccepted) {
        askBeforeImportingIntoTheDemo(files);
        return nullptr;
    }
    if (m_importDialog == nullptr) {
        m_importDialog = new ImportDialog(m_session, this);
        m_importDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_importDialog, &ImportDialog::stateChanged, this, [this](ImportDialog::State state) {
            if (state == ImportDialog::State::Imported) {
                statusBar()->showMessage(tr("Import finished"), 5000);
            }
        });
    }
    m_importDialog->addFiles(files);
    bringForward(m_importDialog);
    return m_importDialog;
}

void MainWindow::askBeforeImportingIntoTheDemo(const QStringList& files)
{
    // Window-modal and opened, not exec()'d: what the user picks continues in the slots below.
    auto* question = new QMessageBox(QMessageBox::Question, tr("Import into the demo?"),
                                     tr("The demo network is not saved."), QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("importIntoDemoQuestion"));
    question->setInformativeText(tr("Whatever you import into it is gone when Warmpath closes or another database "
                                    "opens. Start a database of your own first, and import into that?"));
    QPushButton* own = question->addButton(tr("Start my own database\u2026"), QMessageBox::AcceptRole);
    own->setObjectName(QStringLiteral("startOwnDatabaseFirst"));
    QPushButton* demo = question->addButton(tr("Import into the demo"), QMessageBox::DestructiveRole);
    demo->setObjectName(QStringLiteral("importIntoDemoAnyway"));
    question->setDefaultButton(own);
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->setWindowModality(Qt::WindowModal);
    connect(own, &QPushButton::clicked, this, [this, files] {
        // The import dialog opens once the new database has loaded (onLoaded).
        m_importAfterLoad = files;
        m_importAfterLoadPending = newDatabase();
        if (!m_importAfterLoadPending) {
            m_importAfterLoad.clear();
        }
    });
    connect(demo, &QPushButton::clicked, this, [this, files] {
        m_importIntoDemoAccepted = true;  // asked once for this demo
        openImportDialog(files);
    });
    question->open();
}

void MainWindow::openMergeReview()
{
    if (!m_session.hasWorkspace()) {
        return;
    }
    if (!m_session.canEdit()) {
        statusBar()->showMessage(m_session.editsPausedReason(), 5000);
        return;
    }
    auto* dialog = new MergeReviewDialog(m_session, *m_undoStack, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

// The import, fetch and backup dialogs are not modal: one of each at a time, beside the window, which
// stays usable (selecting, scrolling, the map) however long the work runs. Their edits wait meanwhile
// where the work holds the writer (Session::holdWriter()).
CrawlDialog* MainWindow::openCrawlDialog()
{
    if (!m_session.hasWorkspace()) {
        return nullptr;
    }
    if (m_crawlDialog == nullptr) {
        m_crawlDialog = new CrawlDialog(m_session, this);
        m_crawlDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_crawlDialog, &CrawlDialog::crawlEnded, this, [this](CrawlDialog::State state) {
            if (state == CrawlDialog::State::Finished) {
                statusBar()->showMessage(tr("Fetching follow lists finished"), 5000);
            }
        });
    }
    bringForward(m_crawlDialog);
    return m_crawlDialog;
}

BackupDialog* MainWindow::openBackupDialog()
{
    if (!m_session.hasWorkspace()) {
        return nullptr;
    }
    if (m_backupDialog == nullptr) {
        m_backupDialog = new BackupDialog(m_session, this);
        m_backupDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    bringForward(m_backupDialog);
    return m_backupDialog;
}

void MainWindow::openRestoreDialog()
{
    auto* dialog = new RestoreDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (m_session.hasWorkspace() && event->mimeData()->hasUrls()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList files;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            files.append(url.toLocalFile());
        }
    }
    if (!files.isEmpty()) {
        event->acceptProposedAction();
        openImportDialog(files);
    }
}

}  // namespace warmpath::ui
