#include "commands/DismissCommand.h"

#include <QCoreApplication>

#include "Session.h"
#include "Workspace.h"

namespace warmpath::ui {

DismissCommand::DismissCommand(Session& session, PersonId forPerson, PersonId person, const QString& name)
    : m_session(session), m_forPerson(forPerson), m_person(person)
{
    setText(QCoreApplication::translate("DismissCommand", "Dismiss suggestion %1").arg(name));
}

DismissCommand::~DismissCommand() = default;

void DismissCommand::redo()
{
    if (Workspace* workspace = m_session.workspace()) {
        if (!workspace->setSuggestionDismissed(m_forPerson, m_person, true)) {
            setObsolete(true);
        }
    }
}

void DismissCommand::undo()
{
    if (Workspace* workspace = m_session.workspace()) {
        (void)workspace->setSuggestionDismissed(m_forPerson, m_person, false);
    }
}

}  // namespace warmpath::ui
