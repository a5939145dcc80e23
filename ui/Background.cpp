#include "Background.h"

#include <algorithm>

#include <QList>
#include <QThread>
#include <QThreadPool>

namespace warmpath::ui {
namespace {

/// Every request not known to be finished, whoever started it.
struct InFlight {
    std::mutex mutex;
    QList<QFuture<void>> futures;
};

InFlight& inFlight()
{
    static InFlight registry;
    return registry;
}

/// Enough threads that a few long jobs (an import, a crawl waiting on the network, a backup) do not
/// keep the short questions of the views (a person's page, a path) queueing behind them.
constexpr int kMinThreads = 6;

/// A pool of its own, never Qt's global one: Qt's raster engine splits a large fill over the global
/// pool's threads and waits for them, so long jobs there stall painting the window (seen: 20 s).
QThreadPool& pool()
{
    // A child of the application: destroyed with it, after waiting for whatever still runs.
    static QPointer<QThreadPool> threads;
    if (threads.isNull()) {
        threads = new QThreadPool(QCoreApplication::instance());
        threads->setObjectName(QStringLiteral("Background"));
        threads->setMaxThreadCount(std::max(QThread::idealThreadCount(), kMinThreads));
    }
    return *threads;
}

/// Finished, or finished with its answer taken: QFuture::takeResult() resets a future's state, so that
/// it no longer says finished, only no longer valid.
bool isOver(const QFuture<void>& future)
{
    return future.isFinished() || !future.isValid();
}

}  // namespace

ProgressCallback BackgroundTask::progressCallback()
{
    return [task = shared_from_this()](std::uint64_t done, std::uint64_t total, std::string_view stage) {
        task->m_progress.set({done, total, std::string(stage)});
    };
}

Error detail::unexpected(const char* what)
{
    const QString message =
        what != nullptr
            ? QCoreApplication::translate("Background", "Unexpected error: %1").arg(QString::fromLocal8Bit(what))
            : QCoreApplication::translate("Background", "Unexpected error");
    return Error(message.toStdString());
}

Background::~Background()
{
    abandon();
    for (const QPointer<QObject>& watcher : m_watchers) {
        delete watcher.data();  // its callback refers to this object
    }
}

void Background::cancel()
{
    if (m_task) {
        m_task->cancel();
    }
}

void Background::abandon()
{
    if (m_task) {
        m_task->cancel();
        m_task.reset();
    }
    ++m_generation;
}

void Background::track(QFuture<void> future)
{
    InFlight& registry = inFlight();
    std::lock_guard lock(registry.mutex);
    // Dropping a finished future here also lets go of an answer nobody took (a workspace opened
    // for a window since closed), on this thread rather than on a worker.
    registry.futures.removeIf(isOver);
    registry.futures.append(std::move(future));
}

QThreadPool& Background::threadPool()
{
    return pool();
}

void Background::waitForAll()
{
    QList<QFuture<void>> running;
    {
        InFlight& registry = inFlight();
        std::lock_guard lock(registry.mutex);
        running.swap(registry.futures);
    }
    for (QFuture<void>& future : running) {
        if (!isOver(future)) {
            future.waitForFinished();
        }
    }
    // And the threads themselves: what they leave when they exit (OpenSSL's per-thread state) is gone
    // before the program is.
    pool().waitForDone();
}

}  // namespace warmpath::ui
