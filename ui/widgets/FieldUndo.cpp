#include "widgets/FieldUndo.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextDocument>
#include <QTextEdit>

namespace warmpath::ui {

namespace {

bool isRedo(const QKeyEvent& event)
{
    // Ctrl+Shift+Z on every platform, beside the platform's own Redo (Ctrl+Y on Windows).
    return event.matches(QKeySequence::Redo) ||
           (event.key() == Qt::Key_Z && event.modifiers() == (Qt::ControlModifier | Qt::ShiftModifier));
}

bool documentTakes(const QTextDocument* document, bool redo)
{
    if (redo) {
        return document->isRedoAvailable();
    }
    return document->isUndoAvailable() && document->isModified() && !document->isEmpty();
}

}  // namespace

QList<QKeySequence> redoKeys(const QList<QKeySequence>& platformRedo)
{
    QList<QKeySequence> keys;
    for (const QKeySequence& key : platformRedo + QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)}) {
        if (!key.isEmpty() && !keys.contains(key)) {
            keys.append(key);
        }
    }
    return keys;
}

FieldUndoRouter::FieldUndoRouter(QWidget* window) : QObject(window), m_window(window)
{
    qApp->installEventFilter(this);
}

FieldUndoRouter::~FieldUndoRouter()
{
    qApp->removeEventFilter(this);
}

bool FieldUndoRouter::fieldTakes(const QWidget* field, const QKeyEvent& event)
{
    const bool redo = isRedo(event);
    if (const auto* line = qobject_cast<const QLineEdit*>(field)) {
        if (line->isReadOnly()) {
            return false;
        }
        // setText() (the program filling the field) starts the history afresh: only the user's own
        // typing, not yet cleared away by committing it, is undone in the field.
        return redo ? line->isRedoAvailable()
                    : line->isUndoAvailable() && line->isModified() && !line->text().isEmpty();
    }
    if (const auto* plain = qobject_cast<const QPlainTextEdit*>(field)) {
        return !plain->isReadOnly() && documentTakes(plain->document(), redo);
    }
    if (const auto* rich = qobject_cast<const QTextEdit*>(field)) {
        return !rich->isReadOnly() && documentTakes(rich->document(), redo);
    }
    // A spin box or date edit commits its value as it changes: there is no typing of its own to undo.
    return qobject_cast<const QAbstractSpinBox*>(field) == nullptr;
}

bool FieldUndoRouter::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::ShortcutOverride || !watched->isWidgetType()) {
        return false;
    }
    auto* key = static_cast<QKeyEvent*>(event);
    if (!key->matches(QKeySequence::Undo) && !isRedo(*key)) {
        return false;
    }
    auto* field = static_cast<QWidget*>(watched);
    if (field->window() != m_window || fieldTakes(field, *key)) {
        return false;
    }
    // Not accepted: the key is not the field's, so the window's Undo or Redo shortcut takes it.
    key->ignore();
    return true;
}

}  // namespace warmpath::ui
