#pragma once

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QWidget>
#include <QtTest>

#include "Session.h"
#include "UiTestSupport.h"

// Shared by the dialog tests (*DialogTest.cpp): a session on a fresh database file, the fixtures under
// tests/data, and the screenshots docs/user-guide.md shows.
namespace warmpath::test {

/// Opens a new, empty database file in `dir` on `session` and waits for it.
inline bool openNewDatabase(ui::Session& session, const QTemporaryDir& dir,
                            const QString& name = QStringLiteral("net.db"))
{
    QSignalSpy loaded(&session, &ui::Session::loaded);
    session.createDatabase(dir.filePath(name));
    return loaded.wait(kLoadTimeoutMs) || loaded.count() > 0;
}

/// Imports a small network of `people` people (a ring, each linked to the next) into the session's
/// database and waits until the session lists them.
inline bool addPeople(ui::Session& session, const QTemporaryDir& dir, int people)
{
    const QString path = dir.filePath(QStringLiteral("people.txt"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    for (int i = 0; i < people; ++i) {
        file.write(QStringLiteral("person%1 person%2\n").arg(i).arg((i + 1) % people).toUtf8());
    }
    file.close();
    if (!session.workspace()->importFiles({path.toStdString()}).ok()) {
        return false;
    }
    QSignalSpy reloaded(&session, &ui::Session::peopleChanged);
    session.reloadPeople();
    return reloaded.wait(kLoadTimeoutMs) && session.people().size() > static_cast<std::size_t>(people);
}

/// Clicks row `row` of `table` as the user does, through the window system: a click on a window that a
/// modal dialog blocks never arrives.
inline void clickRow(QTableView& table, int row)
{
    const QRect cell = table.visualRect(table.model()->index(row, 0));
    QWidget* window = table.window();
    QTest::mouseClick(window->windowHandle(), Qt::LeftButton, {}, table.viewport()->mapTo(window, cell.center()));
}

/// A file under tests/data (found relative to this source file, as QFINDTESTDATA does); empty when missing.
#define WARMPATH_TEST_DATA(relative) QFINDTESTDATA(QStringLiteral("../data/") + QStringLiteral(relative))

/// With WARMPATH_SCREENSHOT_DIR set, renders `widget` (a dialog) into `<dir>/<name>.png` for the user guide:
/// `WARMPATH_SCREENSHOT_DIR=docs/images ctest -R DialogTest`. Without it, nothing is written.
inline void saveScreenshot(QWidget& widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("WARMPATH_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        return;
    }
    QDir().mkpath(dir);
    widget.show();
    QCoreApplication::processEvents();
    QVERIFY(widget.grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

/// How many threads this process runs now (Linux: /proc/self/task).
inline int threadCount()
{
    return static_cast<int>(
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

/// What every dialog test sets up first: nothing read from or written to the user's folders and settings,
/// English number formats. Returns the process's thread count for joinThreadPool() at the end.
inline int prepareDialogTests()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    return threadCount();
}

/// Joins the global thread pool's threads before the test exits, back to `threadsBefore` threads in all. The dialogs
/// ran OpenSSL on them (hashes, random numbers, HTTP), which keeps per-thread state that a thread frees in its
/// thread-exit destructors. QThread::wait() returns before a thread has run those, so this waits until the threads
/// are gone: one still ending when exit() runs OpenSSL's clean-up leaves its state behind, which LeakSanitizer
/// reports as a leak (the busier the machine, the more often).
inline bool joinThreadPool(int threadsBefore)
{
    return QThreadPool::globalInstance()->waitForDone(kLoadTimeoutMs) &&
           QTest::qWaitFor([threadsBefore] { return threadCount() <= threadsBefore; }, kLoadTimeoutMs);
}

}  // namespace warmpath::test
