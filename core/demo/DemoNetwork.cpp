#include "demo/DemoNetwork.h"

#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "Workspace.h"
#include "model/LinkKind.h"
#include "store/Links.h"
#include "store/Meta.h"
#include "store/People.h"
#include "store/Tags.h"
#include "store/Workflow.h"

namespace warmpath::demo {
namespace {

using nlohmann::json;

std::string stringOr(const json& object, const char* key, std::string_view fallback = {})
{
    const auto it = object.find(key);
    return (it != object.end() && it->is_string()) ? it->get<std::string>() : std::string(fallback);
}

std::optional<int> optionalInt(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer()) {
        return std::nullopt;
    }
    return it->get<int>();
}

std::string dayOffset(Date today, int days)
{
    return formatDate(today + std::chrono::days{days});
}

bool isEmptyDatabase(Database& db)
{
    Statement st = db.prepare("SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM link)");
    st.step();
    return st.int64(0) <= 1;
}

}  // namespace

Result<DemoSummary> load(Database& db, std::string_view text, Date today)
{
    const json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object() || stringOr(doc, "format") != "warmpath-demo") {
        return Error(R"(not a Warmpath demo network (expected a JSON object with "format": "warmpath-demo"))");
    }
    const auto peopleIt = doc.find("people");
    const auto linksIt = doc.find("links");
    if (peopleIt == doc.end() || !peopleIt->is_array() || peopleIt->empty() || linksIt == doc.end() ||
        !linksIt->is_array()) {
        return Error("demo network without people or links");
    }
    if (!isEmptyDatabase(db)) {
        return Error("the demo network loads only into a new, empty database", db.path().string());
    }

    Transaction tx(db);
    PeopleRepository people(db);
    TagRepository tags(db);
    LinkRepository links(db);
    WorkflowRepository workflow(db);

    std::unordered_map<std::string, std::int64_t> tagIds;
    if (const auto tagList = doc.find("tags"); tagList != doc.end() && tagList->is_array()) {
        for (const json& tag : *tagList) {
            const std::int64_t id = tags.ensure(stringOr(tag, "name"));
            tags.setCadence(id, optionalInt(tag, "cadence_days"));
            tagIds.emplace(stringOr(tag, "name"), id);
        }
    }

    std::vector<PersonId> ids;
    ids.reserve(peopleIt->size());
    for (const json& entry : *peopleIt) {
        if (!entry.is_object() || stringOr(entry, "name").empty()) {
            return Error("demo person #" + std::to_string(ids.size()) + " has no name");
        }
        NewPerson details{.displayName = stringOr(entry, "name"),
                          .organisation = stringOr(entry, "organisation"),
                          .title = stringOr(entry, "title"),
                          .location = stringOr(entry, "location"),
                          .batchId = std::nullopt};
        PersonId id;
        if (ids.empty()) {  // people[0] is the user
            id = people.me();
            people.updateDetails(id, details);
        } else {
            id = people.insert(details);
        }
        ids.push_back(id);

        for (const json& identity : entry.value("identities", json::array())) {
            people.addIdentity(id, Identity{.network = stringOr(identity, "network"),
                                            .key = stringOr(identity, "key"),
                                            .handle = stringOr(identity, "handle"),
                                            .url = stringOr(identity, "url")});
        }
        for (const json& tag : entry.value("tags", json::array())) {
            const std::string name = tag.is_string() ? tag.get<std::string>() : std::string();
            auto known = tagIds.find(name);
            const std::int64_t tagId = known != tagIds.end() ? known->second : tags.ensure(name);
            tags.assign(id, tagId);
        }
        for (const json& note : entry.value("notes", json::array())) {
            if (note.is_string()) {
                workflow.addNote(id, note.get<std::string>());
            }
        }
        if (const auto followUp = entry.find("follow_up"); followUp != entry.end() && followUp->is_object()) {
            FollowUpRecord record;
            if (const auto due = optionalInt(*followUp, "due_in_days")) {
                record.dueDate = dayOffset(today, *due);
            }
            record.cadenceDays = optionalInt(*followUp, "cadence_days");
            if (const auto ago = optionalInt(*followUp, "last_contacted_days_ago")) {
                record.lastContacted = dayOffset(today, -*ago);
            }
            workflow.setFollowUp(id, record);
        }
    }

    auto personAt = [&ids](const json& index) -> std::optional<PersonId> {
        if (!index.is_number_integer()) {
            return std::nullopt;
        }
        const auto i = index.get<std::int64_t>();
        if (i < 0 || static_cast<std::size_t>(i) >= ids.size()) {
            return std::nullopt;
        }
        return ids[static_cast<std::size_t>(i)];
    };

    std::int64_t linkCount = 0;
    for (const json& link : *linksIt) {
        if (!link.is_array() || link.size() < 3 || !link[2].is_string()) {
            return Error("demo link #" + std::to_string(linkCount) + " is not [from, to, kind, confidence]");
        }
        const auto from = personAt(link[0]);
        const auto to = personAt(link[1]);
        const auto kind = linkKindFromString(link[2].get<std::string>());
        if (!from || !to || !kind) {
            return Error("demo link #" + std::to_string(linkCount) + " names an unknown person or kind");
        }
        const double confidence = link.size() > 3 && link[3].is_number() ? link[3].get<double>() : 1.0;
        if (links.upsert(*from, *to, *kind, confidence) == LinkWrite::Added) {
            ++linkCount;
        }
    }

    for (const json& intro : doc.value("intro_requests", json::array())) {
        const auto target = personAt(intro.value("target", json()));
        if (!target) {
            continue;
        }
        const std::int64_t id = workflow.addIntroRequest(*target, personAt(intro.value("introducer", json())),
                                                         stringOr(intro, "status", "draft"), stringOr(intro, "note"));
        if (const auto ago = optionalInt(intro, "created_days_ago")) {
            const std::string when = dayOffset(today, -*ago) + "T10:00:00Z";
            db.prepare("UPDATE intro_request SET created_at = ?, updated_at = ? WHERE id = ?")
                .bind(1, when)
                .bind(2, when)
                .bind(3, id)
                .run();
        }
    }

    bumpGraphGeneration(db);
    tx.commit();
    return DemoSummary{.persons = static_cast<std::int64_t>(ids.size()), .links = linkCount};
}

}  // namespace warmpath::demo
