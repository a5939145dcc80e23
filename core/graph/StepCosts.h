#pragma once

// The warm-path cost of a step, −ln(warmth) (WarmPaths::hopWarmth), as look-up tables: computed
// once, shared by both warm-path searches (each query built its own, ~500 logarithms, a percent
// of a median query). Internal to core/graph.

#include <algorithm>
#include <cmath>
#include <limits>

#include "graph/WarmPaths.h"

namespace warmpath::graphdetail {

/// Link kinds other than a follow: a step over one, either way, is strong.
constexpr std::uint8_t kStrongKinds =
    linkbits::kKindMask & static_cast<std::uint8_t>(~linkbits::bit(LinkKind::Follows));

/// Cost classes of a step: 0 strong (either way), 1 mutual follow, 2 following them, 3 only
/// followed by them (StepCosts::classBase), for the link-kind bits of the link stepped along
/// (`alongLink`) or against.
constexpr int classOf(std::uint8_t bits, bool alongLink)
{
    if ((bits & kStrongKinds) != 0 || (bits & linkbits::kReverseStrong) != 0) {
        return 0;
    }
    if (!alongLink) {
        return 3;
    }
    return (bits & linkbits::kReverseExists) != 0 ? 1 : 2;
}

struct StepCosts {
    float kind[2][128]{};  ///< [along the link][link-kind bits & 0x7F], at full confidence
    float confidence[256]{};
    float coldFirstHop = 0;
    /// The base cost of each cost class: 0 strong (either way), 1 mutual follow, 2 following
    /// them, 3 only followed by them (a link's confidence and a cold first hop only add to it).
    float classBase[4]{};
    float minStep = std::numeric_limits<float>::infinity();  ///< no step costs less

    static const StepCosts& get()
    {
        static const StepCosts costs = compute();
        return costs;
    }

private:
    static StepCosts compute()
    {
        StepCosts c;
        auto cost = [](std::uint8_t bits, bool along) {
            return static_cast<float>(-std::log(WarmPaths::hopWarmth(bits, 255, along, false)));
        };
        for (int along = 0; along < 2; ++along) {
            for (int bits = 0; bits < 128; ++bits) {
                c.kind[along][bits] = cost(static_cast<std::uint8_t>(bits), along != 0);
                c.minStep = std::min(c.minStep, c.kind[along][bits]);
            }
        }
        for (int conf = 0; conf < 256; ++conf) {
            c.confidence[conf] = static_cast<float>(-std::log(std::max(conf / 255.0, 0.05)));
        }
        c.minStep += *std::min_element(std::begin(c.confidence), std::end(c.confidence));
        c.coldFirstHop = static_cast<float>(-std::log(0.8));
        const std::uint8_t strong = linkbits::bit(LinkKind::Connection);
        const std::uint8_t follow = linkbits::bit(LinkKind::Follows);
        c.classBase[0] = cost(strong, true);
        c.classBase[1] = cost(follow | linkbits::kReverseExists, true);
        c.classBase[2] = cost(follow, true);
        c.classBase[3] = cost(follow, false);
        return c;
    }
};

}  // namespace warmpath::graphdetail
