// libFuzzer target: every reader of Mastodon API responses in core/fetch/ResponseParsers (the
// body as an Account, an array of Accounts, an instance document, a WebFinger document and an
// error; the same bytes as a `Link` header and as an account address).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fetch/ResponseParsers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    (void)warmpath::fetch::parseMastodonAccount(body, "social.example");
    (void)warmpath::fetch::parseMastodonAccounts(body, "social.example");
    (void)warmpath::fetch::instanceDomain(body, "domain");
    (void)warmpath::fetch::instanceDomain(body, "uri");
    (void)warmpath::fetch::webfingerAccountUrl(body);
    (void)warmpath::fetch::errorMessage(body);
    (void)warmpath::fetch::nextLink(body);
    (void)warmpath::fetch::mastodonAddress(body);
    return 0;
}
