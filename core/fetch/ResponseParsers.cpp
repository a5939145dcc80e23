#include "fetch/ResponseParsers.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

namespace warmpath::fetch {
namespace {

using nlohmann::json;

std::string lowerAscii(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

/// The host of an `http(s)://` URL, lower-cased, without user or port; empty for anything else.
/// (The parsers stay free of libcurl, whose URL parser HttpClient uses.)
std::string hostOfUrl(std::string_view url)
{
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) {
        return {};
    }
    const std::string protocol = lowerAscii(url.substr(0, scheme));
    if (protocol != "http" && protocol != "https") {
        return {};
    }
    std::string_view authority = url.substr(scheme + 3);
    authority = authority.substr(0, authority.find_first_of("/?#"));
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        authority.remove_prefix(at + 1);
    }
    authority = authority.substr(0, authority.find(':'));
    if (authority.empty() || authority.find_first_of(" \t[]") != std::string_view::npos) {
        return {};
    }
    return lowerAscii(authority);
}

/// Parses without exceptions: a discarded value when `body` is not JSON.
json parse(std::string_view body)
{
    return json::parse(body.begin(), body.end(), nullptr, false);
}

std::string stringField(const json& object, const char* name)
{
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<std::int64_t> integerField(const json& object, const char* name)
{
    const auto it = object.find(name);
    if (it != object.end() && it->is_number_integer()) {
        return it->get<std::int64_t>();
    }
    return std::nullopt;
}

Result<Account> blueskyProfile(const json& view)
{
    if (!view.is_object()) {
        return Error("a profile that is not a JSON object");
    }
    Account account;
    const std::string did = stringField(view, "did");
    if (did.rfind("did:", 0) != 0 || did.size() < 8 || did.find_first_of(" \t\r\n/?#") != std::string::npos) {
        return Error("a profile without a valid `did`");
    }
    account.key = lowerAscii(did);
    account.handle = lowerAscii(stringField(view, "handle"));
    if (account.handle == "handle.invalid") {
        account.handle.clear();
    }
    account.name = stringField(view, "displayName");
    account.followingCount = integerField(view, "followsCount");
    if (!account.handle.empty()) {
        account.url = "https://bsky.app/profile/" + account.handle;
    }
    if (const auto labels = view.find("labels"); labels != view.end() && labels->is_array()) {
        for (const json& label : *labels) {
            // The account asked not to be shown to logged-out visitors: its lists count as hidden.
            if (label.is_object() && stringField(label, "val") == "!no-unauthenticated") {
                account.hiddenHint = true;
            }
        }
    }
    return account;
}

Result<Account> mastodonAccount(const json& entity, std::string_view answeringDomain)
{
    if (!entity.is_object()) {
        return Error("an account that is not a JSON object");
    }
    Account account;
    const auto id = entity.find("id");
    if (id != entity.end() && id->is_string() && !id->get<std::string>().empty()) {
        account.remoteId = id->get<std::string>();
    } else if (id != entity.end() && id->is_number_integer()) {
        account.remoteId = std::to_string(id->get<std::int64_t>());
    } else {
        return Error("an account without an `id`");
    }
    account.url = stringField(entity, "url");
    std::string acct = stringField(entity, "acct");
    if (acct.find('@') == std::string::npos && !acct.empty()) {
        const std::string domain = answeringDomain.empty() ? hostOfUrl(account.url) : std::string(answeringDomain);
        if (domain.empty()) {
            return Error("an account of a server that names no domain, without a `url`");
        }
        acct += '@' + domain;
    }
    account.key = mastodonAddress(acct);
    if (account.key.empty()) {
        return Error("an account without a valid `acct`");
    }
    account.name = stringField(entity, "display_name");
    account.followingCount = integerField(entity, "following_count");
    if (const auto hide = entity.find("hide_collections"); hide != entity.end() && hide->is_boolean()) {
        account.hiddenHint = hide->get<bool>();
    }
    return account;
}

}  // namespace

std::string mastodonAddress(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
        text.remove_suffix(1);
    }
    if (!text.empty() && text.front() == '@') {
        text.remove_prefix(1);
    }
    const auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == text.size() ||
        text.find_first_of("@/ \t?#:", at + 1) != std::string_view::npos ||
        text.substr(0, at).find_first_of("/ \t?#:") != std::string_view::npos) {
        return {};
    }
    return lowerAscii(text);
}

Result<Account> parseBlueskyProfile(std::string_view body)
{
    try {
        const json document = parse(body);
        if (document.is_discarded()) {
            return Error("malformed JSON");
        }
        return blueskyProfile(document);
    } catch (const json::exception& e) {
        return Error(std::string("unexpected JSON: ") + e.what());
    }
}

Result<BlueskyFollowsPage> parseBlueskyFollows(std::string_view body)
{
    try {
        const json document = parse(body);
        if (document.is_discarded()) {
            return Error("malformed JSON");
        }
        if (!document.is_object()) {
            return Error("expected a JSON object");
        }
        const auto follows = document.find("follows");
        if (follows == document.end() || !follows->is_array()) {
            return Error("no `follows` array");
        }
        BlueskyFollowsPage page;
        for (const json& view : *follows) {
            Result<Account> account = blueskyProfile(view);
            if (!account) {
                return Error("follow " + std::to_string(page.follows.size() + 1) + ": " + account.error().message);
            }
            page.follows.push_back(std::move(account).value());
        }
        page.cursor = stringField(document, "cursor");
        return page;
    } catch (const json::exception& e) {
        return Error(std::string("unexpected JSON: ") + e.what());
    }
}

std::string xrpcErrorName(std::string_view body)
{
    const json document = parse(body);
    return document.is_object() ? stringField(document, "error") : std::string();
}

std::string errorMessage(std::string_view body)
{
    const json document = parse(body);
    if (!document.is_object()) {
        return {};
    }
    std::string message = stringField(document, "message");
    return message.empty() ? stringField(document, "error") : message;
}

std::string describeFailure(const HttpResponse& response)
{
    if (response.status == 0) {
        return response.failure;
    }
    std::string message = "HTTP " + std::to_string(response.status);
    if (const std::string detail = errorMessage(response.body); !detail.empty()) {
        message += ": " + detail.substr(0, 200);
    }
    return message;
}

Result<Account> parseMastodonAccount(std::string_view body, std::string_view answeringDomain)
{
    try {
        const json document = parse(body);
        if (document.is_discarded()) {
            return Error("malformed JSON");
        }
        return mastodonAccount(document, answeringDomain);
    } catch (const json::exception& e) {
        return Error(std::string("unexpected JSON: ") + e.what());
    }
}

Result<std::vector<Account>> parseMastodonAccounts(std::string_view body, std::string_view answeringDomain)
{
    try {
        const json document = parse(body);
        if (document.is_discarded()) {
            return Error("malformed JSON");
        }
        if (!document.is_array()) {
            return Error("expected a JSON array of accounts");
        }
        std::vector<Account> accounts;
        for (const json& entity : document) {
            Result<Account> account = mastodonAccount(entity, answeringDomain);
            if (!account) {
                return Error("account " + std::to_string(accounts.size() + 1) + ": " + account.error().message);
            }
            accounts.push_back(std::move(account).value());
        }
        return accounts;
    } catch (const json::exception& e) {
        return Error(std::string("unexpected JSON: ") + e.what());
    }
}

std::string instanceDomain(std::string_view body, const char* field)
{
    const json document = parse(body);
    if (!document.is_object()) {
        return {};
    }
    std::string domain = lowerAscii(stringField(document, field));
    if (domain.find_first_of("/@ \t") != std::string::npos) {
        return {};
    }
    return domain;
}

std::string webfingerAccountUrl(std::string_view body)
{
    const json document = parse(body);
    if (!document.is_object()) {
        return {};
    }
    const auto links = document.find("links");
    if (links == document.end() || !links->is_array()) {
        return {};
    }
    std::string profilePage;
    for (const json& link : *links) {
        if (!link.is_object()) {
            continue;
        }
        const std::string rel = stringField(link, "rel");
        const std::string href = stringField(link, "href");
        if (hostOfUrl(href).empty()) {
            continue;
        }
        // The actor may be typed `application/activity+json` or the long ld+json form; a
        // `self` link of any other type is not an account.
        const std::string type = lowerAscii(stringField(link, "type"));
        if (rel == "self" && (type == "application/activity+json" || type.rfind("application/ld+json", 0) == 0)) {
            return href;
        }
        if (rel == "http://webfinger.net/rel/profile-page" && profilePage.empty()) {
            profilePage = href;
        }
    }
    return profilePage;
}

std::optional<std::string> nextLink(std::string_view header)
{
    // `<URL>; rel="next", <URL>; rel="prev"`: each link is a <target> followed by parameters up
    // to the next `<`.
    std::size_t pos = 0;
    while ((pos = header.find('<', pos)) != std::string_view::npos) {
        const auto close = header.find('>', pos);
        if (close == std::string_view::npos) {
            return std::nullopt;
        }
        const std::string_view target = header.substr(pos + 1, close - pos - 1);
        const auto nextOpen = header.find('<', close);
        const std::string params = lowerAscii(header.substr(
            close + 1, nextOpen == std::string_view::npos ? std::string_view::npos : nextOpen - close - 1));
        if (params.find("rel=\"next\"") != std::string::npos || params.find("rel=next") != std::string::npos) {
            return std::string(target);
        }
        pos = close;
    }
    return std::nullopt;
}

}  // namespace warmpath::fetch
