#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "graph/Snapshot.h"
#include "model/PersonId.h"

namespace warmpath {

/// How suggestions score a candidate X (contacts C of the person, see Suggestions).
enum class SuggestionMetric {
    ResourceAllocation,    ///< `ra`: sum over contacts c → X of 1 / outdeg(c)
    AdamicAdar,            ///< `aa`: sum of 1 / ln(1 + outdeg(c))
    CommonNeighbours,      ///< `cn`: number of contacts c → X
    Jaccard,               ///< `jaccard`: cn(X) / |C ∪ followers(X)|
    PersonalisedPageRank,  ///< `ppr`: personalised PageRank from the person, damping 0.85
};

[[nodiscard]] std::string_view toString(SuggestionMetric metric);
[[nodiscard]] std::optional<SuggestionMetric> suggestionMetricFromString(std::string_view text);

struct SuggestionOptions {
    SuggestionMetric metric = SuggestionMetric::ResourceAllocation;
    Direction direction = Direction::Directed;  ///< Undirected: neighbours either way
    std::size_t limit = 20;
    std::vector<PersonId> exclude;                 ///< dismissed suggestions
    std::optional<std::vector<PersonId>> viaOnly;  ///< only these contacts count (e.g. `--via-tag`)
    /// People followed by more than this percentage of everyone get their score multiplied by
    /// celebrityDamping; 0 turns damping off.
    double celebrityPercent = 0;
    double celebrityDamping = 0.1;
    std::size_t maxVia = 10;
    /// ppr only: stop pushing once every residual is below epsilon × degree (Andersen–Chung–Lang).
    double pprEpsilon = 1e-7;
};

struct Suggestion {
    PersonId person;
    double score = 0;
    int commonContacts = 0;     ///< cn(X): contacts leading there
    std::vector<PersonId> via;  ///< those contacts, strongest first (largest contribution, then id)
};

/// People worth introducing yourself to. The shared shape of the link predictors: the
/// constructor validates, run() scores every candidate through the private virtual of the chosen
/// metric, then suggestions() are the best `limit` (ties: more common contacts first, then
/// PersonId; up to 1,000 further candidates tied with the last one are included, without `via`
/// (see viaOf), so a caller can break ties by REF).
class Suggestions {
public:
    Suggestions(const Snapshot& snapshot, PersonId forPerson, SuggestionOptions options);
    virtual ~Suggestions() = default;
    Suggestions(const Suggestions&) = delete;
    Suggestions& operator=(const Suggestions&) = delete;
    Suggestions(Suggestions&&) = delete;
    Suggestions& operator=(Suggestions&&) = delete;

    void run();
    [[nodiscard]] const std::vector<Suggestion>& suggestions() const { return m_suggestions; }
    /// Score of any person after run(): 0 for people who are not candidates.
    [[nodiscard]] double scoreOf(PersonId person) const;
    /// The contacts leading to `person`, strongest first (what Suggestion::via holds).
    [[nodiscard]] std::vector<PersonId> viaOf(PersonId person) const;
    /// The contacts C the scores were computed from.
    [[nodiscard]] std::vector<PersonId> contacts() const;

protected:
    using Index = Snapshot::Index;
    const Snapshot& m_snapshot;
    Index m_for;
    SuggestionOptions m_options;
    std::vector<Index> m_contacts;                ///< sorted
    std::vector<std::pair<Index, double>> m_all;  ///< every candidate's score, sorted by index
    std::vector<std::pair<Index, int>> m_common;  ///< cn per candidate, same order

    /// Distinct people `v` links to (directed) or is linked with either way (undirected).
    [[nodiscard]] std::size_t degreeOf(Index v) const;
    [[nodiscard]] bool isContact(Index v) const;

private:
    /// Fills m_all and m_common.
    virtual void scoreCandidates() = 0;
    [[nodiscard]] virtual double contribution(Index contact) const = 0;

    std::vector<Suggestion> m_suggestions;
    bool m_ran = false;
};

/// Builds the predictor for options.metric.
[[nodiscard]] std::unique_ptr<Suggestions> makeSuggestions(const Snapshot& snapshot, PersonId forPerson,
                                                           SuggestionOptions options);

}  // namespace warmpath
