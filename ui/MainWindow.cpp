#include "MainWindow.h"

#include <utility>

#include <QAbstractItemView>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include "Format.h"
#include "Resources.h"
#include "Session.h"
#include "Version.h"
#include "dialogs/NetworkExporter.h"
#include "panels/DetailsPanel.h"
#include "views/FollowUpsView.h"
#include "views/MapCanvas.h"
#include "views/MapView.h"
#include "views/PathFinderView.h"
#include "views/PeopleView.h"
#include "views/SuggestionsView.h"
#include "widgets/ButtonAction.h"
#include "widgets/DemoBanner.h"
#include "widgets/EditGate.h"
#include "widgets/FieldUndo.h"
#include "widgets/WindowState.h"

namespace warmpath::ui {

MainWindow::MainWindow(Session& session, Options options, QWidget* parent)
    : QMainWindow(parent), m_session(session), m_options(options)
{
    setWindowIcon(appIcon());
    new FieldUndoRouter(this);  // Ctrl+Z in a field without typing of its own is Edit ▸ Undo
    createActions();
    createMenus();

    m_banner = new DemoBanner(this);
    m_banner->setVisible(false);
    connect(m_banner, &DemoBanner::startOwnDatabaseRequested, this, &MainWindow::newDatabase);

    m_peopleView = new PeopleView(m_session, {.openDatabase = m_openAction, .openDemo = m_demoAction}, this);
    connect(m_peopleView, &PeopleView::selectionChanged, this, &MainWindow::onSelectionChanged);
    attachPeopleContextMenu();
    m_mapView = new MapView(m_session, this);
    connect(m_mapView, &MapView::personSelected, this, &MainWindow::onMapSelected);
    // File > Export > Map as PNG / SVG: the Map tab's own actions, shown first so the map gets drawn.
    QAction* networkExports = m_exportMenu->insertSeparator(m_exportMenu->actions().value(0));
    for (QAction* action : {m_mapView->exportPngAction(), m_mapView->exportSvgAction()}) {
        m_exportMenu->insertAction(networkExports, action);
        connect(action, &QAction::triggered, this, [this] { showView(View::Map); });
    }
    m_views = new QTabWidget(this);
    m_views->setObjectName(QStringLiteral("views"));
    m_views->setDocumentMode(true);
    m_views->addTab(m_peopleView, tr("People"));
    m_views->addTab(m_mapView, tr("Map"));
    m_pathFinder = new PathFinderView(m_session, *m_undoStack, this);
    connect(m_pathFinder, &PathFinderView::personSelected, this, &MainWindow::onMapSelected);
    m_views->addTab(m_pathFinder, tr("Paths"));
    m_suggestions = new SuggestionsView(m_session, *m_undoStack, this);
    connect(m_suggestions, &SuggestionsView::personSelected, this, &MainWindow::onMapSelected);
    connect(m_suggestions, &SuggestionsView::findPathRequested, this, [this](PersonId person) {
        showView(View::Paths);
        m_pathFinder->findPathsTo(person);
    });
    connect(m_suggestions, &SuggestionsView::tagRequested, this, [this](PersonId person) { tagPeople({person}); });
    m_views->addTab(m_suggestions, tr("Suggestions"));
    m_followUps = new FollowUpsView(m_session, *m_undoStack, this);
    connect(m_followUps, &FollowUpsView::personSelected, this, &MainWindow::onMapSelected);
    m_views->addTab(m_followUps, tr("Follow-ups"));
    connect(m_views, &QTabWidget::currentChanged, this, [this](int index) {
        QWidget* page = m_views->widget(index);
        if (page == m_mapView) {
            m_view = View::Map;
            m_mapViewAction->setChecked(true);
        } else if (page == m_pathFinder) {
            m_view = View::Paths;
            m_pathsViewAction->setChecked(true);
        } else if (page == m_suggestions) {
            m_view = View::Suggestions;
            m_suggestionsViewAction->setChecked(true);
        } else if (page == m_followUps) {
            m_view = View::FollowUps;
            m_followUpsViewAction->setChecked(true);
        } else {
            m_view = View::People;
            m_peopleViewAction->setChecked(true);
        }
        // The keyboard goes to what the view shows (the map pans and zooms by keys, a list moves by
        // them), not to its first control: Qt would put a caret in the map's hops field. The path
        // finder keeps its own: there the first thing to do is typing whom to reach.
        if (m_view != View::Paths && m_details != nullptr) {  // not while the tabs are being added
            panes().front().primary->setFocus(Qt::OtherFocusReason);
        }
    });

    m_details = new DetailsPanel(m_session, *m_undoStack, this);
    connect(m_details, &DetailsPanel::personActivated, this, &MainWindow::onMapSelected);
    createViewCommandMenus();
    // Tab leaves a list for the next pane instead of walking its cells (see focusNextPrevChild).
    for (QAbstractItemView* list : findChildren<QAbstractItemView*>()) {
        list->setTabKeyNavigation(false);
    }

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_views);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setSizes({1060, 380});

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(fontMetrics().height());
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_locationLabel = new QLabel(this);
    m_locationLabel->setObjectName(QStringLiteral("locationLabel"));
    setMutedText(m_locationLabel);
    m_statsLabel = new QLabel(this);
    m_statsLabel->setObjectName(QStringLiteral("statsLabel"));
    m_editsPausedLabel = new QLabel(this);
    m_editsPausedLabel->setObjectName(QStringLiteral("editsPausedLabel"));
    m_editsPausedLabel->setVisible(false);
    statusBar()->addWidget(m_busy);
    statusBar()->addWidget(m_locationLabel, 1);
    statusBar()->addPermanentWidget(m_editsPausedLabel);
    statusBar()->addPermanentWidget(m_duplicatesLabel);
    statusBar()->addPermanentWidget(m_statsLabel);

    connect(&m_session, &Session::loadingStarted, this, &MainWindow::onLoadingStarted);
    connect(&m_session, &Session::loaded, this, &MainWindow::onLoaded);
    connect(&m_session, &Session::failed, this, &MainWindow::onLoadFailed);
    connect(&m_session, &Session::peopleChanged, this, &MainWindow::onPeopleChanged);
    connect(&m_session, &Session::editingChanged, this, &MainWindow::onEditingChanged);
    connect(&m_session, &Session::editRefused, this,
            [this](const QString& reason) { statusBar()->showMessage(reason, 5000); });

    resize(1280, 800);
    restoreSettings();
    keepOnScreen(*this);  // the default size on a small screen, or a geometry saved on a larger one
    rebuildRecentMenu();

    if (m_session.hasWorkspace()) {
        onPeopleChanged();
        onLoaded();
    } else if (m_session.isLoading()) {
        onLoadingStarted();
    } else {
        updateWindowTitle();
    }
    onEditingChanged();
}

MainWindow::~MainWindow() = default;

QTableView* MainWindow::peopleTable() const
{
    return m_peopleView->table();
}

QLineEdit* MainWindow::searchField() const
{
    return m_peopleView->searchField();
}

void MainWindow::createActions()
{
    m_undoStack = new QUndoStack(this);
    m_edits = new EditGate(m_session, this);
    m_undoAction = m_undoStack->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undoStack->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcuts(redoKeys(QKeySequence::keyBindings(QKeySequence::Redo)));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_tagAction = new QAction(tr("&Tag selected people\u2026"), this);
    m_tagAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_tagAction->setStatusTip(tr("Give the selected people a tag"));
    m_tagAction->setObjectName(QStringLiteral("tagAction"));
    connect(m_tagAction, &QAction::triggered, this, &MainWindow::tagSelection);
    m_untagAction = new QAction(tr("Re&move a tag from selected people\u2026"), this);
    m_untagAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connect(m_untagAction, &QAction::triggered, this, &MainWindow::untagSelection);
    m_noteAction = new QAction(tr("Add &note\u2026"), this);
    m_noteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_noteAction->setStatusTip(tr("Write a note about the selected person"));
    connect(m_noteAction, &QAction::triggered, this, &MainWindow::addNoteToSelection);
    // Undo and redo write as much as the edits they undo and redo.
    for (QAction* action : {m_undoAction, m_redoAction, m_tagAction, m_untagAction, m_noteAction}) {
        m_edits->add(action);
    }

    m_newAction = new QAction(tr("&New database\u2026"), this);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setStatusTip(tr("Create a new, empty database file and switch to it"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newDatabase);

    m_openAction = new QAction(tr("&Open database\u2026"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open an existing Warmpath database file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openDatabase);

    m_demoAction = new QAction(tr("Open &demo network"), this);
    m_demoAction->setStatusTip(tr("Explore a generated network of 1,500 people; nothing is saved"));
    connect(m_demoAction, &QAction::triggered, &m_session, &Session::openDemo);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    auto* views = new QActionGroup(this);
    m_peopleViewAction = new QAction(tr("&People"), views);
    m_peopleViewAction->setCheckable(true);
    m_peopleViewAction->setChecked(true);
    m_peopleViewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_peopleViewAction, &QAction::triggered, this, [this] { showView(View::People); });

    m_mapViewAction = new QAction(tr("&Map"), views);
    m_mapViewAction->setCheckable(true);
    m_mapViewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(m_mapViewAction, &QAction::triggered, this, [this] { showView(View::Map); });

    m_pathsViewAction = new QAction(tr("P&aths"), views);
    m_pathsViewAction->setCheckable(true);
    m_pathsViewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    connect(m_pathsViewAction, &QAction::triggered, this, [this] { showView(View::Paths); });

    m_suggestionsViewAction = new QAction(tr("&Suggestions"), views);
    m_suggestionsViewAction->setCheckable(true);
    m_suggestionsViewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    connect(m_suggestionsViewAction, &QAction::triggered, this, [this] { showView(View::Suggestions); });

    m_followUpsViewAction = new QAction(tr("F&ollow-ups"), views);
    m_followUpsViewAction->setCheckable(true);
    m_followUpsViewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
    connect(m_followUpsViewAction, &QAction::triggered, this, [this] { showView(View::FollowUps); });

    m_findAction = new QAction(tr("&Find people"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        showView(View::People);
        m_peopleView->focusSearch();
    });

    m_detailsAction = new QAction(tr("&Details panel"), this);
    m_detailsAction->setCheckable(true);
    m_detailsAction->setChecked(true);
    // Not Ctrl+I: that is Import, by convention and in the user guide.
    m_detailsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(m_detailsAction, &QAction::toggled, this, [this](bool visible) { m_details->setVisible(visible); });

    m_aboutAction = new QAction(tr("&About Warmpath"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    createFileMenuActions();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    file->addAction(m_demoAction);
    m_recentMenu = file->addMenu(tr("&Recent databases"));
    addFileMenuActions(file);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_tagAction);
    edit->addAction(m_untagAction);
    edit->addAction(m_noteAction);
    addEditMenuActions(edit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_peopleViewAction);
    view->addAction(m_mapViewAction);
    view->addAction(m_pathsViewAction);
    view->addAction(m_suggestionsViewAction);
    view->addAction(m_followUpsViewAction);
    view->addSeparator();
    view->addAction(m_findAction);
    view->addAction(m_detailsAction);
    view->addSeparator();
    addColoursMenu(view);
    m_viewMenu = view;
}

void MainWindow::createViewCommandMenus()
{
    // The views' own commands, once the views exist: the Person menu and View > Map, then Help last.
    m_viewMenu->insertAction(m_detailsAction, m_peopleView->clearFiltersAction());
    // The people list's follow filters: the same menu as its "Follows" button, so both stay in step.
    QPushButton* followButton = m_peopleView->followFilterButton();
    QAction* follows = m_viewMenu->insertMenu(m_detailsAction, followButton->menu());
    follows->setText(tr("Follo&w filters"));
    setMenuActionOf(followButton, follows);
    createPersonMenu();
    addMapMenuActions(m_viewMenu);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    QAction* aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

MainWindow::View MainWindow::showView(View view)
{
    switch (view) {
    case View::Map:
        m_views->setCurrentWidget(m_mapView);
        m_view = View::Map;
        m_mapViewAction->setChecked(true);
        break;
    case View::Paths:
        m_views->setCurrentWidget(m_pathFinder);
        m_view = View::Paths;
        m_pathsViewAction->setChecked(true);
        break;
    case View::Suggestions:
        m_views->setCurrentWidget(m_suggestions);
        m_view = View::Suggestions;
        m_suggestionsViewAction->setChecked(true);
        break;
    case View::FollowUps:
        m_views->setCurrentWidget(m_followUps);
        m_view = View::FollowUps;
        m_followUpsViewAction->setChecked(true);
        break;
    default:
        // Views not built yet fall back to the people list.
        m_views->setCurrentWidget(m_peopleView);
        m_view = View::People;
        m_peopleViewAction->setChecked(true);
        break;
    }
    return m_view;
}

bool MainWindow::selectPerson(PersonId id)
{
    m_mapView->selectPerson(id);
    if (m_view == View::Paths) {
        m_pathFinder->findPathsTo(id);
    }
    // Where the person is listed (now, or once the view has computed its rows), their row is shown too.
    m_suggestions->selectPerson(id);
    m_followUps->selectPerson(id);
    return m_peopleView->selectPerson(id);
}

QList<Pane> MainWindow::panes() const
{
    QList<Pane> panes;
    switch (m_view) {
    case View::Map:
        panes.append(Pane{m_mapView, m_mapView->canvas()});
        break;
    case View::Paths:
        panes.append(Pane{m_pathFinder, m_pathFinder->pathTable()});
        panes.append(Pane{m_pathFinder->mapView(), m_pathFinder->mapView()->canvas()});
        break;
    case View::Suggestions:
        panes.append(Pane{m_suggestions, m_suggestions->table()});
        break;
    case View::FollowUps:
        panes.append(Pane{m_followUps, m_followUps->table()});
        panes.append(Pane{m_followUps->introsTable(), m_followUps->introsTable()});
        break;
    case View::People:
        panes.append(Pane{m_peopleView, m_peopleView->table()});
        break;
    }
    if (m_details->isVisible()) {
        panes.append(Pane{m_details, nullptr});
    }
    return panes;
}

bool MainWindow::focusNextPrevChild(bool next)
{
    if (QWidget* target = paneFocusTarget(panes(), QApplication::focusWidget(), next)) {
        target->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
        return true;
    }
    return QMainWindow::focusNextPrevChild(next);
}

bool MainWindow::isSettled() const
{
    return !m_session.isLoading() && !m_mapView->isBusy() && !m_pathFinder->isBusy() &&
           !m_pathFinder->mapView()->isBusy() && !m_suggestions->isBusy() && !m_followUps->isBusy() &&
           !m_details->isBusy();
}

void MainWindow::onMapSelected(PersonId person)
{
    // The list follows the map; its selection change fills the details panel.
    if (!m_peopleView->selectPerson(person)) {
        m_details->showPerson(person);
    }
    updatePersonActions();
}

void MainWindow::onLoadingStarted()
{
    m_busy->setVisible(true);
    statusBar()->showMessage(tr("Opening\u2026"));
}

void MainWindow::onLoaded()
{
    m_undoStack->clear();  // edits belong to the workspace they were made in
    m_importIntoDemoAccepted = false;
    m_busy->setVisible(false);
    statusBar()->clearMessage();
    m_banner->setVisible(m_session.isDemo());
    m_locationLabel->setText(m_session.isDemo() ? tr("Demo network, kept in memory")
                                                : QDir::toNativeSeparators(m_session.databasePath()));
    if (!m_session.isDemo()) {
        addRecentDatabase(m_session.databasePath());
    }
    updateWindowTitle();
    if (std::exchange(m_importAfterLoadPending, false) && !m_session.isDemo()) {
        openImportDialog(std::exchange(m_importAfterLoad, {}));
    }
}

void MainWindow::onLoadFailed(const QString& message)
{
    m_importAfterLoadPending = false;
    m_importAfterLoad.clear();
    m_busy->setVisible(false);
    statusBar()->clearMessage();
    // Window-modal and opened, not exec()'d: the event loop (and a --screenshot run) carries on.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Could not open"), tr("Warmpath could not open this."),
                                QMessageBox::Ok, this);
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

void MainWindow::onPeopleChanged()
{
    m_statsLabel->setText(statsLine(m_session.stats()));
    updateDuplicateCount();
}

void MainWindow::onEditingChanged()
{
    const QString reason = m_session.editsPausedReason();
    m_editsPausedLabel->setText(reason);
    m_editsPausedLabel->setToolTip(reason);
    m_editsPausedLabel->setVisible(!reason.isEmpty());
}

void MainWindow::onSelectionChanged()
{
    const QList<PersonId> people = m_peopleView->selectedPeople();
    if (people.size() == 1) {
        m_details->showPerson(people.first());
        m_mapView->selectPerson(people.first());
    } else {
        m_details->showSelectionCount(static_cast<int>(people.size()));
    }
    updatePersonActions();
}

void MainWindow::updateWindowTitle()
{
    // The database first, then the application: and ending with the application's display name, so
    // that the desktop does not append it a second time (Qt adds it to a title that does not end so).
    const QString application = QStringLiteral("Warmpath");
    setWindowTitle(m_session.hasWorkspace() ? tr("%1 \u2014 %2").arg(m_session.displayName(), application)
                                            : application);
}

bool MainWindow::newDatabase()
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("New Warmpath database"), QDir(dialogDirectory()).filePath(QStringLiteral("warmpath.db")),
        tr("Warmpath databases (*.db)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty()) {
        return false;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".db");
    }
    if (QFileInfo::exists(path)) {
        const auto answer = QMessageBox::question(
            this, tr("File exists"),
            tr("%1 already exists. Open it instead of creating a new database?").arg(QFileInfo(path).fileName()),
            QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Open);
        if (answer != QMessageBox::Open) {
            return false;
        }
        m_session.openDatabase(path, OpenMode::MustExist);
        return true;
    }
    m_session.createDatabase(path);
    return true;
}

void MainWindow::openDatabase()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Warmpath database"), dialogDirectory(),
                                     tr("Warmpath databases (*.db *.sqlite *.warmpath);;All files (*)"));
    if (!path.isEmpty()) {
        m_session.openDatabase(path, OpenMode::MustExist);
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Warmpath"),
        tr("<h3>Warmpath %1</h3>"
           "<p>Map your professional network: who you know, who follows whom, and the warm introductions "
           "that lead to the people you want to meet.</p>"
           "<p>Local-first: your network stays in a database file on this computer.</p>"
           "<p><small>Built with Qt %2.</small></p>")
            .arg(QString::fromLatin1(kVersion), QString::fromLatin1(qVersion())));
}

QString MainWindow::dialogDirectory() const
{
    if (!m_session.databasePath().isEmpty()) {
        return QFileInfo(m_session.databasePath()).absolutePath();
    }
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

}  // namespace warmpath::ui
