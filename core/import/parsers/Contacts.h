#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "import/Records.h"
#include "import/TextInput.h"

namespace warmpath::import {

/// What a column of a contact export holds: enough to tell whether rows under it fit it.
enum class ContactColumn { Email, Phone, Text };

/// The kind of column `name` is (ignoring case and surrounding space) in Outlook's or
/// Thunderbird's contact export (`E-mail Address`, `Mobile Phone`, `Display Name`, ...), or
/// nullopt for a name neither has. Defined with their layouts, in ContactCsvParser.cpp.
[[nodiscard]] std::optional<ContactColumn> contactExportColumn(std::string_view name);

/// The non-empty parts joined by spaces: `Ana`, ``, `Souza` → `Ana Souza`.
inline std::string joinName(std::initializer_list<std::string> parts)
{
    std::string name;
    for (const std::string& part : parts) {
        if (!part.empty()) {
            name += (name.empty() ? "" : " ") + part;
        }
    }
    return name;
}

/// Hands one address-book contact to the sink: the person, keyed by their first identity (else by
/// name), and a link me → knows → them (a contact in my address book is someone I know). Returns
/// the key, or an empty string when the record was skipped for having neither a name nor an
/// identifier.
inline std::string handOverContact(PersonRecord&& record, RecordSink& sink)
{
    if (trim(record.name).empty() && record.identities.empty()) {
        sink.skipped(record.line, "a row with neither a name nor an identifier");
        return {};
    }
    record.key = record.identities.empty()
                     ? "name:" + lowerAscii(record.name)
                     : record.identities.front().network + ":" + lowerAscii(record.identities.front().key);
    std::string key = record.key;
    const std::size_t line = record.line;
    sink.person(std::move(record));
    sink.link(LinkRecord{.from = kMeKey, .to = key, .kind = LinkKind::Knows, .line = line});
    return key;
}

}  // namespace warmpath::import
