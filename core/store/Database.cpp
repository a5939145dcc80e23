#include "store/Database.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <system_error>

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace warmpath {
namespace {

std::string sqliteMessage(sqlite3* db, int rc)
{
    if (db != nullptr && sqlite3_errcode(db) == rc) {
        return sqlite3_errmsg(db);
    }
    return sqlite3_errstr(rc);
}

/// Creates the database file with owner-only permissions before SQLite sees it: SQLite would
/// otherwise create it with the process umask, and the WAL and shared-memory files inherit the
/// main file's mode. Never a folder: a mistyped path must not leave a trail of folders behind that
/// looks like somewhere data went (the default location's folder is created by its caller, Paths.h).
Status createPrivateFile(const std::filesystem::path& path)
{
    if (Status folder = checkNewDatabaseFolder(path); !folder) {
        return folder;
    }
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        return Error(std::string("cannot create database file: ") + std::strerror(errno), path.string());
    }
    ::close(fd);
    return {};
}

}  // namespace

Status checkNewDatabaseFolder(const std::filesystem::path& path)
{
    std::error_code ec;
    const auto parent = path.parent_path();
    if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) {
        return Error("no such folder " + parent.string() + "; a new database is created only in a folder that exists",
                     path.string());
    }
    return {};
}

// --- Statement ---------------------------------------------------------------------------

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db)
{
    const int rc =
        sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        throw DatabaseError("cannot prepare statement (" + sqliteMessage(db, rc) + "): " + std::string(sql), rc);
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

void Statement::check(int rc, const char* what) const
{
    if (rc != SQLITE_OK) {
        throw DatabaseError(std::string(what) + ": " + sqliteMessage(m_db, rc), rc);
    }
}

Statement& Statement::bind(int index, std::int64_t value)
{
    check(sqlite3_bind_int64(m_stmt, index, value), "cannot bind integer");
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    check(sqlite3_bind_double(m_stmt, index, value), "cannot bind number");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value)
{
    check(sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
          "cannot bind text");
    return *this;
}

Statement& Statement::bindNull(int index)
{
    check(sqlite3_bind_null(m_stmt, index), "cannot bind null");
    return *this;
}

Statement& Statement::bindOptional(int index, std::string_view value)
{
    return value.empty() ? bindNull(index) : bind(index, value);
}

Statement& Statement::bindOptional(int index, std::optional<std::int64_t> value)
{
    return value ? bind(index, *value) : bindNull(index);
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    const std::string message = sqliteMessage(m_db, rc);
    sqlite3_reset(m_stmt);
    throw DatabaseError(message, rc);
}

void Statement::run()
{
    while (step()) {
    }
    sqlite3_reset(m_stmt);
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string_view Statement::textView(int column) const
{
    const auto* text = sqlite3_column_text(m_stmt, column);
    if (text == nullptr) {
        return {};
    }
    return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))};
}

std::string Statement::text(int column) const
{
    return std::string(textView(column));
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const
{
    if (isNull(column)) {
        return std::nullopt;
    }
    return int64(column);
}

// --- Database ----------------------------------------------------------------------------

Database::Database(sqlite3* db, std::filesystem::path path)
    : m_db(db), m_path(std::move(path)), m_commits(std::make_unique<std::atomic<std::int64_t>>(0))
{
    // Counts the write transactions that reached the file, whichever statement committed them: what
    // tells a caller that a connection stored something (a rolled-back import stores nothing).
    sqlite3_commit_hook(
        m_db,
        [](void* commits) {
            static_cast<std::atomic<std::int64_t>*>(commits)->fetch_add(1, std::memory_order_relaxed);
            return 0;
        },
        m_commits.get());
}

Database::~Database()
{
    close();
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)),
      m_path(std::move(other.m_path)),
      m_cache(std::move(other.m_cache)),
      m_commits(std::move(other.m_commits))
{
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_cache = std::move(other.m_cache);
        m_commits = std::move(other.m_commits);
    }
    return *this;
}

void Database::close() noexcept
{
    m_cache.clear();  // statements must be finalised before the connection closes
    if (m_db != nullptr) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Result<Database> Database::open(const std::filesystem::path& path, OpenMode mode)
{
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (exists && !std::filesystem::is_regular_file(path, ec)) {
        return Error("not a regular file; give the path of a Warmpath database file", path.string());
    }
    if (!exists) {
        if (mode != OpenMode::CreateIfMissing) {
            return Error("no such database file", path.string());
        }
        if (Status created = createPrivateFile(path); !created) {
            return created.error();
        }
    }

    // Never SQLITE_OPEN_CREATE: the file exists by now, and a typo must not create a stray one.
    const int flags = (mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                      SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = sqliteMessage(raw, rc);
        sqlite3_close_v2(raw);
        return Error("cannot open database: " + message, path.string());
    }
    Database db(raw, path);
    sqlite3_busy_timeout(raw, 5000);
    sqlite3_extended_result_codes(raw, 1);
    try {
        // Reading the schema is the first access to the file: a file that is not an SQLite
        // database fails here, before anything could be written to it.
        db.execute("SELECT count(*) FROM sqlite_schema");
        db.execute("PRAGMA foreign_keys = ON");
        if (mode != OpenMode::ReadOnly) {
            db.execute("PRAGMA journal_mode = WAL");
            db.execute("PRAGMA synchronous = NORMAL");
        }
    } catch (const DatabaseError& e) {
        if ((e.code() & 0xff) == SQLITE_NOTADB || (e.code() & 0xff) == SQLITE_CORRUPT) {
            return Error("not a Warmpath database, or the file is damaged (" + std::string(e.what()) +
                             "); it was left untouched",
                         path.string());
        }
        return Error(std::string("cannot read database: ") + e.what(), path.string());
    }
    return db;
}

Database Database::openInMemory()
{
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close_v2(raw);
        throw DatabaseError("cannot open an in-memory database", rc);
    }
    Database db(raw, ":memory:");
    db.execute("PRAGMA foreign_keys = ON");
    return db;
}

Statement Database::prepare(std::string_view sql)
{
    return {m_db, sql};
}

Statement& Database::cached(std::string_view sql)
{
    auto it = m_cache.find(std::string(sql));
    if (it == m_cache.end()) {
        it = m_cache.emplace(std::string(sql), std::make_unique<Statement>(m_db, sql)).first;
    } else {
        it->second->reset();
    }
    return *it->second;
}

void Database::resetCachedStatements() noexcept
{
    for (auto& entry : m_cache) {
        entry.second->reset();
    }
}

void Database::execute(std::string_view sql)
{
    std::string owned(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, owned.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string text = message != nullptr ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw DatabaseError(text, sqlite3_extended_errcode(m_db));
    }
}

std::int64_t Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

std::int64_t Database::commits() const
{
    return m_commits ? m_commits->load(std::memory_order_relaxed) : 0;
}

std::int64_t Database::changes() const
{
    return sqlite3_changes64(m_db);
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

// --- Transaction -------------------------------------------------------------------------

Transaction::Transaction(Database& db, Kind kind) : m_db(db)
{
    m_db.execute(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction()
{
    if (!m_done) {
        try {
            m_db.execute("ROLLBACK");
        } catch (const DatabaseError&) {
            // SQLite rolls back by itself after some errors; nothing more can be done here.
        }
    }
}

void Transaction::commit()
{
    m_db.execute("COMMIT");
    m_done = true;
}

std::string utcNowIso8601()
{
    return utcIso8601(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
}

std::string utcIso8601(std::int64_t unixSeconds)
{
    const auto time = static_cast<std::time_t>(unixSeconds);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char buffer[32];
    const std::size_t length = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return {buffer, length};
}

}  // namespace warmpath
