#include "MainWindow.h"

#include <algorithm>
#include <map>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

#include "Format.h"
#include "Resources.h"
#include "Session.h"
#include "Version.h"
#include "models/PeopleFilterProxy.h"
#include "models/PeopleModel.h"
#include "panels/DetailsPanel.h"
#include "widgets/DemoBanner.h"
#include "widgets/EmptyState.h"

namespace warmpath::ui {

namespace {

constexpr int kMaxRecentDatabases = 8;
constexpr int kStateVersion = 1;

QString settingsKey(const char* key)
{
    return QString::fromLatin1(key);
}

/// A magnifying glass for the search field, drawn so that it needs no icon theme.
QIcon searchIcon(const QColor& colour)
{
    constexpr int size = 16;
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, 1.6, Qt::SolidLine, Qt::RoundCap));
    painter.drawEllipse(QRectF(2.5, 2.5, 8.0, 8.0));
    painter.drawLine(QPointF(9.6, 9.6), QPointF(13.5, 13.5));
    return QIcon(pixmap);
}

}  // namespace

MainWindow::MainWindow(Session& session, Options options, QWidget* parent)
    : QMainWindow(parent), m_session(session), m_options(options), m_model(new PeopleModel(this)),
      m_proxy(new PeopleFilterProxy(this))
{
    setWindowIcon(appIcon());
    m_proxy->setSourceModel(m_model);

    createActions();
    createMenus();

    m_banner = new DemoBanner(this);
    m_banner->setVisible(false);
    connect(m_banner, &DemoBanner::startOwnDatabaseRequested, this, &MainWindow::startOwnDatabase);

    m_views = new QStackedWidget(this);
    m_views->addWidget(createPeoplePage());

    m_details = new DetailsPanel(m_session, this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_views);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setSizes({1040, 400});

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
    m_statsLabel = new QLabel(this);
    m_statsLabel->setObjectName(QStringLiteral("statsLabel"));
    statusBar()->addWidget(m_busy);
    statusBar()->addWidget(m_locationLabel, 1);
    statusBar()->addPermanentWidget(m_statsLabel);
    QPalette mutedPalette = m_locationLabel->palette();
    mutedPalette.setColor(QPalette::WindowText, mutedTextColor(palette()));
    m_locationLabel->setPalette(mutedPalette);

    connect(&m_session, &Session::loadingStarted, this, &MainWindow::onLoadingStarted);
    connect(&m_session, &Session::loaded, this, &MainWindow::onLoaded);
    connect(&m_session, &Session::failed, this, &MainWindow::onLoadFailed);
    connect(&m_session, &Session::peopleChanged, this, &MainWindow::onPeopleChanged);

    resize(1280, 800);
    restoreState();
    rebuildRecentMenu();

    if (m_session.hasWorkspace()) {
        onPeopleChanged();
        onLoaded();
    } else if (m_session.isLoading()) {
        onLoadingStarted();
    } else {
        updateWindowTitle();
        updateEmptyState();
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_newAction = new QAction(tr("&New Database\u2026"), this);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setStatusTip(tr("Create a new, empty database file and switch to it"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newDatabase);

    m_openAction = new QAction(tr("&Open Database\u2026"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open an existing Warmpath database file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openDatabase);

    m_demoAction = new QAction(tr("Open &Demo Network"), this);
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

    m_findAction = new QAction(tr("&Find People"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        showView(View::People);
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_detailsAction = new QAction(tr("&Details Panel"), this);
    m_detailsAction->setCheckable(true);
    m_detailsAction->setChecked(true);
    m_detailsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_detailsAction, &QAction::toggled, this, [this](bool visible) { m_details->setVisible(visible); });

    m_clearFilterAction = new QAction(tr("Clear Search"), this);
    connect(m_clearFilterAction, &QAction::triggered, this, [this] {
        m_search->clear();
        m_tagFilter->setCurrentIndex(0);
    });

    m_aboutAction = new QAction(tr("&About Warmpath"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    file->addAction(m_demoAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_peopleViewAction);
    view->addSeparator();
    view->addAction(m_findAction);
    view->addAction(m_detailsAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    QAction* aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

QWidget* MainWindow::createPeoplePage()
{
    auto* page = new QWidget(this);

    m_search = new QLineEdit(page);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search names, organisations, titles and tags"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(searchIcon(mutedTextColor(palette())), QLineEdit::LeadingPosition);
    m_search->setToolTip(tr("Search people (%1)").arg(QKeySequence(QKeySequence::Find).toString(
        QKeySequence::NativeText)));
    m_search->setMinimumWidth(320);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setSearchText(text);
        updateEmptyState();
    });
    auto* clearSearch = new QShortcut(QKeySequence(Qt::Key_Escape), m_search, m_search, &QLineEdit::clear);
    clearSearch->setContext(Qt::WidgetShortcut);

    m_tagFilter = new QComboBox(page);
    m_tagFilter->setObjectName(QStringLiteral("tagFilter"));
    m_tagFilter->setToolTip(tr("Show only people with this tag"));
    m_tagFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_tagFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setTagFilter(m_tagFilter->currentData().toString());
        updateEmptyState();
    });

    m_countLabel = new QLabel(page);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    QPalette countPalette = m_countLabel->palette();
    countPalette.setColor(QPalette::WindowText, mutedTextColor(palette()));
    m_countLabel->setPalette(countPalette);

    auto* toolbar = new QHBoxLayout;
    toolbar->setSpacing(8);
    toolbar->addWidget(m_search, 3);
    toolbar->addWidget(m_tagFilter);
    toolbar->addStretch(1);
    toolbar->addWidget(m_countLabel);

    m_table = new QTableView(page);
    m_table->setObjectName(QStringLiteral("peopleTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PeopleModel::Name, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setMinimumSectionSize(48);
    const int ch = fontMetrics().averageCharWidth();
    const std::map<int, int> widths = {
        {PeopleModel::Name, 24 * ch},     {PeopleModel::Networks, 12 * ch}, {PeopleModel::Organisation, 24 * ch},
        {PeopleModel::Title, 26 * ch},    {PeopleModel::Location, 22 * ch}, {PeopleModel::Tags, 18 * ch},
        {PeopleModel::FollowUpDue, 15 * ch},
    };
    for (const auto& [column, width] : widths) {
        header->resizeSection(column, width);
    }
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onSelectionChanged);

    m_emptyState = new EmptyState(page);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setIcon(appIcon());

    m_peopleStack = new QStackedWidget(page);
    m_peopleStack->addWidget(m_table);
    m_peopleStack->addWidget(m_emptyState);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(12, 12, 0, 0);
    layout->setSpacing(10);
    layout->addLayout(toolbar);
    layout->addWidget(m_peopleStack, 1);
    return page;
}

MainWindow::View MainWindow::showView(View view)
{
    // Only the people list exists so far; every other view falls back to it until its issue lands.
    Q_UNUSED(view);
    m_view = View::People;
    m_views->setCurrentIndex(0);
    m_peopleViewAction->setChecked(true);
    return m_view;
}

bool MainWindow::selectPerson(PersonId id)
{
    const int sourceRow = m_model->rowOf(id);
    if (sourceRow < 0) {
        return false;
    }
    showView(View::People);
    QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, PeopleModel::Name));
    if (!index.isValid()) {
        m_search->clear();
        m_tagFilter->setCurrentIndex(0);
        index = m_proxy->mapFromSource(m_model->index(sourceRow, PeopleModel::Name));
    }
    if (!index.isValid()) {
        return false;
    }
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

void MainWindow::onLoadingStarted()
{
    m_busy->setVisible(true);
    statusBar()->showMessage(tr("Opening\u2026"));
    if (!m_session.hasWorkspace()) {
        m_emptyState->setContent(tr("Opening\u2026"), {});
        m_emptyState->setActions({});
        m_peopleStack->setCurrentWidget(m_emptyState);
    }
}

void MainWindow::onLoaded()
{
    m_busy->setVisible(false);
    statusBar()->clearMessage();
    m_banner->setVisible(m_session.isDemo());
    m_locationLabel->setText(m_session.isDemo() ? tr("Demo network, kept in memory")
                                                : QDir::toNativeSeparators(m_session.databasePath()));
    if (!m_session.isDemo()) {
        addRecentDatabase(m_session.databasePath());
    }
    updateWindowTitle();
}

void MainWindow::onLoadFailed(const QString& message)
{
    m_busy->setVisible(false);
    statusBar()->clearMessage();
    updateEmptyState();
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Could Not Open"), tr("Warmpath could not open this."),
                                QMessageBox::Ok, this);
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

void MainWindow::onPeopleChanged()
{
    const PersonId selected = m_details->person();
    m_model->setPeople(m_session.people());
    m_statsLabel->setText(statsLine(m_session.stats()));
    updateTagFilter();
    updateEmptyState();
    if (!selected.valid() || !selectPerson(selected)) {
        m_details->showSelectionCount(0);
    }
}

void MainWindow::onSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() == 1) {
        m_details->showPerson(PersonId(rows.first().data(PeopleModel::PersonIdRole).toLongLong()));
    } else {
        m_details->showSelectionCount(static_cast<int>(rows.size()));
    }
}

void MainWindow::updateWindowTitle()
{
    if (m_session.hasWorkspace()) {
        setWindowTitle(tr("Warmpath \u2014 %1").arg(m_session.displayName()));
    } else {
        setWindowTitle(tr("Warmpath"));
    }
}

void MainWindow::updateTagFilter()
{
    const QString current = m_tagFilter->currentData().toString();
    std::map<QString, int> counts;
    for (const PersonSummary& row : m_session.people()) {
        for (const std::string& tag : row.tags) {
            ++counts[toQString(tag)];
        }
    }
    std::vector<std::pair<QString, int>> tags(counts.begin(), counts.end());
    std::sort(tags.begin(), tags.end(), [](const auto& a, const auto& b) {
        return QString::compare(a.first, b.first, Qt::CaseInsensitive) < 0;
    });

    const QSignalBlocker blocker(m_tagFilter);
    m_tagFilter->clear();
    m_tagFilter->addItem(tr("All tags"), QString());
    for (const auto& [tag, count] : tags) {
        m_tagFilter->addItem(tr("%1 (%2)").arg(tag, formatCount(count)), tag);
    }
    const int index = m_tagFilter->findData(current);
    m_tagFilter->setCurrentIndex(std::max(index, 0));
    m_tagFilter->setEnabled(!tags.empty());
    m_proxy->setTagFilter(m_tagFilter->currentData().toString());
}

void MainWindow::updateEmptyState()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_countLabel->setText(m_proxy->isFiltering() ? tr("%1 of %2").arg(formatCount(shown),
                                                                      formatCount(total, tr("person"), tr("people")))
                                                 : formatCount(total, tr("person"), tr("people")));

    if (!m_session.hasWorkspace()) {
        if (m_session.isLoading()) {
            return;
        }
        m_emptyState->setContent(tr("No database open"),
                                 tr("Open a Warmpath database, or explore the demo network to see what Warmpath "
                                    "does with 1,500 people."));
        m_emptyState->setActions({m_openAction, m_demoAction});
        m_peopleStack->setCurrentWidget(m_emptyState);
        return;
    }
    if (m_session.stats().persons <= 1) {
        m_emptyState->setContent(
            tr("No people yet \u2014 import your contacts"),
            tr("Bring in LinkedIn connections, address books or Bluesky and Mastodon follow lists with "
               "<b>warmpath-cli import</b>. Until then, the demo network shows what Warmpath can do."));
        m_emptyState->setActions({m_demoAction});
        m_peopleStack->setCurrentWidget(m_emptyState);
        return;
    }
    if (shown == 0) {
        const QString query = m_proxy->searchText().trimmed();
        m_emptyState->setContent(
            query.isEmpty() ? tr("No one has this tag") : tr("No one matches \u201c%1\u201d").arg(query),
            tr("Try part of a name, an organisation, a job title or a tag."));
        m_emptyState->setActions({m_clearFilterAction});
        m_peopleStack->setCurrentWidget(m_emptyState);
        return;
    }
    m_peopleStack->setCurrentWidget(m_table);
}

void MainWindow::newDatabase()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New Warmpath Database"),
                                                QDir(dialogDirectory()).filePath(QStringLiteral("warmpath.db")),
                                                tr("Warmpath databases (*.db)"), nullptr,
                                                QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".db");
    }
    if (QFileInfo::exists(path)) {
        const auto answer = QMessageBox::question(
            this, tr("File Exists"),
            tr("%1 already exists. Open it instead of creating a new database?").arg(QFileInfo(path).fileName()),
            QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Open);
        if (answer == QMessageBox::Open) {
            m_session.openDatabase(path, OpenMode::MustExist);
        }
        return;
    }
    m_session.createDatabase(path);
}

void MainWindow::openDatabase()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Warmpath Database"), dialogDirectory(),
                                                      tr("Warmpath databases (*.db *.sqlite *.warmpath);;All files (*)"));
    if (!path.isEmpty()) {
        m_session.openDatabase(path, OpenMode::MustExist);
    }
}

void MainWindow::startOwnDatabase()
{
    newDatabase();
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

// --- settings ------------------------------------------------------------------------------

void MainWindow::restoreState()
{
    if (!m_options.persistState) {
        return;
    }
    QSettings settings;
    restoreGeometry(settings.value(settingsKey("mainWindow/geometry")).toByteArray());
    QMainWindow::restoreState(settings.value(settingsKey("mainWindow/state")).toByteArray(), kStateVersion);
    m_splitter->restoreState(settings.value(settingsKey("mainWindow/splitter")).toByteArray());
    m_table->horizontalHeader()->restoreState(settings.value(settingsKey("mainWindow/peopleHeader")).toByteArray());
    m_detailsAction->setChecked(settings.value(settingsKey("mainWindow/detailsVisible"), true).toBool());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_options.persistState) {
        QSettings settings;
        settings.setValue(settingsKey("mainWindow/geometry"), saveGeometry());
        settings.setValue(settingsKey("mainWindow/state"), saveState(kStateVersion));
        settings.setValue(settingsKey("mainWindow/splitter"), m_splitter->saveState());
        settings.setValue(settingsKey("mainWindow/peopleHeader"), m_table->horizontalHeader()->saveState());
        settings.setValue(settingsKey("mainWindow/detailsVisible"), m_detailsAction->isChecked());
    }
    event->accept();
}

void MainWindow::addRecentDatabase(const QString& path)
{
    if (!m_options.persistState) {
        return;
    }
    QSettings settings;
    QStringList recent = settings.value(settingsKey("recentDatabases")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentDatabases) {
        recent.removeLast();
    }
    settings.setValue(settingsKey("recentDatabases"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent =
        m_options.persistState ? QSettings().value(settingsKey("recentDatabases")).toStringList() : QStringList();
    int number = 0;
    for (const QString& path : recent) {
        ++number;
        const QFileInfo info(path);
        QAction* action = m_recentMenu->addAction(
            tr("&%1  %2").arg(number).arg(info.fileName()), this, [this, path] {
                m_session.openDatabase(path, OpenMode::MustExist);
            });
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setEnabled(info.exists());
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent databases"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear Menu"), this, [this] {
        QSettings().remove(settingsKey("recentDatabases"));
        rebuildRecentMenu();
    });
}

}  // namespace warmpath::ui
