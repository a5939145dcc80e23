// warmpath: the desktop face of Warmpath. Parses arguments, opens the database the user asked for
// through the Session and shows the MainWindow; with --screenshot it renders one frame to a PNG and exits.

#include <cstdio>
#include <cstring>
#include <memory>

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSettings>
#include <QStatusBar>
#include <QStringList>
#include <QTimer>

#include "MainWindow.h"
#include "Paths.h"
#include "Resources.h"
#include "Session.h"
#include "Version.h"
#include "widgets/Palettes.h"

namespace {

using warmpath::ui::MainWindow;
using warmpath::ui::Session;

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
/// "WxH", e.g. "1024x700"; an invalid size for anything else.
QSize parseSize(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    bool width = false;
    bool height = false;
    const QSize size = parts.size() == 2 ? QSize(parts[0].toInt(&width), parts[1].toInt(&height)) : QSize();
    return width && height && size.width() >= 320 && size.height() >= 240 ? size : QSize();
}
constexpr int kScreenshotTimeoutMs = 120'000;

void printError(const QString& message)
{
    std::fprintf(stderr, "warmpath: %s\n", qUtf8Printable(message));
}

struct ViewName {
    const char* name;
    MainWindow::View view;
};

constexpr ViewName kViews[] = {
    {"people", MainWindow::View::People},       {"map", MainWindow::View::Map},
    {"paths", MainWindow::View::Paths},         {"suggestions", MainWindow::View::Suggestions},
    {"followups", MainWindow::View::FollowUps},
};

/// Where the window starts: --db, a file given by the desktop (Exec=warmpath %F), --demo, else the default
/// database when there is one, else the demo, so that a first run shows something worth looking at.
void openInitialWorkspace(Session& session, const QString& dbPath, const QString& fileArgument, bool demo)
{
    if (!dbPath.isEmpty()) {
        // Like warmpath-cli's commands that write: a new database in a folder that exists (core refuses to
        // create folders, so a mistyped path leaves nothing behind), and stderr says one was created.
        if (!QFileInfo::exists(dbPath)) {
            QObject::connect(
                &session, &Session::loaded, &session,
                [dbPath] { printError(QStringLiteral("note: created a new database at %1").arg(dbPath)); },
                Qt::SingleShotConnection);
        }
        session.openDatabase(dbPath, warmpath::OpenMode::CreateIfMissing);
    } else if (!fileArgument.isEmpty()) {
        session.openDatabase(fileArgument, warmpath::OpenMode::MustExist);
    } else if (demo) {
        session.openDemo();
    } else {
        const QString defaultPath = QFile::decodeName(warmpath::defaultDatabasePath().c_str());
        if (QFile::exists(defaultPath)) {
            session.openDatabase(defaultPath, warmpath::OpenMode::MustExist);
        } else {
            session.openDemo();
        }
    }
}

/// Resolves REF in the loaded workspace and selects that person; says why on stderr when it cannot.
void selectRef(Session& session, MainWindow& window, const QString& ref)
{
    auto person = session.workspace()->resolve(ref.toStdString());
    if (!person) {
        const QString message =
            QStringLiteral("--select %1: %2").arg(ref, QString::fromStdString(person.error().describe()));
        printError(message);
        window.statusBar()->showMessage(message, 10'000);
        return;
    }
    window.selectPerson(*person);
}

/// Renders the window to `path` once the event loop has processed everything the load set in motion
/// (layout requests, the view's delayed item layout, the map's layout off the UI thread), then quits with
/// the outcome.
void saveScreenshotSoon(MainWindow& window, const QString& path, QSize size)
{
    QTimer::singleShot(0, &window, [&window, path, size] {
        if (!window.isSettled()) {
            QTimer::singleShot(50, &window, [&window, path, size] { saveScreenshotSoon(window, path, size); });
            return;
        }
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QImage image = window.grab().toImage();
        if (image.size() != size) {  // a device pixel ratio other than 1
            image = image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        }
        if (!image.save(path, "PNG")) {
            printError(QStringLiteral("could not write the screenshot to %1").arg(path));
            QCoreApplication::exit(kExitFailure);
            return;
        }
        QCoreApplication::exit(kExitOk);
    });
}

/// `--help` and `--version` only print, so they get an application without a GUI and work where there is
/// no display (over ssh, in a build log). The pattern is the one QApplication's documentation suggests.
std::unique_ptr<QCoreApplication> createApplication(int& argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char* textOnly : {"-h", "-?", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], textOnly) == 0) {
                return std::make_unique<QCoreApplication>(argc, argv);
            }
        }
    }
    return std::make_unique<QApplication>(argc, argv);
}

}  // namespace

int main(int argc, char* argv[])
{
    const std::unique_ptr<QCoreApplication> app = createApplication(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Warmpath"));
    QCoreApplication::setApplicationName(QStringLiteral("Warmpath"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(warmpath::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Map your professional network and find warm introductions.\n\n"
                       "REF names a person: me, #ID, NETWORK:KEY (e.g. bsky:ana.bsky.social) or an exact name."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QStringLiteral("Open the database at PATH; a missing one is created (in a folder that exists)."),
        QStringLiteral("PATH"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QStringLiteral("Explore the bundled demo network (nothing is saved)."));
    const QCommandLineOption selectOption(
        QStringLiteral("select"), QStringLiteral("Select the person REF names once loaded."), QStringLiteral("REF"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Render the window to FILE (PNG) and exit."),
                                              QStringLiteral("FILE"));
    const QCommandLineOption viewOption(QStringLiteral("view"),
                                        QStringLiteral("Start in VIEW: people, map, paths, suggestions or followups."),
                                        QStringLiteral("VIEW"), QStringLiteral("people"));
    const QCommandLineOption paletteOption(
        QStringLiteral("palette"),
        QStringLiteral("Colours for this run: system (the desktop's), light or dark; otherwise those "
                       "chosen in View > Colours."),
        QStringLiteral("MODE"), QStringLiteral("system"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("The --screenshot's size in pixels (default 1440x900)."),
                                        QStringLiteral("WxH"), QStringLiteral("1440x900"));
    parser.addOptions({dbOption, demoOption, selectOption, screenshotOption, sizeOption, viewOption, paletteOption});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A database to open (as from a file manager)."),
                                 QStringLiteral("[FILE]"));

    if (!parser.parse(QCoreApplication::arguments())) {
        printError(parser.errorText() + QStringLiteral("\nRun 'warmpath --help' for usage."));
        return kExitUsage;
    }
    if (parser.isSet(helpOption)) {
        parser.showHelp(kExitOk);
    }
    if (parser.isSet(versionOption)) {
        parser.showVersion();
    }
    const QStringList files = parser.positionalArguments();
    const int sources =
        (parser.isSet(dbOption) ? 1 : 0) + (parser.isSet(demoOption) ? 1 : 0) + static_cast<int>(files.size());
    if (sources > 1) {
        printError(QStringLiteral("choose one of --db PATH, --demo or a FILE"));
        return kExitUsage;
    }
    const QString viewName = parser.value(viewOption);
    const ViewName* view = nullptr;
    for (const ViewName& candidate : kViews) {
        if (viewName == QLatin1String(candidate.name)) {
            view = &candidate;
        }
    }
    if (!view) {
        printError(QStringLiteral("unknown view '%1': use people, map, paths, suggestions or followups").arg(viewName));
        return kExitUsage;
    }

    const auto paletteMode = warmpath::ui::paletteModeFromName(parser.value(paletteOption));
    if (!paletteMode) {
        printError(QStringLiteral("unknown palette '%1': use system, light or dark").arg(parser.value(paletteOption)));
        return kExitUsage;
    }
    const bool screenshot = parser.isSet(screenshotOption);
    // --palette is for this run; otherwise the colours chosen in View > Colours last time (a screenshot
    // depends on no settings).
    warmpath::ui::applyPalette(
        parser.isSet(paletteOption) || screenshot ? *paletteMode : warmpath::ui::storedPaletteMode(QSettings()));

    QGuiApplication::setApplicationDisplayName(QStringLiteral("Warmpath"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.warmpath.Warmpath"));
    QGuiApplication::setWindowIcon(warmpath::ui::appIcon());

    const QString screenshotPath = parser.value(screenshotOption);
    const QSize screenshotSize = parseSize(parser.value(sizeOption));
    if (!screenshotSize.isValid()) {
        printError(QStringLiteral("--size %1: give WIDTHxHEIGHT, at least 320x240").arg(parser.value(sizeOption)));
        return kExitUsage;
    }

    Session session;
    MainWindow window(session, MainWindow::Options{.persistState = !screenshot});
    if (parser.isSet(viewOption) || screenshot) {
        window.showView(view->view);  // otherwise the tab the user was on last time
    }
    if (screenshot) {
        window.resize(screenshotSize);
    }

    const QString ref = parser.value(selectOption);
    QObject::connect(
        &session, &Session::loaded, &window,
        [&] {
            if (!ref.isEmpty()) {
                selectRef(session, window, ref);
            }
            if (screenshot) {
                saveScreenshotSoon(window, screenshotPath, screenshotSize);
            }
        },
        Qt::SingleShotConnection);
    QObject::connect(&session, &Session::failed, &window, [&](const QString& message) {
        printError(message);
        if (screenshot) {
            QCoreApplication::exit(kExitFailure);
        }
    });
    if (screenshot) {
        QTimer::singleShot(kScreenshotTimeoutMs, &window, [] {
            printError(QStringLiteral("gave up waiting for the workspace to load"));
            QCoreApplication::exit(kExitFailure);
        });
    }

    openInitialWorkspace(session, parser.value(dbOption), files.value(0), parser.isSet(demoOption));
    window.show();
    return QCoreApplication::exec();
}
