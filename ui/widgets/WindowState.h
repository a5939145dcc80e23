#pragma once

#include <QMargins>
#include <QRect>
#include <QStringList>

class QComboBox;
class QSettings;
class QWidget;

namespace warmpath::ui {

// Remembers how the user arranged the window: every named splitter's sizes, every named table's
// columns (widths, order, sort) and every named combo box marked with rememberChoice() under `root`,
// keyed by object name, so that a view gains this by naming its widgets and needs no settings code of
// its own.

/// Marks a named combo box whose choice (its current item's data) saveWidgetStates() remembers. Only
/// marked ones: most combo boxes show a value of the data (a status, a person), not a preference.
void rememberChoice(QComboBox& combo);

/// Writes the state under the group `group` of `settings`; widgets named in `except` are left out.
void saveWidgetStates(QSettings& settings, const QString& group, const QWidget& root, const QStringList& except = {});
/// Restores what saveWidgetStates() wrote; anything missing or unreadable keeps its default.
void restoreWidgetStates(const QSettings& settings, const QString& group, QWidget& root,
                         const QStringList& except = {});

/// `frame` moved and shrunk no more than needed to lie inside `available`: a window never opens
/// larger than the screen or partly off it.
[[nodiscard]] QRect fitInto(const QRect& frame, const QRect& available);
/// Keeps `window` inside the available area of its screen (without panels and docks), frame and all:
/// what a geometry saved on a larger screen, or the default size on a small one, needs. Before the
/// window is shown its frame is not known yet, and a title bar's worth is kept free for it.
void keepOnScreen(QWidget& window);

}  // namespace warmpath::ui
