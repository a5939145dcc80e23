#include "graph/SnapshotBuilder.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "store/Meta.h"

namespace warmpath {
namespace {

using Index = Snapshot::Index;

std::uint8_t quantize(double confidence)
{
    const double clamped = std::clamp(confidence, 0.0, 1.0);
    return static_cast<std::uint8_t>(std::lround(clamped * 255.0));
}

/// Maps store ids to dense indices: a direct table when ids are dense enough, else binary search.
class IdMap {
public:
    explicit IdMap(const std::vector<std::int64_t>& ids) : m_ids(ids)
    {
        if (ids.empty()) {
            return;
        }
        m_min = ids.front();
        const auto span = static_cast<std::uint64_t>(ids.back() - ids.front()) + 1;
        if (span <= 4 * static_cast<std::uint64_t>(ids.size()) + 1024) {
            m_table.assign(span, Snapshot::kNoIndex);
            for (std::size_t i = 0; i < ids.size(); ++i) {
                m_table[static_cast<std::size_t>(ids[i] - m_min)] = static_cast<Index>(i);
            }
        }
    }

    [[nodiscard]] Index operator()(std::int64_t id) const
    {
        if (!m_table.empty()) {
            const std::int64_t offset = id - m_min;
            if (offset >= 0 && static_cast<std::size_t>(offset) < m_table.size() &&
                m_table[static_cast<std::size_t>(offset)] != Snapshot::kNoIndex) {
                return m_table[static_cast<std::size_t>(offset)];
            }
        } else {
            const auto it = std::lower_bound(m_ids.begin(), m_ids.end(), id);
            if (it != m_ids.end() && *it == id) {
                return static_cast<Index>(it - m_ids.begin());
            }
        }
        throw std::invalid_argument("snapshot: a link names person #" + std::to_string(id) +
                                    ", who is not in the graph");
    }

private:
    const std::vector<std::int64_t>& m_ids;
    std::int64_t m_min = 0;
    std::vector<Index> m_table;
};

void markReverse(Snapshot::Arrays& a)
{
    constexpr std::uint8_t strongKinds =
        linkbits::kKindMask & static_cast<std::uint8_t>(~linkbits::bit(LinkKind::Follows));
    const std::size_t n = a.personIds.size();
    // For person u, out(u) ∩ in(u) are the mutual partners; both rows are sorted, so one merge
    // finds, for each link u → v, the link v → u if there is one.
    for (std::size_t u = 0; u < n; ++u) {
        std::uint64_t i = a.outOffsets[u];
        std::uint64_t j = a.inOffsets[u];
        const std::uint64_t iEnd = a.outOffsets[u + 1];
        const std::uint64_t jEnd = a.inOffsets[u + 1];
        while (i < iEnd && j < jEnd) {
            if (a.outTargets[i] < a.inSources[j]) {
                ++i;
            } else if (a.inSources[j] < a.outTargets[i]) {
                ++j;
            } else {
                // out entry i is u → v; in entry j is v → u.
                const std::uint8_t forward = a.outBits[i] & linkbits::kKindMask;
                const std::uint8_t backward = a.inBits[j] & linkbits::kKindMask;
                a.outBits[i] |= linkbits::kReverseExists;
                if ((backward & strongKinds) != 0) {
                    a.outBits[i] |= linkbits::kReverseStrong;
                }
                a.inBits[j] |= linkbits::kReverseExists;
                if ((forward & strongKinds) != 0) {
                    a.inBits[j] |= linkbits::kReverseStrong;
                }
                ++i;
                ++j;
            }
        }
    }
}

/// One row set (out or in) rewritten for new indices: row i is old row order[i], its people
/// renumbered and sorted again, their link bits and confidences moved with them.
void renumberRows(const std::vector<Index>& order, const std::vector<Index>& newIndex,
                  std::vector<std::uint64_t>& offsets, std::vector<Index>& people, std::vector<std::uint8_t>& bits,
                  std::vector<std::uint8_t>& confidence)
{
    const std::size_t n = order.size();
    std::vector<std::uint64_t> newOffsets(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        newOffsets[i + 1] = newOffsets[i] + (offsets[order[i] + 1] - offsets[order[i]]);
    }
    std::vector<Index> newPeople(people.size());
    std::vector<std::uint8_t> newBits(bits.size());
    std::vector<std::uint8_t> newConfidence(confidence.size());
    std::vector<std::uint64_t> row;
    for (std::size_t i = 0; i < n; ++i) {
        row.clear();
        for (std::uint64_t j = offsets[order[i]]; j < offsets[order[i] + 1]; ++j) {
            row.push_back(std::uint64_t{newIndex[people[j]]} << 16 | std::uint64_t{bits[j]} << 8 | confidence[j]);
        }
        std::sort(row.begin(), row.end());
        for (std::size_t k = 0; k < row.size(); ++k) {
            const std::uint64_t at = newOffsets[i] + k;
            newPeople[at] = static_cast<Index>(row[k] >> 16);
            newBits[at] = static_cast<std::uint8_t>(row[k] >> 8);
            newConfidence[at] = static_cast<std::uint8_t>(row[k]);
        }
    }
    offsets = std::move(newOffsets);
    people = std::move(newPeople);
    bits = std::move(newBits);
    confidence = std::move(newConfidence);
}

/// Renumbers the people in breadth-first order over links either way, from the person with the
/// most links (then from the first person in id order not reached yet), so that people a search
/// meets together sit together in memory. With indices in id order (which an import scatters)
/// a query's thousands of people were each a look-up far away in memory: warm paths took a
/// fifth less time in this order on the benchmark graph (docs/performance.md).
void orderForLocality(Snapshot::Arrays& a)
{
    const std::size_t n = a.personIds.size();
    if (n == 0) {
        return;
    }
    Index start = 0;
    auto links = [&](std::size_t v) {
        return (a.outOffsets[v + 1] - a.outOffsets[v]) + (a.inOffsets[v + 1] - a.inOffsets[v]);
    };
    for (std::size_t v = 1; v < n; ++v) {
        if (links(v) > links(start)) {
            start = static_cast<Index>(v);
        }
    }
    constexpr Index kUnseen = Snapshot::kNoIndex;
    std::vector<Index> newIndex(n, kUnseen);
    std::vector<Index> order;
    order.reserve(n);
    auto visit = [&](Index v) {
        if (newIndex[v] == kUnseen) {
            newIndex[v] = static_cast<Index>(order.size());
            order.push_back(v);
        }
    };
    for (std::size_t next = 0, root = 0; order.size() < n;) {
        if (next == order.size()) {
            // A new component: the busiest person first, then people in id order.
            if (newIndex[start] == kUnseen) {
                visit(start);
            } else {
                while (newIndex[root] != kUnseen) {
                    ++root;
                }
                visit(static_cast<Index>(root));
            }
        }
        const Index u = order[next++];
        for (std::uint64_t j = a.outOffsets[u]; j < a.outOffsets[u + 1]; ++j) {
            visit(a.outTargets[j]);
        }
        for (std::uint64_t j = a.inOffsets[u]; j < a.inOffsets[u + 1]; ++j) {
            visit(a.inSources[j]);
        }
    }
    std::vector<std::int64_t> ids(n);
    for (std::size_t i = 0; i < n; ++i) {
        ids[i] = a.personIds[order[i]];
    }
    a.personIds = std::move(ids);
    renumberRows(order, newIndex, a.outOffsets, a.outTargets, a.outBits, a.outConfidence);
    renumberRows(order, newIndex, a.inOffsets, a.inSources, a.inBits, a.inConfidence);
}

}  // namespace

void SnapshotBuilder::reserve(std::size_t people, std::size_t links)
{
    m_people.reserve(people);
    m_from.reserve(links);
    m_to.reserve(links);
    m_kind.reserve(links);
    m_confidence.reserve(links);
}

void SnapshotBuilder::addPerson(PersonId person)
{
    m_people.push_back(person.value());
}

void SnapshotBuilder::addLink(PersonId from, PersonId to, LinkKind kind, double confidence)
{
    if (from == to) {
        return;
    }
    m_from.push_back(from.value());
    m_to.push_back(to.value());
    m_kind.push_back(linkbits::bit(kind));
    m_confidence.push_back(quantize(confidence));
}

Snapshot SnapshotBuilder::build(Snapshot::Version version)
{
    Snapshot::Arrays a;
    std::sort(m_people.begin(), m_people.end());
    m_people.erase(std::unique(m_people.begin(), m_people.end()), m_people.end());
    a.personIds = std::move(m_people);
    const std::size_t n = a.personIds.size();
    const std::size_t raw = m_from.size();

    // Rows by counting sort: (to, kind, confidence) packed in one 64-bit key so one sort per row
    // orders targets and puts repeats of a pair next to each other.
    std::vector<Index> from(raw);
    std::vector<std::uint64_t> packed(raw);
    {
        const IdMap map(a.personIds);
        for (std::size_t e = 0; e < raw; ++e) {
            from[e] = map(m_from[e]);
            packed[e] = (static_cast<std::uint64_t>(map(m_to[e])) << 16) |
                        (static_cast<std::uint64_t>(m_kind[e]) << 8) | m_confidence[e];
        }
    }
    m_from = {};
    m_to = {};
    m_kind = {};
    m_confidence = {};

    std::vector<std::uint64_t> start(n + 1, 0);
    for (Index f : from) {
        ++start[f + 1];
    }
    for (std::size_t v = 0; v < n; ++v) {
        start[v + 1] += start[v];
    }
    std::vector<std::uint64_t> rows(raw);
    {
        std::vector<std::uint64_t> cursor(start.begin(), start.end() - 1);
        for (std::size_t e = 0; e < raw; ++e) {
            rows[cursor[from[e]]++] = packed[e];
        }
    }
    from = {};
    packed = {};

    a.outOffsets.assign(n + 1, 0);
    a.outTargets.reserve(raw);
    a.outBits.reserve(raw);
    a.outConfidence.reserve(raw);
    std::vector<std::uint64_t> inCount(n + 1, 0);
    for (std::size_t v = 0; v < n; ++v) {
        auto* begin = rows.data() + start[v];
        auto* end = rows.data() + start[v + 1];
        std::sort(begin, end);
        for (auto* it = begin; it != end; ++it) {
            const auto target = static_cast<Index>(*it >> 16);
            const auto bits = static_cast<std::uint8_t>((*it >> 8) & 0xFF);
            const auto confidence = static_cast<std::uint8_t>(*it & 0xFF);
            if (a.outTargets.size() > a.outOffsets[v] && a.outTargets.back() == target) {
                a.outBits.back() |= bits;
                a.outConfidence.back() = std::max(a.outConfidence.back(), confidence);
            } else {
                a.outTargets.push_back(target);
                a.outBits.push_back(bits);
                a.outConfidence.push_back(confidence);
                ++inCount[target + 1];
            }
        }
        a.outOffsets[v + 1] = a.outTargets.size();
    }
    rows = {};
    start = {};
    a.outTargets.shrink_to_fit();
    a.outBits.shrink_to_fit();
    a.outConfidence.shrink_to_fit();

    const std::size_t m = a.outTargets.size();
    for (std::size_t v = 0; v < n; ++v) {
        inCount[v + 1] += inCount[v];
    }
    a.inOffsets = inCount;
    a.inSources.resize(m);
    a.inBits.resize(m);
    a.inConfidence.resize(m);
    // Walking the sources in ascending order leaves every in-row sorted by source.
    for (std::size_t u = 0; u < n; ++u) {
        for (std::uint64_t i = a.outOffsets[u]; i < a.outOffsets[u + 1]; ++i) {
            const std::uint64_t slot = inCount[a.outTargets[i]]++;
            a.inSources[slot] = static_cast<Index>(u);
            a.inBits[slot] = a.outBits[i];
            a.inConfidence[slot] = a.outConfidence[i];
        }
    }
    markReverse(a);
    orderForLocality(a);
    return Snapshot(std::move(a), version);
}

Snapshot::Version SnapshotBuilder::currentVersion(Database& db)
{
    Snapshot::Version version;
    version.generation = graphGeneration(db);
    Statement& people = db.cached("SELECT coalesce(max(id), 0) FROM person");
    people.step();
    version.maxPersonId = people.int64(0);
    people.reset();
    Statement& links = db.cached("SELECT coalesce(max(id), 0) FROM link");
    links.step();
    version.maxLinkId = links.int64(0);
    links.reset();
    return version;
}

Result<Snapshot> SnapshotBuilder::fromDatabase(Database& db, const ProgressCallback& progress,
                                               const CancelToken* cancel)
{
    if (cancel != nullptr && cancel->cancelled()) {
        return Error::cancelled();  // asked to stop before it began: nothing read
    }
    // One read transaction: the people, the links and the version all show the same moment.
    Transaction tx(db, Transaction::Kind::Deferred);
    SnapshotBuilder builder;
    const Snapshot::Version version = currentVersion(db);
    std::int64_t expectedLinks = 0;
    {
        Statement count = db.prepare("SELECT count(*) FROM person");
        count.step();
        const std::int64_t people = count.int64(0);
        builder.m_people.reserve(static_cast<std::size_t>(people));
        // The largest link id is an upper bound on the row count and costs nothing to read.
        expectedLinks = version.maxLinkId;
        builder.reserve(static_cast<std::size_t>(people), static_cast<std::size_t>(expectedLinks));
    }
    {
        Statement st = db.prepare("SELECT id FROM person ORDER BY id");
        while (st.step()) {
            builder.m_people.push_back(st.int64(0));
        }
    }
    {
        Statement st = db.prepare("SELECT from_person, to_person, kind, confidence FROM link");
        std::uint64_t done = 0;
        while (st.step()) {
            builder.addLink(PersonId(st.int64(0)), PersonId(st.int64(1)), static_cast<LinkKind>(st.int64(2)),
                            st.real(3));
            if ((++done & 0xFFFFF) == 0) {
                if (cancel != nullptr && cancel->cancelled()) {
                    return Error::cancelled();
                }
                if (progress) {
                    progress(done, static_cast<std::uint64_t>(expectedLinks), "reading links");
                }
            }
        }
    }
    tx.commit();
    if (progress) {
        progress(0, 0, "packing the graph");
    }
    return builder.build(version);
}

}  // namespace warmpath
