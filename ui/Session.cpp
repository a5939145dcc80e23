#include "Session.h"

#include <exception>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include "Resources.h"

namespace warmpath::ui {

namespace detail {

/// What background work hands back to the UI thread: a workspace and what the views show of it, or why
/// there is none.
struct LoadResult {
    std::shared_ptr<Workspace> workspace;
    std::vector<PersonSummary> people;
    Stats stats;
    QHash<qint64, int> degrees;
    QString error;
};

}  // namespace detail

namespace {

using detail::LoadResult;

std::filesystem::path toFsPath(const QString& path)
{
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

QString describe(const Error& error)
{
    return QString::fromStdString(error.describe());
}

/// Fills in what the views show of `workspace`.
void readContents(Workspace& workspace, LoadResult& into)
{
    auto people = workspace.peopleSummaries();
    if (!people) {
        into.error = describe(people.error());
        return;
    }
    auto stats = workspace.stats();
    if (!stats) {
        into.error = describe(stats.error());
        return;
    }
    into.people = std::move(people).value();
    into.stats = *stats;
    // Builds (or loads) the graph snapshot here, on the worker, so the UI never waits for it.
    if (const DegreeLookup degreeOf = workspace.degreeLookup()) {
        into.degrees.reserve(static_cast<qsizetype>(into.people.size()));
        for (const PersonSummary& row : into.people) {
            if (const std::optional<int> hops = degreeOf(row.person.id)) {
                into.degrees.insert(row.person.id.value(), *hops);
            }
        }
    }
}

/// Runs `work` (on a worker thread) and turns anything it throws into an error: exceptions never cross
/// back to the UI thread.
template <typename Work>
std::shared_ptr<LoadResult> guarded(Work&& work)
{
    auto result = std::make_shared<LoadResult>();
    try {
        work(*result);
    } catch (const std::exception& e) {
        result->error = Session::tr("Unexpected error: %1").arg(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        result->error = Session::tr("Unexpected error");
    }
    return result;
}

template <typename Work, typename Done>
QFuture<std::shared_ptr<LoadResult>> runInBackground(QObject* context, Work&& work, Done&& done)
{
    auto* watcher = new QFutureWatcher<std::shared_ptr<LoadResult>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::forward<Done>(done)] {
        watcher->deleteLater();
        done(watcher->result());
    });
    const auto future = QtConcurrent::run([work = std::forward<Work>(work)] { return guarded(work); });
    watcher->setFuture(future);
    return future;
}

}  // namespace

Session::Session(QObject* parent) : QObject(parent)
{
    ensureResources();
}

Session::~Session()
{
    for (QFuture<std::shared_ptr<LoadResult>>& work : m_inFlight) {
        work.waitForFinished();
        // A worker outlives its future for a moment; a workspace it opened and nobody took is
        // closed here, not by that worker after the session (and maybe its folder) is gone.
        if (work.resultCount() > 0) {
            if (const std::shared_ptr<LoadResult> result = work.result()) {
                result->workspace.reset();
            }
        }
    }
}

void Session::track(QFuture<std::shared_ptr<LoadResult>> work)
{
    m_inFlight.removeIf([](const QFuture<std::shared_ptr<LoadResult>>& earlier) { return earlier.isFinished(); });
    m_inFlight.append(std::move(work));
}

QString Session::displayName() const
{
    if (m_isDemo) {
        return tr("Demo network");
    }
    return QFileInfo(m_databasePath).fileName();
}

void Session::openDatabase(const QString& path, OpenMode mode)
{
    start(Source::File, path, mode);
}

void Session::createDatabase(const QString& path)
{
    start(Source::NewFile, path, OpenMode::CreateIfMissing);
}

void Session::openDemo()
{
    start(Source::Demo, {}, OpenMode::CreateIfMissing);
}

void Session::start(Source source, const QString& path, OpenMode mode)
{
    const std::uint64_t generation = ++m_generation;
    m_loading = true;
    emit loadingStarted();

    auto work = [source, path, mode](LoadResult& into) {
        if (source == Source::Demo) {
            const QByteArray json = demoNetworkJson();
            if (json.isEmpty()) {
                into.error = tr("The bundled demo network is missing from this build.");
                return;
            }
            auto workspace = std::shared_ptr<Workspace>(Workspace::openInMemory());
            const auto demo = workspace->loadDemoNetwork(
                std::string_view(json.constData(), static_cast<std::size_t>(json.size())), today());
            if (!demo) {
                into.error = tr("Could not load the demo network: %1").arg(describe(demo.error()));
                return;
            }
            into.workspace = std::move(workspace);
        } else {
            if (source == Source::NewFile && QFileInfo::exists(path)) {
                into.error = tr("%1 already exists. Choose a new file name, or open it with File \u25b8 Open "
                                "database.")
                                 .arg(path);
                return;
            }
            auto opened = Workspace::open(toFsPath(path), mode);
            if (!opened) {
                into.error = describe(opened.error());
                return;
            }
            into.workspace = std::move(opened).value();
        }
        readContents(*into.workspace, into);
    };
    auto done = [this, generation, source, path](const std::shared_ptr<LoadResult>& result) {
        // Taken out of the result here, on this thread: the worker's last reference to the result
        // may go after this, and must not be what closes the database.
        std::shared_ptr<Workspace> opened = std::move(result->workspace);
        if (generation != m_generation) {
            return;  // abandoned for a later load
        }
        m_loading = false;
        if (!result->error.isEmpty()) {
            emit failed(result->error);
            return;
        }
        m_workspace = std::move(opened);
        m_isDemo = source == Source::Demo;
        m_databasePath = m_isDemo ? QString() : QFileInfo(path).absoluteFilePath();
        m_people = std::move(result->people);
        m_stats = result->stats;
        m_degrees = std::move(result->degrees);
        emit peopleChanged();
        emit loaded();
    };
    track(runInBackground(this, std::move(work), std::move(done)));
}

void Session::reloadPeople()
{
    if (!m_workspace) {
        return;
    }
    // The worker borrows the workspace; the reference that keeps it open lives in the callback
    // below, on this thread, and the destructor waits for the worker before letting it go.
    std::shared_ptr<Workspace> workspace = m_workspace;
    auto work = [borrowed = workspace.get()](LoadResult& into) { readContents(*borrowed, into); };
    track(runInBackground(this, std::move(work), [this, workspace](const std::shared_ptr<LoadResult>& result) {
        if (workspace != m_workspace) {
            return;  // another workspace was opened meanwhile
        }
        if (!result->error.isEmpty()) {
            emit failed(result->error);
            return;
        }
        m_people = std::move(result->people);
        m_stats = result->stats;
        m_degrees = std::move(result->degrees);
        emit peopleChanged();
    }));
}

void Session::close()
{
    ++m_generation;  // a load in flight would reopen something
    m_loading = false;
    m_workspace.reset();
    m_people.clear();
    m_stats = {};
    m_degrees.clear();
    m_databasePath.clear();
    m_isDemo = false;
    emit peopleChanged();
}

}  // namespace warmpath::ui
