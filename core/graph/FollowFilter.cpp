#include "graph/FollowFilter.h"

#include <algorithm>
#include <span>
#include <stdexcept>
#include <string>

#include "graph/Scratch.h"

namespace warmpath {
namespace {

struct FollowFilterScratchTag {};
using FollowScratch = graphdetail::Scratch<FollowFilterScratchTag>;
using Index = Snapshot::Index;

constexpr std::uint8_t kFollowKinds = linkbits::bit(LinkKind::Follows) | linkbits::bit(LinkKind::Connection);
constexpr std::uint8_t kMutualKinds = linkbits::bit(LinkKind::Connection);

/// Calls `visit(b)` once for every b of the sorted row `first` whose bits have one of `firstKinds`
/// or of the sorted row `second` whose bits have one of `secondKinds`: a merge, so that someone in
/// both rows (a connection stored both ways) is visited once.
template <typename Visit>
void forEachMerged(std::span<const Index> first, std::span<const std::uint8_t> firstBits, std::uint8_t firstKinds,
                   std::span<const Index> second, std::span<const std::uint8_t> secondBits, std::uint8_t secondKinds,
                   Visit&& visit)
{
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < first.size() || j < second.size()) {
        const Index a = i < first.size() ? first[i] : Snapshot::kNoIndex;
        const Index b = j < second.size() ? second[j] : Snapshot::kNoIndex;
        const Index next = std::min(a, b);
        bool counts = false;
        if (a == next) {
            counts = (firstBits[i++] & firstKinds) != 0;
        }
        if (b == next) {
            counts = (secondBits[j++] & secondKinds) != 0 || counts;
        }
        if (counts) {
            visit(next);
        }
    }
}

/// Every b whom `a` follows, once: out-links of a follow kind, and connections made the other way.
template <typename Visit>
void forEachFollowed(const Snapshot& graph, Index a, Visit&& visit)
{
    forEachMerged(graph.outNeighbours(a), graph.outBits(a), kFollowKinds, graph.inNeighbours(a), graph.inBits(a),
                  kMutualKinds, visit);
}

/// Every b who follows `a`, once: the mirror image of forEachFollowed.
template <typename Visit>
void forEachFollower(const Snapshot& graph, Index a, Visit&& visit)
{
    forEachMerged(graph.inNeighbours(a), graph.inBits(a), kFollowKinds, graph.outNeighbours(a), graph.outBits(a),
                  kMutualKinds, visit);
}

}  // namespace

FollowFilter::FollowFilter(const Snapshot& graph, PersonId me, FollowCriteria criteria)
    : m_graph(graph), m_me(graph.requireIndex(me)), m_criteria(criteria)
{
    if (!criteria.any()) {
        throw std::invalid_argument("no follow filter given");
    }
    if (criteria.followedByMyFollows && *criteria.followedByMyFollows < 1) {
        throw std::invalid_argument("followed by at least N of the people you follow: N must be 1 or more, not " +
                                    std::to_string(*criteria.followedByMyFollows));
    }
}

void FollowFilter::run()
{
    FollowScratch& scratch = FollowScratch::forThisThread(m_graph.personCount());
    graphdetail::VisitMarks& followed = scratch.marksA;  // whom I follow
    graphdetail::VisitMarks& follower = scratch.marksB;  // who follows me
    graphdetail::VisitMarks& counted = scratch.marksC;   // scratch.a holds a count where marked
    std::vector<Index> candidates;                       // everyone who might pass, possibly twice

    std::vector<Index> myFollows;
    forEachFollowed(m_graph, m_me, [&](Index b) {
        followed.mark(b);
        myFollows.push_back(b);
    });
    forEachFollower(m_graph, m_me, [&](Index b) {
        follower.mark(b);
        if (m_criteria.followsMeNotBack) {
            candidates.push_back(b);
        }
    });
    if (m_criteria.notFollowingBack) {
        candidates.insert(candidates.end(), myFollows.begin(), myFollows.end());
    }
    const std::uint32_t needed =
        m_criteria.followedByMyFollows ? static_cast<std::uint32_t>(*m_criteria.followedByMyFollows) : 0;
    if (needed > 0) {
        for (const Index f : myFollows) {
            forEachFollowed(m_graph, f, [&](Index b) {
                if (!counted.seen(b)) {
                    counted.mark(b);
                    scratch.a[b] = 0;
                    candidates.push_back(b);
                }
                ++scratch.a[b];
            });
        }
    }

    auto passes = [&](Index b) {
        if (b == m_me) {
            return false;
        }
        if (m_criteria.followsMeNotBack && !(follower.seen(b) && !followed.seen(b))) {
            return false;
        }
        if (m_criteria.notFollowingBack && !(followed.seen(b) && !follower.seen(b))) {
            return false;
        }
        return needed == 0 || (counted.seen(b) && scratch.a[b] >= needed);
    };
    m_people.clear();
    for (const Index b : candidates) {
        if (passes(b)) {
            m_people.push_back(m_graph.personAt(b));
        }
    }
    std::sort(m_people.begin(), m_people.end());
    m_people.erase(std::unique(m_people.begin(), m_people.end()), m_people.end());
}

}  // namespace warmpath
