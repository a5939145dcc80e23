#include <QtTest>

#include "Format.h"
#include "models/SuggestionsModel.h"
#include "models/WarmPathsModel.h"

using namespace warmpath;
using namespace warmpath::ui;

class FormatTest final : public QObject {
    Q_OBJECT

private slots:
    void dueDatesAreWordedRelativeToToday_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("text");
        QTest::newRow("overdue one day") << -1 << QStringLiteral("overdue 1 day");
        QTest::newRow("overdue days") << -5 << QStringLiteral("overdue 5 days");
        QTest::newRow("overdue weeks") << -21 << QStringLiteral("overdue 3 weeks");
        QTest::newRow("today") << 0 << QStringLiteral("today");
        QTest::newRow("tomorrow") << 1 << QStringLiteral("tomorrow");
        QTest::newRow("days") << 3 << QStringLiteral("in 3 days");
        QTest::newRow("just under two weeks") << 13 << QStringLiteral("in 13 days");
        QTest::newRow("weeks") << 20 << QStringLiteral("in 2 weeks");
        QTest::newRow("months") << 95 << QStringLiteral("in 3 months");
        QTest::newRow("years") << 800 << QStringLiteral("in 2 years");
    }

    void dueDatesAreWordedRelativeToToday()
    {
        QFETCH(int, days);
        QFETCH(QString, text);
        const QDate today(2026, 11, 26);
        QCOMPARE(relativeDue(today.addDays(days), today), text);
    }

    void pastDatesAreWordedRelativeToToday_data()
    {
        QTest::addColumn<int>("daysAgo");
        QTest::addColumn<QString>("text");
        QTest::newRow("today") << 0 << QStringLiteral("today");
        QTest::newRow("yesterday") << 1 << QStringLiteral("yesterday");
        QTest::newRow("days") << 6 << QStringLiteral("6 days ago");
        QTest::newRow("weeks") << 57 << QStringLiteral("8 weeks ago");
        QTest::newRow("months") << 102 << QStringLiteral("3 months ago");
    }

    void pastDatesAreWordedRelativeToToday()
    {
        QFETCH(int, daysAgo);
        QFETCH(QString, text);
        const QDate today(2026, 11, 26);
        QCOMPARE(relativePast(today.addDays(-daysAgo), today), text);
    }

    void personNamesCannotReorderOrBreakTheTextAroundThem()
    {
        const QString overridden = personName("Ana \u202Egnp.exe\nBo");
        QVERIFY(!overridden.contains(QChar(0x202E)));
        QVERIFY(!overridden.contains(QLatin1Char('\n')));
        QVERIFY(overridden.contains(QStringLiteral("Ana gnp.exe Bo")));
        QCOMPARE(personName("Noa Kessler"), QStringLiteral("Noa Kessler"));
    }

    void countsAreGroupedAndPluralised()
    {
        QCOMPARE(formatCount(1, QStringLiteral("person"), QStringLiteral("people")), QStringLiteral("1 person"));
        QVERIFY(formatCount(1500).size() > 4);  // a group separator, whatever the locale
    }

    void statsLineNamesPeopleLinksAndTags()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const Stats stats{.persons = 1500, .identities = 3000, .links = 16704, .tags = 9, .imports = 0};
        QCOMPARE(statsLine(stats), QStringLiteral("1,500 people \u00B7 16,704 links \u00B7 9 tags"));
    }

    void scoresShowTwoDecimals()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(formatScore(0.354), QStringLiteral("0.35"));
        QCOMPARE(formatScore(12), QStringLiteral("12.00"));
        QCOMPARE(formatScore(0), QStringLiteral("0.00"));
        QCOMPARE(formatScore(0.0012), QStringLiteral("<0.01"));
    }

    void suggestionsAndPathsShowTheirScoresAlike()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        SuggestionsModel suggestions;
        suggestions.setRows({SuggestionRow{.person = PersonId(2), .name = QStringLiteral("Ana"), .score = 0.1234}});
        QCOMPARE(suggestions.index(0, SuggestionsModel::Score).data().toString(), QStringLiteral("0.12"));
        // Personalised PageRank's thousandths, per thousand: still two decimals, and still telling apart.
        suggestions.setRows({SuggestionRow{.person = PersonId(2), .name = QStringLiteral("Ana"), .score = 0.0093941},
                             SuggestionRow{.person = PersonId(3), .name = QStringLiteral("Bo"), .score = 0.0070937}});
        suggestions.setPerThousand(true);
        QCOMPARE(suggestions.index(0, SuggestionsModel::Score).data().toString(), QStringLiteral("9.39"));
        QCOMPARE(suggestions.index(1, SuggestionsModel::Score).data().toString(), QStringLiteral("7.09"));
        QCOMPARE(suggestions.headerData(SuggestionsModel::Score, Qt::Horizontal).toString(),
                 QStringLiteral("Score \u2030"));
        WarmPathsModel paths;
        WarmPathView path;
        path.hops = 2;
        path.warmth = 0.1234;
        paths.setAnswer(WarmPathsAnswer{.paths = {path}});
        QCOMPARE(paths.index(0, WarmPathsModel::Warmth).data().toString(), QStringLiteral("0.12"));
    }

    void theMePersonIsYou()
    {
        QCOMPARE(personName("Sam Lee", true), QStringLiteral("You"));
        QCOMPARE(personName("Sam Lee", false), QStringLiteral("Sam Lee"));
        QCOMPARE(personNameWithYou("Sam Lee", true), QStringLiteral("You (Sam Lee)"));
    }

    void isoDatesParseAndEmptyTextIsNoDate()
    {
        QCOMPARE(parseIsoDate("2026-11-29"), QDate(2026, 11, 29));
        QVERIFY(!parseIsoDate("").isValid());
        QVERIFY(!parseIsoDate("soon").isValid());
    }
};

QTEST_GUILESS_MAIN(FormatTest)
#include "FormatTest.moc"
