#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "UiTestSupport.h"

// Runs the real `warmpath` binary, as a user or a script would.
class GuiAppTest final : public QObject {
    Q_OBJECT

private:
    struct Run {
        int exitCode = -1;
        QString standardOutput;
        QString standardError;
    };

    /// Runs warmpath offscreen with a private home, so that neither the user's settings nor their default
    /// database play any part.
    Run runWarmpath(const QStringList& arguments, bool withDisplay = true)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (withDisplay) {
            environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        } else {
            for (const char* variable : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) {
                environment.remove(QString::fromLatin1(variable));
            }
        }
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("WARMPATH_DB"), m_home.filePath(QStringLiteral("none.db")));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(WARMPATH_GUI_PATH), arguments);
        if (!process.waitForFinished(warmpath::test::kLoadTimeoutMs * 2)) {
            process.kill();
            process.waitForFinished();
            return {};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    QTemporaryDir m_home;

private slots:
    void screenshotOfTheDemoIsA1440By900Png()
    {
        const QString shot = m_home.filePath(QStringLiteral("shot.png"));
        const Run run = runWarmpath({QStringLiteral("--demo"), QStringLiteral("--select"),
                                     QStringLiteral("Maximilian Becker"), QStringLiteral("--screenshot"), shot});
        QVERIFY2(run.exitCode == 0, qPrintable(run.standardError));
        QImage image;
        QVERIFY(image.load(shot, "PNG"));
        QCOMPARE(image.size(), QSize(1440, 900));
    }

    void aScreenshotTakesTheSizeAskedFor()
    {
        const QString shot = m_home.filePath(QStringLiteral("small.png"));
        const Run run = runWarmpath({QStringLiteral("--demo"), QStringLiteral("--size"), QStringLiteral("1024x700"),
                                     QStringLiteral("--screenshot"), shot});
        QVERIFY2(run.exitCode == 0, qPrintable(run.standardError));
        QImage image;
        QVERIFY(image.load(shot, "PNG"));
        QCOMPARE(image.size(), QSize(1024, 700));
        const Run wrong = runWarmpath({QStringLiteral("--demo"), QStringLiteral("--size"), QStringLiteral("big"),
                                       QStringLiteral("--screenshot"), shot});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.standardError.contains(QStringLiteral("--size big")), qPrintable(wrong.standardError));
    }

    void everyViewNameIsAcceptedForAScreenshot()
    {
        for (const char* view : {"map", "people", "paths", "suggestions", "followups"}) {
            const QString shot = m_home.filePath(QStringLiteral("view-%1.png").arg(QLatin1String(view)));
            const Run run = runWarmpath({QStringLiteral("--demo"), QStringLiteral("--view"), QLatin1String(view),
                                         QStringLiteral("--screenshot"), shot});
            QVERIFY2(run.exitCode == 0, qPrintable(run.standardError));
            QVERIFY(QFile::exists(shot));
        }
    }

    void screenshotOfAFileThatIsNotADatabaseFailsWithAMessage()
    {
        const QString notes = m_home.filePath(QStringLiteral("notes.txt"));
        warmpath::test::writeTextFile(notes, "not a database\n");
        const QString shot = m_home.filePath(QStringLiteral("broken.png"));
        const Run run = runWarmpath({QStringLiteral("--db"), notes, QStringLiteral("--screenshot"), shot});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.standardError.contains(QStringLiteral("notes.txt")), qPrintable(run.standardError));
        QVERIFY(!QFile::exists(shot));
    }

    void aDbInAFolderThatDoesNotExistFailsAndCreatesNothing()
    {
        const QString missing = m_home.filePath(QStringLiteral("no/such/x.db"));
        const QString shot = m_home.filePath(QStringLiteral("missing.png"));
        const Run run = runWarmpath({QStringLiteral("--db"), missing, QStringLiteral("--screenshot"), shot});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.standardError.contains(
                     QStringLiteral("no such folder %1").arg(m_home.filePath(QStringLiteral("no/such")))),
                 qPrintable(run.standardError));
        QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral("no"))));
    }

    void aNewDbInAFolderThatExistsIsCreatedAndSaidSo()
    {
        const QString fresh = m_home.filePath(QStringLiteral("fresh.db"));
        const QString shot = m_home.filePath(QStringLiteral("fresh.png"));
        const Run run = runWarmpath({QStringLiteral("--db"), fresh, QStringLiteral("--screenshot"), shot});
        QVERIFY2(run.exitCode == 0, qPrintable(run.standardError));
        QVERIFY(QFileInfo::exists(fresh));
        QVERIFY2(run.standardError.contains(QStringLiteral("created a new database at %1").arg(fresh)),
                 qPrintable(run.standardError));
    }

    void screenshotThatCannotBeWrittenFails()
    {
        const QString shot = m_home.filePath(QStringLiteral("no/such/folder/shot.png"));
        const Run run = runWarmpath({QStringLiteral("--demo"), QStringLiteral("--screenshot"), shot});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.standardError.contains(QStringLiteral("could not write")), qPrintable(run.standardError));
    }

    void anUnknownViewIsAUsageError()
    {
        const Run run = runWarmpath({QStringLiteral("--demo"), QStringLiteral("--view"), QStringLiteral("graph")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.standardError.contains(QStringLiteral("graph")));
    }

    void versionAndHelpWorkWithoutADisplay()
    {
        const Run version = runWarmpath({QStringLiteral("--version")}, false);
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.standardOutput.contains(QStringLiteral(WARMPATH_VERSION)), qPrintable(version.standardOutput));
        const Run help = runWarmpath({QStringLiteral("--help")}, false);
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.standardOutput.contains(QStringLiteral("--screenshot")));
    }

    void aDarkPaletteScreenshotIsDarkAndALightOneLight()
    {
        const auto meanLightness = [](const QImage& image) {
            qint64 sum = 0;
            qint64 count = 0;
            for (int y = 0; y < image.height(); y += 7) {
                for (int x = 0; x < image.width(); x += 7) {
                    sum += image.pixelColor(x, y).lightness();
                    ++count;
                }
            }
            return static_cast<int>(sum / count);
        };
        for (const char* mode : {"dark", "light"}) {
            const QString shot = m_home.filePath(QStringLiteral("palette-%1.png").arg(QLatin1String(mode)));
            const Run run =
                runWarmpath({QStringLiteral("--demo"), QStringLiteral("--palette"), QLatin1String(mode),
                             QStringLiteral("--view"), QStringLiteral("map"), QStringLiteral("--screenshot"), shot});
            QVERIFY2(run.exitCode == 0, qPrintable(run.standardError));
            QImage image;
            QVERIFY(image.load(shot, "PNG"));
            const int lightness = meanLightness(image);
            QVERIFY2(QLatin1String(mode) == QLatin1String("dark") ? lightness < 100 : lightness > 180,
                     qPrintable(QStringLiteral("%1: mean lightness %2").arg(QLatin1String(mode)).arg(lightness)));
        }
    }

    void anUnknownPaletteIsAUsageError()
    {
        const Run run = runWarmpath({QStringLiteral("--demo"), QStringLiteral("--palette"), QStringLiteral("purple")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.standardError.contains(QStringLiteral("purple")));
    }

    void dbAndDemoTogetherAreAUsageError()
    {
        const Run run = runWarmpath({QStringLiteral("--demo"), QStringLiteral("--db"), QStringLiteral("x.db")});
        QCOMPARE(run.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(GuiAppTest)
#include "GuiAppTest.moc"
