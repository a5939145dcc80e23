#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "MainWindow.h"
#include "Session.h"
#include "UiTestSupport.h"
#include "commands/TagCommand.h"
#include "dialogs/ImportDialog.h"
#include "models/FollowUpsModel.h"
#include "models/PeopleFilterProxy.h"
#include "models/PeopleModel.h"
#include "models/SuggestionsModel.h"
#include "panels/DetailsPanel.h"
#include "views/FollowUpsView.h"
#include "views/MapView.h"
#include "views/PathFinderView.h"
#include "views/SuggestionsView.h"
#include "widgets/DemoBanner.h"
#include "widgets/EmptyState.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

namespace {

/// A window on its own session, with nothing read from or written to the user's settings.
struct Fixture {
    Session session;
    MainWindow window{session, MainWindow::Options{.persistState = false}};

    void openDemo() { QVERIFY(test::openDemo(session)); }
};

}  // namespace

class MainWindowTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void theDemoShowsAllFifteenHundredPeopleOnceLoaded()
    {
        Fixture f;
        f.session.openDemo();
        QTRY_COMPARE_WITH_TIMEOUT(f.window.peopleTable()->model()->rowCount(), 1500, kLoadTimeoutMs);
        QVERIFY(f.window.peopleTable()->isVisibleTo(&f.window));
    }

    void theDemoShowsTheBannerTitleAndCounts()
    {
        Fixture f;
        f.openDemo();
        auto* banner = f.window.findChild<DemoBanner*>();
        QVERIFY(banner);
        QVERIFY(banner->isVisibleTo(&f.window));
        QCOMPARE(f.window.windowTitle(), QStringLiteral("Demo network \u2014 Warmpath"));
        auto* stats = f.window.findChild<QLabel*>(QStringLiteral("statsLabel"));
        QVERIFY(stats);
        QVERIFY2(stats->text().startsWith(QStringLiteral("1,500 people \u00B7 ")), qPrintable(stats->text()));
        QVERIFY2(stats->text().endsWith(QStringLiteral(" \u00B7 9 tags")), qPrintable(stats->text()));
    }

    void selectingAPersonFillsTheDetailsPanelWithTheirName()
    {
        Fixture f;
        f.openDemo();
        QTableView* table = f.window.peopleTable();
        const QModelIndex row = table->model()->index(42, PeopleModel::Name);
        table->selectionModel()->select(row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(f.window.detailsPanel()->heading(), row.data().toString());
        QCOMPARE(f.window.detailsPanel()->person().value(), row.data(PeopleModel::PersonIdRole).toLongLong());
    }

    void selectPersonFindsThemEvenWhenASearchHidesThem()
    {
        Fixture f;
        f.openDemo();
        const PersonId me = *f.session.workspace()->me();
        QTest::keyClicks(f.window.searchField(), QStringLiteral("zzzz nobody"));
        QCOMPARE(f.window.peopleTable()->model()->rowCount(), 0);
        QVERIFY(f.window.selectPerson(me));
        QVERIFY(f.window.searchField()->text().isEmpty());
        QCOMPARE(f.window.detailsPanel()->heading(), QStringLiteral("Noa Kessler"));
    }

    void selectingSeveralPeopleShowsHowMany()
    {
        Fixture f;
        f.openDemo();
        QTableView* table = f.window.peopleTable();
        table->selectionModel()->select(QItemSelection(table->model()->index(0, 0), table->model()->index(2, 0)),
                                        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(f.window.detailsPanel()->heading(), QStringLiteral("3 people selected"));
        QVERIFY(!f.window.detailsPanel()->person().valid());
    }

    void typingInTheSearchFieldFiltersTheTable()
    {
        Fixture f;
        f.openDemo();
        QTest::keyClicks(f.window.searchField(), QStringLiteral("kulkarni"));
        QAbstractItemModel* model = f.window.peopleTable()->model();
        QVERIFY(model->rowCount() > 0);
        QVERIFY(model->rowCount() < 20);
        for (int row = 0; row < model->rowCount(); ++row) {
            QVERIFY(model->index(row, PeopleModel::Name).data().toString().contains(QStringLiteral("Kulkarni")));
        }
        f.window.searchField()->clear();
        QCOMPARE(model->rowCount(), 1500);
    }

    void findShortcutFocusesTheSearchField()
    {
        Fixture f;
        f.openDemo();
        f.window.show();
        QVERIFY(QTest::qWaitForWindowActive(&f.window));
        f.window.peopleTable()->setFocus();
        QTest::keySequence(&f.window, QKeySequence::Find);
        QTRY_VERIFY(f.window.searchField()->hasFocus());
    }

    void tagFilterOffersTheDemoTagsAndFilters()
    {
        Fixture f;
        f.openDemo();
        auto* tags = f.window.findChild<QComboBox*>(QStringLiteral("tagFilter"));
        QVERIFY(tags);
        QCOMPARE(tags->count(), 1 + 9);  // "All tags" and the demo's nine
        const int mentors = tags->findData(QStringLiteral("Mentors"));
        QVERIFY(mentors > 0);
        tags->setCurrentIndex(mentors);
        QAbstractItemModel* model = f.window.peopleTable()->model();
        QVERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row) {
            QVERIFY(
                model->index(row, 0).data(PeopleModel::TagsRole).toStringList().contains(QStringLiteral("Mentors")));
        }
    }

    void aNewDatabaseShowsTheImportEmptyStateAndNoBanner()
    {
        QTemporaryDir dir;
        Fixture f;
        QSignalSpy loaded(&f.session, &Session::loaded);
        f.session.createDatabase(dir.filePath(QStringLiteral("fresh.db")));
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        auto* empty = f.window.findChild<EmptyState*>(QStringLiteral("emptyState"));
        QVERIFY(empty);
        QVERIFY(empty->isVisibleTo(&f.window));
        QCOMPARE(empty->title(), QStringLiteral("No people yet \u2014 import your contacts"));
        QVERIFY(!f.window.findChild<DemoBanner*>()->isVisibleTo(&f.window));
        QCOMPARE(f.window.windowTitle(), QStringLiteral("fresh.db \u2014 Warmpath"));
    }

    void openingANonDatabaseFileShowsAnErrorInsteadOfCrashing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("photo.jpg"));
        test::writeTextFile(path, QByteArray(4096, 'x'));
        Fixture f;
        f.openDemo();
        QSignalSpy failed(&f.session, &Session::failed);
        f.session.openDatabase(path, OpenMode::MustExist);
        QVERIFY(failed.wait(kLoadTimeoutMs));
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = f.window.findChild<QMessageBox*>()) != nullptr);
        QVERIFY(box->informativeText().contains(QStringLiteral("photo.jpg")));
        // The demo is still open and usable.
        QCOMPARE(f.window.windowTitle(), QStringLiteral("Demo network \u2014 Warmpath"));
        QCOMPARE(f.window.peopleTable()->model()->rowCount(), 1500);
    }

    void everyViewIsATabOfItsOwn()
    {
        Fixture f;
        for (auto view : {MainWindow::View::Map, MainWindow::View::Paths, MainWindow::View::Suggestions,
                          MainWindow::View::FollowUps, MainWindow::View::People}) {
            QCOMPARE(f.window.showView(view), view);
            QCOMPARE(f.window.currentView(), view);
        }
    }

    void windowStateIsRememberedTabSplittersAndColumns()
    {
        QTemporaryDir dir;
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
        QList<int> mainSizes;
        QList<int> pathSizes;
        {
            Session session;
            MainWindow window(session, MainWindow::Options{.persistState = true});
            window.resize(1440, 900);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.showView(MainWindow::View::Paths);
            auto* main = window.findChild<QSplitter*>(QStringLiteral("mainSplitter"));
            auto* paths = window.findChild<QSplitter*>(QStringLiteral("pathFinderSplitter"));
            main->setSizes({900, 540});
            paths->setSizes({300, 600});
            mainSizes = main->sizes();
            pathSizes = paths->sizes();
            QVERIFY(mainSizes.first() != 1060);  // not the default, or the test proves nothing
            window.findChild<QTableView*>(QStringLiteral("pathTable"))->horizontalHeader()->resizeSection(1, 97);
            window.close();
        }
        Session session;
        MainWindow window(session, MainWindow::Options{.persistState = true});
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentView(), MainWindow::View::Paths);
        QCOMPARE(window.findChild<QSplitter*>(QStringLiteral("mainSplitter"))->sizes(), mainSizes);
        QCOMPARE(window.findChild<QSplitter*>(QStringLiteral("pathFinderSplitter"))->sizes(), pathSizes);
        QCOMPARE(window.findChild<QTableView*>(QStringLiteral("pathTable"))->horizontalHeader()->sectionSize(1), 97);
    }

    void theMapsColourAndSizeChoicesAreRemembered()
    {
        QTemporaryDir dir;
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
        {
            Session session;
            MainWindow window(session, MainWindow::Options{.persistState = true});
            window.mapView()->setColourBy(MapColourBy::Community);
            window.mapView()->setSizeBy(MapSizeBy::PageRank);
            window.close();
        }
        Session session;
        MainWindow window(session, MainWindow::Options{.persistState = true});
        QCOMPARE(window.mapView()->colourBy(), MapColourBy::Community);
        QCOMPARE(window.mapView()->sizeBy(), MapSizeBy::PageRank);
        // The map beside the path finder keeps its own choice.
        QCOMPARE(window.pathFinder()->mapView()->sizeBy(), MapSizeBy::Links);
    }

    void selectingAPersonShowsTheirRowInTheSuggestionsAndTheFollowUps()
    {
        Fixture f;
        f.window.resize(1440, 900);
        f.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.window));
        f.openDemo();
        f.window.showView(MainWindow::View::Suggestions);
        QTRY_VERIFY_WITH_TIMEOUT(f.window.isSettled() && f.window.suggestionsView()->model()->rowCount() > 5,
                                 kLoadTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(f.window.followUpsView()->model()->rowCount() > 5, kLoadTimeoutMs);
        const auto personOn = [](QTableView* table, int row, int role) {
            return PersonId(table->model()->index(row, 0).data(role).toLongLong());
        };
        const auto selectedIn = [](QTableView* table, int role) {
            const QModelIndexList rows = table->selectionModel()->selectedRows();
            return rows.isEmpty() ? PersonId() : PersonId(rows.first().data(role).toLongLong());
        };
        QTableView* suggestions = f.window.suggestionsView()->table();
        const PersonId suggested = personOn(suggestions, 4, SuggestionsModel::PersonIdRole);
        f.window.selectPerson(suggested);
        QCOMPARE(selectedIn(suggestions, SuggestionsModel::PersonIdRole), suggested);
        QTableView* followUps = f.window.followUpsView()->table();
        const PersonId due = personOn(followUps, 5, FollowUpsModel::PersonIdRole);
        f.window.selectPerson(due);
        QCOMPARE(selectedIn(followUps, FollowUpsModel::PersonIdRole), due);
        QCOMPARE(f.window.detailsPanel()->person(), due);
    }

    void shortcutsAreUniqueAndTheStandardOnesAreThere()
    {
        Fixture f;
        QHash<QKeySequence, QString> owners;
        for (const QAction* action : f.window.findChildren<QAction*>()) {
            for (const QKeySequence& key : action->shortcuts()) {
                QVERIFY2(
                    !owners.contains(key),
                    qPrintable(
                        QStringLiteral("%1 is both %2 and %3").arg(key.toString(), owners.value(key), action->text())));
                owners.insert(key, action->text());
            }
        }
        for (const QKeySequence& key : {QKeySequence(QKeySequence::Find), QKeySequence(QKeySequence::Undo),
                                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                                        QKeySequence(Qt::CTRL | Qt::Key_1), QKeySequence(Qt::CTRL | Qt::Key_5)}) {
            QVERIFY2(owners.contains(key), qPrintable(key.toString()));
        }
        // Ctrl+I is Import's (the import dialog brings its action); nothing else may take it.
        QVERIFY(!owners.contains(QKeySequence(Qt::CTRL | Qt::Key_I)) ||
                owners.value(QKeySequence(Qt::CTRL | Qt::Key_I)).contains(QStringLiteral("Import")));
    }

    void fileExportOffersTheMapAsPngAndSvg()
    {
        Fixture f;
        QStringList texts;
        for (const QAction* action : f.window.findChildren<QAction*>()) {
            texts.append(action->text());
        }
        QVERIFY(texts.contains(QStringLiteral("Map as &PNG\u2026")));
        QVERIFY(texts.contains(QStringLiteral("Map as &SVG\u2026")));
    }

    void theStatusBarsCountsFollowUndoAndRedo()
    {
        Fixture f;
        f.openDemo();
        auto* stats = f.window.findChild<QLabel*>(QStringLiteral("statsLabel"));
        QVERIFY(stats->text().endsWith(QStringLiteral(" \u00B7 9 tags")));
        const PersonId person = f.session.people().front().person.id;
        QSignalSpy changed(&f.session, &Session::peopleChanged);
        f.window.undoStack()->push(
            new TagCommand(f.session, {person}, {QStringLiteral("status-bar-count")}, TagCommand::Action::Add));
        QVERIFY(changed.wait(kLoadTimeoutMs));
        QVERIFY2(stats->text().endsWith(QStringLiteral(" \u00B7 10 tags")), qPrintable(stats->text()));
        f.window.undoStack()->undo();
        QVERIFY(changed.wait(kLoadTimeoutMs));
        QVERIFY2(stats->text().endsWith(QStringLiteral(" \u00B7 9 tags")), qPrintable(stats->text()));
        f.window.undoStack()->redo();
        QVERIFY(changed.wait(kLoadTimeoutMs));
        QVERIFY2(stats->text().endsWith(QStringLiteral(" \u00B7 10 tags")), qPrintable(stats->text()));
    }

    void theWindowTitleNamesTheDatabaseOnce()
    {
        Fixture f;
        f.openDemo();
        QCOMPARE(f.window.windowTitle(), QStringLiteral("Demo network \u2014 Warmpath"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("contacts.db"));
        QSignalSpy loaded(&f.session, &Session::loaded);
        f.session.openDatabase(path, OpenMode::CreateIfMissing);
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        const QString title = f.window.windowTitle();
        QCOMPARE(title, QStringLiteral("contacts.db \u2014 Warmpath"));
        // Ending with the application's name, the desktop adds it no second time.
        QCOMPARE(title.count(QStringLiteral("contacts.db")), 1);
        QCOMPARE(title.count(QStringLiteral("Warmpath")), 1);
    }

    void importingIntoTheDemoAsksFirstAndOffersADatabaseOfOnesOwn()
    {
        Fixture f;
        f.openDemo();
        QVERIFY(f.window.openImportDialog() == nullptr);
        auto* question = f.window.findChild<QMessageBox*>(QStringLiteral("importIntoDemoQuestion"));
        QVERIFY(question != nullptr);
        QVERIFY(question->isVisible());
        QVERIFY(question->text().contains(QStringLiteral("not saved")));
        auto* own = question->findChild<QAbstractButton*>(QStringLiteral("startOwnDatabaseFirst"));
        auto* anyway = question->findChild<QAbstractButton*>(QStringLiteral("importIntoDemoAnyway"));
        QVERIFY(own != nullptr && anyway != nullptr);
        QVERIFY(f.window.findChild<ImportDialog*>() == nullptr);
        anyway->click();
        QTRY_VERIFY(f.window.findChild<ImportDialog*>() != nullptr);
        // Asked once for this demo: the next import goes straight to the dialog.
        QVERIFY(f.window.openImportDialog() != nullptr);
    }

    void importingIntoADatabaseAsksNothing()
    {
        Fixture f;
        QTemporaryDir dir;
        QSignalSpy loaded(&f.session, &Session::loaded);
        f.session.openDatabase(dir.filePath(QStringLiteral("mine.db")), OpenMode::CreateIfMissing);
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        QVERIFY(f.window.openImportDialog() != nullptr);
        QVERIFY(f.window.findChild<QMessageBox*>(QStringLiteral("importIntoDemoQuestion")) == nullptr);
    }

    void theMapIsAViewOfItsOwn()
    {
        Fixture f;
        QCOMPARE(f.window.showView(MainWindow::View::Map), MainWindow::View::Map);
        QCOMPARE(f.window.currentView(), MainWindow::View::Map);
        QVERIFY(f.window.mapView()->isVisibleTo(&f.window));
    }
};

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
