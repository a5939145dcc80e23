#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "Workspace.h"
#include "util/Result.h"

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's namespace
class App;
}

namespace warmpath::cli {

/// Exit codes are part of the CLI's contract (docs/cli.md).
enum ExitCode : int {
    kExitOk = 0,
    kExitFailure = 1,  ///< something failed at run time: bad file, unknown person, network
    kExitUsage = 2,    ///< the command line itself is wrong
};

/// What every command shares: the database to open, where output goes, how errors look.
class CliContext {
public:
    CliContext(std::ostream& out, std::ostream& err) : m_out(out), m_err(err) {}

    std::string databasePath;  ///< from --db; empty means the default location

    /// Opens the workspace on first use. Null after printing the error.
    Workspace* workspace();
    /// Resolves a REF, printing the error when it names nobody or several people.
    std::optional<PersonId> resolve(const std::string& ref);

    /// Prints `warmpath-cli: error: ...` and returns kExitFailure.
    int fail(const Error& error);
    int fail(const std::string& message) { return fail(Error(message)); }
    /// The REF that names `person` best, or `#ID` when it cannot be worked out.
    std::string refOf(PersonId person);
    /// The database file --db names, else the default location; nothing is opened.
    [[nodiscard]] std::filesystem::path databaseFile() const;
    /// Prints `warmpath-cli: error: ...` and returns kExitUsage: the command line is wrong.
    int usage(const std::string& message);

    /// Prints one JSON document and a newline on stdout.
    void printJson(const nlohmann::json& document);

    std::ostream& out() { return m_out; }
    std::ostream& err() { return m_err; }

    /// A command to run when its subcommand was given on the command line.
    void addCommand(CLI::App* subcommand, std::function<int()> run);
    /// Runs the command that was parsed; kExitUsage when none was.
    int runParsed();

private:
    std::ostream& m_out;
    std::ostream& m_err;
    std::unique_ptr<Workspace> m_workspace;
    std::vector<std::pair<CLI::App*, std::function<int()>>> m_commands;
};

/// Each group of commands registers itself on the application (app/cli/commands/*.cpp).
void registerStoreCommands(CLI::App& app, CliContext& context);
void registerGraphCommands(CLI::App& app, CliContext& context);
void registerImportCommands(CLI::App& app, CliContext& context);
void registerPeopleCommands(CLI::App& app, CliContext& context);
void registerFollowUpCommands(CLI::App& app, CliContext& context);
void registerBackupCommands(CLI::App& app, CliContext& context);
void registerExportCommands(CLI::App& app, CliContext& context);
void registerCrawlCommands(CLI::App& app, CliContext& context);

}  // namespace warmpath::cli
