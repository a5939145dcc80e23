#include "model/Identity.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace warmpath {
namespace {

std::string_view trim(std::string_view text)
{
    constexpr std::string_view kSpace = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(kSpace);
    return text.substr(first, last - first + 1);
}

std::string lowerAscii(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace

std::string normalizeNetwork(std::string_view network)
{
    std::string lower = lowerAscii(trim(network));
    if (lower == "twitter") {
        return "x";
    }
    static constexpr std::array<std::string_view, 6> kKnownNetworks = {"linkedin", "bsky",  "mastodon",
                                                                       "x",        "email", "phone"};
    if (std::find(kKnownNetworks.begin(), kKnownNetworks.end(), lower) != kKnownNetworks.end()) {
        return lower;
    }
    // Graph-file namespaces (`wiki-Vote`) are kept as the user wrote them: REFs printed back must
    // match what scripts were given.
    return std::string(trim(network));
}

std::string normalizeIdentityKey(std::string_view network, std::string_view key)
{
    const std::string net = normalizeNetwork(network);
    std::string_view trimmed = trim(key);
    static constexpr std::array<std::string_view, 4> kCaseInsensitive = {"email", "mastodon", "linkedin", "bsky"};
    const bool caseInsensitive =
        std::find(kCaseInsensitive.begin(), kCaseInsensitive.end(), net) != kCaseInsensitive.end();
    if ((net == "mastodon" || net == "bsky" || net == "x") && !trimmed.empty() && trimmed.front() == '@') {
        trimmed.remove_prefix(1);
    }
    if (net == "email" && trimmed.size() > 7 && lowerAscii(trimmed.substr(0, 7)) == "mailto:") {
        trimmed.remove_prefix(7);
    }
    if (net == "linkedin") {
        while (!trimmed.empty() && trimmed.back() == '/') {
            trimmed.remove_suffix(1);
        }
    }
    return caseInsensitive ? lowerAscii(trimmed) : std::string(trimmed);
}

}  // namespace warmpath
