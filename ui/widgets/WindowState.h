#pragma once

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

}  // namespace warmpath::ui
