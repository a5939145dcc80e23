#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
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

/// What a command does with the database, which decides what happens when the database does not exist
/// yet (docs/cli.md, "The database"): every command is registered as one or the other.
enum class Access {
    Read,   ///< addQuery(): a missing database is an error (exit 1) and nothing is created
    Write,  ///< addCommand(): a missing database is created, only in a folder that exists, and stderr says so
};

/// What every command shares: the database to open, where output goes, how errors look.
class CliContext {
public:
    CliContext(std::ostream& out, std::ostream& err) : m_out(out), m_err(err) {}

    std::string databasePath;  ///< from --db; empty means the default location

    /// Opens the workspace on first use, as the running command's Access allows. Null after printing
    /// the error.
    Workspace* workspace();
    /// Makes `target`, a database file a command is about to create by other means than opening it
    /// (restore), acceptable under the same rules: its folder must exist, except the default
    /// location's own folder, which is created. Prints the error and returns false otherwise.
    bool prepareNewDatabase(const std::filesystem::path& target);
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

    /// A command that may change the database, to run when its subcommand was given on the command
    /// line: a missing database is created for it (Access::Write).
    void addCommand(CLI::App* subcommand, std::function<int()> run);
    /// A command that only reads the database: a missing database is an error, and nothing is
    /// created (Access::Read).
    void addQuery(CLI::App* subcommand, std::function<int()> run);
    /// Runs the command that was parsed; kExitUsage when none was.
    int runParsed();

private:
    std::ostream& m_out;
    std::ostream& m_err;
    struct Command {
        CLI::App* subcommand;
        Access access;
        std::function<int()> run;
    };

    std::unique_ptr<Workspace> m_workspace;
    std::vector<Command> m_commands;
    Access m_access = Access::Read;  ///< of the command that runs
    bool m_createdDatabase = false;  ///< opening it for the command created the database
    void removeCreatedDatabase();
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
