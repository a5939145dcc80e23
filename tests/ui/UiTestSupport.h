#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QtTest>

#include "Resources.h"
#include "Workspace.h"

namespace warmpath::test {

/// An in-memory workspace holding the bundled demo network, loaded as the GUI loads it.
inline std::unique_ptr<Workspace> demoWorkspace()
{
    auto workspace = Workspace::openInMemory();
    const QByteArray json = ui::demoNetworkJson();
    if (json.isEmpty()) {
        qFatal("the demo network resource is missing");
    }
    const auto loaded =
        workspace->loadDemoNetwork(std::string_view(json.constData(), static_cast<std::size_t>(json.size())), today());
    if (!loaded) {
        qFatal("could not load the demo network: %s", loaded.error().describe().c_str());
    }
    return workspace;
}

/// Everyone in the demo network, as the people list shows them.
inline std::vector<PersonSummary> demoPeople()
{
    return *demoWorkspace()->peopleSummaries();
}

inline void writeTextFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

/// Loading the demo takes a moment in a Debug build on a busy machine.
constexpr int kLoadTimeoutMs = 60'000;

}  // namespace warmpath::test
