#include "commands/NoteCommand.h"

#include <QCoreApplication>

#include "Session.h"
#include "Workspace.h"

namespace warmpath::ui {

NoteCommand::NoteCommand(Session& session, PersonId person, QString text)
    : m_session(session), m_person(person), m_text(std::move(text))
{
    setText(QCoreApplication::translate("NoteCommand", "Add note"));
}

NoteCommand::~NoteCommand() = default;

void NoteCommand::redo()
{
    if (Workspace* workspace = m_session.workspace()) {
        auto note = workspace->addNote(m_person, m_text.toStdString());
        if (!note) {
            setObsolete(true);
            return;
        }
        m_noteId = note->id;
        m_session.reloadPeople();
    }
}

void NoteCommand::undo()
{
    if (Workspace* workspace = m_session.workspace(); workspace != nullptr && m_noteId != 0) {
        (void)workspace->deleteNote(m_noteId);
        m_noteId = 0;
        m_session.reloadPeople();
    }
}

EditNoteCommand::EditNoteCommand(Session& session, std::int64_t noteId, QString previousText, QString text)
    : m_session(session), m_noteId(noteId), m_previousText(std::move(previousText)), m_text(std::move(text))
{
    setText(QCoreApplication::translate("NoteCommand", "Edit note"));
}

EditNoteCommand::~EditNoteCommand() = default;

void EditNoteCommand::write(const QString& text)
{
    if (Workspace* workspace = m_session.workspace()) {
        if (!workspace->editNote(m_noteId, text.toStdString())) {
            setObsolete(true);
            return;
        }
        m_session.reloadPeople();
    }
}

void EditNoteCommand::redo()
{
    write(m_text);
}

void EditNoteCommand::undo()
{
    write(m_previousText);
}

}  // namespace warmpath::ui
