#include "store/Imports.h"

#include "store/Meta.h"

namespace warmpath {

std::vector<ImportBatch> ImportRepository::list()
{
    Statement st = m_db.prepare("SELECT id, file_name, format, sha256, imported_at, persons_added, persons_merged, "
                                "links_added, tags_added, skipped, warnings FROM import_batch ORDER BY id");
    std::vector<ImportBatch> batches;
    while (st.step()) {
        batches.push_back(ImportBatch{.id = st.int64(0),
                                      .file = st.text(1),
                                      .format = st.text(2),
                                      .sha256 = st.text(3),
                                      .importedAt = st.text(4),
                                      .personsAdded = st.int64(5),
                                      .personsMerged = st.int64(6),
                                      .linksAdded = st.int64(7),
                                      .tagsAdded = st.int64(8),
                                      .skipped = st.int64(9),
                                      .warnings = st.int64(10)});
    }
    return batches;
}

Result<UndoSummary> ImportRepository::undo(std::int64_t id)
{
    {
        Statement exists = m_db.prepare("SELECT 1 FROM import_batch WHERE id = ?");
        exists.bind(1, id);
        if (!exists.step()) {
            return Error("no import batch " + std::to_string(id) + "; `warmpath-cli imports` lists them");
        }
    }
    UndoSummary summary{.batch = id};
    auto run = [this, id](std::string_view sql) {
        m_db.prepare(sql).bind(1, id).run();
        return m_db.changes();
    };

    // Rows this batch brought first but others saw too are handed to the earliest other
    // source, whose source row then goes (the row's own batch_id now says it).
    for (const auto& [table, sources, column] :
         {std::tuple{"link", "link_source", "link_id"}, std::tuple{"identity", "identity_source", "identity_id"},
          std::tuple{"person", "person_source", "person_id"}}) {
        const std::string t(table);
        const std::string s(sources);
        const std::string c(column);
        run("UPDATE " + t + " SET batch_id = (SELECT min(s.batch_id) FROM " + s + " s WHERE s." + c + " = " + t +
            ".id AND s.batch_id <> ?1) WHERE batch_id = ?1 AND EXISTS (SELECT 1 FROM " + s + " s WHERE s." + c + " = " +
            t + ".id AND s.batch_id <> ?1)");
        run("DELETE FROM " + s + " WHERE batch_id <> ?1 AND EXISTS (SELECT 1 FROM " + t + " x WHERE x.id = " + s + "." +
            c + " AND x.batch_id = " + s + ".batch_id)");
        run("DELETE FROM " + s + " WHERE batch_id = ?1");
    }
    // Details this batch filled in on people who were there before go back to what they were,
    // unless another batch supplied the same value or the user has changed it since.
    for (const char* field : {"display_name", "organisation", "title", "location"}) {
        const std::string f(field);
        run("UPDATE person SET " + f +
            " = (SELECT d.previous FROM person_detail_source d WHERE d.person_id = person.id AND d.field = '" + f +
            "' AND d.batch_id = ?1) WHERE id IN (SELECT d.person_id FROM person_detail_source d WHERE d.batch_id = ?1 "
            "AND d.field = '" +
            f +
            "' AND NOT EXISTS (SELECT 1 FROM person_detail_source o WHERE o.person_id = d.person_id AND o.field = "
            "d.field AND o.batch_id <> ?1 AND o.value = d.value)) AND " +
            f + " = (SELECT d.value FROM person_detail_source d WHERE d.person_id = person.id AND d.field = '" + f +
            "' AND d.batch_id = ?1)");
    }
    run("DELETE FROM person_detail_source WHERE batch_id = ?1");
    summary.linksRemoved = run("DELETE FROM link WHERE batch_id = ?1");
    // What the user recorded by hand about a person keeps them (and so it is never lost).
    run("UPDATE person SET batch_id = NULL WHERE batch_id = ?1 AND (is_me = 1 "
        "OR EXISTS (SELECT 1 FROM note n WHERE n.person_id = person.id AND n.batch_id IS NOT ?1) "
        "OR EXISTS (SELECT 1 FROM follow_up f WHERE f.person_id = person.id) "
        "OR EXISTS (SELECT 1 FROM intro_request r WHERE r.target_id = person.id OR r.introducer_id = person.id) "
        "OR EXISTS (SELECT 1 FROM person_tag pt WHERE pt.person_id = person.id AND pt.batch_id IS NOT ?1))");
    run("DELETE FROM identity WHERE batch_id = ?1");
    summary.personsRemoved = run("DELETE FROM person WHERE batch_id = ?1");
    run("DELETE FROM person_tag WHERE batch_id = ?1");
    run("DELETE FROM note WHERE batch_id = ?1");
    run("DELETE FROM tag WHERE batch_id = ?1 AND cadence_days IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM person_tag pt WHERE pt.tag_id = tag.id)");
    run("DELETE FROM import_batch WHERE id = ?1");
    bumpGraphGeneration(m_db);
    return summary;
}

}  // namespace warmpath
