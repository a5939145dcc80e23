#pragma once

#include <cstdint>

#include <QDate>
#include <QWidget>

#include "Background.h"
#include "model/PersonId.h"

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QUndoStack;

namespace warmpath::ui {

class EditGate;
class FollowUpActions;
class Session;
class SuggestionsModel;

/// Suggestions: people at the edge of your network worth meeting, ranked by a metric you choose, each
/// with the reason ("followed by 7 of the people you follow: Ana, Bo, …"), optionally counting only
/// contacts with one tag. Actions: find a path, tag, set a follow-up (in N days or on a date), dismiss
/// (remembered); the edits are undoable. Computed off the
/// UI thread.
class SuggestionsView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SuggestionsView)

public:
    SuggestionsView(Session& session, QUndoStack& undoStack, QWidget* parent = nullptr);
    ~SuggestionsView() override;

    /// Computes the suggestions again with the current metric and tag.
    void refresh();
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] SuggestionsModel* model() const { return m_model; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] QComboBox* metricBox() const { return m_metric; }
    /// Dismisses the selected suggestion.
    void dismissSelected();
    /// Plans a follow-up with the selected suggestion on `due` (undoable).
    void followUpSelected(QDate due);
    /// Selects and shows `person`'s row, now or once the suggestions are computed; false while they
    /// are not listed (yet).
    bool selectPerson(PersonId person);

signals:
    void refreshed();
    void personSelected(warmpath::PersonId person);
    void findPathRequested(warmpath::PersonId person);
    void tagRequested(warmpath::PersonId person);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void onLoaded();
    [[nodiscard]] PersonId selectedPerson() const;
    [[nodiscard]] QString selectedName() const;

    Session& m_session;
    QUndoStack& m_undoStack;
    bool m_busy = false;
    bool m_stale = true;
    Background m_background{this};

    QComboBox* m_metric;
    QComboBox* m_viaTag;
    QLabel* m_summary;
    QTableView* m_table;
    QPushButton* m_findPath;
    QPushButton* m_tag;
    QPushButton* m_followUp;
    QPushButton* m_dismiss;
    SuggestionsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    FollowUpActions* m_followUpActions;
    EditGate* m_edits;  ///< tag, follow up, dismiss
    /// Who should be selected: kept across refreshes, and set by selectPerson() before the rows exist.
    PersonId m_wanted;
    /// Selecting for selectPerson(): the window asked, so it is not told back.
    bool m_selectingQuietly = false;
};

}  // namespace warmpath::ui
