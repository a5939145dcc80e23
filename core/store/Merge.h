#pragma once

#include "model/PersonId.h"
#include "store/Database.h"

namespace warmpath {

/// Folds `absorbed` into `kept`: identities, links (a link that would join the two to each other
/// is dropped; one `kept` already has gains the other's sources), tags, notes, follow-up (kept's
/// own wins), intro requests and dismissals move; empty details of `kept` are filled from
/// `absorbed`; if `absorbed` was me, `kept` becomes me. Then `absorbed` is deleted.
/// The caller owns the transaction.
void mergePeople(Database& db, PersonId kept, PersonId absorbed);

}  // namespace warmpath
