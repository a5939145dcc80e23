#include <filesystem>
#include <memory>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUrl>
#include <QtTest>

#include "DialogTestSupport.h"
#include "MainWindow.h"
#include "Session.h"
#include "dialogs/ImportDialog.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

namespace {

std::filesystem::path fsPath(const QString& path)
{
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

bool waitForState(ImportDialog& dialog, ImportDialog::State state)
{
    if (QTest::qWaitFor([&] { return dialog.state() == state; }, kLoadTimeoutMs)) {
        return true;
    }
    if (dialog.state() != state) {
        qWarning("import dialog in state %d, not %d: %s", static_cast<int>(dialog.state()), static_cast<int>(state),
                 qPrintable(dialog.errorText()));
    }
    return dialog.state() == state;
}

/// A window on a new database file, with nothing read from or written to the user's settings.
struct Fixture {
    QTemporaryDir dir;
    Session session;
    MainWindow window{session, MainWindow::Options{.persistState = false}};

    Fixture() { QVERIFY(test::openNewDatabase(session, dir)); }

    ImportDialog* openDialog(const QStringList& files)
    {
        ImportDialog* dialog = window.openImportDialog(files);
        if (dialog != nullptr) {
            tester = std::make_unique<QAbstractItemModelTester>(dialog->findChild<QTreeWidget*>()->model(),
                                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
        }
        return dialog;
    }

    /// A dialog with the preview of a two-line edge list (alice bob, bob carol) ready; nullptr when the
    /// preview did not get ready.
    ImportDialog* openTwoLineEdgeList()
    {
        const QString path = dir.filePath(QStringLiteral("pairs.txt"));
        test::writeTextFile(path, "alice bob\nbob carol\n");
        ImportDialog* dialog = openDialog({path});
        return dialog != nullptr && waitForState(*dialog, ImportDialog::State::Ready) ? dialog : nullptr;
    }

    /// Declared last, so it goes before the window and the dialog's model: a model being destroyed resets
    /// itself, which a tester must not see half-way.
    std::unique_ptr<QAbstractItemModelTester> tester;
};

/// An edge list big enough that an import is still running when the test cancels it.
QString writeBigEdgeList(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("big.txt"));
    QByteArray lines;
    for (int i = 0; i < 20'000; ++i) {
        lines += "p" + QByteArray::number(i) + " p" + QByteArray::number((i * 7 + 1) % 20'000) + '\n';
    }
    test::writeTextFile(path, lines);
    return path;
}

}  // namespace

class ImportDialogTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_threadsBefore = test::prepareDialogTests();
        QVERIFY2(!WARMPATH_TEST_DATA("import/linkedin/Connections.csv").isEmpty(), "fixtures missing");
    }

    void cleanupTestCase() { QVERIFY(test::joinThreadPool(m_threadsBefore)); }

    void importingAFixtureShowsItsPeopleInTheList()
    {
        Fixture f;
        const QString fixture = WARMPATH_TEST_DATA("import/linkedin/Connections.csv");
        ImportDialog* dialog = f.openDialog({fixture});
        QVERIFY(dialog);
        QVERIFY(waitForState(*dialog, ImportDialog::State::Ready));
        QCOMPARE(f.window.peopleTable()->model()->rowCount(), 1);  // only me: the preview wrote nothing
        test::saveScreenshot(*dialog, QStringLiteral("import-dialog"));

        dialog->startImport();
        QVERIFY(waitForState(*dialog, ImportDialog::State::Imported));
        const std::int64_t added = dialog->importTotals().personsAdded;
        QVERIFY(added >= 3);
        QTRY_COMPARE_WITH_TIMEOUT(f.window.peopleTable()->model()->rowCount(), static_cast<int>(1 + added),
                                  kLoadTimeoutMs);
        QStringList names;
        for (int row = 0; row < f.window.peopleTable()->model()->rowCount(); ++row) {
            names.append(f.window.peopleTable()->model()->index(row, 0).data().toString());
        }
        QVERIFY2(names.contains(QStringLiteral("Ana Souza")), qPrintable(names.join(QLatin1Char(','))));
        QVERIFY2(names.contains(QStringLiteral("Bo Li")), qPrintable(names.join(QLatin1Char(','))));
    }

    void filesDroppedOnTheWindowOpenTheDialogWithThem()
    {
        Fixture f;
        const QString fixture = WARMPATH_TEST_DATA("import/vcard/contacts-4.0.vcf");
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(fixture)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&f.window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&f.window, &drop);
        auto* dialog = f.window.findChild<ImportDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->files(), QStringList{QFileInfo(fixture).absoluteFilePath()});
        QVERIFY(waitForState(*dialog, ImportDialog::State::Ready));
    }

    void thePreviewCountsAreTheCoreDryRunsAndWriteNothing()
    {
        Fixture f;
        const QStringList files{WARMPATH_TEST_DATA("import/linkedin/Connections.csv"),
                                WARMPATH_TEST_DATA("import/vcard/contacts-4.0.vcf")};
        ImportDialog* dialog = f.openDialog(files);
        QVERIFY(waitForState(*dialog, ImportDialog::State::Ready));

        ImportOptions dryRun;
        dryRun.dryRun = true;
        const auto expected = f.session.workspace()->importFiles(
            {fsPath(QFileInfo(files[0]).absoluteFilePath()), fsPath(QFileInfo(files[1]).absoluteFilePath())}, dryRun);
        QVERIFY(expected);
        import::ImportCounts sum;
        QStringList warnings;
        for (const FileImportSummary& file : *expected) {
            sum.personsAdded += file.counts.personsAdded;
            sum.personsMerged += file.counts.personsMerged;
            sum.linksAdded += file.counts.linksAdded;
            sum.tagsAdded += file.counts.tagsAdded;
            sum.skipped += file.counts.skipped;
            for (const std::string& warning : file.warnings) {
                warnings.append(QString::fromStdString(warning));
            }
        }
        QVERIFY(sum.personsAdded > 0);
        QCOMPARE(dialog->previewTotals().personsAdded, sum.personsAdded);
        QCOMPARE(dialog->previewTotals().personsMerged, sum.personsMerged);
        QCOMPARE(dialog->previewTotals().linksAdded, sum.linksAdded);
        QCOMPARE(dialog->previewTotals().tagsAdded, sum.tagsAdded);
        QCOMPARE(dialog->previewTotals().skipped, sum.skipped);
        QCOMPARE(dialog->warnings(), warnings);
        QCOMPARE(f.session.workspace()->stats()->persons, 1);
        QVERIFY(f.session.workspace()->imports()->empty());
    }

    void theDetectedFormatIsShownPerFile()
    {
        Fixture f;
        ImportDialog* dialog = f.openDialog({WARMPATH_TEST_DATA("import/vcard/contacts-3.0.vcf")});
        QVERIFY(waitForState(*dialog, ImportDialog::State::Ready));
        auto* tree = dialog->findChild<QTreeWidget*>();
        auto* combo = qobject_cast<QComboBox*>(tree->itemWidget(tree->topLevelItem(0), 1));
        QVERIFY(combo);
        QCOMPARE(combo->currentIndex(), 0);
        QCOMPARE(combo->currentText(), QStringLiteral("vCard contacts (detected)"));
    }

    void choosingAnotherFormatPreviewsWithIt()
    {
        Fixture f;
        ImportDialog* dialog = f.openTwoLineEdgeList();
        QVERIFY(dialog);
        QCOMPARE(dialog->previewTotals().linksAdded, 2);
        dialog->setFormat(0, import::Format::VCard);
        QCOMPARE(dialog->state(), ImportDialog::State::Previewing);
        QVERIFY(waitForState(*dialog, ImportDialog::State::Failed));
        QVERIFY2(dialog->errorText().contains(QStringLiteral("pairs.txt:1:1: not a vCard")),
                 qPrintable(dialog->errorText()));
        dialog->setFormat(0, std::nullopt);  // back to the detected edge list
        QVERIFY(waitForState(*dialog, ImportDialog::State::Ready));
        QCOMPARE(dialog->previewTotals().linksAdded, 2);
    }

    void theUndirectedOptionPreviewsALinkEachWayPerLine()
    {
        Fixture f;
        ImportDialog* dialog = f.openTwoLineEdgeList();
        QVERIFY(dialog);
        QCOMPARE(dialog->previewTotals().linksAdded, 2);
        dialog->setUndirected(true);
        QVERIFY(QTest::qWaitFor(
            [&] { return dialog->state() == ImportDialog::State::Ready && dialog->previewTotals().linksAdded == 4; },
            kLoadTimeoutMs));
    }

    void aMalformedFileFailsWithItsNameAndLineAndCannotBeImported()
    {
        Fixture f;
        ImportDialog* dialog = f.openDialog({WARMPATH_TEST_DATA("import/edgelist/malformed.txt")});
        QVERIFY(waitForState(*dialog, ImportDialog::State::Failed));
        QVERIFY2(dialog->errorText().contains(QStringLiteral("malformed.txt:3")), qPrintable(dialog->errorText()));
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("importButton"))->isEnabled());
        test::saveScreenshot(*dialog, QStringLiteral("import-dialog-error"));
    }

    void cancellingTheImportLeavesTheDatabaseUnchanged()
    {
        Fixture f;
        ImportDialog* dialog = f.openDialog({writeBigEdgeList(f.dir)});
        QVERIFY(waitForState(*dialog, ImportDialog::State::Ready));
        const Stats before = *f.session.workspace()->stats();

        dialog->startImport();
        QCOMPARE(dialog->state(), ImportDialog::State::Importing);
        dialog->cancel();
        QVERIFY(waitForState(*dialog, ImportDialog::State::Cancelled));
        QCOMPARE(*f.session.workspace()->stats(), before);
        QVERIFY(f.session.workspace()->imports()->empty());
        QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("importButton"))->isEnabled());
    }

    void anUnknownCsvAsksWhatItsColumnsAreWithAPreviewOfItsRows()
    {
        Fixture f;
        ImportDialog* dialog = f.openDialog({WARMPATH_TEST_DATA("import/csv/members.csv")});
        QVERIFY(dialog);
        QVERIFY(waitForState(*dialog, ImportDialog::State::NeedsColumns));
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("importButton"))->isEnabled());
        QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));  // never an edge list's error
        auto* table = dialog->findChild<QTableWidget*>(QStringLiteral("importColumns"));
        QVERIFY(table);
        QVERIFY(table->isVisible());
        QCOMPARE(table->columnCount(), 10);
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("Full name"));
        QCOMPARE(table->rowCount(), 4);  // what each column is, then the file's three rows
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("Ines Ferreira"));
        QCOMPARE(table->item(2, 1)->text(), QString::fromUtf8("Tom\xC3\xA1s Ortega"));
        QCOMPARE(f.session.workspace()->stats()->persons, 1);

        const auto choose = [&](int column, const char* field) {
            auto* combo = table->findChild<QComboBox*>(QStringLiteral("importColumnField%1").arg(column));
            QVERIFY(combo);
            combo->setCurrentIndex(combo->findData(QString::fromLatin1(field)));
            QCOMPARE(combo->currentData().toString(), QString::fromLatin1(field));
        };
        choose(8, "tags");  // tags alone name nobody: still to map
        QVERIFY(waitForState(*dialog, ImportDialog::State::NeedsColumns));
        choose(2, "email");
        QVERIFY(waitForState(*dialog, ImportDialog::State::Ready));
        QCOMPARE(dialog->previewTotals().personsAdded, 2);
        choose(1, "name");
        choose(3, "email");
        choose(6, "handle:mastodon");
        QVERIFY(waitForState(*dialog, ImportDialog::State::Ready));
        QCOMPARE(dialog->previewTotals().personsAdded, 2);
        QCOMPARE(f.session.workspace()->stats()->persons, 1);  // the previews wrote nothing
        test::saveScreenshot(*dialog, QStringLiteral("import-dialog-columns"));

        dialog->startImport();
        QVERIFY(waitForState(*dialog, ImportDialog::State::Imported));
        const auto ines = f.session.workspace()->resolve("mastodon:ines@social.example");
        QVERIFY(ines);
        QCOMPARE(f.session.workspace()->person(*ines)->displayName, std::string("Ines Ferreira"));
        QCOMPARE(*f.session.workspace()->tagsOf(*ines), (std::vector<std::string>{"board", "climate"}));
        QVERIFY(f.session.workspace()->resolve("email:ines@home.example"));
    }

    void aCsvWhoseColumnsAreNamedLikeFieldsStartsOutMapped()
    {
        Fixture f;
        ImportDialog* dialog = f.openDialog({WARMPATH_TEST_DATA("import/csv/fields.csv")});
        QVERIFY(dialog);
        QVERIFY(waitForState(*dialog, ImportDialog::State::Ready));
        QCOMPARE(dialog->previewTotals().personsAdded, 1);
        auto* combo = dialog->findChild<QComboBox*>(QStringLiteral("importColumnField0"));
        QVERIFY(combo);
        QCOMPARE(combo->currentData().toString(), QStringLiteral("name"));
    }

    void aKnownContactExportNeedsNoColumns()
    {
        Fixture f;
        ImportDialog* dialog = f.openDialog({WARMPATH_TEST_DATA("import/thunderbird/addressbook.csv")});
        QVERIFY(dialog);
        QVERIFY(waitForState(*dialog, ImportDialog::State::Ready));
        QVERIFY(!dialog->findChild<QTableWidget*>(QStringLiteral("importColumns"))->isVisible());
        QCOMPARE(dialog->previewTotals().personsAdded, 3);
    }

    void closingWhileImportingCancelsInsteadOfClosing()
    {
        Fixture f;
        ImportDialog* dialog = f.openDialog({writeBigEdgeList(f.dir)});
        QVERIFY(waitForState(*dialog, ImportDialog::State::Ready));
        dialog->startImport();
        QMetaObject::invokeMethod(dialog, "reject");  // what Escape and the Cancel button do
        QVERIFY(dialog->isVisible());
        QVERIFY(waitForState(*dialog, ImportDialog::State::Cancelled));
        QCOMPARE(f.session.workspace()->stats()->persons, 1);
    }

private:
    int m_threadsBefore = 0;
};

QTEST_MAIN(ImportDialogTest)
#include "ImportDialogTest.moc"
