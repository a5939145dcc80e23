// The Workspace's follow-up half: people lists, tags, notes and follow-ups (intro requests are in
// WorkspaceIntros.cpp).

#include <algorithm>
#include <cctype>
#include <iterator>
#include <unordered_map>
#include <utility>

#include "PeopleFilter.h"
#include "Workspace.h"
#include "graph/Separation.h"
#include "store/Links.h"
#include "store/Meta.h"
#include "store/People.h"
#include "store/RefResolver.h"
#include "store/Tags.h"
#include "store/Workflow.h"

namespace warmpath {
namespace {

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

std::string lowerAscii(std::string_view text)
{
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

Error noPerson(PersonId id)
{
    return Error("no person with id #" + std::to_string(id.value()));
}

}  // namespace

Status Workspace::checkPerson(PersonId id)
{
    if (!PeopleRepository(m_db).find(id)) {
        return noPerson(id);
    }
    return {};
}

DegreeLookup Workspace::degreeLookup()
{
    auto snap = snapshot();
    auto me = this->me();
    if (!snap || !me) {
        return {};  // degrees unavailable: listings say null, --degree filters are refused
    }
    std::shared_ptr<const Snapshot> graph = *snap;
    DegreesFrom bfs(*graph, *me, Direction::Undirected);
    bfs.run();
    return [graph, distances = bfs.distances()](PersonId person) -> std::optional<int> {
        const auto index = graph->indexOf(person);
        if (!index || distances[*index] < 0) {
            return std::nullopt;
        }
        return distances[*index];
    };
}

Result<std::vector<PersonSummary>> Workspace::people(const PeopleQuery& query)
{
    auto filter = PeopleFilter::prepare(*this, query);
    if (!filter) {
        return filter.error();
    }
    return reading([&](Database& db) -> Result<std::vector<PersonSummary>> {
        PeopleRepository people(db);
        filter->readSearch(people);
        std::vector<PersonSummary> rows = people.summaries(warmpath::today());
        std::erase_if(rows, [&](const PersonSummary& row) { return !filter->accepts(row.person.id, row.tags); });
        std::stable_sort(rows.begin(), rows.end(), [](const PersonSummary& a, const PersonSummary& b) {
            const auto la = lowerAscii(a.person.displayName);
            const auto lb = lowerAscii(b.person.displayName);
            return la != lb ? la < lb : a.person.id < b.person.id;
        });
        return rows;
    });
}

Status Workspace::forEachPerson(const PeopleQuery& query, const std::function<void(const PersonListRow&)>& visit)
{
    auto filter = PeopleFilter::prepare(*this, query);
    if (!filter) {
        return filter.error();
    }
    return reading([&](Database& db) -> Status {
        PeopleRepository people(db);
        filter->readSearch(people);
        people.forEachByName(
            [&](const PersonListRow& row) {
                if (filter->accepts(row.person.id, row.tags)) {
                    visit(row);
                }
            },
            [&](PersonId id) { return filter->acceptsId(id); });
        return {};
    });
}

Result<PersonDetails> Workspace::details(PersonId id, Date today)
{
    // The graph half first, before the read below: the snapshot may have to be built, and the
    // warm paths read names on a connection of their own.
    std::optional<int> degree;
    std::vector<PersonId> mutual;
    std::optional<WarmPathsAnswer> paths;
    const auto snap = snapshot();
    const auto me = this->me();
    if (snap && me) {
        const Snapshot& graph = **snap;
        if (*me == id) {
            degree = 0;
        } else if (graph.indexOf(*me) && graph.indexOf(id)) {
            Separation shortest(graph, *me, id, Direction::Undirected);
            shortest.run();
            degree = shortest.degree();
            mutual = mutualOf(graph, *me, id);
            // A failed search leaves the page without paths rather than without a page.
            if (auto found = warmPaths(WarmPathRequest{.from = *me, .to = id, .k = kDetailsPaths})) {
                paths = std::move(found).value();
            }
        }
    }
    return reading([&](Database& db) -> Result<PersonDetails> {
        // One read transaction: every part of the page shows the same moment.
        Transaction read(db, Transaction::Kind::Deferred);
        PeopleRepository people(db);
        const auto person = people.find(id);
        if (!person) {
            return noPerson(id);
        }
        WorkflowRepository workflow(db);
        TagRepository tags(db);
        PersonDetails details{.person = *person,
                              .ref = RefResolver(db).canonicalRef(id),
                              .identities = people.identities(id),
                              .tags = tags.namesFor(id),
                              .notes = workflow.notes(id),
                              .followUp = workflow.followUp(id),
                              .due = std::nullopt,
                              .introRequests = workflow.introRequests(id),
                              .degree = degree,
                              .inheritedCadence = workflow.inheritedCadence(id),
                              .introPeople = {},
                              .mutualContacts = namedByName(db, mutual),
                              .paths = std::move(paths)};
        const auto& inheritedFrom = details.inheritedCadence;
        const auto inherited = inheritedFrom ? std::optional<int>(inheritedFrom->days) : std::nullopt;
        if (const auto due = effectiveDue(details.followUp, inherited, today)) {
            const bool own = details.followUp && details.followUp->cadenceDays;
            details.due = FollowUpItem{.person = id,
                                       .name = person->displayName,
                                       .due = *due,
                                       .daysOverdue = daysBetween(*due, today),
                                       .cadenceDays = effectiveCadence(details.followUp, inherited),
                                       .cadenceTag = own || !inheritedFrom ? std::string() : inheritedFrom->tag};
        }
        std::vector<PersonId> named;
        for (const IntroRequest& intro : details.introRequests) {
            named.push_back(intro.target);
            if (intro.introducer) {
                named.push_back(*intro.introducer);
            }
        }
        std::sort(named.begin(), named.end());
        named.erase(std::unique(named.begin(), named.end()), named.end());
        for (const PersonId other : named) {
            details.introPeople.push_back(namedIn(db, other));
        }
        return details;
    });
}

Result<std::vector<TagInfo>> Workspace::tags()
{
    return reading([&](Database& db) -> Result<std::vector<TagInfo>> { return TagRepository(db).list(); });
}

Result<std::vector<Note>> Workspace::notes(PersonId id)
{
    return reading([&](Database& db) -> Result<std::vector<Note>> { return WorkflowRepository(db).notes(id); });
}

Result<std::vector<FollowUpItem>> Workspace::followUpQueue(Date today, bool overdueOnly)
{
    return reading([&](Database& db) -> Result<std::vector<FollowUpItem>> {
        auto queue = WorkflowRepository(db).followUpQueue(today);
        if (overdueOnly) {
            std::erase_if(queue, [](const FollowUpItem& item) { return item.daysOverdue < 0; });
        }
        return queue;
    });
}

Result<std::vector<IntroRequest>> Workspace::introRequests()
{
    return reading(
        [&](Database& db) -> Result<std::vector<IntroRequest>> { return WorkflowRepository(db).introRequests(); });
}

Result<std::optional<InheritedCadence>> Workspace::inheritedCadence(PersonId id)
{
    return reading([&](Database& db) -> Result<std::optional<InheritedCadence>> {
        if (!PeopleRepository(db).find(id)) {
            return noPerson(id);
        }
        return WorkflowRepository(db).inheritedCadence(id);
    });
}

std::vector<PersonId> Workspace::mutualOf(const Snapshot& graph, PersonId me, PersonId person)
{
    const auto meIndex = graph.indexOf(me);
    const auto theirIndex = graph.indexOf(person);
    if (!meIndex || !theirIndex || *meIndex == *theirIndex) {
        return {};
    }
    // Neighbours either way, as sorted index lists: out- and in-rows are each sorted, so a merge
    // and a set intersection do it in linear time even for people with thousands of links.
    const auto neighbours = [&graph](Snapshot::Index v) {
        std::vector<Snapshot::Index> both;
        const auto out = graph.outNeighbours(v);
        const auto in = graph.inNeighbours(v);
        both.reserve(out.size() + in.size());
        std::set_union(out.begin(), out.end(), in.begin(), in.end(), std::back_inserter(both));
        return both;
    };
    const auto mine = neighbours(*meIndex);
    const auto theirs = neighbours(*theirIndex);
    std::vector<Snapshot::Index> common;
    std::set_intersection(mine.begin(), mine.end(), theirs.begin(), theirs.end(), std::back_inserter(common));
    std::vector<PersonId> people;
    people.reserve(common.size());
    for (const Snapshot::Index index : common) {
        if (index != *meIndex && index != *theirIndex) {
            people.push_back(graph.personAt(index));
        }
    }
    return people;
}

std::vector<NamedPerson> Workspace::namedByName(Database& db, const std::vector<PersonId>& ids)
{
    std::vector<NamedPerson> people;
    people.reserve(ids.size());
    for (const PersonId id : ids) {
        people.push_back(namedIn(db, id));
    }
    std::stable_sort(people.begin(), people.end(), [](const NamedPerson& a, const NamedPerson& b) {
        const auto la = lowerAscii(a.name);
        const auto lb = lowerAscii(b.name);
        return la != lb ? la < lb : a.id < b.id;
    });
    return people;
}

Result<std::vector<NamedPerson>> Workspace::mutualContacts(PersonId person)
{
    auto snap = snapshot();
    auto me = this->me();
    if (!snap || !me) {
        return std::vector<NamedPerson>{};  // no graph or no me yet: nobody to name
    }
    const std::vector<PersonId> common = mutualOf(**snap, *me, person);
    return reading([&](Database& db) -> Result<std::vector<NamedPerson>> { return namedByName(db, common); });
}

Result<std::vector<std::string>> Workspace::addTags(PersonId person, const std::vector<std::string>& names)
{
    // One person is the bulk edit of a single person: the same checks, the same transaction.
    Result<std::vector<PersonTags>> added = addTags(std::vector<PersonTags>{{.person = person, .tags = names}});
    if (!added) {
        return added.error();
    }
    return added->empty() ? std::vector<std::string>{} : std::move(added->front().tags);
}

Result<std::vector<std::string>> Workspace::removeTags(PersonId person, const std::vector<std::string>& names)
{
    return guarded([&]() -> Result<std::vector<std::string>> {
        if (Status exists = checkPerson(person); !exists) {
            return exists.error();
        }
        std::vector<std::string> removed;
        Transaction tx(m_db);
        TagRepository tags(m_db);
        for (const std::string& raw : names) {
            const std::string name = trimmed(raw);
            const auto id = tags.find(name);
            if (!id) {
                return Error("no tag named '" + name + "'");
            }
            if (tags.unassign(person, *id)) {
                removed.push_back(name);
            }
        }
        tx.commit();
        return removed;
    });
}

Result<std::vector<PersonTags>> Workspace::addTags(const std::vector<PersonTags>& edits)
{
    return guarded([&]() -> Result<std::vector<PersonTags>> {
        std::vector<PersonTags> added;
        Transaction tx(m_db);
        TagRepository tags(m_db);
        // Ten thousand people usually share a handful of tags: look each name up once.
        std::unordered_map<std::string, std::int64_t> ids;
        for (const PersonTags& edit : edits) {
            if (Status exists = checkPerson(edit.person); !exists) {
                return exists.error();
            }
            PersonTags changed{.person = edit.person, .tags = {}};
            for (const std::string& raw : edit.tags) {
                const std::string name = trimmed(raw);
                if (name.empty()) {
                    return Error("a tag name must not be empty");
                }
                auto id = ids.find(name);
                if (id == ids.end()) {
                    id = ids.emplace(name, tags.ensure(name)).first;
                }
                if (tags.assign(edit.person, id->second)) {
                    changed.tags.push_back(name);
                }
            }
            if (!changed.tags.empty()) {
                added.push_back(std::move(changed));
            }
        }
        tx.commit();
        return added;
    });
}

Result<std::vector<PersonTags>> Workspace::removeTags(const std::vector<PersonTags>& edits)
{
    return guarded([&]() -> Result<std::vector<PersonTags>> {
        std::vector<PersonTags> removed;
        Transaction tx(m_db);
        TagRepository tags(m_db);
        std::unordered_map<std::string, std::optional<std::int64_t>> ids;
        for (const PersonTags& edit : edits) {
            if (Status exists = checkPerson(edit.person); !exists) {
                return exists.error();
            }
            PersonTags changed{.person = edit.person, .tags = {}};
            for (const std::string& raw : edit.tags) {
                const std::string name = trimmed(raw);
                auto id = ids.find(name);
                if (id == ids.end()) {
                    id = ids.emplace(name, tags.find(name)).first;
                }
                if (id->second && tags.unassign(edit.person, *id->second)) {
                    changed.tags.push_back(name);
                }
            }
            if (!changed.tags.empty()) {
                removed.push_back(std::move(changed));
            }
        }
        tx.commit();
        return removed;
    });
}

Status Workspace::setTagCadence(std::string_view tag, std::optional<int> days)
{
    return guarded([&]() -> Status {
        const std::string name = trimmed(tag);
        if (name.empty()) {
            return Error("a tag name must not be empty");
        }
        if (days && *days <= 0) {
            return Error("a cadence is a number of days greater than 0");
        }
        Transaction tx(m_db);
        TagRepository tags(m_db);
        tags.setCadence(tags.ensure(name), days);
        tx.commit();
        return {};
    });
}

Status Workspace::deleteNote(std::int64_t id)
{
    return guarded([&]() -> Status {
        Statement& st = m_db.cached("DELETE FROM note WHERE id = ?");
        st.bind(1, id);
        st.step();
        st.reset();
        if (m_db.changes() == 0) {
            return Error("no note #" + std::to_string(id));
        }
        return {};
    });
}

Result<Note> Workspace::editNote(std::int64_t id, std::string_view text)
{
    return guarded([&]() -> Result<Note> {
        if (trimmed(text).empty()) {
            return Error("a note must not be empty; delete it instead");
        }
        WorkflowRepository workflow(m_db);
        Transaction tx(m_db);
        if (!workflow.updateNote(id, text)) {
            return Error("no note #" + std::to_string(id));
        }
        tx.commit();
        return *workflow.note(id);
    });
}

Result<Note> Workspace::addNote(PersonId person, std::string_view text)
{
    return guarded([&]() -> Result<Note> {
        if (Status exists = checkPerson(person); !exists) {
            return exists.error();
        }
        if (trimmed(text).empty()) {
            return Error("a note must not be empty");
        }
        Transaction tx(m_db);
        WorkflowRepository workflow(m_db);
        const std::int64_t id = workflow.addNote(person, text);
        tx.commit();
        for (Note& note : workflow.notes(person)) {
            if (note.id == id) {
                return std::move(note);
            }
        }
        return Error("the note was not saved");
    });
}

Result<FollowUpRecord> Workspace::setFollowUp(PersonId person, Date due, std::optional<int> everyDays)
{
    return guarded([&]() -> Result<FollowUpRecord> {
        if (Status exists = checkPerson(person); !exists) {
            return exists.error();
        }
        if (everyDays && *everyDays <= 0) {
            return Error("a cadence is a number of days greater than 0");
        }
        WorkflowRepository workflow(m_db);
        FollowUpRecord record = workflow.followUp(person).value_or(FollowUpRecord{});
        record.dueDate = formatDate(due);
        if (everyDays) {
            record.cadenceDays = everyDays;
        }
        record.snoozedUntil.clear();
        record.done = false;
        Transaction tx(m_db);
        workflow.setFollowUp(person, record);
        tx.commit();
        return record;
    });
}

Result<FollowUpRecord> Workspace::markContacted(PersonId person, Date today)
{
    return guarded([&]() -> Result<FollowUpRecord> {
        if (Status exists = checkPerson(person); !exists) {
            return exists.error();
        }
        WorkflowRepository workflow(m_db);
        const auto stored = workflow.followUp(person);
        FollowUpRecord record = stored.value_or(FollowUpRecord{});
        record.lastContacted = formatDate(today);
        record.snoozedUntil.clear();
        if (const auto cadence = effectiveCadence(stored, TagRepository(m_db).inheritedCadence(person))) {
            record.dueDate = formatDate(addDays(today, *cadence));
            record.done = false;
        } else {
            record.dueDate.clear();
            record.done = true;
        }
        Transaction tx(m_db);
        workflow.setFollowUp(person, record);
        tx.commit();
        return record;
    });
}

Result<FollowUpRecord> Workspace::snoozeFollowUp(PersonId person, int days, Date today)
{
    return guarded([&]() -> Result<FollowUpRecord> {
        if (Status exists = checkPerson(person); !exists) {
            return exists.error();
        }
        if (days <= 0) {
            return Error("snooze for a number of days greater than 0");
        }
        WorkflowRepository workflow(m_db);
        const auto stored = workflow.followUp(person);
        if (!effectiveDue(stored, TagRepository(m_db).inheritedCadence(person), today)) {
            return Error("there is no follow-up to snooze; set one with 'followup set'");
        }
        FollowUpRecord record = stored.value_or(FollowUpRecord{});
        record.snoozedUntil = formatDate(addDays(today, days));
        Transaction tx(m_db);
        workflow.setFollowUp(person, record);
        tx.commit();
        return record;
    });
}

Status Workspace::replaceFollowUp(PersonId person, const std::optional<FollowUpRecord>& record)
{
    return guarded([&]() -> Status {
        if (Status exists = checkPerson(person); !exists) {
            return exists;
        }
        if (record) {
            if (record->cadenceDays && *record->cadenceDays <= 0) {
                return Error("a cadence is a number of days greater than 0");
            }
            for (const std::string* date : {&record->dueDate, &record->lastContacted, &record->snoozedUntil}) {
                if (!date->empty() && !parseDate(*date)) {
                    return Error("'" + *date + "' is not a date (YYYY-MM-DD)");
                }
            }
        }
        WorkflowRepository workflow(m_db);
        Transaction tx(m_db);
        if (record) {
            workflow.setFollowUp(person, *record);
        } else {
            workflow.removeFollowUp(person);
        }
        tx.commit();
        return {};
    });
}

Status Workspace::setSuggestionDismissed(PersonId forPerson, PersonId person, bool dismissed)
{
    return guarded([&]() -> Status {
        for (PersonId id : {forPerson, person}) {
            if (Status exists = checkPerson(id); !exists) {
                return exists;
            }
        }
        Statement& st = m_db.cached(
            dismissed ? "INSERT OR IGNORE INTO dismissed_suggestion (for_person_id, person_id) VALUES (?, ?)"
                      : "DELETE FROM dismissed_suggestion WHERE for_person_id = ? AND person_id = ?");
        st.bind(1, forPerson.value());
        st.bind(2, person.value());
        st.step();
        st.reset();
        return {};
    });
}

}  // namespace warmpath
