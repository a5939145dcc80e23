#include "graph/Snapshot.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

namespace warmpath {
namespace {

template <typename T>
std::size_t bytesOf(const std::vector<T>& v)
{
    return v.size() * sizeof(T);
}

void checkRows(const std::vector<std::uint64_t>& offsets, std::size_t n, std::size_t m,
               const std::vector<Snapshot::Index>& targets, const char* what)
{
    if (offsets.size() != n + 1 || offsets.front() != 0 || offsets.back() != m || targets.size() != m) {
        throw std::invalid_argument(std::string("snapshot: inconsistent ") + what + " rows");
    }
    for (std::size_t v = 0; v < n; ++v) {
        if (offsets[v] > offsets[v + 1]) {
            throw std::invalid_argument(std::string("snapshot: decreasing ") + what + " offsets");
        }
    }
    for (Snapshot::Index t : targets) {
        if (t >= n) {
            throw std::invalid_argument(std::string("snapshot: ") + what + " index out of range");
        }
    }
}

}  // namespace

Snapshot::Snapshot(Arrays arrays, Version version) : m_a(std::move(arrays)), m_version(version)
{
    const std::size_t n = m_a.personIds.size();
    const std::size_t m = m_a.outTargets.size();
    if (n >= kNoIndex) {
        throw std::invalid_argument("snapshot: too many people for 32-bit indices");
    }
    m_byId.resize(n);
    std::iota(m_byId.begin(), m_byId.end(), Index{0});
    std::sort(m_byId.begin(), m_byId.end(), [&](Index x, Index y) { return m_a.personIds[x] < m_a.personIds[y]; });
    for (std::size_t k = 1; k < n; ++k) {
        if (m_a.personIds[m_byId[k - 1]] == m_a.personIds[m_byId[k]]) {
            throw std::invalid_argument("snapshot: person ids must be different");
        }
    }
    checkRows(m_a.outOffsets, n, m, m_a.outTargets, "out");
    checkRows(m_a.inOffsets, n, m, m_a.inSources, "in");
    if (m_a.outBits.size() != m || m_a.outConfidence.size() != m || m_a.inBits.size() != m ||
        m_a.inConfidence.size() != m) {
        throw std::invalid_argument("snapshot: attribute arrays do not match the link count");
    }
    m_longRows.assign((n + 31) / 32, 0);
    for (Index v = 0; v < n; ++v) {
        const std::uint64_t out = outDegree(v) > kLongRow ? 1U : 0U;
        const std::uint64_t in = inDegree(v) > kLongRow ? 2U : 0U;
        m_longRows[v / 32] |= (out | in) << (v % 32 * 2);
    }
}

std::optional<Snapshot::Index> Snapshot::indexOf(PersonId person) const
{
    const auto it = std::lower_bound(m_byId.begin(), m_byId.end(), person.value(),
                                     [&](Index v, std::int64_t id) { return m_a.personIds[v] < id; });
    if (it == m_byId.end() || m_a.personIds[*it] != person.value()) {
        return std::nullopt;
    }
    return *it;
}

Snapshot::Index Snapshot::requireIndex(PersonId person) const
{
    if (auto index = indexOf(person)) {
        return *index;
    }
    throw std::invalid_argument("no person #" + std::to_string(person.value()) + " in the graph snapshot");
}

std::optional<std::size_t> Snapshot::findOut(Index from, Index to) const
{
    const auto targets = outNeighbours(from);
    const auto it = std::lower_bound(targets.begin(), targets.end(), to);
    if (it == targets.end() || *it != to) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(it - targets.begin());
}

std::size_t Snapshot::memoryBytes() const
{
    return sizeof(*this) + bytesOf(m_a.personIds) + bytesOf(m_a.outOffsets) + bytesOf(m_a.outTargets) +
           bytesOf(m_a.outBits) + bytesOf(m_a.outConfidence) + bytesOf(m_a.inOffsets) + bytesOf(m_a.inSources) +
           bytesOf(m_a.inBits) + bytesOf(m_a.inConfidence) + bytesOf(m_longRows) + bytesOf(m_byId);
}

}  // namespace warmpath
