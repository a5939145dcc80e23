#include "store/Workflow.h"

namespace warmpath {

std::int64_t WorkflowRepository::addNote(PersonId person, std::string_view text, std::optional<std::int64_t> batchId)
{
    Statement& st = m_db.cached("INSERT INTO note (person_id, text, batch_id) VALUES (?, ?, ?)");
    st.bind(1, person.value()).bind(2, text).bindOptional(3, batchId).run();
    return m_db.lastInsertId();
}

void WorkflowRepository::setFollowUp(PersonId person, const FollowUpRecord& followUp)
{
    Statement& st =
        m_db.cached("INSERT INTO follow_up (person_id, due_date, cadence_days, last_contacted, snoozed_until, done) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET due_date = excluded.due_date, "
                    "cadence_days = excluded.cadence_days, last_contacted = excluded.last_contacted, "
                    "snoozed_until = excluded.snoozed_until, done = excluded.done, "
                    "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
    st.bind(1, person.value()).bindOptional(2, followUp.dueDate);
    st.bindOptional(3, followUp.cadenceDays ? std::optional<std::int64_t>(*followUp.cadenceDays) : std::nullopt);
    st.bindOptional(4, followUp.lastContacted).bindOptional(5, followUp.snoozedUntil).bind(6, followUp.done ? 1 : 0);
    st.run();
}

std::optional<FollowUpRecord> WorkflowRepository::followUp(PersonId person)
{
    Statement& st = m_db.cached(
        "SELECT coalesce(due_date, ''), cadence_days, coalesce(last_contacted, ''), coalesce(snoozed_until, ''), done "
        "FROM follow_up WHERE person_id = ?");
    st.bind(1, person.value());
    if (!st.step()) {
        return std::nullopt;
    }
    FollowUpRecord record;
    record.dueDate = st.text(0);
    if (const auto cadence = st.optionalInt64(1)) {
        record.cadenceDays = static_cast<int>(*cadence);
    }
    record.lastContacted = st.text(2);
    record.snoozedUntil = st.text(3);
    record.done = st.int64(4) != 0;
    return record;
}

std::int64_t WorkflowRepository::addIntroRequest(PersonId target, std::optional<PersonId> introducer,
                                                 std::string_view status, std::string_view note)
{
    Statement& st =
        m_db.cached("INSERT INTO intro_request (target_id, introducer_id, status, note) VALUES (?, ?, ?, ?)");
    st.bind(1, target.value());
    st.bindOptional(2, introducer ? std::optional<std::int64_t>(introducer->value()) : std::nullopt);
    st.bind(3, status).bind(4, note).run();
    return m_db.lastInsertId();
}

}  // namespace warmpath
