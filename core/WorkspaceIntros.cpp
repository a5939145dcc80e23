// The Workspace's introduction requests: drafting one along a path (without recording it), recording,
// deleting and putting back, and moving one on (draft, asked, introduced, declined).

#include <algorithm>
#include <string>
#include <unordered_set>
#include <utility>

#include "Workspace.h"
#include "store/Links.h"
#include "store/Meta.h"
#include "store/People.h"
#include "store/Workflow.h"

namespace warmpath {
namespace {

Error noIntro(std::int64_t id)
{
    return Error("no intro request #" + std::to_string(id));
}

}  // namespace

Result<std::vector<PersonId>> Workspace::warmestPathTo(PersonId me, PersonId target)
{
    auto answer = warmPaths(WarmPathRequest{.from = me, .to = target, .k = 1});
    if (!answer) {
        return answer.error();
    }
    if (answer->paths.empty()) {
        return Error("no path from you to " + answer->to.name + " in your network; give --via REF");
    }
    const auto& people = answer->paths.front().people;
    if (people.size() < 3) {
        return Error("you are linked to " + answer->to.name + " directly: no introduction needed");
    }
    std::vector<PersonId> path;
    path.reserve(people.size());
    for (const NamedPerson& person : people) {
        path.push_back(person.id);
    }
    return path;
}

Result<IntroDraft> Workspace::composeIntro(const std::vector<PersonId>& path)
{
    if (path.size() < 3) {
        return Error("an introduction needs a path of at least two hops: you, the person to ask, the person to reach");
    }
    return reading([&](Database& db) -> Result<IntroDraft> {
        PeopleRepository people(db);
        if (path.front() != people.me()) {
            return Error("an introduction request starts from you");
        }
        std::unordered_set<PersonId> seen;
        std::vector<IntroPathPerson> named;
        named.reserve(path.size());
        for (const PersonId id : path) {
            const auto person = people.find(id);
            if (!person) {
                return Error("no person with id #" + std::to_string(id.value()));
            }
            if (!seen.insert(id).second) {
                return Error(person->displayName + " appears twice on the path of an introduction");
            }
            named.push_back(IntroPathPerson{.name = person->displayName, .organisation = person->organisation});
        }
        return IntroDraft{
            .target = path.back(), .introducer = path[1], .next = path[2], .message = draftIntroMessage(named)};
    });
}

Result<IntroDraft> Workspace::composeIntro(PersonId target, std::optional<PersonId> via)
{
    auto me = this->me();
    if (!me) {
        return me.error();
    }
    if (!via) {
        Result<std::vector<PersonId>> path = warmestPathTo(*me, target);
        if (!path) {
            return path.error();
        }
        return composeIntro(*path);
    }
    if (target == *me || *via == *me) {
        return Error("an introduction needs someone other than me as target and introducer");
    }
    if (target == *via) {
        return Error("the introducer cannot be the person to be introduced to");
    }
    // The person asked is asked only for someone they know: the next person on the warmest way from
    // them to the target (a way that does not come back through me). Where there is no such way the
    // user's word that they know the target is all there is.
    std::vector<PersonId> path{*me, *via};
    auto onward = warmPaths(WarmPathRequest{.from = *via, .to = target, .k = 1, .avoid = {*me}});
    if (onward && !onward->paths.empty()) {
        for (const NamedPerson& person : onward->paths.front().people) {
            if (person.id != *via) {
                path.push_back(person.id);
            }
        }
    } else {
        if (Status exists = guarded([&] { return checkPerson(target); }); !exists) {
            return exists.error();
        }
        if (Status exists = guarded([&] { return checkPerson(*via); }); !exists) {
            return exists.error();
        }
        path.push_back(target);
    }
    return composeIntro(path);
}

Result<IntroRequest> Workspace::recordIntro(const IntroDraft& draft)
{
    return guarded([&]() -> Result<IntroRequest> {
        PeopleRepository people(m_db);
        for (const PersonId id : {draft.target, draft.introducer}) {
            if (Status exists = checkPerson(id); !exists) {
                return exists.error();
            }
        }
        const PersonId me = people.me();
        if (draft.target == me || draft.introducer == me) {
            return Error("an introduction needs someone other than me as target and introducer");
        }
        if (draft.target == draft.introducer) {
            return Error("the introducer cannot be the person to be introduced to");
        }
        Transaction tx(m_db);
        WorkflowRepository workflow(m_db);
        const std::int64_t id =
            workflow.addIntroRequest(draft.target, draft.introducer, toString(IntroStatus::Draft), draft.message);
        tx.commit();
        return *workflow.introRequest(id);
    });
}

Result<IntroRequest> Workspace::draftIntro(PersonId target, std::optional<PersonId> via)
{
    Result<IntroDraft> draft = composeIntro(target, via);
    if (!draft) {
        return draft.error();
    }
    return recordIntro(*draft);
}

Result<IntroRequest> Workspace::editIntroMessage(std::int64_t id, std::string_view message)
{
    return guarded([&]() -> Result<IntroRequest> {
        WorkflowRepository workflow(m_db);
        Transaction tx(m_db);
        std::optional<IntroRequest> before = workflow.introRequest(id);
        if (!before || !workflow.setIntroMessage(id, message)) {
            return noIntro(id);
        }
        tx.commit();
        return std::move(*before);
    });
}

Result<IntroRequest> Workspace::deleteIntro(std::int64_t id)
{
    return guarded([&]() -> Result<IntroRequest> {
        WorkflowRepository workflow(m_db);
        Transaction tx(m_db);
        std::optional<IntroRequest> intro = workflow.introRequest(id);
        if (!intro || !workflow.removeIntroRequest(id)) {
            return noIntro(id);
        }
        tx.commit();
        return std::move(*intro);
    });
}

Result<IntroRequest> Workspace::restoreIntro(const IntroRequest& request)
{
    return guarded([&]() -> Result<IntroRequest> {
        WorkflowRepository workflow(m_db);
        if (workflow.introRequest(request.id)) {
            return Error("intro request #" + std::to_string(request.id) + " exists already");
        }
        if (Status exists = checkPerson(request.target); !exists) {
            return exists.error();
        }
        // A request whose introducer has been deleted since is put back without one, as deleting a
        // person leaves it.
        IntroRequest restored = request;
        if (restored.introducer && !PeopleRepository(m_db).find(*restored.introducer)) {
            restored.introducer.reset();
        }
        Transaction tx(m_db);
        workflow.insertIntroRequest(restored);
        tx.commit();
        return *workflow.introRequest(request.id);
    });
}

Result<IntroRequest> Workspace::setIntroStatus(std::int64_t id, IntroStatus status)
{
    Result<IntroStatusChange> changed = changeIntroStatus(id, status);
    if (!changed) {
        return changed.error();
    }
    return std::move(changed->request);
}

Result<IntroStatusChange> Workspace::changeIntroStatus(std::int64_t id, IntroStatus status)
{
    return guarded([&]() -> Result<IntroStatusChange> {
        WorkflowRepository workflow(m_db);
        const auto intro = workflow.introRequest(id);
        if (!intro) {
            return noIntro(id);
        }
        Transaction tx(m_db);
        workflow.setIntroStatus(id, status);
        IntroStatusChange change;
        if (status == IntroStatus::Introduced) {
            const PersonId me = PeopleRepository(m_db).me();
            LinkRepository links(m_db);
            // Knowing each other goes both ways, as connections do.
            for (const auto& [from, to] : {std::pair{me, intro->target}, std::pair{intro->target, me}}) {
                if (links.upsert(from, to, LinkKind::Knows) == LinkWrite::Added) {
                    change.addedLinks.push_back(
                        LinkRow{.from = from, .to = to, .kind = LinkKind::Knows, .confidence = 1.0});
                }
            }
            if (!change.addedLinks.empty()) {
                bumpGraphGeneration(m_db);
            }
        }
        tx.commit();
        change.request = *workflow.introRequest(id);
        return change;
    });
}

Result<IntroRequest> Workspace::revertIntroStatus(const IntroStatusChange& change, IntroStatus previous)
{
    return guarded([&]() -> Result<IntroRequest> {
        WorkflowRepository workflow(m_db);
        const std::int64_t id = change.request.id;
        if (!workflow.introRequest(id)) {
            return noIntro(id);
        }
        Transaction tx(m_db);
        workflow.setIntroStatus(id, previous);
        LinkRepository links(m_db);
        bool removed = false;
        for (const LinkRow& link : change.addedLinks) {
            removed = links.remove(link.from, link.to, link.kind) || removed;
        }
        if (removed) {
            bumpGraphGeneration(m_db);
        }
        tx.commit();
        return *workflow.introRequest(id);
    });
}

}  // namespace warmpath
