#pragma once

#include <cstdint>
#include <optional>

#include <QString>
#include <QUndoCommand>

#include "Workspace.h"
#include "model/Workflow.h"

namespace warmpath::ui {

class Session;

/// Moves an introduction request on (draft → asked → introduced / declined) as an undoable step; undo
/// puts the previous status back and removes the `knows` links that "introduced" created between me
/// and the target (Workspace::revertIntroStatus), never one that existed before.
class IntroCommand final : public QUndoCommand {
public:
    IntroCommand(Session& session, std::int64_t introId, IntroStatus previous, IntroStatus status,
                 const QString& targetName);
    ~IntroCommand() override;
    IntroCommand(const IntroCommand&) = delete;
    IntroCommand& operator=(const IntroCommand&) = delete;
    IntroCommand(IntroCommand&&) = delete;
    IntroCommand& operator=(IntroCommand&&) = delete;

    void redo() override;
    void undo() override;

    /// The status as the user reads it ("Asked").
    [[nodiscard]] static QString statusName(IntroStatus status);

private:
    Session& m_session;
    std::int64_t m_introId;
    IntroStatus m_previous;
    IntroStatus m_status;
    /// What the last redo changed (its links are what undo removes).
    IntroStatusChange m_change;
};

/// A request the user has just recorded (saved or copied from the draft window), as an undoable step:
/// undo deletes it, redo puts it back under the same id and as it was, so that later steps about it
/// still find it. Pushed after Workspace::recordIntro() succeeded: its first redo only refreshes.
class RecordIntroCommand final : public QUndoCommand {
public:
    RecordIntroCommand(Session& session, IntroRequest recorded, const QString& targetName);
    ~RecordIntroCommand() override;
    RecordIntroCommand(const RecordIntroCommand&) = delete;
    RecordIntroCommand& operator=(const RecordIntroCommand&) = delete;
    RecordIntroCommand(RecordIntroCommand&&) = delete;
    RecordIntroCommand& operator=(RecordIntroCommand&&) = delete;

    void redo() override;
    void undo() override;

private:
    Session& m_session;
    IntroRequest m_request;
    bool m_recorded = true;
};

/// A recorded request's message, edited in the draft window after it was saved, as an undoable step.
class EditIntroMessageCommand final : public QUndoCommand {
public:
    EditIntroMessageCommand(Session& session, std::int64_t introId, QString previous, QString message,
                            const QString& targetName);
    ~EditIntroMessageCommand() override;
    EditIntroMessageCommand(const EditIntroMessageCommand&) = delete;
    EditIntroMessageCommand& operator=(const EditIntroMessageCommand&) = delete;
    EditIntroMessageCommand(EditIntroMessageCommand&&) = delete;
    EditIntroMessageCommand& operator=(EditIntroMessageCommand&&) = delete;

    void redo() override;
    void undo() override;

private:
    void store(const QString& message);

    Session& m_session;
    std::int64_t m_introId;
    QString m_previous;
    QString m_message;
};

/// Deletes an introduction request as an undoable step; undo puts it back as it was (same id,
/// status, message and dates).
class DeleteIntroCommand final : public QUndoCommand {
public:
    DeleteIntroCommand(Session& session, std::int64_t introId, const QString& targetName);
    ~DeleteIntroCommand() override;
    DeleteIntroCommand(const DeleteIntroCommand&) = delete;
    DeleteIntroCommand& operator=(const DeleteIntroCommand&) = delete;
    DeleteIntroCommand(DeleteIntroCommand&&) = delete;
    DeleteIntroCommand& operator=(DeleteIntroCommand&&) = delete;

    void redo() override;
    void undo() override;

private:
    Session& m_session;
    std::int64_t m_introId;
    /// The request as it was before the last redo deleted it.
    std::optional<IntroRequest> m_deleted;
};

}  // namespace warmpath::ui
