// MainWindow's memory: window geometry (kept on the screen), splitters, columns, the tab, the
// colours chosen in View > Colours, and the recent-databases list, all in QSettings.

#include "MainWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>

#include "Session.h"
#include "views/PeopleView.h"
#include "widgets/Palettes.h"
#include "widgets/WindowState.h"

namespace warmpath::ui {

namespace {

constexpr int kMaxRecentDatabases = 8;
constexpr int kStateVersion = 1;

QString settingsKey(const char* key)
{
    return QString::fromLatin1(key);
}

}  // namespace

void MainWindow::addColoursMenu(QMenu* view)
{
    QMenu* colours = view->addMenu(tr("&Colours"));
    colours->setObjectName(QStringLiteral("coloursMenu"));
    auto* group = new QActionGroup(this);
    const struct {
        PaletteMode mode;
        QString text;
        QString tip;
    } choices[] = {
        {PaletteMode::System, tr("&System"), tr("The desktop's own colours, light or dark")},
        {PaletteMode::Light, tr("&Light"), tr("Dark text on light backgrounds, whatever the desktop uses")},
        {PaletteMode::Dark, tr("&Dark"), tr("Light text on dark backgrounds, whatever the desktop uses")},
    };
    for (const auto& choice : choices) {
        QAction* action = colours->addAction(choice.text);
        action->setObjectName(QStringLiteral("palette-") + paletteModeName(choice.mode));
        action->setStatusTip(choice.tip);
        action->setCheckable(true);
        action->setChecked(currentPaletteMode() == choice.mode);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, mode = choice.mode] {
            applyPalette(mode);
            if (m_options.persistState) {
                QSettings settings;
                storePaletteMode(settings, mode);
            }
        });
    }
}

void MainWindow::restoreSettings()
{
    if (!m_options.persistState) {
        return;
    }
    QSettings settings;
    restoreGeometry(settings.value(settingsKey("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(settingsKey("mainWindow/state")).toByteArray(), kStateVersion);
    m_splitter->restoreState(settings.value(settingsKey("mainWindow/splitter")).toByteArray());
    m_peopleView->restoreHeaderState(settings.value(settingsKey("mainWindow/peopleHeader")).toByteArray());
    m_detailsAction->setChecked(settings.value(settingsKey("mainWindow/detailsVisible"), true).toBool());
    // The other views' splitters and columns, and the tab the user was on.
    restoreWidgetStates(settings, settingsKey("views"), *this,
                        {m_splitter->objectName(), QStringLiteral("peopleTable")});
    const int tab = settings.value(settingsKey("mainWindow/currentTab"), 0).toInt();
    if (tab >= 0 && tab < m_views->count()) {
        m_views->setCurrentIndex(tab);
    }
}

void MainWindow::saveSettings()
{
    if (!m_options.persistState) {
        return;
    }
    QSettings settings;
    settings.setValue(settingsKey("mainWindow/geometry"), saveGeometry());
    settings.setValue(settingsKey("mainWindow/state"), saveState(kStateVersion));
    settings.setValue(settingsKey("mainWindow/splitter"), m_splitter->saveState());
    settings.setValue(settingsKey("mainWindow/peopleHeader"), m_peopleView->saveHeaderState());
    settings.setValue(settingsKey("mainWindow/detailsVisible"), m_detailsAction->isChecked());
    saveWidgetStates(settings, settingsKey("views"), *this, {m_splitter->objectName(), QStringLiteral("peopleTable")});
    settings.setValue(settingsKey("mainWindow/currentTab"), m_views->currentIndex());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
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
        QAction* action = m_recentMenu->addAction(tr("&%1  %2").arg(number).arg(info.fileName()), this,
                                                  [this, path] { m_session.openDatabase(path, OpenMode::MustExist); });
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setEnabled(info.exists());
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent databases"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear menu"), this, [this] {
        QSettings().remove(settingsKey("recentDatabases"));
        rebuildRecentMenu();
    });
}

}  // namespace warmpath::ui
