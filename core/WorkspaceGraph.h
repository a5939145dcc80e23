#pragma once

// The graph questions the Workspace answers, in the Workspace's own words (PersonId, REFs,
// names): what the CLI prints and the GUI shows. The algorithms live in graph/.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "graph/Snapshot.h"
#include "graph/Suggestions.h"
#include "model/PersonId.h"

namespace warmpath {

/// A person as graph answers name them.
struct NamedPerson {
    PersonId id;
    std::string ref;  ///< canonical REF (Workspace::refOf)
    std::string name;
};

/// Breadth-first levels from one person.
struct DegreeLevels {
    NamedPerson from;
    std::vector<std::uint64_t> levels;  ///< levels[d - 1]: people exactly d hops away
    std::uint64_t unreachable = 0;
};

struct WarmPathRequest {
    PersonId from;
    PersonId to;
    int k = 3;
    int maxHops = 6;
    Direction direction = Direction::Undirected;
    std::vector<PersonId> avoid;
    /// Contacts within this many days count as "recently contacted" (a warmer first hop).
    int recentDays = 90;
};

/// One hop of a path as the user reads it.
struct PathLinkView {
    NamedPerson from;
    NamedPerson to;
    /// The strongest relation between the two: connection, knows, colleague, related, follows
    /// (from follows to) or followed-by (only to follows from).
    std::string kind;
    bool mutual = false;  ///< linked both ways
    double confidence = 1.0;
    std::vector<std::string> sources;  ///< file names of the imports that brought these links
};

struct WarmPathView {
    int hops = 0;
    double warmth = 0;
    std::vector<NamedPerson> people;
    std::vector<PathLinkView> links;
};

struct WarmPathsAnswer {
    NamedPerson from;
    NamedPerson to;
    std::optional<int> degree;  ///< plain hop count of a shortest path; nullopt when not connected
    std::vector<WarmPathView> paths;
};

struct SuggestionRequest {
    PersonId forPerson;
    std::size_t limit = 20;
    SuggestionMetric metric = SuggestionMetric::ResourceAllocation;
    Direction direction = Direction::Directed;
    std::string viaTag;             ///< only contacts with this tag count; empty: all contacts
    double celebrityPercent = 0;    ///< damp people followed by more than this % of everyone; 0: off
    double celebrityDamping = 0.1;  ///< their score is multiplied by this
};

struct SuggestionView {
    NamedPerson person;
    double score = 0;
    int commonContacts = 0;
    std::vector<std::string> via;  ///< REFs of the contacts that lead there, strongest first
};

struct SuggestionsAnswer {
    NamedPerson forPerson;
    SuggestionMetric metric = SuggestionMetric::ResourceAllocation;
    std::vector<SuggestionView> suggestions;
};

/// What the map draws: the people within `hops` of `centre` and the links between them.
struct EgoMapRequest {
    PersonId centre;
    int hops = 2;
    /// The nearest this many people are kept when the neighbourhood is larger (ties by id).
    std::size_t maxPeople = 20'000;
    std::uint64_t seed = 1;  ///< layout seed: same seed, same picture
    int maxIterations = 600;
};

/// One person on the map, with a position from the force-directed layout.
struct EgoMapNode {
    PersonId id;
    int hops = 0;             ///< from the centre
    std::uint32_t links = 0;  ///< distinct neighbours on the map
    double x = 0;
    double y = 0;
};

struct EgoMap {
    PersonId centre;
    std::vector<EgoMapNode> nodes;  ///< nearest first; nodes[0] is the centre
    /// Undirected links as pairs of indexes into nodes (first < second), each once.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> links;
};

}  // namespace warmpath
