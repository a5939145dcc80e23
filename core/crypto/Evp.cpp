#include "crypto/Evp.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

namespace warmpath::crypto {
namespace {

struct KdfFree {
    void operator()(EVP_KDF* kdf) const { EVP_KDF_free(kdf); }
};
struct KdfCtxFree {
    void operator()(EVP_KDF_CTX* ctx) const { EVP_KDF_CTX_free(ctx); }
};

}  // namespace

template <std::size_t N>
void SecretBytes<N>::wipe()
{
    OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
}
template class SecretBytes<kKeyBytes>;

void cleanse(void* data, std::size_t size)
{
    if (data != nullptr && size > 0) {
        OPENSSL_cleanse(data, size);
    }
}

bool randomBytes(std::span<unsigned char> out)
{
    return RAND_bytes(out.data(), static_cast<int>(out.size())) == 1;
}

bool deriveKey(std::string_view passphrase, std::span<const unsigned char> salt, const ScryptParams& params, Key& key)
{
    // OpenSSL 3.0 offers scrypt but not Argon2 (added in 3.2), so scrypt it is.
    std::unique_ptr<EVP_KDF, KdfFree> kdf(EVP_KDF_fetch(nullptr, "SCRYPT", nullptr));
    if (!kdf) {
        return false;
    }
    std::unique_ptr<EVP_KDF_CTX, KdfCtxFree> ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx) {
        return false;
    }
    static char empty = 0;
    // scrypt needs 128·r·N bytes for V plus 128·r·p for B; the default limit (32 MiB) is just
    // below what N = 2^15, r = 8 needs, so the limit is what these parameters need plus slack.
    std::uint64_t maxMemory = 128U * std::uint64_t{params.r} * (params.n + 2) +
                              128U * std::uint64_t{params.r} * params.p + (std::uint64_t{1} << 20);
    std::uint64_t n = params.n;
    std::uint32_t r = params.r;
    std::uint32_t p = params.p;
    OSSL_PARAM kdfParams[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD,
                                          passphrase.empty() ? &empty : const_cast<char*>(passphrase.data()),
                                          passphrase.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<unsigned char*>(salt.data()), salt.size()),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxMemory),
        OSSL_PARAM_construct_end(),
    };
    if (EVP_KDF_derive(ctx.get(), key.data(), key.size(), kdfParams) != 1) {
        key.wipe();
        return false;
    }
    return true;
}

}  // namespace warmpath::crypto
