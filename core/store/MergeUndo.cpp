#include "store/MergeUndo.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "store/Merge.h"
#include "store/MergeReview.h"
#include "store/Meta.h"

namespace warmpath {
namespace {

// `where` uses ?1 for the kept person and ?2 for the absorbed one. Table names and conditions
// are our own text, never outside input.
StoredRows capture(Database& db, std::string_view table, std::string_view where, PersonId kept, PersonId absorbed)
{
    StoredRows stored;
    stored.table = std::string(table);
    Statement info = db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    info.bind(1, table);
    while (info.step()) {
        stored.columns.push_back(info.text(0));
    }
    std::string select = "SELECT ";
    for (std::size_t i = 0; i < stored.columns.size(); ++i) {
        select += (i == 0 ? "typeof(\"" : ", typeof(\"") + stored.columns[i] + "\"), \"" + stored.columns[i] + "\"";
    }
    select += " FROM " + stored.table + " WHERE " + std::string(where);
    Statement st = db.prepare(select);
    if (where.find("?1") != std::string_view::npos) {
        st.bind(1, kept.value());
    }
    if (where.find("?2") != std::string_view::npos) {
        st.bind(2, absorbed.value());
    }
    while (st.step()) {
        std::vector<StoredValue> row;
        row.reserve(stored.columns.size());
        for (std::size_t i = 0; i < stored.columns.size(); ++i) {
            const int typeColumn = static_cast<int>(2 * i);
            const std::string_view type = st.textView(typeColumn);
            if (type == "integer") {
                row.emplace_back(st.int64(typeColumn + 1));
            } else if (type == "real") {
                row.emplace_back(st.real(typeColumn + 1));
            } else if (type == "null") {
                row.emplace_back(std::monostate{});
            } else {
                row.emplace_back(st.text(typeColumn + 1));
            }
        }
        stored.rows.push_back(std::move(row));
    }
    return stored;
}

std::size_t columnIndex(const StoredRows& stored, std::string_view column)
{
    const auto found = std::find(stored.columns.begin(), stored.columns.end(), column);
    if (found == stored.columns.end()) {
        throw DatabaseError("table " + stored.table + " has no column " + std::string(column), 0);
    }
    return static_cast<std::size_t>(found - stored.columns.begin());
}

std::int64_t intAt(const StoredRows& stored, const std::vector<StoredValue>& row, std::string_view column)
{
    const StoredValue& value = row[columnIndex(stored, column)];
    return std::holds_alternative<std::int64_t>(value) ? std::get<std::int64_t>(value) : 0;
}

void bindValue(Statement& st, int index, const StoredValue& value)
{
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
        st.bind(index, *number);
    } else if (const auto* real = std::get_if<double>(&value)) {
        st.bind(index, *real);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
        st.bind(index, std::string_view(*text));
    } else {
        st.bindNull(index);
    }
}

// `verb` is "INSERT", "INSERT OR IGNORE" or "INSERT OR REPLACE".
void insertRow(Database& db, const StoredRows& stored, const std::vector<StoredValue>& row, std::string_view verb)
{
    std::string sql = std::string(verb) + " INTO " + stored.table + " (";
    std::string values;
    for (std::size_t i = 0; i < stored.columns.size(); ++i) {
        sql += (i == 0 ? "\"" : ", \"") + stored.columns[i] + "\"";
        values += i == 0 ? "?" : ", ?";
    }
    Statement st = db.prepare(sql + ") VALUES (" + values + ")");
    for (std::size_t i = 0; i < row.size(); ++i) {
        bindValue(st, static_cast<int>(i + 1), row[i]);
    }
    st.run();
}

void insertRows(Database& db, const StoredRows& stored, std::string_view verb)
{
    for (const auto& row : stored.rows) {
        insertRow(db, stored, row, verb);
    }
}

// Rows with an `id` that the merge changed come back to what they were; rows it deleted
// (cascades from the absorbed person) are written again under their old id.
void restoreById(Database& db, const StoredRows& stored)
{
    const std::size_t idColumn = columnIndex(stored, "id");
    std::string sql = "UPDATE " + stored.table + " SET ";
    for (std::size_t i = 0; i < stored.columns.size(); ++i) {
        sql += (i == 0 ? "\"" : ", \"") + stored.columns[i] + "\" = ?";
    }
    sql += " WHERE id = ?";
    for (const auto& row : stored.rows) {
        Statement st = db.prepare(sql);
        for (std::size_t i = 0; i < row.size(); ++i) {
            bindValue(st, static_cast<int>(i + 1), row[i]);
        }
        bindValue(st, static_cast<int>(row.size() + 1), row[idColumn]);
        st.run();
        if (db.changes() == 0) {
            insertRow(db, stored, row, "INSERT");
        }
    }
}

std::set<std::pair<std::int64_t, std::int64_t>> pairs(const StoredRows& stored, std::string_view first,
                                                      std::string_view second)
{
    std::set<std::pair<std::int64_t, std::int64_t>> keys;
    for (const auto& row : stored.rows) {
        keys.emplace(intAt(stored, row, first), intAt(stored, row, second));
    }
    return keys;
}

}  // namespace

MergeRecord captureMerge(Database& db, PersonId kept, PersonId absorbed)
{
    MergeRecord record;
    record.kept = kept;
    record.absorbed = absorbed;
    const auto take = [&db, kept, absorbed](std::string_view table, std::string_view where) {
        return capture(db, table, where, kept, absorbed);
    };
    record.keptPerson = take("person", "id = ?1");
    record.absorbedPerson = take("person", "id = ?2");
    record.identities = take("identity", "person_id = ?2");
    record.links = take("link", "from_person = ?2 OR to_person = ?2");
    record.linkSources =
        take("link_source", "link_id IN (SELECT id FROM link WHERE from_person = ?2 OR to_person = ?2)");
    const std::string_view clashing =
        "(from_person = ?1 AND EXISTS (SELECT 1 FROM link a WHERE a.from_person = ?2 AND a.to_person = "
        "link.to_person AND a.kind = link.kind)) OR (to_person = ?1 AND EXISTS (SELECT 1 FROM link a WHERE "
        "a.to_person = ?2 AND a.from_person = link.from_person AND a.kind = link.kind))";
    record.keptClashingLinks = take("link", clashing);
    record.keptClashingLinkSources =
        take("link_source", "link_id IN (SELECT id FROM link WHERE " + std::string(clashing) + ")");
    record.tags = take("person_tag", "person_id = ?2");
    record.keptTags = take("person_tag", "person_id = ?1");
    record.notes = take("note", "person_id = ?2");
    record.followUp = take("follow_up", "person_id = ?2");
    record.keptFollowUp = take("follow_up", "person_id = ?1");
    record.introRequests = take("intro_request", "target_id = ?2 OR introducer_id = ?2");
    record.dismissals = take("dismissed_suggestion", "for_person_id = ?2 OR person_id = ?2");
    record.keptDismissals = take("dismissed_suggestion", "for_person_id = ?1 OR person_id = ?1");
    record.personSources = take("person_source", "person_id = ?2");
    record.detailSources = take("person_detail_source", "person_id = ?2");
    record.mergeCandidates = take("merge_candidate", "person_a = ?2 OR person_b = ?2");
    record.crawlChanges = take("crawl_change", "from_person = ?2 OR to_person = ?2");
    record.mergeHistory = take("merge_history", "kept_id = ?2");
    record.mergeHistoryIdentities =
        take("merge_history_identity", "merge_id IN (SELECT id FROM merge_history WHERE kept_id = ?2)");
    record.mergeHistoryLinks =
        take("merge_history_link", "merge_id IN (SELECT id FROM merge_history WHERE kept_id = ?2)");
    return record;
}

MergeRecord mergePeopleUndoably(Database& db, PersonId kept, PersonId absorbed)
{
    MergeRecord record = captureMerge(db, kept, absorbed);
    MergeReviewRepository(db).recordMerge(kept, absorbed);
    Statement history = db.prepare("SELECT max(id) FROM merge_history WHERE kept_id = ? AND absorbed_id = ?");
    history.bind(1, kept.value()).bind(2, absorbed.value());
    if (history.step() && !history.isNull(0)) {
        record.historyId = history.int64(0);
    }
    mergePeople(db, kept, absorbed);
    return record;
}

Status undoMerge(Database& db, const MergeRecord& record)
{
    const std::int64_t kept = record.kept.value();
    const std::int64_t absorbed = record.absorbed.value();
    if (record.keptPerson.rows.size() != 1 || record.absorbedPerson.rows.size() != 1) {
        return Error("the merge record does not describe two people");
    }
    Statement exists = db.prepare("SELECT count(*) FROM person WHERE id = ?");
    exists.bind(1, kept);
    exists.step();
    if (exists.int64(0) == 0) {
        return Error("the person the merge kept no longer exists");
    }
    exists.reset();
    exists.bind(1, absorbed);
    exists.step();
    if (exists.int64(0) != 0) {
        return Error("the merged person's id #" + std::to_string(absorbed) + " is in use again");
    }
    exists.reset();

    // The absorbed person first (not yet me: only one person may be), their full row at the end.
    std::vector<StoredValue> placeholder = record.absorbedPerson.rows.front();
    placeholder[columnIndex(record.absorbedPerson, "is_me")] = std::int64_t{0};
    placeholder[columnIndex(record.absorbedPerson, "notes_count")] = std::int64_t{0};
    insertRow(db, record.absorbedPerson, placeholder, "INSERT");

    restoreById(db, record.identities);

    // Links: the moved ones go back, the dropped ones (between the two, or folded into one of
    // kept's) come back; kept's folded-into links lose what they gained.
    restoreById(db, record.links);
    insertRows(db, record.linkSources, "INSERT OR IGNORE");
    restoreById(db, record.keptClashingLinks);
    for (const auto& row : record.keptClashingLinks.rows) {
        db.prepare("DELETE FROM link_source WHERE link_id = ?")
            .bind(1, intAt(record.keptClashingLinks, row, "id"))
            .run();
    }
    insertRows(db, record.keptClashingLinkSources, "INSERT OR IGNORE");

    // Tags kept did not have before were the absorbed person's.
    const auto keptTagRows = pairs(record.keptTags, "person_id", "tag_id");
    for (const auto& row : record.tags.rows) {
        const std::int64_t tag = intAt(record.tags, row, "tag_id");
        if (!keptTagRows.contains({kept, tag})) {
            db.prepare("DELETE FROM person_tag WHERE person_id = ? AND tag_id = ?").bind(1, kept).bind(2, tag).run();
        }
    }
    insertRows(db, record.tags, "INSERT OR REPLACE");

    restoreById(db, record.notes);

    if (!record.followUp.rows.empty()) {
        if (record.keptFollowUp.rows.empty()) {
            db.prepare("DELETE FROM follow_up WHERE person_id = ?").bind(1, kept).run();
        }
        insertRows(db, record.followUp, "INSERT OR REPLACE");
    }

    restoreById(db, record.introRequests);

    const auto keptDismissed = pairs(record.keptDismissals, "for_person_id", "person_id");
    const auto asKept = [kept, absorbed](std::int64_t person) { return person == absorbed ? kept : person; };
    for (const auto& row : record.dismissals.rows) {
        const std::int64_t forPerson = asKept(intAt(record.dismissals, row, "for_person_id"));
        const std::int64_t person = asKept(intAt(record.dismissals, row, "person_id"));
        if (!keptDismissed.contains({forPerson, person})) {
            db.prepare("DELETE FROM dismissed_suggestion WHERE for_person_id = ? AND person_id = ?")
                .bind(1, forPerson)
                .bind(2, person)
                .run();
        }
    }
    insertRows(db, record.dismissals, "INSERT OR IGNORE");

    insertRows(db, record.personSources, "INSERT OR IGNORE");
    insertRows(db, record.detailSources, "INSERT OR IGNORE");
    insertRows(db, record.crawlChanges, "INSERT OR IGNORE");
    insertRows(db, record.mergeHistory, "INSERT OR IGNORE");
    insertRows(db, record.mergeHistoryIdentities, "INSERT OR IGNORE");
    insertRows(db, record.mergeHistoryLinks, "INSERT OR IGNORE");
    if (record.historyId != 0) {
        db.prepare("DELETE FROM merge_history WHERE id = ?").bind(1, record.historyId).run();
    }
    // A candidate row of the pair the merge settled, and any other pair with the absorbed person.
    insertRows(db, record.mergeCandidates, "INSERT OR IGNORE");

    // Last, both person rows as they were (details, me, note counts, timestamps): kept first, so
    // that at no point two people are me.
    restoreById(db, record.keptPerson);
    restoreById(db, record.absorbedPerson);
    bumpGraphGeneration(db);
    return {};
}

}  // namespace warmpath
