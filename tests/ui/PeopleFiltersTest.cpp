#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "../core/graph/FollowSets.h"
#include "Session.h"
#include "UiTestSupport.h"
#include "models/PeopleFilterProxy.h"
#include "models/PeopleModel.h"
#include "store/Database.h"
#include "store/Links.h"
#include "store/Meta.h"
#include "store/People.h"
#include "store/Schema.h"
#include "store/Tags.h"
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

/// One link of the follow network below, by name.
struct NamedLink {
    const char* from;
    const char* to;
    LinkKind kind;
};

/// Me and six people: Ana follows me (I do not follow back); I follow Bo and Fay, who do not follow
/// back; Cy and I are connected (one row, mutual all the same); Dee and I follow each other; Eve
/// only knows me. Among the people I follow, Bo and Cy follow Ana, Bo, Dee and Fay follow Eve, and
/// Bo follows Fay.
const std::vector<NamedLink> kFollowNetwork{
    {"Ana", "me", LinkKind::Follows},    {"me", "Bo", LinkKind::Follows},  {"me", "Fay", LinkKind::Follows},
    {"Cy", "me", LinkKind::Connection},  {"me", "Dee", LinkKind::Follows}, {"Dee", "me", LinkKind::Follows},
    {"Eve", "me", LinkKind::Knows},      {"me", "Eve", LinkKind::Knows},   {"Bo", "Ana", LinkKind::Follows},
    {"Ana", "Cy", LinkKind::Connection}, {"Bo", "Eve", LinkKind::Follows}, {"Dee", "Eve", LinkKind::Follows},
    {"Fay", "Eve", LinkKind::Follows},   {"Bo", "Fay", LinkKind::Follows},
};

/// kFollowNetwork in a database file of its own, with Eve and Fay tagged "friend".
struct FollowNetworkFile {
    QTemporaryDir dir;
    QString path;
    std::map<std::string, int> ids{{"me", 0}};

    explicit FollowNetworkFile(bool withMe = true)
    {
        path = dir.filePath(QStringLiteral("follows.db"));
        auto db = Database::open(path.toStdString(), OpenMode::CreateIfMissing);
        if (!db || !migrate(*db)) {
            qFatal("cannot create the test database");
        }
        PeopleRepository people(*db);
        LinkRepository links(*db);
        TagRepository tags(*db);
        ids["me"] = static_cast<int>(people.me().value());
        for (const char* name : {"Ana", "Bo", "Cy", "Dee", "Eve", "Fay"}) {
            const PersonId id = people.insert({.displayName = name});
            ids[name] = static_cast<int>(id.value());
            if (name[0] == 'E' || name[0] == 'F') {
                tags.assign(id, tags.ensure("friend"));
            }
        }
        for (const NamedLink& link : kFollowNetwork) {
            links.upsert(PersonId(ids[link.from]), PersonId(ids[link.to]), link.kind);
        }
        bumpGraphGeneration(*db);
        if (!withMe) {
            db->execute("UPDATE person SET is_me = 0");
        }
    }

    /// The follow filters' answers worked out with sets from kFollowNetwork, by name.
    [[nodiscard]] test::FollowSets sets() const
    {
        struct Link {
            int from;
            int to;
            LinkKind kind;
        };
        std::vector<Link> numbered;
        for (const NamedLink& link : kFollowNetwork) {
            numbered.push_back({ids.at(link.from), ids.at(link.to), link.kind});
        }
        return test::FollowSets(ids.at("me"), numbered);
    }

    [[nodiscard]] QStringList names(const std::set<int>& people) const
    {
        QStringList names;
        for (const auto& [name, id] : ids) {
            if (people.contains(id)) {
                names.append(QString::fromStdString(name));
            }
        }
        names.sort();
        return names;
    }
};

/// A PeopleView on a session with `file` open, and model testers on what it shows.
struct FollowFilterView {
    Session session;
    PeopleView view{session, {}};
    std::unique_ptr<QAbstractItemModelTester> proxyTester;

    bool open(const QString& path)
    {
        QSignalSpy loaded(&session, &Session::loaded);
        session.openDatabase(path, OpenMode::MustExist);
        if (!loaded.wait(kLoadTimeoutMs)) {
            return false;
        }
        proxyTester = std::make_unique<QAbstractItemModelTester>(
            view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        return true;
    }
    QAction* action(const char* name) { return view.findChild<QAction*>(QLatin1String(name)); }
    QCheckBox* followedBy() { return view.findChild<QCheckBox*>(QStringLiteral("followedByMyFollows")); }
    QSpinBox* followedByCount() { return view.findChild<QSpinBox*>(QStringLiteral("followedByCount")); }
};

}  // namespace

/// The people list's network, follow-up and follow filters, beside search, tag and degree.
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
        QVERIFY(test::openDemo(session));
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

    void onlyPeopleKeepsTheIdsGivenAndCombinesWithTheOtherFilters()
    {
        m_proxy->setOnlyPeople(QSet<qint64>{1, 3, 4});
        QCOMPARE(namesIn(*m_proxy), (QStringList{"Ana", "Cy", "Dee"}));
        QVERIFY(m_proxy->isFiltering());
        m_proxy->setNetworkFilter(QStringLiteral("linkedin"));
        QCOMPARE(namesIn(*m_proxy), (QStringList{"Ana", "Cy"}));
        m_proxy->setNetworkFilter({});
        m_proxy->setOnlyPeople(QSet<qint64>{});
        QCOMPARE(m_proxy->rowCount(), 0);
        m_proxy->setOnlyPeople(std::nullopt);
        QCOMPARE(m_proxy->rowCount(), 5);
        QVERIFY(!m_proxy->isFiltering());
    }

    void theFollowFiltersShowWhatTheSetsOfTheLinksSay()
    {
        const FollowNetworkFile file;
        const test::FollowSets sets = file.sets();
        FollowFilterView f;
        QVERIFY(f.open(file.path));
        QCOMPARE(f.view.proxy()->rowCount(), 7);

        f.action("followsMeNotBack")->setChecked(true);
        QTRY_COMPARE(namesIn(*f.view.proxy()), file.names(sets.followsMeNotBack()));
        QCOMPARE(namesIn(*f.view.proxy()), QStringList{"Ana"});  // the sets, spelt out once
        QCOMPARE(f.view.followFilterButton()->text(), QStringLiteral("Follows (1)"));

        f.action("followsMeNotBack")->setChecked(false);
        f.action("notFollowingBack")->setChecked(true);
        QTRY_COMPARE(namesIn(*f.view.proxy()), file.names(sets.notFollowingBack()));
        QCOMPARE(namesIn(*f.view.proxy()), (QStringList{"Bo", "Fay"}));

        f.action("notFollowingBack")->setChecked(false);
        f.followedByCount()->setValue(2);
        f.followedBy()->setChecked(true);
        QTRY_COMPARE(namesIn(*f.view.proxy()), file.names(sets.followedByAtLeast(2)));
        QCOMPARE(namesIn(*f.view.proxy()), (QStringList{"Ana", "Eve"}));
        f.followedByCount()->setValue(3);
        QTRY_COMPARE(namesIn(*f.view.proxy()), file.names(sets.followedByAtLeast(3)));
        QCOMPARE(namesIn(*f.view.proxy()), QStringList{"Eve"});

        f.followedByCount()->setValue(1);
        f.action("notFollowingBack")->setChecked(true);
        QTRY_COMPARE(namesIn(*f.view.proxy()),
                     file.names(test::FollowSets::intersection(sets.notFollowingBack(), sets.followedByAtLeast(1))));
        QCOMPARE(namesIn(*f.view.proxy()), QStringList{"Fay"});
        QCOMPARE(f.view.followFilterButton()->text(), QStringLiteral("Follows (2)"));
    }

    void theFollowFiltersCombineWithTagAndSearchAndClearWithThem()
    {
        const FollowNetworkFile file;
        FollowFilterView f;
        QVERIFY(f.open(file.path));
        f.followedByCount()->setValue(1);
        f.followedBy()->setChecked(true);
        QTRY_COMPARE(namesIn(*f.view.proxy()), (QStringList{"Ana", "Eve", "Fay"}));
        QComboBox* tags = f.view.findChild<QComboBox*>(QStringLiteral("tagFilter"));
        tags->setCurrentIndex(tags->findData(QStringLiteral("friend")));
        QCOMPARE(namesIn(*f.view.proxy()), (QStringList{"Eve", "Fay"}));
        f.view.searchField()->setText(QStringLiteral("fa"));
        QCOMPARE(namesIn(*f.view.proxy()), QStringList{"Fay"});

        f.view.searchField()->clear();
        tags->setCurrentIndex(0);
        f.followedBy()->setChecked(false);
        QTRY_COMPARE(f.view.proxy()->rowCount(), 7);
        QVERIFY(!f.view.proxy()->isFiltering());
        QCOMPARE(f.view.followFilterButton()->text(), QStringLiteral("Follows"));
    }

    void withoutAMePersonTheListSaysWhyInsteadOfShowingNobody()
    {
        const FollowNetworkFile file(false);
        FollowFilterView f;
        QVERIFY(f.open(file.path));
        f.action("notFollowingBack")->setChecked(true);
        const auto* empty = f.view.findChild<QWidget*>(QStringLiteral("emptyState"));
        QTRY_VERIFY(empty->isVisibleTo(&f.view));
        QTRY_COMPARE(f.view.proxy()->rowCount(), 0);
        bool saysWhy = false;
        for (const QLabel* label : empty->findChildren<QLabel*>()) {
            saysWhy = saysWhy || label->text().contains(QStringLiteral("no me person"));
        }
        QVERIFY2(saysWhy, "the empty state names the missing me person");
    }

    void theFollowsButtonFitsBesideTheOtherFiltersAt1024Wide()
    {
        const FollowNetworkFile file;
        FollowFilterView f;
        QVERIFY(f.open(file.path));
        f.view.resize(1024, 700);
        f.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        const QPushButton* button = f.view.followFilterButton();
        QVERIFY(button->isVisible());
        QVERIFY(f.view.rect().contains(button->geometry()));
        QVERIFY2(!button->text().contains(QChar(0x2026)), "the button's text is not cut");
        for (const QWidget* other :
             {static_cast<const QWidget*>(f.view.searchField()), static_cast<const QWidget*>(f.view.degreeFilter()),
              static_cast<const QWidget*>(f.view.networkFilter()),
              static_cast<const QWidget*>(f.view.followUpFilter())}) {
            QVERIFY2(!button->geometry().intersects(other->geometry()), qPrintable(other->objectName()));
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
