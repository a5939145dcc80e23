// Commands about imports and identity: import, imports, undo-import, merge, split, duplicates.

#include <ostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliContext.h"
#include "Paths.h"
#include "ReadCommand.h"
#include "import/ColumnMapping.h"
#include "import/Format.h"

namespace warmpath::cli {
namespace {

nlohmann::json summaryJson(const FileImportSummary& s)
{
    return {{"batch", s.batch},
            {"format", s.format},
            {"persons_added", s.counts.personsAdded},
            {"persons_merged", s.counts.personsMerged},
            {"links_added", s.counts.linksAdded},
            {"tags_added", s.counts.tagsAdded},
            {"skipped", s.counts.skipped},
            {"warnings", s.warnings}};
}

/// The `--columns` options as one mapping, checked against every file's header: an unknown field or
/// a column a file does not have is a usage error, found before anything is opened for writing.
Result<import::ColumnMapping> columnsFor(const std::vector<std::string>& options,
                                         const std::vector<std::filesystem::path>& files)
{
    import::ColumnMapping mapping;
    for (const std::string& option : options) {
        if (Status appended = import::appendColumnMapping(mapping, option); !appended) {
            return appended.error();
        }
    }
    if (!mapping.identifiesPeople()) {
        return Error("--columns: map a column to name, first, last, email, url or handle:NETWORK, or no row names "
                     "anybody");
    }
    for (const std::filesystem::path& file : files) {
        // A file that cannot be read as a CSV at all is the import's error to report (exit 1).
        const Result<import::CsvPreview> preview = import::readCsvPreview(file, 0);
        if (!preview) {
            continue;
        }
        if (Status present = import::checkColumns(mapping, preview->header, file.string()); !present) {
            return present.error();
        }
    }
    return mapping;
}

void registerImport(CLI::App& app, CliContext& context)
{
    struct Args {
        std::vector<std::string> files;
        std::string format;
        std::string nameSpace;
        bool undirected = false;
        std::vector<std::string> columns;
        bool dryRun = false;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* command =
        app.add_subcommand("import", "Import contact exports, follow lists and graph files (one transaction)");
    command->add_option("FILE", args->files, "Files (or an X archive folder) to import")->required();
    std::string formats;
    for (const auto format : import::allFormats()) {
        formats += (formats.empty() ? "" : ", ") + std::string(import::formatName(format));
    }
    command->add_option("--format", args->format, "Read the files as this format instead of guessing: " + formats)
        ->type_name("F");
    command
        ->add_option("--namespace", args->nameSpace,
                     "Network name for node ids of graph files (default: the file's base name)")
        ->type_name("NS");
    std::string fields;
    for (const std::string_view field : import::fieldNames()) {
        fields += (fields.empty() ? "" : ", ") + std::string(field);
    }
    command
        ->add_option("--columns", args->columns,
                     "Read the files as CSVs whose columns are these fields: name=COL,email=COL,... (fields: " +
                         fields + "; email, url, handle, tags and note may be given several times)")
        ->type_name("FIELD=COL,...")
        ->expected(1)
        ->allow_extra_args(false)  // one value an occurrence: FILE after it is a file
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command->add_flag("--undirected", args->undirected,
                      "Edge lists: each line is a mutual link (two links) instead of source follows target");
    command->add_flag("--dry-run", args->dryRun, "Report what would be imported; write nothing");
    command->add_flag("--json", args->json, "Print one JSON object per file");
    context.addCommand(command, [&context, args]() {
        ImportOptions options;
        options.dryRun = args->dryRun;
        options.undirected = args->undirected;
        options.nameSpace = args->nameSpace;
        if (!args->format.empty()) {
            options.format = import::formatFromName(args->format);
            if (!options.format) {
                context.err() << "warmpath-cli: error: unknown format '" << args->format
                              << "'; see 'warmpath-cli import --help'\n";
                return static_cast<int>(kExitUsage);
            }
        }
        std::vector<std::filesystem::path> files(args->files.begin(), args->files.end());
        if (!args->columns.empty()) {
            if (options.format && *options.format != import::Format::Csv) {
                return context.usage("--columns reads the files as CSVs; it cannot go with --format " + args->format);
            }
            Result<import::ColumnMapping> mapping = columnsFor(args->columns, files);
            if (!mapping) {
                return context.usage(mapping.error().describe());
            }
            options.columns = std::move(mapping).value();
        }
        // A dry run writes nothing, not even a new database: against a database that does not exist
        // yet it reports what an import into a new one would do, from a database in memory.
        std::unique_ptr<Workspace> scratch;
        std::error_code ec;
        if (args->dryRun && !std::filesystem::exists(context.databaseFile(), ec)) {
            // Still the real command's answer to a mistyped --db: a folder that does not exist.
            const bool defaultLocation =
                context.databasePath.empty() && context.databaseFile() == defaultDatabasePath();
            if (Status folder = checkNewDatabaseFolder(context.databaseFile()); !folder && !defaultLocation) {
                return context.fail(folder.error());
            }
            scratch = Workspace::openInMemory();
        }
        Workspace* ws = scratch ? scratch.get() : context.workspace();
        if (ws == nullptr) {
            return static_cast<int>(kExitFailure);
        }
        const auto result = ws->importFiles(files, options);
        if (!result) {
            return context.fail(result.error());
        }
        for (const FileImportSummary& s : *result) {
            if (args->json) {
                context.printJson(summaryJson(s));
                continue;
            }
            if (s.alreadyImported) {
                context.out() << s.file << ": already imported as batch " << s.batch
                              << " (same SHA-256); nothing changed\n";
                continue;
            }
            context.out() << (args->dryRun ? "would import " : "imported ") << s.file << " as "
                          << (args->dryRun ? "" : "batch " + std::to_string(s.batch) + ", ") << s.format << ": "
                          << s.counts.personsAdded << " people added, " << s.counts.personsMerged << " merged, "
                          << s.counts.linksAdded << " links added, " << s.counts.tagsAdded << " tags added, "
                          << s.counts.skipped << " skipped, " << s.counts.warningCount << " warnings";
            if (s.queuedForReview > 0) {
                context.out() << ", " << s.queuedForReview
                              << " probable duplicates to review (warmpath-cli duplicates)";
            }
            context.out() << '\n';
            for (const std::string& warning : s.warnings) {
                context.err() << "warmpath-cli: warning: " << warning << '\n';
            }
        }
        if (args->dryRun && !args->json) {
            context.out() << "dry run: nothing was written\n";
        }
        return static_cast<int>(kExitOk);
    });
}

void registerImports(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand("imports", "List import batches");
    addReadCommand(
        context, command, [](Workspace& ws) { return ws.imports(); },
        [](const std::vector<ImportBatch>& batches) -> nlohmann::json {
            nlohmann::json list = nlohmann::json::array();
            for (const ImportBatch& b : batches) {
                list.push_back({{"batch", b.id},
                                {"file", b.file},
                                {"format", b.format},
                                {"sha256", b.sha256},
                                {"imported_at", b.importedAt},
                                {"persons_added", b.personsAdded},
                                {"links_added", b.linksAdded}});
            }
            return {{"imports", list}};
        },
        [](const std::vector<ImportBatch>& batches, std::ostream& out) {
            for (const ImportBatch& b : batches) {
                out << b.id << '\t' << b.importedAt << '\t' << b.format << '\t' << b.file << '\t' << b.personsAdded
                    << " people\t" << b.linksAdded << " links\n";
            }
        });
}

void registerUndoImport(CLI::App& app, CliContext& context)
{
    auto batch = std::make_shared<std::int64_t>(0);
    auto* command = app.add_subcommand("undo-import", "Remove everything import batch N alone brought");
    command->add_option("N", *batch, "The batch number (see 'warmpath-cli imports')")->required();
    context.addCommand(command, [&context, batch]() {
        Workspace* ws = context.workspace();
        if (ws == nullptr) {
            return static_cast<int>(kExitFailure);
        }
        const auto undone = ws->undoImport(*batch);
        if (!undone) {
            return context.fail(undone.error());
        }
        context.out() << "undid import " << undone->batch << ": " << undone->personsRemoved << " people and "
                      << undone->linksRemoved << " links removed\n";
        return static_cast<int>(kExitOk);
    });
}

void registerMerge(CLI::App& app, CliContext& context)
{
    auto refs = std::make_shared<std::vector<std::string>>();
    auto* command = app.add_subcommand("merge", "Merge the second person into the first (they are the same person)");
    command->add_option("REF", *refs, "The person to keep, then the person to fold into them")->expected(2)->required();
    context.addCommand(command, [&context, refs]() {
        const auto kept = context.resolve(refs->at(0));
        if (!kept) {
            return static_cast<int>(kExitFailure);
        }
        const auto absorbed = context.resolve(refs->at(1));
        if (!absorbed) {
            return static_cast<int>(kExitFailure);
        }
        Workspace* ws = context.workspace();
        if (const Status merged = ws->merge(*kept, *absorbed); !merged) {
            return context.fail(merged.error());
        }
        context.out() << "merged #" << absorbed->value() << " into #" << kept->value() << '\n';
        return static_cast<int>(kExitOk);
    });
}

void registerSplit(CLI::App& app, CliContext& context)
{
    auto ref = std::make_shared<std::string>();
    auto identity = std::make_shared<std::string>();
    auto* command = app.add_subcommand("split", "Undo a merge for one identity: it becomes a person of its own");
    command->add_option("REF", *ref, "The person who has the identity")->required();
    command->add_option("IDENTITY", *identity, "NETWORK:KEY, e.g. email:ana@example.com")->required();
    context.addCommand(command, [&context, ref, identity]() {
        const auto person = context.resolve(*ref);
        if (!person) {
            return static_cast<int>(kExitFailure);
        }
        Workspace* ws = context.workspace();
        const auto split = ws->split(*person, *identity);
        if (!split) {
            return context.fail(split.error());
        }
        context.out() << *identity << " is now #" << split->value() << '\n';
        return static_cast<int>(kExitOk);
    });
}

void registerDuplicates(CLI::App& app, CliContext& context)
{
    auto* command =
        app.add_subcommand("duplicates", "List probable duplicates waiting for review (merge-review queue)");
    addReadCommand(
        context, command, [](Workspace& ws) { return ws.mergeCandidates(); },
        [](const std::vector<MergeCandidate>& candidates) -> nlohmann::json {
            nlohmann::json list = nlohmann::json::array();
            for (const MergeCandidate& c : candidates) {
                list.push_back({{"id", c.id},
                                {"first", "#" + std::to_string(c.first.value())},
                                {"first_name", c.firstName},
                                {"second", "#" + std::to_string(c.second.value())},
                                {"second_name", c.secondName},
                                {"reason", c.reason},
                                {"batch", c.batch}});
            }
            return {{"duplicates", list}};
        },
        [](const std::vector<MergeCandidate>& candidates, std::ostream& out) {
            for (const MergeCandidate& c : candidates) {
                out << '#' << c.first.value() << ' ' << c.firstName << "\t#" << c.second.value() << ' ' << c.secondName
                    << '\t' << c.reason << '\n';
            }
        });
}

}  // namespace

void registerImportCommands(CLI::App& app, CliContext& context)
{
    registerImport(app, context);
    registerImports(app, context);
    registerUndoImport(app, context);
    registerMerge(app, context);
    registerSplit(app, context);
    registerDuplicates(app, context);
}

}  // namespace warmpath::cli
