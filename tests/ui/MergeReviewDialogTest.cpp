#include <algorithm>
#include <filesystem>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "DialogTestSupport.h"
#include "MainWindow.h"
#include "Session.h"
#include "dialogs/MergeReviewDialog.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

namespace {

/// A database where two imports found the same Rita Moreno at two e-mail addresses: one probable duplicate.
struct Fixture {
    QTemporaryDir dir;
    Session session;
    MainWindow window{session, MainWindow::Options{.persistState = false}};

    Fixture()
    {
        QVERIFY(test::openNewDatabase(session, dir));
        test::writeTextFile(dir.filePath(QStringLiteral("a.csv")),
                            "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                            "Rita,Moreno,rita@one.example,Acme,PM,1 Jan 2020\n");
        test::writeTextFile(dir.filePath(QStringLiteral("b.csv")),
                            "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                            "Rita,Moreno,rita@two.example,ACME,PM,1 Jan 2021\n");
        for (const char* name : {"a.csv", "b.csv"}) {
            const auto path =
                std::filesystem::path(QFile::encodeName(dir.filePath(QString::fromLatin1(name))).toStdString());
            QVERIFY(session.workspace()->importFiles({path}));
        }
        QSignalSpy changed(&session, &Session::peopleChanged);
        session.reloadPeople();
        QVERIFY(changed.wait(kLoadTimeoutMs));
    }

    [[nodiscard]] int ritas() const
    {
        const auto people = *session.workspace()->peopleSummaries();
        return static_cast<int>(std::count_if(people.begin(), people.end(), [](const PersonSummary& row) {
            return row.person.displayName == "Rita Moreno";
        }));
    }

    /// The dialog with its list's model under a tester, which goes first (a model being destroyed
    /// resets itself, which a tester must not see half-way).
    struct Reviewed {
        std::unique_ptr<MergeReviewDialog> dialog;
        std::unique_ptr<QAbstractItemModelTester> tester;
        MergeReviewDialog* operator->() const { return dialog.get(); }
        MergeReviewDialog& operator*() const { return *dialog; }
    };

    [[nodiscard]] Reviewed dialog()
    {
        Reviewed made;
        made.dialog = std::make_unique<MergeReviewDialog>(session, *window.undoStack(), &window);
        made.tester = std::make_unique<QAbstractItemModelTester>(
            made.dialog->findChild<QListWidget*>()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        return made;
    }
};

}  // namespace

class MergeReviewDialogTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { m_threadsBefore = test::prepareDialogTests(); }

    void cleanupTestCase() { QVERIFY(test::joinThreadPool(m_threadsBefore)); }

    void thePairIsShownSideBySideWithWhyItWasFlagged()
    {
        Fixture f;
        auto dialog = f.dialog();
        QCOMPARE(dialog->candidateCount(), 1);
        const auto reason = dialog->findChild<QLabel*>(QStringLiteral("duplicateReason"));
        QCOMPARE(reason->text(), QStringLiteral("Flagged because: same name and organisation"));
        QStringList shown;
        for (const QLabel* label : dialog->findChildren<QLabel*>()) {
            shown.append(label->text());
        }
        QVERIFY(shown.contains(QStringLiteral("email:rita@one.example")));
        QVERIFY(shown.contains(QStringLiteral("email:rita@two.example")));
        test::saveScreenshot(*dialog, QStringLiteral("merge-review-dialog"));
    }

    void theMenuAndTheStatusBarCountTheDuplicates()
    {
        Fixture f;
        auto* action = f.window.findChild<QAction*>(QStringLiteral("reviewDuplicatesAction"));
        QVERIFY(action->isEnabled());
        QCOMPARE(action->text(), QStringLiteral("Review possible &duplicates (1)\u2026"));
        QVERIFY(f.window.findChild<QLabel*>(QStringLiteral("duplicatesLabel"))
                    ->text()
                    .contains(QStringLiteral("1 possible duplicate")));
    }

    void mergeThenUndoRestoresBothPeople()
    {
        Fixture f;
        auto dialog = f.dialog();
        QCOMPARE(f.ritas(), 2);
        dialog->mergeCurrent();
        QVERIFY2(dialog->lastError().isEmpty(), qPrintable(dialog->lastError()));
        QCOMPARE(f.ritas(), 1);
        QCOMPARE(dialog->candidateCount(), 0);
        QCOMPARE(f.window.undoStack()->count(), 1);

        f.window.undoStack()->undo();
        QCOMPARE(f.ritas(), 2);
        QCOMPARE(dialog->candidateCount(), 1);  // the pair is back in the queue
        const auto pair = dialog->currentCandidate();
        QVERIFY(pair);
        QCOMPARE(f.session.workspace()->identities(pair->first)->size(), std::size_t{1});
        QCOMPARE(f.session.workspace()->identities(pair->second)->size(), std::size_t{1});

        f.window.undoStack()->redo();
        QCOMPARE(f.ritas(), 1);
        QCOMPARE(dialog->candidateCount(), 0);
    }

    void mergeThenUndoGivesEachPersonTheirOwnTagsNotesAndFollowUpBack()
    {
        Fixture f;
        auto dialog = f.dialog();
        const MergeCandidate pair = *dialog->currentCandidate();
        Workspace& ws = *f.session.workspace();
        QVERIFY(ws.addTags(pair.first, {"acme"}));
        QVERIFY(ws.addTags(pair.second, {"acme", "mentors"}));
        QVERIFY(ws.addNote(pair.second, "Prefers e-mail at the second address"));
        QVERIFY(ws.setFollowUp(pair.second, addDays(today(), 7), 30));
        const auto firstBefore = *ws.details(pair.first, today());
        const auto secondBefore = *ws.details(pair.second, today());

        dialog->mergeCurrent();
        QVERIFY2(dialog->lastError().isEmpty(), qPrintable(dialog->lastError()));
        QCOMPARE(ws.tagsOf(pair.first)->size(), std::size_t{2});
        f.window.undoStack()->undo();

        const auto firstAfter = *ws.details(pair.first, today());
        const auto secondAfter = *ws.details(pair.second, today());
        QCOMPARE(firstAfter.tags, firstBefore.tags);
        QCOMPARE(secondAfter.tags, secondBefore.tags);
        QCOMPARE(firstAfter.notes.size(), firstBefore.notes.size());
        QCOMPARE(secondAfter.notes.size(), std::size_t{1});
        QCOMPARE(secondAfter.notes.front().text, std::string("Prefers e-mail at the second address"));
        QVERIFY(!firstAfter.followUp);
        QVERIFY(secondAfter.followUp);
        QCOMPARE(secondAfter.followUp->cadenceDays, std::optional<int>(30));
        QCOMPARE(secondAfter.person.displayName, secondBefore.person.displayName);
        QCOMPARE(firstAfter.person.organisation, firstBefore.person.organisation);
    }

    void notTheSameTakesThePairOffTheListAndUndoPutsItBack()
    {
        Fixture f;
        auto dialog = f.dialog();
        dialog->rejectCurrent();
        QCOMPARE(dialog->candidateCount(), 0);
        QCOMPARE(f.ritas(), 2);
        f.window.undoStack()->undo();
        QCOMPARE(dialog->candidateCount(), 1);
        QCOMPARE(dialog->currentCandidate()->reason, std::string("same name and organisation"));
    }

    void swapSidesKeepsTheOtherRecord()
    {
        Fixture f;
        auto dialog = f.dialog();
        const MergeCandidate before = *dialog->currentCandidate();
        dialog->swapSides();
        QCOMPARE(dialog->currentCandidate()->first, before.second);
        dialog->mergeCurrent();
        QVERIFY(f.session.workspace()->person(before.second));
        QVERIFY(!f.session.workspace()->person(before.first));
    }

private:
    int m_threadsBefore = 0;
};

QTEST_MAIN(MergeReviewDialogTest)
#include "MergeReviewDialogTest.moc"
