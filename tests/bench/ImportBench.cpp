// Import speed: a seeded 2-million-line edge list imported through the Workspace, in links per
// second, with the peak resident memory; and, for scale, a plain `sqlite3` shell `.import` of
// the same file into a table without indexes. Results: docs/performance.md, "## Import".
//
//   warmpath_import_bench [--lines=N] [--people=N] [--benchmark_...]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <unistd.h>

#include <benchmark/benchmark.h>

#include "Workspace.h"

namespace {

std::uint64_t g_lines = 2'000'000;
std::uint64_t g_people = 200'000;

std::filesystem::path scratch()
{
    static const std::filesystem::path dir = [] {
        auto path = std::filesystem::temp_directory_path() / ("warmpath-bench-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        return path;
    }();
    return dir;
}

/// `source target` per line, both uniform over the people, fixed seed: the same file every run.
std::filesystem::path edgeList()
{
    const auto path = scratch() / "edges.txt";
    if (std::filesystem::exists(path)) {
        return path;
    }
    std::mt19937_64 random(20261126);
    std::uniform_int_distribution<std::uint64_t> person(0, g_people - 1);
    std::ofstream out(path, std::ios::binary);
    std::string buffer;
    for (std::uint64_t i = 0; i < g_lines; ++i) {
        buffer += std::to_string(person(random));
        buffer += ' ';
        buffer += std::to_string(person(random));
        buffer += '\n';
        if (buffer.size() > (1 << 20)) {
            out << buffer;
            buffer.clear();
        }
    }
    out << buffer;
    return path;
}

/// Peak resident set size of this process in KiB (VmHWM).
long peakRssKib()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            return std::strtol(line.c_str() + 6, nullptr, 10);
        }
    }
    return -1;
}

void importEdgeList(benchmark::State& state)
{
    const auto file = edgeList();
    std::int64_t links = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const auto db = scratch() / "import.db";
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(db.string() + suffix);
        }
        auto ws = warmpath::Workspace::open(db);
        state.ResumeTiming();
        auto result = (*ws)->importFiles({file});
        if (!result) {
            state.SkipWithError(result.error().describe().c_str());
            return;
        }
        links = result->front().counts.linksAdded;
        state.PauseTiming();
        ws->reset();
        state.ResumeTiming();
    }
    state.counters["links"] = static_cast<double>(links);
    state.counters["links_per_s"] = benchmark::Counter(
        static_cast<double>(links) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["peak_rss_MiB"] = static_cast<double>(peakRssKib()) / 1024.0;
}

/// The same file through the sqlite3 shell's `.import` into a bare two-column table.
void sqliteShellImport(benchmark::State& state)
{
    if (std::system("command -v sqlite3 >/dev/null 2>&1") != 0) {
        state.SkipWithError("the sqlite3 shell is not installed (apt-get install sqlite3)");
        return;
    }
    const auto file = edgeList();
    const auto db = scratch() / "shell.db";
    const auto script = scratch() / "import.sql";
    {
        std::ofstream out(script);
        out << "PRAGMA journal_mode=WAL;\nCREATE TABLE edge(source TEXT, target TEXT);\n.mode csv\n.separator \" \"\n"
            << ".import " << file.string() << " edge\n";
    }
    for (auto _ : state) {
        state.PauseTiming();
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(db.string() + suffix);
        }
        const std::string command = "sqlite3 " + db.string() + " < " + script.string() + " > /dev/null";
        state.ResumeTiming();
        if (std::system(command.c_str()) != 0) {  // NOLINT(cert-env33-c): the benchmark's own command
            state.SkipWithError("sqlite3 .import failed");
            return;
        }
    }
    state.counters["rows_per_s"] = benchmark::Counter(
        static_cast<double>(g_lines) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

BENCHMARK(importEdgeList)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(sqliteShellImport)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

}  // namespace

int main(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--lines=", 0) == 0) {
            g_lines = std::stoull(arg.substr(8));
        } else if (arg.rfind("--people=", 0) == 0) {
            g_people = std::stoull(arg.substr(9));
        }
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::filesystem::remove_all(scratch());
    return 0;
}
