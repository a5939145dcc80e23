#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

/// Someone on the path an introduction request follows, as the message names them.
struct IntroPathPerson {
    std::string name;
    std::string organisation;  ///< empty when unknown
};

/// The message along `path` (me, the person asked, the next person, ..., the person to reach): the
/// first hop is asked to introduce me to the next person on the path, whom they know, never to
/// someone further on. On a path of more than two hops it says whom that person can lead to (and
/// through whom, past three hops). First names greet where a display name has several words;
/// organisations follow names when known; signed with my name. Throws std::invalid_argument for a
/// path of fewer than three people.
[[nodiscard]] std::string draftIntroMessage(const std::vector<IntroPathPerson>& path);

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
