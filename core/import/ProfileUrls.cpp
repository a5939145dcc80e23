#include "import/ProfileUrls.h"

#include "import/TextInput.h"

namespace warmpath::import {

std::optional<Identity> identityFromUrl(std::string_view url)
{
    std::string_view text = trim(url);
    const std::string lower = lowerAscii(text);
    std::size_t skip = 0;
    if (lower.rfind("https://", 0) == 0) {
        skip = 8;
    } else if (lower.rfind("http://", 0) == 0) {
        skip = 7;
    } else if (lower.rfind("www.", 0) != 0 && lower.find("linkedin.com/") == std::string::npos) {
        return std::nullopt;
    }
    std::string rest(text.substr(skip));
    // Query strings and fragments are tracking noise, never part of a profile's identity.
    rest = rest.substr(0, rest.find_first_of("?#"));
    while (!rest.empty() && rest.back() == '/') {
        rest.pop_back();
    }
    const std::size_t slash = rest.find('/');
    std::string host = lowerAscii(rest.substr(0, slash));
    const std::string path = slash == std::string::npos ? std::string() : rest.substr(slash + 1);
    if (host.rfind("www.", 0) == 0) {
        host.erase(0, 4);
    }
    if (host.empty()) {
        return std::nullopt;
    }
    const std::string fullUrl(text);
    if (host.size() >= 12 && host.compare(host.size() - 12, 12, "linkedin.com") == 0 && path.rfind("in/", 0) == 0) {
        std::string slug = path.substr(3);
        slug = slug.substr(0, slug.find('/'));
        if (!slug.empty()) {
            return Identity{.network = "linkedin", .key = slug, .handle = {}, .url = fullUrl};
        }
    }
    if (host == "bsky.app" && path.rfind("profile/", 0) == 0) {
        std::string handle = path.substr(8);
        handle = handle.substr(0, handle.find('/'));
        return Identity{.network = "bsky", .key = handle, .handle = handle, .url = fullUrl};
    }
    if (host == "twitter.com" || host == "x.com" || host == "mobile.twitter.com") {
        std::string handle = path.substr(0, path.find('/'));
        if (!handle.empty() && handle.front() == '@') {
            handle.erase(0, 1);
        }
        if (!handle.empty()) {
            return Identity{.network = "web", .key = "x.com/" + lowerAscii(handle), .handle = handle, .url = fullUrl};
        }
    }
    if (path.size() > 1 && path.front() == '@' && path.find('/') == std::string::npos) {
        const std::string user = path.substr(1);
        return Identity{.network = "mastodon", .key = user + "@" + host, .handle = user, .url = fullUrl};
    }
    return Identity{.network = "web", .key = path.empty() ? host : host + "/" + path, .handle = {}, .url = fullUrl};
}

std::optional<Identity> identityFromHandle(std::string_view network, std::string_view handle)
{
    if (auto fromUrl = identityFromUrl(handle)) {
        return fromUrl;
    }
    std::string text(trim(handle));
    if (!text.empty() && text.front() == '@') {
        text.erase(0, 1);
    }
    const std::string name = lowerAscii(trim(network));
    if (text.empty() || name.empty()) {
        return std::nullopt;
    }
    if (name == "x" || name == "twitter") {
        return Identity{.network = "web", .key = "x.com/" + lowerAscii(text), .handle = text, .url = {}};
    }
    if (name == "mastodon") {
        if (text.find('@') == std::string::npos) {
            return std::nullopt;  // `ana` is someone on some server: not an identity
        }
        return Identity{.network = "mastodon", .key = text, .handle = {}, .url = {}};
    }
    if (name == "bsky" || name == "bluesky") {
        return Identity{.network = "bsky", .key = text, .handle = text, .url = {}};
    }
    if (name == "phone") {
        std::string digits = normalisePhone(text);
        if (digits.empty()) {
            return std::nullopt;
        }
        return Identity{.network = "phone", .key = std::move(digits), .handle = {}, .url = {}};
    }
    return Identity{.network = name, .key = text, .handle = {}, .url = {}};
}

std::string normalisePhone(std::string_view phone)
{
    std::string digits;
    for (char c : trim(phone)) {
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c == '+' && digits.empty()) {
            digits += c;
        }
    }
    std::size_t count = digits.size() - (digits.rfind('+', 0) == 0 ? 1 : 0);
    return count >= 5 ? digits : std::string();
}

}  // namespace warmpath::import
