// export: the network in formats other programs read.

#include <ostream>

#include <CLI/CLI.hpp>

#include "CliContext.h"

namespace warmpath::cli {

void registerExportCommands(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand(
        "export", "Write the network as GraphML or GEXF (Gephi), CSV (spreadsheets), vCard 4.0 (address books) or "
                  "the follow-up queue as iCalendar (calendars and task lists)");
    auto format = std::make_shared<std::string>();
    auto file = std::make_shared<std::string>();
    command->add_option("FORMAT", *format, "graphml, gexf, csv, vcard or ics")
        ->required()
        ->check(CLI::IsMember({"graphml", "gexf", "csv", "vcard", "ics"}));
    command->add_option("FILE", *file, "The file to write (replaced when it exists)")->required();
    context.addQuery(command, [&context, format, file]() {
        Workspace* ws = context.workspace();
        if (ws == nullptr) {
            return static_cast<int>(kExitFailure);
        }
        const auto kind = exporting::exportFormatFromString(*format);
        if (!kind) {
            return context.usage("unknown export format " + *format);
        }
        if (Status written = ws->exportTo(*kind, *file, today()); !written) {
            return context.fail(written.error());
        }
        context.out() << "exported " << *format << " to " << *file << '\n';
        return static_cast<int>(kExitOk);
    });
}

}  // namespace warmpath::cli
