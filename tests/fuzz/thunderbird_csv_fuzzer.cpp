// libFuzzer target: the Thunderbird address book CSV importer (see FuzzImport.h and docs/reliability.md).

#include "FuzzImport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    warmpath::fuzz::importBytes(warmpath::import::Format::Thunderbird, data, size, "addressbook.csv");
    return 0;
}
