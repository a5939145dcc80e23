#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/Result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace warmpath {

/// Thrown by the store when SQLite reports a failure in the middle of an operation (disk full,
/// constraint violated, corrupt page). Workspace methods catch it and return it as an Error, so
/// it never reaches the CLI or the GUI as an exception.
class DatabaseError : public std::runtime_error {
public:
    DatabaseError(const std::string& message, int code) : std::runtime_error(message), m_code(code) {}
    [[nodiscard]] int code() const { return m_code; }

private:
    int m_code;
};

/// A prepared statement. Only ever built from SQL text written in this code base; every value
/// that comes from outside is bound as a parameter.
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bindNull(int index);
    /// Binds the text, or NULL when it is empty.
    Statement& bindOptional(int index, std::string_view value);
    Statement& bindOptional(int index, std::optional<std::int64_t> value);

    /// Advances to the next row: true when a row is available, false when done.
    bool step();
    /// Runs a statement that returns no rows (or whose rows are not wanted).
    void run();
    /// Makes the statement ready to run again with new bindings.
    void reset();

    [[nodiscard]] int columnCount() const;
    [[nodiscard]] std::int64_t int64(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::string_view textView(int column) const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::optional<std::int64_t> optionalInt64(int column) const;

private:
    void check(int rc, const char* what) const;

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

/// How Database::open treats a missing file.
enum class OpenMode {
    CreateIfMissing,  ///< create it (mode 0600) when it does not exist, in a folder that exists
    MustExist,        ///< fail when it does not exist
    ReadOnly,         ///< open read-only; fail when it does not exist
};

/// Whether a new database file may be created at `path`: its folder must exist. Database::open
/// creates a missing file (OpenMode::CreateIfMissing) but never a folder, so that a mistyped path
/// cannot leave folders behind that look like somewhere data went.
Status checkNewDatabaseFolder(const std::filesystem::path& path);

/// An SQLite connection: one per thread. Opening applies Warmpath's connection settings
/// (foreign keys, WAL, busy timeout) but does not touch the schema; see Schema.h.
class Database {
public:
    static Result<Database> open(const std::filesystem::path& path, OpenMode mode);
    static Database openInMemory();

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;

    /// A fresh prepared statement.
    Statement prepare(std::string_view sql);
    /// A prepared statement kept for reuse on this connection, reset and with bindings cleared.
    /// The reference stays valid for the life of the connection.
    Statement& cached(std::string_view sql);
    /// Resets every cached statement. A statement left on a row keeps a read transaction (an old
    /// snapshot) open on this connection: it would stop seeing other programs' writes and could not
    /// write after them ("database is locked"). Called at the end of each Workspace operation.
    void resetCachedStatements() noexcept;
    /// Runs one or more statements that take no parameters (schema, pragmas).
    void execute(std::string_view sql);

    [[nodiscard]] std::int64_t lastInsertId() const;
    [[nodiscard]] std::int64_t changes() const;
    /// Write transactions this connection has committed since it was opened.
    [[nodiscard]] std::int64_t commits() const;
    [[nodiscard]] bool inTransaction() const;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] sqlite3* handle() const { return m_db; }

private:
    Database(sqlite3* db, std::filesystem::path path);
    void close() noexcept;

    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
    /// On the heap: SQLite's commit hook keeps its address while the Database moves.
    std::unique_ptr<std::atomic<std::int64_t>> m_commits;
};

/// A transaction that rolls back unless commit() is called: an exception or an early return
/// leaves the database exactly as it was.
class Transaction {
public:
    enum class Kind { Deferred, Immediate };

    explicit Transaction(Database& db, Kind kind = Kind::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Transaction(Transaction&&) = delete;
    Transaction& operator=(Transaction&&) = delete;

    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

/// The current UTC time as the store writes it: `2026-11-26T09:30:00Z`.
[[nodiscard]] std::string utcNowIso8601();

/// A time in unix seconds (how link.first_seen and link.last_seen are stored) as the store
/// writes times in text: `2026-11-26T09:30:00Z`.
[[nodiscard]] std::string utcIso8601(std::int64_t unixSeconds);

}  // namespace warmpath
