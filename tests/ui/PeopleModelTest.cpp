#include <algorithm>
#include <vector>

#include <QAbstractItemModelTester>
#include <QFont>
#include <QtTest>

#include "UiTestSupport.h"
#include "models/PeopleFilterProxy.h"
#include "models/PeopleModel.h"

using namespace warmpath;
using namespace warmpath::ui;

namespace {

PersonSummary person(std::int64_t id, const std::string& name, const std::string& due = {},
                     std::vector<std::string> tags = {})
{
    PersonSummary row;
    row.person.id = PersonId(id);
    row.person.displayName = name;
    row.followUpDue = due;
    row.tags = std::move(tags);
    return row;
}

/// The names in the proxy's rows, top to bottom.
QStringList namesIn(const QAbstractItemModel& model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row) {
        names.append(model.index(row, PeopleModel::Name).data().toString());
    }
    return names;
}

}  // namespace

class PeopleModelTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { m_demo = test::demoPeople(); }

    void modelPassesTheItemModelTesterWithTheDemoNetwork()
    {
        PeopleModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeople(m_demo);
        QCOMPARE(model.rowCount(), static_cast<int>(m_demo.size()));
        model.setPeople({});
        QCOMPARE(model.rowCount(), 0);
    }

    void proxyPassesTheItemModelTesterWhileSortingAndFiltering()
    {
        PeopleModel model;
        PeopleFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeople(m_demo);
        proxy.sort(PeopleModel::FollowUpDue, Qt::AscendingOrder);
        proxy.setSearchText(QStringLiteral("engineer"));
        proxy.setTagFilter(QStringLiteral("Mentors"));
        proxy.setSearchText({});
        proxy.sort(PeopleModel::Name, Qt::DescendingOrder);
        proxy.setTagFilter({});
        QCOMPARE(proxy.rowCount(), model.rowCount());
    }

    void hasOneRowPerPersonWithTheirIdAndName()
    {
        PeopleModel model;
        model.setPeople(m_demo);
        QCOMPARE(model.columnCount(), int(PeopleModel::ColumnCount));
        const PersonSummary& last = m_demo.back();
        const int row = model.rowOf(last.person.id);
        QCOMPARE(row, static_cast<int>(m_demo.size()) - 1);
        QCOMPARE(model.index(row, PeopleModel::Name).data().toString(),
                 QString::fromStdString(last.person.displayName));
        QCOMPARE(model.index(row, PeopleModel::Title).data(PeopleModel::PersonIdRole).toLongLong(),
                 last.person.id.value());
    }

    void followUpIsWordedRelativeToToday()
    {
        PeopleModel model;
        model.setToday(QDate(2026, 11, 26));
        model.setPeople({person(1, "Ana", "2026-11-29"), person(2, "Bo", "2026-11-21"), person(3, "Cy")});
        QCOMPARE(model.index(0, PeopleModel::FollowUpDue).data().toString(), QStringLiteral("in 3 days"));
        QCOMPARE(model.index(1, PeopleModel::FollowUpDue).data().toString(), QStringLiteral("overdue 5 days"));
        QCOMPARE(model.index(2, PeopleModel::FollowUpDue).data().toString(), QString());
        QCOMPARE(model.index(0, PeopleModel::FollowUpDue).data(PeopleModel::RawValueRole).toDate(),
                 QDate(2026, 11, 29));
    }

    void overdueFollowUpsAreRedAndOthersKeepTheDefaultColour()
    {
        PeopleModel model;
        model.setToday(QDate(2026, 11, 26));
        model.setPeople({person(1, "Ana", "2026-11-29"), person(2, "Bo", "2026-11-21")});
        QVERIFY(!model.index(0, PeopleModel::FollowUpDue).data(Qt::ForegroundRole).isValid());
        const auto overdue = model.index(1, PeopleModel::FollowUpDue).data(Qt::ForegroundRole).value<QColor>();
        QVERIFY(overdue.isValid());
        QVERIFY2(overdue.red() > overdue.green() + 60 && overdue.red() > overdue.blue() + 60, "overdue is red");
    }

    void theMePersonIsBold()
    {
        PeopleModel model;
        PersonSummary me = person(1, "Noa");
        me.person.isMe = true;
        model.setPeople({me, person(2, "Bo")});
        QVERIFY(model.index(0, PeopleModel::Organisation).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.index(1, PeopleModel::Name).data(Qt::FontRole).isValid());
    }

    void tagsAreJoinedWithCommasAndNetworksShowBadges()
    {
        PeopleModel model;
        PersonSummary row = person(1, "Ana", {}, {"Climate", "Mentors"});
        row.networks = {"bsky", "linkedin"};
        model.setPeople({row});
        QCOMPARE(model.index(0, PeopleModel::Tags).data().toString(), QStringLiteral("Climate, Mentors"));
        QCOMPARE(model.index(0, PeopleModel::Networks).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Bluesky, LinkedIn"));
        const auto badges = model.index(0, PeopleModel::Networks).data(Qt::DecorationRole).value<QPixmap>();
        QVERIFY(!badges.isNull());
        QVERIFY(badges.deviceIndependentSize().width() > badges.deviceIndependentSize().height());
    }

    void sortingByFollowUpIsChronologicalWithUndatedPeopleLast()
    {
        PeopleModel model;
        model.setToday(QDate(2026, 11, 26));
        // Display text would sort "in 3 days" < "in 9 days" < "overdue ..." < "today": wrong.
        model.setPeople({person(1, "Later", "2026-12-05"), person(2, "None"), person(3, "Overdue", "2026-11-01"),
                         person(4, "Soon", "2026-11-29"), person(5, "Today", "2026-11-26")});
        PeopleFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(PeopleModel::FollowUpDue, Qt::AscendingOrder);
        QCOMPARE(namesIn(proxy),
                 (QStringList{QStringLiteral("Overdue"), QStringLiteral("Today"), QStringLiteral("Soon"),
                              QStringLiteral("Later"), QStringLiteral("None")}));
        proxy.sort(PeopleModel::FollowUpDue, Qt::DescendingOrder);
        QCOMPARE(namesIn(proxy), (QStringList{QStringLiteral("Later"), QStringLiteral("Soon"), QStringLiteral("Today"),
                                              QStringLiteral("Overdue"), QStringLiteral("None")}));
    }

    void sortingTheDemoByFollowUpPutsTheEarliestDateFirst()
    {
        PeopleModel model;
        model.setPeople(m_demo);
        PeopleFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(PeopleModel::FollowUpDue, Qt::AscendingOrder);
        QDate previous;
        int dated = 0;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const QDate due = proxy.index(row, PeopleModel::FollowUpDue).data(PeopleModel::RawValueRole).toDate();
            if (!due.isValid()) {
                break;
            }
            QVERIFY2(!previous.isValid() || previous <= due, qPrintable(due.toString(Qt::ISODate)));
            previous = due;
            ++dated;
        }
        const auto expected = std::count_if(m_demo.begin(), m_demo.end(),
                                            [](const PersonSummary& row) { return !row.followUpDue.empty(); });
        QVERIFY(expected > 0);
        QCOMPARE(dated, static_cast<int>(expected));
    }

    void searchFiltersRowsIgnoringCaseAndAccents()
    {
        PeopleModel model;
        model.setPeople({person(1, "María Almeida"), person(2, "Mario Rossi"), person(3, "Ana Souza")});
        PeopleFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setSearchText(QStringLiteral("MARI"));
        QCOMPARE(namesIn(proxy), (QStringList{QStringLiteral("María Almeida"), QStringLiteral("Mario Rossi")}));
        proxy.setSearchText(QStringLiteral("maría"));
        QCOMPARE(namesIn(proxy), QStringList{QStringLiteral("María Almeida")});
        proxy.setSearchText({});
        QCOMPARE(proxy.rowCount(), 3);
    }

    void searchLooksAtOrganisationTitleAndTagsAndNeedsEveryWord()
    {
        PeopleModel model;
        PersonSummary ana = person(1, "Ana", {}, {"Mentors"});
        ana.person.organisation = "Ledgerline";
        ana.person.title = "Staff Engineer";
        PersonSummary bo = person(2, "Bo");
        bo.person.title = "Engineer";
        model.setPeople({ana, bo});
        PeopleFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setSearchText(QStringLiteral("ledger"));
        QCOMPARE(namesIn(proxy), QStringList{QStringLiteral("Ana")});
        proxy.setSearchText(QStringLiteral("mentor"));
        QCOMPARE(namesIn(proxy), QStringList{QStringLiteral("Ana")});
        proxy.setSearchText(QStringLiteral("engineer"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setSearchText(QStringLiteral("engineer staff"));
        QCOMPARE(namesIn(proxy), QStringList{QStringLiteral("Ana")});
    }

    void searchOverTheDemoFindsExactlyThePeopleWhoMatch()
    {
        PeopleModel model;
        model.setPeople(m_demo);
        PeopleFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setSearchText(QStringLiteral("kulkarni"));
        const auto expected = std::count_if(m_demo.begin(), m_demo.end(), [](const PersonSummary& row) {
            return QString::fromStdString(row.person.displayName).contains(QStringLiteral("Kulkarni"));
        });
        QVERIFY(expected > 0);
        QCOMPARE(proxy.rowCount(), static_cast<int>(expected));
    }

    void tagFilterKeepsOnlyPeopleWithThatTag()
    {
        PeopleModel model;
        model.setPeople({person(1, "Ana", {}, {"Mentors"}), person(2, "Bo", {}, {"Investors"}), person(3, "Cy")});
        PeopleFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setTagFilter(QStringLiteral("mentors"));
        QCOMPARE(namesIn(proxy), QStringList{QStringLiteral("Ana")});
        QVERIFY(proxy.isFiltering());
        proxy.setTagFilter({});
        QCOMPARE(proxy.rowCount(), 3);
        QVERIFY(!proxy.isFiltering());
    }

    void degreeShowsABadgeAndSortsOnTheHopCountWithTheUnconnectedLast()
    {
        PeopleModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeople({person(1, "Ana"), person(2, "Bo"), person(3, "Cy"), person(4, "Dee")},
                        {{1, 3}, {2, 1}, {4, 2}});
        QCOMPARE(model.index(0, PeopleModel::Degree).data().toString(), QStringLiteral("3rd"));
        QCOMPARE(model.index(1, PeopleModel::Degree).data().toString(), QStringLiteral("1st"));
        QCOMPARE(model.index(0, PeopleModel::Degree).data(PeopleModel::RawValueRole).toInt(), 3);
        QVERIFY(!model.index(2, PeopleModel::Degree).data(PeopleModel::RawValueRole).isValid());
        QVERIFY(!model.index(1, PeopleModel::Degree).data(Qt::DecorationRole).value<QPixmap>().isNull());
        PeopleFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(PeopleModel::Degree, Qt::AscendingOrder);
        QCOMPARE(namesIn(proxy), (QStringList{QStringLiteral("Bo"), QStringLiteral("Dee"), QStringLiteral("Ana"),
                                              QStringLiteral("Cy")}));
        proxy.sort(PeopleModel::Degree, Qt::DescendingOrder);
        QCOMPARE(namesIn(proxy).last(), QStringLiteral("Cy"));
    }

    void degreeFilterKeepsOnlyPeopleThatManyHopsAway()
    {
        PeopleModel model;
        model.setPeople({person(1, "Ana"), person(2, "Bo"), person(3, "Cy"), person(4, "Dee")},
                        {{1, 3}, {2, 1}, {4, 5}});
        PeopleFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setDegreeFilter(PeopleFilterProxy::DegreeFilter::First);
        QCOMPARE(namesIn(proxy), QStringList{QStringLiteral("Bo")});
        QVERIFY(proxy.isFiltering());
        proxy.setDegreeFilter(PeopleFilterProxy::DegreeFilter::Further);
        QCOMPARE(namesIn(proxy), QStringList{QStringLiteral("Dee")});
        proxy.setDegreeFilter(PeopleFilterProxy::DegreeFilter::NotConnected);
        QCOMPARE(namesIn(proxy), QStringList{QStringLiteral("Cy")});
        proxy.setDegreeFilter(PeopleFilterProxy::DegreeFilter::Any);
        QCOMPARE(proxy.rowCount(), 4);
    }

private:
    std::vector<PersonSummary> m_demo;
};

QTEST_MAIN(PeopleModelTest)
#include "PeopleModelTest.moc"
