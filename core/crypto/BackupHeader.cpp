#include "crypto/BackupHeader.h"

#include <algorithm>

namespace warmpath::crypto {
namespace {

// Offsets of the fields; the layout is documented in docs/formats.md.
constexpr std::size_t kVersionAt = 8;
constexpr std::size_t kKdfAt = 10;
constexpr std::size_t kCipherAt = 11;
constexpr std::size_t kCompressionAt = 12;
constexpr std::size_t kLogNAt = 13;
constexpr std::size_t kRAt = 14;
constexpr std::size_t kPAt = 18;
constexpr std::size_t kSaltAt = 22;
constexpr std::size_t kNonceAt = kSaltAt + kSaltBytes;
static_assert(kNonceAt + kNonceBytes == BackupHeader::kSize);

void putU32(unsigned char* at, std::uint32_t value)
{
    at[0] = static_cast<unsigned char>(value >> 24);
    at[1] = static_cast<unsigned char>(value >> 16);
    at[2] = static_cast<unsigned char>(value >> 8);
    at[3] = static_cast<unsigned char>(value);
}

std::uint32_t getU32(const unsigned char* at)
{
    return (std::uint32_t{at[0]} << 24) | (std::uint32_t{at[1]} << 16) | (std::uint32_t{at[2]} << 8) |
           std::uint32_t{at[3]};
}

}  // namespace

std::array<unsigned char, BackupHeader::kSize> BackupHeader::serialize() const
{
    std::array<unsigned char, kSize> out{};
    std::copy(kMagic.begin(), kMagic.end(), out.begin());
    out[kVersionAt] = static_cast<unsigned char>(kVersion >> 8);
    out[kVersionAt + 1] = static_cast<unsigned char>(kVersion & 0xFFU);
    out[kKdfAt] = kKdfScrypt;
    out[kCipherAt] = kCipherAes256Gcm;
    out[kCompressionAt] = kCompressionZlib;
    out[kLogNAt] = scryptLogN;
    putU32(&out[kRAt], scryptR);
    putU32(&out[kPAt], scryptP);
    std::copy(salt.begin(), salt.end(), out.begin() + kSaltAt);
    std::copy(nonce.begin(), nonce.end(), out.begin() + kNonceAt);
    return out;
}

std::optional<BackupHeader> BackupHeader::parse(std::span<const unsigned char> bytes)
{
    if (bytes.size() < kSize || !std::equal(kMagic.begin(), kMagic.end(), bytes.begin())) {
        return std::nullopt;
    }
    const auto version = static_cast<std::uint16_t>((bytes[kVersionAt] << 8) | bytes[kVersionAt + 1]);
    if (version != kVersion || bytes[kKdfAt] != kKdfScrypt || bytes[kCipherAt] != kCipherAes256Gcm ||
        bytes[kCompressionAt] != kCompressionZlib) {
        return std::nullopt;
    }
    BackupHeader header;
    header.scryptLogN = bytes[kLogNAt];
    header.scryptR = getU32(&bytes[kRAt]);
    header.scryptP = getU32(&bytes[kPAt]);
    // At most 1 GiB of scrypt memory and a bounded amount of work.
    if (header.scryptLogN < 1 || header.scryptLogN > 22 || header.scryptR < 1 || header.scryptR > 32 ||
        header.scryptP < 1 || header.scryptP > 16 ||
        128U * std::uint64_t{header.scryptR} * (std::uint64_t{1} << header.scryptLogN) > (std::uint64_t{1} << 30)) {
        return std::nullopt;
    }
    std::copy_n(bytes.begin() + kSaltAt, kSaltBytes, header.salt.begin());
    std::copy_n(bytes.begin() + kNonceAt, kNonceBytes, header.nonce.begin());
    return header;
}

}  // namespace warmpath::crypto
