#include <algorithm>
#include <functional>

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include "DialogTestSupport.h"
#include "MainWindow.h"
#include "Session.h"
#include "dialogs/ImportDialog.h"
#include "panels/DetailsPanel.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

namespace {

/// The one timed check the suite allows (issue 15): while an import runs, the window answers a click
/// within this long.
constexpr qint64 kAnswerWithinMs = 100;
/// How many people are selected, and the list scrolled, while the import runs.
constexpr int kSamples = 20;

/// An edge list of `lines` links between `people` people, written as a user's export would be.
QString writeEdgeList(const QTemporaryDir& dir, const QString& name, int lines, int people)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return {};
    }
    QByteArray chunk;
    for (int i = 0; i < lines; ++i) {
        chunk += name.toLatin1() + QByteArray::number(i % people) + ' ' + name.toLatin1() +
                 QByteArray::number((static_cast<qint64>(i) * 7919 + 13) % people) + '\n';
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    return path;
}

/// How long the window takes to answer: runs `act` (a click's worth of work on the UI thread), then
/// waits for an event posted after it to be handled.
qint64 answerTimeMs(const std::function<void()>& act)
{
    QElapsedTimer clock;
    clock.start();
    act();
    bool answered = false;
    QTimer::singleShot(0, [&answered] { answered = true; });
    while (!answered) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return clock.elapsed();
}

/// The tags stored for `person`, read on a connection of the workspace's own (never waiting for a write).
QStringList tagsOf(Session& session, PersonId person)
{
    QStringList tags;
    if (auto stored = session.workspace()->tagsOf(person)) {
        for (const std::string& tag : *stored) {
            tags.append(QString::fromStdString(tag));
        }
    }
    return tags;
}

/// A window on a new database with a few thousand people in it, shown and listed.
struct Fixture {
    QTemporaryDir dir;
    Session session;
    MainWindow window{session, MainWindow::Options{.persistState = false}};

    bool open()
    {
        window.resize(1280, 800);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window) || !test::openNewDatabase(session, dir)) {
            return false;
        }
        // People to select: a first import, done before the large one starts.
        const QString first = writeEdgeList(dir, QStringLiteral("first"), 6'000, 3'000);
        if (!session.workspace()->importFiles({first.toStdString()}).ok()) {
            return false;
        }
        QSignalSpy reloaded(&session, &Session::peopleChanged);
        session.reloadPeople();
        return reloaded.wait(kLoadTimeoutMs) &&
               QTest::qWaitFor([this] { return window.peopleTable()->model()->rowCount() > 1'000; }, kLoadTimeoutMs);
    }

    /// Starts importing a file large enough to take seconds, in one write transaction; null on failure.
    ImportDialog* startLargeImport()
    {
        const QString large = writeEdgeList(dir, QStringLiteral("large"), 3'000'000, 1'000'000);
        ImportDialog* dialog = large.isEmpty() ? nullptr : window.openImportDialog({large});
        if (dialog == nullptr ||
            !QTest::qWaitFor([dialog] { return dialog->state() == ImportDialog::State::Ready; }, 10 * kLoadTimeoutMs)) {
            return nullptr;
        }
        dialog->startImport();
        return dialog->state() == ImportDialog::State::Importing ? dialog : nullptr;
    }
};

}  // namespace

/// The window keeps answering while a long write runs: what Workspace's read connections, the details
/// panel's page read off the UI thread and the edits paused meanwhile are for.
class ResponsivenessTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { m_threadsBefore = test::prepareDialogTests(); }
    void cleanupTestCase() { QVERIFY(test::joinThreadPool(m_threadsBefore)); }

    void selectingAndScrollingAnswerWithin100MsWhileALargeImportRuns()
    {
        Fixture f;
        QVERIFY(f.open());
        MainWindow& window = f.window;
        QTableView* table = window.peopleTable();
        ImportDialog* dialog = f.startLargeImport();
        QVERIFY(dialog != nullptr);

        QSignalSpy shown(window.detailsPanel(), &DetailsPanel::personShown);
        const int rows = table->model()->rowCount();
        QScrollBar* scroll = table->verticalScrollBar();
        int sampled = 0;
        qint64 slowest = 0;
        for (int i = 0; i < kSamples && dialog->state() == ImportDialog::State::Importing; ++i, ++sampled) {
            const int row = (i * 397 + 11) % rows;
            const qint64 selecting = answerTimeMs([&] { table->selectRow(row); });
            QVERIFY2(selecting <= kAnswerWithinMs,
                     qPrintable(QStringLiteral("selecting row %1 took %2 ms").arg(row).arg(selecting)));
            const qint64 scrolling = answerTimeMs([&] { scroll->setValue((scroll->maximum() * (i + 1)) / kSamples); });
            QVERIFY2(scrolling <= kAnswerWithinMs, qPrintable(QStringLiteral("scrolling took %1 ms").arg(scrolling)));
            slowest = std::max({slowest, selecting, scrolling});
            QTest::qWait(100);
        }
        qInfo("slowest answer while importing: %lld ms", static_cast<long long>(slowest));
        // Measured while the import ran, not after it: the file is large enough to take seconds.
        QVERIFY2(sampled == kSamples && dialog->state() == ImportDialog::State::Importing,
                 qPrintable(QStringLiteral("the import ended after %1 samples; make the file larger").arg(sampled)));
        // The details panel read its pages meanwhile, from the last committed state.
        QVERIFY(shown.count() > 0);

        dialog->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->state(), ImportDialog::State::Cancelled, 10 * kLoadTimeoutMs);
    }

    void anEditDuringALargeImportIsRefusedAtOnceAndEditingWorksAgainAfterIt()
    {
        Fixture f;
        QVERIFY(f.open());
        Session& session = f.session;
        MainWindow& window = f.window;
        DetailsPanel* panel = window.detailsPanel();
        QSignalSpy shown(panel, &DetailsPanel::personShown);
        window.peopleTable()->selectRow(42);
        QVERIFY(shown.wait(kLoadTimeoutMs));
        const PersonId person = panel->person();
        QVERIFY(panel->addTag(QStringLiteral("before")));  // something for Undo to take back
        QCOMPARE(tagsOf(session, person), QStringList{QStringLiteral("before")});
        const std::int64_t linksBefore = session.workspace()->stats()->links;
        QUndoStack* undo = window.undoStack();
        const int steps = undo->count();

        ImportDialog* dialog = f.startLargeImport();
        QVERIFY(dialog != nullptr);
        QVERIFY(!session.canEdit());
        // Every way to edit is closed, and the window says why.
        auto* undoAction = window.findChild<QAction*>(QStringLiteral("undoAction"));
        QVERIFY(undoAction != nullptr && !undoAction->isEnabled());
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("tagAction"))->isEnabled());
        QVERIFY(!panel->findChild<QLineEdit*>(QStringLiteral("tagInput"))->isEnabled());
        QVERIFY(!panel->findChild<QPushButton*>(QStringLiteral("contactedButton"))->isEnabled());
        const auto* paused = window.findChild<QLabel*>(QStringLiteral("editsPausedLabel"));
        QVERIFY(paused->isVisible());
        QVERIFY2(paused->text().contains(QStringLiteral("import")), qPrintable(paused->text()));

        // An edit that still comes (a control reached another way, the Undo key) returns at once and
        // changes nothing: the import has not committed when it returns, so it did not wait for it.
        QVERIFY(!panel->addTag(QStringLiteral("during")));
        QTest::keyClick(window.peopleTable(), Qt::Key_Z, Qt::ControlModifier);
        undoAction->trigger();
        QCOMPARE(session.workspace()->stats()->links, linksBefore);
        QCOMPARE(dialog->state(), ImportDialog::State::Importing);
        QCOMPARE(undo->count(), steps);
        QCOMPARE(tagsOf(session, person), QStringList{QStringLiteral("before")});

        // Once the import has ended (here rolled back), edits are made again, and undone.
        dialog->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->state(), ImportDialog::State::Cancelled, 10 * kLoadTimeoutMs);
        QTRY_VERIFY(session.canEdit());
        QVERIFY(undoAction->isEnabled());
        QVERIFY(panel->findChild<QPushButton*>(QStringLiteral("contactedButton"))->isEnabled());
        QVERIFY(!paused->isVisible());
        QVERIFY(panel->addTag(QStringLiteral("after")));
        QCOMPARE(tagsOf(session, person), (QStringList{QStringLiteral("after"), QStringLiteral("before")}));
        undoAction->trigger();
        undoAction->trigger();
        QCOMPARE(tagsOf(session, person), QStringList());
    }

private:
    int m_threadsBefore = 0;
};

QTEST_MAIN(ResponsivenessTest)
#include "ResponsivenessTest.moc"
