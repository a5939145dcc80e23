#include "store/Merge.h"

#include <array>
#include <string>

#include "store/Meta.h"

namespace warmpath {
namespace {

// Each link end is merged the same way; `end` is the column of the merged person and `other`
// the far end. Both are our own column names, never outside text.
struct LinkEnd {
    std::string_view end;
    std::string_view other;
};

void mergeLinkEnd(Database& db, LinkEnd side, PersonId kept, PersonId absorbed)
{
    const std::string e(side.end);
    const std::string o(side.other);
    const std::string clash =
        "FROM link a JOIN link k ON k." + e + " = ?1 AND k." + o + " = a." + o + " AND k.kind = a.kind";
    const std::string ofAbsorbed = " WHERE a." + e + " = ?2";
    // The survivor of a clash keeps every source of both.
    db.prepare("INSERT OR IGNORE INTO link_source (link_id, batch_id) SELECT k.id, a.batch_id " + clash + ofAbsorbed +
               " AND a.batch_id IS NOT NULL AND a.batch_id IS NOT k.batch_id")
        .bind(1, kept.value())
        .bind(2, absorbed.value())
        .run();
    db.prepare("INSERT OR IGNORE INTO link_source (link_id, batch_id) SELECT k.id, s.batch_id " + clash +
               " JOIN link_source s ON s.link_id = a.id" + ofAbsorbed + " AND s.batch_id IS NOT k.batch_id")
        .bind(1, kept.value())
        .bind(2, absorbed.value())
        .run();
    db.prepare(
          "UPDATE link AS k SET confidence = max(k.confidence, a.confidence), "
          "first_seen = min(k.first_seen, a.first_seen), last_seen = nullif(max(coalesce(k.last_seen, k.first_seen), "
          "coalesce(a.last_seen, a.first_seen)), min(k.first_seen, a.first_seen)) "
          "FROM link a WHERE k." +
          e + " = ?1 AND a." + e + " = ?2 AND k." + o + " = a." + o + " AND k.kind = a.kind")
        .bind(1, kept.value())
        .bind(2, absorbed.value())
        .run();
    // Links that clash stay on `absorbed` and go with it.
    db.prepare("UPDATE OR IGNORE link SET " + e + " = ?1 WHERE " + e + " = ?2")
        .bind(1, kept.value())
        .bind(2, absorbed.value())
        .run();
}

}  // namespace

void mergePeople(Database& db, PersonId kept, PersonId absorbed)
{
    if (kept == absorbed) {
        return;
    }
    auto run = [&db, kept, absorbed](std::string_view sql) {
        db.prepare(sql).bind(1, kept.value()).bind(2, absorbed.value()).run();
    };
    run("DELETE FROM link WHERE (from_person = ?1 AND to_person = ?2) OR (from_person = ?2 AND to_person = ?1)");
    mergeLinkEnd(db, LinkEnd{"from_person", "to_person"}, kept, absorbed);
    mergeLinkEnd(db, LinkEnd{"to_person", "from_person"}, kept, absorbed);

    run("UPDATE identity SET person_id = ?1 WHERE person_id = ?2");
    run("UPDATE OR IGNORE person_tag SET person_id = ?1 WHERE person_id = ?2");
    run("UPDATE note SET person_id = ?1 WHERE person_id = ?2");
    run("UPDATE OR IGNORE follow_up SET person_id = ?1 WHERE person_id = ?2");
    run("UPDATE intro_request SET target_id = ?1 WHERE target_id = ?2");
    run("UPDATE intro_request SET introducer_id = ?1 WHERE introducer_id = ?2");
    run("UPDATE OR IGNORE dismissed_suggestion SET for_person_id = ?1 WHERE for_person_id = ?2");
    run("UPDATE OR IGNORE dismissed_suggestion SET person_id = ?1 WHERE person_id = ?2");
    run("UPDATE person AS k SET "
        "organisation = CASE k.organisation WHEN '' THEN a.organisation ELSE k.organisation END, "
        "title = CASE k.title WHEN '' THEN a.title ELSE k.title END, "
        "location = CASE k.location WHEN '' THEN a.location ELSE k.location END, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
        "FROM person a WHERE k.id = ?1 AND a.id = ?2");

    Statement wasMe = db.prepare("SELECT is_me FROM person WHERE id = ?");
    wasMe.bind(1, absorbed.value());
    const bool absorbedWasMe = wasMe.step() && wasMe.int64(0) != 0;
    wasMe.reset();
    if (absorbedWasMe) {
        db.prepare("UPDATE person SET is_me = 0 WHERE id = ?").bind(1, absorbed.value()).run();
        db.prepare("UPDATE person SET is_me = 1 WHERE id = ?").bind(1, kept.value()).run();
    }
    db.prepare("DELETE FROM person WHERE id = ?").bind(1, absorbed.value()).run();
    bumpGraphGeneration(db);
}

}  // namespace warmpath
