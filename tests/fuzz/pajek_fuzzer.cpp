// libFuzzer target: the Pajek .net importer (see FuzzImport.h and docs/reliability.md).

#include "FuzzImport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    warmpath::fuzz::importBytes(warmpath::import::Format::Pajek, data, size, "network.net");
    return 0;
}
