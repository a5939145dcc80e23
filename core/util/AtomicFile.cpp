#include "util/AtomicFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace warmpath {
namespace {

std::string systemError()
{
    return std::strerror(errno);  // NOLINT(concurrency-mt-unsafe): messages only
}

}  // namespace

AtomicFile::AtomicFile(int fd, std::filesystem::path tempPath, std::filesystem::path target)
    : m_fd(fd), m_tempPath(std::move(tempPath)), m_target(std::move(target))
{
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)),
      m_committed(std::exchange(other.m_committed, true)),
      m_written(other.m_written),
      m_tempPath(std::move(other.m_tempPath)),
      m_target(std::move(other.m_target))
{
}

AtomicFile::~AtomicFile()
{
    if (m_fd >= 0) {
        ::close(m_fd);
    }
    if (!m_committed && !m_tempPath.empty()) {
        ::unlink(m_tempPath.c_str());
    }
}

Result<AtomicFile> AtomicFile::create(const std::filesystem::path& target)
{
    std::string pattern = target.string() + ".tmp-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    const int fd = ::mkstemp(buffer.data());  // mode 0600
    if (fd < 0) {
        return Error("cannot create a file beside it: " + systemError(), target.string());
    }
    return AtomicFile(fd, std::filesystem::path(buffer.data()), target);
}

Status AtomicFile::write(const void* data, std::size_t size)
{
    const auto* bytes = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(m_fd, bytes, size);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return Error("cannot write: " + systemError(), m_target.string());
        }
        bytes += n;
        size -= static_cast<std::size_t>(n);
        m_written += static_cast<std::size_t>(n);
    }
    return {};
}

Status AtomicFile::sync()
{
    if (m_fd < 0) {
        return {};
    }
    const int fd = std::exchange(m_fd, -1);
    const bool synced = ::fsync(fd) == 0;
    const std::string cause = synced ? std::string() : systemError();
    if (::close(fd) != 0 || !synced) {
        return Error("cannot write to disk: " + (synced ? systemError() : cause), m_target.string());
    }
    return {};
}

Status AtomicFile::commit()
{
    if (Status synced = sync(); !synced) {
        return synced;
    }
    if (::rename(m_tempPath.c_str(), m_target.c_str()) != 0) {
        return Error("cannot rename " + m_tempPath.filename().string() + " into place: " + systemError(),
                     m_target.string());
    }
    m_committed = true;
    // The rename is durable only once the folder that holds it is synced.
    const std::filesystem::path folder = m_target.has_parent_path() ? m_target.parent_path() : ".";
    const int dirFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

}  // namespace warmpath
