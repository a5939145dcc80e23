#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "DialogTestSupport.h"
#include "MainWindow.h"
#include "Session.h"
#include "dialogs/CrawlDialog.h"
#include "fetch/HttpClient.h"
#include "panels/DetailsPanel.h"
#include "views/PeopleView.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

namespace {

/// The local Bluesky/Mastodon stand-in the core fetch tests use (tests/fetch_server/server.py), on
/// 127.0.0.1 and a free port it prints as `PORT <n>`. Nothing touches the internet.
class FetchServer {
public:
    FetchServer()
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        const QString script = QFINDTESTDATA("../fetch_server/server.py");
        const QString root = QFINDTESTDATA("../data/fetch");
        if (python.isEmpty() || script.isEmpty() || root.isEmpty()) {
            return;
        }
        m_process.setProgram(python);
        m_process.setArguments({script, QStringLiteral("--root"), root});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(kLoadTimeoutMs)) {
            return;
        }
        while (!m_process.canReadLine() && m_process.waitForReadyRead(kLoadTimeoutMs)) {
        }
        const QByteArray line = m_process.readLine().trimmed();
        if (line.startsWith("PORT ")) {
            m_port = line.mid(5).toInt();
        }
    }
    ~FetchServer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            m_process.waitForFinished(5'000);
        }
    }
    FetchServer(const FetchServer&) = delete;
    FetchServer& operator=(const FetchServer&) = delete;
    FetchServer(FetchServer&&) = delete;
    FetchServer& operator=(FetchServer&&) = delete;

    [[nodiscard]] bool running() const { return m_port != 0; }
    [[nodiscard]] std::string bskyApi() const { return url() + "/bsky"; }
    /// The next requests whose path and query contain `match` get `actions` (`slow:1.5`, `500`, ...).
    void script(const std::string& match, const std::string& actions) const
    {
        control("/__script?match=" + fetch::urlEncode(match) + "&actions=" + fetch::urlEncode(actions));
    }
    /// Forgets scripted faults and the request log.
    void reset() const { control("/__reset"); }
    /// Whether a request whose path and query contain `match` has reached the server since the last reset.
    [[nodiscard]] bool received(const std::string& match) const
    {
        const QJsonArray served = QJsonDocument::fromJson(QByteArray::fromStdString(control("/__log"))).array();
        const QString wanted = QString::fromStdString(match);
        return std::any_of(served.begin(), served.end(),
                           [&](const QJsonValue& request) { return request.toString().contains(wanted); });
    }

private:
    [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    std::string control(const std::string& path) const
    {
        fetch::HttpClient client;
        auto response = client.get(url() + path);
        return response ? response->body : std::string();
    }

    QProcess m_process;
    int m_port = 0;
};

/// Short timeouts and backoffs, the real retry logic.
fetch::HttpOptions fastHttp()
{
    fetch::HttpOptions http;
    http.connectTimeout = std::chrono::milliseconds(2000);
    http.requestTimeout = std::chrono::milliseconds(2000);
    http.maxAttempts = 3;
    http.backoffBase = std::chrono::milliseconds(10);
    http.backoffMax = std::chrono::milliseconds(40);
    return http;
}

/// A request the server holds until long after the test has stopped the crawl, and a client that waits
/// for it that long: the crawl is certainly inside that request when the test cancels, however slowly a
/// loaded machine runs the test (a short timeout would retry and let the crawl run on).
constexpr auto kHeldRequest = "slow:600";
fetch::HttpOptions patientHttp()
{
    fetch::HttpOptions http = fastHttp();
    http.requestTimeout = std::chrono::minutes(10);
    return http;
}

/// Starts the crawl and waits for its end.
bool crawlToTheEnd(CrawlDialog& dialog)
{
    QSignalSpy ended(&dialog, &CrawlDialog::crawlEnded);
    return dialog.start() && ended.wait(kLoadTimeoutMs);
}

}  // namespace

class CrawlDialogTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_threadsBefore = test::prepareDialogTests();
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty()) {
            QSKIP("python3 is not installed: the local test server cannot run");
        }
        m_server = std::make_unique<FetchServer>();
        QVERIFY2(m_server->running(), "the local test server did not start");
    }

    void init()
    {
        m_server->reset();  // a held request that was cancelled before it was sent leaves its script unused
        m_dir = std::make_unique<QTemporaryDir>();
        m_session = std::make_unique<Session>();
        QVERIFY(test::openNewDatabase(*m_session, *m_dir));
    }

    void cleanup()
    {
        m_session.reset();
        m_dir.reset();
    }

    void cleanupTestCase()
    {
        m_server.reset();
        QVERIFY(test::joinThreadPool(m_threadsBefore));
    }

    void aCrawlAgainstTheLocalServerCompletesAndReportsItsCounts()
    {
        const auto dialog = crawlDialog("alice.test", 2);
        QSignalSpy ended(dialog.get(), &CrawlDialog::crawlEnded);
        QVERIFY(dialog->start());
        QCOMPARE(dialog->state(), CrawlDialog::State::Running);
        QVERIFY(ended.wait(kLoadTimeoutMs));
        QCOMPARE(dialog->state(), CrawlDialog::State::Finished);

        // The same figures as the core's CrawlTest for this fixture.
        QCOMPARE(dialog->summary().accountsSeen, 8);
        QCOMPARE(dialog->summary().followListsFetched, 3);
        QCOMPARE(dialog->summary().linksAdded, 9);
        QCOMPARE(dialog->summary().hidden.size(), std::size_t{2});
        QCOMPARE(dialog->summary().errors.size(), std::size_t{1});
        QVERIFY2(
            dialog->resultText().contains(QStringLiteral("8 accounts seen, 3 follow lists fetched, 9 links added")),
            qPrintable(dialog->resultText()));
        const QString details = dialog->findChild<QPlainTextEdit*>(QStringLiteral("crawlDetails"))->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("bsky:did:plc:henry001")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("malformed JSON")), qPrintable(details));
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("crawlRequests"))->text().toInt() > 0);
        QCOMPARE(m_session->workspace()->stats()->persons,
                 9);                                                               // everyone seen, and me
        QTRY_COMPARE_WITH_TIMEOUT(m_session->stats().persons, 9, kLoadTimeoutMs);  // the session reloaded
        test::saveScreenshot(*dialog, QStringLiteral("crawl-dialog"));
    }

    void cancellingBeforeAnythingIsFetchedWritesNothing()
    {
        const auto dialog = crawlDialog("alice.test", 2, patientHttp());
        QVERIFY(cancelDuring(*dialog, "app.bsky.actor.getProfile"));  // the look-up of the start account
        QCOMPARE(dialog->state(), CrawlDialog::State::Editing);
        QVERIFY2(dialog->resultText().contains(QStringLiteral("nothing was written")),
                 qPrintable(dialog->resultText()));
        QCOMPARE(m_session->workspace()->stats()->persons, 1);
    }

    void stoppingMidCrawlKeepsWhatWasFetchedAndResumeFinishesIt()
    {
        // Depth 2: bob's follow list is asked for only once alice's is stored.
        const auto dialog = crawlDialog("alice.test", 2, patientHttp());
        QVERIFY(cancelDuring(*dialog, "bob00001"));
        QVERIFY(m_session->workspace()->stats()->links > 0);
        QCOMPARE(dialog->state(), CrawlDialog::State::Stopped);
        QCOMPARE(dialog->summary().outcome, CrawlSummary::Outcome::Cancelled);
        QVERIFY(dialog->summary().linksAdded > 0);
        QCOMPARE(dialog->request().resume, true);  // offered for the next run

        m_server->reset();
        QVERIFY(crawlToTheEnd(*dialog));
        QCOMPARE(dialog->state(), CrawlDialog::State::Finished);
        QCOMPARE(dialog->summary().accountsSeen, 8);
        QCOMPARE(dialog->summary().linksAdded, 9);
    }

    void anUnknownAccountIsReportedNotCrashed()
    {
        const auto dialog = crawlDialog("nobody.test", 1);
        QVERIFY(crawlToTheEnd(*dialog));
        QVERIFY(dialog->state() == CrawlDialog::State::Failed || !dialog->summary().errors.empty());
        QVERIFY(!dialog->resultText().isEmpty());
    }

    void theWindowStaysUsableWhileACrawlRunsAndEditsWaitForItsEnd()
    {
        QVERIFY(test::addPeople(*m_session, *m_dir, 30));
        MainWindow window(*m_session, MainWindow::Options{.persistState = false});
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction* fetch = window.findChild<QAction*>(QStringLiteral("crawlAction"));
        fetch->trigger();
        auto* dialog = window.findChild<CrawlDialog*>();
        QVERIFY(dialog != nullptr && dialog->isVisible());
        dialog->setHttpOptions(patientHttp());
        dialog->setRequest(
            {.network = CrawlNetwork::Bluesky, .start = "alice.test", .depth = 2, .api = m_server->bskyApi()});
        // The server holds the look-up of the start account: the crawl runs for as long as the test wants.
        const std::string held = "app.bsky.actor.getProfile";
        m_server->script(held, kHeldRequest);
        QSignalSpy ended(dialog, &CrawlDialog::crawlEnded);
        QVERIFY(dialog->start());
        QVERIFY(QTest::qWaitFor([&] { return m_server->received(held); }, kLoadTimeoutMs));
        QCOMPARE(dialog->state(), CrawlDialog::State::Running);

        // Asked for again, the one dialog comes forward.
        fetch->trigger();
        QCOMPARE(window.findChildren<CrawlDialog*>().size(), 1);
        // Clicking a person in the list selects them and shows their page: nothing modal blocks the window.
        QSignalSpy shown(window.detailsPanel(), &DetailsPanel::personShown);
        test::clickRow(*window.peopleTable(), 5);
        QCOMPARE(window.peopleView()->selectedPeople().size(), 1);
        // The page may have come while the click's events were delivered.
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kLoadTimeoutMs);
        QCOMPARE(window.detailsPanel()->person(), window.peopleView()->selectedPeople().first());
        // The crawl stores what it fetches whenever a list is complete: edits wait for its end.
        QVERIFY(!m_session->canEdit());
        QCOMPARE(dialog->state(), CrawlDialog::State::Running);

        dialog->cancel();
        QVERIFY(ended.wait(kLoadTimeoutMs));
        QTRY_VERIFY(m_session->canEdit());
    }

private:
    /// A dialog on this test's database that crawls `start` on Bluesky, as served by the local server.
    [[nodiscard]] std::unique_ptr<CrawlDialog> crawlDialog(const std::string& start, int depth,
                                                           const fetch::HttpOptions& http = fastHttp()) const
    {
        auto dialog = std::make_unique<CrawlDialog>(*m_session);
        dialog->setHttpOptions(http);
        dialog->setRequest(
            {.network = CrawlNetwork::Bluesky, .start = start, .depth = depth, .api = m_server->bskyApi()});
        return dialog;
    }

    /// Starts the crawl with the server holding the request that matches `match`, cancels once that request
    /// has arrived, and waits for the end. The dialog needs patientHttp().
    [[nodiscard]] bool cancelDuring(CrawlDialog& dialog, const std::string& match) const
    {
        m_server->script(match, kHeldRequest);
        QSignalSpy ended(&dialog, &CrawlDialog::crawlEnded);
        if (!dialog.start() || !QTest::qWaitFor([&] { return m_server->received(match); }, kLoadTimeoutMs)) {
            return false;
        }
        dialog.cancel();
        return ended.wait(kLoadTimeoutMs);
    }

    std::unique_ptr<FetchServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
    int m_threadsBefore = 0;
};

QTEST_MAIN(CrawlDialogTest)
#include "CrawlDialogTest.moc"
