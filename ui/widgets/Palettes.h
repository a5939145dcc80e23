#pragma once

#include <QPalette>
#include <QString>

namespace warmpath::ui {

/// A dark palette in the spirit of the desktops' dark themes (Breeze Dark, Adwaita dark): what the
/// GUI gets with `--palette dark`, to check and show that every colour of ours reads on it.
[[nodiscard]] QPalette darkPalette();
/// The light counterpart, for `--palette light` on a desktop that is dark.
[[nodiscard]] QPalette lightPalette();

}  // namespace warmpath::ui
