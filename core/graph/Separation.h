#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "graph/Snapshot.h"
#include "model/PersonId.h"
#include "util/Progress.h"

namespace warmpath {

/// The shared shape of the path questions: the constructor checks that both people are in the
/// snapshot (std::invalid_argument naming the one who is not), run() answers, getters read.
class PathQuery {
public:
    PathQuery(const Snapshot& snapshot, PersonId from, PersonId to, Direction direction);
    virtual ~PathQuery() = default;
    PathQuery(const PathQuery&) = delete;
    PathQuery& operator=(const PathQuery&) = delete;
    PathQuery(PathQuery&&) = delete;
    PathQuery& operator=(PathQuery&&) = delete;

    /// Answers the question; may be called once.
    void run();
    [[nodiscard]] bool hasRun() const { return m_ran; }

protected:
    const Snapshot& m_snapshot;
    Snapshot::Index m_from;
    Snapshot::Index m_to;
    Direction m_direction;

private:
    virtual void search() = 0;
    bool m_ran = false;
};

/// Degree of separation between two people by bidirectional breadth-first search: each round
/// grows the side whose frontier has fewer links to look at, and stops at the first meeting
/// (which, growing whole levels, is a shortest path).
class Separation final : public PathQuery {
public:
    using PathQuery::PathQuery;

    /// Hops on a shortest path; nullopt when no path exists.
    [[nodiscard]] std::optional<int> degree() const { return m_degree; }
    /// One shortest path, from `from` to `to` inclusive; empty when none exists.
    [[nodiscard]] const std::vector<PersonId>& path() const { return m_path; }

private:
    void search() override;

    std::optional<int> m_degree;
    std::vector<PersonId> m_path;
};

/// Breadth-first levels from one person: how many people are 1, 2, 3, ... hops away.
class DegreesFrom {
public:
    DegreesFrom(const Snapshot& snapshot, PersonId from, Direction direction);

    /// A set `cancel` throws RunCancelled (graph/Cancelled.h) before the next level.
    void run(const CancelToken* cancel = nullptr);
    /// levels()[d - 1] is the number of people exactly d hops away (d ≥ 1), up to the last level reached.
    [[nodiscard]] const std::vector<std::uint64_t>& levels() const { return m_levels; }
    /// People (not counting `from`) with no path from `from`.
    [[nodiscard]] std::uint64_t unreachable() const { return m_unreachable; }
    /// Hop distance of every person by dense index (-1 unreachable); kept only when asked for.
    [[nodiscard]] std::vector<std::int32_t> distances() const;

private:
    const Snapshot& m_snapshot;
    Snapshot::Index m_from;
    Direction m_direction;
    std::vector<std::uint64_t> m_levels;
    std::uint64_t m_unreachable = 0;
    std::vector<std::int32_t> m_distance;
};

}  // namespace warmpath
