#include "Session.h"

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <QFile>
#include <QFileInfo>
#include <QUndoCommand>
#include <QUndoStack>

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
    PersonId me;
    std::size_t mergeCandidates = 0;
};

/// The writer holds alive, shared by the Session and every WriterHold's token: a token may end on a
/// worker thread, and after the Session is gone.
struct WriterHolds {
    struct Entry {
        std::uint64_t id = 0;
        QString database;  ///< the database held (Session::heldDatabase() when taken)
        QString reason;
    };
    std::mutex mutex;
    Session* session = nullptr;  ///< told when a hold ends; null once the Session is destroyed
    std::vector<Entry> entries;
    std::uint64_t nextId = 1;
};

/// What a WriterHold and its copies share. Its end, on whatever thread, takes the entry away at once
/// (canEdit() is right from then on) and tells the Session through its event queue.
class HoldToken {
public:
    HoldToken(std::shared_ptr<WriterHolds> holds, std::uint64_t id) : m_holds(std::move(holds)), m_id(id) {}
    ~HoldToken()
    {
        std::lock_guard lock(m_holds->mutex);
        std::erase_if(m_holds->entries, [this](const WriterHolds::Entry& entry) { return entry.id == m_id; });
        if (Session* session = m_holds->session) {
            QMetaObject::invokeMethod(session, &Session::updateEditing, Qt::QueuedConnection);
        }
    }
    HoldToken(const HoldToken&) = delete;
    HoldToken& operator=(const HoldToken&) = delete;
    HoldToken(HoldToken&&) = delete;
    HoldToken& operator=(HoldToken&&) = delete;

private:
    std::shared_ptr<WriterHolds> m_holds;
    std::uint64_t m_id;
};

}  // namespace detail

namespace {

/// True when `entry` holds the database open now (`open`: Session::heldDatabase(); empty with none).
bool holdsOpenDatabase(const detail::WriterHolds::Entry& entry, const QString& open)
{
    return !open.isEmpty() && entry.database == open;
}

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
    if (auto me = workspace.me()) {
        into.me = *me;
    }
    if (auto queue = workspace.mergeCandidates()) {
        into.mergeCandidates = queue->size();
    }
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

Session::Session(QObject* parent) : QObject(parent), m_holds(std::make_shared<detail::WriterHolds>())
{
    ensureResources();
    m_holds->session = this;
}

Session::~Session()
{
    // Not only this session's loads: a view's layout or a dialog's import may still hold a workspace.
    Background::waitForAll();
    std::lock_guard lock(m_holds->mutex);
    m_holds->session = nullptr;
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
        m_demoLoads += m_isDemo ? 1 : 0;
        show(*result);
        updateEditing();
        emit loaded();
    });
}

void Session::show(LoadResult& contents)
{
    m_people = std::move(contents.people);
    m_rowOf = std::move(contents.rowOf);
    m_stats = contents.stats;
    m_degrees = std::move(contents.degrees);
    m_me = contents.me;
    m_mergeCandidates = contents.mergeCandidates;
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
    m_me = PersonId();
    m_mergeCandidates = 0;
    m_databasePath.clear();
    m_isDemo = false;
    emit peopleChanged();
    updateEditing();
}

QString Session::heldDatabase() const
{
    // A file opened again is the same database, whose writer an import may still hold; each demo is a
    // database of its own.
    if (!m_workspace) {
        return {};
    }
    return m_isDemo ? QStringLiteral("memory:%1").arg(m_demoLoads) : m_databasePath;
}

WriterHold Session::holdWriter(const QString& reason)
{
    std::uint64_t id = 0;
    {
        std::lock_guard lock(m_holds->mutex);
        id = m_holds->nextId++;
        m_holds->entries.push_back({.id = id, .database = heldDatabase(), .reason = reason});
    }
    WriterHold hold(std::make_shared<detail::HoldToken>(m_holds, id));
    updateEditing();
    return hold;
}

bool Session::isWriterHeld() const
{
    const QString open = heldDatabase();
    std::lock_guard lock(m_holds->mutex);
    return std::any_of(m_holds->entries.begin(), m_holds->entries.end(),
                       [&open](const detail::WriterHolds::Entry& entry) { return holdsOpenDatabase(entry, open); });
}

QString Session::editsPausedReason() const
{
    const QString open = heldDatabase();
    std::lock_guard lock(m_holds->mutex);
    for (const detail::WriterHolds::Entry& entry : m_holds->entries) {
        if (holdsOpenDatabase(entry, open)) {
            return entry.reason;
        }
    }
    return {};
}

bool Session::edit(QUndoStack& stack, QUndoCommand* command)
{
    if (!canEdit()) {
        delete command;
        if (hasWorkspace()) {
            emit editRefused(editsPausedReason());
        }
        return false;
    }
    stack.push(command);
    return true;
}

void Session::updateEditing()
{
    const bool possible = canEdit();
    QString reason = editsPausedReason();
    if (possible != m_couldEdit || reason != m_pausedReason) {
        m_couldEdit = possible;
        m_pausedReason = std::move(reason);
        emit editingChanged(possible);
    }
}

}  // namespace warmpath::ui
