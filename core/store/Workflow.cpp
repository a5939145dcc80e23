#include "store/Workflow.h"

#include <algorithm>

namespace warmpath {

namespace {

constexpr std::string_view kIntroColumns =
    "SELECT id, target_id, introducer_id, status, note, created_at, updated_at FROM intro_request ";

IntroRequest readIntro(const Statement& st)
{
    IntroRequest intro;
    intro.id = st.int64(0);
    intro.target = PersonId(st.int64(1));
    if (const auto introducer = st.optionalInt64(2)) {
        intro.introducer = PersonId(*introducer);
    }
    intro.status = introStatusFromString(st.textView(3)).value_or(IntroStatus::Draft);
    intro.message = st.text(4);
    intro.createdAt = st.text(5);
    intro.updatedAt = st.text(6);
    return intro;
}

}  // namespace

std::optional<int> effectiveCadence(const std::optional<FollowUpRecord>& record, std::optional<int> inheritedCadence)
{
    if (record && record->cadenceDays) {
        return record->cadenceDays;
    }
    return inheritedCadence;
}

std::optional<Date> effectiveDue(const std::optional<FollowUpRecord>& record, std::optional<int> inheritedCadence,
                                 Date today)
{
    std::optional<Date> due;
    if (record && !record->done && !record->dueDate.empty()) {
        due = parseDate(record->dueDate);
    } else if (const auto cadence = effectiveCadence(record, inheritedCadence)) {
        const auto lastContacted = record ? parseDate(record->lastContacted) : std::nullopt;
        due = lastContacted ? addDays(*lastContacted, *cadence) : today;
    }
    if (due && record) {
        if (const auto snoozed = parseDate(record->snoozedUntil); snoozed && *snoozed > *due) {
            due = snoozed;
        }
    }
    return due;
}

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

bool WorkflowRepository::removeFollowUp(PersonId person)
{
    m_db.cached("DELETE FROM follow_up WHERE person_id = ?").bind(1, person.value()).run();
    return m_db.changes() > 0;
}

std::optional<InheritedCadence> WorkflowRepository::inheritedCadence(PersonId person)
{
    Statement& st = m_db.cached(
        "SELECT t.cadence_days, t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id "
        "WHERE pt.person_id = ? AND t.cadence_days IS NOT NULL ORDER BY t.cadence_days, t.name COLLATE NOCASE LIMIT 1");
    st.bind(1, person.value());
    std::optional<InheritedCadence> inherited;
    if (st.step()) {
        inherited = InheritedCadence{.days = static_cast<int>(st.int64(0)), .tag = st.text(1)};
    }
    st.reset();
    return inherited;
}

bool WorkflowRepository::updateNote(std::int64_t id, std::string_view text)
{
    m_db.cached("UPDATE note SET text = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?")
        .bind(1, text)
        .bind(2, id)
        .run();
    return m_db.changes() > 0;
}

std::optional<Note> WorkflowRepository::note(std::int64_t id)
{
    Statement& st = m_db.cached("SELECT id, text, created_at FROM note WHERE id = ?");
    st.bind(1, id);
    std::optional<Note> found;
    if (st.step()) {
        found = Note{.id = st.int64(0), .text = st.text(1), .createdAt = st.text(2)};
    }
    st.reset();
    return found;
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

std::vector<Note> WorkflowRepository::notes(PersonId person)
{
    Statement& st = m_db.cached("SELECT id, text, created_at FROM note WHERE person_id = ? ORDER BY created_at, id");
    st.bind(1, person.value());
    std::vector<Note> notes;
    while (st.step()) {
        notes.push_back(Note{.id = st.int64(0), .text = st.text(1), .createdAt = st.text(2)});
    }
    return notes;
}

std::optional<IntroRequest> WorkflowRepository::introRequest(std::int64_t id)
{
    Statement& st = m_db.cached(std::string(kIntroColumns) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) {
        return std::nullopt;
    }
    return readIntro(st);
}

std::vector<IntroRequest> WorkflowRepository::introRequests(std::optional<PersonId> involving)
{
    Statement& st = m_db.cached(std::string(kIntroColumns) +
                                "WHERE ?1 IS NULL OR target_id = ?1 OR introducer_id = ?1 ORDER BY id");
    st.bindOptional(1, involving ? std::optional<std::int64_t>(involving->value()) : std::nullopt);
    std::vector<IntroRequest> intros;
    while (st.step()) {
        intros.push_back(readIntro(st));
    }
    return intros;
}

void WorkflowRepository::setIntroStatus(std::int64_t id, IntroStatus status)
{
    m_db.cached("UPDATE intro_request SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?")
        .bind(1, toString(status))
        .bind(2, id)
        .run();
}

bool WorkflowRepository::setIntroMessage(std::int64_t id, std::string_view message)
{
    m_db.cached("UPDATE intro_request SET note = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?")
        .bind(1, message)
        .bind(2, id)
        .run();
    return m_db.changes() > 0;
}

bool WorkflowRepository::removeIntroRequest(std::int64_t id)
{
    m_db.cached("DELETE FROM intro_request WHERE id = ?").bind(1, id).run();
    return m_db.changes() > 0;
}

void WorkflowRepository::insertIntroRequest(const IntroRequest& request)
{
    Statement& st =
        m_db.cached("INSERT INTO intro_request (id, target_id, introducer_id, status, note, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, request.id).bind(2, request.target.value());
    st.bindOptional(3, request.introducer ? std::optional<std::int64_t>(request.introducer->value()) : std::nullopt);
    st.bind(4, toString(request.status))
        .bind(5, request.message)
        .bind(6, request.createdAt)
        .bind(7, request.updatedAt)
        .run();
}

std::vector<FollowUpItem> WorkflowRepository::followUpQueue(Date today)
{
    Statement st = m_db.prepare(
        "SELECT p.id, p.display_name, f.person_id IS NOT NULL, coalesce(f.due_date, ''), f.cadence_days, "
        "coalesce(f.last_contacted, ''), coalesce(f.snoozed_until, ''), coalesce(f.done, 0), "
        "(SELECT min(t.cadence_days) FROM person_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.person_id = p.id), "
        "(SELECT t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.person_id = p.id "
        "AND t.cadence_days IS NOT NULL ORDER BY t.cadence_days, t.name COLLATE NOCASE LIMIT 1) "
        "FROM person p LEFT JOIN follow_up f ON f.person_id = p.id "
        "WHERE f.person_id IS NOT NULL OR EXISTS (SELECT 1 FROM person_tag pt JOIN tag t ON t.id = pt.tag_id "
        "WHERE pt.person_id = p.id AND t.cadence_days IS NOT NULL)");
    std::vector<FollowUpItem> queue;
    while (st.step()) {
        std::optional<FollowUpRecord> record;
        if (st.int64(2) != 0) {
            record = FollowUpRecord{.dueDate = st.text(3),
                                    .cadenceDays = std::nullopt,
                                    .lastContacted = st.text(5),
                                    .snoozedUntil = st.text(6),
                                    .done = st.int64(7) != 0};
            if (const auto cadence = st.optionalInt64(4)) {
                record->cadenceDays = static_cast<int>(*cadence);
            }
        }
        std::optional<int> inherited;
        if (const auto cadence = st.optionalInt64(8)) {
            inherited = static_cast<int>(*cadence);
        }
        if (const auto due = effectiveDue(record, inherited, today)) {
            queue.push_back(FollowUpItem{.person = PersonId(st.int64(0)),
                                         .name = st.text(1),
                                         .due = *due,
                                         .daysOverdue = daysBetween(*due, today),
                                         .cadenceDays = effectiveCadence(record, inherited),
                                         .cadenceTag = record && record->cadenceDays ? std::string() : st.text(9)});
        }
    }
    std::stable_sort(queue.begin(), queue.end(), [](const FollowUpItem& a, const FollowUpItem& b) {
        if (a.daysOverdue != b.daysOverdue) {
            return a.daysOverdue > b.daysOverdue;
        }
        if (a.name != b.name) {
            return a.name < b.name;
        }
        return a.person < b.person;
    });
    return queue;
}

}  // namespace warmpath
