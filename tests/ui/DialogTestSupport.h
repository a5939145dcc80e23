#pragma once

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
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

}  // namespace warmpath::test
