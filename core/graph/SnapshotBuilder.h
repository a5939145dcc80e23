#pragma once

#include <cstdint>
#include <vector>

#include "graph/Snapshot.h"
#include "model/LinkKind.h"
#include "model/PersonId.h"
#include "store/Database.h"
#include "util/Progress.h"
#include "util/Result.h"

namespace warmpath {

/// Collects people and links, then packs them into a Snapshot. Links may repeat (one per kind);
/// the snapshot keeps one entry per (from, to) with the kinds ORed and the highest confidence.
class SnapshotBuilder {
public:
    void reserve(std::size_t people, std::size_t links);
    void addPerson(PersonId person);
    /// Both people must also be added with addPerson (in any order); self-links are ignored.
    void addLink(PersonId from, PersonId to, LinkKind kind, double confidence = 1.0);

    /// Packs what was added. Throws std::invalid_argument when a link names a person never added.
    [[nodiscard]] Snapshot build(Snapshot::Version version = {});

    /// Reads every person and link of `db` (one read transaction) and builds the snapshot.
    /// Reports progress per million links; returns an Error when cancelled. Throws DatabaseError.
    [[nodiscard]] static Result<Snapshot> fromDatabase(Database& db, const ProgressCallback& progress = {},
                                                       const CancelToken* cancel = nullptr);
    /// The version of the graph `db` holds now: cheap (three indexed lookups).
    [[nodiscard]] static Snapshot::Version currentVersion(Database& db);

private:
    std::vector<std::int64_t> m_people;
    std::vector<std::int64_t> m_from;
    std::vector<std::int64_t> m_to;
    std::vector<std::uint8_t> m_kind;
    std::vector<std::uint8_t> m_confidence;
};

}  // namespace warmpath
