#pragma once

#include <filesystem>

#include "graph/Snapshot.h"
#include "util/Result.h"

namespace warmpath {

/// The snapshot on disk beside the database (`warmpath.db` → `warmpath.db.graph`), so opening a
/// large network does not re-read every link row.
///
/// Format (little-endian, native layout): a 72-byte header — magic `WPGRAPH1`, format version,
/// the snapshot's Version (graph generation, largest person id, largest link id), person and link
/// counts, and a 64-bit checksum of the payload — followed by the snapshot's arrays in a fixed
/// order. Loading is one read per array; a file that is short, damaged, of another format version
/// or of another graph version is refused (and the caller rebuilds from the database).
class SnapshotCache {
public:
    /// 2: people in the snapshot's locality order (SnapshotBuilder); a version-1 cache, in id
    /// order, is refused and rebuilt, so that an existing install gets the faster order too.
    static constexpr std::uint32_t kFormatVersion = 2;

    /// `database` + ".graph".
    [[nodiscard]] static std::filesystem::path pathFor(const std::filesystem::path& database);

    /// Writes through a temporary file renamed into place, so a crash leaves the old cache or none.
    static Status save(const Snapshot& snapshot, const std::filesystem::path& file);

    /// Loads the cache if it holds exactly `expected`; otherwise an Error saying why not.
    [[nodiscard]] static Result<Snapshot> load(const std::filesystem::path& file, const Snapshot::Version& expected);
};

}  // namespace warmpath
