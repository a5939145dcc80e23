#include "store/MergeReview.h"

#include <optional>
#include <utility>

#include "model/Identity.h"
#include "store/Meta.h"

namespace warmpath {

std::vector<MergeCandidate> MergeReviewRepository::candidates()
{
    Statement st = m_db.prepare(
        "SELECT c.id, c.person_a, c.person_b, a.display_name, b.display_name, c.reason, coalesce(c.batch_id, 0) "
        "FROM merge_candidate c JOIN person a ON a.id = c.person_a JOIN person b ON b.id = c.person_b ORDER BY c.id");
    std::vector<MergeCandidate> rows;
    while (st.step()) {
        rows.push_back(MergeCandidate{.id = st.int64(0),
                                      .first = PersonId(st.int64(1)),
                                      .second = PersonId(st.int64(2)),
                                      .firstName = st.text(3),
                                      .secondName = st.text(4),
                                      .reason = st.text(5),
                                      .batch = st.int64(6)});
    }
    return rows;
}

void MergeReviewRepository::recordMerge(PersonId kept, PersonId absorbed)
{
    m_db.prepare("INSERT INTO merge_history (kept_id, absorbed_id, absorbed_name, absorbed_organisation, "
                 "absorbed_title, absorbed_location) SELECT ?1, id, display_name, organisation, title, location "
                 "FROM person WHERE id = ?2")
        .bind(1, kept.value())
        .bind(2, absorbed.value())
        .run();
    const std::int64_t mergeId = m_db.lastInsertId();
    m_db.prepare("INSERT OR IGNORE INTO merge_history_identity (merge_id, network, key) "
                 "SELECT ?1, network, key FROM identity WHERE person_id = ?2")
        .bind(1, mergeId)
        .bind(2, absorbed.value())
        .run();
    m_db.prepare("INSERT OR IGNORE INTO merge_history_link (merge_id, link_id) "
                 "SELECT ?1, id FROM link WHERE from_person = ?2 OR to_person = ?2")
        .bind(1, mergeId)
        .bind(2, absorbed.value())
        .run();
    // Merged people are no longer a question for the review queue.
    m_db.prepare(
            "DELETE FROM merge_candidate WHERE (person_a = ?1 AND person_b = ?2) OR (person_a = ?2 AND person_b = ?1)")
        .bind(1, kept.value())
        .bind(2, absorbed.value())
        .run();
}

Result<PersonId> MergeReviewRepository::split(PersonId person, const std::string& network, const std::string& key)
{
    const std::string net = normalizeNetwork(network);
    const std::string normalisedKey = normalizeIdentityKey(net, key);
    Statement identity = m_db.prepare("SELECT id FROM identity WHERE person_id = ? AND network = ? AND key = ?");
    identity.bind(1, person.value()).bind(2, net).bind(3, normalisedKey);
    if (!identity.step()) {
        return Error("the person has no identity " + net + ":" + normalisedKey);
    }
    const std::int64_t identityId = identity.int64(0);
    Statement count = m_db.prepare("SELECT count(*) FROM identity WHERE person_id = ?");
    count.bind(1, person.value());
    count.step();
    if (count.int64(0) < 2) {
        return Error("that is the person's only identity; there is nothing to split it from");
    }

    Statement history =
        m_db.prepare("SELECT h.id, h.absorbed_name, h.absorbed_organisation, h.absorbed_title, h.absorbed_location "
                     "FROM merge_history h JOIN merge_history_identity i ON i.merge_id = h.id "
                     "WHERE h.kept_id = ? AND i.network = ? AND i.key = ? ORDER BY h.id DESC LIMIT 1");
    history.bind(1, person.value()).bind(2, net).bind(3, normalisedKey);
    std::int64_t mergeId = 0;
    std::string name = net + ":" + normalisedKey;
    std::string organisation;
    std::string title;
    std::string location;
    if (history.step()) {
        mergeId = history.int64(0);
        name = history.text(1);
        organisation = history.text(2);
        title = history.text(3);
        location = history.text(4);
    }
    m_db.prepare("INSERT INTO person (display_name, organisation, title, location) VALUES (?, ?, ?, ?)")
        .bind(1, name)
        .bind(2, organisation)
        .bind(3, title)
        .bind(4, location)
        .run();
    const PersonId split(m_db.lastInsertId());
    m_db.prepare("UPDATE identity SET person_id = ? WHERE id = ?").bind(1, split.value()).bind(2, identityId).run();
    if (mergeId != 0) {
        // Links the merge moved go back, unless moving one would make a self-link.
        for (const char* end : {"from_person", "to_person"}) {
            const std::string other = std::string(end) == "from_person" ? "to_person" : "from_person";
            m_db.prepare("UPDATE OR IGNORE link SET " + std::string(end) + " = ?1 WHERE " + std::string(end) +
                         " = ?2 AND " + other +
                         " <> ?1 AND id IN (SELECT link_id FROM merge_history_link WHERE "
                         "merge_id = ?3)")
                .bind(1, split.value())
                .bind(2, person.value())
                .bind(3, mergeId)
                .run();
        }
        m_db.prepare("DELETE FROM merge_history_identity WHERE merge_id = ? AND network = ? AND key = ?")
            .bind(1, mergeId)
            .bind(2, net)
            .bind(3, normalisedKey)
            .run();
    }
    bumpGraphGeneration(m_db);
    return split;
}

Result<MergeCandidate> MergeReviewRepository::dismiss(std::int64_t id)
{
    for (MergeCandidate& candidate : candidates()) {
        if (candidate.id == id) {
            m_db.prepare("DELETE FROM merge_candidate WHERE id = ?").bind(1, id).run();
            return std::move(candidate);
        }
    }
    return Error("no probable duplicate #" + std::to_string(id) + " in the review queue");
}

Result<std::int64_t> MergeReviewRepository::queue(PersonId a, PersonId b, const std::string& reason, std::int64_t batch)
{
    if (a == b) {
        return Error("a person cannot be a duplicate of themselves");
    }
    // The table keeps each pair once, smaller id first.
    const PersonId low = a.value() < b.value() ? a : b;
    const PersonId high = a.value() < b.value() ? b : a;
    Statement exists = m_db.prepare("SELECT count(*) FROM person WHERE id IN (?, ?)");
    exists.bind(1, low.value()).bind(2, high.value());
    exists.step();
    if (exists.int64(0) != 2) {
        return Error("no such person to queue for review");
    }
    Statement batchExists = m_db.prepare("SELECT count(*) FROM import_batch WHERE id = ?");
    batchExists.bind(1, batch);
    batchExists.step();
    m_db.prepare("INSERT OR IGNORE INTO merge_candidate (person_a, person_b, reason, batch_id) VALUES (?, ?, ?, ?)")
        .bind(1, low.value())
        .bind(2, high.value())
        .bind(3, reason)
        .bindOptional(4, batchExists.int64(0) > 0 ? std::optional<std::int64_t>(batch) : std::nullopt)
        .run();
    Statement id = m_db.prepare("SELECT id FROM merge_candidate WHERE person_a = ? AND person_b = ?");
    id.bind(1, low.value()).bind(2, high.value());
    id.step();
    return id.int64(0);
}

}  // namespace warmpath
