#include "commands/IntroCommand.h"

#include <QCoreApplication>

#include "Session.h"
#include "Workspace.h"

namespace warmpath::ui {

IntroCommand::IntroCommand(Session& session, std::int64_t introId, IntroStatus previous, IntroStatus status,
                           const QString& targetName)
    : m_session(session), m_introId(introId), m_previous(previous), m_status(status)
{
    setText(QCoreApplication::translate("IntroCommand", "Mark introduction to %1 %2")
                .arg(targetName, statusName(status).toLower()));
}

IntroCommand::~IntroCommand() = default;

QString IntroCommand::statusName(IntroStatus status)
{
    switch (status) {
    case IntroStatus::Draft:
        return QCoreApplication::translate("IntroCommand", "Draft");
    case IntroStatus::Asked:
        return QCoreApplication::translate("IntroCommand", "Asked");
    case IntroStatus::Introduced:
        return QCoreApplication::translate("IntroCommand", "Introduced");
    case IntroStatus::Declined:
        return QCoreApplication::translate("IntroCommand", "Declined");
    }
    return {};
}

void IntroCommand::write(IntroStatus status)
{
    if (Workspace* workspace = m_session.workspace()) {
        if (!workspace->setIntroStatus(m_introId, status)) {
            setObsolete(true);
            return;
        }
        m_session.reloadPeople();
    }
}

void IntroCommand::redo()
{
    write(m_status);
}

void IntroCommand::undo()
{
    write(m_previous);
}

}  // namespace warmpath::ui
