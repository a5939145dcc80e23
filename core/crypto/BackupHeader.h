#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "crypto/Evp.h"

namespace warmpath::crypto {

/// The fixed-size header at the start of a backup file (docs/formats.md, "Backup file"). All of
/// it is passed to AES-GCM as additional authenticated data, so changing any byte of it makes
/// the file fail authentication.
struct BackupHeader {
    static constexpr std::array<unsigned char, 8> kMagic = {'W', 'P', 'B', 'A', 'C', 'K', 'U', 'P'};
    static constexpr std::uint16_t kVersion = 1;
    static constexpr std::uint8_t kKdfScrypt = 1;
    static constexpr std::uint8_t kCipherAes256Gcm = 1;
    static constexpr std::uint8_t kCompressionZlib = 1;
    static constexpr std::size_t kSize = 50;

    std::uint8_t scryptLogN = 15;
    std::uint32_t scryptR = 8;
    std::uint32_t scryptP = 1;
    std::array<unsigned char, kSaltBytes> salt{};
    std::array<unsigned char, kNonceBytes> nonce{};

    [[nodiscard]] std::array<unsigned char, kSize> serialize() const;
    /// The header in `bytes`, or nullopt when it is not a version-1 Warmpath backup header or its
    /// KDF parameters are outside what Warmpath ever writes (so a damaged header cannot make the
    /// key derivation ask for gigabytes).
    [[nodiscard]] static std::optional<BackupHeader> parse(std::span<const unsigned char> bytes);

    [[nodiscard]] ScryptParams scrypt() const { return {std::uint64_t{1} << scryptLogN, scryptR, scryptP}; }
};

}  // namespace warmpath::crypto
