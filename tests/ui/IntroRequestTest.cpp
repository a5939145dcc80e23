// Introduction requests in the GUI: drafted from the path finder without recording anything, recorded
// once when saved or copied, deleted from the follow-ups, and every one of those undoable.

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

#include "Session.h"
#include "UiTestSupport.h"
#include "models/IntroRequestsModel.h"
#include "models/WarmPathsModel.h"
#include "views/FollowUpsView.h"
#include "views/IntroDraftDialog.h"
#include "views/PathFinderView.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

using test::reachableIn;

class IntroRequestTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_session = std::make_unique<Session>();
        QVERIFY(test::openDemo(*m_session));
        m_view = std::make_unique<PathFinderView>(*m_session, m_undoStack);
        m_before = m_session->workspace()->introRequests()->size();  // the demo comes with a few
    }

    void cleanup()
    {
        m_view.reset();
        m_undoStack.clear();
        m_session.reset();
    }

    void openingTheDraftRecordsNothing()
    {
        IntroDraftDialog* dialog = openDraft(2);
        QVERIFY(dialog != nullptr);
        QVERIFY(!dialog->messageEdit()->toPlainText().isEmpty());
        QCOMPARE(introCount(), m_before);
        QCOMPARE(m_undoStack.count(), 0);
        dialog->close();
        QCOMPARE(introCount(), m_before);
    }

    void savingRecordsTheRequestOnceHoweverOftenItIsClicked()
    {
        IntroDraftDialog* dialog = openDraft(2);
        QVERIFY(dialog != nullptr);
        dialog->saveButton()->click();
        QCOMPARE(introCount(), m_before + 1);
        QVERIFY(!dialog->saveButton()->isEnabled());
        dialog->copyButton()->click();
        dialog->copyButton()->click();
        QCOMPARE(introCount(), m_before + 1);
        QCOMPARE(m_undoStack.count(), 1);
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog->messageEdit()->toPlainText());
    }

    void copyingRecordsTheRequestWithTheMessageAsEdited()
    {
        IntroDraftDialog* dialog = openDraft(2);
        QVERIFY(dialog != nullptr);
        dialog->messageEdit()->setPlainText(QStringLiteral("Hi, could you introduce us? Thanks!"));
        dialog->copyButton()->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Hi, could you introduce us? Thanks!"));
        QCOMPARE(introCount(), m_before + 1);
        QCOMPARE(latest().message, std::string("Hi, could you introduce us? Thanks!"));
        QVERIFY(latest().status == IntroStatus::Draft);
        dialog->saveButton()->click();
        QCOMPARE(introCount(), m_before + 1);
    }

    void aMessageEditedAfterSavingIsStoredInTheSameRequestAndUndoable()
    {
        IntroDraftDialog* dialog = openDraft(2);
        QVERIFY(dialog != nullptr);
        dialog->saveButton()->click();
        const IntroRequest saved = latest();
        QVERIFY(!dialog->saveButton()->isEnabled());
        dialog->messageEdit()->setPlainText(QStringLiteral("Edited after saving"));
        QVERIFY2(dialog->saveButton()->isEnabled(), "an edit can be saved");
        dialog->copyButton()->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Edited after saving"));
        QCOMPARE(introCount(), m_before + 1);
        QCOMPARE(latest().id, saved.id);
        QCOMPARE(latest().message, std::string("Edited after saving"));
        QVERIFY(!dialog->saveButton()->isEnabled());
        QCOMPARE(m_undoStack.count(), 2);
        m_undoStack.undo();
        QCOMPARE(latest().message, saved.message);
        m_undoStack.redo();
        QCOMPARE(latest().message, std::string("Edited after saving"));
    }

    void undoTakesTheSavedRequestBackAndRedoRestoresItUnderItsNumber()
    {
        IntroDraftDialog* dialog = openDraft(2);
        QVERIFY(dialog != nullptr);
        dialog->saveButton()->click();
        const IntroRequest saved = latest();
        dialog->close();
        m_undoStack.undo();
        QCOMPARE(introCount(), m_before);
        m_undoStack.redo();
        QCOMPARE(introCount(), m_before + 1);
        QVERIFY(latest() == saved);
    }

    void onAThreeHopPathTheFirstHopIsAskedForTheNextPerson()
    {
        IntroDraftDialog* dialog = openDraft(3);
        QVERIFY(dialog != nullptr);
        const WarmPathView& path = m_view->hopsModel()->path();
        QCOMPARE(path.hops, 3);
        const QString message = dialog->messageEdit()->toPlainText();
        const QString second = QString::fromStdString(path.people[2].name);
        const QString target = QString::fromStdString(path.people[3].name);
        QVERIFY2(message.contains(QStringLiteral("introducing me to %1?").arg(second)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("reach %1").arg(target)), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("introducing us")), qPrintable(message));
        dialog->saveButton()->click();
        const IntroRequest saved = latest();
        QVERIFY(saved.introducer == std::optional<PersonId>(path.people[1].id));
        QCOMPARE(saved.target, path.people[3].id);
    }

    void aRequestIsDeletedFromTheFollowUpsAndUndoBringsItBack()
    {
        const PersonId target = reachableIn(*m_session, 2);
        QVERIFY(target.valid());
        const auto recorded = m_session->workspace()->draftIntro(target, std::nullopt);
        QVERIFY(recorded.ok());
        FollowUpsView followUps(*m_session, m_undoStack);
        QSignalSpy refreshed(&followUps, &FollowUpsView::refreshed);
        QVERIFY(refreshed.wait(kLoadTimeoutMs));
        QCOMPARE(followUps.introsModel()->rowCount(), static_cast<int>(m_before + 1));
        QAbstractItemModel* rows = followUps.introsTable()->model();
        for (int row = 0; row < rows->rowCount(); ++row) {
            if (rows->index(row, 0).data(IntroRequestsModel::IntroIdRole).toLongLong() == recorded->id) {
                followUps.introsTable()->selectRow(row);
            }
        }
        auto* remove = followUps.findChild<QPushButton*>(QStringLiteral("deleteIntroButton"));
        QVERIFY(remove != nullptr && remove->isEnabled());
        remove->click();
        QCOMPARE(introCount(), m_before);
        QVERIFY(refreshed.wait(kLoadTimeoutMs));
        QCOMPARE(followUps.introsModel()->rowCount(), static_cast<int>(m_before));
        m_undoStack.undo();
        QCOMPARE(introCount(), m_before + 1);
        QVERIFY(latest() == *recorded);
        m_undoStack.redo();
        QCOMPARE(introCount(), m_before);
    }

private:
    /// Finds paths to someone `hops` away, chooses the first (of that many hops) and opens its draft.
    IntroDraftDialog* openDraft(int hops)
    {
        const PersonId target = reachableIn(*m_session, hops);
        if (!target.valid()) {
            return nullptr;
        }
        QSignalSpy searched(m_view.get(), &PathFinderView::searched);
        m_view->findPathsTo(target);
        if (!searched.wait(kLoadTimeoutMs) || m_view->hopsModel()->path().hops != hops) {
            return nullptr;
        }
        auto* button = m_view->findChild<QPushButton*>(QStringLiteral("draftIntroButton"));
        if (button == nullptr || !button->isEnabled()) {
            return nullptr;
        }
        button->click();
        return m_view->findChild<IntroDraftDialog*>(QStringLiteral("introDraftDialog"));
    }

    std::size_t introCount() const { return m_session->workspace()->introRequests()->size(); }
    /// The request recorded last (the highest number).
    IntroRequest latest() const { return m_session->workspace()->introRequests()->back(); }

    std::unique_ptr<Session> m_session;
    QUndoStack m_undoStack;
    std::unique_ptr<PathFinderView> m_view;
    std::size_t m_before = 0;
};

QTEST_MAIN(IntroRequestTest)
#include "IntroRequestTest.moc"
