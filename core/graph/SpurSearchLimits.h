#pragma once

#include <cstddef>

namespace warmpath::graphdetail {

/// How long a warm-path spur search runs its A* before handing over: to enumeration when four
/// hops or fewer are left, else to the bidirectional search. Per thread, so that a test can
/// send every spur search through the hand-over (0) without touching other threads' searches.
struct SpurSearchLimits {
    std::size_t giveUpAfter = 12000;
};

SpurSearchLimits& spurSearchLimits();

}  // namespace warmpath::graphdetail
