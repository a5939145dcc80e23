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

class FollowUpsTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void theDemoQueueIsSortedIntoOverdueThisWeekAndLater()
    {
        Session session;
        QUndoStack undoStack;
        FollowUpsView view(session, undoStack);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&view, &FollowUpsView::refreshed);
        session.openDemo();
        QVERIFY(refreshed.wait(kLoadTimeoutMs));
        QVERIFY(view.model()->rowCount() > 0);
        bool overdue = false;
        for (const FollowUpItem& item : view.model()->items()) {
            overdue = overdue || FollowUpsModel::urgencyOf(item) == FollowUpsModel::Urgency::Overdue;
        }
        QVERIFY(overdue);
        // Overdue rows come first in the view and are painted in red.
        const QModelIndex top = view.table()->model()->index(0, FollowUpsModel::When);
        QCOMPARE(top.data().toString(), QStringLiteral("Overdue"));
        QVERIFY(top.data(Qt::ForegroundRole).isValid());
    }

    void snoozingTakesAPersonOutOfTheOverdueOnes()
    {
        Session session;
        QUndoStack undoStack;
        FollowUpsView view(session, undoStack);
        QSignalSpy refreshed(&view, &FollowUpsView::refreshed);
        session.openDemo();
        QVERIFY(refreshed.wait(kLoadTimeoutMs));
        view.table()->selectRow(0);
        const PersonId person(view.table()->model()->index(0, 0).data(FollowUpsModel::PersonIdRole).toLongLong());
        view.snoozeSelected(30);
        QVERIFY(refreshed.wait(kLoadTimeoutMs));
        for (const FollowUpItem& item : view.model()->items()) {
            if (item.person == person) {
                QVERIFY(FollowUpsModel::urgencyOf(item) == FollowUpsModel::Urgency::Later);
            }
        }
    }

    void snoozeAndDoneInTheQueueAreUndoable()
    {
        Session session;
        QUndoStack undoStack;
        FollowUpsView view(session, undoStack);
        QSignalSpy refreshed(&view, &FollowUpsView::refreshed);
        session.openDemo();
        QVERIFY(refreshed.wait(kLoadTimeoutMs));
        view.table()->selectRow(0);
        const PersonId person(view.table()->model()->index(0, 0).data(FollowUpsModel::PersonIdRole).toLongLong());
        const auto before = *session.workspace()->followUp(person);
        view.snoozeSelected(7);
        view.markSelectedContacted();
        QCOMPARE(undoStack.count(), 2);
        QCOMPARE(session.workspace()->followUp(person)->value().lastContacted, formatDate(today()));
        undoStack.undo();
        undoStack.undo();
        QCOMPARE(*session.workspace()->followUp(person), before);
    }

    void anInheritedCadenceSaysWhichTagItComesFrom()
    {
        Session session;
        QUndoStack undoStack;
        FollowUpsView view(session, undoStack);
        QSignalSpy refreshed(&view, &FollowUpsView::refreshed);
        session.openDemo();
        QVERIFY(refreshed.wait(kLoadTimeoutMs));
        Workspace& workspace = *session.workspace();
        const PersonId person = session.people().back().person.id;
        QVERIFY(workspace.replaceFollowUp(person, std::nullopt).ok());
        QVERIFY(workspace.setTagCadence("Queue mentors", 9).ok());
        QVERIFY(workspace.addTags(person, {"Queue mentors"}).ok());
        view.refresh();
        QVERIFY(refreshed.wait(kLoadTimeoutMs));
        bool found = false;
        for (int row = 0; row < view.model()->rowCount(); ++row) {
            const QModelIndex index = view.model()->index(row, FollowUpsModel::Cadence);
            if (index.data(FollowUpsModel::PersonIdRole).toLongLong() == person.value()) {
                QCOMPARE(index.data().toString(), QStringLiteral("Queue mentors: every 9 days"));
                found = true;
            }
        }
        QVERIFY(found);
    }

    void introRequestsAreListedAndTheirStatusChangesUndoably()
    {
        Session session;
        QUndoStack undoStack;
        FollowUpsView view(session, undoStack);
        QAbstractItemModelTester tester(view.introsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&view, &FollowUpsView::refreshed);
        session.openDemo();
        QVERIFY(refreshed.wait(kLoadTimeoutMs));
        Workspace& workspace = *session.workspace();
        const auto degrees = session.degrees();
        PersonId target;
        for (auto it = degrees.begin(); it != degrees.end() && !target.valid(); ++it) {
            if (it.value() == 2) {
                target = PersonId(it.key());
            }
        }
        const auto intro = workspace.draftIntro(target, std::nullopt);
        QVERIFY(intro.ok());
        view.refresh();
        QVERIFY(refreshed.wait(kLoadTimeoutMs));
        QVERIFY(view.introsModel()->rowCount() >= 1);
        int row = -1;
        for (int r = 0; r < view.introsTable()->model()->rowCount(); ++r) {
            if (view.introsTable()->model()->index(r, 0).data(IntroRequestsModel::IntroIdRole).toLongLong() ==
                intro->id) {
                row = r;
            }
        }
        QVERIFY(row >= 0);
        view.introsTable()->selectRow(row);
        view.setSelectedIntroStatus(IntroStatus::Asked);
        QVERIFY(workspace.introRequests()->back().status == IntroStatus::Asked);
        undoStack.undo();
        QVERIFY(workspace.introRequests()->back().status == IntroStatus::Draft);
    }

    void theQueueExportsAsICalendar()
    {
        Session session;
        QUndoStack undoStack;
        FollowUpsView view(session, undoStack);
        QSignalSpy refreshed(&view, &FollowUpsView::refreshed);
        session.openDemo();
        QVERIFY(refreshed.wait(kLoadTimeoutMs));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("queue.ics"));
        QCOMPARE(view.exportIcs(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("BEGIN:VCALENDAR"));
    }
};

QTEST_MAIN(FollowUpsTest)
#include "FollowUpsTest.moc"
