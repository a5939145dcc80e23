// The Workspace's graph half: the snapshot's life (cache, rebuild, swap) and the questions
// asked of it, turned into names and REFs.

#include <algorithm>
#include <chrono>
#include <map>
#include <numeric>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "Workspace.h"
#include "graph/Brokers.h"
#include "graph/Cancelled.h"
#include "graph/FollowFilter.h"
#include "graph/Layout.h"
#include "graph/Metrics.h"
#include "graph/Separation.h"
#include "graph/SnapshotBuilder.h"
#include "graph/SnapshotCache.h"
#include "graph/Suggestions.h"
#include "graph/WarmPaths.h"
#include "store/RefResolver.h"

namespace warmpath {
namespace {

/// Runs a graph question, turning broken preconditions inside the algorithms (a person missing
/// from the snapshot) and store failures into an Error.
template <typename Work>
auto answering(const std::filesystem::path& where, Work&& work) -> decltype(work())
{
    try {
        return work();
    } catch (const DatabaseError& e) {
        return Error(std::string("database error: ") + e.what(), where.string());
    } catch (const std::invalid_argument& e) {
        return Error(e.what());
    } catch (const RunCancelled&) {
        return Error::cancelled();
    }
}

std::string kindName(std::uint8_t forward, std::uint8_t backward)
{
    // Strongest first: what best explains why these two could introduce each other.
    for (LinkKind kind : {LinkKind::Connection, LinkKind::Knows, LinkKind::Colleague, LinkKind::Related}) {
        if (((forward | backward) & linkbits::bit(kind)) != 0) {
            return std::string(toString(kind));
        }
    }
    return forward != 0 ? "follows" : "followed-by";
}

}  // namespace

NamedPerson Workspace::namedIn(Database& db, PersonId person)
{
    NamedPerson named{.id = person, .ref = RefResolver(db).canonicalRef(person), .name = {}};
    Statement& st = db.cached("SELECT display_name FROM person WHERE id = ?");
    st.bind(1, person.value());
    if (st.step()) {
        named.name = st.text(0);
    }
    st.reset();
    return named;
}

Result<NamedPerson> Workspace::named(PersonId person)
{
    return reading([&](Database& db) -> Result<NamedPerson> { return namedIn(db, person); });
}

std::shared_ptr<const Snapshot> Workspace::currentSnapshot() const
{
    std::lock_guard lock(m_snapshotMutex);
    return m_snapshot;
}

std::string Workspace::lastSnapshotSource() const
{
    std::lock_guard lock(m_snapshotMutex);
    return m_snapshotSource;
}

Result<std::shared_ptr<const Snapshot>> Workspace::snapshot(const ProgressCallback& progress, const CancelToken* cancel)
{
    auto wanted =
        reading([](Database& db) -> Result<Snapshot::Version> { return SnapshotBuilder::currentVersion(db); });
    if (!wanted) {
        return wanted.error();
    }
    if (auto current = currentSnapshot(); current && current->version() == *wanted) {
        return current;
    }

    std::lock_guard build(m_buildMutex);
    // Another caller may have built it while this one waited.
    if (auto current = currentSnapshot(); current && current->version() == *wanted) {
        return current;
    }
    const bool inMemory = m_path == ":memory:";
    const std::filesystem::path cacheFile = SnapshotCache::pathFor(m_path);
    std::string source;
    std::shared_ptr<const Snapshot> fresh;
    if (!inMemory) {
        if (auto cached = SnapshotCache::load(cacheFile, *wanted)) {
            fresh = std::make_shared<const Snapshot>(std::move(cached).value());
            source = "cache";
        }
    }
    if (!fresh) {
        // On a read connection: the long read holds no lock that REF resolution or edits need, and
        // WAL lets writers go on meanwhile.
        Result<Snapshot> built = answering(m_path, [&] {
            return reading([&](Database& db) { return SnapshotBuilder::fromDatabase(db, progress, cancel); });
        });
        if (!built) {
            return built.error();
        }
        fresh = std::make_shared<const Snapshot>(std::move(built).value());
        source = inMemory ? "memory" : "database";
        if (!inMemory) {
            // A cache that cannot be written only costs the next start some time.
            (void)SnapshotCache::save(*fresh, cacheFile);
        }
    }
    std::lock_guard lock(m_snapshotMutex);
    m_snapshot = fresh;
    m_snapshotSource = source;
    return fresh;
}

Result<DegreeLevels> Workspace::degrees(PersonId from, Direction direction)
{
    auto snap = snapshot();
    if (!snap) {
        return snap.error();
    }
    return answering(m_path, [&]() -> Result<DegreeLevels> {
        DegreesFrom bfs(**snap, from, direction);
        bfs.run();
        auto who = named(from);
        if (!who) {
            return who.error();
        }
        return DegreeLevels{.from = *who, .levels = bfs.levels(), .unreachable = bfs.unreachable()};
    });
}

Result<std::optional<int>> Workspace::separation(PersonId a, PersonId b, Direction direction)
{
    auto answers = separations({{a, b}}, direction);
    if (!answers) {
        return answers.error();
    }
    return answers->front();
}

Result<std::vector<std::optional<int>>> Workspace::separations(const std::vector<std::pair<PersonId, PersonId>>& pairs,
                                                               Direction direction)
{
    auto snap = snapshot();
    if (!snap) {
        return snap.error();
    }
    return answering(m_path, [&]() -> Result<std::vector<std::optional<int>>> {
        std::vector<std::optional<int>> out;
        out.reserve(pairs.size());
        for (const auto& [a, b] : pairs) {
            Separation query(**snap, a, b, direction);
            query.run();
            out.push_back(query.degree());
        }
        return out;
    });
}

Result<WarmPathsAnswer> Workspace::warmPaths(const WarmPathRequest& request)
{
    auto snap = snapshot();
    if (!snap) {
        return snap.error();
    }
    return answering(m_path, [&]() -> Result<WarmPathsAnswer> {
        WarmPathOptions options{.k = request.k,
                                .maxHops = request.maxHops,
                                .direction = request.direction,
                                .avoid = request.avoid,
                                .warmFirstHops = {}};
        auto reader = this->reader();
        if (!reader) {
            return reader.error();
        }
        Database& db = reader->db();
        {
            // Tagged or recently contacted people make warmer first hops.
            const std::string since = formatDate(today() - std::chrono::days(request.recentDays));
            Statement& st = db.cached("SELECT person_id FROM person_tag UNION SELECT person_id FROM follow_up "
                                      "WHERE last_contacted IS NOT NULL AND last_contacted >= ?");
            st.bind(1, since);
            while (st.step()) {
                options.warmFirstHops.emplace_back(st.int64(0));
            }
        }
        Separation shortest(**snap, request.from, request.to, request.direction);
        shortest.run();
        WarmPaths finder(**snap, request.from, request.to, options);
        finder.run();

        WarmPathsAnswer answer{
            .from = namedIn(db, request.from), .to = namedIn(db, request.to), .degree = shortest.degree(), .paths = {}};
        std::map<PersonId, NamedPerson> names;
        auto name = [&](PersonId p) -> const NamedPerson& {
            auto it = names.find(p);
            if (it == names.end()) {
                it = names.emplace(p, namedIn(db, p)).first;
            }
            return it->second;
        };
        Statement& sources =
            db.cached("SELECT b.file_name FROM link l JOIN import_batch b ON b.id = l.batch_id "
                      "WHERE (l.from_person = ?1 AND l.to_person = ?2) OR (l.from_person = ?2 AND l.to_person = ?1) "
                      "UNION SELECT b.file_name FROM link l JOIN link_source s ON s.link_id = l.id "
                      "JOIN import_batch b ON b.id = s.batch_id "
                      "WHERE (l.from_person = ?1 AND l.to_person = ?2) OR (l.from_person = ?2 AND l.to_person = ?1) "
                      "ORDER BY 1");
        for (const WarmPath& path : finder.paths()) {
            WarmPathView view{
                .hops = static_cast<int>(path.hops.size()), .warmth = path.warmth, .people = {}, .links = {}};
            for (PersonId p : path.people) {
                view.people.push_back(name(p));
            }
            for (const PathHop& hop : path.hops) {
                PathLinkView link{.from = name(hop.from),
                                  .to = name(hop.to),
                                  .kind = kindName(hop.kindsForward, hop.kindsBackward),
                                  .mutual = hop.mutual(),
                                  .confidence = hop.confidence,
                                  .sources = {}};
                sources.bind(1, hop.from.value()).bind(2, hop.to.value());
                while (sources.step()) {
                    link.sources.push_back(sources.text(0));
                }
                sources.reset();
                view.links.push_back(std::move(link));
            }
            answer.paths.push_back(std::move(view));
        }
        return answer;
    });
}

Result<SuggestionsAnswer> Workspace::suggestions(const SuggestionRequest& request)
{
    auto snap = snapshot();
    if (!snap) {
        return snap.error();
    }
    return answering(m_path, [&]() -> Result<SuggestionsAnswer> {
        SuggestionOptions options{.metric = request.metric,
                                  .direction = request.direction,
                                  .limit = request.limit,
                                  .exclude = {},
                                  .viaOnly = std::nullopt,
                                  .celebrityPercent = request.celebrityPercent,
                                  .celebrityDamping = request.celebrityDamping};
        auto reader = this->reader();
        if (!reader) {
            return reader.error();
        }
        Database& db = reader->db();
        {
            Statement& st = db.cached("SELECT person_id FROM dismissed_suggestion WHERE for_person_id = ?");
            st.bind(1, request.forPerson.value());
            while (st.step()) {
                options.exclude.emplace_back(st.int64(0));
            }
        }
        if (!request.viaTag.empty()) {
            Statement& st = db.cached("SELECT pt.person_id FROM person_tag pt JOIN tag t ON t.id = pt.tag_id WHERE "
                                      "t.name = ? COLLATE NOCASE");
            st.bind(1, request.viaTag);
            options.viaOnly.emplace();
            while (st.step()) {
                options.viaOnly->emplace_back(st.int64(0));
            }
            if (options.viaOnly->empty()) {
                return Error("no one has the tag '" + request.viaTag + "'");
            }
        }
        const std::size_t limit = request.limit;
        auto predictor = makeSuggestions(**snap, request.forPerson, std::move(options));
        predictor->run();

        SuggestionsAnswer answer{
            .forPerson = namedIn(db, request.forPerson), .metric = request.metric, .suggestions = {}};
        for (const Suggestion& s : predictor->suggestions()) {
            SuggestionView view{
                .person = namedIn(db, s.person), .score = s.score, .commonContacts = s.commonContacts, .via = {}};
            answer.suggestions.push_back(std::move(view));
        }
        // Ties: more common contacts first, then REF (the predictor kept everyone tied at the cut).
        std::stable_sort(answer.suggestions.begin(), answer.suggestions.end(),
                         [](const SuggestionView& a, const SuggestionView& b) {
                             if (a.score != b.score) {
                                 return a.score > b.score;
                             }
                             if (a.commonContacts != b.commonContacts) {
                                 return a.commonContacts > b.commonContacts;
                             }
                             return a.person.ref < b.person.ref;
                         });
        if (answer.suggestions.size() > limit) {
            answer.suggestions.resize(limit);
        }
        for (SuggestionView& view : answer.suggestions) {
            for (PersonId c : predictor->viaOf(view.person.id)) {
                view.via.push_back(RefResolver(db).canonicalRef(c));
            }
        }
        return answer;
    });
}

Result<BrokersAnswer> Workspace::brokers(const BrokerRequest& request)
{
    auto snap = snapshot();
    if (!snap) {
        return snap.error();
    }
    return answering(m_path, [&]() -> Result<BrokersAnswer> {
        BrokerOptions options{.direction = request.direction, .limit = request.limit};
        auto reader = this->reader();
        if (!reader) {
            return reader.error();
        }
        Database& db = reader->db();
        if (!request.organisation.empty() || !request.tag.empty()) {
            Statement st = request.tag.empty()
                               ? db.prepare("SELECT id FROM person WHERE organisation = ? COLLATE NOCASE")
                               : db.prepare("SELECT pt.person_id FROM person_tag pt JOIN tag t ON t.id = pt.tag_id "
                                            "WHERE t.name = ? COLLATE NOCASE");
            st.bind(1, request.tag.empty() ? request.organisation : request.tag);
            options.targets.emplace();
            while (st.step()) {
                options.targets->emplace_back(st.int64(0));
            }
            if (options.targets->empty()) {
                return Error(request.tag.empty() ? "no one works at '" + request.organisation + "'"
                                                 : "no one has the tag '" + request.tag + "'");
            }
        }
        Brokers finder(**snap, request.forPerson, std::move(options));
        finder.run();
        BrokersAnswer answer{.forPerson = namedIn(db, request.forPerson), .brokers = {}};
        for (const Broker& b : finder.brokers()) {
            BrokerView view{
                .contact = namedIn(db, b.contact), .uniqueReach = b.uniqueReach, .reach = b.reach, .examples = {}};
            for (PersonId p : b.examples) {
                view.examples.push_back(RefResolver(db).canonicalRef(p));
            }
            answer.brokers.push_back(std::move(view));
        }
        return answer;
    });
}

Result<MetricsAnswer> Workspace::metrics(const MetricsRequest& request, const ProgressCallback& progress,
                                         const CancelToken* cancel)
{
    auto snap = snapshot(progress, cancel);
    if (!snap) {
        return snap.error();
    }
    const Snapshot& g = **snap;
    return answering(m_path, [&]() -> Result<MetricsAnswer> {
        MetricsAnswer answer;
        answer.people = g.personCount();
        answer.links = g.linkCount();
        Components components(g);
        components.run();
        answer.components = components.sizes().size();
        answer.largestComponent = components.sizes().empty() ? 0 : components.sizes().front();
        Communities communities(g, request.seed);
        communities.run(progress, cancel);
        answer.communities = communities.count();
        answer.modularity = communities.modularity();
        PageRank pageRank(g);
        pageRank.run(progress, cancel);
        answer.pageRankIterations = pageRank.iterations();
        std::vector<double> betweenness(g.personCount(), 0);
        if (request.betweenness) {
            Betweenness b(g, 50'000, request.betweennessSamples, request.seed);
            b.run(progress, cancel);
            betweenness = b.values();
            answer.betweennessComputed = true;
            answer.betweennessSampled = b.sampled();
            answer.betweennessErrorBound = b.errorBound();
        }
        std::vector<double> inDegree(g.personCount());
        std::vector<double> outDegree(g.personCount());
        for (Snapshot::Index v = 0; v < g.personCount(); ++v) {
            inDegree[v] = static_cast<double>(g.inDegree(v));
            outDegree[v] = static_cast<double>(g.outDegree(v));
        }
        auto reader = this->reader();
        if (!reader) {
            return reader.error();
        }
        Database& db = reader->db();
        auto topOf = [&](const std::vector<double>& values) {
            std::vector<Snapshot::Index> order(values.size());
            std::iota(order.begin(), order.end(), 0U);
            const std::size_t keep = std::min(request.top, order.size());
            std::partial_sort(
                order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                [&](auto a, auto b) { return values[a] != values[b] ? values[a] > values[b] : g.idBefore(a, b); });
            std::vector<RankedPerson> out;
            for (std::size_t i = 0; i < keep; ++i) {
                out.push_back({namedIn(db, g.personAt(order[i])), values[order[i]]});
            }
            return out;
        };
        answer.topPageRank = topOf(pageRank.ranks());
        answer.topInDegree = topOf(inDegree);
        answer.topOutDegree = topOf(outDegree);
        if (request.betweenness) {
            answer.topBetweenness = topOf(betweenness);
        }
        if (request.perPerson) {
            answer.perPerson.reserve(g.personCount());
            for (Snapshot::Index v = 0; v < g.personCount(); ++v) {
                answer.perPerson.push_back({.person = g.personAt(v),
                                            .inDegree = g.inDegree(v),
                                            .outDegree = g.outDegree(v),
                                            .pageRank = pageRank.ranks()[v],
                                            .betweenness = betweenness[v],
                                            .community = communities.community()[v],
                                            .component = components.component()[v]});
            }
        }
        return answer;
    });
}

Result<LayoutAnswer> Workspace::layout(const LayoutRequest& request, const ProgressCallback& progress,
                                       const CancelToken* cancel)
{
    auto snap = snapshot(progress, cancel);
    if (!snap) {
        return snap.error();
    }
    const Snapshot& g = **snap;
    return answering(m_path, [&]() -> Result<LayoutAnswer> {
        std::vector<PersonId> people = request.people;
        if (people.empty() && request.around) {
            // The view around a person: the first `size` people in breadth-first order.
            std::vector<Snapshot::Index> order{g.requireIndex(*request.around)};
            std::vector<bool> seen(g.personCount(), false);
            seen[order[0]] = true;
            for (std::size_t head = 0; head < order.size() && order.size() < request.size; ++head) {
                auto visit = [&](Snapshot::Index v) {
                    if (!seen[v] && order.size() < request.size) {
                        seen[v] = true;
                        order.push_back(v);
                    }
                };
                for (auto v : g.outNeighbours(order[head])) {
                    visit(v);
                }
                for (auto v : g.inNeighbours(order[head])) {
                    visit(v);
                }
            }
            for (auto v : order) {
                people.push_back(g.personAt(v));
            }
        }
        Layout layout(g, std::move(people), request.options);
        layout.run(progress, cancel);
        LayoutAnswer answer{.converged = layout.converged(), .iterations = layout.iterations(), .people = {}};
        auto reader = this->reader();
        if (!reader) {
            return reader.error();
        }
        Database& db = reader->db();
        for (std::size_t i = 0; i < layout.people().size(); ++i) {
            answer.people.push_back({namedIn(db, layout.people()[i]), layout.positions()[i]});
        }
        return answer;
    });
}

namespace {

EgoMap layOutEgoMap(const Snapshot& graph, const EgoMapRequest& request, const ProgressCallback& progress,
                    const CancelToken* cancel)
{
    DegreesFrom bfs(graph, request.centre, Direction::Undirected);
    bfs.run(cancel);
    const std::vector<std::int32_t> distance = bfs.distances();
    std::vector<Snapshot::Index> chosen;
    for (Snapshot::Index v = 0; v < distance.size(); ++v) {
        if (distance[v] >= 0 && distance[v] <= request.hops) {
            chosen.push_back(v);
        }
    }
    // Nearest first, ties in id order: the centre leads.
    std::sort(chosen.begin(), chosen.end(), [&](Snapshot::Index a, Snapshot::Index b) {
        return distance[a] != distance[b] ? distance[a] < distance[b] : graph.idBefore(a, b);
    });
    if (chosen.size() > request.maxPeople) {
        chosen.resize(request.maxPeople);
    }
    std::unordered_map<Snapshot::Index, std::uint32_t> slot;
    slot.reserve(chosen.size());
    std::vector<PersonId> people;
    people.reserve(chosen.size());
    for (Snapshot::Index v : chosen) {
        slot.emplace(v, static_cast<std::uint32_t>(people.size()));
        people.push_back(graph.personAt(v));
    }
    EgoMap map{.centre = request.centre, .nodes = {}, .links = {}};
    for (std::uint32_t i = 0; i < chosen.size(); ++i) {
        for (Snapshot::Index w : graph.outNeighbours(chosen[i])) {
            auto other = slot.find(w);
            if (other == slot.end() || other->second == i) {
                continue;
            }
            // A link both ways is listed once, from the side with the lower slot.
            if (other->second < i && graph.hasLink(w, chosen[i])) {
                continue;
            }
            map.links.emplace_back(std::min(i, other->second), std::max(i, other->second));
        }
    }
    Layout layout(graph, people, LayoutOptions{.seed = request.seed, .maxIterations = request.maxIterations});
    layout.run(progress, cancel);
    stopIfCancelled(cancel);  // a layout that converged as the cancel came is still not wanted
    map.nodes.reserve(people.size());
    for (std::size_t i = 0; i < people.size(); ++i) {
        const Point& at = layout.positions()[i];
        map.nodes.push_back(EgoMapNode{.id = people[i], .hops = distance[chosen[i]], .links = 0, .x = at.x, .y = at.y});
    }
    for (const auto& [a, b] : map.links) {
        ++map.nodes[a].links;
        ++map.nodes[b].links;
    }
    return map;
}

}  // namespace

Result<EgoMap> Workspace::egoMap(const EgoMapRequest& request, const ProgressCallback& progress,
                                 const CancelToken* cancel)
{
    if (request.hops < 0) {
        return Error("hops must not be negative");
    }
    auto snap = snapshot();
    if (!snap) {
        return snap.error();
    }
    const Snapshot& graph = **snap;
    return answering(m_path, [&]() -> Result<EgoMap> { return layOutEgoMap(graph, request, progress, cancel); });
}

Result<std::vector<PersonId>> Workspace::followFiltered(const FollowCriteria& criteria)
{
    auto snap = snapshot();
    if (!snap) {
        return snap.error();
    }
    const auto me = this->me();
    if (!me) {
        return Error("the follow filters are seen from you, and this database has no me person; say who you are "
                     "with 'warmpath-cli me REF'");
    }
    return answering(m_path, [&]() -> Result<std::vector<PersonId>> {
        FollowFilter filter(**snap, *me, criteria);
        filter.run();
        return filter.people();
    });
}

}  // namespace warmpath
