#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "util/Result.h"

namespace warmpath {

/// Incremental SHA-256 over OpenSSL's EVP interface, for recognising a file imported before.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    Sha256(Sha256&&) noexcept;
    Sha256& operator=(Sha256&&) noexcept;

    void update(const void* data, std::size_t size);
    void update(std::string_view data) { update(data.data(), data.size()); }
    /// The digest as 64 lower-case hex digits. The object cannot be updated afterwards.
    [[nodiscard]] std::string finishHex();

    /// The digest of a whole file, read in chunks; for a folder, of its regular files' relative
    /// names and contents in name order (so an unpacked archive has one stable digest).
    static Result<std::string> ofPath(const std::filesystem::path& path);
    static std::string ofText(std::string_view text);

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

}  // namespace warmpath
