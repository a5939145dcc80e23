// The main window from the keyboard: undo and redo (in a field and out of it), the search field's way to
// its results, Tab between the panes, the menus, and the colours chosen in the View menu.

#include <algorithm>
#include <functional>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

#include "Format.h"
#include "MainWindow.h"
#include "Session.h"
#include "UiTestSupport.h"
#include "commands/TagCommand.h"
#include "panels/DetailsPanel.h"
#include "views/FollowUpsView.h"
#include "views/MapCanvas.h"
#include "views/MapView.h"
#include "views/PathFinderView.h"
#include "views/PeopleView.h"
#include "views/SuggestionsView.h"
#include "widgets/ButtonAction.h"
#include "widgets/FieldUndo.h"
#include "widgets/Palettes.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

namespace {

/// A shown, active window over the demo, with nothing read from or written to the user's settings.
struct Fixture {
    Session session;
    MainWindow window{session, MainWindow::Options{.persistState = false}};

    bool open()
    {
        if (!test::openDemo(session)) {
            return false;
        }
        window.resize(1280, 800);
        window.show();
        return QTest::qWaitForWindowActive(&window);
    }

    /// Tags the first person in the list with `tag`: one step on the undo stack.
    PersonId tagFirst(const QString& tag)
    {
        const PersonId person = session.people().front().person.id;
        window.undoStack()->push(new TagCommand(session, {person}, {tag}, TagCommand::Action::Add));
        return person;
    }

    [[nodiscard]] bool hasTag(PersonId person, const std::string& tag) const
    {
        const auto tags = session.workspace()->tagsOf(person);
        return tags && std::find(tags->begin(), tags->end(), tag) != tags->end();
    }
};

bool isInside(const QWidget* area, const QWidget* widget)
{
    return widget != nullptr && (widget == area || area->isAncestorOf(widget));
}

}  // namespace

class KeyboardTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WarmpathKeyboardTest"));
    }

    void init()
    {
        // A key bound twice does nothing and Qt only says so in a warning: any such warning fails.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("[Aa]mbiguous")));
    }

    void redoIsBoundToEachKeyOnce()
    {
        const QKeySequence ctrlShiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
        const QKeySequence ctrlY(Qt::CTRL | Qt::Key_Y);
        // Linux desktops: the platform's Redo is Ctrl+Shift+Z, which must not be bound a second time.
        QCOMPARE(redoKeys({ctrlShiftZ}), QList<QKeySequence>{ctrlShiftZ});
        // Windows: Ctrl+Y, and Ctrl+Shift+Z as well.
        QCOMPARE(redoKeys({ctrlY, ctrlShiftZ}), (QList<QKeySequence>{ctrlY, ctrlShiftZ}));
        QCOMPARE(redoKeys({ctrlY}), (QList<QKeySequence>{ctrlY, ctrlShiftZ}));
        Session session;
        MainWindow window(session, MainWindow::Options{.persistState = false});
        for (const QAction* action : window.findChildren<QAction*>()) {
            const QList<QKeySequence> keys = action->shortcuts();
            for (qsizetype k = 0; k < keys.size(); ++k) {
                QVERIFY2(!keys.mid(k + 1).contains(keys[k]), qPrintable(action->text()));
            }
        }
    }

    void ctrlShiftZRedoesWhatCtrlZUndid()
    {
        Fixture f;
        QVERIFY(f.open());
        const PersonId person = f.tagFirst(QStringLiteral("keyboard-redo"));
        f.window.peopleTable()->setFocus();
        QTest::keyClick(f.window.peopleTable(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!f.hasTag(person, "keyboard-redo"));
        QTest::keyClick(f.window.peopleTable(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(f.hasTag(person, "keyboard-redo"));
        QCOMPARE(f.window.undoStack()->index(), 1);
    }

    void ctrlZInAFieldUndoesItsOwnTypingWhileItHoldsSome()
    {
        Fixture f;
        QVERIFY(f.open());
        const PersonId person = f.tagFirst(QStringLiteral("keyboard-field"));
        QLineEdit* search = f.window.searchField();
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("ana"));
        QTest::keyClick(search, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(search->text(), QString());  // the typing undone, nothing else
        QVERIFY2(f.hasTag(person, "keyboard-field"), "the application's undo was left alone");
        QCOMPARE(f.window.undoStack()->index(), 1);
        QTest::keyClick(search, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(search->text(), QStringLiteral("ana"));
        QCOMPARE(f.window.undoStack()->index(), 1);
    }

    void ctrlZInAFieldWithoutTypingOfItsOwnIsTheApplicationsUndo()
    {
        Fixture f;
        QVERIFY(f.open());
        const PersonId person = f.tagFirst(QStringLiteral("keyboard-empty"));
        QLineEdit* search = f.window.searchField();
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("x"));
        search->clear();  // what the field has to undo is the clearing: nothing the user is writing
        QTest::keyClick(search, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!f.hasTag(person, "keyboard-empty"));
        QCOMPARE(search->text(), QString());
        QTest::keyClick(search, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(f.hasTag(person, "keyboard-empty"));
    }

    void downOrEnterInTheSearchFieldMovesToTheResults()
    {
        Fixture f;
        QVERIFY(f.open());
        QLineEdit* search = f.window.searchField();
        for (const Qt::Key key : {Qt::Key_Down, Qt::Key_Return}) {
            f.window.peopleTable()->clearSelection();
            search->setFocus();
            QTest::keyClicks(search, QStringLiteral("an"));
            QTest::keyClick(search, key);
            QVERIFY(f.window.peopleTable()->hasFocus());
            QVERIFY(f.window.peopleTable()->selectionModel()->hasSelection());
            QCOMPARE(f.window.peopleTable()->currentIndex().row(), 0);
            search->clear();
        }
    }

    void tabMovesFromTheListToTheDetailsAndBackNotCellByCell()
    {
        Fixture f;
        QVERIFY(f.open());
        QTableView* table = f.window.peopleTable();
        f.window.selectPerson(f.session.people().front().person.id);
        table->setFocus();
        const QModelIndex before = table->currentIndex();
        QTest::keyClick(table, Qt::Key_Tab);
        QVERIFY2(isInside(f.window.detailsPanel(), QApplication::focusWidget()),
                 qPrintable(QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString()));
        QCOMPARE(table->currentIndex(), before);
        // Shift+Tab from the details goes back to the list (its controls before, then the list).
        for (int step = 0; step < 40 && QApplication::focusWidget() != table; ++step) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
            QVERIFY(isInside(f.window.detailsPanel(), QApplication::focusWidget()) ||
                    QApplication::focusWidget() == table);
        }
        QCOMPARE(QApplication::focusWidget(), table);
    }

    void tabMovesFromTheMapToTheDetails()
    {
        Fixture f;
        QVERIFY(f.open());
        f.window.showView(MainWindow::View::Map);
        f.window.selectPerson(f.session.people().front().person.id);
        MapCanvas* canvas = f.window.mapView()->canvas();
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_Tab);
        QVERIFY(isInside(f.window.detailsPanel(), QApplication::focusWidget()));
    }

    void aViewOpensWithTheKeyboardOnItsContentNotInAField()
    {
        Fixture f;
        QVERIFY(f.open());
        f.window.showView(MainWindow::View::People);
        f.window.peopleView()->table()->setFocus();
        // The map's first control is the hops spin box: a caret blinking there would take the arrows
        // and +/- that pan and zoom the map.
        f.window.showView(MainWindow::View::Map);
        QCOMPARE(QApplication::focusWidget(), f.window.mapView()->canvas());
        f.window.showView(MainWindow::View::Suggestions);
        QCOMPARE(QApplication::focusWidget(), f.window.suggestionsView()->table());
        f.window.showView(MainWindow::View::FollowUps);
        QCOMPARE(QApplication::focusWidget(), f.window.followUpsView()->table());
        f.window.showView(MainWindow::View::People);
        QCOMPARE(QApplication::focusWidget(), f.window.peopleView()->table());
    }

    void everyButtonOfTheViewsHasAMenuEntry()
    {
        Session session;
        MainWindow window(session, MainWindow::Options{.persistState = false});
        QSet<const QAction*> inMenus;
        std::function<void(const QMenu*)> walk = [&](const QMenu* menu) {
            for (const QAction* action : menu->actions()) {
                inMenus.insert(action);
                if (action->menu() != nullptr) {
                    walk(action->menu());
                }
            }
        };
        for (const QAction* top : window.menuBar()->actions()) {
            walk(top->menu());
        }
        // The details panel's buttons too, except those of a form (a note's Save and Cancel) and a tag's
        // remove button, which belong to what they stand beside.
        const QStringList formButtons{QStringLiteral("noteSave"), QStringLiteral("noteCancel"),
                                      QStringLiteral("removeTag")};
        int panelButtons = 0;
        for (QWidget* view :
             std::initializer_list<QWidget*>{window.peopleView(), window.mapView(), window.pathFinder(),
                                             window.suggestionsView(), window.followUpsView(), window.detailsPanel()}) {
            for (QAbstractButton* button : view->findChildren<QAbstractButton*>()) {
                if (button->isCheckable() || qobject_cast<QLineEdit*>(button->parentWidget()) != nullptr ||
                    button->objectName().startsWith(QStringLiteral("qt_")) || button->text().isEmpty() ||
                    formButtons.contains(button->objectName())) {
                    continue;  // a choice (Rings), or a line edit's own clear button
                }
                panelButtons += view == window.detailsPanel() ? 1 : 0;
                const QAction* entry = menuActionOf(button);
                QVERIFY2(entry != nullptr, qPrintable(button->objectName() + QLatin1Char(' ') + button->text() +
                                                      QStringLiteral(" has no menu entry")));
                QVERIFY2(inMenus.contains(entry), qPrintable(button->objectName() + QStringLiteral(" is in no menu")));
            }
        }
        QVERIFY(panelButtons >= 3);  // Snooze, Mark contacted, clearing the planned date
        // The common ones have a shortcut.
        for (const QString& text :
             {QStringLiteral("Find &warm paths"), QStringLiteral("Show on the &map"), QStringLiteral("Mark &contacted"),
              QStringLiteral("&Draft introduction request\u2026"), QStringLiteral("&Fit the whole map"),
              QStringLiteral("&Centre on me")}) {
            const auto actions = window.findChildren<QAction*>();
            const auto found = std::find_if(actions.begin(), actions.end(),
                                            [&](const QAction* action) { return action->text() == text; });
            QVERIFY2(found != actions.end(), qPrintable(text));
            QVERIFY2(!(*found)->shortcut().isEmpty(), qPrintable(text));
            QVERIFY2(inMenus.contains(*found), qPrintable(text));
        }
    }

    void coloursAreChosenInTheViewMenuAndRemembered()
    {
        QSettings().clear();
        Session session;
        MainWindow window(session, MainWindow::Options{.persistState = true});
        window.show();  // hidden widgets take a new palette only when they show
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction* dark = window.findChild<QAction*>(QStringLiteral("palette-dark"));
        QAction* system = window.findChild<QAction*>(QStringLiteral("palette-system"));
        QVERIFY(dark != nullptr && system != nullptr);
        QVERIFY(window.menuBar()->findChild<QMenu*>(QStringLiteral("coloursMenu")) != nullptr);
        QVERIFY(system->isChecked());
        const bool wasDark = isDark(QApplication::palette());
        dark->trigger();
        QVERIFY(isDark(QApplication::palette()));
        QCOMPARE(currentPaletteMode(), PaletteMode::Dark);
        QCOMPARE(storedPaletteMode(QSettings()), PaletteMode::Dark);
        // Secondary text follows the change: it is computed from the new palette, not left as it was.
        auto* location = window.findChild<QLabel*>(QStringLiteral("locationLabel"));
        QVERIFY(location != nullptr);
        QTRY_COMPARE(location->palette().color(QPalette::WindowText), mutedTextColor(QApplication::palette()));
        system->trigger();
        QCOMPARE(isDark(QApplication::palette()), wasDark);
        QCOMPARE(storedPaletteMode(QSettings()), PaletteMode::System);
        QSettings().clear();
    }
};

QTEST_MAIN(KeyboardTest)
#include "KeyboardTest.moc"
