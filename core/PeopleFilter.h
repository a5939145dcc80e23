#pragma once

#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "Workspace.h"

namespace warmpath {

/// A PeopleQuery made ready once and then asked person by person: the one place that decides whom
/// Workspace::people and Workspace::forEachPerson (and so `warmpath-cli people`) list.
class PeopleFilter {
public:
    /// Answers the criteria that need the graph (degrees, follow criteria) through `workspace`; call it
    /// before taking the connection lock. Fails when they cannot be answered: no graph for --degree,
    /// no me person for the follow criteria.
    static Result<PeopleFilter> prepare(Workspace& workspace, const PeopleQuery& query);

    /// Reads who matches the search text; call it with the connection locked, before asking.
    void readSearch(PeopleRepository& people);
    /// Whether the person meets every criterion that needs only their id (all but the tag), so that a
    /// listing need not read the rest of a person it will leave out.
    [[nodiscard]] bool acceptsId(PersonId id) const;
    /// Whether the person, who has `tags`, meets every criterion.
    [[nodiscard]] bool accepts(PersonId id, const std::vector<std::string>& tags) const;

private:
    explicit PeopleFilter(PeopleQuery query) : m_query(std::move(query)) {}

    PeopleQuery m_query;
    DegreeLookup m_degrees;
    std::unordered_set<PersonId> m_found;            ///< matches of m_query.search
    std::optional<std::vector<PersonId>> m_follows;  ///< people who meet m_query.follows, in id order
};

}  // namespace warmpath
