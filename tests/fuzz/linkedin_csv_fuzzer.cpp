// libFuzzer target: the LinkedIn Connections.csv importer (see FuzzImport.h and docs/reliability.md).

#include "FuzzImport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    warmpath::fuzz::importBytes(warmpath::import::Format::LinkedIn, data, size, "Connections.csv");
    return 0;
}
