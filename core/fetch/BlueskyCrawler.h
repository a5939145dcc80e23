#pragma once

#include <string>

#include "fetch/FollowSource.h"
#include "fetch/HttpClient.h"

namespace warmpath::fetch {

/// Bluesky's public AppView: `app.bsky.actor.getProfile` for the start account and
/// `app.bsky.graph.getFollows` (limit 100, cursor paging) for follow lists. Identities are
/// `bsky:<did>` with the handle kept. A follow list is hidden when the AppView refuses it for a
/// block, a takedown or a deactivated account, or when the account carries the
/// `!no-unauthenticated` self-label (it asked not to be shown to logged-out clients).
class BlueskyCrawler final : public FollowSource {
public:
    static constexpr const char* kDefaultApi = "https://public.api.bsky.app";

    /// `api`: base URL (empty: kDefaultApi). `http` and `cancel` outlive the crawler.
    BlueskyCrawler(HttpClient& http, std::string api, const CancelToken* cancel);

    [[nodiscard]] std::string_view network() const override { return "bsky"; }
    [[nodiscard]] Result<std::string> normaliseStart(std::string_view start) const override;
    Result<Account> resolveStart(std::string_view start) override;
    PageFetch fetchPage(const QueuedAccount& account) override;

private:
    HttpClient& m_http;
    std::string m_api;
    const CancelToken* m_cancel;
};

}  // namespace warmpath::fetch
