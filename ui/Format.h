#pragma once

#include <cstdint>
#include <string>

#include <QColor>
#include <QDate>
#include <QLocale>
#include <QPalette>
#include <QString>
#include <QWidget>

#include "Workspace.h"
#include "util/DisplayText.h"

// How the GUI words numbers, dates and counts. Pure functions, so that the table, the details panel
// and the status bar say "in 3 days" the same way and tests can pin the wording down.
namespace warmpath::ui {

/// The locale numbers and dates are shown in: the system's, or US English under the C locale (which
/// has no digit grouping and would print "1500 people").
[[nodiscard]] QLocale displayLocale();

[[nodiscard]] inline QString toQString(const std::string& text)
{
    return QString::fromStdString(text);
}

/// A person's name as it came from a file or a server, made safe to show: control characters and
/// line breaks replaced, bidi overrides removed and right-to-left names isolated, so that a name
/// cannot reorder or hide the text around it (the CLI shows names the same way).
[[nodiscard]] inline QString personName(const std::string& name)
{
    return QString::fromStdString(displaySafe(name));
}

/// The me person as the GUI names them wherever they appear (paths, hops, the map): "You", as the
/// details panel does; everyone else by personName().
[[nodiscard]] QString personName(const std::string& name, bool isMe);
/// "You (Sam Lee)" for the me person where the name helps (a tooltip), else personName().
[[nodiscard]] QString personNameWithYou(const std::string& name, bool isMe);

/// A score (warmth, a suggestion's score) with the two decimals every view shows: "0.35", "12.00";
/// a positive score too small for two decimals reads "<0.01" rather than a misleading "0.00".
[[nodiscard]] QString formatScore(double score);

/// `YYYY-MM-DD` as core writes it; an invalid QDate for empty or malformed text.
[[nodiscard]] QDate parseIsoDate(const std::string& text);

/// "1,500".
[[nodiscard]] QString formatCount(std::int64_t count);
/// "1 person", "1,500 people": `singular`/`plural` are the nouns.
[[nodiscard]] QString formatCount(std::int64_t count, const QString& singular, const QString& plural);

/// A due date relative to today: "overdue 5 days", "today", "tomorrow", "in 3 days", "in 2 weeks".
[[nodiscard]] QString relativeDue(QDate due, QDate today);
/// A past date relative to today: "today", "yesterday", "5 days ago", "3 weeks ago", "2 years ago".
[[nodiscard]] QString relativePast(QDate date, QDate today);
/// "Thu 3 Dec 2026".
[[nodiscard]] QString mediumDate(QDate date);

/// "1,500 people · 16,704 links · 9 tags".
[[nodiscard]] QString statsLine(const Stats& stats);

/// True when the palette draws light text on dark backgrounds.
[[nodiscard]] bool isDark(const QPalette& palette);
/// A red for overdue dates that reads on the palette's base colour, light or dark.
[[nodiscard]] QColor overdueColor(const QPalette& palette);
/// Paints `widget`'s text in `colour`, on either background: WindowText and Text are both set, since a
/// widget on a Base background (a panel, a view) paints with Text.
void setTextColour(QWidget* widget, const QColor& colour);

/// Paints `widget`'s text as secondary text (mutedTextColor() on `background`), now and again whenever
/// the application's palette changes (View ▸ Colours), which a colour set once would not follow.
void setMutedText(QWidget* widget, QPalette::ColorRole background = QPalette::Window);

/// Secondary text (captions, hints): the text colour blended towards the background, for text on
/// `background` (QPalette::Window, with WindowText, or QPalette::Base, with Text).
[[nodiscard]] QColor mutedTextColor(const QPalette& palette, QPalette::ColorRole background = QPalette::Window);

/// A degree of separation as a badge: "You" for 0, then "1st", "2nd", "3rd", "4th"...
[[nodiscard]] QString degreeBadge(int hops);
/// The colour of a degree ring, shared by the people list's badges and the map: warm near, cool far.
[[nodiscard]] QColor degreeColor(int hops);

}  // namespace warmpath::ui
