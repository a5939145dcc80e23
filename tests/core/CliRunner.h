#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "TestSupport.h"

namespace warmpath::test {

struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;
};

inline std::string shellQuote(const std::string& text)
{
    std::string quoted = "'";
    for (char c : text) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

/// Runs warmpath-cli as a user would, in `dir` (also its HOME), with `stdinText` on its standard input
/// and `environment` (`NAME=VALUE`) added to an environment without WARMPATH_DB and XDG_DATA_HOME.
inline CliRun runCli(const TempDir& dir, const std::vector<std::string>& args, const std::string& stdinText = {},
                     const std::vector<std::string>& environment = {})
{
    std::string command = "cd " + shellQuote(dir.path().string()) +
                          " && env -u WARMPATH_DB -u XDG_DATA_HOME HOME=" + shellQuote(dir.path().string()) + " ";
    for (const std::string& variable : environment) {
        command += shellQuote(variable) + " ";
    }
    command += shellQuote(WARMPATH_CLI_PATH);
    for (const std::string& arg : args) {
        command += " " + shellQuote(arg);
    }
    const auto in = dir.file(".stdin");
    const auto out = dir.file(".stdout");
    const auto err = dir.file(".stderr");
    writeFile(in, stdinText);
    command += " <" + shellQuote(in.string()) + " >" + shellQuote(out.string()) + " 2>" + shellQuote(err.string());
    const int status = std::system(command.c_str());  // NOLINT(cert-env33-c): the test drives the real binary
    return CliRun{.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1, .out = readFile(out), .err = readFile(err)};
}

}  // namespace warmpath::test
