// BatchWriter, second half: links. Links are resolved to people by record key, buffered,
// sorted and written in groups (see BatchWriter.h for why); people known only by a graph
// node id are created here on first mention.

#include <algorithm>

#include "import/BatchWriter.h"
#include "import/TextInput.h"
#include "model/Identity.h"
#include "store/People.h"

namespace warmpath::import {

PersonId BatchWriter::implicitPerson(std::string_view key)
{
    if (m_namespaceWasEmpty) {
        const PersonId person(m_nextPersonId++);
        m_newPeople.emplace_back(person.value(), normalizeIdentityKey(m_implicitNetwork, key));
        ++m_counts.personsAdded;
        m_keys.assign(key, person);
        if (m_newPeople.size() >= 4096) {
            flushPeople();
        }
        return person;
    }
    const NormalisedIdentity identity{.network = normalizeNetwork(m_options.implicitNamespace),
                                      .key = normalizeIdentityKey(m_options.implicitNamespace, key),
                                      .handle = {},
                                      .url = {}};
    PersonId person;
    if (auto owner = findIdentity(identity)) {
        person = *owner;
        noteSeen(person);
        addIdentity(person, identity);  // records this batch as a source of the identity
    } else {
        PersonRecord record;
        person = insertPerson(identity.key, record);
        addIdentity(person, identity);
    }
    m_keys.assign(key, person);
    return person;
}

std::optional<PersonId> BatchWriter::resolveKey(std::string_view key, std::size_t line)
{
    if (key == kMeKey) {
        return m_me;
    }
    if (const PersonId known = m_keys.find(key); known.valid()) {
        return known;
    }
    if (key.substr(0, kNameKeyPrefix.size()) == kNameKeyPrefix) {
        return std::nullopt;
    }
    if (!m_options.implicitNamespace.empty()) {
        return implicitPerson(key);
    }
    warning(line, "a link names " + std::string(key) + ", who is not in the file; link skipped");
    return std::nullopt;
}

bool BatchWriter::writeLink(PersonId from, PersonId to, LinkKind kind, std::string_view since)
{
    m_insertLink.bind(1, from.value()).bind(2, to.value()).bind(3, static_cast<int>(kind));
    m_insertLink.bind(4, m_options.batchId);
    if (since.empty()) {
        m_insertLink.bindNull(5);
    } else {
        m_insertLink.bind(5, since);
    }
    m_insertLink.bind(6, m_nowUnix).run();
    if (m_db.changes() > 0) {
        ++m_counts.linksAdded;
        m_lastLinkId = m_db.lastInsertId();
        return true;
    }
    m_findLink.bind(1, from.value()).bind(2, to.value()).bind(3, static_cast<int>(kind));
    m_findLink.step();
    const std::int64_t linkId = m_findLink.int64(0);
    const auto firstBatch = m_findLink.optionalInt64(1);
    m_findLink.reset();
    if (firstBatch == m_options.batchId) {
        return false;
    }
    m_insertLinkSource.bind(1, linkId).bind(2, m_options.batchId).run();
    return m_db.changes() > 0;
}

void BatchWriter::writeLinks(PersonId from, PersonId to, const LinkRecord& record)
{
    if (from == to) {
        skipped(record.line, "a self-link (someone linked to themselves)");
        return;
    }
    if (record.since.empty()) {
        bufferLink(from, to, record.kind, record.line);
        if (record.bothWays) {
            bufferLink(to, from, record.kind, record.line);
        }
        return;
    }
    bool fresh = writeLink(from, to, record.kind, record.since);
    if (record.bothWays) {
        fresh = writeLink(to, from, record.kind, record.since) || fresh;
    }
    if (!fresh) {
        warning(record.line, "duplicate link merged with the earlier one");
    }
}

void BatchWriter::bufferLink(PersonId from, PersonId to, LinkKind kind, std::size_t line)
{
    m_buffer.push_back(BufferedLink{.from = from.value(),
                                    .to = to.value(),
                                    .line = static_cast<std::uint32_t>(std::min<std::size_t>(line, UINT32_MAX)),
                                    .kind = kind});
    if (m_buffer.size() >= kBufferedLinks) {
        flushLinks();
    }
}

void BatchWriter::flushLinks()
{
    flushPeople();
    if (m_buffer.empty()) {
        return;
    }
    std::sort(m_buffer.begin(), m_buffer.end());
    // Equal neighbours are the same link seen twice in the file: keep the earliest line.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < m_buffer.size(); ++i) {
        const BufferedLink& link = m_buffer[i];
        if (kept > 0 && m_buffer[kept - 1].from == link.from && m_buffer[kept - 1].to == link.to &&
            m_buffer[kept - 1].kind == link.kind) {
            warning(link.line, "duplicate link merged with the earlier one");
            continue;
        }
        m_buffer[kept++] = link;
    }
    m_buffer.resize(kept);
    std::size_t i = 0;
    for (; i + kRowsPerInsert <= m_buffer.size(); i += kRowsPerInsert) {
        insertGroup(&m_buffer[i], kRowsPerInsert);
    }
    for (; i < m_buffer.size(); ++i) {
        insertGroup(&m_buffer[i], 1);
    }
    m_buffer.clear();
}

void BatchWriter::insertGroup(const BufferedLink* rows, int count)
{
    if (count == 1) {
        if (!writeLink(PersonId(rows->from), PersonId(rows->to), rows->kind, {})) {
            warning(rows->line, "duplicate link merged with the earlier one");
        }
        return;
    }
    Statement& st = m_insertLinkGroup;
    st.bind(1, m_options.batchId).bind(2, m_nowUnix);
    const std::int64_t lastIdBefore = m_lastLinkId;
    for (int r = 0; r < count; ++r) {
        st.bind(3 + 3 * r, rows[r].from).bind(4 + 3 * r, rows[r].to).bind(5 + 3 * r, static_cast<int>(rows[r].kind));
    }
    st.run();
    const std::int64_t added = m_db.changes();
    m_counts.linksAdded += added;
    if (added > 0) {
        m_lastLinkId = m_db.lastInsertId();
    }
    if (added == count) {
        return;
    }
    // Some were there already: new rows have ids past lastIdBefore; older ones from this batch
    // are duplicates from an earlier buffer; others gain this batch as a source.
    for (int r = 0; r < count; ++r) {
        m_findLink.bind(1, rows[r].from).bind(2, rows[r].to).bind(3, static_cast<int>(rows[r].kind));
        m_findLink.step();
        const std::int64_t linkId = m_findLink.int64(0);
        const auto firstBatch = m_findLink.optionalInt64(1);
        m_findLink.reset();
        if (linkId > lastIdBefore) {
            continue;
        }
        if (firstBatch == m_options.batchId) {
            warning(rows[r].line, "duplicate link merged with the earlier one");
            continue;
        }
        m_insertLinkSource.bind(1, linkId).bind(2, m_options.batchId).run();
        if (m_db.changes() == 0) {
            warning(rows[r].line, "duplicate link merged with the earlier one");
        }
    }
}

void BatchWriter::link(const LinkRecord& record)
{
    tick();
    const auto from = resolveKey(record.from, record.line);
    const auto to = resolveKey(record.to, record.line);
    if (from && to) {
        writeLinks(*from, *to, record);
        return;
    }
    const auto isNameKey = [](std::string_view key) { return key.substr(0, kNameKeyPrefix.size()) == kNameKeyPrefix; };
    if ((!from && isNameKey(record.from)) || (!to && isNameKey(record.to))) {
        m_pending.push_back(PendingLink{.from = std::string(record.from),
                                        .to = std::string(record.to),
                                        .kind = record.kind,
                                        .bothWays = record.bothWays,
                                        .since = record.since,
                                        .line = record.line});
    }
}

void BatchWriter::finish()
{
    const auto resolveName = [this](const std::string& key) -> PersonId {
        if (key.substr(0, kNameKeyPrefix.size()) != kNameKeyPrefix) {
            return m_keys.find(key);
        }
        const std::string name(trim(std::string_view(key).substr(kNameKeyPrefix.size())));
        if (auto it = m_namesInFile.find(lowerAscii(name)); it != m_namesInFile.end()) {
            return it->second;
        }
        const auto known = PeopleRepository(m_db).findByExactName(name, 2);
        if (known.size() == 1) {
            noteSeen(known.front().id);
            return known.front().id;
        }
        PersonRecord record;
        const PersonId person = insertPerson(name, record);
        m_namesInFile.emplace(lowerAscii(name), person);
        return person;
    };
    for (const PendingLink& pending : m_pending) {
        if (pending.from.empty() || pending.to.empty()) {
            continue;
        }
        const PersonId from = pending.from == kMeKey ? m_me : resolveName(pending.from);
        const PersonId to = pending.to == kMeKey ? m_me : resolveName(pending.to);
        if (!from.valid() || !to.valid()) {
            continue;
        }
        const LinkRecord record{.from = pending.from,
                                .to = pending.to,
                                .kind = pending.kind,
                                .bothWays = pending.bothWays,
                                .since = pending.since,
                                .line = pending.line};
        writeLinks(from, to, record);
    }
    m_pending.clear();
    flushLinks();
}

}  // namespace warmpath::import
