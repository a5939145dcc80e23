#include "store/Links.h"

namespace warmpath {

LinkWrite LinkRepository::upsert(PersonId from, PersonId to, LinkKind kind, double confidence,
                                 std::optional<std::int64_t> batchId)
{
    if (from == to) {
        return LinkWrite::SelfLinkSkipped;
    }
    Statement& insert =
        m_db.cached("INSERT INTO link (from_person, to_person, kind, batch_id, confidence) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (from_person, to_person, kind) DO NOTHING");
    insert.bind(1, from.value()).bind(2, to.value()).bind(3, static_cast<int>(kind)).bindOptional(4, batchId);
    insert.bind(5, confidence).run();
    if (m_db.changes() > 0) {
        return LinkWrite::Added;
    }

    Statement& existing =
        m_db.cached("SELECT id, batch_id FROM link WHERE from_person = ? AND to_person = ? AND kind = ?");
    existing.bind(1, from.value()).bind(2, to.value()).bind(3, static_cast<int>(kind));
    existing.step();
    const std::int64_t linkId = existing.int64(0);
    const std::optional<std::int64_t> firstBatch = existing.optionalInt64(1);
    existing.reset();

    m_db.cached("UPDATE link SET last_seen = unixepoch(), confidence = max(confidence, ?) "
                "WHERE id = ?")
        .bind(1, confidence)
        .bind(2, linkId)
        .run();
    if (!batchId || firstBatch == batchId) {
        return LinkWrite::Unchanged;
    }
    Statement& source = m_db.cached("INSERT OR IGNORE INTO link_source (link_id, batch_id) VALUES (?, ?)");
    source.bind(1, linkId).bind(2, *batchId).run();
    return m_db.changes() > 0 ? LinkWrite::SourceAdded : LinkWrite::Unchanged;
}

std::int64_t LinkRepository::count()
{
    Statement& st = m_db.cached("SELECT count(*) FROM link");
    st.step();
    return st.int64(0);
}

bool LinkRepository::exists(PersonId from, PersonId to, LinkKind kind)
{
    Statement& st = m_db.cached("SELECT 1 FROM link WHERE from_person = ? AND to_person = ? AND kind = ?");
    st.bind(1, from.value()).bind(2, to.value()).bind(3, static_cast<int>(kind));
    return st.step();
}

bool LinkRepository::remove(PersonId from, PersonId to, LinkKind kind)
{
    m_db.prepare("DELETE FROM link WHERE from_person = ? AND to_person = ? AND kind = ?")
        .bind(1, from.value())
        .bind(2, to.value())
        .bind(3, static_cast<int>(kind))
        .run();
    return m_db.changes() > 0;
}

std::vector<LinkRow> LinkRepository::all()
{
    Statement st = m_db.prepare("SELECT from_person, to_person, kind, confidence FROM link ORDER BY from_person, "
                                "to_person, kind");
    std::vector<LinkRow> rows;
    while (st.step()) {
        rows.push_back(LinkRow{.from = PersonId(st.int64(0)),
                               .to = PersonId(st.int64(1)),
                               .kind = static_cast<LinkKind>(st.int64(2)),
                               .confidence = st.real(3)});
    }
    return rows;
}

}  // namespace warmpath
