#pragma once

#include <optional>

#include <QPalette>
#include <QString>

class QSettings;

namespace warmpath::ui {

/// A dark palette in the spirit of the desktops' dark themes (Breeze Dark, Adwaita dark): what the
/// GUI gets with `--palette dark`, to check and show that every colour of ours reads on it.
[[nodiscard]] QPalette darkPalette();
/// The light counterpart, for `--palette light` on a desktop that is dark.
[[nodiscard]] QPalette lightPalette();

/// The colours the GUI is drawn in: the desktop's own (light or dark), or ours, light or dark. Chosen
/// in View ▸ Colours and remembered, or for one run with `--palette`.
enum class PaletteMode { System, Light, Dark };

/// "system", "light", "dark": the `--palette` values, and what the settings keep.
[[nodiscard]] QString paletteModeName(PaletteMode mode);
[[nodiscard]] std::optional<PaletteMode> paletteModeFromName(const QString& name);

/// Draws the running application in `mode`: Fusion with our palette for light and dark (Fusion draws
/// every control from the palette, so a forced palette looks whole on any desktop); the desktop's own
/// style and palette, as they were before the first change, for system.
void applyPalette(PaletteMode mode);
/// What applyPalette() last applied (System until then).
[[nodiscard]] PaletteMode currentPaletteMode();

/// The mode remembered in `settings` (System when none or unreadable), and remembering one.
[[nodiscard]] PaletteMode storedPaletteMode(const QSettings& settings);
void storePaletteMode(QSettings& settings, PaletteMode mode);

}  // namespace warmpath::ui
