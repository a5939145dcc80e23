// The people as a spreadsheet (CSV) and as an address book (vCard 4.0).

#include <cinttypes>
#include <cstdio>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "export/ExportData.h"
#include "export/TextEscaping.h"

namespace warmpath::exporting {
namespace {

/// A stable UID per person of this database: a UUID of the RFC 4122 form built from the id, so
/// a re-export updates the same cards in an address book instead of adding new ones.
std::string personUid(PersonId id)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "urn:uuid:5761726d-7061-4874-8000-%012" PRIx64,
                  static_cast<std::uint64_t>(id.value()));
    return buffer;
}

/// RFC 6350 RELATED types for the link kinds that name a relationship; follows do not.
std::optional<std::string_view> relatedType(LinkKind kind)
{
    switch (kind) {
    case LinkKind::Connection:
        return "contact";
    case LinkKind::Knows:
        return "acquaintance";
    case LinkKind::Colleague:
        return "colleague";
    case LinkKind::Related:
        return "";
    case LinkKind::Follows:
        break;
    }
    return std::nullopt;
}

}  // namespace

std::string writeCsv(const ExportData& data)
{
    std::string out = "ref,name,organisation,title,location,tags,networks,follow_up_due,last_contacted,degree\r\n";
    for (const ExportPerson& p : data.people) {
        std::string tags;
        for (const std::string& tag : p.tags) {
            tags += (tags.empty() ? "" : "; ") + tag;
        }
        std::set<std::string> networkSet;
        for (const Identity& identity : p.identities) {
            networkSet.insert(identity.network);
        }
        std::string networks;
        for (const std::string& network : networkSet) {
            networks += (networks.empty() ? "" : "; ") + network;
        }
        const std::string cells[] = {p.ref,
                                     p.person.displayName,
                                     p.person.organisation,
                                     p.person.title,
                                     p.person.location,
                                     tags,
                                     networks,
                                     p.followUpDue,
                                     p.lastContacted,
                                     p.degree ? std::to_string(*p.degree) : std::string()};
        bool first = true;
        for (const std::string& cell : cells) {
            out += (first ? "" : ",") + csvCell(cell);
            first = false;
        }
        out += "\r\n";
    }
    return out;
}

std::string writeVCard(const ExportData& data)
{
    std::unordered_map<PersonId, std::set<std::pair<std::int64_t, std::string>>> related;
    for (const LinkRow& link : data.links) {
        if (const auto type = relatedType(link.kind)) {
            related[link.from].emplace(link.to.value(), std::string(*type));
        }
    }
    std::string out;
    for (const ExportPerson& p : data.people) {
        out += "BEGIN:VCARD\r\nVERSION:4.0\r\n";
        out += foldLine("UID:" + personUid(p.person.id));
        out += foldLine("FN:" + contentEscape(p.person.displayName));
        if (!p.person.organisation.empty()) {
            out += foldLine("ORG:" + contentEscape(p.person.organisation));
        }
        if (!p.person.title.empty()) {
            out += foldLine("TITLE:" + contentEscape(p.person.title));
        }
        if (!p.tags.empty()) {
            std::string categories;
            for (const std::string& tag : p.tags) {
                categories += (categories.empty() ? "" : ",") + contentEscape(tag);
            }
            out += foldLine("CATEGORIES:" + categories);
        }
        for (const Identity& identity : p.identities) {
            if (identity.network == "email") {
                out += foldLine("EMAIL:" + contentEscape(identity.key));
            } else if (identity.network == "phone") {
                out += foldLine("TEL;VALUE=uri:tel:" + identity.key);
            }
            if (!identity.url.empty()) {
                out += foldLine("URL:" + identity.url);
            }
        }
        if (const auto found = related.find(p.person.id); found != related.end()) {
            for (const auto& [to, type] : found->second) {
                const std::string param = type.empty() ? std::string() : ";TYPE=" + type;
                out += foldLine("RELATED" + param + ":" + personUid(PersonId(to)));
            }
        }
        out += foldLine("NOTE:" + contentEscape("Warmpath REF " + p.ref));
        out += "END:VCARD\r\n";
    }
    return out;
}

}  // namespace warmpath::exporting
