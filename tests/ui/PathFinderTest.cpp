#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

#include "MainWindow.h"
#include "Session.h"
#include "UiTestSupport.h"
#include "models/WarmPathsModel.h"
#include "views/PathFinderView.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

/// Someone two hops from me in the demo: the warmest path to them has someone in between.
PersonId secondDegree(const Session& session)
{
    return test::reachableIn(session, 2);
}

class PathFinderTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_session = std::make_unique<Session>();
        QVERIFY(test::openDemo(*m_session));
    }

    void cleanup()
    {
        m_undoStack.clear();
        m_session.reset();
    }

    void thePathFinderShowsTheWarmestPathsToAKnownPerson()
    {
        PathFinderView view(*m_session, m_undoStack);
        QAbstractItemModelTester paths(view.pathsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester hops(view.hopsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const PersonId target = secondDegree(*m_session);
        QVERIFY(target.valid());
        QSignalSpy searched(&view, &PathFinderView::searched);
        view.findPathsTo(target);
        QVERIFY(searched.wait(kLoadTimeoutMs));
        QVERIFY(view.pathsModel()->rowCount() >= 1);
        const WarmPathsAnswer& answer = view.pathsModel()->answer();
        QCOMPARE(answer.degree, std::optional<int>(2));
        const WarmPathView& first = answer.paths.front();
        QCOMPARE(first.people.front().id, *m_session->workspace()->me());
        QCOMPARE(first.people.back().id, target);
        // The first path is chosen and its hops are explained.
        QCOMPARE(view.hopsModel()->rowCount(), first.hops);
        QVERIFY(!view.hopsModel()->index(0, PathHopsModel::Kind).data().toString().isEmpty());
        QCOMPARE(view.pathsModel()->index(0, WarmPathsModel::Route).data().toString().count(QStringLiteral("\u2192")),
                 first.hops);
    }

    void avoidingTheFirstHopFindsAWayRoundThem()
    {
        PathFinderView view(*m_session, m_undoStack);
        const PersonId target = secondDegree(*m_session);
        QSignalSpy searched(&view, &PathFinderView::searched);
        view.findPathsTo(target);
        QVERIFY(searched.wait(kLoadTimeoutMs));
        const PersonId firstHop = view.pathsModel()->answer().paths.front().people.at(1).id;
        auto* hopTable = view.findChild<QTableView*>(QStringLiteral("hopTable"));
        hopTable->selectRow(0);
        view.findChild<QPushButton*>(QStringLiteral("avoidButton"))->click();
        QVERIFY(searched.wait(kLoadTimeoutMs));
        for (const WarmPathView& path : view.pathsModel()->answer().paths) {
            for (const NamedPerson& person : path.people) {
                QVERIFY(person.id != firstHop);
            }
        }
    }

    void thePathsAndHopsSayYouForMe()
    {
        PathFinderView view(*m_session, m_undoStack);
        QSignalSpy searched(&view, &PathFinderView::searched);
        view.findPathsTo(secondDegree(*m_session));
        QVERIFY(searched.wait(kLoadTimeoutMs));
        const QString route = view.pathsModel()->index(0, WarmPathsModel::Route).data().toString();
        QVERIFY2(route.startsWith(QStringLiteral("You \u2192 ")), qPrintable(route));
        QCOMPARE(view.hopsModel()->index(0, PathHopsModel::From).data().toString(), QStringLiteral("You"));
        const std::string myName = view.pathsModel()->answer().paths.front().people.front().name;
        QVERIFY(!route.contains(QString::fromStdString(myName)));
    }

    void aWarmestPathLongerThanTheShortestWayIsExplained()
    {
        PathFinderView view(*m_session, m_undoStack);
        QSignalSpy searched(&view, &PathFinderView::searched);
        auto* summary = view.findChild<QLabel*>(QStringLiteral("pathSummary"));
        QVERIFY(summary != nullptr);
        const QString explanation = QStringLiteral("longer than the shortest way");
        bool sawLonger = false;
        bool sawShortest = false;
        int searches = 0;
        for (const PersonSummary& row : m_session->people()) {
            if (m_session->degreeOf(row.person.id) < 2 || (sawLonger && sawShortest) || ++searches > 200) {
                continue;
            }
            view.findPathsTo(row.person.id);
            QVERIFY(searched.wait(kLoadTimeoutMs));
            const WarmPathsAnswer& answer = view.pathsModel()->answer();
            QVERIFY(answer.degree.has_value() && !answer.paths.empty());
            const bool longer = answer.paths.front().hops > *answer.degree;
            QCOMPARE(summary->text().contains(explanation), longer);
            (longer ? sawLonger : sawShortest) = true;
        }
        // The demo has both kinds of people; the test means nothing unless it met both.
        QVERIFY(sawLonger);
        QVERIFY(sawShortest);
    }

private:
    std::unique_ptr<Session> m_session;
    QUndoStack m_undoStack;
};

QTEST_MAIN(PathFinderTest)
#include "PathFinderTest.moc"
