#include "widgets/Palettes.h"

#include <QApplication>
#include <QColor>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace warmpath::ui {

QPalette darkPalette()
{
    const QColor window(0x2a, 0x2d, 0x33);
    const QColor base(0x1f, 0x22, 0x27);
    const QColor text(0xe6, 0xe8, 0xee);
    const QColor disabledText(0x7d, 0x82, 0x8c);
    const QColor highlight(0x3d, 0x8e, 0xe6);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x29, 0x2f));
    palette.setColor(QPalette::ToolTipBase, QColor(0x32, 0x36, 0x3d));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabledText);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x33, 0x37, 0x3e));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x7b, 0x72));
    palette.setColor(QPalette::Light, QColor(0x45, 0x4a, 0x53));
    palette.setColor(QPalette::Midlight, QColor(0x3a, 0x3e, 0x46));
    palette.setColor(QPalette::Mid, QColor(0x24, 0x27, 0x2c));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x1a, 0x1e));
    palette.setColor(QPalette::Shadow, QColor(0x0c, 0x0d, 0x0f));
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    palette.setColor(QPalette::Link, QColor(0x7a, 0xb8, 0xff));
    palette.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xff));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        palette.setColor(QPalette::Disabled, role, disabledText);
    }
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x4a, 0x53));
    return palette;
}

QPalette lightPalette()
{
    QPalette palette(QColor(0xef, 0xf0, 0xf1), QColor(0xf7, 0xf7, 0xf7));
    palette.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    palette.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf6, 0xf7));
    palette.setColor(QPalette::Text, QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::WindowText, QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::ButtonText, QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    palette.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    return palette;
}

namespace {

const QString kPaletteKey = QStringLiteral("view/palette");

/// The desktop's style and palette, kept when ours first replaces them, so that System can go back.
struct SystemLook {
    QString style;
    QPalette palette;
};

std::optional<SystemLook>& systemLook()
{
    static std::optional<SystemLook> look;  // NOLINT: one GUI thread
    return look;
}

PaletteMode& appliedMode()
{
    static PaletteMode mode = PaletteMode::System;  // NOLINT: one GUI thread
    return mode;
}

}  // namespace

QString paletteModeName(PaletteMode mode)
{
    switch (mode) {
    case PaletteMode::Light:
        return QStringLiteral("light");
    case PaletteMode::Dark:
        return QStringLiteral("dark");
    case PaletteMode::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<PaletteMode> paletteModeFromName(const QString& name)
{
    for (const PaletteMode mode : {PaletteMode::System, PaletteMode::Light, PaletteMode::Dark}) {
        if (name == paletteModeName(mode)) {
            return mode;
        }
    }
    return std::nullopt;
}

void applyPalette(PaletteMode mode)
{
    if (mode == appliedMode()) {
        return;
    }
    std::optional<SystemLook>& system = systemLook();
    if (!system) {
        system = SystemLook{.style = QApplication::style()->name(), .palette = QApplication::palette()};
    }
    if (mode == PaletteMode::System) {
        QApplication::setStyle(QStyleFactory::create(system->style));
        QApplication::setPalette(system->palette);
    } else {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(mode == PaletteMode::Dark ? darkPalette() : lightPalette());
    }
    appliedMode() = mode;
}

PaletteMode currentPaletteMode()
{
    return appliedMode();
}

PaletteMode storedPaletteMode(const QSettings& settings)
{
    return paletteModeFromName(settings.value(kPaletteKey).toString()).value_or(PaletteMode::System);
}

void storePaletteMode(QSettings& settings, PaletteMode mode)
{
    settings.setValue(kPaletteKey, paletteModeName(mode));
}

}  // namespace warmpath::ui
