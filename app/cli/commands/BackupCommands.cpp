// Commands that copy the whole database out and back: backup, restore.

#include <ostream>

#include <CLI/CLI.hpp>

#include "CliContext.h"
#include "Passphrase.h"

namespace warmpath::cli {

void registerBackupCommands(CLI::App& app, CliContext& context)
{
    {
        auto* command = app.add_subcommand(
            "backup", "Write an encrypted backup of the database to FILE (passphrase from $WARMPATH_PASSPHRASE "
                      "or asked on the terminal)");
        auto file = std::make_shared<std::string>();
        command->add_option("FILE", *file, "The backup file to write")->required();
        context.addQuery(command, [&context, file]() {
            Workspace* ws = context.workspace();
            if (ws == nullptr) {
                return static_cast<int>(kExitFailure);
            }
            const auto passphrase = readPassphrase(context, true);
            if (!passphrase) {
                return static_cast<int>(kExitFailure);
            }
            const auto summary = ws->backup(*file, passphrase->text());
            if (!summary) {
                return context.fail(summary.error());
            }
            context.out() << "backed up " << summary->databaseBytes << " bytes of database to " << *file << " ("
                          << summary->fileBytes << " bytes, AES-256-GCM)\n";
            return static_cast<int>(kExitOk);
        });
    }
    {
        auto* command = app.add_subcommand(
            "restore", "Restore an encrypted backup into the database (or into --into PATH); an existing database "
                       "is replaced only with --force");
        auto file = std::make_shared<std::string>();
        auto into = std::make_shared<std::string>();
        auto force = std::make_shared<bool>(false);
        command->add_option("FILE", *file, "The backup file to read")->required();
        command->add_option("--into", *into, "Restore into this database file instead of --db")->type_name("PATH");
        command->add_flag("--force", *force, "Replace an existing database (after the restored one is verified)");
        context.addCommand(command, [&context, file, into, force]() {
            const std::filesystem::path target = into->empty() ? context.databaseFile() : std::filesystem::path(*into);
            // Before asking for the passphrase: no point typing it to be refused.
            if (Status allowed = checkRestoreTarget(target, *force); !allowed) {
                return context.fail(allowed.error());
            }
            if (std::error_code ec; !std::filesystem::exists(target, ec) && !context.prepareNewDatabase(target)) {
                return static_cast<int>(kExitFailure);
            }
            const auto passphrase = readPassphrase(context, false);
            if (!passphrase) {
                return static_cast<int>(kExitFailure);
            }
            if (Status restored = Workspace::restore(*file, passphrase->text(), target, *force); !restored) {
                return context.fail(restored.error());
            }
            context.out() << "restored " << *file << " into " << target.string() << '\n';
            return static_cast<int>(kExitOk);
        });
    }
}

}  // namespace warmpath::cli
