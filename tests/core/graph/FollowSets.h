#pragma once

// The people list's follow filters worked out from a plain list of links with sets, the way
// docs/cli.md defines them, to hold the graph code's answers against.

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "model/LinkKind.h"

namespace warmpath::test {

struct FollowSets {
    std::set<int> iFollow;
    std::set<int> followMe;
    std::map<int, int> followedByMyFollows;  ///< person (never me) -> how many of those I follow follow them

    /// `links`: anything with `from` and `to` person numbers and a `kind` (HandLink).
    template <typename Link>
    FollowSets(int me, const std::vector<Link>& links)
    {
        std::set<std::pair<int, int>> follows;  // (a, b): a follows b
        for (const Link& l : links) {
            if (l.kind == LinkKind::Follows || l.kind == LinkKind::Connection) {
                follows.emplace(l.from, l.to);
            }
            if (l.kind == LinkKind::Connection) {
                follows.emplace(l.to, l.from);
            }
        }
        for (const auto& [a, b] : follows) {
            if (a == me) {
                iFollow.insert(b);
            }
            if (b == me) {
                followMe.insert(a);
            }
        }
        for (const auto& [a, b] : follows) {
            if (iFollow.contains(a) && b != me) {
                ++followedByMyFollows[b];
            }
        }
    }

    [[nodiscard]] std::set<int> followsMeNotBack() const { return difference(followMe, iFollow); }
    [[nodiscard]] std::set<int> notFollowingBack() const { return difference(iFollow, followMe); }
    [[nodiscard]] std::set<int> followedByAtLeast(int n) const
    {
        std::set<int> people;
        for (const auto& [person, count] : followedByMyFollows) {
            if (count >= n) {
                people.insert(person);
            }
        }
        return people;
    }

    static std::set<int> difference(const std::set<int>& a, const std::set<int>& b)
    {
        std::set<int> result;
        std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(result, result.end()));
        return result;
    }
    static std::set<int> intersection(const std::set<int>& a, const std::set<int>& b)
    {
        std::set<int> result;
        std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(result, result.end()));
        return result;
    }
};

}  // namespace warmpath::test
