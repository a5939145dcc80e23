#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/LinkKind.h"
#include "model/Person.h"

namespace warmpath::import {

/// The key that names the me person in link records.
inline constexpr std::string_view kMeKey = "\x01me";
/// Link keys with this prefix name a person by display name (vCard RELATED text, Google
/// `Relation N`); the writer resolves them once the whole file has been read.
inline constexpr std::string_view kNameKeyPrefix = "\x01name:";

/// One person as a parser read it. `key` is what link records of the same file use to refer to
/// them (a node id, a profile slug); it is unique within one file and means nothing outside it.
struct PersonRecord {
    std::string key;
    std::vector<Identity> identities;  ///< network and key not yet normalised
    std::string name;                  ///< empty: the writer names them after an identity
    std::string organisation;
    std::string title;
    std::string location;
    std::vector<std::string> tags;
    std::vector<std::string> notes;
    bool isMe = false;
    /// True where the format has no names at all (graph node ids, follow lists): a missing name
    /// is then normal, not worth a warning, and not a hint for duplicate detection.
    bool anonymous = false;
    std::size_t line = 0;
};

/// A link between two records of the same file, by key (or kMeKey / kNameKeyPrefix).
struct LinkRecord {
    std::string_view from;
    std::string_view to;
    LinkKind kind = LinkKind::Follows;
    bool bothWays = false;  ///< undirected edge or connection: one link each way
    std::string since;      ///< ISO 8601 date the link began, when the file says
    std::size_t line = 0;
};

/// What a parser hands its records to. Records are handed over as they are read, so a parser
/// never holds the whole file.
class RecordSink {
public:
    virtual ~RecordSink() = default;
    RecordSink() = default;
    RecordSink(const RecordSink&) = delete;
    RecordSink& operator=(const RecordSink&) = delete;
    RecordSink(RecordSink&&) = delete;
    RecordSink& operator=(RecordSink&&) = delete;

    virtual void person(PersonRecord&& record) = 0;
    virtual void link(const LinkRecord& record) = 0;
    /// A recoverable oddity at `line` of the current file.
    virtual void warning(std::size_t line, std::string message) = 0;
    /// A row that was dropped, with why (also counted as a warning).
    virtual void skipped(std::size_t line, std::string message) = 0;
    /// Progress: bytes of the current file consumed so far.
    virtual void progress(std::uint64_t bytesDone) = 0;
};

/// Counts of one import, as `import --json` prints them.
struct ImportCounts {
    std::int64_t personsAdded = 0;
    std::int64_t personsMerged = 0;
    std::int64_t linksAdded = 0;
    std::int64_t tagsAdded = 0;
    std::int64_t skipped = 0;
    std::int64_t warningCount = 0;
};

}  // namespace warmpath::import
