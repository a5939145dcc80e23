#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "TestSupport.h"
#include "fetch/HttpClient.h"

namespace warmpath::test {

/// The local Bluesky/Mastodon stand-in (tests/fetch_server/server.py) on 127.0.0.1 and a free
/// port, serving tests/data/fetch. Started once per test suite; nothing touches the internet.
class FetchServer {
public:
    /// Empty when no python3 is installed (the tests then skip).
    static std::string python()
    {
        for (const char* candidate : {"/usr/bin/python3", "/usr/local/bin/python3"}) {
            if (::access(candidate, X_OK) == 0) {
                return candidate;
            }
        }
        return {};
    }

    FetchServer()
    {
        const std::string interpreter = python();
        if (interpreter.empty()) {
            return;
        }
        int out[2];
        if (::pipe(out) != 0) {
            return;
        }
        const std::string script = (sourceDir() / "tests/fetch_server/server.py").string();
        const std::string root = (sourceDir() / "tests/data/fetch").string();
        m_pid = ::fork();
        if (m_pid == 0) {
            ::dup2(out[1], STDOUT_FILENO);
            ::close(out[0]);
            ::close(out[1]);
            ::execl(interpreter.c_str(), interpreter.c_str(), script.c_str(), "--root", root.c_str(),
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(out[1]);
        FILE* stream = ::fdopen(out[0], "r");
        int port = 0;
        if (stream != nullptr && std::fscanf(stream, "PORT %d", &port) == 1) {
            m_port = port;
        }
        if (stream != nullptr) {
            std::fclose(stream);
        }
    }
    ~FetchServer()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            ::waitpid(m_pid, nullptr, 0);
        }
    }
    FetchServer(const FetchServer&) = delete;
    FetchServer& operator=(const FetchServer&) = delete;
    FetchServer(FetchServer&&) = delete;
    FetchServer& operator=(FetchServer&&) = delete;

    [[nodiscard]] bool running() const { return m_port != 0; }
    [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    [[nodiscard]] std::string bskyApi() const { return url() + "/bsky"; }
    [[nodiscard]] std::string mastodonServer(const std::string& host) const { return url() + "/mastodon/" + host; }

    /// Forgets scripted faults, the variant and the request log.
    void reset() { control("/__reset"); }
    /// The next requests whose path and query contain `match` get `actions`, one each
    /// (`500`, `429:1`, `slow:1.5`, `drop`, `ratelimit:0:1`).
    void script(const std::string& match, const std::string& actions)
    {
        control("/__script?match=" + fetch::urlEncode(match) + "&actions=" + fetch::urlEncode(actions));
    }
    /// Answers from the `-NAME` variant of the fixtures where it has a file.
    void variant(const std::string& name) { control("/__variant?name=" + fetch::urlEncode(name)); }
    /// Every request served since the last reset (path and query).
    std::vector<std::string> log()
    {
        const std::string body = control("/__log");
        return nlohmann::json::parse(body).get<std::vector<std::string>>();
    }

    /// The most requests the server was answering at the same time since the last reset.
    int maxInFlight() { return nlohmann::json::parse(control("/__max-in-flight")).get<int>(); }

    /// The User-Agent header of the last request served.
    std::string lastUserAgent() { return nlohmann::json::parse(control("/__user-agent")).get<std::string>(); }

private:
    std::string control(const std::string& path)
    {
        fetch::HttpClient client;
        auto response = client.get(url() + path);
        return response ? response->body : std::string("[]");
    }

    pid_t m_pid = -1;
    int m_port = 0;
};

}  // namespace warmpath::test
