#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "graph/Snapshot.h"
#include "model/PersonId.h"

namespace warmpath {

struct BrokerOptions {
    Direction direction = Direction::Undirected;
    std::size_t limit = 20;
    /// When set: rank contacts by how many of these people (an organisation, a tag) they link to.
    std::optional<std::vector<PersonId>> targets;
    std::size_t maxExamples = 5;
};

struct Broker {
    PersonId contact;
    /// People this contact links to whom no other contact (nor the person) links to: without
    /// this contact they are out of reach within two hops. With targets: targets only.
    std::uint64_t uniqueReach = 0;
    /// Everyone this contact links to who is not already the person or a contact (targets only, with targets).
    std::uint64_t reach = 0;
    std::vector<PersonId> examples;  ///< some of the uniquely reached people, lowest ids first
};

/// Which of a person's contacts open the most doors: for each contact c (people the person links
/// with), the people c links to that the person cannot reach within two hops any other way.
/// With targets (everyone at an organisation, everyone with a tag), who bridges the person to
/// them. Ranked by unique reach, then reach, then PersonId.
class Brokers {
public:
    Brokers(const Snapshot& snapshot, PersonId person, BrokerOptions options = {});
    void run();
    [[nodiscard]] const std::vector<Broker>& brokers() const { return m_brokers; }

private:
    const Snapshot& m_snapshot;
    Snapshot::Index m_person;
    BrokerOptions m_options;
    std::vector<Broker> m_brokers;
};

}  // namespace warmpath
