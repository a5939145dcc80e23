#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/LinkKind.h"
#include "model/PersonId.h"
#include "store/Database.h"

namespace warmpath {

/// What writing one link did.
enum class LinkWrite { Added, SourceAdded, Unchanged, SelfLinkSkipped };

/// One stored link, as exports list them.
struct LinkRow {
    PersonId from;
    PersonId to;
    LinkKind kind = LinkKind::Follows;
    double confidence = 1.0;
};

/// Reads and writes the `link` and `link_source` tables. Callers own the transaction.
class LinkRepository {
public:
    explicit LinkRepository(Database& db) : m_db(db) {}

    /// Records that `from` is linked to `to`. A link is unique per (from, to, kind): seeing it
    /// again refreshes last_seen, keeps the higher confidence, and adds `batchId` to its sources.
    LinkWrite upsert(PersonId from, PersonId to, LinkKind kind, double confidence = 1.0,
                     std::optional<std::int64_t> batchId = {});
    [[nodiscard]] std::int64_t count();
    [[nodiscard]] bool exists(PersonId from, PersonId to, LinkKind kind);
    /// Deletes the link (and its sources); false when there was none.
    bool remove(PersonId from, PersonId to, LinkKind kind);
    /// Every link, ordered by (from, to, kind).
    [[nodiscard]] std::vector<LinkRow> all();

private:
    Database& m_db;
};

}  // namespace warmpath
