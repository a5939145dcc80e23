// libFuzzer target: the backup reader (header parse, key derivation, AES-256-GCM decryption and
// zlib inflation of what it decrypts, then the restored database's check), as `warmpath-cli
// restore --force` runs it, with a fixed passphrase. The seed (tests/data/fuzz-seeds/backup) is a
// real backup written with that passphrase and a cheap scrypt cost.

#include <array>

#include "FuzzImport.h"
#include "crypto/Backup.h"
#include "crypto/BackupHeader.h"

namespace {

constexpr std::string_view kPassphrase = "fuzzing passphrase";

// A header may ask for up to 1 GiB of scrypt memory (BackupHeader::parse bounds it, and
// BackupHeaderTest checks that bound); deriving such a key is correct but takes seconds, which
// libFuzzer would report as a hang. Inputs asking for more than this cost are left out: the
// key derivation is OpenSSL's and not what is fuzzed here.
constexpr std::uint64_t kMaxScryptBytes = std::uint64_t{8} << 20;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using warmpath::crypto::BackupHeader;
    const auto header = BackupHeader::parse(std::span<const unsigned char>(data, size));
    if (header && 128U * std::uint64_t{header->scryptR} * header->scrypt().n * header->scryptP > kMaxScryptBytes) {
        return 0;
    }
    const std::filesystem::path file = warmpath::fuzz::writeInput(data, size, "backup.wpbackup");
    const std::filesystem::path target = warmpath::fuzz::workFolder() / "restored.db";
    const warmpath::Status restored = warmpath::restoreBackup(file, kPassphrase, target, true);
    (void)restored;
    return 0;
}
