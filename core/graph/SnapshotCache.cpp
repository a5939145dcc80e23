#include "graph/SnapshotCache.h"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <system_error>

namespace warmpath {
namespace {

constexpr std::array<char, 8> kMagic = {'W', 'P', 'G', 'R', 'A', 'P', 'H', '1'};

struct Header {
    std::array<char, 8> magic{};
    std::uint32_t formatVersion = 0;
    std::uint32_t reserved = 0;
    std::int64_t generation = 0;
    std::int64_t maxPersonId = 0;
    std::int64_t maxLinkId = 0;
    std::uint64_t personCount = 0;
    std::uint64_t linkCount = 0;
    std::uint64_t checksum = 0;
};
static_assert(sizeof(Header) == 64);

struct FileCloser {
    void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

/// A fast 64-bit checksum over whole words (tail bytes folded in): catches truncation and
/// damage, not malice; the cache is a private file beside the database.
class Checksum {
public:
    void add(const void* data, std::size_t bytes)
    {
        const auto* p = static_cast<const unsigned char*>(data);
        std::size_t i = 0;
        for (; i + 8 <= bytes; i += 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, p + i, 8);
            mix(word);
        }
        std::uint64_t tail = bytes;
        for (; i < bytes; ++i) {
            tail = (tail << 8) | p[i];
        }
        mix(tail);
    }
    [[nodiscard]] std::uint64_t value() const { return m_h; }

private:
    void mix(std::uint64_t word)
    {
        m_h ^= word * 0x9E3779B97F4A7C15ULL;
        m_h = (m_h << 27 | m_h >> 37) * 0xBF58476D1CE4E5B9ULL;
    }
    std::uint64_t m_h = 0x6A09E667F3BCC909ULL;
};

template <typename Fn>
void forEachArray(Snapshot::Arrays& a, Fn&& fn)
{
    fn(a.personIds);
    fn(a.outOffsets);
    fn(a.outTargets);
    fn(a.outBits);
    fn(a.outConfidence);
    fn(a.inOffsets);
    fn(a.inSources);
    fn(a.inBits);
    fn(a.inConfidence);
}

}  // namespace

std::filesystem::path SnapshotCache::pathFor(const std::filesystem::path& database)
{
    return std::filesystem::path(database.string() + ".graph");
}

Status SnapshotCache::save(const Snapshot& snapshot, const std::filesystem::path& file)
{
    // forEachArray takes non-const arrays so load and save share one order; save only reads.
    auto& arrays = const_cast<Snapshot::Arrays&>(snapshot.arrays());  // NOLINT(cppcoreguidelines-pro-type-const-cast)
    Header header;
    header.magic = kMagic;
    header.formatVersion = kFormatVersion;
    header.generation = snapshot.version().generation;
    header.maxPersonId = snapshot.version().maxPersonId;
    header.maxLinkId = snapshot.version().maxLinkId;
    header.personCount = snapshot.personCount();
    header.linkCount = snapshot.linkCount();
    Checksum sum;
    forEachArray(arrays, [&](auto& v) { sum.add(v.data(), v.size() * sizeof(v[0])); });
    header.checksum = sum.value();

    const std::filesystem::path temporary = file.string() + ".tmp";
    {
        // Mode 0600 like the database itself: the cache says who is linked to whom.
        const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        File out(fd >= 0 ? ::fdopen(fd, "wb") : nullptr);
        if (!out && fd >= 0) {
            ::close(fd);
        }
        if (!out) {
            return Error("cannot write the graph cache", temporary.string());
        }
        bool ok = std::fwrite(&header, sizeof header, 1, out.get()) == 1;
        forEachArray(arrays, [&](auto& v) {
            if (ok && !v.empty()) {
                ok = std::fwrite(v.data(), sizeof(v[0]), v.size(), out.get()) == v.size();
            }
        });
        if (!ok || std::fflush(out.get()) != 0) {
            out.reset();
            std::filesystem::remove(temporary);
            return Error("cannot write the graph cache (disk full?)", temporary.string());
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, file, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return Error("cannot put the graph cache in place: " + ec.message(), file.string());
    }
    return {};
}

Result<Snapshot> SnapshotCache::load(const std::filesystem::path& file, const Snapshot::Version& expected)
{
    File in(std::fopen(file.c_str(), "rb"));
    if (!in) {
        return Error("no graph cache", file.string());
    }
    Header header;
    if (std::fread(&header, sizeof header, 1, in.get()) != 1 || header.magic != kMagic) {
        return Error("not a Warmpath graph cache", file.string());
    }
    if (header.formatVersion != kFormatVersion) {
        return Error("graph cache of another format version", file.string());
    }
    if (Snapshot::Version{header.generation, header.maxPersonId, header.maxLinkId} != expected) {
        return Error("graph cache is stale", file.string());
    }
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    const std::uint64_t n = header.personCount;
    const std::uint64_t m = header.linkCount;
    const std::uint64_t payload = n * 8 + 2 * (n + 1) * 8 + 2 * m * (4 + 1 + 1);
    if (ec || n >= Snapshot::kNoIndex || m > (std::uint64_t{1} << 40) || size != sizeof(Header) + payload) {
        return Error("graph cache has the wrong size", file.string());
    }

    Snapshot::Arrays a;
    a.personIds.resize(n);
    a.outOffsets.resize(n + 1);
    a.outTargets.resize(m);
    a.outBits.resize(m);
    a.outConfidence.resize(m);
    a.inOffsets.resize(n + 1);
    a.inSources.resize(m);
    a.inBits.resize(m);
    a.inConfidence.resize(m);
    bool ok = true;
    Checksum sum;
    forEachArray(a, [&](auto& v) {
        if (ok && !v.empty()) {
            ok = std::fread(v.data(), sizeof(v[0]), v.size(), in.get()) == v.size();
        }
        sum.add(v.data(), v.size() * sizeof(v[0]));
    });
    if (!ok || sum.value() != header.checksum) {
        return Error("graph cache is damaged (checksum mismatch)", file.string());
    }
    try {
        return Snapshot(std::move(a), expected);
    } catch (const std::invalid_argument& e) {
        return Error(std::string("graph cache is damaged: ") + e.what(), file.string());
    }
}

}  // namespace warmpath
