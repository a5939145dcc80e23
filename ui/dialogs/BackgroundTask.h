#pragma once

#include <exception>
#include <memory>
#include <mutex>
#include <utility>

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

// How the dialogs run core work: on the thread pool, with the result handed back on the UI thread
// and anything thrown turned into an error message, so that no exception crosses a thread or a slot.
namespace warmpath::ui {

/// Runs `work` (returning a `Result`, a default-constructible type with a `QString error` member) on
/// the thread pool and calls `done(result)` on `context`'s thread. When `context` is destroyed first,
/// `done` is never called; the work itself must then stop on its own (a cancel token it shares).
template <typename Result, typename Work, typename Done>
QFutureWatcher<Result>* runInBackground(QObject* context, Work work, Done done)
{
    auto* watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([work = std::move(work)]() -> Result {
        try {
            return work();
        } catch (const std::exception& e) {
            Result failed;
            failed.error = QCoreApplication::translate("BackgroundTask", "Unexpected error: %1")
                               .arg(QString::fromLocal8Bit(e.what()));
            return failed;
        } catch (...) {
            Result failed;
            failed.error = QCoreApplication::translate("BackgroundTask", "Unexpected error");
            return failed;
        }
    }));
    return watcher;
}

/// A value a worker thread updates and the UI thread reads on a timer: progress that never has to
/// reach a dialog through a queued call that could outlive it.
template <typename T>
class SharedProgress {
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

}  // namespace warmpath::ui
