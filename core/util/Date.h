#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace warmpath {

/// Calendar dates as the user sees them: follow-ups are due on a day, not at an instant.
using Date = std::chrono::sys_days;

/// Today in the local time zone of the machine.
[[nodiscard]] Date today();
/// `YYYY-MM-DD`.
[[nodiscard]] std::string formatDate(Date date);
/// Accepts exactly `YYYY-MM-DD` naming a real day (no 2026-02-30).
[[nodiscard]] std::optional<Date> parseDate(std::string_view text);

}  // namespace warmpath
