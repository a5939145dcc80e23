// The window on a small screen: every view rendered at 1024×700 (ctest runs this suite once more with
// QT_SCALE_FACTOR=2) with no two controls of a toolbar overlapping and none cut short; the window kept
// inside the screen; the people list's Name column as wide as its names.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include "MainWindow.h"
#include "Session.h"
#include "UiTestSupport.h"
#include "models/PeopleModel.h"
#include "panels/DetailsPanel.h"
#include "views/FollowUpsView.h"
#include "views/MapCanvas.h"
#include "views/MapView.h"
#include "views/PathFinderView.h"
#include "views/PeopleView.h"
#include "views/SuggestionsView.h"
#include "widgets/WindowState.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

namespace {

constexpr QSize kSmallScreen(1024, 700);

/// The controls of `view`'s toolbars: the buttons, fields, choices and captions laid out around its
/// lists and map (not inside them).
QList<QWidget*> toolbarControls(QWidget* view)
{
    QList<QWidget*> controls;
    for (QWidget* widget : view->findChildren<QWidget*>()) {
        if (!widget->isVisible() || widget->window() != view->window()) {
            continue;
        }
        bool insideContent = false;
        for (QWidget* up = widget->parentWidget(); up != nullptr && up != view; up = up->parentWidget()) {
            insideContent = insideContent || qobject_cast<QAbstractItemView*>(up) != nullptr ||
                            qobject_cast<QComboBox*>(up) != nullptr || qobject_cast<QAbstractSpinBox*>(up) != nullptr ||
                            qobject_cast<QLineEdit*>(up) != nullptr || qobject_cast<MapCanvas*>(up) != nullptr;
        }
        const bool control =
            qobject_cast<QAbstractButton*>(widget) != nullptr || qobject_cast<QComboBox*>(widget) != nullptr ||
            qobject_cast<QLineEdit*>(widget) != nullptr || qobject_cast<QAbstractSpinBox*>(widget) != nullptr ||
            qobject_cast<QProgressBar*>(widget) != nullptr || qobject_cast<QLabel*>(widget) != nullptr;
        if (control && !insideContent && qobject_cast<QHeaderView*>(widget->parentWidget()) == nullptr) {
            controls.append(widget);
        }
    }
    return controls;
}

QString describe(const QWidget* widget)
{
    QString text;
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget)) {
        text = button->text();
    } else if (const auto* label = qobject_cast<const QLabel*>(widget)) {
        text = label->text();
    } else if (const auto* combo = qobject_cast<const QComboBox*>(widget)) {
        text = combo->currentText();
    }
    return QStringLiteral("%1 \"%2\" %3x%4")
        .arg(widget->objectName(), text.left(40))
        .arg(widget->width())
        .arg(widget->height());
}

/// True when `widget` shows all of what it holds: as wide as it asks to be (its text would be cut to
/// "…" otherwise), or for wrapping text, tall enough for its lines.
bool shownWhole(const QWidget* widget)
{
    if (const auto* label = qobject_cast<const QLabel*>(widget); label != nullptr && label->wordWrap()) {
        return label->height() >= label->heightForWidth(label->width());
    }
    if (qobject_cast<const QLineEdit*>(widget) != nullptr) {
        return widget->width() >= widget->minimumSizeHint().width();
    }
    return widget->width() >= widget->sizeHint().width() && widget->height() >= widget->minimumSizeHint().height();
}

}  // namespace

class SmallScreenTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void everyViewsToolbarFitsWithoutOverlapOrCuts_data()
    {
        QTest::addColumn<int>("view");
        QTest::newRow("people") << static_cast<int>(MainWindow::View::People);
        QTest::newRow("map") << static_cast<int>(MainWindow::View::Map);
        QTest::newRow("paths") << static_cast<int>(MainWindow::View::Paths);
        QTest::newRow("suggestions") << static_cast<int>(MainWindow::View::Suggestions);
        QTest::newRow("followups") << static_cast<int>(MainWindow::View::FollowUps);
    }

    void everyViewsToolbarFitsWithoutOverlapOrCuts()
    {
        QFETCH(int, view);
        Session session;
        MainWindow window(session, MainWindow::Options{.persistState = false});
        QVERIFY(test::openDemo(session));
        window.showView(static_cast<MainWindow::View>(view));
        window.resize(kSmallScreen);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.selectPerson(session.people().front().person.id);
        if (view == static_cast<int>(MainWindow::View::Paths)) {
            QSignalSpy searched(window.pathFinder(), &PathFinderView::searched);
            window.pathFinder()->findPathsTo(session.people().back().person.id);
            QVERIFY(searched.wait(kLoadTimeoutMs));
        }
        QTRY_VERIFY_WITH_TIMEOUT(window.isSettled(), kLoadTimeoutMs);
        QCoreApplication::processEvents();
        QCOMPARE(window.size(), kSmallScreen);

        QWidget* page = nullptr;
        switch (static_cast<MainWindow::View>(view)) {
        case MainWindow::View::People:
            page = window.peopleView();
            break;
        case MainWindow::View::Map:
            page = window.mapView();
            break;
        case MainWindow::View::Paths:
            page = window.pathFinder();
            break;
        case MainWindow::View::Suggestions:
            page = window.suggestionsView();
            break;
        case MainWindow::View::FollowUps:
            page = window.followUpsView();
            break;
        }
        const QList<QWidget*> controls = toolbarControls(page);
        QVERIFY(controls.size() >= 3);
        for (qsizetype a = 0; a < controls.size(); ++a) {
            QVERIFY2(shownWhole(controls[a]), qPrintable(QStringLiteral("cut short: ") + describe(controls[a])));
            QVERIFY2(page->rect().contains(QRect(controls[a]->mapTo(page, QPoint(0, 0)), controls[a]->size())),
                     qPrintable(QStringLiteral("outside the view: ") + describe(controls[a])));
            const QRect one(controls[a]->mapTo(&window, QPoint(0, 0)), controls[a]->size());
            for (qsizetype b = a + 1; b < controls.size(); ++b) {
                const QRect other(controls[b]->mapTo(&window, QPoint(0, 0)), controls[b]->size());
                QVERIFY2(
                    !one.intersects(other),
                    qPrintable(QStringLiteral("%1 overlaps %2").arg(describe(controls[a]), describe(controls[b]))));
            }
        }
    }

    void theWindowNeverOpensLargerThanTheScreen()
    {
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
        Session session;
        MainWindow window(session, MainWindow::Options{.persistState = false});
        QVERIFY(available.contains(window.geometry()));
        // A geometry saved on a larger screen comes back inside this one.
        QCOMPARE(fitInto(QRect(-50, 30, available.width() + 400, available.height() + 300), available), available);
        QCOMPARE(fitInto(QRect(available.right() - 10, available.bottom() - 10, 200, 100), available),
                 QRect(available.right() - 199, available.bottom() - 99, 200, 100));
        QCOMPARE(fitInto(QRect(available.left() + 5, available.top() + 5, 100, 80), available),
                 QRect(available.left() + 5, available.top() + 5, 100, 80));
    }

    void aRestoredGeometryFromALargerScreenIsClampedToThisOne()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("WarmpathSmallScreenTest"));
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
        {
            Session session;
            MainWindow large(session, MainWindow::Options{.persistState = false});
            large.setGeometry(0, 0, available.width() * 2, available.height() * 2);
            QSettings().setValue(QStringLiteral("mainWindow/geometry"), large.saveGeometry());
        }
        Session session;
        MainWindow window(session, MainWindow::Options{.persistState = true});
        QVERIFY2(available.contains(window.geometry()),
                 qPrintable(QStringLiteral("%1x%2").arg(window.width()).arg(window.height())));
        QSettings().clear();
    }

    void theNameColumnHasTheRoomItsNamesNeed()
    {
        Session session;
        MainWindow window(session, MainWindow::Options{.persistState = false});
        QVERIFY(test::openDemo(session));
        window.resize(kSmallScreen);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCoreApplication::processEvents();
        QTableView* table = window.peopleTable();
        int widest = 0;
        for (const PersonSummary& row : session.people()) {
            widest = std::max(widest,
                              table->fontMetrics().horizontalAdvance(QString::fromStdString(row.person.displayName)));
        }
        // The cell's margins beside the widest name, in a list narrower than all the columns want.
        QVERIFY2(table->horizontalHeader()->sectionSize(PeopleModel::Name) >= widest + 8,
                 qPrintable(QStringLiteral("%1 for names up to %2")
                                .arg(table->horizontalHeader()->sectionSize(PeopleModel::Name))
                                .arg(widest)));
        // And no column's heading is cut: a narrow list scrolls sideways instead.
        QHeaderView* header = table->horizontalHeader();
        for (int column = 0; column < header->count(); ++column) {
            const QString title = table->model()->headerData(column, Qt::Horizontal).toString();
            QVERIFY2(header->sectionSize(column) >= header->fontMetrics().horizontalAdvance(title) + 8,
                     qPrintable(QStringLiteral("%1 is %2 wide").arg(title).arg(header->sectionSize(column))));
        }
    }
};

QTEST_MAIN(SmallScreenTest)
#include "SmallScreenTest.moc"
