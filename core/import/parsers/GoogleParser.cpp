// Google Contacts CSV, both header styles: the current one (`First Name,Middle Name,Last Name,
// ...,Labels,E-mail 1 - Label,E-mail 1 - Value,...`) and the legacy one (`Name,Given Name,
// Additional Name,Family Name,...,Group Membership,E-mail 1 - Type,E-mail 1 - Value,...`).
// Columns are found by name; multiple values in one cell are joined with ` ::: `.

#include "import/ProfileUrls.h"
#include "import/parsers/Contacts.h"
#include "import/parsers/CsvColumns.h"
#include "import/parsers/Parsers.h"

namespace warmpath::import {
namespace {

constexpr std::string_view kMulti = " ::: ";

class GoogleParser final : public Parser {
public:
    Status parse(const ParseInput& input, RecordSink& sink) override
    {
        auto stream = openTextFile(input.path);
        if (!stream) {
            return stream.error();
        }
        CsvReader csv(**stream, input.label);
        std::vector<std::string> row;
        Result<bool> more = csv.next(row);
        if (!more) {
            return more.error();
        }
        if (!*more) {
            return Error("the file is empty", input.label, 1, 1);
        }
        const CsvColumns columns(row);
        if (!columns.has("Name") && !columns.has("First Name") && !columns.has("Given Name")) {
            return Error("not a Google Contacts CSV: the header has no Name, First Name or Given Name column",
                         input.label, 1, 1);
        }
        for (;;) {
            more = csv.next(row);
            if (!more) {
                return more.error();
            }
            if (!*more) {
                break;
            }
            if (isBlankRow(row)) {
                continue;
            }
            readRow(columns, row, csv.recordLine(), sink);
        }
        sink.progress(csv.bytesConsumed());
        return {};
    }

private:
    static void readRow(const CsvColumns& c, const std::vector<std::string>& row, std::size_t line, RecordSink& sink)
    {
        PersonRecord record;
        record.line = line;
        record.name = c.get(row, {"Name"});
        if (record.name.empty()) {
            record.name =
                joinName({c.get(row, {"First Name", "Given Name"}), c.get(row, {"Middle Name", "Additional Name"}),
                          c.get(row, {"Last Name", "Family Name"})});
        }
        if (record.name.empty()) {
            record.name = c.get(row, {"Nickname", "File As"});
        }
        record.organisation = c.get(row, {"Organization 1 - Name", "Organization Name"});
        record.title = c.get(row, {"Organization 1 - Title", "Organization Title"});
        record.location = c.get(row, {"Address 1 - City", "Location"});
        for (const std::string& cell : c.matching(row, "E-mail ", " - Value")) {
            for (const std::string& email : splitTrimmed(cell, kMulti)) {
                record.identities.push_back(Identity{.network = "email", .key = email, .handle = {}, .url = {}});
            }
        }
        for (const std::string& cell : c.matching(row, "Website ", " - Value")) {
            for (const std::string& url : splitTrimmed(cell, kMulti)) {
                if (auto identity = identityFromUrl(url)) {
                    record.identities.push_back(*identity);
                }
            }
        }
        for (const std::string& cell : c.matching(row, "Phone ", " - Value")) {
            for (const std::string& phone : splitTrimmed(cell, kMulti)) {
                if (std::string digits = normalisePhone(phone); !digits.empty()) {
                    record.identities.push_back(Identity{.network = "phone", .key = digits, .handle = {}, .url = {}});
                }
            }
        }
        for (const std::string& labels : {c.get(row, {"Labels"}), c.get(row, {"Group Membership"})}) {
            for (const std::string& label : splitTrimmed(labels, kMulti)) {
                // `* myContacts`, `* starred`, ...: Google's own system groups, not the user's tags.
                if (label.rfind("* ", 0) != 0) {
                    record.tags.push_back(label);
                }
            }
        }
        if (std::string notes = c.get(row, {"Notes"}); !notes.empty()) {
            record.notes.push_back(std::move(notes));
        }
        std::vector<std::string> relations;
        for (const std::string& cell : c.matching(row, "Relation ", " - Value")) {
            for (const std::string& name : splitTrimmed(cell, kMulti)) {
                relations.push_back(std::string(kNameKeyPrefix) + name);
            }
        }
        const std::string key = handOverContact(std::move(record), sink);
        if (key.empty()) {
            return;
        }
        for (const std::string& relation : relations) {
            sink.link(LinkRecord{.from = key, .to = relation, .kind = LinkKind::Related, .line = line});
        }
    }
};

}  // namespace

std::unique_ptr<Parser> makeGoogleParser()
{
    return std::make_unique<GoogleParser>();
}

}  // namespace warmpath::import
