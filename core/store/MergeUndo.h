#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "model/PersonId.h"
#include "store/Database.h"
#include "util/Result.h"

namespace warmpath {

/// One column value exactly as SQLite stored it (NULL, integer, real or text).
using StoredValue = std::variant<std::monostate, std::int64_t, double, std::string>;

/// Rows of one table as they were, every column, so they can be written back unchanged.
struct StoredRows {
    std::string table;
    std::vector<std::string> columns;
    std::vector<std::vector<StoredValue>> rows;
};

/// Everything a merge of `absorbed` into `kept` changes or removes, read just before it runs:
/// enough for undoMerge() to put both people back exactly as they were. The GUI keeps it in its
/// undo command; it is not stored in the database.
struct MergeRecord {
    PersonId kept;
    PersonId absorbed;
    std::int64_t historyId = 0;  ///< the merge_history row the merge wrote (undo removes it)

    StoredRows keptPerson;
    StoredRows absorbedPerson;
    StoredRows identities;  ///< the absorbed person's; they move to `kept`
    StoredRows links;       ///< every link with the absorbed person at one end
    StoredRows linkSources;
    StoredRows keptClashingLinks;  ///< `kept`'s links that the merge folds the absorbed person's into
    StoredRows keptClashingLinkSources;
    StoredRows tags;
    StoredRows keptTags;
    StoredRows notes;
    StoredRows followUp;
    StoredRows keptFollowUp;
    StoredRows introRequests;
    StoredRows dismissals;
    StoredRows keptDismissals;
    StoredRows personSources;
    StoredRows detailSources;
    StoredRows mergeCandidates;
    StoredRows crawlChanges;
    StoredRows mergeHistory;  ///< earlier merges into the absorbed person (deleted with it)
    StoredRows mergeHistoryIdentities;
    StoredRows mergeHistoryLinks;
};

/// Reads what merging `absorbed` into `kept` will change. Call inside the merge's transaction,
/// before MergeReviewRepository::recordMerge and mergePeople.
[[nodiscard]] MergeRecord captureMerge(Database& db, PersonId kept, PersonId absorbed);

/// captureMerge, MergeReviewRepository::recordMerge and mergePeople in one go: merges `absorbed`
/// into `kept` and returns what undoMerge() needs. The caller owns the transaction.
MergeRecord mergePeopleUndoably(Database& db, PersonId kept, PersonId absorbed);

/// Undoes the merge `record` describes: the absorbed person comes back under their own id with
/// their identities, links, tags, notes, follow-up, intro requests, dismissals and details, and
/// the kept person loses exactly what the merge gave them. Fails (changing nothing the caller
/// cannot roll back) when the kept person is gone or the absorbed person's id was reused.
/// The caller owns the transaction.
Status undoMerge(Database& db, const MergeRecord& record);

}  // namespace warmpath
