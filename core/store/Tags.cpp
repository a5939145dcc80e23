#include "store/Tags.h"

namespace warmpath {

std::int64_t TagRepository::ensure(std::string_view name)
{
    m_db.cached("INSERT INTO tag (name) VALUES (?) ON CONFLICT (name) DO NOTHING").bind(1, name).run();
    Statement& st = m_db.cached("SELECT id FROM tag WHERE name = ?");
    st.bind(1, name);
    st.step();
    return st.int64(0);
}

void TagRepository::setCadence(std::int64_t tagId, std::optional<int> cadenceDays)
{
    Statement& st = m_db.cached("UPDATE tag SET cadence_days = ? WHERE id = ?");
    st.bindOptional(1, cadenceDays ? std::optional<std::int64_t>(*cadenceDays) : std::nullopt).bind(2, tagId).run();
}

bool TagRepository::assign(PersonId person, std::int64_t tagId, std::optional<std::int64_t> batchId)
{
    Statement& st = m_db.cached("INSERT OR IGNORE INTO person_tag (person_id, tag_id, batch_id) VALUES (?, ?, ?)");
    st.bind(1, person.value()).bind(2, tagId).bindOptional(3, batchId).run();
    return m_db.changes() > 0;
}

std::vector<std::string> TagRepository::namesFor(PersonId person)
{
    Statement& st =
        m_db.cached("SELECT t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.person_id = ? "
                    "ORDER BY t.name COLLATE NOCASE");
    st.bind(1, person.value());
    std::vector<std::string> names;
    while (st.step()) {
        names.push_back(st.text(0));
    }
    return names;
}

std::int64_t TagRepository::count()
{
    Statement& st = m_db.cached("SELECT count(*) FROM tag");
    st.step();
    return st.int64(0);
}

std::optional<std::int64_t> TagRepository::find(std::string_view name)
{
    Statement& st = m_db.cached("SELECT id FROM tag WHERE name = ?");
    st.bind(1, name);
    if (!st.step()) {
        return std::nullopt;
    }
    return st.int64(0);
}

bool TagRepository::unassign(PersonId person, std::int64_t tagId)
{
    m_db.cached("DELETE FROM person_tag WHERE person_id = ? AND tag_id = ?")
        .bind(1, person.value())
        .bind(2, tagId)
        .run();
    const bool removed = m_db.changes() > 0;
    // A tag that nobody carries and that sets no cadence means nothing any more: it goes, as it does
    // when undoing the import that brought it, so that `stats` and the tag list count only real tags
    // (and undoing the edit that introduced a tag leaves nothing behind).
    m_db.cached("DELETE FROM tag WHERE id = ?1 AND cadence_days IS NULL AND NOT EXISTS "
                "(SELECT 1 FROM person_tag pt WHERE pt.tag_id = ?1)")
        .bind(1, tagId)
        .run();
    return removed;
}

std::vector<TagInfo> TagRepository::list()
{
    Statement& st = m_db.cached("SELECT t.name, (SELECT count(*) FROM person_tag pt WHERE pt.tag_id = t.id), "
                                "t.cadence_days FROM tag t ORDER BY t.name COLLATE NOCASE");
    std::vector<TagInfo> tags;
    while (st.step()) {
        TagInfo tag{.name = st.text(0), .count = st.int64(1), .cadenceDays = std::nullopt};
        if (const auto cadence = st.optionalInt64(2)) {
            tag.cadenceDays = static_cast<int>(*cadence);
        }
        tags.push_back(std::move(tag));
    }
    return tags;
}

std::optional<int> TagRepository::inheritedCadence(PersonId person)
{
    Statement& st = m_db.cached("SELECT min(t.cadence_days) FROM person_tag pt JOIN tag t ON t.id = pt.tag_id "
                                "WHERE pt.person_id = ?");
    st.bind(1, person.value());
    if (!st.step() || st.isNull(0)) {
        return std::nullopt;
    }
    return static_cast<int>(st.int64(0));
}

}  // namespace warmpath
