#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/PersonId.h"
#include "model/Workflow.h"
#include "store/Database.h"

namespace warmpath {

/// Reads and writes `tag` and `person_tag`. Tag names are unique ignoring case; the first
/// spelling is kept. Callers own the transaction.
class TagRepository {
public:
    explicit TagRepository(Database& db) : m_db(db) {}

    /// The id of the tag with this name, created when missing.
    std::int64_t ensure(std::string_view name);
    void setCadence(std::int64_t tagId, std::optional<int> cadenceDays);
    /// Returns false when the person already had the tag.
    bool assign(PersonId person, std::int64_t tagId, std::optional<std::int64_t> batchId = {});
    [[nodiscard]] std::vector<std::string> namesFor(PersonId person);
    [[nodiscard]] std::int64_t count();

    /// The id of the tag with this name (ignoring case), if there is one.
    [[nodiscard]] std::optional<std::int64_t> find(std::string_view name);
    /// Returns false when the person did not have the tag. A tag left with nobody and no cadence is
    /// deleted.
    bool unassign(PersonId person, std::int64_t tagId);
    /// Every tag with the number of people carrying it and its cadence, by name.
    [[nodiscard]] std::vector<TagInfo> list();
    /// The shortest cadence among the person's tags: what they inherit when they have none of
    /// their own.
    [[nodiscard]] std::optional<int> inheritedCadence(PersonId person);

private:
    Database& m_db;
};

}  // namespace warmpath
