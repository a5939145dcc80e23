#pragma once

#include <QList>

class QWidget;

namespace warmpath::ui {

/// One of the panes Tab moves between: an `area` of the window (a view, the details panel) and its
/// `primary` widget, the list or map that Tab lands on (null: the area's first control).
struct Pane {
    QWidget* area = nullptr;
    QWidget* primary = nullptr;
};

/// Where Tab (`next`) or Shift+Tab goes from `focus` among `panes` (in order, as the window shows them):
/// within a pane from control to control as Qt's focus chain has them, but from a pane's list or map,
/// and from its last control, on to the next pane's list or map. Lists never take Tab cell by cell.
/// Null when `focus` is in none of the panes (Qt's own order then applies).
[[nodiscard]] QWidget* paneFocusTarget(const QList<Pane>& panes, QWidget* focus, bool next);

}  // namespace warmpath::ui
