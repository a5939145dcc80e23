#include "commands/MergeCommand.h"

#include <utility>

#include <QCoreApplication>

#include "Format.h"
#include "Session.h"
#include "Workspace.h"

namespace warmpath::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("MergeCommand", text);
}

}  // namespace

MergeCommand::MergeCommand(Session& session, MergeCandidate candidate)
    : m_session(session), m_candidate(std::move(candidate))
{
    setText(tr("Merge %1").arg(toQString(m_candidate.secondName)));
}

MergeCommand::~MergeCommand() = default;

void MergeCommand::redo()
{
    m_error.clear();
    m_record.reset();
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr) {
        return;
    }
    auto merged = workspace->mergeUndoably(m_candidate.first, m_candidate.second);
    if (!merged) {
        m_error = toQString(merged.error().describe());
        return;
    }
    m_record = std::move(*merged);
    m_session.reloadPeople();
}

void MergeCommand::undo()
{
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr || !m_record) {
        return;  // the merge failed: nothing changed, nothing to undo
    }
    m_error.clear();
    if (Status undone = workspace->undoMerge(*m_record); !undone) {
        m_error = toQString(undone.error().describe());
        return;
    }
    m_record.reset();
    m_session.reloadPeople();
}

MergeRejectCommand::MergeRejectCommand(Session& session, MergeCandidate candidate)
    : m_session(session), m_candidate(std::move(candidate))
{
    setText(tr("Not the same: %1").arg(toQString(m_candidate.firstName)));
}

MergeRejectCommand::~MergeRejectCommand() = default;

void MergeRejectCommand::redo()
{
    m_error.clear();
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr) {
        return;
    }
    if (auto dismissed = workspace->dismissMergeCandidate(m_candidate.id); !dismissed) {
        m_error = toQString(dismissed.error().describe());
        m_failed = true;
        return;
    }
    m_failed = false;
    m_session.reloadPeople();  // the window's duplicate count follows peopleChanged()
}

void MergeRejectCommand::undo()
{
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr || m_failed) {
        return;  // a failed dismissal changed nothing
    }
    m_error.clear();
    auto queued =
        workspace->queueMergeCandidate(m_candidate.first, m_candidate.second, m_candidate.reason, m_candidate.batch);
    if (!queued) {
        m_error = toQString(queued.error().describe());
        return;
    }
    m_candidate.id = *queued;
    m_session.reloadPeople();
}

}  // namespace warmpath::ui
