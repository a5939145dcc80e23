#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace warmpath {

/// The stable identifier of a person in the store (`person.id`). Zero is never a valid id.
class PersonId {
public:
    constexpr PersonId() = default;
    constexpr explicit PersonId(std::int64_t value) : m_value(value) {}

    [[nodiscard]] constexpr std::int64_t value() const { return m_value; }
    [[nodiscard]] constexpr bool valid() const { return m_value > 0; }

    friend constexpr bool operator==(PersonId, PersonId) = default;
    friend constexpr auto operator<=>(PersonId, PersonId) = default;

private:
    std::int64_t m_value = 0;
};

}  // namespace warmpath

template <>
struct std::hash<warmpath::PersonId> {
    std::size_t operator()(warmpath::PersonId id) const noexcept { return std::hash<std::int64_t>{}(id.value()); }
};
