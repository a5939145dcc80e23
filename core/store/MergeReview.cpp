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
    } else {
        moveWhatCameWithIdentity(identityId, person, split);
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

bool MergeReviewRepository::moveWhatCameWithIdentity(std::int64_t identityId, PersonId from, PersonId to)
{
    // The batches that brought the identity to `from` when `from` already existed (noteSeen
    // made them sources of the person): an automatic match, not the batch that created `from`.
    m_db.execute("CREATE TEMP TABLE IF NOT EXISTS split_batch (batch_id INTEGER PRIMARY KEY)");
    m_db.execute("DELETE FROM temp.split_batch");
    m_db.prepare("INSERT OR IGNORE INTO temp.split_batch (batch_id) SELECT b FROM (SELECT batch_id AS b FROM identity "
                 "WHERE id = ?1 UNION SELECT batch_id FROM identity_source WHERE identity_id = ?1) WHERE b IN "
                 "(SELECT batch_id FROM person_source WHERE person_id = ?2)")
        .bind(1, identityId)
        .bind(2, from.value())
        .run();
    if (m_db.changes() == 0) {
        return false;
    }
    const auto run = [this, from, to](const std::string& sql) {
        Statement st = m_db.prepare(sql);
        st.bind(1, from.value());
        if (sql.find("?2") != std::string::npos) {
            st.bind(2, to.value());
        }
        st.run();
    };
    const std::string inSplit = " IN (SELECT batch_id FROM temp.split_batch)";

    // The new person belongs to those batches: undoing them removes it again.
    run("UPDATE person SET batch_id = (SELECT min(batch_id) FROM temp.split_batch) WHERE id = ?2");
    run("INSERT OR IGNORE INTO person_source (person_id, batch_id) SELECT ?2, batch_id FROM temp.split_batch "
        "WHERE batch_id <> (SELECT min(batch_id) FROM temp.split_batch)");

    // Links only those batches supplied; one that another batch also saw stays (it is that
    // batch's claim too), and so does one that would become a self-link or a duplicate.
    for (const auto& [end, other] : {std::pair{"from_person", "to_person"}, std::pair{"to_person", "from_person"}}) {
        run(std::string("UPDATE OR IGNORE link SET ") + end + " = ?2 WHERE " + end + " = ?1 AND " + other +
            " <> ?2 AND batch_id" + inSplit +
            " AND NOT EXISTS (SELECT 1 FROM link_source s WHERE s.link_id = link.id AND s.batch_id NOT" + inSplit +
            ")");
    }
    run("UPDATE OR IGNORE person_tag SET person_id = ?2 WHERE person_id = ?1 AND batch_id" + inSplit);
    run("UPDATE note SET person_id = ?2 WHERE person_id = ?1 AND batch_id" + inSplit);

    // Details those batches filled in: the new person takes them, `from` gets back what it had,
    // unless a batch that stays with `from` supplied the same value.
    for (const char* field : {"display_name", "organisation", "title", "location"}) {
        const std::string f(field);
        const std::string theirs =
            "(SELECT d.value FROM person_detail_source d WHERE d.person_id = ?1 AND d.field = '" + f +
            "' AND d.batch_id" + inSplit + " ORDER BY d.batch_id LIMIT 1)";
        run("UPDATE person SET " + f + " = " + theirs + " WHERE id = ?2 AND " + theirs + " IS NOT NULL");
        run("UPDATE person SET " + f +
            " = (SELECT d.previous FROM person_detail_source d WHERE d.person_id = ?1 AND d.field = '" + f +
            "' AND d.batch_id" + inSplit + " ORDER BY d.batch_id LIMIT 1) WHERE id = ?1 AND " + f + " = " + theirs +
            " AND NOT EXISTS (SELECT 1 FROM person_detail_source o WHERE o.person_id = ?1 AND o.field = '" + f +
            "' AND o.value = person." + f + " AND o.batch_id NOT" + inSplit + ")");
    }
    run("UPDATE OR IGNORE person_detail_source SET person_id = ?2 WHERE person_id = ?1 AND batch_id" + inSplit);
    m_db.execute("DELETE FROM temp.split_batch");
    return true;
}

}  // namespace warmpath
