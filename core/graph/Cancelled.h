#pragma once

#include <exception>

#include "util/Progress.h"

namespace warmpath {

/// How a graph algorithm's run() unwinds when its CancelToken is set, from deep inside its loops.
/// Only the Workspace catches it, and returns Error::cancelled(): the one way the core tells its
/// callers that something stopped. Not a std::runtime_error, so that no handler for real failures
/// can take a cancel for one.
class RunCancelled final : public std::exception {
public:
    [[nodiscard]] const char* what() const noexcept override { return "cancelled"; }
};

/// Throws RunCancelled when `cancel` is set.
inline void stopIfCancelled(const CancelToken* cancel)
{
    if (cancel != nullptr && cancel->cancelled()) {
        throw RunCancelled();
    }
}

}  // namespace warmpath
