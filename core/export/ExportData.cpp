#include "export/ExportData.h"

#include "store/People.h"
#include "store/RefResolver.h"

namespace warmpath::exporting {

ExportData collectExportData(Database& db, const DegreeLookup& degrees, Date today)
{
    ExportData data;
    data.today = today;
    data.generatedAt = utcNowIso8601();
    Transaction read(db, Transaction::Kind::Deferred);  // one consistent view of all tables
    PeopleRepository people(db);
    RefResolver refs(db);
    WorkflowRepository workflow(db);
    data.followUps = workflow.followUpQueue(today);
    // summaries() gives each person the due date of that same queue.
    for (PersonSummary& summary : people.summaries(today)) {
        const PersonId id = summary.person.id;
        ExportPerson row{.person = std::move(summary.person),
                         .ref = refs.canonicalRef(id),
                         .identities = people.identities(id),
                         .tags = std::move(summary.tags),
                         .degree = degrees ? degrees(id) : std::nullopt,
                         .followUpDue = std::move(summary.followUpDue),
                         .lastContacted = std::move(summary.lastContacted)};
        data.people.push_back(std::move(row));
    }
    data.links = LinkRepository(db).all();
    read.commit();
    return data;
}

std::optional<ExportFormat> exportFormatFromString(std::string_view name)
{
    if (name == "graphml") {
        return ExportFormat::GraphMl;
    }
    if (name == "gexf") {
        return ExportFormat::Gexf;
    }
    if (name == "csv") {
        return ExportFormat::Csv;
    }
    if (name == "vcard" || name == "vcf") {
        return ExportFormat::VCard;
    }
    if (name == "ics" || name == "ical") {
        return ExportFormat::ICalendar;
    }
    return std::nullopt;
}

std::string render(ExportFormat format, const ExportData& data)
{
    switch (format) {
    case ExportFormat::GraphMl:
        return writeGraphMl(data);
    case ExportFormat::Gexf:
        return writeGexf(data);
    case ExportFormat::Csv:
        return writeCsv(data);
    case ExportFormat::VCard:
        return writeVCard(data);
    case ExportFormat::ICalendar:
        return writeICalendar(data);
    }
    return {};
}

}  // namespace warmpath::exporting
