#include "commands/IntroCommand.h"

#include <utility>

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

void IntroCommand::redo()
{
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr) {
        return;
    }
    auto changed = workspace->changeIntroStatus(m_introId, m_status);
    if (!changed) {
        setObsolete(true);
        return;
    }
    m_change = std::move(*changed);
    m_session.reloadPeople();
}

void IntroCommand::undo()
{
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr) {
        return;
    }
    if (!workspace->revertIntroStatus(m_change, m_previous)) {
        setObsolete(true);
        return;
    }
    m_change.addedLinks.clear();
    m_session.reloadPeople();
}

}  // namespace warmpath::ui
