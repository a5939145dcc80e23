#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QString>
#include <QStringList>

#include "model/PersonId.h"
#include "widgets/PaneFocus.h"

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSplitter;
class QTabWidget;
class QUndoStack;
class QTableView;

namespace warmpath::ui {

class BackupDialog;
class CrawlDialog;
class DemoBanner;
class DetailsPanel;
class EditGate;
class FollowUpActions;
class ImportDialog;
class NetworkExporter;
class MapView;
class PathFinderView;
class SuggestionsView;
class FollowUpsView;
class PeopleView;
class Session;

/// The main window: the views (the people list so far) beside the details panel, the demo banner,
/// menus and status bar. Shows whatever the Session has open and follows it as it changes.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// The views the window can show, as tabs. Those not built yet show the people list. A new view is a
    /// tab, a case in showView() and an action in the View menu.
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

    /// Selects `id` in the people list (clearing a search that hides them) and on the map, and shows
    /// them in the details. Returns false when they are not in the list.
    bool selectPerson(PersonId id);
    /// True once nothing is loading or being laid out: what a --screenshot waits for.
    [[nodiscard]] bool isSettled() const;

    [[nodiscard]] PeopleView* peopleView() const { return m_peopleView; }
    [[nodiscard]] QTableView* peopleTable() const;
    [[nodiscard]] QLineEdit* searchField() const;
    [[nodiscard]] DetailsPanel* detailsPanel() const { return m_details; }
    [[nodiscard]] MapView* mapView() const { return m_mapView; }
    [[nodiscard]] PathFinderView* pathFinder() const { return m_pathFinder; }
    [[nodiscard]] SuggestionsView* suggestionsView() const { return m_suggestions; }
    [[nodiscard]] FollowUpsView* followUpsView() const { return m_followUps; }
    /// Every edit made in the window, for Edit > Undo and Redo.
    [[nodiscard]] QUndoStack* undoStack() const { return m_undoStack; }

    /// Opens File > Import with `files` listed (a drop on the window), or brings the open one forward.
    ImportDialog* openImportDialog(const QStringList& files = {});
    /// Opens Edit > Review possible duplicates.
    void openMergeReview();
    /// Opens File > Fetch follow lists, or brings the open one forward: it stays open beside the window,
    /// which can be used meanwhile, for as long as the crawl runs. Null when nothing is open.
    CrawlDialog* openCrawlDialog();
    /// Opens File > Back up, or brings the open one forward, beside the window as the crawl's is.
    BackupDialog* openBackupDialog();

protected:
    void closeEvent(QCloseEvent* event) override;
    /// Tab and Shift+Tab move between the panes (the list, map or path finder, and the details)
    /// rather than through every control and cell: see PaneFocus.
    bool focusNextPrevChild(bool next) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    // The dialogs' actions (ui/dialogs): import, fetch, back up, restore, export, duplicates review.
    void createFileMenuActions();
    void addFileMenuActions(QMenu* file);
    void addEditMenuActions(QMenu* edit);
    /// The Person menu, View > Map and Help: after the views, whose buttons they offer as entries.
    void createViewCommandMenus();
    /// Person: paths, map, follow-ups for the person in the details panel; the views' buttons.
    void createPersonMenu();
    void addMapMenuActions(QMenu* view);
    void updatePersonActions();
    /// The person the details panel shows (invalid when none), whom the Person menu acts on.
    [[nodiscard]] PersonId currentPerson() const;
    /// View > Colours: system, light or dark, applied at once and remembered.
    void addColoursMenu(QMenu* view);
    /// Importing into the demo loses it all on closing: asks first, offering a database of one's own.
    void askBeforeImportingIntoTheDemo(const QStringList& files);
    void updateDuplicateCount();
    void openRestoreDialog();
    void restoreSettings();
    void saveSettings();

    void onLoadingStarted();
    void onLoaded();
    void onLoadFailed(const QString& message);
    void onPeopleChanged();
    void onEditingChanged();
    void onSelectionChanged();
    void onMapSelected(PersonId person);

    /// Right-click on the people list: paths, map, tags and a note for the people selected.
    void attachPeopleContextMenu();
    void tagSelection();
    void tagPeople(const QList<PersonId>& people);
    void untagSelection();
    void addNoteToSelection();
    /// Asks where, then creates a new database (or opens the one there); false when the user cancels.
    bool newDatabase();
    void openDatabase();
    void showAbout();

    void updateWindowTitle();
    /// The panes Tab moves between in the current view, in order.
    [[nodiscard]] QList<Pane> panes() const;
    void addRecentDatabase(const QString& path);
    void rebuildRecentMenu();
    /// A file dialog's starting folder: the current database's, else the documents folder.
    [[nodiscard]] QString dialogDirectory() const;

    Session& m_session;
    Options m_options;
    View m_view = View::People;

    DemoBanner* m_banner = nullptr;
    QSplitter* m_splitter = nullptr;
    QTabWidget* m_views = nullptr;
    PeopleView* m_peopleView = nullptr;
    MapView* m_mapView = nullptr;
    PathFinderView* m_pathFinder = nullptr;
    SuggestionsView* m_suggestions = nullptr;
    FollowUpsView* m_followUps = nullptr;
    DetailsPanel* m_details = nullptr;
    QLabel* m_locationLabel = nullptr;
    QLabel* m_statsLabel = nullptr;
    /// Says why edits are paused while a long write holds the writer (Session::editsPausedReason()).
    QLabel* m_editsPausedLabel = nullptr;
    QProgressBar* m_busy = nullptr;
    /// The window's edit actions: disabled while the session cannot edit.
    EditGate* m_edits = nullptr;

    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_demoAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_peopleViewAction = nullptr;
    QAction* m_mapViewAction = nullptr;
    QAction* m_pathsViewAction = nullptr;
    QAction* m_suggestionsViewAction = nullptr;
    QAction* m_followUpsViewAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_detailsAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_tagAction = nullptr;
    QAction* m_untagAction = nullptr;
    QAction* m_noteAction = nullptr;
    QUndoStack* m_undoStack = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    FollowUpActions* m_personFollowUps = nullptr;
    QAction* m_findPathsAction = nullptr;
    QAction* m_showOnMapAction = nullptr;
    QAction* m_planMenuAction = nullptr;
    QAction* m_snoozeMenuAction = nullptr;
    QAction* m_contactedAction = nullptr;

    QAction* m_importAction = nullptr;
    QAction* m_crawlAction = nullptr;
    QAction* m_backupAction = nullptr;
    QAction* m_restoreAction = nullptr;
    QAction* m_reviewAction = nullptr;
    QList<QAction*> m_exportActions;
    QLabel* m_duplicatesLabel = nullptr;
    NetworkExporter* m_exporter = nullptr;
    QPointer<ImportDialog> m_importDialog;
    QPointer<CrawlDialog> m_crawlDialog;
    QPointer<BackupDialog> m_backupDialog;
    /// The user chose to import into the demo anyway: not asked again until another workspace loads.
    bool m_importIntoDemoAccepted = false;
    /// Files to import once the database the user chose to start instead of the demo has loaded.
    QStringList m_importAfterLoad;
    bool m_importAfterLoadPending = false;
    QMenu* m_exportMenu = nullptr;
};

}  // namespace warmpath::ui
