#pragma once

#include <cstdint>

#include <QWidget>

#include "model/PersonId.h"
#include "model/Workflow.h"

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;
class QUndoStack;

namespace warmpath::ui {

class FollowUpsModel;
class IntroRequestsModel;
class Session;

/// The follow-up queue: overdue (red), due this week (amber) and later, with the cadence and the tag it
/// is inherited from; snooze (a week or a month) and mark contacted as undoable steps; export as an
/// iCalendar file. Below it, the introduction requests with their status, changeable (undoable too).
/// Read off the UI thread.
class FollowUpsView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FollowUpsView)

public:
    FollowUpsView(Session& session, QUndoStack& undoStack, QWidget* parent = nullptr);
    ~FollowUpsView() override;

    void refresh();
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] FollowUpsModel* model() const { return m_model; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] IntroRequestsModel* introsModel() const { return m_introsModel; }
    [[nodiscard]] QTableView* introsTable() const { return m_intros; }
    /// Moves the selected introduction request to `status`.
    void setSelectedIntroStatus(IntroStatus status);
    /// Hides the selected person's follow-up for `days`.
    void snoozeSelected(int days);
    /// Records contact today with the selected person.
    void markSelectedContacted();
    /// Writes the queue to `path` as iCalendar; returns an error message or empty.
    QString exportIcs(const QString& path);

signals:
    void refreshed();
    void personSelected(warmpath::PersonId person);

private:
    [[nodiscard]] PersonId selectedPerson() const;
    [[nodiscard]] QString selectedName() const;

    Session& m_session;
    QUndoStack& m_undoStack;
    bool m_busy = false;
    std::uint64_t m_generation = 0;

    QLabel* m_summary;
    QTableView* m_table;
    QToolButton* m_snooze;
    QPushButton* m_contacted;
    QPushButton* m_export;
    FollowUpsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLabel* m_introsTitle;
    QTableView* m_intros;
    QToolButton* m_introStatus;
    IntroRequestsModel* m_introsModel;
    QSortFilterProxyModel* m_introsProxy;
};

}  // namespace warmpath::ui
