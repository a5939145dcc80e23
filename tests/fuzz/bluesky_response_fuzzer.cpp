// libFuzzer target: every reader of Bluesky (XRPC) response bodies in core/fetch/ResponseParsers.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fetch/ResponseParsers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    (void)warmpath::fetch::parseBlueskyProfile(body);
    (void)warmpath::fetch::parseBlueskyFollows(body);
    (void)warmpath::fetch::xrpcErrorName(body);
    (void)warmpath::fetch::errorMessage(body);
    return 0;
}
