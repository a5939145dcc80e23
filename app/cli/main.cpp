// warmpath-cli: the scripting face of Warmpath. Parses arguments, hands the work to the
// Workspace through the command groups in commands/, prints results.

#include <iostream>

#include <CLI/CLI.hpp>

#include "CliContext.h"
#include "Version.h"

int main(int argc, char** argv)
{
    using namespace warmpath::cli;
    CliContext context(std::cout, std::cerr);

    CLI::App app{"Map your professional network: import contacts and follow lists, find warm "
                 "introduction paths, keep tags, notes and follow-ups.",
                 "warmpath-cli"};
    app.set_version_flag("--version", std::string("warmpath-cli ") + warmpath::kVersion);
    app.add_option("--db", context.databasePath,
                   "Database file (default: $WARMPATH_DB, else ~/.local/share/warmpath/warmpath.db)")
        ->type_name("PATH");
    app.require_subcommand(1);
    app.fallthrough();  // `warmpath-cli stats --db x.db` works as well as `--db x.db stats`
    app.footer("REF names a person: me, #ID, NETWORK:KEY (e.g. bsky:ana.bsky.social) or an exact display name.\n"
               "Exit codes: 0 success, 1 failure at run time, 2 usage error. See docs/cli.md.");

    registerStoreCommands(app, context);
    registerGraphCommands(app, context);
    registerImportCommands(app, context);
    registerPeopleCommands(app, context);
    registerFollowUpCommands(app, context);
    registerBackupCommands(app, context);
    registerExportCommands(app, context);
    registerCrawlCommands(app, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        std::cout << app.help();
        return kExitOk;
    } catch (const CLI::CallForAllHelp&) {
        std::cout << app.help("", CLI::AppFormatMode::All);
        return kExitOk;
    } catch (const CLI::CallForVersion&) {
        std::cout << app.version() << '\n';
        return kExitOk;
    } catch (const CLI::ParseError& e) {
        std::cerr << "warmpath-cli: error: " << e.what() << "\nRun 'warmpath-cli --help' for usage.\n";
        return kExitUsage;
    }
    return context.runParsed();
}
