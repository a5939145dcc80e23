#include "PeopleFilter.h"

#include <algorithm>
#include <cctype>

namespace warmpath {
namespace {

bool equalIgnoringAsciiCase(std::string_view a, std::string_view b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

}  // namespace

Result<PeopleFilter> PeopleFilter::prepare(Workspace& workspace, const PeopleQuery& query)
{
    PeopleFilter filter(query);
    if (query.degree) {
        filter.m_degrees = workspace.degreeLookup();
        if (!filter.m_degrees) {
            return Error(
                "degrees of separation are not available yet (the graph engine is missing); leave out --degree");
        }
    }
    if (query.follows.any()) {
        auto follows = workspace.followFiltered(query.follows);
        if (!follows) {
            return follows.error();
        }
        filter.m_follows = std::move(follows).value();
    }
    return filter;
}

void PeopleFilter::readSearch(PeopleRepository& people)
{
    if (m_query.search.empty()) {
        return;
    }
    for (const PersonId id : people.search(m_query.search)) {
        m_found.insert(id);
    }
}

bool PeopleFilter::acceptsId(PersonId id) const
{
    if (!m_query.search.empty() && !m_found.contains(id)) {
        return false;
    }
    if (m_query.degree && m_degrees(id) != m_query.degree) {
        return false;
    }
    return !m_follows || std::binary_search(m_follows->begin(), m_follows->end(), id);
}

bool PeopleFilter::accepts(PersonId id, const std::vector<std::string>& tags) const
{
    if (!m_query.tag.empty() && std::none_of(tags.begin(), tags.end(), [&](const std::string& tag) {
            return equalIgnoringAsciiCase(tag, m_query.tag);
        })) {
        return false;
    }
    return acceptsId(id);
}

}  // namespace warmpath
