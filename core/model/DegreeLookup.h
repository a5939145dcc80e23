#pragma once

#include <functional>
#include <optional>

#include "model/PersonId.h"

namespace warmpath {

/// How many hops a person is from me (0 for me), or nullopt when they are not connected to me.
/// An empty function means degrees are not available (no graph snapshot could be built):
/// listings then print `null` and filters by degree are refused.
using DegreeLookup = std::function<std::optional<int>(PersonId)>;

}  // namespace warmpath
