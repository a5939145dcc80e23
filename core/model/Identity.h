#pragma once

#include <string>
#include <string_view>

namespace warmpath {

/// Brings an identity key into the one spelling the store keeps, so that the same account
/// written two ways (`Ana@Example.COM`, `@ana@mastodon.social`) is one identity.
/// Networks with case-insensitive keys (email, mastodon, linkedin, bsky handles) are lower-cased;
/// surrounding white space and a leading `@` on handles are dropped. Unknown networks (graph
/// file namespaces) keep their keys as written apart from trimming.
[[nodiscard]] std::string normalizeIdentityKey(std::string_view network, std::string_view key);

/// Known networks (linkedin, bsky, mastodon, x, email, phone) are lower case and `twitter` is an
/// alias for `x`; other names (graph-file namespaces such as `wiki-Vote`) are kept as written.
[[nodiscard]] std::string normalizeNetwork(std::string_view network);

}  // namespace warmpath
