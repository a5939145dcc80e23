// Questions about the graph: degrees, path (warm paths and batch separation), suggest.

#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <ostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliContext.h"

namespace warmpath::cli {
namespace {

nlohmann::json personJson(const NamedPerson& p)
{
    return {{"ref", p.ref}, {"name", p.name}};
}

/// Rounds for printing: scores and warmth are shown to 6 significant digits.
double rounded(double x)
{
    std::ostringstream text;
    text << std::setprecision(6) << x;
    return std::stod(text.str());
}

int runPairs(CliContext& context, const std::string& file, Direction direction)
{
    std::ifstream fileStream;
    std::istream* in = &std::cin;
    if (file != "-") {
        fileStream.open(file);
        if (!fileStream) {
            return context.fail(Error("cannot read the pairs file", file));
        }
        in = &fileStream;
    }
    Workspace* ws = context.workspace();
    if (ws == nullptr) {
        return kExitFailure;
    }
    std::map<std::string, PersonId> resolved;
    std::map<PersonId, std::string> refs;
    std::vector<std::pair<PersonId, PersonId>> pairs;
    std::string line;
    std::size_t lineNo = 0;
    auto lookup = [&](const std::string& text) -> std::optional<PersonId> {
        if (auto it = resolved.find(text); it != resolved.end()) {
            return it->second;
        }
        auto person = ws->resolve(text);
        if (!person) {
            Error error = person.error();
            error.file = file == "-" ? "<stdin>" : file;
            error.line = lineNo;
            context.fail(error);
            return std::nullopt;
        }
        resolved.emplace(text, *person);
        return *person;
    };
    while (std::getline(*in, line)) {
        ++lineNo;
        std::istringstream fields(line);
        std::string from;
        std::string to;
        if (!(fields >> from)) {
            continue;  // blank line
        }
        std::string extra;
        if (!(fields >> to) || (fields >> extra)) {
            return context.fail(
                Error("expected two REFs separated by white space", file == "-" ? "<stdin>" : file, lineNo));
        }
        auto a = lookup(from);
        auto b = lookup(to);
        if (!a || !b) {
            return kExitFailure;
        }
        pairs.emplace_back(*a, *b);
    }
    auto degrees = ws->separations(pairs, direction);
    if (!degrees) {
        return context.fail(degrees.error());
    }
    auto refOf = [&](PersonId p) -> const std::string& {
        auto it = refs.find(p);
        if (it == refs.end()) {
            auto ref = ws->refOf(p);
            it = refs.emplace(p, ref ? *ref : "#" + std::to_string(p.value())).first;
        }
        return it->second;
    };
    std::string out;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        out += refOf(pairs[i].first);
        out += ' ';
        out += refOf(pairs[i].second);
        out += ' ';
        out += std::to_string((*degrees)[i] ? *(*degrees)[i] : -1);
        out += '\n';
    }
    context.out() << out;
    return kExitOk;
}

void registerDegrees(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand("degrees", "Count people by degree of separation from a person (default: me)");
    struct Args {
        std::string from = "me";
        bool directed = false;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    command->add_option("--from", args->from, "Start from this person (default: me)")->type_name("REF");
    command->add_flag("--directed", args->directed, "Follow links only in their direction");
    command->add_flag("--json", args->json, "Print one JSON object");
    context.addCommand(command, [&context, args]() {
        const auto from = context.resolve(args->from);
        if (!from) {
            return static_cast<int>(kExitFailure);
        }
        const auto answer =
            context.workspace()->degrees(*from, args->directed ? Direction::Directed : Direction::Undirected);
        if (!answer) {
            return context.fail(answer.error());
        }
        if (args->json) {
            nlohmann::json levels = nlohmann::json::object();
            for (std::size_t d = 0; d < answer->levels.size(); ++d) {
                levels[std::to_string(d + 1)] = answer->levels[d];
            }
            context.printJson({{"from", answer->from.ref}, {"levels", levels}, {"unreachable", answer->unreachable}});
        } else {
            context.out() << "from " << answer->from.ref << " (" << answer->from.name << ")\n";
            for (std::size_t d = 0; d < answer->levels.size(); ++d) {
                context.out() << "degree " << (d + 1) << "  " << answer->levels[d] << '\n';
            }
            context.out() << "unreachable  " << answer->unreachable << '\n';
        }
        return static_cast<int>(kExitOk);
    });
}

void registerPath(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand(
        "path", "The warmest introduction paths to a person, or degrees of separation for many pairs (--pairs)");
    struct Args {
        std::string from = "me";
        std::string to;
        int k = 3;
        int maxHops = 6;
        bool directed = false;
        std::vector<std::string> avoid;
        bool json = false;
        std::string pairs;
    };
    auto args = std::make_shared<Args>();
    command->add_option("TO", args->to, "The person to reach")->type_name("REF");
    command->add_option("--from", args->from, "Start from this person (default: me)")->type_name("REF");
    command->add_option("--k", args->k, "How many paths (default 3)")->check(CLI::Range(1, 100));
    command->add_option("--max-hops", args->maxHops, "Longest path to show (default 6)")->check(CLI::Range(1, 64));
    command->add_flag("--directed", args->directed, "Follow links only in their direction");
    command->add_option("--avoid", args->avoid, "A person no path may pass through (repeatable)")
        ->type_name("REF")
        ->allow_extra_args(false);
    command->add_flag("--json", args->json, "Print one JSON object");
    command
        ->add_option("--pairs", args->pairs,
                     "Read `FROM TO` pairs of REFs (one a line) from FILE or - (stdin); print `FROM TO DEGREE`")
        ->type_name("FILE");
    context.addCommand(command, [&context, args]() {
        const Direction direction = args->directed ? Direction::Directed : Direction::Undirected;
        if (!args->pairs.empty()) {
            if (!args->to.empty()) {
                context.err() << "warmpath-cli: error: give either TO or --pairs, not both\n";
                return static_cast<int>(kExitUsage);
            }
            return runPairs(context, args->pairs, direction);
        }
        if (args->to.empty()) {
            context.err() << "warmpath-cli: error: path needs TO (or --pairs FILE)\n";
            return static_cast<int>(kExitUsage);
        }
        const auto from = context.resolve(args->from);
        if (!from) {
            return static_cast<int>(kExitFailure);
        }
        const auto to = context.resolve(args->to);
        if (!to) {
            return static_cast<int>(kExitFailure);
        }
        WarmPathRequest request{
            .from = *from, .to = *to, .k = args->k, .maxHops = args->maxHops, .direction = direction};
        for (const std::string& ref : args->avoid) {
            const auto avoid = context.resolve(ref);
            if (!avoid) {
                return static_cast<int>(kExitFailure);
            }
            request.avoid.push_back(*avoid);
        }
        const auto answer = context.workspace()->warmPaths(request);
        if (!answer) {
            return context.fail(answer.error());
        }
        if (args->json) {
            nlohmann::json paths = nlohmann::json::array();
            for (const WarmPathView& path : answer->paths) {
                nlohmann::json people = nlohmann::json::array();
                for (const NamedPerson& p : path.people) {
                    people.push_back(personJson(p));
                }
                nlohmann::json links = nlohmann::json::array();
                for (const PathLinkView& link : path.links) {
                    links.push_back({{"from", link.from.ref},
                                     {"to", link.to.ref},
                                     {"kind", link.kind},
                                     {"mutual", link.mutual},
                                     {"sources", link.sources}});
                }
                paths.push_back(
                    {{"hops", path.hops}, {"warmth", rounded(path.warmth)}, {"people", people}, {"links", links}});
            }
            context.printJson({{"from", answer->from.ref},
                               {"to", answer->to.ref},
                               {"degree", answer->degree ? nlohmann::json(*answer->degree) : nlohmann::json(nullptr)},
                               {"paths", paths}});
            return static_cast<int>(kExitOk);
        }
        std::ostream& out = context.out();
        if (!answer->degree) {
            out << answer->to.name << " (" << answer->to.ref << ") is not connected to " << answer->from.name << " ("
                << answer->from.ref << ")\n";
            return static_cast<int>(kExitOk);
        }
        out << "degree " << *answer->degree << '\n';
        if (answer->paths.empty()) {
            out << "no path within " << args->maxHops << " hops that avoids the people given\n";
        }
        for (std::size_t i = 0; i < answer->paths.size(); ++i) {
            const WarmPathView& path = answer->paths[i];
            out << (i + 1) << ". " << path.hops << " hops, warmth " << rounded(path.warmth) << '\n';
            for (const PathLinkView& link : path.links) {
                out << "   " << link.from.name << " (" << link.from.ref << ") -" << link.kind
                    << (link.mutual ? ", mutual" : "") << "-> " << link.to.name << " (" << link.to.ref << ")";
                if (!link.sources.empty()) {
                    out << "  [";
                    for (std::size_t s = 0; s < link.sources.size(); ++s) {
                        out << (s > 0 ? ", " : "") << link.sources[s];
                    }
                    out << "]";
                }
                out << '\n';
            }
        }
        return static_cast<int>(kExitOk);
    });
}

void registerSuggest(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand("suggest", "People worth introducing yourself to (default: for me)");
    struct Args {
        std::string forRef = "me";
        std::size_t limit = 20;
        std::string metric = "ra";
        bool undirected = false;
        std::string viaTag;
        double celebrities = 0;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    command->add_option("--for", args->forRef, "Suggest for this person (default: me)")->type_name("REF");
    command->add_option("--limit", args->limit, "How many suggestions (default 20)")->check(CLI::Range(1, 100000));
    command->add_option("--metric", args->metric, "ra (default), aa, cn, jaccard or ppr")
        ->check(CLI::IsMember({"ra", "aa", "cn", "jaccard", "ppr"}));
    command->add_flag("--undirected", args->undirected, "Use neighbours in either direction");
    command->add_option("--via-tag", args->viaTag, "Only go through contacts with this tag")->type_name("TAG");
    command
        ->add_option("--damp-celebrities", args->celebrities,
                     "Score people followed by more than P% of everyone at a tenth")
        ->type_name("P")
        ->check(CLI::Range(0.0, 100.0));
    command->add_flag("--json", args->json, "Print one JSON object");
    context.addCommand(command, [&context, args]() {
        const auto forPerson = context.resolve(args->forRef);
        if (!forPerson) {
            return static_cast<int>(kExitFailure);
        }
        SuggestionRequest request{.forPerson = *forPerson,
                                  .limit = args->limit,
                                  .metric = *suggestionMetricFromString(args->metric),
                                  .direction = args->undirected ? Direction::Undirected : Direction::Directed,
                                  .viaTag = args->viaTag,
                                  .celebrityPercent = args->celebrities};
        const auto answer = context.workspace()->suggestions(request);
        if (!answer) {
            return context.fail(answer.error());
        }
        if (args->json) {
            nlohmann::json list = nlohmann::json::array();
            for (const SuggestionView& s : answer->suggestions) {
                list.push_back(
                    {{"ref", s.person.ref}, {"name", s.person.name}, {"score", rounded(s.score)}, {"via", s.via}});
            }
            context.printJson({{"for", answer->forPerson.ref},
                               {"metric", std::string(toString(answer->metric))},
                               {"suggestions", list}});
            return static_cast<int>(kExitOk);
        }
        for (const SuggestionView& s : answer->suggestions) {
            context.out() << rounded(s.score) << "  " << s.person.name << " (" << s.person.ref << ")  via";
            for (const std::string& via : s.via) {
                context.out() << ' ' << via;
            }
            context.out() << '\n';
        }
        return static_cast<int>(kExitOk);
    });
}

}  // namespace

void registerGraphCommands(CLI::App& app, CliContext& context)
{
    registerDegrees(app, context);
    registerPath(app, context);
    registerSuggest(app, context);
}

}  // namespace warmpath::cli
