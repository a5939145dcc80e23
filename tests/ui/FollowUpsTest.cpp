#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "Session.h"
#include "UiTestSupport.h"
#include "models/FollowUpsModel.h"
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
        FollowUpsView view(session);
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
        FollowUpsView view(session);
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

    void theQueueExportsAsICalendar()
    {
        Session session;
        FollowUpsView view(session);
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
