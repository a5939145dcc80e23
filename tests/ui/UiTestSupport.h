#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QtTest>

#include "Resources.h"
#include "Session.h"
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

/// Someone `hops` from me whose warmest path has exactly that many hops (an invalid id when none).
inline PersonId reachableIn(const ui::Session& session, int hops)
{
    Workspace& workspace = *session.workspace();
    const PersonId me = *workspace.me();
    for (const PersonSummary& row : session.people()) {
        if (session.degreeOf(row.person.id) != hops) {
            continue;
        }
        const auto answer = workspace.warmPaths({.from = me, .to = row.person.id, .k = 1});
        if (answer && !answer->paths.empty() && answer->paths.front().hops == hops) {
            return row.person.id;
        }
    }
    return PersonId();
}

/// Loading the demo takes a moment in a Debug build on a busy machine.
constexpr int kLoadTimeoutMs = 60'000;

/// Opens the bundled demo in `session` and waits until it has loaded (or failed: false).
inline bool openDemo(ui::Session& session)
{
    QSignalSpy loaded(&session, &ui::Session::loaded);
    session.openDemo();
    return loaded.wait(kLoadTimeoutMs) || loaded.count() > 0;
}

}  // namespace warmpath::test
