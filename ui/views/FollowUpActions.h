#pragma once

#include <functional>

#include <QDate>
#include <QObject>
#include <QString>

#include "model/PersonId.h"

class QAbstractItemView;
class QMenu;
class QUndoStack;
class QWidget;

namespace warmpath::ui {

class EditGate;
class Session;

/// The follow-up edits the suggestions and the follow-up queue both offer for the person selected in
/// their table, each one undoable FollowUpCommand: plan it (in 3 days … a month, or on a day picked in a
/// calendar), snooze it (a week, a month) and mark them contacted. One place builds the menus, so the two
/// views cannot drift apart; each view puts them where it wants (a tool button, the table's context menu).
class FollowUpActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FollowUpActions)

public:
    /// Who the edits are for: the selected person and their name (an invalid id when nobody is).
    struct Target {
        PersonId person;
        QString name;
    };
    using SelectedTarget = std::function<Target()>;

    FollowUpActions(Session& session, QUndoStack& undoStack, SelectedTarget selected, QWidget* parent);
    ~FollowUpActions() override;

    /// "In 3 days", "In a week", "In 2 weeks", "In a month", "On a date…".
    [[nodiscard]] QMenu* planMenu() const { return m_planMenu; }
    /// "For a week", "For a month".
    [[nodiscard]] QMenu* snoozeMenu() const { return m_snoozeMenu; }

    /// Gives `view` a context menu for the row under the mouse: the plan and snooze menus, mark
    /// contacted (each where wanted) and `extra` actions the view adds, e.g. "Find path".
    enum Part { Plan = 1, Snooze = 2, MarkContacted = 4 };
    void attachContextMenu(QAbstractItemView* view, int parts, const std::function<void(QMenu&)>& extra = {});

    void plan(QDate due);
    void snooze(int days);
    void markContacted();

private:
    void pickDate();

    Session& m_session;
    QUndoStack& m_undoStack;
    SelectedTarget m_selected;
    QWidget* m_parent;
    QMenu* m_planMenu;
    QMenu* m_snoozeMenu;
    EditGate* m_edits;
};

}  // namespace warmpath::ui
