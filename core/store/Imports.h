#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/Database.h"
#include "util/Result.h"

namespace warmpath {

/// One row of `warmpath-cli imports`.
struct ImportBatch {
    std::int64_t id = 0;
    std::string file;
    std::string format;
    std::string sha256;
    std::string importedAt;
    std::int64_t personsAdded = 0;
    std::int64_t personsMerged = 0;
    std::int64_t linksAdded = 0;
    std::int64_t tagsAdded = 0;
    std::int64_t skipped = 0;
    std::int64_t warnings = 0;
};

/// What undoing an import removed.
struct UndoSummary {
    std::int64_t batch = 0;
    std::int64_t personsRemoved = 0;
    std::int64_t linksRemoved = 0;
};

/// Reads the import history and undoes one import. Callers own the transaction.
class ImportRepository {
public:
    explicit ImportRepository(Database& db) : m_db(db) {}

    [[nodiscard]] std::vector<ImportBatch> list();
    /// Removes what batch `id` alone brought: people only it introduced, links, identities,
    /// tags and notes only it supplied; what other batches also saw stays, credited to them.
    /// Then forgets the batch. Fails for an unknown batch.
    Result<UndoSummary> undo(std::int64_t id);

private:
    Database& m_db;
};

}  // namespace warmpath
