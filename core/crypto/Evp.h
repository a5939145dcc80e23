#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include <openssl/evp.h>

namespace warmpath::crypto {

/// RAII over EVP_CIPHER_CTX.
struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

/// A fixed-size buffer for key material, wiped with OPENSSL_cleanse when it goes out of scope.
template <std::size_t N>
class SecretBytes {
public:
    SecretBytes() = default;
    ~SecretBytes() { wipe(); }
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    SecretBytes(SecretBytes&&) = delete;
    SecretBytes& operator=(SecretBytes&&) = delete;

    [[nodiscard]] unsigned char* data() { return m_bytes.data(); }
    [[nodiscard]] const unsigned char* data() const { return m_bytes.data(); }
    [[nodiscard]] static constexpr std::size_t size() { return N; }
    void wipe();

private:
    std::array<unsigned char, N> m_bytes{};
};

inline constexpr std::size_t kKeyBytes = 32;  // AES-256
inline constexpr std::size_t kSaltBytes = 16;
inline constexpr std::size_t kNonceBytes = 12;  // the GCM standard nonce size
inline constexpr std::size_t kTagBytes = 16;

using Key = SecretBytes<kKeyBytes>;

/// scrypt parameters as stored in a backup header.
struct ScryptParams {
    std::uint64_t n = 0;
    std::uint32_t r = 0;
    std::uint32_t p = 0;
};

/// Derives a 256-bit key from the passphrase with scrypt through EVP_KDF. False when OpenSSL
/// refuses (parameters out of range, out of memory).
bool deriveKey(std::string_view passphrase, std::span<const unsigned char> salt, const ScryptParams& params, Key& key);

/// Fills `out` from OpenSSL's CSPRNG; false when it cannot.
bool randomBytes(std::span<unsigned char> out);

/// Wipes a buffer that held secrets (passphrases, keys).
void cleanse(void* data, std::size_t size);

}  // namespace warmpath::crypto
