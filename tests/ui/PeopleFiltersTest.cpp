#include <algorithm>
#include <vector>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include "Session.h"
#include "UiTestSupport.h"
#include "models/PeopleFilterProxy.h"
#include "models/PeopleModel.h"
#include "views/PeopleView.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

namespace {

const QDate kToday(2026, 11, 26);

PersonSummary person(std::int64_t id, const std::string& name, std::vector<std::string> networks,
                     const std::string& due = {})
{
    PersonSummary row;
    row.person.id = PersonId(id);
    row.person.displayName = name;
    row.networks = std::move(networks);
    row.followUpDue = due;
    return row;
}

QStringList namesIn(const QAbstractItemModel& model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row) {
        names.append(model.index(row, PeopleModel::Name).data().toString());
    }
    names.sort();
    return names;
}

}  // namespace

/// The people list's network and follow-up filters, beside search, tag and degree.
class PeopleFiltersTest final : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_model = std::make_unique<PeopleModel>();
        m_proxy = std::make_unique<PeopleFilterProxy>();
        m_proxy->setSourceModel(m_model.get());
        m_modelTester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setToday(kToday);
        m_model->setPeople({
            person(1, "Ana", {"bsky", "linkedin"}, "2026-11-20"),  // overdue
            person(2, "Bo", {"mastodon"}, "2026-11-26"),           // due today: overdue, as in the queue
            person(3, "Cy", {"linkedin"}, "2026-11-30"),           // this week
            person(4, "Dee", {"x"}, "2027-01-15"),                 // scheduled later
            person(5, "Eve", {}, ""),                              // none
        });
    }

    void cleanup()
    {
        m_proxyTester.reset();
        m_modelTester.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void theNetworkFilterKeepsPeopleWithAProfileThere()
    {
        m_proxy->setNetworkFilter(QStringLiteral("linkedin"));
        QCOMPARE(namesIn(*m_proxy), (QStringList{"Ana", "Cy"}));
        QVERIFY(m_proxy->isFiltering());
        m_proxy->setNetworkFilter(QStringLiteral("mastodon"));
        QCOMPARE(namesIn(*m_proxy), QStringList{"Bo"});
        m_proxy->setNetworkFilter({});
        QCOMPARE(m_proxy->rowCount(), 5);
        QVERIFY(!m_proxy->isFiltering());
    }

    void theFollowUpFilterSortsPeopleAsTheQueueDoes()
    {
        using Filter = PeopleFilterProxy::FollowUpFilter;
        m_proxy->setFollowUpFilter(Filter::Overdue);
        QCOMPARE(namesIn(*m_proxy), (QStringList{"Ana", "Bo"}));
        m_proxy->setFollowUpFilter(Filter::ThisWeek);
        QCOMPARE(namesIn(*m_proxy), QStringList{"Cy"});
        m_proxy->setFollowUpFilter(Filter::Scheduled);
        QCOMPARE(namesIn(*m_proxy), QStringList{"Dee"});
        m_proxy->setFollowUpFilter(Filter::None);
        QCOMPARE(namesIn(*m_proxy), QStringList{"Eve"});
    }

    void networkAndFollowUpFiltersCombine()
    {
        m_proxy->setNetworkFilter(QStringLiteral("linkedin"));
        m_proxy->setFollowUpFilter(PeopleFilterProxy::FollowUpFilter::ThisWeek);
        QCOMPARE(namesIn(*m_proxy), QStringList{"Cy"});
    }

    void thePeopleViewOffersTheDemosNetworksAndFilters()
    {
        QStandardPaths::setTestModeEnabled(true);
        Session session;
        PeopleView view(session, {});
        QSignalSpy loaded(&session, &Session::loaded);
        session.openDemo();
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        QComboBox* networks = view.networkFilter();
        QVERIFY(networks->count() > 2);  // "All networks" and at least two networks
        const int bsky = networks->findData(QStringLiteral("bsky"));
        QVERIFY(bsky > 0);
        networks->setCurrentIndex(bsky);
        const int expected = static_cast<int>(
            std::count_if(session.people().begin(), session.people().end(), [](const PersonSummary& row) {
                return std::find(row.networks.begin(), row.networks.end(), "bsky") != row.networks.end();
            }));
        QCOMPARE(view.table()->model()->rowCount(), expected);

        networks->setCurrentIndex(0);
        QComboBox* followUps = view.followUpFilter();
        followUps->setCurrentIndex(followUps->findData(static_cast<int>(PeopleFilterProxy::FollowUpFilter::Overdue)));
        const QAbstractItemModel* shown = view.table()->model();
        QVERIFY(shown->rowCount() > 0);
        for (int row = 0; row < shown->rowCount(); ++row) {
            const QDate due = shown->index(row, PeopleModel::FollowUpDue).data(PeopleModel::RawValueRole).toDate();
            QVERIFY(due.isValid() && due <= QDate::currentDate());
        }
    }

private:
    std::unique_ptr<PeopleModel> m_model;
    std::unique_ptr<PeopleFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

QTEST_MAIN(PeopleFiltersTest)
#include "PeopleFiltersTest.moc"
