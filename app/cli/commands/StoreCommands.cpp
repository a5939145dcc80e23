// Commands about the database itself: stats, me.

#include <ostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliContext.h"
#include "ReadCommand.h"

namespace warmpath::cli {

void registerStoreCommands(CLI::App& app, CliContext& context)
{
    {
        auto* command = app.add_subcommand("stats", "Count the people, identities, links, tags and imports");
        addReadCommand(
            context, command, [](Workspace& ws) { return ws.stats(); },
            [](const Stats& stats) -> nlohmann::json {
                return {{"persons", stats.persons},
                        {"identities", stats.identities},
                        {"links", stats.links},
                        {"tags", stats.tags},
                        {"imports", stats.imports}};
            },
            [](const Stats& stats, std::ostream& out) {
                out << "persons     " << stats.persons << '\n'
                    << "identities  " << stats.identities << '\n'
                    << "links       " << stats.links << '\n'
                    << "tags        " << stats.tags << '\n'
                    << "imports     " << stats.imports << '\n';
            });
    }
    {
        auto* command = app.add_subcommand(
            "me", "Make the person REF the me person; everything recorded on the old me is merged into them");
        auto ref = std::make_shared<std::string>();
        command->add_option("REF", *ref, "The person who is you")->required();
        context.addCommand(command, [&context, ref]() {
            const auto person = context.resolve(*ref);
            if (!person) {
                return static_cast<int>(kExitFailure);
            }
            Workspace* ws = context.workspace();
            if (const Status done = ws->makeMe(*person); !done) {
                return context.fail(done.error());
            }
            const auto details = ws->person(*person);
            context.out() << "me is now " << (details ? details->displayName : std::string("#")) << " (#"
                          << person->value() << ")\n";
            return static_cast<int>(kExitOk);
        });
    }
}

}  // namespace warmpath::cli
