#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "import/KeyIndex.h"
#include "import/Records.h"
#include "model/PersonId.h"
#include "store/Database.h"
#include "util/Progress.h"

namespace warmpath::import {

/// Thrown from inside a parse when the CancelToken is set: the cleanest way out of a parser's
/// loops. It never leaves the Importer, which rolls back and returns Error::cancelled().
struct ImportCancelled {};

/// How a BatchWriter should treat one file.
struct BatchWriterOptions {
    std::int64_t batchId = 0;
    std::string fileLabel;  ///< how warnings name the file
    /// Graph formats: a link key no record declared becomes a person with identity
    /// `NAMESPACE:KEY`. Empty for formats whose links only name declared records.
    std::string implicitNamespace;
    const CancelToken* cancel = nullptr;
    /// Called with the bytes of this file read so far.
    std::function<void(std::uint64_t)> onProgress;
};

/// Resolves the records of one file to people and writes them, inside the caller's
/// transaction: identity resolution (an exact identity match is the same person; a probable
/// match goes to the merge-review queue), links with their sources, tags and notes, and the
/// bookkeeping that lets `undo-import` remove exactly what this batch alone brought.
///
/// Memory grows with the number of distinct record keys (one hash-map entry per person), never
/// with the number of links.
class BatchWriter final : public RecordSink {
public:
    BatchWriter(Database& db, BatchWriterOptions options);

    void person(PersonRecord&& record) override;
    void link(const LinkRecord& record) override;
    void warning(std::size_t line, std::string message) override;
    void skipped(std::size_t line, std::string message) override;
    void progress(std::uint64_t bytesDone) override;

    /// Resolves links that named people by display name; call once the parser is done.
    void finish();

    [[nodiscard]] const ImportCounts& counts() const { return m_counts; }
    [[nodiscard]] const std::vector<std::string>& warnings() const { return m_warnings; }
    [[nodiscard]] std::int64_t queuedForReview() const { return m_queued; }

    /// At most this many warnings are kept as text; all are counted.
    static constexpr std::size_t kMaxWarningTexts = 200;

private:
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
    };
    using KeyMap = std::unordered_map<std::string, PersonId, StringHash, std::equal_to<>>;

    struct NormalisedIdentity {
        std::string network;
        std::string key;
        std::string handle;
        std::string url;
    };

    struct PendingLink {
        std::string from;
        std::string to;
        LinkKind kind;
        bool bothWays;
        std::string since;
        std::size_t line;
    };

    void tick();
    std::optional<PersonId> resolveKey(std::string_view key, std::size_t line);
    PersonId implicitPerson(std::string_view key);
    std::optional<PersonId> findIdentity(const NormalisedIdentity& identity, std::int64_t* identityId = nullptr,
                                         std::optional<std::int64_t>* batch = nullptr);
    PersonId insertPerson(const std::string& name, const PersonRecord& record);
    void noteSeen(PersonId person);
    void addIdentity(PersonId person, const NormalisedIdentity& identity);
    void addTag(PersonId person, const std::string& tag);
    void addNote(PersonId person, const std::string& note);
    void fillDetails(PersonId person, const PersonRecord& record, std::string_view name);
    void checkProbableDuplicates(PersonId person, const PersonRecord& record,
                                 const std::vector<NormalisedIdentity>& identities);
    void queueCandidate(PersonId a, PersonId b, const std::string& reason);
    /// A link waiting in the sort buffer: links are written in (from, to) order, a buffer at a
    /// time, so the link index is filled almost sequentially (several times faster than in file
    /// order). The buffer has a fixed size, so memory does not grow with the file.
    struct BufferedLink {
        std::int64_t from;
        std::int64_t to;
        std::uint32_t line;
        LinkKind kind;
        friend bool operator<(const BufferedLink& a, const BufferedLink& b)
        {
            return std::tie(a.from, a.to, a.kind, a.line) < std::tie(b.from, b.to, b.kind, b.line);
        }
    };
    static constexpr std::size_t kBufferedLinks = std::size_t{1} << 19;
    static constexpr int kRowsPerInsert = 64;

    /// People a graph file introduces by node id alone are numbered here and written a group at
    /// a time (when the namespace was empty before, so no lookup can find them in the store).
    void flushPeople();
    void writeLinks(PersonId from, PersonId to, const LinkRecord& record);
    void bufferLink(PersonId from, PersonId to, LinkKind kind, std::size_t line);
    void flushLinks();
    void insertGroup(const BufferedLink* rows, int count);
    /// Returns false when the link was already there from this batch (a duplicate in the file).
    bool writeLink(PersonId from, PersonId to, LinkKind kind, std::string_view since);
    [[nodiscard]] bool isNew(PersonId person) const { return person.value() > m_maxPersonBefore; }

    Database& m_db;
    BatchWriterOptions m_options;
    ImportCounts m_counts;
    std::vector<std::string> m_warnings;
    std::int64_t m_queued = 0;
    PersonId m_me;
    std::int64_t m_maxPersonBefore = 0;
    std::int64_t m_nowUnix;  ///< links store unix seconds; people ISO text of the same second
    std::string m_now;
    std::uint64_t m_ticks = 0;
    std::int64_t m_lastLinkId = 0;

    KeyIndex m_keys;
    KeyMap m_namesInFile;  ///< lower-cased display name → person, for name links
    std::unordered_set<PersonId> m_seenExisting;
    std::unordered_map<std::string, std::int64_t> m_tagIds;
    std::vector<PendingLink> m_pending;
    std::vector<BufferedLink> m_buffer;
    std::vector<std::pair<std::int64_t, std::string>> m_newPeople;
    std::string m_implicitNetwork;
    bool m_namespaceWasEmpty = false;
    std::int64_t m_nextPersonId = 1;

    Statement m_insertLink;
    Statement m_insertLinkGroup;
    Statement m_findLink;
    Statement m_insertLinkSource;
    Statement m_findIdentity;
    Statement m_insertIdentity;
    Statement m_insertPerson;
    Statement m_insertPeopleGroup;
    Statement m_insertIdentityGroup;
};

}  // namespace warmpath::import
