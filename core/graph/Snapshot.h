#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "model/LinkKind.h"
#include "model/PersonId.h"

namespace warmpath {

/// Everything known about one directed pair (from, to) of the graph, packed into one byte: the
/// kinds of link from → to (bit i for LinkKind i) plus two facts about the way back, so that a
/// path finder can tell a mutual relation from a one-way follow without a second lookup.
namespace linkbits {
inline constexpr std::uint8_t kKindMask = 0x1F;
inline constexpr std::uint8_t kReverseExists = 0x20;  ///< to also links to from (any kind)
inline constexpr std::uint8_t kReverseStrong = 0x40;  ///< ... and that way back is not only a follow
[[nodiscard]] constexpr std::uint8_t bit(LinkKind kind)
{
    return static_cast<std::uint8_t>(1U << static_cast<unsigned>(kind));
}
}  // namespace linkbits

/// An immutable picture of the link graph: compressed sparse rows for out- and in-links, a
/// per-link kind byte (see linkbits) and confidence (0..255 for 0.0..1.0), people mapped to
/// dense indices 0..n-1 in a locality order (see SnapshotBuilder), not by id: whatever users see
/// in order breaks ties by person id (idBefore), never by index. Built by SnapshotBuilder,
/// stored and loaded by SnapshotCache; shared read-only between threads.
///
/// Dense indices are our own CSR's vertex numbers; they never leave core/graph (the Workspace and
/// everything above it speak PersonId).
class Snapshot {
public:
    using Index = std::uint32_t;
    static constexpr Index kNoIndex = 0xFFFFFFFFU;

    /// The raw arrays; SnapshotBuilder and SnapshotCache fill them, the constructor checks them.
    struct Arrays {
        /// One per dense index, all different. Indices follow a locality order (see
        /// SnapshotBuilder), not the ids: indexOf() goes through a sorted permutation.
        std::vector<std::int64_t> personIds;
        std::vector<std::uint64_t> outOffsets;  ///< n + 1
        std::vector<Index> outTargets;          ///< sorted ascending within each row
        std::vector<std::uint8_t> outBits;
        std::vector<std::uint8_t> outConfidence;
        std::vector<std::uint64_t> inOffsets;  ///< n + 1
        std::vector<Index> inSources;          ///< sorted ascending within each row
        std::vector<std::uint8_t> inBits;      ///< the bits of the link source → this person
        std::vector<std::uint8_t> inConfidence;
    };

    /// Which database state a snapshot shows: the graph generation (store/Meta.h) plus the largest
    /// person and link ids, a cheap guard against writes that forgot to bump the generation.
    struct Version {
        std::int64_t generation = 0;
        std::int64_t maxPersonId = 0;
        std::int64_t maxLinkId = 0;
        friend bool operator==(const Version&, const Version&) = default;
    };

    Snapshot() = default;
    /// Throws std::invalid_argument when the arrays do not describe a valid graph.
    Snapshot(Arrays arrays, Version version);

    [[nodiscard]] std::size_t personCount() const { return m_a.personIds.size(); }
    /// Distinct directed (from, to) pairs; several kinds between the same pair count once.
    [[nodiscard]] std::size_t linkCount() const { return m_a.outTargets.size(); }
    [[nodiscard]] const Version& version() const { return m_version; }

    [[nodiscard]] std::optional<Index> indexOf(PersonId person) const;
    /// Like indexOf, but throws std::invalid_argument naming the person when they are not in the graph.
    [[nodiscard]] Index requireIndex(PersonId person) const;
    [[nodiscard]] PersonId personAt(Index index) const { return PersonId(m_a.personIds[index]); }
    /// The index of the person with the k-th smallest id (k < personCount()): id order, for
    /// whatever must not depend on the locality order of the indices.
    [[nodiscard]] Index indexByIdRank(std::size_t k) const { return m_byId[k]; }
    /// Whether a's person id is smaller than b's: ties among people are broken this way.
    [[nodiscard]] bool idBefore(Index a, Index b) const { return m_a.personIds[a] < m_a.personIds[b]; }

    [[nodiscard]] std::span<const Index> outNeighbours(Index v) const { return row(m_a.outOffsets, m_a.outTargets, v); }
    [[nodiscard]] std::span<const Index> inNeighbours(Index v) const { return row(m_a.inOffsets, m_a.inSources, v); }
    [[nodiscard]] std::span<const std::uint8_t> outBits(Index v) const { return row(m_a.outOffsets, m_a.outBits, v); }
    [[nodiscard]] std::span<const std::uint8_t> inBits(Index v) const { return row(m_a.inOffsets, m_a.inBits, v); }
    [[nodiscard]] std::span<const std::uint8_t> outConfidence(Index v) const
    {
        return row(m_a.outOffsets, m_a.outConfidence, v);
    }
    [[nodiscard]] std::span<const std::uint8_t> inConfidence(Index v) const
    {
        return row(m_a.inOffsets, m_a.inConfidence, v);
    }
    [[nodiscard]] std::size_t outDegree(Index v) const { return m_a.outOffsets[v + 1] - m_a.outOffsets[v]; }
    [[nodiscard]] std::size_t inDegree(Index v) const { return m_a.inOffsets[v + 1] - m_a.inOffsets[v]; }

    /// Rows longer than this are "long": searches hand their links out lazily instead of reading
    /// them whole (see WarmPaths).
    static constexpr std::size_t kLongRow = 32;
    /// Whether v has more than kLongRow out-links (in-links). A search asks this of every
    /// neighbour it relaxes, so the answers sit in a table of two bits a person (250 KB for a
    /// million people) rather than in two reads far apart in the offsets.
    [[nodiscard]] bool longOutRow(Index v) const { return ((m_longRows[v / 32] >> (v % 32 * 2)) & 1U) != 0; }
    [[nodiscard]] bool longInRow(Index v) const { return ((m_longRows[v / 32] >> (v % 32 * 2 + 1)) & 1U) != 0; }

    /// Position of the link from → to within outNeighbours(from), or nullopt.
    [[nodiscard]] std::optional<std::size_t> findOut(Index from, Index to) const;
    [[nodiscard]] bool hasLink(Index from, Index to) const { return findOut(from, to).has_value(); }

    /// Bytes held by the arrays (what the "≤ 16 bytes per link" budget counts).
    [[nodiscard]] std::size_t memoryBytes() const;
    [[nodiscard]] const Arrays& arrays() const { return m_a; }

private:
    template <typename T>
    static std::span<const T> row(const std::vector<std::uint64_t>& offsets, const std::vector<T>& data, Index v)
    {
        return {data.data() + offsets[v], static_cast<std::size_t>(offsets[v + 1] - offsets[v])};
    }

    Arrays m_a;
    Version m_version;
    std::vector<std::uint64_t> m_longRows;  ///< see longOutRow(): bit 2v out, bit 2v + 1 in
    std::vector<Index> m_byId;              ///< indices by ascending person id (see indexOf())
};

/// How a graph question treats link direction.
enum class Direction {
    Undirected,  ///< a link either way connects two people
    Directed,    ///< links are followed from `from` to `to` only
};

}  // namespace warmpath
