#include "crypto/Sha256.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include <openssl/evp.h>

namespace warmpath {

struct Sha256::Context {
    struct Free {
        void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
    };
    std::unique_ptr<EVP_MD_CTX, Free> ctx{EVP_MD_CTX_new()};
};

namespace {

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

Status hashFile(Sha256& hash, const std::filesystem::path& path)
{
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        return Error("cannot open file", path.string());
    }
    std::vector<char> buffer(1 << 16);
    std::size_t got = 0;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0) {
        hash.update(buffer.data(), got);
    }
    if (std::ferror(file.get()) != 0) {
        return Error("cannot read file", path.string());
    }
    return {};
}

}  // namespace

Sha256::Sha256() : m_context(std::make_unique<Context>())
{
    if (!m_context->ctx || EVP_DigestInit_ex(m_context->ctx.get(), EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("OpenSSL cannot initialise SHA-256");
    }
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(const void* data, std::size_t size)
{
    if (size > 0 && EVP_DigestUpdate(m_context->ctx.get(), data, size) != 1) {
        throw std::runtime_error("OpenSSL SHA-256 update failed");
    }
}

std::string Sha256::finishHex()
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(m_context->ctx.get(), digest.data(), &length) != 1) {
        throw std::runtime_error("OpenSSL SHA-256 final failed");
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 0x0f];
    }
    return hex;
}

Result<std::string> Sha256::ofPath(const std::filesystem::path& path)
{
    Sha256 hash;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(path, ec)) {
            if (entry.is_regular_file()) {
                files.push_back(entry.path());
            }
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            const std::string name = std::filesystem::relative(file, path).generic_string();
            hash.update(name.data(), name.size() + 1);  // with its NUL, so names and contents cannot blur
            if (Status read = hashFile(hash, file); !read) {
                return read.error();
            }
        }
        return hash.finishHex();
    }
    if (Status read = hashFile(hash, path); !read) {
        return read.error();
    }
    return hash.finishHex();
}

std::string Sha256::ofText(std::string_view text)
{
    Sha256 hash;
    hash.update(text);
    return hash.finishHex();
}

}  // namespace warmpath
