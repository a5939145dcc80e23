#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fetch/FollowSource.h"
#include "fetch/HttpClient.h"
#include "util/Result.h"

namespace warmpath::fetch {

/// Readers of the JSON the two APIs answer with (docs/formats.md). They never throw: a body that
/// is not JSON, or JSON without the fields a response must have, is an Error saying what is
/// missing, and nothing from that response is used.

/// `app.bsky.actor.getProfile` → the account (did, handle, displayName, followsCount, labels).
[[nodiscard]] Result<Account> parseBlueskyProfile(std::string_view body);

struct BlueskyFollowsPage {
    std::vector<Account> follows;
    std::string cursor;  ///< empty: no further page
};
/// `app.bsky.graph.getFollows` → the follows (profile views) and the next cursor.
[[nodiscard]] Result<BlueskyFollowsPage> parseBlueskyFollows(std::string_view body);
/// The XRPC error name of an error response (`{"error":"BlockedActor",...}`), or empty.
[[nodiscard]] std::string xrpcErrorName(std::string_view body);
/// The human message of an error response (`error` / `message` of XRPC, `error` of Mastodon).
[[nodiscard]] std::string errorMessage(std::string_view body);
/// What was wrong with an answer that cannot be used, as `crawl` reports it: `HTTP 500: message`
/// (the message from the body, at most 200 bytes), or the failure of a status-0 response.
[[nodiscard]] std::string describeFailure(const HttpResponse& response);

/// A Mastodon Account entity. An `acct` without `@host` is an account of the server that
/// answered, named by that instance's own domain (`answeringDomain`, from `/api/v2/instance`),
/// never by the host its API is reached at; when the instance named no domain (empty), by the
/// host of the account's `url`.
[[nodiscard]] Result<Account> parseMastodonAccount(std::string_view body, std::string_view answeringDomain);
/// A JSON array of Mastodon Account entities (`/api/v1/accounts/:id/following`).
[[nodiscard]] Result<std::vector<Account>> parseMastodonAccounts(std::string_view body,
                                                                 std::string_view answeringDomain);
/// The domain a Mastodon instance document names (`field`: `domain` in v2, `uri` in v1), lower-cased,
/// or empty.
[[nodiscard]] std::string instanceDomain(std::string_view body, const char* field);
/// The URL of the account a WebFinger document (JRD, `/.well-known/webfinger`) describes: its
/// `self` link (the ActivityPub actor), else its profile page; empty when it has neither.
[[nodiscard]] std::string webfingerAccountUrl(std::string_view body);
/// The `rel="next"` target of an HTTP `Link` header, if any.
[[nodiscard]] std::optional<std::string> nextLink(std::string_view linkHeader);
/// `user@host` (a leading `@` dropped, lower-cased), or empty when `text` is not an address.
[[nodiscard]] std::string mastodonAddress(std::string_view text);

}  // namespace warmpath::fetch
