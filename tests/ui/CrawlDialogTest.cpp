#include <memory>

#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include "DialogTestSupport.h"
#include "Session.h"
#include "dialogs/CrawlDialog.h"
#include "fetch/HttpClient.h"

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
        if (!m_process.waitForStarted(10'000)) {
            return;
        }
        while (!m_process.canReadLine() && m_process.waitForReadyRead(10'000)) {
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
    [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    [[nodiscard]] std::string bskyApi() const { return url() + "/bsky"; }
    /// The next requests whose path and query contain `match` get `actions` (`slow:1.5`, `500`, ...).
    void script(const std::string& match, const std::string& actions) const
    {
        fetch::HttpClient client;
        (void)client.get(url() + "/__script?match=" + fetch::urlEncode(match) +
                         "&actions=" + fetch::urlEncode(actions));
    }
    void reset() const
    {
        fetch::HttpClient client;
        (void)client.get(url() + "/__reset");
    }

private:
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

}  // namespace

class CrawlDialogTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty()) {
            QSKIP("python3 is not installed: the local test server cannot run");
        }
        m_server = std::make_unique<FetchServer>();
        QVERIFY2(m_server->running(), "the local test server did not start");
    }

    void cleanupTestCase()
    {
        m_server.reset();
        // Join the global pool's threads while OpenSSL is still initialised: it frees its per-thread
        // state when a thread exits, and a thread outliving its clean-up at exit shows as a leak.
        QVERIFY(QThreadPool::globalInstance()->waitForDone(kLoadTimeoutMs));
    }

    void aCrawlAgainstTheLocalServerCompletesAndReportsItsCounts()
    {
        QTemporaryDir dir;
        Session session;
        QVERIFY(test::openNewDatabase(session, dir));
        CrawlDialog dialog(session);
        dialog.setHttpOptions(fastHttp());
        dialog.setRequest(
            {.network = CrawlNetwork::Bluesky, .start = "alice.test", .depth = 2, .api = m_server->bskyApi()});
        QSignalSpy ended(&dialog, &CrawlDialog::crawlEnded);
        QVERIFY(dialog.start());
        QCOMPARE(dialog.state(), CrawlDialog::State::Running);
        QVERIFY(ended.wait(kLoadTimeoutMs));
        QCOMPARE(dialog.state(), CrawlDialog::State::Finished);

        // The same figures as the core's CrawlTest for this fixture.
        QCOMPARE(dialog.summary().accountsSeen, 8);
        QCOMPARE(dialog.summary().followListsFetched, 3);
        QCOMPARE(dialog.summary().linksAdded, 9);
        QCOMPARE(dialog.summary().hidden.size(), std::size_t{2});
        QCOMPARE(dialog.summary().errors.size(), std::size_t{1});
        QVERIFY2(dialog.resultText().contains(QStringLiteral("8 accounts seen, 3 follow lists fetched, 9 links added")),
                 qPrintable(dialog.resultText()));
        const QString details = dialog.findChild<QPlainTextEdit*>(QStringLiteral("crawlDetails"))->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("bsky:did:plc:henry001")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("malformed JSON")), qPrintable(details));
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("crawlRequests"))->text().toInt() > 0);
        QCOMPARE(session.workspace()->stats()->persons, 9);                     // everyone seen, and me
        QTRY_COMPARE_WITH_TIMEOUT(session.stats().persons, 9, kLoadTimeoutMs);  // the session reloaded
        test::saveScreenshot(dialog, QStringLiteral("crawl-dialog"));
    }

    void cancellingBeforeAnythingIsFetchedWritesNothing()
    {
        QTemporaryDir dir;
        Session session;
        QVERIFY(test::openNewDatabase(session, dir));
        CrawlDialog dialog(session);
        dialog.setHttpOptions(fastHttp());
        dialog.setRequest(
            {.network = CrawlNetwork::Bluesky, .start = "alice.test", .depth = 2, .api = m_server->bskyApi()});
        QSignalSpy ended(&dialog, &CrawlDialog::crawlEnded);
        QVERIFY(dialog.start());
        dialog.cancel();
        QVERIFY(ended.wait(kLoadTimeoutMs));
        QCOMPARE(dialog.state(), CrawlDialog::State::Editing);
        QVERIFY2(dialog.resultText().contains(QStringLiteral("nothing was written")), qPrintable(dialog.resultText()));
        QCOMPARE(session.workspace()->stats()->persons, 1);
    }

    void stoppingMidCrawlKeepsWhatWasFetchedAndResumeFinishesIt()
    {
        QTemporaryDir dir;
        Session session;
        QVERIFY(test::openNewDatabase(session, dir));
        m_server->reset();
        m_server->script("bob00001", "slow:3");  // depth 2: bob's list comes after alice's, which is stored
        CrawlDialog dialog(session);
        dialog.setHttpOptions(fastHttp());
        dialog.setRequest(
            {.network = CrawlNetwork::Bluesky, .start = "alice.test", .depth = 2, .api = m_server->bskyApi()});
        QSignalSpy ended(&dialog, &CrawlDialog::crawlEnded);
        QVERIFY(dialog.start());
        QTRY_VERIFY_WITH_TIMEOUT(session.workspace()->stats()->links > 0, kLoadTimeoutMs);
        dialog.cancel();
        QVERIFY(ended.wait(kLoadTimeoutMs));
        QCOMPARE(dialog.state(), CrawlDialog::State::Stopped);
        QCOMPARE(dialog.summary().outcome, CrawlSummary::Outcome::Cancelled);
        QVERIFY(dialog.summary().linksAdded > 0);
        QCOMPARE(dialog.request().resume, true);  // offered for the next run

        m_server->reset();
        QVERIFY(dialog.start());
        QVERIFY(ended.wait(kLoadTimeoutMs));
        QCOMPARE(dialog.state(), CrawlDialog::State::Finished);
        QCOMPARE(dialog.summary().accountsSeen, 8);
        QCOMPARE(dialog.summary().linksAdded, 9);
    }

    void anUnknownAccountIsReportedNotCrashed()
    {
        QTemporaryDir dir;
        Session session;
        QVERIFY(test::openNewDatabase(session, dir));
        CrawlDialog dialog(session);
        dialog.setHttpOptions(fastHttp());
        dialog.setRequest(
            {.network = CrawlNetwork::Bluesky, .start = "nobody.test", .depth = 1, .api = m_server->bskyApi()});
        QSignalSpy ended(&dialog, &CrawlDialog::crawlEnded);
        QVERIFY(dialog.start());
        QVERIFY(ended.wait(kLoadTimeoutMs));
        QVERIFY(dialog.state() == CrawlDialog::State::Failed || !dialog.summary().errors.empty());
        QVERIFY(!dialog.resultText().isEmpty());
    }

private:
    std::unique_ptr<FetchServer> m_server;
};

QTEST_MAIN(CrawlDialogTest)
#include "CrawlDialogTest.moc"
