#pragma once

// Drives one importer the way `warmpath-cli import --format F --dry-run` does: the fuzzer's bytes
// become a file, the real Importer parses it and writes every record into an SQLite database,
// then the dry run rolls the transaction back. The database (in memory, migrated once) is kept
// between executions so one run costs a parse and a rolled-back write, not a schema creation.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "import/Importer.h"
#include "store/Schema.h"

namespace warmpath::fuzz {

/// A folder of this process for the input file: /dev/shm where there is one, so an execution
/// writes to memory, not to the shared disk.
inline const std::filesystem::path& workFolder()
{
    static const std::filesystem::path folder = [] {
        std::error_code ec;
        const std::filesystem::path base = std::filesystem::is_directory("/dev/shm", ec)
                                               ? std::filesystem::path("/dev/shm")
                                               : std::filesystem::temp_directory_path();
        const std::filesystem::path made = base / ("warmpath-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(made);
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(workFolder(), ignored);
        });
        return made;
    }();
    return folder;
}

inline std::filesystem::path writeInput(const std::uint8_t* data, std::size_t size, const std::string& fileName)
{
    const std::filesystem::path file = workFolder() / fileName;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return file;
}

inline Database& migratedDatabase()
{
    static Database db = [] {
        Database opened = Database::openInMemory();
        if (Status migrated = migrate(opened); !migrated) {
            std::abort();  // the harness itself is broken, not the input
        }
        return opened;
    }();
    return db;
}

/// Imports `data` as `format` from a file called `fileName` (the X archive parser reads the
/// kind of file from its name) and rolls it back. Errors are expected; crashes, sanitizer
/// reports, leaks and hangs are what the fuzzer looks for.
inline void importBytes(import::Format format, const std::uint8_t* data, std::size_t size, const std::string& fileName)
{
    const std::filesystem::path file = writeInput(data, size, fileName);
    Database& db = migratedDatabase();
    import::Importer importer(db, ImportOptions{.format = format, .nameSpace = "fuzz", .dryRun = true});
    const auto imported = importer.run({file});
    // A dry run that left something behind (an open transaction) would poison every later run.
    if (db.inTransaction()) {
        std::abort();
    }
    (void)imported;
}

}  // namespace warmpath::fuzz

// Runs once before fuzzing, outside libFuzzer's per-input timer: the database's schema and
// OpenSSL's first SHA-256 (provider loading) cost a second under ASan on a busy machine, which
// the first input would otherwise be blamed for. Each target includes this header exactly once.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/)
{
    (void)warmpath::fuzz::migratedDatabase();
    const std::uint8_t nothing = 0;
    warmpath::fuzz::importBytes(warmpath::import::Format::EdgeList, &nothing, 0, "warm-up.txt");
    return 0;
}
