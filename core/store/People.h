#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/Person.h"
#include "model/PersonId.h"
#include "store/Database.h"
#include "util/Date.h"

namespace warmpath {

/// What a new person starts with; everything but the name may be empty.
struct NewPerson {
    std::string displayName;
    std::string organisation;
    std::string title;
    std::string location;
    std::optional<std::int64_t> batchId;  ///< the import that introduced the person
};

/// One line of the people list: the person, the REF that names them best and their tags.
struct PersonListRow {
    Person person;
    std::string ref;                ///< as RefResolver::canonicalRef gives it
    std::vector<std::string> tags;  ///< sorted case-insensitively
};

/// Reads and writes the `person` and `identity` tables. Throws DatabaseError on SQLite failures;
/// callers own the transaction.
class PeopleRepository {
public:
    explicit PeopleRepository(Database& db) : m_db(db) {}

    PersonId insert(const NewPerson& person);
    [[nodiscard]] std::optional<Person> find(PersonId id);
    [[nodiscard]] PersonId me();
    void setMe(PersonId id);
    void updateDetails(PersonId id, const NewPerson& details);
    void remove(PersonId id);
    [[nodiscard]] std::int64_t count();

    /// People whose display name equals `name` exactly (case-sensitive), at most `limit`.
    [[nodiscard]] std::vector<Person> findByExactName(std::string_view name, int limit = 20);
    /// People whose display name equals `name` ignoring ASCII case, at most `limit`.
    [[nodiscard]] std::vector<Person> findByNameIgnoringCase(std::string_view name, int limit = 20);

    /// Ids of the people whose name, organisation, title, identity key or handle contains
    /// `text`, ignoring ASCII case.
    [[nodiscard]] std::vector<PersonId> search(std::string_view text);

    /// Every person with networks, tags and follow-up dates (due as in the follow-up queue of
    /// `today`, tag cadences included), for lists and tables.
    [[nodiscard]] std::vector<PersonSummary> summaries(Date today);

    /// Calls `visit` for every person, sorted by display name ignoring ASCII case, then id: the
    /// order of the people list. Rows are read one at a time from one cursor, so memory does not
    /// grow with the number of people (a million people once took 800 MB as a list). `visit` must
    /// not write to the database. With `wanted`, people it refuses are skipped before their REF and
    /// tags are read.
    void forEachByName(const std::function<void(const PersonListRow&)>& visit,
                       const std::function<bool(PersonId)>& wanted = {});

    /// Adds the identity to the person. Returns false (and changes nothing) when the
    /// (network, key) pair already belongs to someone.
    bool addIdentity(PersonId person, const Identity& identity, std::optional<std::int64_t> batchId = {});
    [[nodiscard]] std::optional<PersonId> findByIdentity(std::string_view network, std::string_view key);
    [[nodiscard]] std::vector<PersonId> findByHandle(std::string_view network, std::string_view handle);
    [[nodiscard]] std::vector<Identity> identities(PersonId person);

private:
    Database& m_db;
};

}  // namespace warmpath
