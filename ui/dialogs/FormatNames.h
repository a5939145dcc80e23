#pragma once

#include <QString>

#include "import/Format.h"

namespace warmpath::ui {

/// What the import dialog calls each format: the export a user recognises, not the `--format` value.
[[nodiscard]] QString formatDisplayName(import::Format format);

}  // namespace warmpath::ui
