#pragma once

#include <optional>
#include <vector>

#include "graph/Snapshot.h"
#include "model/PersonId.h"

namespace warmpath {

/// The follow-network criteria of the people list (`people --follows-me-not-back`,
/// `--not-following-back`, `--followed-by-my-follows N`, and the same filters in the GUI).
struct FollowCriteria {
    bool followsMeNotBack = false;           ///< they follow me, I do not follow them
    bool notFollowingBack = false;           ///< I follow them, they do not follow me
    std::optional<int> followedByMyFollows;  ///< followed by at least N (1 or more) of the people I follow

    [[nodiscard]] bool any() const { return followsMeNotBack || notFollowingBack || followedByMyFollows.has_value(); }
    friend bool operator==(const FollowCriteria&, const FollowCriteria&) = default;
};

/// Who meets every set FollowCriteria, seen from `me`, over a snapshot.
///
/// What counts as "a follows b": a `follows` link from a to b, or a `connection` between them in
/// either direction (a connection is mutual, so it counts both ways even when only one of its two
/// rows is stored). `knows`, `colleague` and `related` links are relations the user recorded, not
/// follows, and count neither way. Me is never in the answer.
class FollowFilter {
public:
    /// Throws std::invalid_argument when no criterion is set, N is below 1, or `me` is not in the graph.
    FollowFilter(const Snapshot& graph, PersonId me, FollowCriteria criteria);
    void run();
    /// The people who meet every criterion, in ascending id order.
    [[nodiscard]] const std::vector<PersonId>& people() const { return m_people; }

private:
    const Snapshot& m_graph;
    Snapshot::Index m_me;
    FollowCriteria m_criteria;
    std::vector<PersonId> m_people;
};

}  // namespace warmpath
