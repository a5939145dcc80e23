// libFuzzer target: the Mastodon CSV export importer (see FuzzImport.h and docs/reliability.md).

#include "FuzzImport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    warmpath::fuzz::importBytes(warmpath::import::Format::Mastodon, data, size, "following_accounts.csv");
    return 0;
}
