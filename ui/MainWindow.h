#pragma once

#include <QMainWindow>
#include <QString>

#include "model/PersonId.h"

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace warmpath::ui {

class DemoBanner;
class DetailsPanel;
class EmptyState;
class PeopleFilterProxy;
class PeopleModel;
class Session;

/// The main window: the people table with search and tag filter, the details panel beside it, the demo
/// banner, menus and status bar. Shows whatever the Session has open and follows it as it changes.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// The views the window can show. Only People exists yet; the others arrive with their issues
    /// (map: 3, paths: 4, suggestions: 5, follow-ups: 6) and until then show the people list.
    enum class View { People, Map, Paths, Suggestions, FollowUps };

    struct Options {
        /// Restore and save window geometry and the recent-databases list in QSettings. Off for
        /// screenshots and tests, which must neither depend on nor change the user's settings.
        bool persistState = true;
    };

    explicit MainWindow(Session& session, Options options, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Switches to `view`, or to the people list while `view` does not exist yet. Returns the view shown.
    View showView(View view);
    [[nodiscard]] View currentView() const { return m_view; }

    /// Selects `id` in the people list (clearing a search that hides them) and scrolls to them.
    /// Returns false when they are not in the list.
    bool selectPerson(PersonId id);

    [[nodiscard]] QTableView* peopleView() const { return m_table; }
    [[nodiscard]] PeopleFilterProxy* peopleProxy() const { return m_proxy; }
    [[nodiscard]] DetailsPanel* detailsPanel() const { return m_details; }
    [[nodiscard]] QLineEdit* searchField() const { return m_search; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    QWidget* createPeoplePage();
    void restoreState();

    void onLoadingStarted();
    void onLoaded();
    void onLoadFailed(const QString& message);
    void onPeopleChanged();
    void onSelectionChanged();

    void newDatabase();
    void openDatabase();
    void startOwnDatabase();
    void showAbout();

    void updateWindowTitle();
    void updateTagFilter();
    void updateEmptyState();
    void addRecentDatabase(const QString& path);
    void rebuildRecentMenu();
    /// A file dialog's starting folder: the current database's, else the documents folder.
    [[nodiscard]] QString dialogDirectory() const;

    Session& m_session;
    Options m_options;
    View m_view = View::People;

    PeopleModel* m_model;
    PeopleFilterProxy* m_proxy;

    DemoBanner* m_banner = nullptr;
    QSplitter* m_splitter = nullptr;
    QStackedWidget* m_views = nullptr;
    QStackedWidget* m_peopleStack = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_tagFilter = nullptr;
    QLabel* m_countLabel = nullptr;
    QTableView* m_table = nullptr;
    EmptyState* m_emptyState = nullptr;
    DetailsPanel* m_details = nullptr;
    QLabel* m_locationLabel = nullptr;
    QLabel* m_statsLabel = nullptr;
    QProgressBar* m_busy = nullptr;

    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_demoAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_peopleViewAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_detailsAction = nullptr;
    QAction* m_clearFilterAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QMenu* m_recentMenu = nullptr;
};

}  // namespace warmpath::ui
