// The follow-up queue as iCalendar (RFC 5545): a VTODO per follow-up for task lists, and an
// all-day VEVENT on the due date (repeating with the cadence) for calendars that ignore tasks.

#include <string>
#include <unordered_map>

#include "Version.h"
#include "export/ExportData.h"
#include "export/TextEscaping.h"

namespace warmpath::exporting {
namespace {

std::string icsDate(Date date)
{
    std::string text = formatDate(date);
    std::erase(text, '-');
    return text;
}

/// `2026-11-26T09:30:00Z` → `20261126T093000Z`.
std::string icsDateTime(std::string_view iso)
{
    std::string text(iso);
    std::erase(text, '-');
    std::erase(text, ':');
    return text;
}

}  // namespace

std::string writeICalendar(const ExportData& data)
{
    std::unordered_map<PersonId, const ExportPerson*> byId;
    for (const ExportPerson& p : data.people) {
        byId.emplace(p.person.id, &p);
    }
    const std::string stamp = "DTSTAMP:" + icsDateTime(data.generatedAt);
    std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
    out += foldLine(std::string("PRODID:-//Warmpath//Warmpath ") + kVersion + "//EN");
    out += "CALSCALE:GREGORIAN\r\n";
    for (const FollowUpItem& item : data.followUps) {
        const auto id = std::to_string(item.person.value());
        const auto found = byId.find(item.person);
        const std::string ref = found != byId.end() ? found->second->ref : "#" + id;
        const std::string summary = foldLine("SUMMARY:" + contentEscape("Follow up with " + item.name));
        std::string description = "warmpath-cli person " + ref;
        if (item.cadenceDays) {
            description += " (every " + std::to_string(*item.cadenceDays) + " days)";
        }
        const std::string descriptionLine = foldLine("DESCRIPTION:" + contentEscape(description));

        out += "BEGIN:VTODO\r\n";
        out += foldLine("UID:warmpath-follow-up-" + id + "-todo@warmpath.invalid");
        out += stamp + "\r\n";
        out += summary + descriptionLine;
        out += "DUE;VALUE=DATE:" + icsDate(item.due) + "\r\n";
        out += "STATUS:NEEDS-ACTION\r\n";
        out += "END:VTODO\r\n";

        out += "BEGIN:VEVENT\r\n";
        out += foldLine("UID:warmpath-follow-up-" + id + "-event@warmpath.invalid");
        out += stamp + "\r\n";
        out += summary + descriptionLine;
        out += "DTSTART;VALUE=DATE:" + icsDate(item.due) + "\r\n";
        out += "DTEND;VALUE=DATE:" + icsDate(addDays(item.due, 1)) + "\r\n";
        if (item.cadenceDays) {
            out += "RRULE:FREQ=DAILY;INTERVAL=" + std::to_string(*item.cadenceDays) + "\r\n";
        }
        out += "TRANSP:TRANSPARENT\r\n";
        out += "END:VEVENT\r\n";
    }
    out += "END:VCALENDAR\r\n";
    return out;
}

}  // namespace warmpath::exporting
