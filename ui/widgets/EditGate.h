#pragma once

#include <vector>

#include <QObject>
#include <QPointer>

class QAction;
class QActionGroup;
class QLabel;
class QWidget;

namespace warmpath::ui {

class Session;

/// The controls of one window, view or dialog that make edits — buttons, fields, menu entries, the
/// undo and redo actions — enabled only while the session can edit (Session::canEdit()). While a long
/// write holds the workspace's writer they are disabled; afterwards each is as its owner wants it, so
/// an owner keeps its own rules (a button needs a selected row) and the gate adds this one.
///
/// An action is simply added: the gate puts it in a QActionGroup of its own, and Qt keeps an action
/// whose group is disabled disabled whatever its owner (a QUndoStack, a view) sets. A widget's owner
/// says through setEnabled() whether it wants the widget enabled, instead of calling the widget's.
class EditGate final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditGate)

public:
    EditGate(Session& session, QObject* parent);
    ~EditGate() override;

    /// Gates `action` from now on (an action is in at most one gate).
    void add(QAction* action);
    /// Gates `widget` from now on, and says whether its owner wants it enabled.
    void setEnabled(QWidget* widget, bool wanted = true);
    /// Whether the gate lets edits through now.
    [[nodiscard]] bool isOpen() const;

private:
    void apply(QWidget* widget) const;
    void update();

    Session& m_session;
    QActionGroup* m_actions;
    std::vector<QPointer<QWidget>> m_widgets;
};

/// A line that says why edits are paused (Session::editsPausedReason()) while they are, and is hidden
/// otherwise: put beside a gate's controls where the status bar is far away (the details panel, a dialog).
[[nodiscard]] QLabel* editsPausedNote(Session& session, QWidget* parent);

}  // namespace warmpath::ui
