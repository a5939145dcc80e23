#pragma once

#include <cstdint>

#include <QString>
#include <QUndoCommand>

#include "model/PersonId.h"

namespace warmpath::ui {

class Session;

/// Adds a note to a person as an undoable step: undo deletes it, redo adds it again.
class NoteCommand final : public QUndoCommand {
public:
    NoteCommand(Session& session, PersonId person, QString text);
    ~NoteCommand() override;
    NoteCommand(const NoteCommand&) = delete;
    NoteCommand& operator=(const NoteCommand&) = delete;
    NoteCommand(NoteCommand&&) = delete;
    NoteCommand& operator=(NoteCommand&&) = delete;

    void redo() override;
    void undo() override;

private:
    Session& m_session;
    PersonId m_person;
    QString m_text;
    std::int64_t m_noteId = 0;
};

}  // namespace warmpath::ui
