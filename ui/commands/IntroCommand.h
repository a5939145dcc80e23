#pragma once

#include <cstdint>

#include <QString>
#include <QUndoCommand>

#include "model/Workflow.h"

namespace warmpath::ui {

class Session;

/// Moves an introduction request on (draft → asked → introduced / declined) as an undoable step; undo
/// puts the previous status back. The `knows` link that "introduced" records between me and the
/// target stays when that is undone: it may have existed before, and a link is never dropped silently.
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
    void write(IntroStatus status);

    Session& m_session;
    std::int64_t m_introId;
    IntroStatus m_previous;
    IntroStatus m_status;
};

}  // namespace warmpath::ui
