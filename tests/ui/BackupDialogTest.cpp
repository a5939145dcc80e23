#include <QAction>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "DialogTestSupport.h"
#include "MainWindow.h"
#include "Session.h"
#include "dialogs/BackupDialogs.h"
#include "dialogs/NetworkExporter.h"
#include "panels/DetailsPanel.h"
#include "views/PeopleView.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

namespace {

constexpr BackupOptions kFastKdf{.scryptLogN = 10, .scryptR = 8, .scryptP = 1};
const QString kPassphrase = QStringLiteral("correct horse battery staple");

/// A database with a few people and a tag, backed up through the dialog.
struct Fixture {
    QTemporaryDir dir;
    Session session;
    QString backupFile;
    Stats backedUp;

    Fixture()
    {
        QVERIFY(test::openNewDatabase(session, dir));
        const auto ana = session.workspace()->me();
        QVERIFY(ana);
        QVERIFY(session.workspace()->addTags(*ana, {"Mentors"}));
        backedUp = *session.workspace()->stats();
        backupFile = dir.filePath(QStringLiteral("net.wpbackup"));

        BackupDialog dialog(session);
        dialog.setBackupOptions(kFastKdf);
        dialog.setFile(backupFile);
        dialog.setPassphrase(kPassphrase, kPassphrase);
        QSignalSpy finished(&dialog, &BackupDialog::finished);
        QVERIFY(dialog.start());
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(dialog.state(), BackupDialog::State::Done);
        QVERIFY(QFileInfo::exists(backupFile));
    }

    /// Runs a restore through the dialog; true when it reported success.
    bool restore(RestoreDialog& dialog)
    {
        QSignalSpy finished(&dialog, &RestoreDialog::finished);
        if (!dialog.start()) {
            return false;
        }
        if (!finished.wait(kLoadTimeoutMs) && finished.isEmpty()) {
            return false;
        }
        return finished.first().first().toBool();
    }
};

}  // namespace

class BackupDialogTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { m_threadsBefore = test::prepareDialogTests(); }

    void cleanupTestCase() { QVERIFY(test::joinThreadPool(m_threadsBefore)); }

    void theBackUpButtonWaitsForTwoMatchingPassphrases()
    {
        QTemporaryDir dir;
        Session session;
        QVERIFY(test::openNewDatabase(session, dir));
        BackupDialog dialog(session);
        dialog.setFile(dir.filePath(QStringLiteral("x.wpbackup")));
        dialog.setPassphrase(kPassphrase, QStringLiteral("something else"));
        QVERIFY(!dialog.start());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("x.wpbackup"))));
        dialog.setPassphrase(QStringLiteral("abc"), QStringLiteral("abc"));
        QVERIFY(
            dialog.findChild<QLabel*>(QStringLiteral("passphraseStrength"))->text().startsWith(QStringLiteral("Weak")));
        test::saveScreenshot(dialog, QStringLiteral("backup-dialog"));
    }

    void theWindowStaysUsableWhileABackupIsWritten()
    {
        QTemporaryDir dir;
        Session session;
        QVERIFY(test::openNewDatabase(session, dir));
        QVERIFY(test::addPeople(session, dir, 30));
        MainWindow window(session, MainWindow::Options{.persistState = false});
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction* backUp = window.findChild<QAction*>(QStringLiteral("backupAction"));
        backUp->trigger();
        auto* dialog = window.findChild<BackupDialog*>();
        QVERIFY(dialog != nullptr && dialog->isVisible());
        backUp->trigger();
        QCOMPARE(window.findChildren<BackupDialog*>().size(), 1);  // asked again: the same one comes forward

        dialog->setFile(dir.filePath(QStringLiteral("net.wpbackup")));
        dialog->setPassphrase(kPassphrase, kPassphrase);
        QSignalSpy finished(dialog, &BackupDialog::finished);
        QVERIFY(dialog->start());  // the key's derivation at full cost: a moment of work
        QCOMPARE(dialog->state(), BackupDialog::State::Working);
        // A backup reads on a connection of its own: edits go on beside it.
        QVERIFY(session.canEdit());
        QSignalSpy shown(window.detailsPanel(), &DetailsPanel::personShown);
        test::clickRow(*window.peopleTable(), 7);
        QCOMPARE(window.peopleView()->selectedPeople().size(), 1);
        // The page may have come while the click's events were delivered.
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kLoadTimeoutMs);
        QCOMPARE(window.detailsPanel()->person(), window.peopleView()->selectedPeople().first());
        QVERIFY(finished.count() > 0 || finished.wait(kLoadTimeoutMs));
        QCOMPARE(dialog->state(), BackupDialog::State::Done);
    }

    void aBackupOfTheDemoInMemoryPausesEditsUntilItIsWritten()
    {
        QTemporaryDir dir;
        Session session;
        QVERIFY(test::openDemo(session));
        BackupDialog dialog(session);
        dialog.setFile(dir.filePath(QStringLiteral("demo.wpbackup")));
        dialog.setPassphrase(kPassphrase, kPassphrase);
        QSignalSpy finished(&dialog, &BackupDialog::finished);
        QVERIFY(dialog.start());
        // In memory the backup reads on the writer's one connection, holding it throughout.
        QVERIFY(!session.canEdit());
        QVERIFY(session.editsPausedReason().contains(QStringLiteral("backup")));
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QTRY_VERIFY(session.canEdit());
    }

    void passphraseStrengthGrowsWithLength()
    {
        QCOMPARE(passphraseStrength(QString()), PassphraseStrength::Empty);
        QCOMPARE(passphraseStrength(QStringLiteral("hunter2")), PassphraseStrength::Weak);
        QCOMPARE(passphraseStrength(QStringLiteral("hunter2hunter")), PassphraseStrength::Fair);
        QCOMPARE(passphraseStrength(kPassphrase), PassphraseStrength::Strong);
    }

    void backupThenRestoreOverTheOpenDatabaseBringsBackItsContent()
    {
        Fixture f;
        // A change after the backup, which the restore must undo.
        QVERIFY(f.session.workspace()->addTags(*f.session.workspace()->me(), {"Later"}));
        QVERIFY(f.session.workspace()->stats()->tags != f.backedUp.tags);
        const QString path = f.session.databasePath();

        RestoreDialog dialog(f.session);
        int asked = 0;
        dialog.setConfirmation([&asked](const QString&) {
            ++asked;
            return true;
        });
        dialog.setBackupFile(f.backupFile);
        dialog.setPassphrase(kPassphrase);
        QVERIFY2(f.restore(dialog), qPrintable(dialog.message()));
        QCOMPARE(asked, 1);
        QCOMPARE(dialog.state(), RestoreDialog::State::Done);
        QVERIFY(f.session.hasWorkspace());
        QCOMPARE(f.session.databasePath(), path);  // reopened where it was
        QCOMPARE(*f.session.workspace()->stats(), f.backedUp);
        QCOMPARE(*f.session.workspace()->tagsOf(*f.session.workspace()->me()), std::vector<std::string>{"Mentors"});
    }

    void restoringOverTheOpenDatabaseLeavesOnlyTheRestoredDatabaseBehind()
    {
        Fixture f;
        const QString path = f.session.databasePath();
        const QString cache = path + QStringLiteral(".graph");
        QVERIFY(f.session.workspace()->snapshot().ok());  // a graph cache of the database now open
        QVERIFY(QFileInfo::exists(cache));
        const QStringList before = QDir(f.dir.path()).entryList(QDir::Files);

        RestoreDialog dialog(f.session);
        dialog.setConfirmation([](const QString&) { return true; });
        dialog.setBackupFile(f.backupFile);
        dialog.setPassphrase(kPassphrase);
        QVERIFY2(f.restore(dialog), qPrintable(dialog.message()));
        // What the CLI's restore does too (Workspace::restore): the cache of the database replaced went with
        // it, and the backup was decrypted beside the database, not left anywhere.
        // The restored database has the same graph version as the one replaced (a tag is not in the graph),
        // so a cache left behind would have been taken for its own.
        QCOMPARE(f.session.workspace()->lastSnapshotSource(), std::string("database"));
        QStringList after = QDir(f.dir.path()).entryList(QDir::Files);
        after.removeAll(QFileInfo(cache).fileName());  // the reopened database may have written its own
        QStringList expected = before;
        expected.removeAll(QFileInfo(cache).fileName());
        QCOMPARE(after, expected);
    }

    void declinedConfirmationChangesNothing()
    {
        Fixture f;
        RestoreDialog dialog(f.session);
        dialog.setConfirmation([](const QString&) { return false; });
        dialog.setBackupFile(f.backupFile);
        dialog.setPassphrase(kPassphrase);
        QVERIFY(!dialog.start());
        QCOMPARE(dialog.state(), RestoreDialog::State::Editing);
        QVERIFY(f.session.hasWorkspace());
    }

    void theOpenDatabaseIsNotReplacedWhileALongWriteHoldsIt()
    {
        Fixture f;
        QVERIFY(f.session.workspace()->addTags(*f.session.workspace()->me(), {"Later"}));
        const Stats current = *f.session.workspace()->stats();
        RestoreDialog dialog(f.session);
        int asked = 0;
        dialog.setConfirmation([&asked](const QString&) {
            ++asked;
            return true;
        });
        dialog.setBackupFile(f.backupFile);
        dialog.setPassphrase(kPassphrase);
        {
            // What an import or a fetch in progress holds: replacing the file would lose what it writes.
            const WriterHold importing =
                f.session.holdWriter(QStringLiteral("Editing is paused until the import finishes."));
            QVERIFY(!dialog.start());
            QCOMPARE(asked, 0);
            QCOMPARE(dialog.state(), RestoreDialog::State::Failed);
            QVERIFY2(dialog.message().contains(QStringLiteral("import")), qPrintable(dialog.message()));
            QCOMPARE(*f.session.workspace()->stats(), current);
        }
        QVERIFY2(f.restore(dialog), qPrintable(dialog.message()));  // once it has ended
        QCOMPARE(*f.session.workspace()->stats(), f.backedUp);
    }

    void aWrongPassphraseSaysSoAndKeepsTheOpenDatabase()
    {
        Fixture f;
        QVERIFY(f.session.workspace()->addTags(*f.session.workspace()->me(), {"Later"}));
        const Stats current = *f.session.workspace()->stats();
        RestoreDialog dialog(f.session);
        dialog.setConfirmation([](const QString&) { return true; });
        dialog.setBackupFile(f.backupFile);
        dialog.setPassphrase(QStringLiteral("not the passphrase"));
        QVERIFY(!f.restore(dialog));
        QCOMPARE(dialog.state(), RestoreDialog::State::Failed);
        QVERIFY2(dialog.message().contains(QStringLiteral("wrong passphrase or damaged backup")),
                 qPrintable(dialog.message()));
        QVERIFY(f.session.hasWorkspace());  // never closed
        QCOMPARE(*f.session.workspace()->stats(), current);
        test::saveScreenshot(dialog, QStringLiteral("restore-dialog-wrong-passphrase"));
    }

    void restoringIntoANewFileOpensIt()
    {
        Fixture f;
        const QString target = f.dir.filePath(QStringLiteral("restored.db"));
        RestoreDialog dialog(f.session);
        dialog.setBackupFile(f.backupFile);
        dialog.setPassphrase(kPassphrase);
        dialog.setTarget(target);
        QVERIFY2(f.restore(dialog), qPrintable(dialog.message()));
        QCOMPARE(f.session.databasePath(), QFileInfo(target).absoluteFilePath());
        QCOMPARE(*f.session.workspace()->stats(), f.backedUp);
    }

    void exportWritesTheFileOffTheUiThreadAndSaysWhere()
    {
        QTemporaryDir dir;
        Session session;
        QVERIFY(test::openNewDatabase(session, dir));
        NetworkExporter exporter(session);
        QSignalSpy finished(&exporter, &NetworkExporter::finished);
        const QString file = dir.filePath(QStringLiteral("network.graphml"));
        QVERIFY(exporter.start(exporting::ExportFormat::GraphMl, file));
        QVERIFY(exporter.isBusy());
        QVERIFY(!exporter.start(exporting::ExportFormat::Csv, dir.filePath(QStringLiteral("x.csv"))));  // one at a time
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QVERIFY2(finished.first().at(1).toString().contains(QStringLiteral("network.graphml")),
                 qPrintable(finished.first().at(1).toString()));
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readAll().contains("<graphml"));
    }

    void anExportThatCannotBeWrittenSaysWhy()
    {
        QTemporaryDir dir;
        Session session;
        QVERIFY(test::openNewDatabase(session, dir));
        NetworkExporter exporter(session);
        QSignalSpy finished(&exporter, &NetworkExporter::finished);
        QVERIFY(
            exporter.start(exporting::ExportFormat::Csv, dir.filePath(QStringLiteral("missing/folder/people.csv"))));
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(finished.first().at(1).toString().startsWith(QStringLiteral("People as CSV could not be written: ")));
    }

private:
    int m_threadsBefore = 0;
};

QTEST_MAIN(BackupDialogTest)
#include "BackupDialogTest.moc"
