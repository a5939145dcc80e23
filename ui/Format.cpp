#include "Format.h"

#include <QApplication>
#include <QCoreApplication>
#include <QEvent>

namespace warmpath::ui {

namespace {

/// "3 days", "1 week": English plurals spelt out, since the app ships no translations yet.
QString quantity(qint64 count, const QString& singular, const QString& plural)
{
    return QStringLiteral("%1 %2").arg(displayLocale().toString(count), count == 1 ? singular : plural);
}

/// "5 days", "3 weeks", "4 months", "2 years" for a distance in days, rounded down to the largest unit
/// that is at least one whole step (two for weeks, so "10 days" is not "1 week").
QString span(qint64 days)
{
    if (days < 14) {
        return quantity(days, QStringLiteral("day"), QStringLiteral("days"));
    }
    if (days < 60) {
        return quantity(days / 7, QStringLiteral("week"), QStringLiteral("weeks"));
    }
    if (days < 365) {
        return quantity(days / 30, QStringLiteral("month"), QStringLiteral("months"));
    }
    return quantity(days / 365, QStringLiteral("year"), QStringLiteral("years"));
}

QColor blend(const QColor& from, const QColor& to, double amount)
{
    auto mix = [amount](int a, int b) { return static_cast<int>(a + (b - a) * amount); };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()), mix(from.blue(), to.blue()));
}

}  // namespace

QLocale displayLocale()
{
    const QLocale system;
    if (system.language() == QLocale::C) {
        return QLocale(QLocale::English, QLocale::UnitedStates);
    }
    return system;
}

QString personName(const std::string& name, bool isMe)
{
    return isMe ? QCoreApplication::translate("Format", "You") : personName(name);
}

QString personNameWithYou(const std::string& name, bool isMe)
{
    return isMe ? QCoreApplication::translate("Format", "You (%1)").arg(personName(name)) : personName(name);
}

QString formatScore(double score)
{
    constexpr double kSmallest = 0.005;  // what two decimals round up to 0.01
    if (score > 0 && score < kSmallest) {
        return QStringLiteral("<") + displayLocale().toString(0.01, 'f', 2);
    }
    return displayLocale().toString(score, 'f', 2);
}

QDate parseIsoDate(const std::string& text)
{
    if (text.empty()) {
        return {};
    }
    return QDate::fromString(QString::fromStdString(text), Qt::ISODate);
}

QString formatCount(std::int64_t count)
{
    return displayLocale().toString(static_cast<qlonglong>(count));
}

QString formatCount(std::int64_t count, const QString& singular, const QString& plural)
{
    return quantity(count, singular, plural);
}

QString relativeDue(QDate due, QDate today)
{
    const qint64 days = today.daysTo(due);
    if (days == 0) {
        return QStringLiteral("today");
    }
    if (days == 1) {
        return QStringLiteral("tomorrow");
    }
    if (days < 0) {
        return QStringLiteral("overdue %1").arg(span(-days));
    }
    return QStringLiteral("in %1").arg(span(days));
}

QString relativePast(QDate date, QDate today)
{
    const qint64 days = date.daysTo(today);
    if (days == 0) {
        return QStringLiteral("today");
    }
    if (days == 1) {
        return QStringLiteral("yesterday");
    }
    if (days < 0) {
        return relativeDue(date, today);
    }
    return QStringLiteral("%1 ago").arg(span(days));
}

QString mediumDate(QDate date)
{
    return displayLocale().toString(date, QStringLiteral("ddd d MMM yyyy"));
}

QString statsLine(const Stats& stats)
{
    const QString separator = QStringLiteral(" \u00B7 ");
    return formatCount(stats.persons, QStringLiteral("person"), QStringLiteral("people")) + separator +
           formatCount(stats.links, QStringLiteral("link"), QStringLiteral("links")) + separator +
           formatCount(stats.tags, QStringLiteral("tag"), QStringLiteral("tags"));
}

void setTextColour(QWidget* widget, const QColor& colour)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, colour);
    palette.setColor(QPalette::Text, colour);
    widget->setPalette(palette);
}

namespace {

/// Repaints a widget's muted text when the application's palette changes.
class MutedText final : public QObject {
public:
    MutedText(QWidget* widget, QPalette::ColorRole background) : QObject(widget), m_background(background)
    {
        widget->installEventFilter(this);
        apply(widget);
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        // The widget's other colours follow the application's on their own (a PaletteChange); the text
        // colour, set explicitly, is computed again from the new ones.
        if ((event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange) &&
            !m_applying) {
            apply(static_cast<QWidget*>(watched));
        }
        return false;
    }

private:
    void apply(QWidget* widget)
    {
        m_applying = true;
        setTextColour(widget, mutedTextColor(QApplication::palette(widget), m_background));
        m_applying = false;
    }

    QPalette::ColorRole m_background;
    bool m_applying = false;
};

}  // namespace

void setMutedText(QWidget* widget, QPalette::ColorRole background)
{
    constexpr const char* kMuted = "warmpathMutedText";
    if (!widget->property(kMuted).toBool()) {
        widget->setProperty(kMuted, true);
        new MutedText(widget, background);
    }
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < palette.color(QPalette::Text).lightness();
}

QColor overdueColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
}

QColor mutedTextColor(const QPalette& palette, QPalette::ColorRole background)
{
    const QPalette::ColorRole foreground = background == QPalette::Base ? QPalette::Text : QPalette::WindowText;
    return blend(palette.color(foreground), palette.color(background), 0.42);
}

QString degreeBadge(int hops)
{
    switch (hops) {
    case 0:
        return QCoreApplication::translate("Format", "You");
    case 1:
        return QCoreApplication::translate("Format", "1st");
    case 2:
        return QCoreApplication::translate("Format", "2nd");
    case 3:
        return QCoreApplication::translate("Format", "3rd");
    default:
        return QCoreApplication::translate("Format", "%1th").arg(hops);
    }
}

QColor degreeColor(int hops)
{
    switch (hops) {
    case 0:
        return QColor(0xd9, 0x4f, 0x2b);  // you: ember
    case 1:
        return QColor(0xe8, 0x8f, 0x1c);  // 1st: amber
    case 2:
        return QColor(0x2e, 0x9e, 0x8f);  // 2nd: teal
    case 3:
        return QColor(0x4a, 0x78, 0xc8);  // 3rd: blue
    default:
        return QColor(0x8a, 0x8f, 0x9c);  // further: slate
    }
}

}  // namespace warmpath::ui
