#include "model/Ref.h"

#include <cctype>
#include <charconv>

#include "model/Identity.h"

namespace warmpath {
namespace {

bool isNetworkName(std::string_view text)
{
    if (text.empty() || std::isalpha(static_cast<unsigned char>(text.front())) == 0) {
        return false;
    }
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) == 0 && c != '-' && c != '_' && c != '.' && c != '+') {
            return false;
        }
    }
    return true;
}

}  // namespace

Result<Ref> Ref::parse(std::string_view text)
{
    constexpr std::string_view kSpace = " \t\r\n";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) {
        return Error("empty REF: name a person as me, #ID, NETWORK:KEY or their display name");
    }
    text = text.substr(first, text.find_last_not_of(kSpace) - first + 1);

    Ref ref;
    ref.text = std::string(text);
    if (text == "me") {
        ref.kind = Kind::Me;
        return ref;
    }
    if (text.front() == '#') {
        const std::string_view digits = text.substr(1);
        std::int64_t id = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
        if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || id <= 0) {
            return Error("invalid REF '" + ref.text + "': #ID takes a positive number, e.g. #42");
        }
        ref.kind = Kind::Id;
        ref.id = id;
        return ref;
    }
    const auto colon = text.find(':');
    if (colon != std::string_view::npos && colon + 1 < text.size() && isNetworkName(text.substr(0, colon))) {
        ref.kind = Kind::Identity;
        ref.network = normalizeNetwork(text.substr(0, colon));
        ref.key = normalizeIdentityKey(ref.network, text.substr(colon + 1));
        if (!ref.key.empty()) {
            return ref;
        }
    }
    ref.kind = Kind::Name;
    return ref;
}

}  // namespace warmpath
