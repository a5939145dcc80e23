#pragma once

#include <string>
#include <string_view>

namespace warmpath {

/// `text` (a name, an organisation, a tag: anything imported from outside) made safe to show
/// beside other text in a terminal or a widget:
/// - bytes that are not UTF-8 become U+FFFD;
/// - line breaks and tabs (also U+0085, U+2028, U+2029) become a space, so one name stays on its
///   line and cannot forge the next one;
/// - every other control character (C0, DEL, C1, such as the ESC that starts a terminal escape
///   sequence) becomes U+FFFD;
/// - explicit bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed,
///   and text with right-to-left letters is wrapped in FSI … PDI, so it can reorder neither
///   itself into a lie (U+202E then "gpj.exe" shows as "exe.jpg") nor the text around it.
/// Text without any of these comes back byte for byte unchanged.
[[nodiscard]] std::string displaySafe(std::string_view text);

}  // namespace warmpath
