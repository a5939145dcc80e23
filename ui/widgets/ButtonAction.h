#pragma once

#include <QString>

class QAbstractButton;
class QAction;
class QObject;

namespace warmpath::ui {

/// A menu entry for a view's `button`: triggering it clicks the button, and it is enabled exactly
/// while the button is shown and enabled, so that the menu and the button cannot disagree and every
/// command of a view is reachable from the menus (and by a shortcut) as well as by the mouse.
QAction* menuActionFor(QAbstractButton* button, const QString& text, QObject* parent);
/// Records that `action`, already in a menu, does what `button` does (the same command for the same
/// person), so that the button needs no entry of its own.
void setMenuActionOf(QAbstractButton* button, QAction* action);
/// The menu entry menuActionFor() made for `button`, or the one setMenuActionOf() named; null when none.
[[nodiscard]] QAction* menuActionOf(const QAbstractButton* button);

}  // namespace warmpath::ui
