#pragma once

#include <string>
#include <vector>

#include <QString>
#include <QUndoCommand>

#include "model/PersonId.h"
#include "store/MergeReview.h"

namespace warmpath::ui {

class Session;

/// Merges a probable duplicate into the person kept, as one undoable step. Undo splits off the
/// identities the merge moved (Workspace::unmerge, one transaction), which gives the absorbed person
/// back with their details and links, and puts the pair back in the review queue. Tags, notes and
/// follow-ups the merge combined stay with the kept person: nothing is lost either way.
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
    /// The person merged away; after an undo, the person who stands for them again.
    [[nodiscard]] PersonId absorbed() const { return m_candidate.second; }

private:
    Session& m_session;
    MergeCandidate m_candidate;
    /// `NETWORK:KEY` of every identity the merge moved, read before each merge.
    std::vector<std::string> m_moved;
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
