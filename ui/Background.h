#pragma once

// The one way the GUI runs work off the UI thread: core calls that read a big database, build the
// graph, lay out the map, import, crawl, back up or restore. Every view, panel and dialog goes
// through Background, so each of these holds everywhere:
//   - the answer arrives on the UI thread, through the context object, and never after it is gone;
//   - a newer request of the same kind supersedes the one in flight, whose answer is dropped;
//   - whatever the work throws becomes an Error: no exception crosses a thread or a slot;
//   - the work gets a cancel token and a progress callback for the core calls that take them;
//   - at shutdown, Background::waitForAll() waits for every request still running.
// The work runs on a thread pool of its own, never on Qt's global pool, which Qt's own painting uses.

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <QCoreApplication>
#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QPromise>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

#include "util/Progress.h"
#include "util/Result.h"

namespace warmpath::ui {

/// The last progress a request reported, as core's ProgressCallback gives it.
struct BackgroundProgress {
    std::uint64_t done = 0;
    std::uint64_t total = 0;  ///< 0 when not known
    std::string stage;
};

/// A value a worker sets and the UI thread reads on a timer: progress richer than
/// BackgroundProgress (a crawl's), which never has to reach the UI through a queued call.
template <typename T>
class SharedValue {
public:
    void set(T value)
    {
        std::lock_guard lock(m_mutex);
        m_value = std::move(value);
    }
    [[nodiscard]] T get() const
    {
        std::lock_guard lock(m_mutex);
        return m_value;
    }

private:
    mutable std::mutex m_mutex;
    T m_value{};
};

/// What the work of one request is handed, shared by the UI thread and the worker: the cancel
/// token to give core calls, and a progress callback whose last report the UI reads.
class BackgroundTask final : public std::enable_shared_from_this<BackgroundTask> {
public:
    [[nodiscard]] const CancelToken* cancelToken() const { return &m_cancel; }
    [[nodiscard]] bool cancelled() const { return m_cancel.cancelled(); }
    /// A ProgressCallback for a core call; Background::progress() reads what it was last told.
    [[nodiscard]] ProgressCallback progressCallback();
    [[nodiscard]] BackgroundProgress progress() const { return m_progress.get(); }
    void cancel() { m_cancel.cancel(); }

private:
    CancelToken m_cancel;
    SharedValue<BackgroundProgress> m_progress;
};

namespace detail {

/// What a request's work returns, as its answer: a core Result as it is, a plain value wrapped in
/// one, nothing as a Status. Each can then also carry the error an exception became.
template <typename T>
struct AnswerOf {
    using type = Result<T>;
};
template <typename T>
struct AnswerOf<Result<T>> {
    using type = Result<T>;
};
template <>
struct AnswerOf<void> {
    using type = Status;
};

template <typename Work>
using WorkReturn = std::conditional_t<std::is_invocable_v<Work&, BackgroundTask&>,
                                      std::invoke_result<Work&, BackgroundTask&>, std::invoke_result<Work&>>;

Error unexpected(const char* what);

/// Runs `work` and turns whatever it throws into an Error.
template <typename Answer, typename Work>
Answer answer(Work& work, BackgroundTask& task)
{
    try {
        if constexpr (std::is_invocable_v<Work&, BackgroundTask&>) {
            if constexpr (std::is_void_v<std::invoke_result_t<Work&, BackgroundTask&>>) {
                work(task);
                return {};
            } else {
                return work(task);
            }
        } else {
            if constexpr (std::is_void_v<std::invoke_result_t<Work&>>) {
                work();
                return {};
            } else {
                return work();
            }
        }
    } catch (const std::exception& e) {
        return unexpected(e.what());
    } catch (...) {
        return unexpected(nullptr);
    }
}

}  // namespace detail

/// The answer a request's work gives `done`: see detail::AnswerOf.
template <typename Work>
using BackgroundAnswer = typename detail::AnswerOf<typename detail::WorkReturn<Work>::type>::type;

/// One kind of request a UI object makes in the background (a view's layout, a dialog's import):
/// at most one is wanted at a time. Keep one as a member per kind of request.
class Background final {
    Q_DISABLE_COPY_MOVE(Background)

public:
    /// Answers are delivered on `context`'s thread, and only while it lives.
    explicit Background(QObject* context) : m_context(context) {}
    /// Drops the request in flight (asking it to stop); waitForAll() still waits for it.
    ~Background();

    /// Runs `work` on the thread pool: `work(BackgroundTask&)` or `work()`, returning a value, a
    /// core Result or nothing. `done(answer)` then runs on the context's thread with the answer
    /// (BackgroundAnswer<Work>), unless a newer run() or abandon() came first. The request in
    /// flight, if any, is abandoned. What the work captures is released on the worker before the
    /// answer is delivered, so waitForAll() also waits for that.
    template <typename Work, typename Done>
    void run(Work work, Done done);

    /// Asks the request in flight to stop (its cancel token); its answer still comes: an
    /// Error::cancelled() where the work stopped, its result where it finished first.
    void cancel();
    /// Asks the request in flight to stop and drops its answer.
    void abandon();
    /// True while a request whose answer is wanted is in flight.
    [[nodiscard]] bool isBusy() const { return m_task != nullptr; }
    /// True while the request in flight was asked to stop and has not answered yet.
    [[nodiscard]] bool isCancelling() const { return m_task && m_task->cancelled(); }
    /// What the request in flight last reported.
    [[nodiscard]] BackgroundProgress progress() const { return m_task ? m_task->progress() : BackgroundProgress{}; }

    /// Waits for every request started by any Background that has not finished, wanted or not, and
    /// for the threads that ran them to end: what a program does before it closes the database
    /// they may still use.
    static void waitForAll();

private:
    static void track(QFuture<void> future);
    /// The pool every request runs on (see Background.cpp for why it is not Qt's global one).
    static QThreadPool& threadPool();

    QObject* m_context;
    std::uint64_t m_generation = 0;  ///< bumped by every run() and abandon(): older answers are dropped
    std::shared_ptr<BackgroundTask> m_task;
    std::vector<QPointer<QObject>> m_watchers;
};

template <typename Work, typename Done>
void Background::run(Work work, Done done)
{
    using Answer = BackgroundAnswer<Work>;
    abandon();
    auto task = std::make_shared<BackgroundTask>();
    m_task = task;
    const std::uint64_t generation = m_generation;

    // QtConcurrent runs the work on our pool and reports its answer through the future; a watcher
    // owned by the context hears it. The work sits in an optional so that the worker can let go of
    // what it captured before the answer is reported (QtConcurrent keeps the callable until later).
    auto pending = std::make_shared<std::optional<Work>>(std::move(work));
    QFuture<Answer> future = QtConcurrent::run(
        &threadPool(), [pending = std::move(pending), task = std::move(task)](QPromise<Answer>& promise) {
            Answer answer = detail::answer<Answer>(**pending, *task);
            pending->reset();  // what it captured goes now, on this thread, before anyone hears it finished
            promise.addResult(std::move(answer));
        });

    auto* watcher = new QFutureWatcher<Answer>(m_context);
    std::erase_if(m_watchers, [](const QPointer<QObject>& w) { return w.isNull(); });
    m_watchers.emplace_back(watcher);
    QObject::connect(watcher, &QFutureWatcherBase::finished, m_context,
                     [this, watcher, generation, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         if (generation != m_generation) {
                             return;  // superseded or abandoned
                         }
                         m_task.reset();
                         done(watcher->future().takeResult());
                     });
    watcher->setFuture(future);
    track(QFuture<void>(future));
}

}  // namespace warmpath::ui
