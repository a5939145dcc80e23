#pragma once

#include <optional>

#include <QDate>
#include <QString>
#include <QUndoCommand>

#include "model/PersonId.h"
#include "store/Workflow.h"

namespace warmpath::ui {

class Session;

/// One change to a person's follow-up as an undoable step: schedule a date or clear it, set or clear
/// their own cadence, snooze, or mark them contacted. The first redo asks core to do it (so "done" plans the next
/// date from the cadence as the CLI does); undo puts back the follow-up exactly as it was stored before,
/// and a later redo exactly as the first one left it.
class FollowUpCommand final : public QUndoCommand {
public:
    struct Edit {
        enum class Kind { Schedule, SetCadence, Snooze, MarkContacted, ClearDue };
        Kind kind = Kind::Schedule;
        QDate due;                       ///< Schedule: the new due date
        std::optional<int> cadenceDays;  ///< Schedule: a new own cadence (kept when unset); SetCadence: unset clears it
        int snoozeDays = 0;              ///< Snooze
    };

    FollowUpCommand(Session& session, PersonId person, const QString& name, Edit edit);
    ~FollowUpCommand() override;
    FollowUpCommand(const FollowUpCommand&) = delete;
    FollowUpCommand& operator=(const FollowUpCommand&) = delete;
    FollowUpCommand(FollowUpCommand&&) = delete;
    FollowUpCommand& operator=(FollowUpCommand&&) = delete;

    void redo() override;
    void undo() override;

    /// Why the first redo failed (the command is then obsolete), or empty.
    [[nodiscard]] QString error() const { return m_error; }

private:
    [[nodiscard]] bool applyFirstTime();

    Session& m_session;
    PersonId m_person;
    Edit m_edit;
    bool m_applied = false;
    std::optional<FollowUpRecord> m_before;
    std::optional<FollowUpRecord> m_after;
    QString m_error;
};

}  // namespace warmpath::ui
