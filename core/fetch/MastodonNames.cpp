#include "fetch/MastodonNames.h"

#include <vector>

#include "store/Merge.h"
#include "store/Meta.h"

namespace warmpath::fetch {
namespace {

/// The rows of a Mastodon key column under `?1` (the host); `?2` is the domain.
constexpr const char* kUnderHost = "substr(%1, instr(%1, '@') + 1) = ?1";
constexpr const char* kRenamed = "substr(%1, 1, instr(%1, '@')) || ?2";

std::string with(const char* pattern, const std::string& column)
{
    std::string out(pattern);
    for (auto at = out.find("%1"); at != std::string::npos; at = out.find("%1", at + column.size())) {
        out.replace(at, 2, column);
    }
    return out;
}

/// Renames `column` of `table` (rows chosen by `scope`), dropping the rows whose new name is
/// already taken there: those already stand for the same account.
void renameColumn(Database& db, const std::string& table, const std::string& column, const std::string& scope,
                  const HostAlias& alias)
{
    const std::string where = " WHERE " + with(kUnderHost, column) + " AND " + scope;
    db.prepare("UPDATE OR IGNORE " + table + " SET " + column + " = " + with(kRenamed, column) + where)
        .bind(1, alias.host)
        .bind(2, alias.domain)
        .run();
    db.prepare("DELETE FROM " + table + where).bind(1, alias.host).run();
}

}  // namespace

std::string renamedMastodonKey(const std::string& key, const HostAlias& alias)
{
    const auto at = key.find('@');
    if (at == std::string::npos || key.compare(at + 1, std::string::npos, alias.host) != 0) {
        return key;
    }
    return key.substr(0, at + 1) + alias.domain;
}

std::int64_t renameMastodonHost(Database& db, const HostAlias& alias)
{
    Transaction tx(db);
    std::vector<std::int64_t> identities;
    {
        Statement st = db.prepare("SELECT id FROM identity WHERE network = 'mastodon' AND " + with(kUnderHost, "key") +
                                  " ORDER BY id");
        st.bind(1, alias.host);
        while (st.step()) {
            identities.push_back(st.int64(0));
        }
    }
    for (const std::int64_t id : identities) {
        // Read again: a merge before this one may have moved the identity to another person.
        Statement old = db.prepare("SELECT person_id, key FROM identity WHERE id = ?");
        old.bind(1, id);
        if (!old.step()) {
            continue;
        }
        const PersonId person(old.int64(0));
        const std::string renamed = renamedMastodonKey(old.text(1), alias);
        Statement taken = db.prepare("SELECT person_id FROM identity WHERE network = 'mastodon' AND key = ?");
        taken.bind(1, renamed);
        if (!taken.step()) {
            db.prepare("UPDATE identity SET key = ? WHERE id = ?").bind(1, renamed).bind(2, id).run();
            continue;
        }
        const PersonId owner(taken.int64(0));
        db.prepare("DELETE FROM identity WHERE id = ?").bind(1, id).run();
        if (owner != person) {
            mergePeople(db, owner, person);
        }
    }
    renameColumn(db, "follow_list", "key", "network = 'mastodon'", alias);
    renameColumn(db, "crawl_account", "account", "crawl_id IN (SELECT id FROM crawl WHERE network = 'mastodon')",
                 alias);
    renameColumn(db, "crawl_follow", "target",
                 "crawl_account_id IN (SELECT a.id FROM crawl_account a JOIN crawl c ON c.id = a.crawl_id "
                 "WHERE c.network = 'mastodon')",
                 alias);
    if (!identities.empty()) {
        bumpGraphGeneration(db);
    }
    tx.commit();
    return static_cast<std::int64_t>(identities.size());
}

}  // namespace warmpath::fetch
