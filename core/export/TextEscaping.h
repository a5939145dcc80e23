#pragma once

#include <string>
#include <string_view>

namespace warmpath::exporting {

/// Text for XML character data and attribute values: markup characters escaped, and the control
/// characters XML 1.0 forbids dropped.
[[nodiscard]] std::string xmlEscape(std::string_view text);

/// A TEXT value for vCard (RFC 6350 §3.4) and iCalendar (RFC 5545 §3.3.11): backslash, comma,
/// semicolon and line breaks escaped.
[[nodiscard]] std::string contentEscape(std::string_view text);

/// One content line folded as RFC 5545 §3.1 / RFC 6350 §3.2 require: at most 75 octets per
/// physical line, continuation lines start with a space, never splitting a UTF-8 sequence; each
/// physical line ends in CRLF.
[[nodiscard]] std::string foldLine(std::string_view line);

/// One CSV cell (RFC 4180) that a spreadsheet will not run as a formula: a value starting with
/// `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`; quoted when needed.
[[nodiscard]] std::string csvCell(std::string_view value);

}  // namespace warmpath::exporting
