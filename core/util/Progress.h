#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string_view>

namespace warmpath {

/// Reports how far a long operation has come. `total` is 0 when it is not known in advance.
/// Called from the thread doing the work; implementations must be cheap and thread-safe.
using ProgressCallback = std::function<void(std::uint64_t done, std::uint64_t total, std::string_view stage)>;

/// Set from any thread to ask a long operation to stop; the operation checks it in its loops,
/// rolls back what it started and returns a "cancelled" error.
class CancelToken {
public:
    void cancel() noexcept { m_cancelled.store(true, std::memory_order_relaxed); }
    [[nodiscard]] bool cancelled() const noexcept { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
};

}  // namespace warmpath
