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
#include "util/DisplayText.h"

namespace warmpath::cli {
namespace {

nlohmann::json personJson(const NamedPerson& p)
{
    return {{"ref", p.ref}, {"name", p.name}};
}

/// Scores, warmth and positions in text output: 6 significant digits, enough to read and compare by
/// eye. --json carries the exact values (JsonText.h).
std::string shortNumber(double x)
{
    std::ostringstream text;
    text << std::setprecision(6) << x;
    return text.str();
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
    context.addQuery(command, [&context, args]() {
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
            context.out() << "from " << answer->from.ref << " (" << displaySafe(answer->from.name) << ")\n";
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
    context.addQuery(command, [&context, args]() {
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
                paths.push_back({{"hops", path.hops}, {"warmth", path.warmth}, {"people", people}, {"links", links}});
            }
            context.printJson({{"from", answer->from.ref},
                               {"to", answer->to.ref},
                               {"degree", answer->degree ? nlohmann::json(*answer->degree) : nlohmann::json(nullptr)},
                               {"paths", paths}});
            return static_cast<int>(kExitOk);
        }
        std::ostream& out = context.out();
        if (!answer->degree) {
            out << displaySafe(answer->to.name) << " (" << answer->to.ref << ") is not connected to "
                << displaySafe(answer->from.name) << " (" << answer->from.ref << ")\n";
            return static_cast<int>(kExitOk);
        }
        out << "degree " << *answer->degree << '\n';
        if (answer->paths.empty()) {
            out << "no path within " << args->maxHops << " hops that avoids the people given\n";
        }
        for (std::size_t i = 0; i < answer->paths.size(); ++i) {
            const WarmPathView& path = answer->paths[i];
            out << (i + 1) << ". " << path.hops << " hops, warmth " << shortNumber(path.warmth) << '\n';
            for (const PathLinkView& link : path.links) {
                out << "   " << displaySafe(link.from.name) << " (" << link.from.ref << ") -" << link.kind
                    << (link.mutual ? ", mutual" : "") << "-> " << displaySafe(link.to.name) << " (" << link.to.ref
                    << ")";
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

/// `suggest --json`'s document: `{"for","metric","suggestions":[{"ref","name","score","via"}]}`.
nlohmann::json suggestionsJson(const SuggestionsAnswer& answer)
{
    nlohmann::json list = nlohmann::json::array();
    for (const SuggestionView& s : answer.suggestions) {
        list.push_back({{"ref", s.person.ref}, {"name", s.person.name}, {"score", s.score}, {"via", s.via}});
    }
    return {{"for", answer.forPerson.ref}, {"metric", std::string(toString(answer.metric))}, {"suggestions", list}};
}

/// `suggest --users FILE`: every REF of FILE (one a line) answered in this one process, so the
/// snapshot is loaded once and not once per person. Every REF is resolved before the first
/// answer is printed: a bad line fails the run with its line number and prints nothing.
int runSuggestBatch(CliContext& context, const std::string& file, SuggestionRequest request, bool json)
{
    std::ifstream fileStream;
    std::istream* in = &std::cin;
    if (file != "-") {
        fileStream.open(file);
        if (!fileStream) {
            return context.fail(Error("cannot read the users file", file));
        }
        in = &fileStream;
    }
    const std::string label = file == "-" ? "<stdin>" : file;
    Workspace* ws = context.workspace();
    if (ws == nullptr) {
        return kExitFailure;
    }
    std::vector<PersonId> users;
    std::string line;
    std::size_t lineNo = 0;
    while (std::getline(*in, line)) {
        ++lineNo;
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos) {
            continue;  // blank line
        }
        const auto last = line.find_last_not_of(" \t\r");
        auto person = ws->resolve(std::string_view(line).substr(first, last - first + 1));
        if (!person) {
            Error error = person.error();
            error.file = label;
            error.line = lineNo;
            return context.fail(error);
        }
        users.push_back(*person);
    }
    std::ostream& out = context.out();
    for (const PersonId user : users) {
        request.forPerson = user;
        const auto answer = ws->suggestions(request);
        if (!answer) {
            return context.fail(answer.error());
        }
        if (json) {
            context.printJson(suggestionsJson(*answer));
            continue;
        }
        std::size_t rank = 0;
        for (const SuggestionView& s : answer->suggestions) {
            out << answer->forPerson.ref << '\t' << ++rank << '\t' << s.person.ref << '\t' << shortNumber(s.score)
                << '\n';
        }
    }
    return kExitOk;
}

void registerSuggest(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand("suggest", "People worth introducing yourself to (default: for me)");
    struct Args {
        std::string forRef = "me";
        std::string users;
        std::size_t limit = 20;
        std::string metric = "ra";
        bool undirected = false;
        std::string viaTag;
        double celebrities = 0;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* forOption =
        command->add_option("--for", args->forRef, "Suggest for this person (default: me)")->type_name("REF");
    command
        ->add_option("--users", args->users,
                     "Suggest for every REF in FILE (one a line; - reads stdin) in one run; print "
                     "`FOR<TAB>RANK<TAB>REF<TAB>SCORE` lines, or one JSON object a line with --json")
        ->type_name("FILE")
        ->excludes(forOption);
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
    context.addQuery(command, [&context, args]() {
        SuggestionRequest request{.forPerson = PersonId{},
                                  .limit = args->limit,
                                  .metric = *suggestionMetricFromString(args->metric),
                                  .direction = args->undirected ? Direction::Undirected : Direction::Directed,
                                  .viaTag = args->viaTag,
                                  .celebrityPercent = args->celebrities};
        if (!args->users.empty()) {
            return runSuggestBatch(context, args->users, request, args->json);
        }
        const auto forPerson = context.resolve(args->forRef);
        if (!forPerson) {
            return static_cast<int>(kExitFailure);
        }
        request.forPerson = *forPerson;
        const auto answer = context.workspace()->suggestions(request);
        if (!answer) {
            return context.fail(answer.error());
        }
        if (args->json) {
            context.printJson(suggestionsJson(*answer));
            return static_cast<int>(kExitOk);
        }
        for (const SuggestionView& s : answer->suggestions) {
            context.out() << shortNumber(s.score) << "  " << displaySafe(s.person.name) << " (" << s.person.ref
                          << ")  via";
            for (const std::string& via : s.via) {
                context.out() << ' ' << via;
            }
            context.out() << '\n';
        }
        return static_cast<int>(kExitOk);
    });
}

void registerBrokers(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand(
        "brokers", "Contacts who reach the most people you cannot otherwise reach within 2 hops, or who "
                   "bridge you to an organisation or tag");
    struct Args {
        std::string forRef = "me";
        std::size_t limit = 20;
        bool directed = false;
        std::string organisation;
        std::string tag;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    command->add_option("--for", args->forRef, "Whose contacts (default: me)")->type_name("REF");
    command->add_option("--limit", args->limit, "How many contacts (default 20)")->check(CLI::Range(1, 100000));
    command->add_flag("--directed", args->directed, "Only links in their direction");
    auto* org =
        command->add_option("--organisation", args->organisation, "Who bridges to the people of ORG")->type_name("ORG");
    command->add_option("--tag", args->tag, "Who bridges to the people with TAG")->type_name("TAG")->excludes(org);
    command->add_flag("--json", args->json, "Print one JSON object");
    context.addQuery(command, [&context, args]() {
        const auto forPerson = context.resolve(args->forRef);
        if (!forPerson) {
            return static_cast<int>(kExitFailure);
        }
        const auto answer =
            context.workspace()->brokers({.forPerson = *forPerson,
                                          .limit = args->limit,
                                          .direction = args->directed ? Direction::Directed : Direction::Undirected,
                                          .organisation = args->organisation,
                                          .tag = args->tag});
        if (!answer) {
            return context.fail(answer.error());
        }
        if (args->json) {
            nlohmann::json target = nullptr;
            if (!args->organisation.empty()) {
                target = {{"organisation", args->organisation}};
            } else if (!args->tag.empty()) {
                target = {{"tag", args->tag}};
            }
            nlohmann::json list = nlohmann::json::array();
            for (const BrokerView& b : answer->brokers) {
                list.push_back({{"ref", b.contact.ref},
                                {"name", b.contact.name},
                                {"unique", b.uniqueReach},
                                {"reach", b.reach},
                                {"examples", b.examples}});
            }
            context.printJson({{"for", answer->forPerson.ref}, {"target", target}, {"brokers", list}});
            return static_cast<int>(kExitOk);
        }
        for (const BrokerView& b : answer->brokers) {
            context.out() << b.uniqueReach << " only through, " << b.reach << " in all  " << displaySafe(b.contact.name)
                          << " (" << b.contact.ref << ")\n";
        }
        return static_cast<int>(kExitOk);
    });
}

nlohmann::json rankedJson(const std::vector<RankedPerson>& people)
{
    nlohmann::json list = nlohmann::json::array();
    for (const RankedPerson& p : people) {
        list.push_back({{"ref", p.person.ref}, {"name", p.person.name}, {"value", p.value}});
    }
    return list;
}

void registerMetrics(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand(
        "metrics", "Components, communities (Louvain), PageRank, degrees and betweenness of the whole graph");
    struct Args {
        std::size_t top = 10;
        bool noBetweenness = false;
        std::size_t samples = 1000;
        std::uint64_t seed = 1;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    command->add_option("--top", args->top, "How many people each ranking lists (default 10)");
    command->add_flag("--no-betweenness", args->noBetweenness, "Skip betweenness (the slowest measure)");
    command->add_option("--samples", args->samples, "Source samples for betweenness above 50,000 people (default 1000)")
        ->check(CLI::Range(1, 1000000));
    command->add_option("--seed", args->seed, "Seed for Louvain's visiting order and betweenness sampling");
    command->add_flag("--json", args->json, "Print one JSON object");
    context.addQuery(command, [&context, args]() {
        Workspace* ws = context.workspace();
        if (ws == nullptr) {
            return static_cast<int>(kExitFailure);
        }
        const auto m = ws->metrics({.top = args->top,
                                    .betweenness = !args->noBetweenness,
                                    .betweennessSamples = args->samples,
                                    .seed = args->seed});
        if (!m) {
            return context.fail(m.error());
        }
        nlohmann::json doc = {
            {"people", m->people},
            {"links", m->links},
            {"components", {{"count", m->components}, {"largest", m->largestComponent}}},
            {"communities", {{"count", m->communities}, {"modularity", m->modularity}}},
            {"pagerank", {{"iterations", m->pageRankIterations}, {"top", rankedJson(m->topPageRank)}}},
            {"degree", {{"in", rankedJson(m->topInDegree)}, {"out", rankedJson(m->topOutDegree)}}},
            {"betweenness", m->betweennessComputed ? nlohmann::json{{"sampled", m->betweennessSampled},
                                                                    {"error_bound", m->betweennessErrorBound},
                                                                    {"top", rankedJson(m->topBetweenness)}}
                                                   : nlohmann::json(nullptr)}};
        if (args->json) {
            context.printJson(doc);
            return static_cast<int>(kExitOk);
        }
        std::ostream& out = context.out();
        out << "people       " << m->people << "\nlinks        " << m->links << "\ncomponents   " << m->components
            << " (largest " << m->largestComponent << ")\ncommunities  " << m->communities << " (modularity "
            << shortNumber(m->modularity) << ")\n";
        auto list = [&](const char* title, const std::vector<RankedPerson>& people) {
            out << title << '\n';
            for (const RankedPerson& p : people) {
                out << "  " << shortNumber(p.value) << "  " << displaySafe(p.person.name) << " (" << p.person.ref
                    << ")\n";
            }
        };
        list("pagerank", m->topPageRank);
        list("followers", m->topInDegree);
        list("following", m->topOutDegree);
        if (m->betweennessComputed) {
            list(m->betweennessSampled ? "betweenness (sampled)" : "betweenness", m->topBetweenness);
        }
        return static_cast<int>(kExitOk);
    });
}

void registerLayout(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand("layout", "Force-directed positions for the map (runs until converged)");
    struct Args {
        std::string around;
        std::size_t size = 1000;
        std::uint64_t seed = 1;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    command->add_option("--around", args->around, "Lay out the SIZE people nearest REF (default: everyone)")
        ->type_name("REF");
    command->add_option("--size", args->size, "People in the view with --around (default 1000)")
        ->check(CLI::Range(1, 10000000));
    command->add_option("--seed", args->seed, "Same seed, same picture (default 1)");
    command->add_flag("--json", args->json, "Print one JSON object");
    context.addQuery(command, [&context, args]() {
        LayoutRequest request{.size = args->size};
        request.options.seed = args->seed;
        if (!args->around.empty()) {
            const auto around = context.resolve(args->around);
            if (!around) {
                return static_cast<int>(kExitFailure);
            }
            request.around = *around;
        }
        Workspace* ws = context.workspace();
        if (ws == nullptr) {
            return static_cast<int>(kExitFailure);
        }
        const auto answer = ws->layout(request);
        if (!answer) {
            return context.fail(answer.error());
        }
        if (args->json) {
            nlohmann::json list = nlohmann::json::array();
            for (const PlacedPerson& p : answer->people) {
                list.push_back({{"ref", p.person.ref}, {"x", p.position.x}, {"y", p.position.y}});
            }
            context.printJson(
                {{"converged", answer->converged}, {"iterations", answer->iterations}, {"positions", list}});
            return static_cast<int>(kExitOk);
        }
        for (const PlacedPerson& p : answer->people) {
            context.out() << shortNumber(p.position.x) << ' ' << shortNumber(p.position.y) << ' ' << p.person.ref
                          << '\n';
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
    registerBrokers(app, context);
    registerMetrics(app, context);
    registerLayout(app, context);
}

}  // namespace warmpath::cli
