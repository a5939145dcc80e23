// Commands of the follow-up workflow: followup, intro.

#include <ostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliContext.h"
#include "JsonShapes.h"
#include "ReadCommand.h"

namespace warmpath::cli {
namespace {

std::string describe(const FollowUpRecord& record)
{
    std::string text = record.done ? std::string("no follow-up due") : "due " + record.dueDate;
    if (record.cadenceDays) {
        text += ", every " + std::to_string(*record.cadenceDays) + " days";
    }
    if (!record.snoozedUntil.empty()) {
        text += ", snoozed until " + record.snoozedUntil;
    }
    if (!record.lastContacted.empty()) {
        text += ", last contacted " + record.lastContacted;
    }
    return text;
}

void registerFollowUp(CLI::App& app, CliContext& context)
{
    auto* group = app.add_subcommand("followup", "Plan, record and list follow-ups");
    group->require_subcommand(1);
    {
        auto* command = group->add_subcommand("set", "Make the person REF due on DATE (YYYY-MM-DD) or in DAYS days");
        auto ref = std::make_shared<std::string>();
        auto date = std::make_shared<std::string>();
        auto in = std::make_shared<int>(0);
        auto every = std::make_shared<int>(0);
        command->add_option("REF", *ref, "The person")->required();
        auto* dateOption = command->add_option("DATE", *date, "Due date, YYYY-MM-DD");
        auto* inOption = command->add_option("--in", *in, "Due in DAYS days from today")
                             ->type_name("DAYS")
                             ->check(CLI::NonNegativeNumber)
                             ->excludes(dateOption);
        auto* everyOption = command->add_option("--every", *every, "Then every DAYS days (the person's own cadence)")
                                ->type_name("DAYS")
                                ->check(CLI::PositiveNumber);
        context.addCommand(command, [&context, ref, date, in, every, dateOption, inOption, everyOption]() {
            std::optional<Date> due;
            if (dateOption->count() > 0) {
                due = parseDate(*date);
                if (!due) {
                    return context.usage("DATE must be a real day written YYYY-MM-DD, not '" + *date + "'");
                }
            } else if (inOption->count() > 0) {
                due = addDays(today(), *in);
            } else {
                return context.usage("give DATE or --in DAYS");
            }
            const auto person = context.resolve(*ref);
            if (!person) {
                return static_cast<int>(kExitFailure);
            }
            const auto record = context.workspace()->setFollowUp(
                *person, *due, everyOption->count() > 0 ? std::optional<int>(*every) : std::nullopt);
            if (!record) {
                return context.fail(record.error());
            }
            context.out() << context.refOf(*person) << ": " << describe(*record) << '\n';
            return static_cast<int>(kExitOk);
        });
    }
    {
        auto* command = group->add_subcommand(
            "done", "Record contact with the person REF today; with a cadence the next follow-up is planned");
        auto ref = std::make_shared<std::string>();
        command->add_option("REF", *ref, "The person")->required();
        context.addCommand(command, [&context, ref]() {
            const auto person = context.resolve(*ref);
            if (!person) {
                return static_cast<int>(kExitFailure);
            }
            const auto record = context.workspace()->markContacted(*person, today());
            if (!record) {
                return context.fail(record.error());
            }
            context.out() << context.refOf(*person) << ": " << describe(*record) << '\n';
            return static_cast<int>(kExitOk);
        });
    }
    {
        auto* command = group->add_subcommand("snooze", "Put off the follow-up with the person REF for DAYS days");
        auto ref = std::make_shared<std::string>();
        auto days = std::make_shared<int>(0);
        command->add_option("REF", *ref, "The person")->required();
        command->add_option("DAYS", *days, "Days from today")->required()->check(CLI::PositiveNumber);
        context.addCommand(command, [&context, ref, days]() {
            const auto person = context.resolve(*ref);
            if (!person) {
                return static_cast<int>(kExitFailure);
            }
            const auto record = context.workspace()->snoozeFollowUp(*person, *days, today());
            if (!record) {
                return context.fail(record.error());
            }
            context.out() << context.refOf(*person) << ": " << describe(*record) << '\n';
            return static_cast<int>(kExitOk);
        });
    }
    {
        auto* command = group->add_subcommand("list", "List who is due a follow-up, most overdue first");
        auto overdue = std::make_shared<bool>(false);
        command->add_flag("--overdue", *overdue, "Only those due today or earlier");
        addReadCommand(
            context, command, [overdue](Workspace& ws) { return ws.followUpQueue(today(), *overdue); },
            [&context](const std::vector<FollowUpItem>& queue) -> nlohmann::json {
                nlohmann::json list = nlohmann::json::array();
                for (const FollowUpItem& item : queue) {
                    list.push_back({{"ref", context.refOf(item.person)},
                                    {"name", item.name},
                                    {"due", formatDate(item.due)},
                                    {"days_overdue", item.daysOverdue},
                                    {"cadence_days", orNull(item.cadenceDays)}});
                }
                return {{"followups", list}};
            },
            [&context](const std::vector<FollowUpItem>& queue, std::ostream& out) {
                for (const FollowUpItem& item : queue) {
                    out << formatDate(item.due) << '\t' << item.daysOverdue << '\t' << context.refOf(item.person)
                        << '\t' << item.name << '\n';
                }
            });
    }
}

void registerIntro(CLI::App& app, CliContext& context)
{
    auto* group = app.add_subcommand("intro", "Draft and track requests for introductions");
    group->require_subcommand(1);
    {
        auto* command = group->add_subcommand(
            "draft", "Draft a request for an introduction on the way to TARGET (asking --via REF, by default the "
                     "first hop of the warmest path, for the next person on the path) and print the message");
        auto target = std::make_shared<std::string>();
        auto via = std::make_shared<std::string>();
        command->add_option("TARGET", *target, "The person to be introduced to")->required();
        auto* viaOption = command->add_option("--via", *via, "The person to ask")->type_name("REF");
        context.addCommand(command, [&context, target, via, viaOption]() {
            const auto targetId = context.resolve(*target);
            if (!targetId) {
                return static_cast<int>(kExitFailure);
            }
            std::optional<PersonId> introducer;
            if (viaOption->count() > 0) {
                introducer = context.resolve(*via);
                if (!introducer) {
                    return static_cast<int>(kExitFailure);
                }
            }
            Workspace* ws = context.workspace();
            if (ws == nullptr) {
                return static_cast<int>(kExitFailure);
            }
            const auto draft = ws->composeIntro(*targetId, introducer);
            if (!draft) {
                return context.fail(draft.error());
            }
            const auto intro = ws->recordIntro(*draft);
            if (!intro) {
                return context.fail(intro.error());
            }
            context.out() << "intro #" << intro->id << ": " << nameOf(context, intro->target) << " via "
                          << (intro->introducer ? nameOf(context, *intro->introducer) : std::string("?"));
            if (draft->next != draft->target) {
                context.out() << ", through " << nameOf(context, draft->next);
            }
            context.out() << " (draft)\n\n" << intro->message << '\n';
            return static_cast<int>(kExitOk);
        });
    }
    {
        auto* command = group->add_subcommand(
            "set", "Move intro request N on; introduced also records that me and the target know each other");
        auto id = std::make_shared<std::int64_t>(0);
        auto status = std::make_shared<std::string>();
        command->add_option("N", *id, "The intro request's number")->required()->check(CLI::PositiveNumber);
        command->add_option("STATUS", *status, "asked, introduced or declined")
            ->required()
            ->check(CLI::IsMember({"asked", "introduced", "declined"}));
        context.addCommand(command, [&context, id, status]() {
            Workspace* ws = context.workspace();
            if (ws == nullptr) {
                return static_cast<int>(kExitFailure);
            }
            const auto intro = ws->setIntroStatus(*id, *introStatusFromString(*status));
            if (!intro) {
                return context.fail(intro.error());
            }
            context.out() << "intro #" << intro->id << ": " << toString(intro->status) << '\n';
            return static_cast<int>(kExitOk);
        });
    }
    {
        auto* command = group->add_subcommand("delete", "Delete intro request N");
        auto id = std::make_shared<std::int64_t>(0);
        command->add_option("N", *id, "The intro request's number")->required()->check(CLI::PositiveNumber);
        context.addCommand(command, [&context, id]() {
            Workspace* ws = context.workspace();
            if (ws == nullptr) {
                return static_cast<int>(kExitFailure);
            }
            const auto intro = ws->deleteIntro(*id);
            if (!intro) {
                return context.fail(intro.error());
            }
            context.out() << "intro #" << intro->id << " deleted: " << nameOf(context, intro->target) << " via "
                          << (intro->introducer ? nameOf(context, *intro->introducer) : std::string("?")) << '\n';
            return static_cast<int>(kExitOk);
        });
    }
    {
        auto* command = group->add_subcommand("list", "List the intro requests");
        addReadCommand(
            context, command, [](Workspace& ws) { return ws.introRequests(); },
            [&context](const std::vector<IntroRequest>& intros) -> nlohmann::json {
                nlohmann::json list = nlohmann::json::array();
                for (const IntroRequest& intro : intros) {
                    list.push_back(introJson(context, intro));
                }
                return {{"intro_requests", list}};
            },
            [&context](const std::vector<IntroRequest>& intros, std::ostream& out) {
                for (const IntroRequest& intro : intros) {
                    out << '#' << intro.id << '\t' << toString(intro.status) << '\t' << nameOf(context, intro.target)
                        << "\tvia " << (intro.introducer ? nameOf(context, *intro.introducer) : std::string("?"))
                        << '\n';
                }
            });
    }
}

}  // namespace

void registerFollowUpCommands(CLI::App& app, CliContext& context)
{
    registerFollowUp(app, context);
    registerIntro(app, context);
}

}  // namespace warmpath::cli
