#pragma once

// Helpers of the reliability tests: run warmpath-cli as a child process that can be killed at a
// chosen moment, and look at a database file from outside (integrity, a content digest, whether
// given rows are still there) with the SQLite C API alone, as a recovering reader would.

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "TestSupport.h"

namespace warmpath::test {

/// A number from the environment (tests scale down under sanitizers), or the default.
inline long envNumber(const char* name, long fallback)
{
    const char* text = std::getenv(name);
    return text != nullptr && *text != '\0' ? std::strtol(text, nullptr, 10) : fallback;
}

/// warmpath-cli started with fork/exec: its output goes to files in `dir`, HOME is `dir`, and the
/// given variables are set. SIGKILL it, or wait for it.
class CliChild {
public:
    CliChild(const std::filesystem::path& dir, const std::vector<std::string>& args,
             const std::vector<std::string>& environment = {})
    {
        std::vector<std::string> argv{WARMPATH_CLI_PATH};
        argv.insert(argv.end(), args.begin(), args.end());
        m_started = std::chrono::steady_clock::now();
        m_pid = ::fork();
        if (m_pid == 0) {
            if (::chdir(dir.c_str()) != 0) {
                ::_exit(126);
            }
            const int out = ::open((dir / ".child-stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            const int err = ::open((dir / ".child-stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            const int in = ::open("/dev/null", O_RDONLY);
            ::dup2(in, STDIN_FILENO);
            ::dup2(out, STDOUT_FILENO);
            ::dup2(err, STDERR_FILENO);
            ::unsetenv("WARMPATH_DB");
            ::setenv("HOME", dir.c_str(), 1);
            for (const std::string& assignment : environment) {
                const auto equals = assignment.find('=');
                ::setenv(assignment.substr(0, equals).c_str(), assignment.substr(equals + 1).c_str(), 1);
            }
            std::vector<char*> raw;
            for (std::string& arg : argv) {
                raw.push_back(arg.data());
            }
            raw.push_back(nullptr);
            ::execv(raw[0], raw.data());
            ::_exit(127);
        }
    }
    ~CliChild()
    {
        if (m_pid > 0 && !m_reaped) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
    }
    CliChild(const CliChild&) = delete;
    CliChild& operator=(const CliChild&) = delete;
    CliChild(CliChild&&) = delete;
    CliChild& operator=(CliChild&&) = delete;

    /// Waits until `after` has passed since the start, then sends SIGKILL unless it has ended.
    /// True when the kill interrupted it, false when it had already exited by itself.
    bool killAfter(std::chrono::microseconds after)
    {
        const auto deadline = m_started + after;
        while (std::chrono::steady_clock::now() < deadline) {
            if (poll()) {
                return false;
            }
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        if (poll()) {
            return false;
        }
        ::kill(m_pid, SIGKILL);
        ::wait4(m_pid, &m_status, 0, &m_usage);
        m_reaped = true;
        m_ended = std::chrono::steady_clock::now();
        return true;
    }

    /// Waits for the end; the exit code, or -1 when a signal ended it.
    int wait()
    {
        if (!m_reaped) {
            ::wait4(m_pid, &m_status, 0, &m_usage);
            m_reaped = true;
            m_ended = std::chrono::steady_clock::now();
        }
        return WIFEXITED(m_status) ? WEXITSTATUS(m_status) : -1;
    }

    /// Peak resident set of the ended child, in MiB.
    [[nodiscard]] long peakRssMib() const { return m_usage.ru_maxrss / 1024; }

    [[nodiscard]] std::chrono::steady_clock::duration elapsed() const
    {
        return (m_reaped ? m_ended : std::chrono::steady_clock::now()) - m_started;
    }

private:
    bool poll()
    {
        if (::wait4(m_pid, &m_status, WNOHANG, &m_usage) == m_pid) {
            m_reaped = true;
            m_ended = std::chrono::steady_clock::now();
            return true;
        }
        return false;
    }

    pid_t m_pid = -1;
    bool m_reaped = false;
    int m_status = 0;
    rusage m_usage{};
    std::chrono::steady_clock::time_point m_started;
    std::chrono::steady_clock::time_point m_ended;
};

/// What one warmpath-cli run did: its exit code, its output and what it cost.
struct MeasuredRun {
    int exitCode = -1;
    std::string out;
    std::string err;
    long peakRssMib = 0;
    std::chrono::milliseconds elapsed{0};
};

/// Runs warmpath-cli with `args` in `dir` (see CliChild) to the end and measures it.
inline MeasuredRun runMeasured(const std::filesystem::path& dir, const std::vector<std::string>& args,
                               const std::vector<std::string>& environment = {})
{
    CliChild child(dir, args, environment);
    MeasuredRun result;
    result.exitCode = child.wait();
    result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(child.elapsed());
    result.peakRssMib = child.peakRssMib();
    result.out = readFile(dir / ".child-stdout");
    result.err = readFile(dir / ".child-stderr");
    return result;
}

/// One column value, with its SQLite type, so a row can be looked for again exactly.
struct SqlValue {
    int type = SQLITE_NULL;
    std::int64_t integer = 0;
    double real = 0;
    std::string bytes;  ///< TEXT and BLOB
};
using SqlRow = std::vector<SqlValue>;

/// A database file opened from outside, as after a crash: opening recovers a hot journal or WAL.
class RawDatabase {
public:
    explicit RawDatabase(const std::filesystem::path& file)
    {
        if (sqlite3_open_v2(file.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            ADD_FAILURE() << "cannot open " << file << ": " << sqlite3_errmsg(m_db);
        }
        sqlite3_busy_timeout(m_db, 5000);
    }
    ~RawDatabase() { sqlite3_close(m_db); }
    RawDatabase(const RawDatabase&) = delete;
    RawDatabase& operator=(const RawDatabase&) = delete;
    RawDatabase(RawDatabase&&) = delete;
    RawDatabase& operator=(RawDatabase&&) = delete;

    /// Every row `sql` returns.
    std::vector<SqlRow> query(const std::string& sql, const SqlRow& parameters = {}) const
    {
        std::vector<SqlRow> rows;
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
            ADD_FAILURE() << sql << ": " << sqlite3_errmsg(m_db);
            return rows;
        }
        for (std::size_t i = 0; i < parameters.size(); ++i) {
            bindValue(st, static_cast<int>(i + 1), parameters[i]);
        }
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            SqlRow row;
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                SqlValue value;
                value.type = sqlite3_column_type(st, c);
                if (value.type == SQLITE_INTEGER) {
                    value.integer = sqlite3_column_int64(st, c);
                } else if (value.type == SQLITE_FLOAT) {
                    value.real = sqlite3_column_double(st, c);
                } else if (value.type != SQLITE_NULL) {
                    const auto* data = static_cast<const char*>(sqlite3_column_blob(st, c));
                    value.bytes.assign(data == nullptr ? "" : data,
                                       static_cast<std::size_t>(sqlite3_column_bytes(st, c)));
                }
                row.push_back(std::move(value));
            }
            rows.push_back(std::move(row));
        }
        if (rc != SQLITE_DONE) {
            ADD_FAILURE() << sql << ": " << sqlite3_errmsg(m_db);
        }
        sqlite3_finalize(st);
        return rows;
    }

    std::int64_t count(const std::string& sql) const
    {
        const auto rows = query(sql);
        return rows.empty() || rows[0].empty() ? -1 : rows[0][0].integer;
    }

    /// `PRAGMA integrity_check`: "ok", or what it found.
    std::string integrity() const
    {
        std::string report;
        for (const SqlRow& row : query("PRAGMA integrity_check")) {
            report += (report.empty() ? "" : "\n") + row[0].bytes;
        }
        return report;
    }

    /// Our tables (not SQLite's own), by name.
    std::vector<std::string> tables() const
    {
        std::vector<std::string> names;
        for (const SqlRow& row :
             query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            names.push_back(row[0].bytes);
        }
        return names;
    }

    std::vector<std::string> columns(const std::string& table) const
    {
        std::vector<std::string> names;
        for (const SqlRow& row : query("SELECT name FROM pragma_table_info(?1)", {textValue(table)})) {
            names.push_back(row[0].bytes);
        }
        return names;
    }

    static SqlValue textValue(const std::string& text) { return SqlValue{.type = SQLITE_TEXT, .bytes = text}; }

private:
    static void bindValue(sqlite3_stmt* st, int index, const SqlValue& value)
    {
        switch (value.type) {
        case SQLITE_INTEGER:
            sqlite3_bind_int64(st, index, value.integer);
            break;
        case SQLITE_FLOAT:
            sqlite3_bind_double(st, index, value.real);
            break;
        case SQLITE_TEXT:
            sqlite3_bind_text(st, index, value.bytes.data(), static_cast<int>(value.bytes.size()), SQLITE_TRANSIENT);
            break;
        case SQLITE_BLOB:
            sqlite3_bind_blob(st, index, value.bytes.data(), static_cast<int>(value.bytes.size()), SQLITE_TRANSIENT);
            break;
        default:
            sqlite3_bind_null(st, index);
            break;
        }
    }

    sqlite3* m_db = nullptr;
};

/// Per table: the number of rows and an order-independent hash of their content (the sum of a
/// hash of each row), so two databases with the same rows compare equal whatever their page
/// layout, and one changed, missing or extra row makes them differ.
using ContentDigest = std::map<std::string, std::pair<std::int64_t, std::uint64_t>>;

inline std::uint64_t hashRow(const SqlRow& row)
{
    std::uint64_t hash = 1469598103934665603ULL;
    const auto mix = [&hash](const void* data, std::size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) {
            hash = (hash ^ bytes[i]) * 1099511628211ULL;
        }
    };
    for (const SqlValue& value : row) {
        mix(&value.type, sizeof value.type);
        mix(&value.integer, sizeof value.integer);
        mix(&value.real, sizeof value.real);
        const std::uint64_t size = value.bytes.size();
        mix(&size, sizeof size);
        mix(value.bytes.data(), value.bytes.size());
    }
    return hash;
}

inline ContentDigest contentDigest(const RawDatabase& db)
{
    ContentDigest digest;
    for (const std::string& table : db.tables()) {
        auto& [rows, sum] = digest[table];
        for (const SqlRow& row : db.query("SELECT * FROM \"" + table + "\"")) {
            ++rows;
            sum += hashRow(row);
        }
    }
    return digest;
}

/// Every row of every table, to check later that each is still there unchanged.
using TableRows = std::map<std::string, std::vector<SqlRow>>;

inline TableRows allRows(const RawDatabase& db)
{
    TableRows rows;
    for (const std::string& table : db.tables()) {
        rows[table] = db.query("SELECT * FROM \"" + table + "\"");
    }
    return rows;
}

/// The rows of `before` that `db` no longer holds exactly ("table: row n"); empty when all are.
inline std::vector<std::string> missingRows(const RawDatabase& db, const TableRows& before)
{
    std::vector<std::string> missing;
    for (const auto& [table, rows] : before) {
        const std::vector<std::string> names = db.columns(table);
        std::string sql = "SELECT count(*) FROM \"" + table + "\" WHERE 1";
        for (std::size_t c = 0; c < names.size(); ++c) {
            sql += " AND \"" + names[c] + "\" IS ?" + std::to_string(c + 1);
        }
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const auto found = db.query(sql, rows[r]);
            if (found.empty() || found[0][0].integer < 1) {
                missing.push_back(table + ": row " + std::to_string(r + 1));
            }
        }
    }
    return missing;
}

/// A fresh copy of `from` at `to`, with no journal or WAL left from an earlier run.
inline void copyDatabase(const std::filesystem::path& from, const std::filesystem::path& to)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::remove(to.string() + suffix);
    }
    std::filesystem::copy_file(from, to);
}

}  // namespace warmpath::test
