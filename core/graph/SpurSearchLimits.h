#pragma once

#include <cstddef>
#include <cstdint>

namespace warmpath::graphdetail {

/// How long a warm-path spur search runs its A* before handing over: to enumeration when four
/// hops or fewer are left, else to the bidirectional search. Per thread, so that a test can
/// send every spur search through the hand-over (0) without touching other threads' searches.
struct SpurSearchLimits {
    std::size_t giveUpAfter = 12000;
};

SpurSearchLimits& spurSearchLimits();

/// What the warm-path searches of this thread have done since the counters were last reset:
/// the benchmark prints them per query, so that the next person tuning the search sees where
/// the work goes without a profiler. Each kind of spur search counts its calls and its time.
struct WarmPathCounters {
    enum Kind { FirstPath, FewHops, AStar, AStarThenFourHops, AStarThenBidirectional, ExactUnderHopBudget, kKinds };
    std::uint64_t spurs[kKinds]{};
    std::uint64_t nanoseconds[kKinds]{};
    std::uint64_t forwardSettled = 0;  ///< people settled by A* spur searches
    std::uint64_t ballSettled = 0;     ///< people settled by the target ball
    std::uint64_t ballSteps = 0;       ///< ball heap entries handled (settles and streamed links)
    std::uint64_t queries = 0;
};

WarmPathCounters& warmPathCounters();

}  // namespace warmpath::graphdetail
