#include <algorithm>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "Session.h"
#include "UiTestSupport.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

class SessionTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void openDemoLoadsEveryPersonIntoMemory()
    {
        Session session;
        QSignalSpy loaded(&session, &Session::loaded);
        session.openDemo();
        QVERIFY(session.isLoading());
        QVERIFY(!session.hasWorkspace());  // asynchronous: nothing is current until loaded()
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kLoadTimeoutMs);
        QVERIFY(!session.isLoading());
        QVERIFY(session.isDemo());
        QVERIFY(session.databasePath().isEmpty());
        QCOMPARE(session.displayName(), QStringLiteral("Demo network"));
        QCOMPARE(session.people().size(), std::size_t{1500});
        QCOMPARE(session.stats().persons, 1500);
    }

    void degreesFromMeArriveWithThePeople()
    {
        Session session;
        QSignalSpy loaded(&session, &Session::loaded);
        session.openDemo();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kLoadTimeoutMs);
        const PersonId me = *session.workspace()->me();
        QCOMPARE(session.degreeOf(me), 0);
        QVERIFY(session.degrees().size() > 100);
        const auto counts =
            std::count_if(session.degrees().cbegin(), session.degrees().cend(), [](int hops) { return hops == 1; });
        QVERIFY(counts > 0);
    }

    void peopleChangedArrivesBeforeLoaded()
    {
        Session session;
        QStringList order;
        connect(&session, &Session::peopleChanged, this, [&] { order.append(QStringLiteral("peopleChanged")); });
        connect(&session, &Session::loaded, this, [&] { order.append(QStringLiteral("loaded")); });
        session.openDemo();
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, kLoadTimeoutMs);
        QCOMPARE(order, (QStringList{QStringLiteral("peopleChanged"), QStringLiteral("loaded")}));
    }

    void openingAFileThatIsNotADatabaseReportsAnErrorAndLeavesItAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        const QByteArray content = "These are my notes, not a database.\n";
        test::writeTextFile(path, content);

        Session session;
        QSignalSpy failed(&session, &Session::failed);
        QSignalSpy loaded(&session, &Session::loaded);
        session.openDatabase(path, OpenMode::MustExist);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kLoadTimeoutMs);
        QCOMPARE(loaded.count(), 0);
        QVERIFY(!session.hasWorkspace());
        QVERIFY(!session.isLoading());
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("notes.txt")), qPrintable(message));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
    }

    void aFailedOpenKeepsThePreviousWorkspace()
    {
        Session session;
        QSignalSpy loaded(&session, &Session::loaded);
        QSignalSpy failed(&session, &Session::failed);
        session.openDemo();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kLoadTimeoutMs);

        QTemporaryDir dir;
        session.openDatabase(dir.filePath(QStringLiteral("missing.db")), OpenMode::MustExist);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kLoadTimeoutMs);
        QVERIFY(session.hasWorkspace());
        QVERIFY(session.isDemo());
        QCOMPARE(session.people().size(), std::size_t{1500});
    }

    void createDatabaseStartsAFileWithOnlyMe()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.db"));
        Session session;
        QSignalSpy loaded(&session, &Session::loaded);
        session.createDatabase(path);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kLoadTimeoutMs);
        QVERIFY(QFile::exists(path));
        QVERIFY(!session.isDemo());
        QCOMPARE(session.databasePath(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(session.displayName(), QStringLiteral("mine.db"));
        QCOMPARE(session.stats().persons, 1);
        QVERIFY(session.people().front().person.isMe);
    }

    void createDatabaseRefusesAFileThatExists()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("taken.db"));
        test::writeTextFile(path, "precious");
        Session session;
        QSignalSpy failed(&session, &Session::failed);
        session.createDatabase(path);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kLoadTimeoutMs);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("already exists")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("precious"));
    }

    void aLaterLoadWinsOverOneStillRunning()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("later.db"));
        Session session;
        QSignalSpy loaded(&session, &Session::loaded);
        session.openDemo();
        session.createDatabase(path);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kLoadTimeoutMs);
        QVERIFY(!session.isDemo());
        QCOMPARE(session.displayName(), QStringLiteral("later.db"));
        // The abandoned demo load finishes too, but must not replace the newer workspace.
        QThreadPool::globalInstance()->waitForDone();
        QTest::qWait(20);
        QCOMPARE(loaded.count(), 1);
        QVERIFY(!session.isDemo());
    }

    void reloadPeopleReadsTheListAgain()
    {
        QTemporaryDir dir;
        Session session;
        QSignalSpy loaded(&session, &Session::loaded);
        session.createDatabase(dir.filePath(QStringLiteral("reload.db")));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kLoadTimeoutMs);
        QSignalSpy changed(&session, &Session::peopleChanged);
        session.reloadPeople();
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kLoadTimeoutMs);
        QCOMPARE(session.people().size(), std::size_t{1});
    }

    void aHoldOnADatabaseStaysWhenTheSameFileIsOpenedAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.db"));
        const QString other = dir.filePath(QStringLiteral("other.db"));
        Session session;
        QSignalSpy loaded(&session, &Session::loaded);
        session.createDatabase(other);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kLoadTimeoutMs);
        session.createDatabase(path);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, kLoadTimeoutMs);
        QVERIFY(session.canEdit());

        // An import into mine.db holds its writer; opening mine.db again (File > Open Recent) opens the
        // same database, whose writer the import still holds: edits stay paused.
        const WriterHold importing = session.holdWriter(QStringLiteral("Editing is paused until the import finishes."));
        QVERIFY(!session.canEdit());
        session.openDatabase(path);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 3, kLoadTimeoutMs);
        QVERIFY(!session.canEdit());
        QCOMPARE(session.editsPausedReason(), QStringLiteral("Editing is paused until the import finishes."));

        // Another database is not held by it.
        session.openDatabase(other);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 4, kLoadTimeoutMs);
        QVERIFY(session.canEdit());
        session.openDatabase(path);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 5, kLoadTimeoutMs);
        QVERIFY(!session.canEdit());
    }

    void eachDemoIsADatabaseOfItsOwn()
    {
        Session session;
        QVERIFY(test::openDemo(session));
        const WriterHold backingUp =
            session.holdWriter(QStringLiteral("Editing is paused until the backup is written."));
        QVERIFY(!session.canEdit());
        QVERIFY(test::openDemo(session));
        QVERIFY(session.canEdit());
    }
};

QTEST_MAIN(SessionTest)
#include "SessionTest.moc"
