#include "store/People.h"

#include <map>

#include "model/Identity.h"
#include "model/Workflow.h"
#include "store/RefResolver.h"
#include "store/Tags.h"
#include "store/Workflow.h"

namespace warmpath {
namespace {

constexpr std::string_view kPersonColumns =
    "id, display_name, organisation, title, location, notes_count, is_me, created_at, updated_at";

Person readPerson(const Statement& st)
{
    Person p;
    p.id = PersonId(st.int64(0));
    p.displayName = st.text(1);
    p.organisation = st.text(2);
    p.title = st.text(3);
    p.location = st.text(4);
    p.notesCount = st.int64(5);
    p.isMe = st.int64(6) != 0;
    p.createdAt = st.text(7);
    p.updatedAt = st.text(8);
    return p;
}

std::vector<Person> readPeople(Statement& st)
{
    std::vector<Person> people;
    while (st.step()) {
        people.push_back(readPerson(st));
    }
    return people;
}

std::string select(std::string_view tail)
{
    return "SELECT " + std::string(kPersonColumns) + " FROM person " + std::string(tail);
}

}  // namespace

PersonId PeopleRepository::insert(const NewPerson& person)
{
    Statement& st = m_db.cached(
        "INSERT INTO person (display_name, organisation, title, location, batch_id) VALUES (?, ?, ?, ?, ?)");
    st.bind(1, person.displayName).bind(2, person.organisation).bind(3, person.title).bind(4, person.location);
    st.bindOptional(5, person.batchId);
    st.run();
    return PersonId(m_db.lastInsertId());
}

std::optional<Person> PeopleRepository::find(PersonId id)
{
    Statement& st = m_db.cached(select("WHERE id = ?"));
    st.bind(1, id.value());
    if (!st.step()) {
        return std::nullopt;
    }
    Person person = readPerson(st);
    st.reset();  // see me()
    return person;
}

PersonId PeopleRepository::me()
{
    Statement& st = m_db.cached("SELECT id FROM person WHERE is_me = 1");
    if (!st.step()) {
        throw DatabaseError("the database has no me person", 0);
    }
    const PersonId me(st.int64(0));
    // A statement left on its row keeps a read transaction open: the connection stops seeing
    // other connections' writes, cannot write after them ("database is locked"), and its tables
    // are locked against schema changes (an import's DROP INDEX) until the cache resets it.
    st.reset();
    return me;
}

void PeopleRepository::setMe(PersonId id)
{
    m_db.cached("UPDATE person SET is_me = 0 WHERE is_me = 1 AND id <> ?").bind(1, id.value()).run();
    m_db.cached("UPDATE person SET is_me = 1, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?")
        .bind(1, id.value())
        .run();
}

void PeopleRepository::updateDetails(PersonId id, const NewPerson& details)
{
    Statement& st = m_db.cached("UPDATE person SET display_name = ?, organisation = ?, title = ?, location = ?, "
                                "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?");
    st.bind(1, details.displayName).bind(2, details.organisation).bind(3, details.title).bind(4, details.location);
    st.bind(5, id.value()).run();
}

void PeopleRepository::remove(PersonId id)
{
    m_db.cached("DELETE FROM person WHERE id = ?").bind(1, id.value()).run();
}

std::int64_t PeopleRepository::count()
{
    Statement& st = m_db.cached("SELECT count(*) FROM person");
    st.step();
    const std::int64_t count = st.int64(0);
    st.reset();  // see me()
    return count;
}

std::vector<Person> PeopleRepository::findByExactName(std::string_view name, int limit)
{
    Statement& st = m_db.cached(select("WHERE display_name = ? ORDER BY id LIMIT ?"));
    st.bind(1, name).bind(2, limit);
    return readPeople(st);
}

std::vector<Person> PeopleRepository::findByNameIgnoringCase(std::string_view name, int limit)
{
    Statement& st = m_db.cached(select("WHERE display_name = ? COLLATE NOCASE ORDER BY id LIMIT ?"));
    st.bind(1, name).bind(2, limit);
    return readPeople(st);
}

std::vector<PersonId> PeopleRepository::search(std::string_view text)
{
    // LIKE with our own escape character, so `%` and `_` in the search text are literal.
    std::string pattern = "%";
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\') {
            pattern += '\\';
        }
        pattern += c;
    }
    pattern += '%';
    Statement st = m_db.prepare(
        "SELECT p.id FROM person p WHERE p.display_name LIKE ?1 ESCAPE '\\' OR p.organisation LIKE ?1 ESCAPE '\\' "
        "OR p.title LIKE ?1 ESCAPE '\\' OR EXISTS (SELECT 1 FROM identity i WHERE i.person_id = p.id AND "
        "(i.key LIKE ?1 ESCAPE '\\' OR i.handle LIKE ?1 ESCAPE '\\')) ORDER BY p.id");
    st.bind(1, pattern);
    std::vector<PersonId> ids;
    while (st.step()) {
        ids.emplace_back(st.int64(0));
    }
    return ids;
}

std::vector<PersonSummary> PeopleRepository::summaries(Date today)
{
    std::vector<PersonSummary> rows;
    std::map<std::int64_t, std::size_t> indexOf;
    Statement people = m_db.prepare(select("ORDER BY id"));
    while (people.step()) {
        indexOf.emplace(people.int64(0), rows.size());
        rows.push_back(PersonSummary{
            .person = readPerson(people), .networks = {}, .tags = {}, .followUpDue = {}, .lastContacted = {}});
    }
    Statement networks = m_db.prepare("SELECT DISTINCT person_id, network FROM identity ORDER BY person_id, network");
    while (networks.step()) {
        rows[indexOf.at(networks.int64(0))].networks.push_back(networks.text(1));
    }
    Statement tags = m_db.prepare("SELECT pt.person_id, t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id "
                                  "ORDER BY pt.person_id, t.name COLLATE NOCASE");
    while (tags.step()) {
        rows[indexOf.at(tags.int64(0))].tags.push_back(tags.text(1));
    }
    Statement contacted = m_db.prepare("SELECT person_id, last_contacted FROM follow_up");
    while (contacted.step()) {
        rows[indexOf.at(contacted.int64(0))].lastContacted = contacted.text(1);
    }
    // The same due dates as the follow-up queue, so that someone due only through a tag's cadence
    // is due in the people list too.
    for (const FollowUpItem& item : WorkflowRepository(m_db).followUpQueue(today)) {
        rows[indexOf.at(item.person.value())].followUpDue = formatDate(item.due);
    }
    return rows;
}

void PeopleRepository::forEachByName(const std::function<void(const PersonListRow&)>& visit,
                                     const std::function<bool(PersonId)>& wanted)
{
    // NOCASE folds ASCII letters only and then compares bytes, as lowerAscii and std::string's
    // `<` do in Workspace::people: both lists come out in the same order.
    Statement people = m_db.prepare(select("ORDER BY display_name COLLATE NOCASE, id"));
    RefResolver refs(m_db);
    TagRepository tags(m_db);
    PersonListRow row;
    while (people.step()) {
        row.person = readPerson(people);
        if (wanted && !wanted(row.person.id)) {
            continue;
        }
        row.ref = refs.canonicalRef(row.person.id);
        row.tags = tags.namesFor(row.person.id);
        visit(row);
    }
}

bool PeopleRepository::addIdentity(PersonId person, const Identity& identity, std::optional<std::int64_t> batchId)
{
    Statement& st =
        m_db.cached("INSERT INTO identity (person_id, network, key, handle, url, batch_id) VALUES (?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (network, key) DO NOTHING");
    const std::string network = normalizeNetwork(identity.network);
    st.bind(1, person.value()).bind(2, network).bind(3, normalizeIdentityKey(network, identity.key));
    st.bindOptional(4, identity.handle).bindOptional(5, identity.url).bindOptional(6, batchId);
    st.run();
    return m_db.changes() > 0;
}

std::optional<PersonId> PeopleRepository::findByIdentity(std::string_view network, std::string_view key)
{
    Statement& st = m_db.cached("SELECT person_id FROM identity WHERE network = ? AND key = ?");
    const std::string net = normalizeNetwork(network);
    st.bind(1, net).bind(2, normalizeIdentityKey(net, key));
    if (!st.step()) {
        return std::nullopt;
    }
    const PersonId person(st.int64(0));
    st.reset();  // see me()
    return person;
}

std::vector<PersonId> PeopleRepository::findByHandle(std::string_view network, std::string_view handle)
{
    Statement& st = m_db.cached(
        "SELECT DISTINCT person_id FROM identity WHERE network = ? AND handle = ? COLLATE NOCASE ORDER BY person_id");
    std::string_view bare = handle;
    if (!bare.empty() && bare.front() == '@') {
        bare.remove_prefix(1);
    }
    st.bind(1, normalizeNetwork(network)).bind(2, bare);
    std::vector<PersonId> ids;
    while (st.step()) {
        ids.emplace_back(st.int64(0));
    }
    return ids;
}

std::vector<Identity> PeopleRepository::identities(PersonId person)
{
    Statement& st =
        m_db.cached("SELECT network, key, coalesce(handle, ''), coalesce(url, '') FROM identity WHERE person_id = ? "
                    "ORDER BY network, key");
    st.bind(1, person.value());
    std::vector<Identity> result;
    while (st.step()) {
        result.push_back(Identity{.network = st.text(0), .key = st.text(1), .handle = st.text(2), .url = st.text(3)});
    }
    return result;
}

}  // namespace warmpath
