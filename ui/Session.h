#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <QHash>
#include <QObject>
#include <QString>

#include "Background.h"
#include "Workspace.h"

class QUndoCommand;
class QUndoStack;

namespace warmpath::ui {

namespace detail {
struct LoadResult;
struct WriterHolds;
class HoldToken;
}  // namespace detail

/// Says, for as long as it (or a copy) lives, that background work holds the open workspace's writer
/// for long or may take it at any moment: an import or its preview, a crawl, a backup of a workspace
/// in memory. Edits would wait for it, so the Session refuses them meanwhile (Session::canEdit()).
/// Whoever runs such work takes one from Session::holdWriter() and captures it in the work given to
/// Background::run(): the work's captures are let go on the worker once it has returned, so the hold
/// ends exactly when the writer is free again, whatever became of the dialog that started it.
/// Copyable; the last copy to go ends the hold, on whichever thread.
class WriterHold {
public:
    WriterHold() = default;
    [[nodiscard]] bool holds() const { return m_token != nullptr; }

private:
    friend class Session;
    explicit WriterHold(std::shared_ptr<void> token) : m_token(std::move(token)) {}
    std::shared_ptr<void> m_token;
};

/// The Qt face of core's Workspace: owns the open workspace, opens databases and the bundled demo off
/// the UI thread, and tells the views when what they show has changed.
///
/// Loading is asynchronous: openDatabase(), createDatabase() and openDemo() return at once and end in
/// exactly one of loaded() or failed(). Until loaded() the previous workspace stays open and usable; a
/// failed load leaves it untouched. Starting a new load abandons the one in flight, whose result is then
/// dropped. The workspace may be queried from the UI thread (its reads never wait for a write in
/// progress), but only between loads' swaps, so do not keep the pointer across loaded(). Destroying the
/// session waits for all background work (Background::waitForAll()), so that nothing still uses or
/// writes beside a database after it.
///
/// Edits are made on the UI thread (each a command on an undo stack, whose redo() writes), so they must
/// never meet a long write that holds the writer: such work takes a WriterHold, and while one is held
/// canEdit() is false, the window's edit controls are disabled with editsPausedReason() beside them, and
/// edit() refuses the commands that still come.
class Session final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    explicit Session(QObject* parent = nullptr);
    ~Session() override;

    /// Opens the database at `path`. With OpenMode::CreateIfMissing a missing file becomes a new, empty
    /// database (the `--db PATH` behaviour); with OpenMode::MustExist it is an error (File > Open).
    void openDatabase(const QString& path, OpenMode mode = OpenMode::MustExist);
    /// Creates a new, empty database at `path` and switches to it. Refuses a file that already exists,
    /// so that a mis-click can never replace someone's network with an empty one.
    void createDatabase(const QString& path);
    /// Loads the bundled demo network into an in-memory workspace: nothing is written to disk.
    void openDemo();
    /// Reads the people list and the counts again, e.g. after an edit; emits peopleChanged().
    void reloadPeople();
    /// Lets go of the open workspace (abandoning a load in flight) and emits peopleChanged() with nothing
    /// open: what restoring a backup over the open database does before it writes. The database closes
    /// once background work still holding sharedWorkspace() has finished.
    void close();

    [[nodiscard]] bool isLoading() const { return m_loading; }
    /// True once a load has succeeded; workspace() is non-null exactly then.
    [[nodiscard]] bool hasWorkspace() const { return m_workspace != nullptr; }
    [[nodiscard]] bool isDemo() const { return m_isDemo; }
    /// The open database file; empty for the demo or when nothing is open.
    [[nodiscard]] QString databasePath() const { return m_databasePath; }
    /// What the window title calls the workspace: the file name, or "Demo network".
    [[nodiscard]] QString displayName() const;

    [[nodiscard]] Workspace* workspace() const { return m_workspace.get(); }
    /// The workspace for background work, which must keep it alive across a swap.
    [[nodiscard]] std::shared_ptr<Workspace> sharedWorkspace() const { return m_workspace; }
    /// Everyone in the workspace, as read with the last load or reloadPeople().
    [[nodiscard]] const std::vector<PersonSummary>& people() const { return m_people; }
    /// `person`'s row of people(), or null when it has none (yet).
    [[nodiscard]] const PersonSummary* summaryOf(PersonId person) const;
    [[nodiscard]] const Stats& stats() const { return m_stats; }
    /// Hops from me by person id, read with people(); people not connected to me are missing. Empty
    /// when degrees are unavailable (no me, no graph).
    [[nodiscard]] const QHash<qint64, int>& degrees() const { return m_degrees; }
    /// Hops from me, or -1 when not connected or unknown.
    [[nodiscard]] int degreeOf(PersonId person) const { return m_degrees.value(person.value(), -1); }
    /// The me person, as read with people(); invalid when the workspace has none. Read in the
    /// background, so that no view asks the database for it on the UI thread.
    [[nodiscard]] PersonId me() const { return m_me; }
    /// How many probable duplicates wait for review, as read with people().
    [[nodiscard]] std::size_t mergeCandidateCount() const { return m_mergeCandidates; }

    // --- long writes and edits ----------------------------------------------------------------
    /// Announces background work that holds the current workspace's writer for long (see WriterHold);
    /// `reason` says so to the user, e.g. "Editing is paused until the import finishes."
    [[nodiscard]] WriterHold holdWriter(const QString& reason);
    /// True while a WriterHold on the current workspace lives.
    [[nodiscard]] bool isWriterHeld() const;
    /// A workspace is open and no long write holds its writer: an edit made now runs at once.
    [[nodiscard]] bool canEdit() const { return hasWorkspace() && !isWriterHeld(); }
    /// Why edits are paused (the reason of the oldest hold), or empty when they are not.
    [[nodiscard]] QString editsPausedReason() const;
    /// Makes the edit `command` (pushes it onto `stack`, which runs its redo()) when canEdit(), and
    /// returns true. Otherwise deletes it unrun, emits editRefused() and returns false: the way every
    /// control of the window makes its edits, so that none can wait for a long write on the UI thread.
    bool edit(QUndoStack& stack, QUndoCommand* command);

signals:
    /// A load started; the previous workspace stays current until loaded() or failed().
    void loadingStarted();
    /// The new workspace is current. peopleChanged() has already been emitted for it, so listeners can
    /// select rows right away.
    void loaded();
    /// A load failed; `message` says which file and why. The previous workspace, if any, is still current.
    void failed(const QString& message);
    /// people(), degrees() and stats() have new contents.
    void peopleChanged();
    /// canEdit() or editsPausedReason() changed: a long write began or ended, or a workspace was
    /// opened or closed.
    void editingChanged(bool possible);
    /// edit() refused an edit while a long write held the writer; `reason` is editsPausedReason().
    void editRefused(const QString& reason);

private:
    enum class Source { File, NewFile, Demo };

    void start(Source source, const QString& path, OpenMode mode);
    void show(detail::LoadResult& contents);
    friend class detail::HoldToken;
    /// Emits editingChanged() when canEdit() is no longer what was last said.
    void updateEditing();
    /// The database a hold taken now would hold: the open file's absolute path, or the demo load's
    /// own name; empty with nothing open. A hold counts while this database is the open one.
    [[nodiscard]] QString heldDatabase() const;

    /// Shared with background work on it (reloadPeople), so a swap cannot pull it from under a worker.
    std::shared_ptr<Workspace> m_workspace;
    std::vector<PersonSummary> m_people;
    QHash<qint64, std::size_t> m_rowOf;  ///< index in m_people by person id
    Stats m_stats;
    QHash<qint64, int> m_degrees;
    PersonId m_me;
    std::size_t m_mergeCandidates = 0;
    QString m_databasePath;
    bool m_isDemo = false;
    bool m_loading = false;
    std::uint64_t m_demoLoads = 0;  ///< names each demo load's database (heldDatabase())
    std::shared_ptr<detail::WriterHolds> m_holds;
    bool m_couldEdit = false;    ///< canEdit() as editingChanged() last said it
    QString m_pausedReason;      ///< editsPausedReason() as editingChanged() last said it
    Background m_loads{this};    ///< opening a database or the demo: a newer load supersedes
    Background m_reloads{this};  ///< reading the people again
};

}  // namespace warmpath::ui
