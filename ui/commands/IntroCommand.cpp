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

RecordIntroCommand::RecordIntroCommand(Session& session, IntroRequest recorded, const QString& targetName)
    : m_session(session), m_request(std::move(recorded))
{
    setText(QCoreApplication::translate("IntroCommand", "Save introduction request to %1").arg(targetName));
}

RecordIntroCommand::~RecordIntroCommand() = default;

void RecordIntroCommand::redo()
{
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr) {
        return;
    }
    if (!m_recorded) {
        if (!workspace->restoreIntro(m_request)) {
            setObsolete(true);
            return;
        }
        m_recorded = true;
    }
    m_session.reloadPeople();
}

void RecordIntroCommand::undo()
{
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr) {
        return;
    }
    // Put back later exactly as it stands now: a status set since is part of what redo restores.
    auto deleted = workspace->deleteIntro(m_request.id);
    if (!deleted) {
        setObsolete(true);
        return;
    }
    m_request = std::move(*deleted);
    m_recorded = false;
    m_session.reloadPeople();
}

EditIntroMessageCommand::EditIntroMessageCommand(Session& session, std::int64_t introId, QString previous,
                                                 QString message, const QString& targetName)
    : m_session(session), m_introId(introId), m_previous(std::move(previous)), m_message(std::move(message))
{
    setText(QCoreApplication::translate("IntroCommand", "Edit introduction request to %1").arg(targetName));
}

EditIntroMessageCommand::~EditIntroMessageCommand() = default;

void EditIntroMessageCommand::redo()
{
    store(m_message);
}

void EditIntroMessageCommand::undo()
{
    store(m_previous);
}

void EditIntroMessageCommand::store(const QString& message)
{
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr) {
        return;
    }
    if (!workspace->editIntroMessage(m_introId, message.toStdString())) {
        setObsolete(true);  // the request is gone (deleted since, or its recording undone)
        return;
    }
    m_session.reloadPeople();
}

DeleteIntroCommand::DeleteIntroCommand(Session& session, std::int64_t introId, const QString& targetName)
    : m_session(session), m_introId(introId)
{
    setText(QCoreApplication::translate("IntroCommand", "Delete introduction request to %1").arg(targetName));
}

DeleteIntroCommand::~DeleteIntroCommand() = default;

void DeleteIntroCommand::redo()
{
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr) {
        return;
    }
    auto deleted = workspace->deleteIntro(m_introId);
    if (!deleted) {
        setObsolete(true);
        return;
    }
    m_deleted = std::move(*deleted);
    m_session.reloadPeople();
}

void DeleteIntroCommand::undo()
{
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr || !m_deleted) {
        return;
    }
    if (!workspace->restoreIntro(*m_deleted)) {
        setObsolete(true);
        return;
    }
    m_deleted.reset();
    m_session.reloadPeople();
}

}  // namespace warmpath::ui
