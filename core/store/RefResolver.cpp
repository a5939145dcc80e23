#include "store/RefResolver.h"

#include "store/People.h"

namespace warmpath {
namespace {

std::string describeCandidate(const Person& p)
{
    std::string text = "#" + std::to_string(p.id.value()) + " " + p.displayName;
    if (!p.organisation.empty()) {
        text += " (" + p.organisation + ")";
    }
    return text;
}

}  // namespace

Result<PersonId> RefResolver::resolve(std::string_view text)
{
    Result<Ref> ref = Ref::parse(text);
    if (!ref) {
        return ref.error();
    }
    return resolve(*ref);
}

Result<PersonId> RefResolver::resolve(const Ref& ref)
{
    PeopleRepository people(m_db);
    switch (ref.kind) {
    case Ref::Kind::Me:
        return people.me();
    case Ref::Kind::Id:
        if (people.find(PersonId(ref.id))) {
            return PersonId(ref.id);
        }
        return Error("no person with id #" + std::to_string(ref.id));
    case Ref::Kind::Identity: {
        if (auto id = people.findByIdentity(ref.network, ref.key)) {
            return *id;
        }
        // Handles name accounts too (`bsky:ana.bsky.social` for a `bsky:did:plc:...` identity).
        const std::string handle = ref.text.substr(ref.text.find(':') + 1);
        const auto byHandle = people.findByHandle(ref.network, handle);
        if (byHandle.size() == 1) {
            return byHandle.front();
        }
        // A display name may contain a colon ("Dr: Who"); fall back to names before giving up.
        Result<PersonId> byName = resolveName(ref);
        if (byName || byName.error().message.find("matches") != std::string::npos) {
            return byName;
        }
        return Error("no person with identity " + ref.network + ":" + ref.key);
    }
    case Ref::Kind::Name:
        return resolveName(ref);
    }
    return Error("unsupported REF");
}

Result<PersonId> RefResolver::resolveName(const Ref& ref)
{
    PeopleRepository people(m_db);
    std::vector<Person> matches = people.findByExactName(ref.text);
    if (matches.empty()) {
        matches = people.findByNameIgnoringCase(ref.text);
    }
    if (matches.size() == 1) {
        return matches.front().id;
    }
    if (matches.empty()) {
        return Error("no person matches '" + ref.text + "' (give me, #ID, NETWORK:KEY or an exact display name)");
    }
    std::string message = "'" + ref.text + "' matches " + std::to_string(matches.size()) +
                          (matches.size() >= 20 ? " or more" : "") + " people:";
    for (const Person& p : matches) {
        message += "\n  " + describeCandidate(p);
    }
    message += "\nname one of them with #ID or NETWORK:KEY";
    return Error(message);
}

std::string RefResolver::canonicalRef(PersonId person)
{
    Statement& st = m_db.cached(
        "SELECT p.is_me, i.network, i.key FROM person p LEFT JOIN identity i ON i.person_id = p.id WHERE p.id = ? "
        "ORDER BY CASE i.network WHEN 'linkedin' THEN 0 WHEN 'bsky' THEN 1 WHEN 'mastodon' THEN 2 WHEN 'x' THEN 3 "
        "WHEN 'email' THEN 5 ELSE 4 END, i.network, i.key LIMIT 1");
    st.bind(1, person.value());
    std::string ref = "#" + std::to_string(person.value());
    if (st.step()) {
        if (st.int64(0) != 0) {
            ref = "me";
        } else if (!st.isNull(1)) {
            ref = st.text(1) + ":" + st.text(2);
        }
    }
    // Left on its row, the cached statement would keep a read transaction open and the
    // connection would stop seeing later writes.
    st.reset();
    return ref;
}

}  // namespace warmpath
