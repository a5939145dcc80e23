#pragma once

// The graph questions the Workspace answers, in the Workspace's own words (PersonId, REFs,
// names): what the CLI prints and the GUI shows. The algorithms live in graph/.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "graph/Layout.h"
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

struct BrokerRequest {
    PersonId forPerson;
    std::size_t limit = 20;
    Direction direction = Direction::Undirected;
    std::string organisation;  ///< when set: who bridges to the people of this organisation
    std::string tag;           ///< when set: who bridges to the people with this tag
};

struct BrokerView {
    NamedPerson contact;
    std::uint64_t uniqueReach = 0;      ///< people reachable within two hops only through this contact
    std::uint64_t reach = 0;            ///< people this contact links to (targets only, when targeted)
    std::vector<std::string> examples;  ///< REFs of some uniquely reached people
};

struct BrokersAnswer {
    NamedPerson forPerson;
    std::vector<BrokerView> brokers;
};

struct MetricsRequest {
    std::size_t top = 10;                   ///< how many people each ranking lists
    bool betweenness = true;                ///< the most expensive measure; off for a quick summary
    std::size_t betweennessSamples = 1000;  ///< source samples above 50,000 people
    std::uint64_t seed = 1;
    bool perPerson = false;  ///< fill MetricsAnswer::perPerson (for the map)
};

struct RankedPerson {
    NamedPerson person;
    double value = 0;
};

/// Every measure of one person, for colouring and sizing the map.
struct PersonMetrics {
    PersonId person;
    std::uint64_t inDegree = 0;
    std::uint64_t outDegree = 0;
    double pageRank = 0;
    double betweenness = 0;
    std::uint32_t community = 0;  ///< 0 the largest
    std::uint32_t component = 0;  ///< 0 the largest
};

struct MetricsAnswer {
    std::uint64_t people = 0;
    std::uint64_t links = 0;
    std::uint64_t components = 0;
    std::uint64_t largestComponent = 0;
    std::uint64_t communities = 0;
    double modularity = 0;
    int pageRankIterations = 0;
    bool betweennessComputed = false;
    bool betweennessSampled = false;
    double betweennessErrorBound = 0;  ///< on normalised betweenness, with 99% probability per person
    std::vector<RankedPerson> topPageRank;
    std::vector<RankedPerson> topInDegree;
    std::vector<RankedPerson> topOutDegree;
    std::vector<RankedPerson> topBetweenness;
    std::vector<PersonMetrics> perPerson;
};

struct LayoutRequest {
    /// The view: these people, or (when empty) the `size` people nearest `around` in
    /// breadth-first order, or (without `around`) everyone.
    std::vector<PersonId> people;
    std::optional<PersonId> around;
    std::size_t size = 1000;
    LayoutOptions options;
};

struct PlacedPerson {
    NamedPerson person;
    Point position;
};

struct LayoutAnswer {
    bool converged = false;
    int iterations = 0;
    std::vector<PlacedPerson> people;
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
