#include "Resources.h"

#include <QFile>

// Q_INIT_RESOURCE must be expanded outside any namespace.
static void initWarmpathResources()
{
    Q_INIT_RESOURCE(warmpath);
}

namespace warmpath::ui {

void ensureResources()
{
    static const bool registered = [] {
        initWarmpathResources();
        return true;
    }();
    Q_UNUSED(registered);
}

QByteArray demoNetworkJson()
{
    ensureResources();
    QFile file(QStringLiteral(":/demo/demo-network.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

QIcon appIcon()
{
    ensureResources();
    QIcon icon(QStringLiteral(":/icons/warmpath.svg"));
    icon.addFile(QStringLiteral(":/icons/warmpath-256.png"), QSize(256, 256));
    return icon;
}

}  // namespace warmpath::ui
