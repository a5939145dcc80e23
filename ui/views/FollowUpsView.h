#pragma once

#include <cstdint>

#include <QWidget>

#include "Background.h"
#include "model/PersonId.h"
#include "model/Workflow.h"

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QUndoStack;

namespace warmpath::ui {

class EditGate;
class FollowUpActions;
class FollowUpsModel;
class IntroRequestsModel;
class Session;

/// The follow-up queue: overdue (red), due this week (amber) and later, with the cadence and the tag it
/// is inherited from; snooze (a week or a month) and mark contacted as undoable steps; export as an
/// iCalendar file. Below it, the introduction requests with their status, changeable, and deletable
/// (undoable too).
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
    /// Deletes the selected introduction request (one undoable step).
    void deleteSelectedIntro();
    /// Hides the selected person's follow-up for `days`.
    void snoozeSelected(int days);
    /// Records contact today with the selected person.
    void markSelectedContacted();
    /// Selects and shows `person`'s follow-up, now or once the queue is read; false while it is not
    /// listed (yet).
    bool selectPerson(PersonId person);
    /// Writes the queue to `path` as iCalendar in the background, then says so in the summary and
    /// emits exported().
    void exportIcs(const QString& path);

signals:
    void refreshed();
    /// An exportIcs() ended: `error` is empty when the file was written.
    void exported(const QString& error);
    void personSelected(warmpath::PersonId person);

private:
    [[nodiscard]] PersonId selectedPerson() const;
    [[nodiscard]] QString selectedName() const;

    Session& m_session;
    QUndoStack& m_undoStack;
    bool m_busy = false;
    Background m_background{this};
    Background m_icsWriter{this};  ///< writing the .ics file: a read of the whole queue

    QLabel* m_summary;
    QTableView* m_table;
    QPushButton* m_snooze;
    QPushButton* m_contacted;
    QPushButton* m_export;
    FollowUpsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLabel* m_introsTitle;
    QTableView* m_intros;
    QPushButton* m_introStatus;
    QPushButton* m_deleteIntro;
    IntroRequestsModel* m_introsModel;
    QSortFilterProxyModel* m_introsProxy;
    FollowUpActions* m_followUpActions;
    EditGate* m_edits;  ///< snooze, mark contacted, the intro requests' status and delete
    /// Who should be selected: kept across refreshes, and set by selectPerson() before the rows exist.
    PersonId m_wanted;
    /// Selecting for selectPerson(): the window asked, so it is not told back.
    bool m_selectingQuietly = false;
};

}  // namespace warmpath::ui
