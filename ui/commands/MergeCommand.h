#pragma once

#include <optional>

#include <QString>
#include <QUndoCommand>

#include "model/PersonId.h"
#include "store/MergeReview.h"
#include "store/MergeUndo.h"

namespace warmpath::ui {

class Session;

/// Merges a probable duplicate into the person kept, as one undoable step. Undo (Workspace::undoMerge,
/// one transaction) puts both people back exactly as they were: the absorbed person under their own id
/// with their identities, links, tags, notes, follow-up, intro requests and details, the kept person
/// without what the merge gave them, and the pair back in the review queue.
class MergeCommand final : public QUndoCommand {
public:
    /// Merges `candidate.second` into `candidate.first`.
    MergeCommand(Session& session, MergeCandidate candidate);
    ~MergeCommand() override;
    MergeCommand(const MergeCommand&) = delete;
    MergeCommand& operator=(const MergeCommand&) = delete;
    MergeCommand(MergeCommand&&) = delete;
    MergeCommand& operator=(MergeCommand&&) = delete;

    void redo() override;
    void undo() override;

    /// Why the last redo or undo failed, or empty.
    [[nodiscard]] QString error() const { return m_error; }
    /// The person merged away (after an undo, back under the same id).
    [[nodiscard]] PersonId absorbed() const { return m_candidate.second; }

private:
    Session& m_session;
    MergeCandidate m_candidate;
    /// What the last redo changed; empty when it failed (then undo has nothing to do).
    std::optional<MergeRecord> m_record;
    QString m_error;
};

/// "Not the same person": takes a probable duplicate out of the review queue; undo queues it again.
class MergeRejectCommand final : public QUndoCommand {
public:
    MergeRejectCommand(Session& session, MergeCandidate candidate);
    ~MergeRejectCommand() override;
    MergeRejectCommand(const MergeRejectCommand&) = delete;
    MergeRejectCommand& operator=(const MergeRejectCommand&) = delete;
    MergeRejectCommand(MergeRejectCommand&&) = delete;
    MergeRejectCommand& operator=(MergeRejectCommand&&) = delete;

    void redo() override;
    void undo() override;

    [[nodiscard]] QString error() const { return m_error; }

private:
    Session& m_session;
    MergeCandidate m_candidate;
    QString m_error;
    bool m_failed = false;
};

}  // namespace warmpath::ui
