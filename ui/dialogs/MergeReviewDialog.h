#pragma once

#include <optional>
#include <vector>

#include <QDialog>

#include "store/MergeReview.h"

class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QUndoStack;

namespace warmpath::ui {

class EditGate;
class Session;

/// Edit ▸ Review possible duplicates…: the probable duplicates imports queued, one pair at a time side
/// by side (names, identities, organisation, why they were flagged), with Merge, Not the same and Skip.
/// Merge and Not the same are commands on the window's undo stack.
class MergeReviewDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MergeReviewDialog)

public:
    MergeReviewDialog(Session& session, QUndoStack& undoStack, QWidget* parent = nullptr);
    ~MergeReviewDialog() override;

    /// Reads the queue again, keeping the current pair when it is still there.
    void reload();
    [[nodiscard]] int candidateCount() const { return static_cast<int>(m_candidates.size()); }
    /// The pair shown, if any.
    [[nodiscard]] std::optional<MergeCandidate> currentCandidate() const;
    /// Merges the pair shown: the right-hand person into the left-hand one.
    void mergeCurrent();
    /// Says the pair shown are two people; they leave the queue.
    void rejectCurrent();
    /// Leaves the pair in the queue and shows the next.
    void skipCurrent();
    /// Keeps the right-hand person instead of the left-hand one.
    void swapSides();
    /// The last error a merge or its undo reported, or empty.
    [[nodiscard]] QString lastError() const { return m_lastError; }

private:
    void showCandidate(int row);
    void fillSide(QGroupBox* box, PersonId person, const QString& title);
    void updateButtons();

    Session& m_session;
    QUndoStack& m_undoStack;
    std::vector<MergeCandidate> m_candidates;
    bool m_swapped = false;
    QString m_lastError;

    QLabel* m_countLabel = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_reason = nullptr;
    QGroupBox* m_keptBox = nullptr;
    QGroupBox* m_absorbedBox = nullptr;
    QPushButton* m_mergeButton = nullptr;
    QPushButton* m_rejectButton = nullptr;
    QPushButton* m_skipButton = nullptr;
    QPushButton* m_swapButton = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    EditGate* m_edits = nullptr;  ///< merge and "not the same"
};

}  // namespace warmpath::ui
