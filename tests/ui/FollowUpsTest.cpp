#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "Session.h"
#include "UiTestSupport.h"
#include "models/FollowUpsModel.h"
#include "models/IntroRequestsModel.h"
#include "views/FollowUpsView.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

namespace {

/// The follow-up view over the demo network, its queue read once; both of its models under testers.
struct DemoQueue {
    Session session;
    QUndoStack undoStack;
    FollowUpsView view{session, undoStack};
    QAbstractItemModelTester queueTester{view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester introsTester{view.introsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest};
    QSignalSpy refreshed{&view, &FollowUpsView::refreshed};

    /// Opens the demo; false when the queue was not read in time.
    bool open()
    {
        session.openDemo();
        return refreshed.wait(kLoadTimeoutMs);
    }

    /// Reads the queue again after an edit made beside the view.
    bool reread()
    {
        view.refresh();
        return refreshed.wait(kLoadTimeoutMs);
    }

    /// The person on the view's row `row` (as sorted).
    [[nodiscard]] PersonId personOnRow(int row) const
    {
        return PersonId(view.table()->model()->index(row, 0).data(FollowUpsModel::PersonIdRole).toLongLong());
    }

    /// Selects the first row (the most overdue) and returns who that is.
    PersonId selectFirstRow()
    {
        view.table()->selectRow(0);
        return personOnRow(0);
    }

    [[nodiscard]] PersonId selectedPerson() const
    {
        const QModelIndexList rows = view.table()->selectionModel()->selectedRows();
        return rows.isEmpty() ? PersonId() : PersonId(rows.first().data(FollowUpsModel::PersonIdRole).toLongLong());
    }
};

}  // namespace

class FollowUpsTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void theDemoQueueIsSortedIntoOverdueThisWeekAndLater()
    {
        DemoQueue f;
        QVERIFY(f.open());
        QVERIFY(f.view.model()->rowCount() > 0);
        bool overdue = false;
        for (const FollowUpItem& item : f.view.model()->items()) {
            overdue = overdue || FollowUpsModel::urgencyOf(item) == FollowUpsModel::Urgency::Overdue;
        }
        QVERIFY(overdue);
        // Overdue rows come first in the view and are painted in red.
        const QModelIndex top = f.view.table()->model()->index(0, FollowUpsModel::When);
        QCOMPARE(top.data().toString(), QStringLiteral("Overdue"));
        QVERIFY(top.data(Qt::ForegroundRole).isValid());
    }

    void snoozingTakesAPersonOutOfTheOverdueOnes()
    {
        DemoQueue f;
        QVERIFY(f.open());
        const PersonId person = f.selectFirstRow();
        f.view.snoozeSelected(30);
        QVERIFY(f.refreshed.wait(kLoadTimeoutMs));
        for (const FollowUpItem& item : f.view.model()->items()) {
            if (item.person == person) {
                QVERIFY(FollowUpsModel::urgencyOf(item) == FollowUpsModel::Urgency::Later);
            }
        }
    }

    void snoozeAndDoneInTheQueueAreUndoable()
    {
        DemoQueue f;
        QVERIFY(f.open());
        const PersonId person = f.selectFirstRow();
        const auto before = *f.session.workspace()->followUp(person);
        f.view.snoozeSelected(7);
        f.view.markSelectedContacted();
        QCOMPARE(f.undoStack.count(), 2);
        QCOMPARE(f.session.workspace()->followUp(person)->value().lastContacted, formatDate(today()));
        f.undoStack.undo();
        f.undoStack.undo();
        QCOMPARE(*f.session.workspace()->followUp(person), before);
    }

    void anInheritedCadenceSaysWhichTagItComesFrom()
    {
        DemoQueue f;
        QVERIFY(f.open());
        Workspace& workspace = *f.session.workspace();
        const PersonId person = f.session.people().back().person.id;
        QVERIFY(workspace.replaceFollowUp(person, std::nullopt).ok());
        QVERIFY(workspace.setTagCadence("Queue mentors", 9).ok());
        QVERIFY(workspace.addTags(person, {"Queue mentors"}).ok());
        QVERIFY(f.reread());
        bool found = false;
        for (int row = 0; row < f.view.model()->rowCount(); ++row) {
            const QModelIndex index = f.view.model()->index(row, FollowUpsModel::Cadence);
            if (index.data(FollowUpsModel::PersonIdRole).toLongLong() == person.value()) {
                QCOMPARE(index.data().toString(), QStringLiteral("Queue mentors: every 9 days"));
                found = true;
            }
        }
        QVERIFY(found);
    }

    void introRequestsAreListedAndTheirStatusChangesUndoably()
    {
        DemoQueue f;
        QVERIFY(f.open());
        Workspace& workspace = *f.session.workspace();
        const auto degrees = f.session.degrees();
        PersonId target;
        for (auto it = degrees.begin(); it != degrees.end() && !target.valid(); ++it) {
            if (it.value() == 2) {
                target = PersonId(it.key());
            }
        }
        const auto intro = workspace.draftIntro(target, std::nullopt);
        QVERIFY(intro.ok());
        QVERIFY(f.reread());
        QVERIFY(f.view.introsModel()->rowCount() >= 1);
        QAbstractItemModel* intros = f.view.introsTable()->model();
        int row = -1;
        for (int r = 0; r < intros->rowCount(); ++r) {
            if (intros->index(r, 0).data(IntroRequestsModel::IntroIdRole).toLongLong() == intro->id) {
                row = r;
            }
        }
        QVERIFY(row >= 0);
        f.view.introsTable()->selectRow(row);
        f.view.setSelectedIntroStatus(IntroStatus::Asked);
        QVERIFY(workspace.introRequests()->back().status == IntroStatus::Asked);
        f.undoStack.undo();
        QVERIFY(workspace.introRequests()->back().status == IntroStatus::Draft);
    }

    void theQueueExportsAsICalendar()
    {
        DemoQueue f;
        QVERIFY(f.open());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("queue.ics"));
        QSignalSpy exported(&f.view, &FollowUpsView::exported);
        f.view.exportIcs(path);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, kLoadTimeoutMs);
        QCOMPARE(exported.first().first().toString(), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("BEGIN:VCALENDAR"));
    }

    void selectPersonShowsTheirRowWithoutEchoingTheSelection()
    {
        DemoQueue f;
        QVERIFY(f.open());
        const int last = f.view.table()->model()->rowCount() - 1;
        QVERIFY(last > 0);
        const PersonId person = f.personOnRow(last);
        QSignalSpy selected(&f.view, &FollowUpsView::personSelected);
        QVERIFY(f.view.selectPerson(person));
        QCOMPARE(f.selectedPerson(), person);
        QCOMPARE(selected.count(), 0);  // the window asked; it is not told back
    }

    void aPersonSelectedBeforeTheQueueIsReadIsSelectedOnceItIs()
    {
        DemoQueue f;
        QVERIFY(f.open());
        const PersonId person = f.personOnRow(f.view.table()->model()->rowCount() - 1);
        f.view.table()->clearSelection();
        f.view.refresh();
        f.view.selectPerson(person);  // the rows are about to be replaced
        QVERIFY(f.refreshed.wait(kLoadTimeoutMs));
        QCOMPARE(f.selectedPerson(), person);
    }

    void theSelectionSurvivesARefresh()
    {
        DemoQueue f;
        QVERIFY(f.open());
        const PersonId person = f.selectFirstRow();
        QVERIFY(f.reread());
        QCOMPARE(f.selectedPerson(), person);
    }
};

QTEST_MAIN(FollowUpsTest)
#include "FollowUpsTest.moc"
