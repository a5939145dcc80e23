#pragma once

#include <optional>
#include <string_view>

#include "model/Person.h"

namespace warmpath::import {

/// The identity a profile URL stands for: `linkedin.com/in/SLUG` → linkedin:SLUG,
/// `HOST/@USER` → mastodon:USER@HOST, `bsky.app/profile/H` → bsky:H, `twitter.com/H` or
/// `x.com/H` → web:x.com/H (an X handle is not an account id) and any other http(s) URL →
/// web:HOST/PATH (lower-case host, no scheme, no trailing slash). Nullopt for text that is
/// not a URL.
[[nodiscard]] std::optional<Identity> identityFromUrl(std::string_view url);

/// The identity a handle on `network` stands for: `mastodon` + `@ana@social.example` →
/// mastodon:ana@social.example, `bsky` (or `bluesky`) + `ana.bsky.social` → bsky:ana.bsky.social,
/// `x` (or `twitter`) + `@ana` → web:x.com/ana (an X handle is not an account id), `linkedin` +
/// slug → linkedin:slug, `phone` + a number → phone:digits, any other network → NETWORK:handle. A
/// URL is read as identityFromUrl reads it. Nullopt for an empty handle, or a Mastodon handle
/// without its server.
[[nodiscard]] std::optional<Identity> identityFromHandle(std::string_view network, std::string_view handle);

/// `+49 (30) 1234-56` → `+4930123456`: the digits, with a leading + kept. Empty when fewer
/// than five digits.
[[nodiscard]] std::string normalisePhone(std::string_view phone);

}  // namespace warmpath::import
