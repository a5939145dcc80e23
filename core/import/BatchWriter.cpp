#include "import/BatchWriter.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <stdexcept>

#include "import/TextEncoding.h"
#include "import/TextInput.h"
#include "model/Identity.h"
#include "store/People.h"

namespace warmpath::import {
namespace {

constexpr std::uint64_t kCancelCheckEvery = 4096;

/// The part of an identity that the same person tends to reuse on other networks: a
/// handle, a Mastodon user name, the first label of a Bluesky handle, a LinkedIn slug.
std::string handleStem(const std::string& network, const std::string& key, const std::string& handle)
{
    std::string stem = handle.empty() ? key : handle;
    if (network == "email" || network == "phone") {
        return {};
    }
    if (network == "mastodon") {
        stem = stem.substr(0, stem.find('@'));
    } else if (network == "bsky") {
        stem = stem.substr(0, stem.find('.'));
    } else if (network == "web") {
        stem = stem.substr(stem.rfind('/') + 1);
    }
    if (!stem.empty() && stem.front() == '@') {
        stem.erase(0, 1);
    }
    return lowerAscii(stem);
}

std::string groupInsertSql(int rows)
{
    // last_seen stays NULL ("same as first_seen"): 4 bytes per link instead of two 20-byte texts.
    // OR IGNORE rather than ON CONFLICT DO NOTHING: with no constraint left that could abort the
    // statement halfway, SQLite keeps no statement journal for it (a copy of every page each
    // 64-row statement touches). The other constraints cannot fail for these rows: the writer
    // never buffers a self-link, kinds come from LinkKind, and every column is bound.
    std::string sql = "INSERT OR IGNORE INTO link (from_person, to_person, kind, batch_id, first_seen) VALUES ";
    for (int i = 0; i < rows; ++i) {
        const int first = 3 + 3 * i;
        sql += (i == 0 ? "(?" : ", (?") + std::to_string(first) + ", ?" + std::to_string(first + 1) + ", ?" +
               std::to_string(first + 2) + ", ?1, ?2)";
    }
    // ?1 (batch) and ?2 (now) are shared by every row.
    return sql;
}

constexpr int kPeoplePerInsert = 64;

std::string peopleInsertSql()
{
    // OR IGNORE for the statement journal, as for links; these rows cannot conflict (ids past
    // the largest, every column bound) and flushPeople() checks that all were written.
    std::string sql = "INSERT OR IGNORE INTO person (id, display_name, batch_id, created_at, updated_at) VALUES ";
    for (int i = 0; i < kPeoplePerInsert; ++i) {
        const int first = 3 + 2 * i;
        sql += (i == 0 ? "(?" : ", (?") + std::to_string(first) + ", ?" + std::to_string(first + 1) + ", ?1, ?2, ?2)";
    }
    return sql;
}

std::string identitiesInsertSql()
{
    std::string sql = "INSERT OR IGNORE INTO identity (person_id, network, key, batch_id) VALUES ";
    for (int i = 0; i < kPeoplePerInsert; ++i) {
        const int first = 4 + 2 * i;
        sql += (i == 0 ? "(?" : ", (?") + std::to_string(first) + ", ?3, ?" + std::to_string(first + 1) + ", ?1)";
    }
    return sql;
}

}  // namespace

BatchWriter::BatchWriter(Database& db, BatchWriterOptions options)
    : m_db(db),
      m_options(std::move(options)),
      m_nowUnix(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now())),
      m_now(utcIso8601(m_nowUnix)),
      // A `since` the file gave (ISO-8601 text) becomes unix seconds; one SQLite cannot read
      // falls back to the import's time, as a link without one does.
      m_insertLink(db.prepare("INSERT INTO link (from_person, to_person, kind, batch_id, first_seen) "
                              "VALUES (?1, ?2, ?3, ?4, coalesce(unixepoch(?5), ?6)) "
                              "ON CONFLICT (from_person, to_person, kind) DO NOTHING")),
      m_insertLinkGroup(db.prepare(groupInsertSql(kRowsPerInsert))),
      m_findLink(db.prepare("SELECT id, batch_id FROM link WHERE from_person = ? AND to_person = ? AND kind = ?")),
      m_insertLinkSource(db.prepare("INSERT OR IGNORE INTO link_source (link_id, batch_id) VALUES (?, ?)")),
      m_findIdentity(db.prepare("SELECT id, person_id, batch_id FROM identity WHERE network = ? AND key = ?")),
      m_insertIdentity(db.prepare("INSERT INTO identity (person_id, network, key, handle, url, batch_id) "
                                  "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (network, key) DO NOTHING")),
      m_insertPerson(db.prepare("INSERT INTO person (display_name, organisation, title, location, batch_id, "
                                "created_at, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")),
      m_insertPeopleGroup(db.prepare(peopleInsertSql())),
      m_insertIdentityGroup(db.prepare(identitiesInsertSql()))
{
    m_me = PeopleRepository(db).me();
    Statement maxId = db.prepare("SELECT coalesce(max(id), 0) FROM person");
    maxId.step();
    m_maxPersonBefore = maxId.int64(0);
    Statement maxLink = db.prepare("SELECT coalesce(max(id), 0) FROM link");
    maxLink.step();
    m_lastLinkId = maxLink.int64(0);
    m_buffer.reserve(kBufferedLinks);
    m_nextPersonId = m_maxPersonBefore + 1;
    if (!m_options.implicitNamespace.empty()) {
        m_implicitNetwork = normalizeNetwork(m_options.implicitNamespace);
        Statement any = db.prepare("SELECT 1 FROM identity WHERE network = ? LIMIT 1");
        any.bind(1, m_implicitNetwork);
        m_namespaceWasEmpty = !any.step();
    }
}

void BatchWriter::flushPeople()
{
    if (m_newPeople.empty()) {
        return;
    }
    std::size_t i = 0;
    const auto write = [this](std::size_t from, int count) {
        if (count == kPeoplePerInsert) {
            m_insertPeopleGroup.bind(1, m_options.batchId).bind(2, m_now);
            m_insertIdentityGroup.bind(1, m_options.batchId).bind(3, m_implicitNetwork);
            for (int r = 0; r < count; ++r) {
                const auto& [id, key] = m_newPeople[from + static_cast<std::size_t>(r)];
                m_insertPeopleGroup.bind(3 + 2 * r, id).bind(4 + 2 * r, key);
                m_insertIdentityGroup.bind(4 + 2 * r, id).bind(5 + 2 * r, key);
            }
            m_insertPeopleGroup.run();
            if (m_db.changes() != count) {
                throw std::logic_error("people numbered for this import were already in the database");
            }
            m_insertIdentityGroup.run();
            return;
        }
        const auto& [id, key] = m_newPeople[from];
        PersonRecord none;
        m_insertPerson.bind(1, key).bind(2, none.organisation).bind(3, none.title).bind(4, none.location);
        m_insertPerson.bind(5, m_options.batchId).bind(6, m_now).bind(7, m_now).bind(8, id).run();
        m_insertIdentity.bind(1, id).bind(2, m_implicitNetwork).bind(3, key);
        m_insertIdentity.bindNull(4).bindNull(5).bind(6, m_options.batchId).run();
    };
    for (; i + kPeoplePerInsert <= m_newPeople.size(); i += kPeoplePerInsert) {
        write(i, kPeoplePerInsert);
    }
    for (; i < m_newPeople.size(); ++i) {
        write(i, 1);
    }
    m_newPeople.clear();
}

void BatchWriter::tick()
{
    if (++m_ticks % kCancelCheckEvery == 0 && m_options.cancel != nullptr && m_options.cancel->cancelled()) {
        throw ImportCancelled{};
    }
}

void BatchWriter::progress(std::uint64_t bytesDone)
{
    if (m_options.cancel != nullptr && m_options.cancel->cancelled()) {
        throw ImportCancelled{};
    }
    if (m_options.onProgress) {
        m_options.onProgress(bytesDone);
    }
}

void BatchWriter::warning(std::size_t line, std::string message)
{
    ++m_counts.warningCount;
    if (m_warnings.size() < kMaxWarningTexts) {
        std::string where = m_options.fileLabel;
        if (line > 0) {
            where += ':' + std::to_string(line);
        }
        m_warnings.push_back(where + ": " + message);
    } else if (m_warnings.size() == kMaxWarningTexts) {
        m_warnings.emplace_back("(further warnings are counted but not listed)");
    }
}

void BatchWriter::skipped(std::size_t line, std::string message)
{
    ++m_counts.skipped;
    warning(line, "skipped: " + std::move(message));
}

// --- people ---------------------------------------------------------------------------------

std::optional<PersonId> BatchWriter::findIdentity(const NormalisedIdentity& identity, std::int64_t* identityId,
                                                  std::optional<std::int64_t>* batch)
{
    m_findIdentity.bind(1, identity.network).bind(2, identity.key);
    if (!m_findIdentity.step()) {
        m_findIdentity.reset();
        return std::nullopt;
    }
    const PersonId person(m_findIdentity.int64(1));
    if (identityId != nullptr) {
        *identityId = m_findIdentity.int64(0);
    }
    if (batch != nullptr) {
        *batch = m_findIdentity.optionalInt64(2);
    }
    m_findIdentity.reset();
    return person;
}

PersonId BatchWriter::insertPerson(const std::string& name, const PersonRecord& record)
{
    m_insertPerson.bind(1, name).bind(2, record.organisation).bind(3, record.title).bind(4, record.location);
    flushPeople();
    const PersonId id(m_nextPersonId++);
    m_insertPerson.bind(5, m_options.batchId).bind(6, m_now).bind(7, m_now).bind(8, id.value()).run();
    ++m_counts.personsAdded;
    return id;
}

void BatchWriter::noteSeen(PersonId person)
{
    if (isNew(person) || person == m_me) {
        return;
    }
    if (m_seenExisting.insert(person).second) {
        ++m_counts.personsMerged;
        m_db.cached("INSERT OR IGNORE INTO person_source (person_id, batch_id) SELECT id, ?2 FROM person "
                    "WHERE id = ?1 AND batch_id IS NOT ?2")
            .bind(1, person.value())
            .bind(2, m_options.batchId)
            .run();
    }
}

void BatchWriter::addIdentity(PersonId person, const NormalisedIdentity& identity)
{
    m_insertIdentity.bind(1, person.value()).bind(2, identity.network).bind(3, identity.key);
    m_insertIdentity.bindOptional(4, identity.handle).bindOptional(5, identity.url).bind(6, m_options.batchId).run();
    if (m_db.changes() > 0) {
        return;
    }
    std::int64_t identityId = 0;
    std::optional<std::int64_t> batch;
    const auto owner = findIdentity(identity, &identityId, &batch);
    if (owner == person && batch != m_options.batchId) {
        m_db.cached("INSERT OR IGNORE INTO identity_source (identity_id, batch_id) VALUES (?, ?)")
            .bind(1, identityId)
            .bind(2, m_options.batchId)
            .run();
    }
}

void BatchWriter::addTag(PersonId person, const std::string& tag)
{
    const std::string lower = lowerAscii(tag);
    auto it = m_tagIds.find(lower);
    if (it == m_tagIds.end()) {
        m_db.cached("INSERT INTO tag (name, batch_id) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
            .bind(1, tag)
            .bind(2, m_options.batchId)
            .run();
        Statement& find = m_db.cached("SELECT id FROM tag WHERE name = ?");
        find.bind(1, tag);
        find.step();
        it = m_tagIds.emplace(lower, find.int64(0)).first;
        find.reset();
    }
    m_db.cached("INSERT OR IGNORE INTO person_tag (person_id, tag_id, batch_id, created_at) VALUES (?, ?, ?, ?)")
        .bind(1, person.value())
        .bind(2, it->second)
        .bind(3, m_options.batchId)
        .bind(4, m_now)
        .run();
    if (m_db.changes() > 0) {
        ++m_counts.tagsAdded;
    }
}

void BatchWriter::addNote(PersonId person, const std::string& note)
{
    Statement& exists = m_db.cached("SELECT 1 FROM note WHERE person_id = ? AND text = ?");
    exists.bind(1, person.value()).bind(2, note);
    const bool known = exists.step();
    exists.reset();
    if (!known) {
        m_db.cached("INSERT INTO note (person_id, text, batch_id) VALUES (?, ?, ?)")
            .bind(1, person.value())
            .bind(2, note)
            .bind(3, m_options.batchId)
            .run();
    }
}

void BatchWriter::fillDetails(PersonId person, const PersonRecord& record, std::string_view name)
{
    // What a person already has wins: an import never overwrites details, it only fills gaps
    // (and replaces a display name that was only an identifier). On someone who existed before
    // this batch, each filled detail is recorded with what it replaced, so undo-import and split
    // can give it back.
    constexpr std::array<std::string_view, 4> kFields{"display_name", "organisation", "title", "location"};
    Statement& read = m_db.cached(
        "SELECT display_name, organisation, title, location, EXISTS (SELECT 1 FROM identity i WHERE i.person_id = p.id "
        "AND (i.key = p.display_name OR i.handle = p.display_name)) FROM person p WHERE p.id = ?");
    read.bind(1, person.value());
    if (!read.step()) {
        read.reset();
        return;
    }
    const std::array<std::string, 4> current{read.text(0), read.text(1), read.text(2), read.text(3)};
    const bool namedAfterIdentifier = read.int64(4) != 0;
    read.reset();
    const std::array<std::string_view, 4> offered{name, record.organisation, record.title, record.location};
    const bool existedBefore = !isNew(person);
    for (std::size_t i = 0; i < kFields.size(); ++i) {
        if (offered[i].empty()) {
            continue;
        }
        const std::string field(kFields[i]);
        const bool gap = i == 0 ? namedAfterIdentifier && current[i] != offered[i] : current[i].empty();
        if (gap) {
            m_db.cached("UPDATE person SET " + field + " = ? WHERE id = ?")
                .bind(1, offered[i])
                .bind(2, person.value())
                .run();
            if (existedBefore) {
                m_db.cached("INSERT OR REPLACE INTO person_detail_source (person_id, field, batch_id, value, previous) "
                            "VALUES (?, ?, ?, ?, ?)")
                    .bind(1, person.value())
                    .bind(2, field)
                    .bind(3, m_options.batchId)
                    .bind(4, offered[i])
                    .bind(5, current[i])
                    .run();
            }
        } else if (existedBefore && current[i] == offered[i]) {
            // The same value again from another batch: it stays if the batch that filled it in
            // is undone.
            m_db.cached("INSERT OR IGNORE INTO person_detail_source (person_id, field, batch_id, value, previous) "
                        "SELECT person_id, field, ?3, value, previous FROM person_detail_source "
                        "WHERE person_id = ?1 AND field = ?2 AND batch_id <> ?3 LIMIT 1")
                .bind(1, person.value())
                .bind(2, field)
                .bind(3, m_options.batchId)
                .run();
        }
    }
}

void BatchWriter::queueCandidate(PersonId a, PersonId b, const std::string& reason)
{
    if (a == b) {
        return;
    }
    m_db.cached("INSERT OR IGNORE INTO merge_candidate (person_a, person_b, reason, batch_id) VALUES (?, ?, ?, ?)")
        .bind(1, std::min(a, b).value())
        .bind(2, std::max(a, b).value())
        .bind(3, reason)
        .bind(4, m_options.batchId)
        .run();
    m_queued += m_db.changes() > 0 ? 1 : 0;
}

void BatchWriter::checkProbableDuplicates(PersonId person, const PersonRecord& record,
                                          const std::vector<NormalisedIdentity>& identities)
{
    Statement& sameName = m_db.cached(
        "SELECT id, organisation FROM person WHERE display_name = ? COLLATE NOCASE AND id <> ? ORDER BY id LIMIT 50");
    sameName.bind(1, trim(record.name)).bind(2, person.value());
    std::vector<std::pair<PersonId, std::string>> candidates;
    while (sameName.step()) {
        candidates.emplace_back(PersonId(sameName.int64(0)), sameName.text(1));
    }
    sameName.reset();
    if (candidates.empty()) {
        return;
    }
    const std::string organisation = lowerAscii(trim(record.organisation));
    for (const auto& [candidate, candidateOrganisation] : candidates) {
        if (!organisation.empty() && lowerAscii(trim(candidateOrganisation)) == organisation) {
            queueCandidate(person, candidate, "same name and organisation");
            continue;
        }
        Statement& theirs = m_db.cached("SELECT network, key, coalesce(handle, '') FROM identity WHERE person_id = ?");
        theirs.bind(1, candidate.value());
        bool shared = false;
        while (!shared && theirs.step()) {
            const std::string network = theirs.text(0);
            const std::string stem = handleStem(network, theirs.text(1), theirs.text(2));
            for (const auto& mine : identities) {
                if (!stem.empty() && mine.network != network &&
                    handleStem(mine.network, mine.key, mine.handle) == stem) {
                    shared = true;
                    break;
                }
            }
        }
        theirs.reset();
        if (shared) {
            queueCandidate(person, candidate, "same name and a handle shared across networks");
        }
    }
}

void BatchWriter::person(PersonRecord&& record)
{
    tick();
    flushPeople();
    bool repaired = false;
    for (std::string* text : {&record.name, &record.organisation, &record.title, &record.location}) {
        repaired = repairUtf8(*text) || repaired;
    }
    for (auto& list : {&record.tags, &record.notes}) {
        for (std::string& text : *list) {
            repaired = repairUtf8(text) || repaired;
        }
    }
    std::vector<NormalisedIdentity> identities;
    for (Identity& identity : record.identities) {
        repaired = repairUtf8(identity.key) || repaired;
        repairUtf8(identity.handle);
        repairUtf8(identity.url);
        NormalisedIdentity normalised{
            .network = normalizeNetwork(identity.network), .key = {}, .handle = {}, .url = {}};
        normalised.key = normalizeIdentityKey(normalised.network, identity.key);
        normalised.handle = std::string(trim(identity.handle));
        normalised.url = std::string(trim(identity.url));
        if (normalised.network.empty() || normalised.key.empty()) {
            continue;
        }
        const bool duplicate = std::any_of(identities.begin(), identities.end(), [&](const NormalisedIdentity& i) {
            return i.network == normalised.network && i.key == normalised.key;
        });
        if (!duplicate) {
            identities.push_back(std::move(normalised));
        }
    }
    if (repaired) {
        warning(record.line, "invalid UTF-8 replaced with U+FFFD");
    }
    std::string name(trim(record.name));

    if (record.isMe) {
        for (const auto& identity : identities) {
            addIdentity(m_me, identity);
        }
        if (!record.key.empty()) {
            m_keys.assign(record.key, m_me);
        }
        return;
    }
    if (name.empty() && identities.empty()) {
        skipped(record.line, "a row with neither a name nor an identifier");
        return;
    }

    std::vector<PersonId> matches;
    for (const auto& identity : identities) {
        if (auto owner = findIdentity(identity);
            owner && std::find(matches.begin(), matches.end(), *owner) == matches.end()) {
            matches.push_back(*owner);
        }
    }

    PersonId person;
    const PersonId byKey = record.key.empty() ? PersonId() : m_keys.find(record.key);
    const bool nameless = name.empty();
    if (nameless) {
        const auto& first = identities.front();
        name = !first.handle.empty() ? first.handle : first.key;
        if (!record.anonymous) {
            warning(record.line, "no name; named after the identifier " + name);
        }
    }
    if (byKey.valid()) {
        person = byKey;
        if (!record.anonymous) {
            warning(record.line, "duplicate row merged with the earlier one");
        } else if (!nameless && isNew(person)) {
            // A graph node declared after an edge already named it: the label is its name.
            m_db.cached("UPDATE person SET display_name = ? WHERE id = ? AND display_name = ?")
                .bind(1, name)
                .bind(2, person.value())
                .bind(3, record.key)
                .run();
        }
    } else if (!matches.empty()) {
        person = matches.front();
    } else if (identities.empty()) {
        // Only a name: the same name earlier in this file is the same row again.
        const auto byName = m_namesInFile.find(lowerAscii(name));
        if (byName != m_namesInFile.end()) {
            person = byName->second;
            warning(record.line, "duplicate row merged with the earlier one");
        }
    }
    const bool created = !person.valid();
    if (created) {
        person = insertPerson(name, record);
    } else {
        noteSeen(person);
        fillDetails(person, record, nameless ? std::string_view() : std::string_view(name));
    }
    for (std::size_t i = 1; i < matches.size(); ++i) {
        if (matches[i] != person && matches[i] != m_me && person != m_me) {
            queueCandidate(person, matches[i], "their identifiers appear together in one record");
        }
    }
    if (!record.key.empty()) {
        m_keys.assign(record.key, person);
    }
    if (!nameless) {
        m_namesInFile.insert_or_assign(lowerAscii(name), person);
    }
    for (const auto& identity : identities) {
        addIdentity(person, identity);
    }
    for (const std::string& tag : record.tags) {
        if (!trim(tag).empty()) {
            addTag(person, std::string(trim(tag)));
        }
    }
    for (const std::string& note : record.notes) {
        if (!trim(note).empty()) {
            addNote(person, note);
        }
    }
    if (created && !nameless && !record.anonymous) {
        checkProbableDuplicates(person, record, identities);
    }
}

}  // namespace warmpath::import
