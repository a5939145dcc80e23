#pragma once

#include <cstdint>
#include <string>

#include "fetch/FollowSource.h"
#include "store/Database.h"

namespace warmpath::fetch {

/// `user@host` as `user@domain` when `alias` renames its host; any other key unchanged.
[[nodiscard]] std::string renamedMastodonKey(const std::string& key, const HostAlias& alias);

/// Brings what is stored under the old spelling of Mastodon names to the new one, in one
/// transaction: every `mastodon:user@HOST` identity becomes `user@DOMAIN` (the same person); where
/// `user@DOMAIN` already belongs to someone else, the two people are merged into that someone (they
/// are one account), and where it already belongs to the same person the old identity goes. The
/// follow-list records and the crawls' frontiers and staged pages are renamed the same way (a
/// frontier that holds both spellings keeps the one under DOMAIN). Earlier versions named accounts
/// by the host their server was reached at; this is how their databases catch up, the first time
/// a crawl meets the server. Returns how many identities were renamed or merged.
std::int64_t renameMastodonHost(Database& db, const HostAlias& alias);

}  // namespace warmpath::fetch
