#include "widgets/NetworkBadges.h"

#include <QFont>
#include <QHash>
#include <QPainter>

#include "widgets/RoundGlyph.h"

namespace warmpath::ui {

namespace {

struct KnownNetwork {
    const char* id;
    const char* name;
    const char* glyph;
    QRgb color;
};

constexpr KnownNetwork kKnownNetworks[] = {
    {"linkedin", "LinkedIn", "in", 0x0a66c2}, {"bsky", "Bluesky", "b", 0x1185fe},
    {"mastodon", "Mastodon", "m", 0x6364ff},  {"x", "X", "X", 0x2b3036},
    {"email", "Email", "@", 0x2e7d6b},        {"phone", "Phone", "#", 0x7b5ea7},
};

const KnownNetwork* find(const std::string& network)
{
    for (const KnownNetwork& known : kKnownNetworks) {
        if (network == known.id) {
            return &known;
        }
    }
    return nullptr;
}

constexpr int kGap = 3;

}  // namespace

QString networkName(const std::string& network)
{
    if (const KnownNetwork* known = find(network)) {
        return QString::fromLatin1(known->name);
    }
    return QString::fromStdString(network);
}

QColor networkColor(const std::string& network)
{
    if (const KnownNetwork* known = find(network)) {
        return QColor::fromRgb(known->color);
    }
    const auto hue = static_cast<int>(qHash(QString::fromStdString(network)) % 360U);
    return QColor::fromHsl(hue, 110, 105);
}

QPixmap networkBadge(const std::string& network, int size, qreal devicePixelRatio)
{
    const KnownNetwork* known = find(network);
    const QString glyph = known ? QString::fromLatin1(known->glyph) : networkName(network).left(1).toUpper();
    // The faint light rim keeps dark badges (X) visible on dark backgrounds and disappears on light ones.
    return roundLabel(networkColor(network), glyph, glyph.size() > 1 ? size * 9 / 16 : size * 11 / 16, QFont::Bold,
                      size, devicePixelRatio, QPen(QColor(255, 255, 255, 70), 1.0));
}

QPixmap networkBadges(const std::vector<std::string>& networks, int size, qreal devicePixelRatio)
{
    if (networks.empty()) {
        return {};
    }
    const int count = static_cast<int>(networks.size());
    const QSize logical(count * size + (count - 1) * kGap, size);
    QPixmap pixmap(logical * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);

    QPainter painter(&pixmap);
    int x = 0;
    for (const std::string& network : networks) {
        painter.drawPixmap(x, 0, networkBadge(network, size, devicePixelRatio));
        x += size + kGap;
    }
    return pixmap;
}

}  // namespace warmpath::ui
