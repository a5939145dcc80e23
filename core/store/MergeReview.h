#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/PersonId.h"
#include "store/Database.h"
#include "util/Result.h"

namespace warmpath {

/// A probable duplicate waiting for the user's decision (`warmpath-cli duplicates`).
struct MergeCandidate {
    std::int64_t id = 0;
    PersonId first;
    PersonId second;
    std::string firstName;
    std::string secondName;
    std::string reason;
    std::int64_t batch = 0;  ///< the import that found it, 0 when none
};

/// The merge-review queue and the merge history that `split` reads. Callers own the
/// transaction.
class MergeReviewRepository {
public:
    explicit MergeReviewRepository(Database& db) : m_db(db) {}

    [[nodiscard]] std::vector<MergeCandidate> candidates();
    /// Remembers what `absorbed` is before mergePeople folds it into `kept`: its details,
    /// identities and the links it is an end of (their ids survive the merge).
    void recordMerge(PersonId kept, PersonId absorbed);
    /// Gives `network:key` of `person` a person of its own again. When a recorded merge brought
    /// the identity, the new person gets the absorbed person's details back and the links that
    /// merge moved (where they still end at `person`). Otherwise the identity came with an
    /// import that matched `person` automatically: what those batches (the ones that brought
    /// the identity to a person who already existed) alone brought to `person` moves with it —
    /// links no other batch supplied, tags, notes and the details they filled in.
    Result<PersonId> split(PersonId person, const std::string& network, const std::string& key);
    /// Takes candidate `id` out of the queue (the user said the two are not the same person) and
    /// returns it, so that an undo can queue it again.
    Result<MergeCandidate> dismiss(std::int64_t id);
    /// Puts the pair `a`, `b` in the queue (again); returns the candidate's id. A pair already
    /// queued keeps its row.
    Result<std::int64_t> queue(PersonId a, PersonId b, const std::string& reason, std::int64_t batch);

private:
    /// The automatic-match half of split(); returns false when no such batch brought the identity.
    bool moveWhatCameWithIdentity(std::int64_t identityId, PersonId from, PersonId to);

    Database& m_db;
};

}  // namespace warmpath
