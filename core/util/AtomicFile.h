#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "util/Result.h"

namespace warmpath {

/// A file that appears at its final path only when complete: it is written to a temporary file
/// beside the target (mode 0600), synced, and renamed over the target by commit(). Destroying it
/// without commit() removes the temporary file, so a failure leaves nothing behind.
class AtomicFile {
public:
    /// Creates the temporary file beside `target`.
    static Result<AtomicFile> create(const std::filesystem::path& target);

    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&& other) = delete;

    Status write(const void* data, std::size_t size);
    Status write(std::string_view text) { return write(text.data(), text.size()); }
    /// Flushes the data to disk (fsync) and closes the temporary file, without renaming it.
    Status sync();
    /// Syncs if needed, renames the temporary file over the target and syncs the folder.
    Status commit();

    [[nodiscard]] const std::filesystem::path& temporaryPath() const { return m_tempPath; }
    [[nodiscard]] const std::filesystem::path& target() const { return m_target; }
    [[nodiscard]] std::size_t bytesWritten() const { return m_written; }

private:
    AtomicFile(int fd, std::filesystem::path tempPath, std::filesystem::path target);

    int m_fd = -1;
    bool m_committed = false;
    std::size_t m_written = 0;
    std::filesystem::path m_tempPath;
    std::filesystem::path m_target;
};

}  // namespace warmpath
