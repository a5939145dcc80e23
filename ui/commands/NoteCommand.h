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

/// Changes the text of a note as an undoable step: undo puts the previous text back.
class EditNoteCommand final : public QUndoCommand {
public:
    EditNoteCommand(Session& session, std::int64_t noteId, QString previousText, QString text);
    ~EditNoteCommand() override;
    EditNoteCommand(const EditNoteCommand&) = delete;
    EditNoteCommand& operator=(const EditNoteCommand&) = delete;
    EditNoteCommand(EditNoteCommand&&) = delete;
    EditNoteCommand& operator=(EditNoteCommand&&) = delete;

    void redo() override;
    void undo() override;

private:
    void write(const QString& text);

    Session& m_session;
    std::int64_t m_noteId;
    QString m_previousText;
    QString m_text;
};

}  // namespace warmpath::ui
