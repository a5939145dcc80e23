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
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr) {
        return;
    }
    auto identities = workspace->identities(m_candidate.second);
    if (!identities) {
        m_error = toQString(identities.error().describe());
        m_moved.clear();
        return;
    }
    m_moved.clear();
    for (const Identity& identity : *identities) {
        m_moved.push_back(identity.network + ":" + identity.key);
    }
    if (Status merged = workspace->merge(m_candidate.first, m_candidate.second); !merged) {
        m_error = toQString(merged.error().describe());
        m_moved.clear();  // nothing changed: nothing for undo to split
        return;
    }
    m_session.reloadPeople();
}

void MergeCommand::undo()
{
    Workspace* workspace = m_session.workspace();
    if (workspace == nullptr) {
        return;
    }
    if (m_moved.empty()) {
        // The merge failed (nothing to undo) or the absorbed person had no identity to split off.
        if (m_error.isEmpty()) {
            m_error = tr("%1 had no identity of their own, so the merge cannot be split again.")
                          .arg(toQString(m_candidate.secondName));
        }
        return;
    }
    m_error.clear();
    auto restored = workspace->unmerge(m_candidate.first, m_moved);
    if (!restored) {
        m_error = toQString(restored.error().describe());
        return;
    }
    // The absorbed person comes back under a new id; a redo merges that one.
    m_candidate.second = *restored;
    if (auto queued = workspace->queueMergeCandidate(m_candidate.first, m_candidate.second, m_candidate.reason,
                                                     m_candidate.batch)) {
        m_candidate.id = *queued;
    }
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
