#pragma once

#include <QUndoCommand>

#include "model/PersonId.h"

namespace warmpath::ui {

class Session;
class SuggestionsModel;

/// Dismisses a suggestion (remembered in the database) as an undoable step; undo brings it back
/// into the database, and the panel shows it again with its next refresh.
class DismissCommand final : public QUndoCommand {
public:
    DismissCommand(Session& session, PersonId forPerson, PersonId person, const QString& name);
    ~DismissCommand() override;
    DismissCommand(const DismissCommand&) = delete;
    DismissCommand& operator=(const DismissCommand&) = delete;
    DismissCommand(DismissCommand&&) = delete;
    DismissCommand& operator=(DismissCommand&&) = delete;

    void redo() override;
    void undo() override;

private:
    Session& m_session;
    PersonId m_forPerson;
    PersonId m_person;
};

}  // namespace warmpath::ui
