#include "CliContext.h"

#include <ostream>
#include <system_error>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "JsonText.h"
#include "Paths.h"

namespace warmpath::cli {

std::filesystem::path CliContext::databaseFile() const
{
    return databasePath.empty() ? defaultDatabasePath() : std::filesystem::path(databasePath);
}

std::string CliContext::refOf(PersonId person)
{
    Workspace* ws = workspace();
    if (ws != nullptr) {
        if (auto ref = ws->refOf(person)) {
            return std::move(ref).value();
        }
    }
    return "#" + std::to_string(person.value());
}

int CliContext::usage(const std::string& message)
{
    m_err << "warmpath-cli: error: " << message << "\nRun 'warmpath-cli --help' for usage.\n";
    return kExitUsage;
}

Workspace* CliContext::workspace()
{
    if (m_workspace) {
        return m_workspace.get();
    }
    const std::filesystem::path path = databaseFile();
    std::error_code ec;
    const bool isNew = !std::filesystem::exists(std::filesystem::symlink_status(path, ec));
    if (isNew && m_access == Access::Read) {
        // A mistyped --db must not look like an empty network: say so, and leave no file behind.
        fail(Error("no such database; nothing was created (check --db, or start one with "
                   "'warmpath-cli import FILE')",
                   path.string()));
        return nullptr;
    }
    if (isNew && !prepareNewDatabase(path)) {
        return nullptr;
    }
    auto opened = Workspace::open(path, m_access == Access::Read ? OpenMode::MustExist : OpenMode::CreateIfMissing);
    if (!opened) {
        fail(opened.error());
        return nullptr;
    }
    m_createdDatabase = isNew;
    m_workspace = std::move(opened).value();
    return m_workspace.get();
}

bool CliContext::prepareNewDatabase(const std::filesystem::path& target)
{
    if (databasePath.empty() && target == defaultDatabasePath()) {
        if (Status ready = prepareDefaultDatabaseFolder(); !ready) {
            fail(ready.error());
            return false;
        }
    }
    if (Status folder = checkNewDatabaseFolder(target); !folder) {
        fail(folder.error());
        return false;
    }
    return true;
}

std::optional<PersonId> CliContext::resolve(const std::string& ref)
{
    Workspace* ws = workspace();
    if (ws == nullptr) {
        return std::nullopt;
    }
    auto person = ws->resolve(ref);
    if (!person) {
        fail(person.error());
        return std::nullopt;
    }
    return *person;
}

int CliContext::fail(const Error& error)
{
    m_err << "warmpath-cli: error: " << error.describe() << '\n';
    return kExitFailure;
}

void CliContext::printJson(const nlohmann::json& document)
{
    m_out << jsonText(document) << '\n';
}

void CliContext::addCommand(CLI::App* subcommand, std::function<int()> run)
{
    m_commands.push_back({subcommand, Access::Write, std::move(run)});
}

void CliContext::addQuery(CLI::App* subcommand, std::function<int()> run)
{
    m_commands.push_back({subcommand, Access::Read, std::move(run)});
}

void CliContext::removeCreatedDatabase()
{
    const std::filesystem::path path = databaseFile();
    m_workspace.reset();
    m_createdDatabase = false;
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".graph"}) {
        std::error_code ec;
        std::filesystem::remove(path.string() + suffix, ec);
    }
}

int CliContext::runParsed()
{
    for (Command& command : m_commands) {
        if (command.subcommand->parsed()) {
            m_access = command.access;
            const int exitCode = command.run();
            if (m_createdDatabase && exitCode != kExitOk && m_workspace && !m_workspace->storedAnythingSinceOpen()) {
                // A command that failed before it stored anything (a refused import, say) leaves no
                // empty database behind that would look like the user's network later.
                removeCreatedDatabase();
                return exitCode;
            }
            // After the command's own output and errors, so that an error is still the first line
            // of stderr; and whether the command succeeded or not, the database is there now.
            if (m_createdDatabase) {
                m_err << "warmpath-cli: note: created a new database at " << databaseFile().string() << '\n';
            }
            return exitCode;
        }
    }
    m_err << "warmpath-cli: error: no command given; run 'warmpath-cli --help' for the list\n";
    return kExitUsage;
}

}  // namespace warmpath::cli
