#include "CliContext.h"

#include <ostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

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
    auto opened = Workspace::open(path);
    if (!opened) {
        fail(opened.error());
        return nullptr;
    }
    m_workspace = std::move(opened).value();
    return m_workspace.get();
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
    // Replace rather than throw on invalid UTF-8 from outside data: one JSON document, always.
    m_out << document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void CliContext::addCommand(CLI::App* subcommand, std::function<int()> run)
{
    m_commands.emplace_back(subcommand, std::move(run));
}

int CliContext::runParsed()
{
    for (auto& [subcommand, run] : m_commands) {
        if (subcommand->parsed()) {
            return run();
        }
    }
    m_err << "warmpath-cli: error: no command given; run 'warmpath-cli --help' for the list\n";
    return kExitUsage;
}

}  // namespace warmpath::cli
