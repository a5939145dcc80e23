#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace warmpath {

/// How one person is tied to another. Stored as its integer value: never renumber.
enum class LinkKind : std::uint8_t {
    Follows = 0,     ///< one-way: from follows to (Bluesky, Mastodon, X, edge lists)
    Connection = 1,  ///< LinkedIn-style connection, stored as one link each way
    Knows = 2,       ///< the user says these two know each other (e.g. an introduction happened)
    Colleague = 3,   ///< worked at the same organisation
    Related = 4,     ///< any other relation (vCard RELATED, Google "Relation")
};

inline constexpr std::array<LinkKind, 5> kAllLinkKinds = {LinkKind::Follows, LinkKind::Connection, LinkKind::Knows,
                                                          LinkKind::Colleague, LinkKind::Related};

[[nodiscard]] std::string_view toString(LinkKind kind);
[[nodiscard]] std::optional<LinkKind> linkKindFromString(std::string_view text);

}  // namespace warmpath
