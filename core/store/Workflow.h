#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/PersonId.h"
#include "store/Database.h"

namespace warmpath {

/// A follow-up as stored. Dates are `YYYY-MM-DD`; empty means not set.
struct FollowUpRecord {
    std::string dueDate;
    std::optional<int> cadenceDays;
    std::string lastContacted;
    std::string snoozedUntil;
    bool done = false;
};

/// Reads and writes notes, follow-ups and intro requests. Callers own the transaction.
class WorkflowRepository {
public:
    explicit WorkflowRepository(Database& db) : m_db(db) {}

    std::int64_t addNote(PersonId person, std::string_view text, std::optional<std::int64_t> batchId = {});
    void setFollowUp(PersonId person, const FollowUpRecord& followUp);
    [[nodiscard]] std::optional<FollowUpRecord> followUp(PersonId person);
    std::int64_t addIntroRequest(PersonId target, std::optional<PersonId> introducer, std::string_view status,
                                 std::string_view note);

private:
    Database& m_db;
};

}  // namespace warmpath
