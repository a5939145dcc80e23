#pragma once

#include <cstdint>

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

}  // namespace warmpath::ui
