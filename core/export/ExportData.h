#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/DegreeLookup.h"
#include "model/Person.h"
#include "store/Database.h"
#include "store/Links.h"
#include "store/Workflow.h"
#include "util/Date.h"

namespace warmpath::exporting {

/// One person with everything an export writes about them.
struct ExportPerson {
    Person person;
    std::string ref;  ///< the canonical REF (`me`, `linkedin:ana`, `#12`)
    std::vector<Identity> identities;
    std::vector<std::string> tags;
    std::optional<int> degree;  ///< from me; nullopt when unknown or unreachable
    std::string followUpDue;    ///< `YYYY-MM-DD` when something is due, else empty
    std::string lastContacted;  ///< `YYYY-MM-DD` or empty
};

/// What every export format is written from: read once, in one read transaction.
struct ExportData {
    std::vector<ExportPerson> people;  ///< by id
    std::vector<LinkRow> links;
    std::vector<FollowUpItem> followUps;  ///< the queue, most overdue first
    std::string generatedAt;              ///< UTC, `2026-11-26T09:30:00Z`
    Date today{};
};

/// Reads the people, links and follow-up queue of `db`. `degrees` may be empty (unknown).
[[nodiscard]] ExportData collectExportData(Database& db, const DegreeLookup& degrees, Date today);

/// The export formats `warmpath-cli export` knows, named as on the command line.
enum class ExportFormat { GraphMl, Gexf, Csv, VCard, ICalendar };
[[nodiscard]] std::optional<ExportFormat> exportFormatFromString(std::string_view name);

/// The whole file for `format`. See docs/formats.md for each layout.
[[nodiscard]] std::string render(ExportFormat format, const ExportData& data);

[[nodiscard]] std::string writeGraphMl(const ExportData& data);
[[nodiscard]] std::string writeGexf(const ExportData& data);
[[nodiscard]] std::string writeCsv(const ExportData& data);
[[nodiscard]] std::string writeVCard(const ExportData& data);
[[nodiscard]] std::string writeICalendar(const ExportData& data);

}  // namespace warmpath::exporting
