#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/PersonId.h"

namespace warmpath {

/// A tag with how many people carry it and the follow-up cadence its people inherit.
struct TagInfo {
    std::string name;
    std::int64_t count = 0;
    std::optional<int> cadenceDays;

    friend bool operator==(const TagInfo&, const TagInfo&) = default;
};

/// A note the user wrote about a person. Timestamps are UTC ISO 8601.
struct Note {
    std::int64_t id = 0;
    std::string text;
    std::string createdAt;

    friend bool operator==(const Note&, const Note&) = default;
};

/// Where an introduction request stands. Stored as its lower-case name.
enum class IntroStatus { Draft, Asked, Introduced, Declined };

[[nodiscard]] std::string_view toString(IntroStatus status);
[[nodiscard]] std::optional<IntroStatus> introStatusFromString(std::string_view text);

/// The message asking `introducer` to introduce me to `target` (first names where the display
/// name has several words; the target's organisation when known).
[[nodiscard]] std::string draftIntroMessage(std::string_view introducerName, std::string_view targetName,
                                            std::string_view targetOrganisation, std::string_view myName);

/// A request to `introducer` for an introduction to `target`; `message` is the drafted text.
struct IntroRequest {
    std::int64_t id = 0;
    PersonId target;
    std::optional<PersonId> introducer;
    IntroStatus status = IntroStatus::Draft;
    std::string message;
    std::string createdAt;
    std::string updatedAt;

    friend bool operator==(const IntroRequest&, const IntroRequest&) = default;
};

}  // namespace warmpath
