#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>

class QKeyEvent;
class QWidget;

namespace warmpath::ui {

/// The keys of Edit ▸ Redo: the platform's Redo keys (`platformRedo`, Ctrl+Y first on Windows) and
/// Ctrl+Shift+Z everywhere, each once. On Linux the platform's Redo is Ctrl+Shift+Z itself; binding it
/// twice to one action makes it an "ambiguous shortcut" that does nothing.
[[nodiscard]] QList<QKeySequence> redoKeys(const QList<QKeySequence>& platformRedo);

/// Decides who answers Ctrl+Z and the redo keys while a text field has the focus. A line edit or text
/// edit claims both keys for itself whenever it has focus, so the application's Edit ▸ Undo could
/// never be reached from the search field or any other field. Here a field keeps Undo only while it
/// holds unsaved text of the user's (typing not yet committed: it is modified and not empty), and Redo
/// only while it has typing to redo; otherwise the keys go to the window's Undo and Redo.
class FieldUndoRouter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldUndoRouter)

public:
    /// Routes the keys for the fields inside `window`; installs itself on the application.
    explicit FieldUndoRouter(QWidget* window);
    ~FieldUndoRouter() override;

    /// True when `field` should take `event` (an undo or redo key) itself.
    [[nodiscard]] static bool fieldTakes(const QWidget* field, const QKeyEvent& event);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* m_window;
};

}  // namespace warmpath::ui
