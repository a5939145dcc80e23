// Commands about people and what the user keeps about them: tag, note, people, person.

#include <charconv>
#include <ostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliContext.h"
#include "JsonShapes.h"
#include "JsonText.h"
#include "ReadCommand.h"
#include "util/DisplayText.h"

namespace warmpath::cli {
namespace {

std::string joined(const std::vector<std::string>& items, std::string_view separator)
{
    std::string text;
    for (const std::string& item : items) {
        text += (text.empty() ? "" : std::string(separator)) + item;
    }
    return text;
}

nlohmann::json followUpJson(const PersonDetails& details)
{
    if (!details.followUp && !details.due) {
        return nullptr;
    }
    const FollowUpRecord record = details.followUp.value_or(FollowUpRecord{});
    auto dateOrNull = [](const std::string& date) {
        return date.empty() ? nlohmann::json(nullptr) : nlohmann::json(date);
    };
    return {{"due", details.due ? nlohmann::json(formatDate(details.due->due)) : nlohmann::json(nullptr)},
            {"days_overdue", details.due ? nlohmann::json(details.due->daysOverdue) : nlohmann::json(nullptr)},
            {"cadence_days", details.due ? orNull(details.due->cadenceDays) : orNull(record.cadenceDays)},
            {"last_contacted", dateOrNull(record.lastContacted)},
            {"snoozed_until", dateOrNull(record.snoozedUntil)},
            {"done", record.done}};
}

void registerTagCommands(CLI::App& app, CliContext& context)
{
    auto* tag = app.add_subcommand("tag", "Add, remove and list tags; give a tag a follow-up cadence");
    tag->require_subcommand(1);
    for (const bool adding : {true, false}) {
        auto* command = tag->add_subcommand(adding ? "add" : "remove",
                                            adding ? "Give the person REF one or more tags (created when new)"
                                                   : "Take one or more tags from the person REF");
        auto ref = std::make_shared<std::string>();
        auto names = std::make_shared<std::vector<std::string>>();
        command->add_option("REF", *ref, "The person")->required();
        command->add_option("TAG", *names, "Tag names")->required()->expected(1, -1);
        context.addCommand(command, [&context, ref, names, adding]() {
            const auto person = context.resolve(*ref);
            if (!person) {
                return static_cast<int>(kExitFailure);
            }
            Workspace* ws = context.workspace();
            const auto changed = adding ? ws->addTags(*person, *names) : ws->removeTags(*person, *names);
            if (!changed) {
                return context.fail(changed.error());
            }
            context.out() << (adding ? "tagged " : "untagged ") << context.refOf(*person) << ": "
                          << (changed->empty() ? std::string("no change") : joined(*changed, ", ")) << '\n';
            return static_cast<int>(kExitOk);
        });
    }
    {
        auto* command = tag->add_subcommand("list", "List the tags with how many people carry each and its cadence");
        addReadCommand(
            context, command, [](Workspace& ws) { return ws.tags(); },
            [](const std::vector<TagInfo>& tags) -> nlohmann::json {
                nlohmann::json list = nlohmann::json::array();
                for (const TagInfo& t : tags) {
                    list.push_back({{"name", t.name}, {"count", t.count}, {"cadence_days", orNull(t.cadenceDays)}});
                }
                return {{"tags", list}};
            },
            [](const std::vector<TagInfo>& tags, std::ostream& out) {
                for (const TagInfo& t : tags) {
                    out << displaySafe(t.name) << '\t' << t.count
                        << (t.cadenceDays ? "\tevery " + std::to_string(*t.cadenceDays) + " days" : "") << '\n';
                }
            });
    }
    {
        auto* command = tag->add_subcommand(
            "cadence", "Set how often (in days) people with TAG are due a follow-up, unless they have their own "
                       "cadence; 'none' clears it");
        auto name = std::make_shared<std::string>();
        auto days = std::make_shared<std::string>();
        command->add_option("TAG", *name, "The tag (created when new)")->required();
        command->add_option("DAYS", *days, "Days between follow-ups, or none")->required();
        context.addCommand(command, [&context, name, days]() {
            std::optional<int> cadence;
            if (*days != "none") {
                try {
                    std::size_t used = 0;
                    cadence = std::stoi(*days, &used);
                    if (used != days->size() || *cadence <= 0) {
                        throw std::invalid_argument(*days);
                    }
                } catch (const std::exception&) {
                    return context.usage("DAYS must be a whole number greater than 0, or none");
                }
            }
            Workspace* ws = context.workspace();
            if (ws == nullptr) {
                return static_cast<int>(kExitFailure);
            }
            if (Status set = ws->setTagCadence(*name, cadence); !set) {
                return context.fail(set.error());
            }
            context.out() << "tag " << *name
                          << (cadence ? ": every " + std::to_string(*cadence) + " days" : ": no cadence") << '\n';
            return static_cast<int>(kExitOk);
        });
    }
}

void registerNoteCommands(CLI::App& app, CliContext& context)
{
    auto* note = app.add_subcommand("note", "Keep notes about people");
    note->require_subcommand(1);
    auto* command = note->add_subcommand("add", "Add a note about the person REF");
    auto ref = std::make_shared<std::string>();
    auto text = std::make_shared<std::string>();
    command->add_option("REF", *ref, "The person")->required();
    command->add_option("TEXT", *text, "The note")->required();
    context.addCommand(command, [&context, ref, text]() {
        const auto person = context.resolve(*ref);
        if (!person) {
            return static_cast<int>(kExitFailure);
        }
        const auto added = context.workspace()->addNote(*person, *text);
        if (!added) {
            return context.fail(added.error());
        }
        context.out() << "note #" << added->id << " added to " << context.refOf(*person) << '\n';
        return static_cast<int>(kExitOk);
    });
}

void registerPeopleCommand(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand("people", "List people, optionally only those with a tag, at a degree "
                                                 "from me, matching a search, or by who follows whom");
    struct Args {
        PeopleQuery query;
        int degree = 0;
        CLI::Option* degreeOption = nullptr;
        int followedBy = 0;
        CLI::Option* followedByOption = nullptr;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    command->add_option("--tag", args->query.tag, "Only people with this tag")->type_name("TAG");
    args->degreeOption = command->add_option("--degree", args->degree, "Only people N hops from me")
                             ->type_name("N")
                             ->check(CLI::NonNegativeNumber);
    command
        ->add_option("--search", args->query.search,
                     "Only people whose name, organisation, title or identity "
                     "contains TEXT (ignoring case)")
        ->type_name("TEXT");
    command->add_flag("--follows-me-not-back", args->query.follows.followsMeNotBack,
                      "Only people who follow me and whom I do not follow");
    command->add_flag("--not-following-back", args->query.follows.notFollowingBack,
                      "Only people I follow who do not follow me");
    args->followedByOption = command
                                 ->add_option("--followed-by-my-follows", args->followedBy,
                                              "Only people followed by at least N of the people I follow")
                                 ->type_name("N")
                                 ->check(CLI::Validator(
                                     [](const std::string& text) -> std::string {
                                         int n = 0;
                                         const auto* end = text.data() + text.size();
                                         const auto [at, error] = std::from_chars(text.data(), end, n);
                                         if (error != std::errc() || at != end || n < 1) {
                                             return "N must be a whole number of people, 1 or more, not '" + text + "'";
                                         }
                                         return {};
                                     },
                                     "N >= 1"));
    command->add_flag("--json", args->json, "Print one JSON object");
    context.addQuery(command, [&context, args]() {
        Workspace* ws = context.workspace();
        if (ws == nullptr) {
            return static_cast<int>(kExitFailure);
        }
        PeopleQuery q = args->query;
        if (args->degreeOption->count() > 0) {
            q.degree = args->degree;
        }
        if (args->followedByOption->count() > 0) {
            q.follows.followedByMyFollows = args->followedBy;
        }
        const bool json = args->json;
        // Rows go out as they are read: a million people must not become a list in memory.
        // The JSON is the one `{"people":[...]}` document printJson would print, element by
        // element, begun with the first row so that a query refused at once prints nothing.
        std::ostream& out = context.out();
        const DegreeLookup degrees = json ? ws->degreeLookup() : DegreeLookup{};
        bool first = true;
        const Status listed = ws->forEachPerson(q, [&](const PersonListRow& row) {
            if (json) {
                const nlohmann::json element{
                    {"ref", row.ref},
                    {"name", row.person.displayName},
                    {"degree", degrees ? orNull(degrees(row.person.id)) : nlohmann::json(nullptr)},
                    {"organisation", row.person.organisation},
                    {"tags", row.tags}};
                out << (first ? R"({"people":[)" : ",") << jsonText(element);
                first = false;
                return;
            }
            out << row.ref << '\t' << displaySafe(row.person.displayName) << '\t'
                << displaySafe(row.person.organisation) << '\t' << displaySafe(joined(row.tags, ", ")) << '\n';
        });
        if (!listed) {
            if (!first) {
                out << '\n';  // what was printed is not the document; the error says why
            }
            return context.fail(listed.error());
        }
        if (json) {
            out << (first ? R"({"people":[)" : "") << "]}\n";
        }
        return static_cast<int>(kExitOk);
    });
}

void registerPersonCommand(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand(
        "person", "Show one person: identities, tags, notes, follow-up, intro requests and degree from me");
    auto ref = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    command->add_option("REF", *ref, "The person")->required();
    command->add_flag("--json", *json, "Print one JSON object");
    context.addQuery(command, [&context, ref, json]() {
        const auto person = context.resolve(*ref);
        if (!person) {
            return static_cast<int>(kExitFailure);
        }
        const auto details = context.workspace()->details(*person, today());
        if (!details) {
            return context.fail(details.error());
        }
        const PersonDetails& d = *details;
        if (*json) {
            nlohmann::json identities = nlohmann::json::array();
            for (const Identity& i : d.identities) {
                identities.push_back({{"network", i.network}, {"key", i.key}, {"handle", i.handle}, {"url", i.url}});
            }
            nlohmann::json notes = nlohmann::json::array();
            for (const Note& n : d.notes) {
                notes.push_back({{"id", n.id}, {"text", n.text}, {"created_at", n.createdAt}});
            }
            nlohmann::json intros = nlohmann::json::array();
            for (const IntroRequest& intro : d.introRequests) {
                intros.push_back(introJson(context, intro));
            }
            const auto namedJson = [](const NamedPerson& p) {
                return nlohmann::json{{"ref", p.ref}, {"name", p.name}};
            };
            nlohmann::json mutual = nlohmann::json::array();
            for (const NamedPerson& p : d.mutualContacts) {
                mutual.push_back(namedJson(p));
            }
            nlohmann::json paths = nlohmann::json::array();
            for (const WarmPathView& path : d.paths ? d.paths->paths : std::vector<WarmPathView>{}) {
                nlohmann::json people = nlohmann::json::array();
                for (const NamedPerson& p : path.people) {
                    people.push_back(namedJson(p));
                }
                paths.push_back({{"hops", path.hops}, {"warmth", path.warmth}, {"people", people}});
            }
            context.printJson({{"ref", d.ref},
                               {"name", d.person.displayName},
                               {"organisation", d.person.organisation},
                               {"title", d.person.title},
                               {"location", d.person.location},
                               {"identities", identities},
                               {"tags", d.tags},
                               {"notes", notes},
                               {"follow_up", followUpJson(d)},
                               {"intro_requests", intros},
                               {"degree", orNull(d.degree)},
                               {"mutual_contacts", mutual},
                               {"paths", paths}});
            return static_cast<int>(kExitOk);
        }
        std::ostream& out = context.out();
        out << displaySafe(d.person.displayName) << " (" << d.ref << ")\n";
        if (!d.person.organisation.empty() || !d.person.title.empty()) {
            out << "  works      " << displaySafe(d.person.title) << (d.person.title.empty() ? "" : " at ")
                << displaySafe(d.person.organisation) << '\n';
        }
        out << "  degree     " << (d.degree ? std::to_string(*d.degree) : std::string("unknown")) << '\n';
        for (const Identity& i : d.identities) {
            out << "  identity   " << displaySafe(i.network) << ':' << displaySafe(i.key) << '\n';
        }
        if (!d.tags.empty()) {
            out << "  tags       " << displaySafe(joined(d.tags, ", ")) << '\n';
        }
        if (d.due) {
            out << "  follow-up  due " << formatDate(d.due->due) << " (" << d.due->daysOverdue << " days overdue)"
                << (d.due->cadenceDays ? ", every " + std::to_string(*d.due->cadenceDays) + " days" : "") << '\n';
        }
        for (const Note& n : d.notes) {
            out << "  note       " << n.createdAt << ' ' << displaySafe(n.text) << '\n';
        }
        for (const IntroRequest& intro : d.introRequests) {
            out << "  intro #" << intro.id << "   " << toString(intro.status) << '\n';
        }
        if (!d.mutualContacts.empty()) {
            constexpr std::size_t kNamesShown = 10;
            std::vector<std::string> names;
            for (std::size_t i = 0; i < d.mutualContacts.size() && i < kNamesShown; ++i) {
                names.push_back(displaySafe(d.mutualContacts[i].name));
            }
            out << "  in common  " << d.mutualContacts.size() << ": " << joined(names, ", ")
                << (d.mutualContacts.size() > kNamesShown ? ", ..." : "") << '\n';
        }
        for (const WarmPathView& path : d.paths ? d.paths->paths : std::vector<WarmPathView>{}) {
            std::vector<std::string> names;
            for (const NamedPerson& p : path.people) {
                names.push_back(displaySafe(p.name));
            }
            out << "  path       " << path.hops << " hops, warmth " << path.warmth << ": " << joined(names, " > ")
                << '\n';
        }
        return static_cast<int>(kExitOk);
    });
}

}  // namespace

void registerPeopleCommands(CLI::App& app, CliContext& context)
{
    registerTagCommands(app, context);
    registerNoteCommands(app, context);
    registerPeopleCommand(app, context);
    registerPersonCommand(app, context);
}

}  // namespace warmpath::cli
