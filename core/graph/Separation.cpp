#include "graph/Separation.h"

#include <algorithm>
#include <stdexcept>

#include "graph/Cancelled.h"
#include "graph/Scratch.h"

namespace warmpath {
namespace {

using Index = Snapshot::Index;
struct BfsTag {};

}  // namespace

PathQuery::PathQuery(const Snapshot& snapshot, PersonId from, PersonId to, Direction direction)
    : m_snapshot(snapshot), m_from(snapshot.requireIndex(from)), m_to(snapshot.requireIndex(to)), m_direction(direction)
{
}

void PathQuery::run()
{
    if (m_ran) {
        throw std::logic_error("a path query runs once");
    }
    m_ran = true;
    search();
}

void Separation::search()
{
    if (m_from == m_to) {
        m_degree = 0;
        m_path = {m_snapshot.personAt(m_from)};
        return;
    }
    const std::size_t n = m_snapshot.personCount();
    auto& s = graphdetail::Scratch<BfsTag>::forThisThread(n);
    // marksA/a: forward side (seen, parent); marksB/b: backward side. c/d hold distances.
    const bool undirected = m_direction == Direction::Undirected;
    std::vector<Index> frontF{m_from};
    std::vector<Index> frontB{m_to};
    std::vector<Index> next;
    s.marksA.mark(m_from);
    s.a[m_from] = Snapshot::kNoIndex;
    s.c[m_from] = 0;
    s.marksB.mark(m_to);
    s.b[m_to] = Snapshot::kNoIndex;
    s.d[m_to] = 0;
    int depthF = 0;
    int depthB = 0;

    auto costOf = [&](const std::vector<Index>& front, bool forward) {
        std::uint64_t cost = 0;
        for (Index v : front) {
            if (undirected) {
                cost += m_snapshot.outDegree(v) + m_snapshot.inDegree(v);
            } else {
                cost += forward ? m_snapshot.outDegree(v) : m_snapshot.inDegree(v);
            }
        }
        return cost;
    };

    Index meetU = Snapshot::kNoIndex;  // on the side that found the meeting
    Index meetV = Snapshot::kNoIndex;
    bool meetForward = true;
    while (!frontF.empty() && !frontB.empty() && meetU == Snapshot::kNoIndex) {
        const bool forward = costOf(frontF, true) <= costOf(frontB, false);
        auto& front = forward ? frontF : frontB;
        auto& mine = forward ? s.marksA : s.marksB;
        auto& other = forward ? s.marksB : s.marksA;
        auto& parent = forward ? s.a : s.b;
        next.clear();
        auto visit = [&](Index u, Index v) {
            if (mine.seen(v)) {
                return false;
            }
            mine.mark(v);
            parent[v] = u;
            if (other.seen(v)) {
                meetU = u;
                meetV = v;
                meetForward = forward;
                return true;
            }
            next.push_back(v);
            return false;
        };
        for (Index u : front) {
            bool met = false;
            if (forward || undirected) {
                for (Index v : m_snapshot.outNeighbours(u)) {
                    if (visit(u, v)) {
                        met = true;
                        break;
                    }
                }
            }
            if (!met && (!forward || undirected)) {
                for (Index v : m_snapshot.inNeighbours(u)) {
                    if (visit(u, v)) {
                        met = true;
                        break;
                    }
                }
            }
            if (met) {
                break;
            }
        }
        (forward ? depthF : depthB) += 1;
        front.swap(next);
    }
    if (meetU == Snapshot::kNoIndex) {
        return;
    }
    // The meeting person v was reached by the side that just grew (from u) and earlier by the
    // other side; walk both parent chains.
    std::vector<Index> forwardHalf;
    std::vector<Index> backwardHalf;
    if (meetForward) {
        for (Index v = meetV; v != Snapshot::kNoIndex; v = s.a[v]) {
            forwardHalf.push_back(v);
        }
        for (Index v = s.b[meetV]; v != Snapshot::kNoIndex; v = s.b[v]) {
            backwardHalf.push_back(v);
        }
    } else {
        for (Index v = meetV; v != Snapshot::kNoIndex; v = s.b[v]) {
            backwardHalf.push_back(v);
        }
        for (Index v = s.a[meetV]; v != Snapshot::kNoIndex; v = s.a[v]) {
            forwardHalf.push_back(v);
        }
    }
    std::reverse(forwardHalf.begin(), forwardHalf.end());
    for (Index v : forwardHalf) {
        m_path.push_back(m_snapshot.personAt(v));
    }
    for (Index v : backwardHalf) {
        m_path.push_back(m_snapshot.personAt(v));
    }
    m_degree = static_cast<int>(m_path.size()) - 1;
}

DegreesFrom::DegreesFrom(const Snapshot& snapshot, PersonId from, Direction direction)
    : m_snapshot(snapshot), m_from(snapshot.requireIndex(from)), m_direction(direction)
{
}

void DegreesFrom::run(const CancelToken* cancel)
{
    const std::size_t n = m_snapshot.personCount();
    m_distance.assign(n, -1);
    m_levels.clear();
    std::vector<Index> front{m_from};
    std::vector<Index> next;
    m_distance[m_from] = 0;
    std::uint64_t reached = 1;
    const bool undirected = m_direction == Direction::Undirected;
    for (std::int32_t depth = 1; !front.empty(); ++depth) {
        stopIfCancelled(cancel);
        next.clear();
        for (Index u : front) {
            for (Index v : m_snapshot.outNeighbours(u)) {
                if (m_distance[v] < 0) {
                    m_distance[v] = depth;
                    next.push_back(v);
                }
            }
            if (undirected) {
                for (Index v : m_snapshot.inNeighbours(u)) {
                    if (m_distance[v] < 0) {
                        m_distance[v] = depth;
                        next.push_back(v);
                    }
                }
            }
        }
        if (!next.empty()) {
            m_levels.push_back(next.size());
            reached += next.size();
        }
        front.swap(next);
    }
    m_unreachable = n - reached;
}

std::vector<std::int32_t> DegreesFrom::distances() const
{
    return m_distance;
}

}  // namespace warmpath
