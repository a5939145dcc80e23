#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "graph/Separation.h"
#include "graph/Snapshot.h"
#include "model/PersonId.h"

namespace warmpath {

/// What a warm-path search may use and prefers.
struct WarmPathOptions {
    int k = 3;        ///< how many paths at most
    int maxHops = 6;  ///< longer paths are not returned
    Direction direction = Direction::Undirected;
    std::vector<PersonId> avoid;          ///< people no path may pass through
    std::vector<PersonId> warmFirstHops;  ///< tagged or recently contacted people: warmer first hops
};

/// One hop of a path, explained: which links join the two people and how strongly.
struct PathHop {
    PersonId from;
    PersonId to;
    std::uint8_t kindsForward = 0;   ///< LinkKind bits of the links from → to (0: none)
    std::uint8_t kindsBackward = 0;  ///< LinkKind bits of the links to → from (0: none)
    double confidence = 1.0;         ///< the best confidence of those links
    double warmth = 1.0;             ///< this hop's factor in the path's warmth

    [[nodiscard]] bool mutual() const { return kindsForward != 0 && kindsBackward != 0; }
};

struct WarmPath {
    std::vector<PersonId> people;  ///< from ... to
    std::vector<PathHop> hops;
    double warmth = 0;  ///< product of the hop warmths, in (0, 1]: higher is warmer
};

/// The k warmest loop-free paths from one person to another: Yen's algorithm (with Lawler's
/// rule of spurring only from the deviation point on) with link cost -ln(hop warmth). Each spur
/// search is an A* towards the target guided by one backward Dijkstra from the target that all
/// spur searches of the query share (a bidirectional Dijkstra where that would wander); a spur
/// search with three hops or fewer left (four, where the A* would wander) enumerates the paths
/// instead, which is exact under the hop limit.
/// Hop warmth (see docs/architecture.md, "Warmth"):
///   0.9 per hop (shorter is warmer)
///   × 1.0 for a connection/knows/colleague/related link either way, 0.85 for a mutual follow,
///     0.6 for following them, 0.35 for only being followed by them (undirected mode)
///   × the link's confidence (at least 0.05)
///   × 0.8 for a first hop who is neither tagged nor recently contacted.
class WarmPaths final : public PathQuery {
public:
    WarmPaths(const Snapshot& snapshot, PersonId from, PersonId to, WarmPathOptions options);

    /// Warmest first; every path distinct and loop-free.
    [[nodiscard]] const std::vector<WarmPath>& paths() const { return m_paths; }

    /// The warmth factor of a single hop as the search scores it (exposed for tests and docs).
    [[nodiscard]] static double hopWarmth(std::uint8_t bits, std::uint8_t confidence, bool alongLink,
                                          bool coldFirstHop);

private:
    void search() override;

    WarmPathOptions m_options;
    std::vector<WarmPath> m_paths;
};

}  // namespace warmpath
