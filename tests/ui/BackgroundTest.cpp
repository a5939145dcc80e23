#include <atomic>
#include <memory>
#include <stdexcept>

#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include "Background.h"
#include "UiTestSupport.h"

using namespace warmpath;
using namespace warmpath::ui;
using test::kLoadTimeoutMs;

namespace {

/// A gate a worker waits at until the test opens it: work that is certainly still running.
class Gate {
public:
    void open() { m_open.store(true); }
    void wait() const
    {
        while (!m_open.load()) {
            QThread::msleep(2);
        }
    }

private:
    std::atomic<bool> m_open{false};
};

}  // namespace

/// ui/Background.h: the one way the GUI runs work off the UI thread.
class BackgroundTest final : public QObject {
    Q_OBJECT

private slots:
    void theAnswerArrivesOnTheContextsThreadAndTheWorkRunsElsewhere()
    {
        QObject context;
        Background background(&context);
        QThread* worker = nullptr;
        QThread* answeredOn = nullptr;
        bool answered = false;
        background.run(
            [&worker] {
                worker = QThread::currentThread();
                return 42;
            },
            [&](const Result<int>& answer) {
                answeredOn = QThread::currentThread();
                answered = answer.ok() && *answer == 42;
            });
        QVERIFY(background.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(answered, kLoadTimeoutMs);
        QVERIFY(!background.isBusy());
        QCOMPARE(answeredOn, QThread::currentThread());
        QVERIFY(worker != nullptr && worker != QThread::currentThread());
    }

    void aNewerRequestSupersedesTheOneInFlight()
    {
        QObject context;
        Background background(&context);
        auto gate = std::make_shared<Gate>();
        auto firstStopped = std::make_shared<std::atomic<bool>>(false);
        QStringList answers;
        background.run(
            [gate, firstStopped](BackgroundTask& task) {
                gate->wait();
                firstStopped->store(task.cancelled());
                return QStringLiteral("first");
            },
            [&answers](const Result<QString>& answer) { answers.append(*answer); });
        background.run([] { return QStringLiteral("second"); },
                       [&answers](const Result<QString>& answer) { answers.append(*answer); });
        QTRY_COMPARE_WITH_TIMEOUT(answers, QStringList{QStringLiteral("second")}, kLoadTimeoutMs);
        gate->open();
        Background::waitForAll();
        QCoreApplication::processEvents();
        QCOMPARE(answers, QStringList{QStringLiteral("second")});  // the first one's answer was dropped
        QVERIFY(firstStopped->load());                             // and it was asked to stop
    }

    void whatTheWorkThrowsBecomesAnError()
    {
        QObject context;
        Background background(&context);
        std::optional<Status> answer;
        background.run([]() -> void { throw std::runtime_error("the disk is on fire"); },
                       [&answer](const Status& status) { answer = status; });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), kLoadTimeoutMs);
        QVERIFY(!answer->ok());
        QCOMPARE(QString::fromStdString(answer->error().message),
                 QStringLiteral("Unexpected error: the disk is on fire"));
    }

    void aCancelReachesTheWorkAndItsCancelledAnswerArrives()
    {
        QObject context;
        Background background(&context);
        std::optional<Result<int>> answer;
        background.run(
            [](BackgroundTask& task) -> Result<int> {
                while (!task.cancelled()) {
                    QThread::msleep(2);
                }
                return Error::cancelled();
            },
            [&answer](Result<int> result) { answer = std::move(result); });
        QVERIFY(!background.isCancelling());
        background.cancel();
        QVERIFY(background.isCancelling());
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), kLoadTimeoutMs);
        QVERIFY(!answer->ok());
        QVERIFY(answer->error().isCancelled());
    }

    void progressTheWorkReportsCanBeRead()
    {
        QObject context;
        Background background(&context);
        auto gate = std::make_shared<Gate>();
        bool answered = false;
        background.run(
            [gate](BackgroundTask& task) {
                task.progressCallback()(7, 10, "counting");
                gate->wait();
            },
            [&answered](const Status&) { answered = true; });
        QTRY_COMPARE_WITH_TIMEOUT(background.progress().done, std::uint64_t{7}, kLoadTimeoutMs);
        QCOMPARE(background.progress().total, std::uint64_t{10});
        QCOMPARE(background.progress().stage, std::string("counting"));
        gate->open();
        QTRY_VERIFY_WITH_TIMEOUT(answered, kLoadTimeoutMs);
    }

    void noAnswerReachesAContextThatIsGone()
    {
        auto gate = std::make_shared<Gate>();
        bool answered = false;
        {
            QObject context;
            Background background(&context);
            background.run([gate] { gate->wait(); }, [&answered](const Status&) { answered = true; });
        }
        gate->open();
        Background::waitForAll();
        QCoreApplication::processEvents();
        QVERIFY(!answered);
    }

    void waitForAllWaitsForWorkWhoseOwnerIsGone()
    {
        auto gate = std::make_shared<Gate>();
        auto finished = std::make_shared<std::atomic<bool>>(false);
        {
            QObject context;
            Background background(&context);
            background.run(
                [gate, finished] {
                    gate->wait();
                    QThread::msleep(50);
                    finished->store(true);
                },
                [](const Status&) {});
        }
        gate->open();
        Background::waitForAll();
        QVERIFY(finished->load());
    }

    void whatTheWorkHoldsIsReleasedBeforeItsAnswerArrives()
    {
        QObject context;
        Background background(&context);
        auto held = std::make_shared<int>(1);
        std::weak_ptr<int> watch = held;
        bool releasedFirst = false;
        bool answered = false;
        background.run([held = std::move(held)] { return *held; },
                       [&](const Result<int>&) {
                           releasedFirst = watch.expired();
                           answered = true;
                       });
        QTRY_VERIFY_WITH_TIMEOUT(answered, kLoadTimeoutMs);
        QVERIFY(releasedFirst);
    }
};

QTEST_MAIN(BackgroundTest)
#include "BackgroundTest.moc"
