// libFuzzer target: the Outlook contacts CSV importer (see FuzzImport.h and docs/reliability.md).

#include "FuzzImport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    warmpath::fuzz::importBytes(warmpath::import::Format::Outlook, data, size, "contacts.csv");
    return 0;
}
