#pragma once

#include <QByteArray>
#include <QIcon>

namespace warmpath::ui {

/// Registers the resources compiled into warmpath_ui (icons, the demo network). A static library's
/// resources are not registered by themselves; every accessor below calls this, so code that uses them
/// need not, and calling it twice is harmless.
void ensureResources();

/// The bundled demo network, `:/demo/demo-network.json`; empty if the resource is missing.
[[nodiscard]] QByteArray demoNetworkJson();

/// The application icon, from `:/icons/warmpath.svg` (with the 256 px PNG as a fallback size).
[[nodiscard]] QIcon appIcon();

}  // namespace warmpath::ui
