#include "Session.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <QFile>
#include <QFileInfo>

#include "Resources.h"

namespace warmpath::ui {

namespace detail {

/// What a load or a reload hands back to the UI thread: a workspace (loads only) and what the views
/// show of it.
struct LoadResult {
    std::shared_ptr<Workspace> workspace;
    std::vector<PersonSummary> people;
    QHash<qint64, std::size_t> rowOf;
    Stats stats;
    QHash<qint64, int> degrees;
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

Error failure(const QString& message)
{
    return Error(message.toStdString());
}

/// Reads what the views show of `workspace` into `into`.
Status readContents(Workspace& workspace, LoadResult& into)
{
    auto people = workspace.peopleSummaries();
    if (!people) {
        return people.error();
    }
    auto stats = workspace.stats();
    if (!stats) {
        return stats.error();
    }
    into.people = std::move(people).value();
    into.rowOf.reserve(static_cast<qsizetype>(into.people.size()));
    for (std::size_t row = 0; row < into.people.size(); ++row) {
        into.rowOf.insert(into.people[row].person.id.value(), row);
    }
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
    return {};
}

}  // namespace

Session::Session(QObject* parent) : QObject(parent)
{
    ensureResources();
}

Session::~Session()
{
    // Not only this session's loads: a view's layout or a dialog's import may still hold a workspace.
    Background::waitForAll();
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
    m_reloads.abandon();  // people of the workspace being replaced
    m_loading = true;
    emit loadingStarted();

    auto work = [source, path, mode]() -> Result<LoadResult> {
        LoadResult loaded;
        if (source == Source::Demo) {
            const QByteArray json = demoNetworkJson();
            if (json.isEmpty()) {
                return failure(tr("The bundled demo network is missing from this build."));
            }
            auto workspace = std::shared_ptr<Workspace>(Workspace::openInMemory());
            const auto demo = workspace->loadDemoNetwork(
                std::string_view(json.constData(), static_cast<std::size_t>(json.size())), today());
            if (!demo) {
                return failure(tr("Could not load the demo network: %1").arg(describe(demo.error())));
            }
            loaded.workspace = std::move(workspace);
        } else {
            if (source == Source::NewFile && QFileInfo::exists(path)) {
                return failure(tr("%1 already exists. Choose a new file name, or open it with File \u25b8 Open "
                                  "database.")
                                   .arg(path));
            }
            auto opened = Workspace::open(toFsPath(path), mode);
            if (!opened) {
                return opened.error();
            }
            loaded.workspace = std::move(opened).value();
        }
        if (Status read = readContents(*loaded.workspace, loaded); !read) {
            return read.error();
        }
        return loaded;
    };
    // A result dropped because a newer load superseded it is let go on this thread, by Background.
    m_loads.run(std::move(work), [this, source, path](Result<LoadResult> result) {
        m_loading = false;
        if (!result) {
            emit failed(describe(result.error()));
            return;
        }
        m_workspace = std::move(result->workspace);
        m_isDemo = source == Source::Demo;
        m_databasePath = m_isDemo ? QString() : QFileInfo(path).absoluteFilePath();
        show(*result);
        emit loaded();
    });
}

void Session::show(LoadResult& contents)
{
    m_people = std::move(contents.people);
    m_rowOf = std::move(contents.rowOf);
    m_stats = contents.stats;
    m_degrees = std::move(contents.degrees);
    emit peopleChanged();
}

void Session::reloadPeople()
{
    if (!m_workspace) {
        return;
    }
    auto work = [workspace = m_workspace]() -> Result<LoadResult> {
        LoadResult contents;
        if (Status read = readContents(*workspace, contents); !read) {
            return read.error();
        }
        return contents;
    };
    m_reloads.run(std::move(work), [this](Result<LoadResult> result) {
        if (!result) {
            emit failed(describe(result.error()));
            return;
        }
        show(*result);
    });
}

const PersonSummary* Session::summaryOf(PersonId person) const
{
    const auto row = m_rowOf.constFind(person.value());
    return row == m_rowOf.cend() ? nullptr : &m_people[*row];
}

void Session::close()
{
    m_loads.abandon();  // a load in flight would reopen something
    m_reloads.abandon();
    m_loading = false;
    m_workspace.reset();
    m_people.clear();
    m_rowOf.clear();
    m_stats = {};
    m_degrees.clear();
    m_databasePath.clear();
    m_isDemo = false;
    emit peopleChanged();
}

}  // namespace warmpath::ui
