#pragma once

// The shape every command that only reads shares: open the workspace, ask it one question, print
// the answer as one JSON document (--json) or as text, exit 0, or print the error and exit 1.

#include <memory>
#include <ostream>
#include <utility>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliContext.h"

namespace warmpath::cli {

/// Adds `--json` to `command` and runs it as a read command: `read(Workspace&)` returns a
/// `Result<Answer>`; `toJson(const Answer&)` gives the document printed with --json, and
/// `toText(const Answer&, std::ostream&)` prints the text form otherwise.
template <typename Read, typename ToJson, typename ToText>
void addReadCommand(CliContext& context, CLI::App* command, Read read, ToJson toJson, ToText toText)
{
    auto json = std::make_shared<bool>(false);
    command->add_flag("--json", *json, "Print one JSON object");
    context.addQuery(
        command,
        [&context, json, read = std::move(read), toJson = std::move(toJson), toText = std::move(toText)]() -> int {
            Workspace* ws = context.workspace();
            if (ws == nullptr) {
                return kExitFailure;
            }
            const auto answer = read(*ws);
            if (!answer) {
                return context.fail(answer.error());
            }
            if (*json) {
                context.printJson(toJson(*answer));
            } else {
                toText(*answer, context.out());
            }
            return kExitOk;
        });
}

}  // namespace warmpath::cli
