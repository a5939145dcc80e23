#include "graph/Suggestions.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "graph/Scratch.h"

namespace warmpath {
namespace {

using Index = Snapshot::Index;
struct SuggestTag {};
/// How many candidates tied with the last one a caller may get to break ties by REF; beyond
/// that, ties fall back to PersonId order.
constexpr std::size_t kMaxTiedExtras = 1000;

/// Calls fn(x) for every distinct neighbour of v (out-links; with undirected, also in-links that
/// have no way back, so a mutual pair is visited once).
template <typename Fn>
void forEachNeighbour(const Snapshot& g, Index v, bool undirected, Fn&& fn)
{
    for (Index x : g.outNeighbours(v)) {
        fn(x);
    }
    if (undirected) {
        const auto sources = g.inNeighbours(v);
        const auto bits = g.inBits(v);
        for (std::size_t i = 0; i < sources.size(); ++i) {
            if ((bits[i] & linkbits::kReverseExists) == 0) {
                fn(sources[i]);
            }
        }
    }
}

std::size_t undirectedDegree(const Snapshot& g, Index v)
{
    std::size_t mutual = 0;
    for (std::uint8_t b : g.outBits(v)) {
        mutual += (b & linkbits::kReverseExists) != 0 ? 1 : 0;
    }
    return g.outDegree(v) + g.inDegree(v) - mutual;
}

/// cn, ra, aa and jaccard: one pass over the contacts' links accumulates every candidate.
class NeighbourhoodPredictor final : public Suggestions {
public:
    using Suggestions::Suggestions;

private:
    void scoreCandidates() override
    {
        const bool undirected = m_options.direction == Direction::Undirected;
        auto& s = graphdetail::Scratch<SuggestTag>::forThisThread(m_snapshot.personCount());
        for (Index c : m_contacts) {
            s.marksA.mark(c);
        }
        s.marksA.mark(m_for);
        std::vector<Index> touched;
        const bool jaccard = m_options.metric == SuggestionMetric::Jaccard;
        for (Index c : m_contacts) {
            const double w = contribution(c);
            forEachNeighbour(m_snapshot, c, undirected, [&](Index x) {
                if (s.marksA.seen(x)) {
                    return;
                }
                if (!s.marksB.seen(x)) {
                    s.marksB.mark(x);
                    s.sumA[x] = 0;
                    s.a[x] = 0;
                    touched.push_back(x);
                }
                s.sumA[x] += w;
                s.a[x] += 1;
            });
        }
        std::sort(touched.begin(), touched.end());
        m_all.reserve(touched.size());
        m_common.reserve(touched.size());
        for (Index x : touched) {
            double score = s.sumA[x];
            const auto cn = static_cast<int>(s.a[x]);
            if (jaccard) {
                const std::size_t followers = undirected ? undirectedDegree(m_snapshot, x) : m_snapshot.inDegree(x);
                score = cn / static_cast<double>(m_contacts.size() + followers - static_cast<std::size_t>(cn));
            }
            m_all.emplace_back(x, score);
            m_common.emplace_back(x, cn);
        }
    }

    [[nodiscard]] double contribution(Index contact) const override
    {
        switch (m_options.metric) {
        case SuggestionMetric::ResourceAllocation:
            return 1.0 / static_cast<double>(std::max<std::size_t>(1, degreeOf(contact)));
        case SuggestionMetric::AdamicAdar:
            return 1.0 / std::log(1.0 + static_cast<double>(std::max<std::size_t>(1, degreeOf(contact))));
        default:
            return 1.0;
        }
    }
};

/// Personalised PageRank by forward push: exact up to a residual below epsilon × degree at
/// every person, which is far below the gap between the top suggestions.
class PageRankPredictor final : public Suggestions {
public:
    using Suggestions::Suggestions;

private:
    void scoreCandidates() override
    {
        constexpr double alpha = 0.15;  // teleport probability: damping 0.85
        const bool undirected = m_options.direction == Direction::Undirected;
        auto& s = graphdetail::Scratch<SuggestTag>::forThisThread(m_snapshot.personCount());
        // marksA: seen (p in sumA, residual in sumB); marksB: queued.
        std::vector<Index> touched;
        std::vector<Index> queue;
        auto touch = [&](Index v) {
            if (!s.marksA.seen(v)) {
                s.marksA.mark(v);
                s.sumA[v] = 0;
                s.sumB[v] = 0;
                touched.push_back(v);
            }
        };
        auto degree = [&](Index v) { return degreeOf(v); };
        touch(m_for);
        s.sumB[m_for] = 1.0;
        queue.push_back(m_for);
        s.marksB.mark(m_for);
        const double eps = m_options.pprEpsilon;
        std::size_t head = 0;
        while (head < queue.size()) {
            const Index u = queue[head++];
            // Unmarking lets u be queued again once it gathers enough residual.
            s.marksB.unmark(u);
            const double r = s.sumB[u];
            const std::size_t d = degree(u);
            if (r <= eps * static_cast<double>(std::max<std::size_t>(d, 1))) {
                continue;
            }
            s.sumA[u] += alpha * r;
            s.sumB[u] = 0;
            const double spread = (1 - alpha) * r;
            auto give = [&](Index x, double amount) {
                touch(x);
                s.sumB[x] += amount;
                if (!s.marksB.seen(x) && s.sumB[x] > eps * static_cast<double>(std::max<std::size_t>(degree(x), 1))) {
                    s.marksB.mark(x);
                    queue.push_back(x);
                }
            };
            if (d == 0) {
                give(m_for, spread);  // a dead end sends the walker home
            } else {
                const double share = spread / static_cast<double>(d);
                forEachNeighbour(m_snapshot, u, undirected, [&](Index x) { give(x, share); });
            }
            if (head > (1U << 20) && head * 2 > queue.size()) {
                queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(head));
                head = 0;
            }
        }
        std::sort(touched.begin(), touched.end());
        for (Index x : touched) {
            if (x == m_for || isContact(x) || s.sumA[x] <= 0) {
                continue;
            }
            m_all.emplace_back(x, s.sumA[x]);
            int cn = 0;
            for (Index c : m_contacts) {
                if (m_snapshot.hasLink(c, x) || (undirected && m_snapshot.hasLink(x, c))) {
                    ++cn;
                }
            }
            m_common.emplace_back(x, cn);
        }
    }

    [[nodiscard]] double contribution(Index contact) const override
    {
        return 1.0 / static_cast<double>(std::max<std::size_t>(1, degreeOf(contact)));
    }
};

}  // namespace

std::string_view toString(SuggestionMetric metric)
{
    switch (metric) {
    case SuggestionMetric::ResourceAllocation:
        return "ra";
    case SuggestionMetric::AdamicAdar:
        return "aa";
    case SuggestionMetric::CommonNeighbours:
        return "cn";
    case SuggestionMetric::Jaccard:
        return "jaccard";
    case SuggestionMetric::PersonalisedPageRank:
        return "ppr";
    }
    return "ra";
}

std::optional<SuggestionMetric> suggestionMetricFromString(std::string_view text)
{
    for (auto metric :
         {SuggestionMetric::ResourceAllocation, SuggestionMetric::AdamicAdar, SuggestionMetric::CommonNeighbours,
          SuggestionMetric::Jaccard, SuggestionMetric::PersonalisedPageRank}) {
        if (toString(metric) == text) {
            return metric;
        }
    }
    return std::nullopt;
}

Suggestions::Suggestions(const Snapshot& snapshot, PersonId forPerson, SuggestionOptions options)
    : m_snapshot(snapshot), m_for(snapshot.requireIndex(forPerson)), m_options(std::move(options))
{
    const bool undirected = m_options.direction == Direction::Undirected;
    forEachNeighbour(m_snapshot, m_for, undirected, [&](Index c) { m_contacts.push_back(c); });
    std::sort(m_contacts.begin(), m_contacts.end());
    m_contacts.erase(std::unique(m_contacts.begin(), m_contacts.end()), m_contacts.end());
    if (m_options.viaOnly) {
        std::vector<Index> allowed;
        for (PersonId p : *m_options.viaOnly) {
            if (auto v = m_snapshot.indexOf(p)) {
                allowed.push_back(*v);
            }
        }
        std::sort(allowed.begin(), allowed.end());
        std::vector<Index> kept;
        std::set_intersection(m_contacts.begin(), m_contacts.end(), allowed.begin(), allowed.end(),
                              std::back_inserter(kept));
        m_contacts = std::move(kept);
    }
}

std::size_t Suggestions::degreeOf(Index v) const
{
    return m_options.direction == Direction::Undirected ? undirectedDegree(m_snapshot, v) : m_snapshot.outDegree(v);
}

bool Suggestions::isContact(Index v) const
{
    return std::binary_search(m_contacts.begin(), m_contacts.end(), v);
}

std::vector<PersonId> Suggestions::contacts() const
{
    std::vector<PersonId> out;
    out.reserve(m_contacts.size());
    for (Index c : m_contacts) {
        out.push_back(m_snapshot.personAt(c));
    }
    return out;
}

double Suggestions::scoreOf(PersonId person) const
{
    const auto v = m_snapshot.indexOf(person);
    if (!v) {
        return 0;
    }
    const auto it = std::lower_bound(m_all.begin(), m_all.end(), std::make_pair(*v, -1e300));
    return it != m_all.end() && it->first == *v ? it->second : 0;
}

void Suggestions::run()
{
    if (m_ran) {
        throw std::logic_error("suggestions run once");
    }
    m_ran = true;
    scoreCandidates();

    std::vector<Index> excluded;
    for (PersonId p : m_options.exclude) {
        if (auto v = m_snapshot.indexOf(p)) {
            excluded.push_back(*v);
        }
    }
    std::sort(excluded.begin(), excluded.end());
    const double celebrityFollowers = m_options.celebrityPercent > 0 ? m_options.celebrityPercent / 100.0 *
                                                                           static_cast<double>(m_snapshot.personCount())
                                                                     : -1;

    struct Ranked {
        double score;
        int cn;
        Index person;
    };
    std::vector<Ranked> ranked;
    ranked.reserve(m_all.size());
    for (std::size_t i = 0; i < m_all.size(); ++i) {
        const auto [x, raw] = m_all[i];
        if (std::binary_search(excluded.begin(), excluded.end(), x)) {
            continue;
        }
        double score = raw;
        if (celebrityFollowers >= 0 && static_cast<double>(m_snapshot.inDegree(x)) > celebrityFollowers) {
            score *= m_options.celebrityDamping;
        }
        ranked.push_back({score, m_common[i].second, x});
    }
    auto better = [&](const Ranked& a, const Ranked& b) {
        if (a.score != b.score) {
            return a.score > b.score;
        }
        if (a.cn != b.cn) {
            return a.cn > b.cn;
        }
        return m_snapshot.idBefore(a.person, b.person);
    };
    const std::size_t keep = std::min(m_options.limit, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(), better);
    std::size_t end = keep;
    if (keep > 0) {
        // Candidates tied with the last kept one stay, so callers can break ties by REF.
        const Ranked last = ranked[keep - 1];
        for (std::size_t i = keep; i < ranked.size() && end < keep + kMaxTiedExtras; ++i) {
            if (ranked[i].score == last.score && ranked[i].cn == last.cn) {
                std::swap(ranked[end++], ranked[i]);
            }
        }
        std::sort(ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.begin() + static_cast<std::ptrdiff_t>(end),
                  better);
    }

    for (std::size_t i = 0; i < end; ++i) {
        Suggestion suggestion{
            .person = m_snapshot.personAt(ranked[i].person), .score = ranked[i].score, .commonContacts = ranked[i].cn};
        // The tied extras beyond the limit get their `via` on demand (viaOf): there can be
        // thousands of them in a big graph, and most are cut by the caller's tie-break.
        if (i < keep) {
            suggestion.via = viaOf(suggestion.person);
        }
        m_suggestions.push_back(std::move(suggestion));
    }
}

std::vector<PersonId> Suggestions::viaOf(PersonId person) const
{
    const bool undirected = m_options.direction == Direction::Undirected;
    const Index x = m_snapshot.requireIndex(person);
    std::vector<std::pair<double, Index>> via;
    for (Index c : m_contacts) {
        if (m_snapshot.hasLink(c, x) || (undirected && m_snapshot.hasLink(x, c))) {
            via.emplace_back(contribution(c), c);
        }
    }
    std::sort(via.begin(), via.end(), [&](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : m_snapshot.idBefore(a.second, b.second);
    });
    std::vector<PersonId> out;
    for (std::size_t j = 0; j < via.size() && j < m_options.maxVia; ++j) {
        out.push_back(m_snapshot.personAt(via[j].second));
    }
    return out;
}

std::unique_ptr<Suggestions> makeSuggestions(const Snapshot& snapshot, PersonId forPerson, SuggestionOptions options)
{
    if (options.metric == SuggestionMetric::PersonalisedPageRank) {
        return std::make_unique<PageRankPredictor>(snapshot, forPerson, std::move(options));
    }
    return std::make_unique<NeighbourhoodPredictor>(snapshot, forPerson, std::move(options));
}

}  // namespace warmpath
