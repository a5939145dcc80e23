#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QSignalSpy>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

#include "Session.h"
#include "UiTestSupport.h"
#include "models/SuggestionsModel.h"
#include "views/SuggestionsView.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

class SuggestionsTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_session = std::make_unique<Session>();
        QVERIFY(test::openDemo(*m_session));
    }

    void cleanup() { m_session.reset(); }

    void theReasonNamesTheContactsThatLeadThere()
    {
        SuggestionRow row{
            .person = PersonId(1),
            .name = QStringLiteral("Zoe"),
            .organisation = {},
            .score = 1,
            .commonContacts = 7,
            .via = {QStringLiteral("Ana"), QStringLiteral("Bo"), QStringLiteral("Cy"), QStringLiteral("Dee")}};
        QCOMPARE(SuggestionsModel::reason(row),
                 QStringLiteral("followed by 7 of the people you follow: Ana, Bo, Cy, \u2026"));
    }

    void suggestionsAreRankedWithAReasonAndEveryMetricWorks()
    {
        QUndoStack stack;
        SuggestionsView view(*m_session, stack);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&view, &SuggestionsView::refreshed);
        view.show();
        QVERIFY(refreshed.wait(kLoadTimeoutMs));
        QVERIFY(view.model()->rowCount() > 0);
        const SuggestionRow& top = view.model()->rows().front();
        QVERIFY(top.commonContacts > 0);
        QVERIFY(!top.via.isEmpty());
        QVERIFY(view.model()
                    ->index(0, SuggestionsModel::Reason)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("followed by")));
        for (int metric = 1; metric < view.metricBox()->count(); ++metric) {
            view.metricBox()->setCurrentIndex(metric);
            QVERIFY(refreshed.wait(kLoadTimeoutMs));
            QVERIFY(view.model()->rowCount() > 0);
        }
    }

    void settingAFollowUpFromASuggestionIsUndoable()
    {
        QUndoStack stack;
        SuggestionsView view(*m_session, stack);
        QSignalSpy refreshed(&view, &SuggestionsView::refreshed);
        view.show();
        QVERIFY(refreshed.wait(kLoadTimeoutMs));
        view.table()->selectRow(0);
        const PersonId person(view.table()->model()->index(0, 0).data(SuggestionsModel::PersonIdRole).toLongLong());
        const auto before = *m_session->workspace()->followUp(person);
        const QDate due = QDate::currentDate().addDays(14);
        view.followUpSelected(due);
        QCOMPARE(m_session->workspace()->followUp(person)->value().dueDate, due.toString(Qt::ISODate).toStdString());
        stack.undo();
        QVERIFY(*m_session->workspace()->followUp(person) == before);
    }

    void aDismissedSuggestionIsRememberedAndUndoBringsItBack()
    {
        QUndoStack stack;
        SuggestionsView view(*m_session, stack);
        QSignalSpy refreshed(&view, &SuggestionsView::refreshed);
        view.show();
        QVERIFY(refreshed.wait(kLoadTimeoutMs));
        const PersonId first = view.model()->rows().front().person;
        view.table()->selectRow(0);
        view.dismissSelected();
        QCOMPARE(stack.count(), 1);
        view.refresh();
        QVERIFY(refreshed.wait(kLoadTimeoutMs));
        for (const SuggestionRow& row : view.model()->rows()) {
            QVERIFY(row.person != first);
        }
        stack.undo();
        view.refresh();
        QVERIFY(refreshed.wait(kLoadTimeoutMs));
        QCOMPARE(view.model()->rows().front().person, first);
    }

private:
    std::unique_ptr<Session> m_session;
};

QTEST_MAIN(SuggestionsTest)
#include "SuggestionsTest.moc"
