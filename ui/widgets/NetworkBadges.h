#pragma once

#include <string>
#include <vector>

#include <QColor>
#include <QPixmap>
#include <QString>

// How a network (core's identity namespace: linkedin, bsky, mastodon, x, email, phone, or a graph
// file's own name) is shown: a readable name and a small coloured badge drawn here, so that the app
// carries no third-party logos.
namespace warmpath::ui {

/// "LinkedIn", "Bluesky", "Mastodon", "X", "Email", "Phone"; other networks as stored.
[[nodiscard]] QString networkName(const std::string& network);
/// The brand-like colour of the badge; a stable colour derived from the name for unknown networks.
[[nodiscard]] QColor networkColor(const std::string& network);
/// One round badge with the network's initial, `size` logical pixels square.
[[nodiscard]] QPixmap networkBadge(const std::string& network, int size, qreal devicePixelRatio);
/// Badges side by side with a small gap, for a table cell; a null pixmap for no networks.
[[nodiscard]] QPixmap networkBadges(const std::vector<std::string>& networks, int size, qreal devicePixelRatio);

}  // namespace warmpath::ui
