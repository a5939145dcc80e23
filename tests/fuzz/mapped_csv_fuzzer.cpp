// libFuzzer target: the mapped-CSV importer as `--format csv` reads a file without `--columns` (the
// columns named like the fields), the same parser `--columns` drives (see FuzzImport.h and
// docs/reliability.md).

#include "FuzzImport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    warmpath::fuzz::importBytes(warmpath::import::Format::Csv, data, size, "people.csv");
    return 0;
}
