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
/// `date` moved by `days` calendar days (negative goes back); month ends and leap years follow
/// from counting days, so 2024-02-28 + 1 is 2024-02-29 and 2023-02-28 + 1 is 2023-03-01.
[[nodiscard]] inline Date addDays(Date date, int days)
{
    return date + std::chrono::days{days};
}
/// Whole days from `from` to `to` (negative when `to` is earlier).
[[nodiscard]] inline int daysBetween(Date from, Date to)
{
    return static_cast<int>((to - from).count());
}
/// Accepts exactly `YYYY-MM-DD` naming a real day (no 2026-02-30).
[[nodiscard]] std::optional<Date> parseDate(std::string_view text);

}  // namespace warmpath
