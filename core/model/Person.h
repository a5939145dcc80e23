#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/PersonId.h"

namespace warmpath {

/// One way a person is known on a network: `linkedin:ana-souza`, `email:ana@example.com`.
/// (network, key) is unique across the store; key is already normalised (see Identity.h).
struct Identity {
    std::string network;
    std::string key;
    std::string handle;  ///< display handle where the network has one (`ana.bsky.social`), else empty
    std::string url;     ///< profile URL where known, else empty

    friend bool operator==(const Identity&, const Identity&) = default;
};

/// A person as the store keeps them. Timestamps are UTC, ISO 8601 (`2026-11-26T09:30:00Z`).
struct Person {
    PersonId id;
    std::string displayName;
    std::string organisation;
    std::string title;
    std::string location;
    std::int64_t notesCount = 0;
    bool isMe = false;
    std::string createdAt;
    std::string updatedAt;

    friend bool operator==(const Person&, const Person&) = default;
};

/// What a list of people shows per row: the person plus the few related facts a table needs.
struct PersonSummary {
    Person person;
    std::vector<std::string> networks;  ///< distinct networks of the person's identities, sorted
    std::vector<std::string> tags;      ///< tag names, sorted case-insensitively
    std::string followUpDue;            ///< `YYYY-MM-DD` or empty
    std::string lastContacted;          ///< `YYYY-MM-DD` or empty
};

}  // namespace warmpath
