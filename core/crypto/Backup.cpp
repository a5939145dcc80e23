#include "crypto/Backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <memory>
#include <span>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "crypto/BackupHeader.h"
#include "crypto/Evp.h"
#include "store/Schema.h"
#include "util/AtomicFile.h"

namespace warmpath {
namespace {

using crypto::BackupHeader;

constexpr std::size_t kChunk = 64 * 1024;

Error damaged()
{
    return Error(std::string(kDamagedBackupMessage));
}

struct SqliteClose {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteClose>;

/// A consistent copy of the database in a temporary file beside it, taken with the online backup
/// API so that other connections (the GUI, another CLI) may keep reading and writing meanwhile.
/// Only SQLite's page cache is in memory while it is taken, and the copy is read back a chunk at
/// a time, so a backup costs a few MB whatever the size of the database (it once held the whole
/// snapshot in memory: 1.2 GB for 10 million links). The copy is plain text, so it is created
/// with mode 0600 and unlinked as soon as it is open for reading: it is gone on every way out,
/// and a crash while sealing leaves nothing behind.
class Snapshot {
public:
    ~Snapshot()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        removeFiles();
    }
    Snapshot(const Snapshot&) = delete;
    Snapshot& operator=(const Snapshot&) = delete;
    Snapshot(Snapshot&& other) noexcept
        : m_path(std::exchange(other.m_path, {})), m_fd(std::exchange(other.m_fd, -1)), m_size(other.m_size)
    {
    }
    Snapshot& operator=(Snapshot&&) = delete;

    static Result<Snapshot> take(Database& source, const std::filesystem::path& backupFile)
    {
        Result<Snapshot> created = create(besideDatabase(source, backupFile));
        if (!created) {
            return created.error();
        }
        Snapshot snapshot = std::move(created).value();
        if (Status copied = snapshot.copyFrom(source); !copied) {
            return copied.error();
        }
        if (Status opened = snapshot.openForReading(); !opened) {
            return opened.error();
        }
        return snapshot;
    }

    /// The next bytes of the copy into `buffer`; 0 at the end.
    Result<std::size_t> read(std::span<unsigned char> buffer)
    {
        for (;;) {
            const ssize_t got = ::read(m_fd, buffer.data(), buffer.size());
            if (got >= 0) {
                return static_cast<std::size_t>(got);
            }
            if (errno != EINTR) {
                return Error("cannot read the database snapshot: " + systemError());
            }
        }
    }

    [[nodiscard]] std::size_t size() const { return m_size; }

private:
    explicit Snapshot(std::filesystem::path path) : m_path(std::move(path)) {}

    static std::string systemError()
    {
        return std::strerror(errno);  // NOLINT(concurrency-mt-unsafe): messages only
    }

    /// Beside the database (same file system, same protection), or beside the backup for a
    /// database that lives in memory.
    static std::filesystem::path besideDatabase(Database& source, const std::filesystem::path& backupFile)
    {
        const char* name = sqlite3_db_filename(source.handle(), "main");
        return name != nullptr && *name != '\0' ? std::filesystem::path(name) : backupFile;
    }

    static Result<Snapshot> create(const std::filesystem::path& beside)
    {
        std::string pattern = beside.string() + ".backup-snapshot-XXXXXX";
        std::vector<char> buffer(pattern.begin(), pattern.end());
        buffer.push_back('\0');
        const int fd = ::mkstemp(buffer.data());  // mode 0600
        if (fd < 0) {
            return Error("cannot create a temporary snapshot file beside the database: " + systemError(),
                         beside.string());
        }
        ::close(fd);
        return Snapshot(std::filesystem::path(buffer.data()));
    }

    Status copyFrom(Database& source)
    {
        sqlite3* raw = nullptr;
        const int opened = sqlite3_open_v2(m_path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
        SqliteHandle copy(raw);
        if (opened != SQLITE_OK) {
            return Error("cannot open the temporary snapshot: " + std::string(sqlite3_errstr(opened)), m_path.string());
        }
        // A scratch file: no journal, no syncs. It is read back before it counts, and a crash
        // simply loses it.
        sqlite3_exec(copy.get(), "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", nullptr, nullptr, nullptr);
        sqlite3_backup* backup = sqlite3_backup_init(copy.get(), "main", source.handle(), "main");
        if (backup == nullptr) {
            return Error("cannot start the snapshot: " + std::string(sqlite3_errmsg(copy.get())));
        }
        int rc = SQLITE_OK;
        for (int attempt = 0; attempt < 100; ++attempt) {
            rc = sqlite3_backup_step(backup, -1);
            if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) {
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        const int finished = sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE || finished != SQLITE_OK) {
            return Error("cannot take a snapshot of the database: " +
                         std::string(sqlite3_errstr(rc != SQLITE_DONE ? rc : finished)));
        }
        if (const int closed = sqlite3_close(copy.release()); closed != SQLITE_OK) {
            return Error("cannot finish the snapshot: " + std::string(sqlite3_errstr(closed)), m_path.string());
        }
        return {};
    }

    Status openForReading()
    {
        m_fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
        if (m_fd < 0) {
            return Error("cannot read the database snapshot: " + systemError(), m_path.string());
        }
        struct stat info {};
        if (::fstat(m_fd, &info) != 0) {
            return Error("cannot read the database snapshot: " + systemError(), m_path.string());
        }
        m_size = static_cast<std::size_t>(info.st_size);
        removeFiles();  // the open descriptor keeps the bytes until it is closed
        return {};
    }

    void removeFiles()
    {
        if (!m_path.empty()) {
            ::unlink(m_path.c_str());
            ::unlink((m_path.string() + "-journal").c_str());
            m_path.clear();
        }
    }

    std::filesystem::path m_path;
    int m_fd = -1;
    std::size_t m_size = 0;
};

/// Deflate → AES-256-GCM → file, a chunk at a time.
class Sealer {
public:
    Sealer(AtomicFile& out, EVP_CIPHER_CTX* cipher) : m_out(out), m_cipher(cipher)
    {
        m_ok = deflateInit(&m_zip, Z_BEST_COMPRESSION) == Z_OK;
    }
    ~Sealer() { deflateEnd(&m_zip); }
    Sealer(const Sealer&) = delete;
    Sealer& operator=(const Sealer&) = delete;
    Sealer(Sealer&&) = delete;
    Sealer& operator=(Sealer&&) = delete;

    Status feed(const unsigned char* data, std::size_t size, bool last)
    {
        if (!m_ok) {
            return Error("cannot start compression");
        }
        m_zip.next_in = const_cast<unsigned char*>(data);  // zlib's API is not const-correct
        m_zip.avail_in = static_cast<uInt>(size);
        const int flush = last ? Z_FINISH : Z_NO_FLUSH;
        int rc = Z_OK;
        do {
            m_zip.next_out = m_compressed.data();
            m_zip.avail_out = static_cast<uInt>(m_compressed.size());
            rc = deflate(&m_zip, flush);
            if (rc == Z_STREAM_ERROR) {
                return Error("compression failed");
            }
            const std::size_t produced = m_compressed.size() - m_zip.avail_out;
            if (Status sealed = seal(m_compressed.data(), produced); !sealed) {
                return sealed;
            }
        } while (m_zip.avail_out == 0 || (last && rc != Z_STREAM_END));
        return {};
    }

private:
    Status seal(const unsigned char* data, std::size_t size)
    {
        if (size == 0) {
            return {};
        }
        int produced = 0;
        if (EVP_EncryptUpdate(m_cipher, m_encrypted.data(), &produced, data, static_cast<int>(size)) != 1) {
            return Error("encryption failed");
        }
        return m_out.write(m_encrypted.data(), static_cast<std::size_t>(produced));
    }

    AtomicFile& m_out;
    EVP_CIPHER_CTX* m_cipher;
    z_stream m_zip{};
    bool m_ok = false;
    std::vector<unsigned char> m_compressed = std::vector<unsigned char>(kChunk);
    std::vector<unsigned char> m_encrypted = std::vector<unsigned char>(kChunk + 32);
};

/// File → AES-256-GCM → inflate → file, a chunk at a time. Nothing it writes counts until the
/// GCM tag has been checked at the end.
class Opener {
public:
    Opener(AtomicFile& out, EVP_CIPHER_CTX* cipher) : m_out(out), m_cipher(cipher)
    {
        m_ok = inflateInit(&m_zip) == Z_OK;
    }
    ~Opener() { inflateEnd(&m_zip); }
    Opener(const Opener&) = delete;
    Opener& operator=(const Opener&) = delete;
    Opener(Opener&&) = delete;
    Opener& operator=(Opener&&) = delete;

    Status feed(const unsigned char* data, std::size_t size)
    {
        int produced = 0;
        if (!m_ok || EVP_DecryptUpdate(m_cipher, m_plain.data(), &produced, data, static_cast<int>(size)) != 1) {
            return damaged();
        }
        if (produced == 0) {
            return {};
        }
        if (m_ended) {
            return damaged();  // bytes after the end of the compressed stream
        }
        m_zip.next_in = m_plain.data();
        m_zip.avail_in = static_cast<uInt>(produced);
        do {
            m_zip.next_out = m_inflated.data();
            m_zip.avail_out = static_cast<uInt>(m_inflated.size());
            const int rc = inflate(&m_zip, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
                return damaged();
            }
            const std::size_t got = m_inflated.size() - m_zip.avail_out;
            if (got > 0) {
                if (Status written = m_out.write(m_inflated.data(), got); !written) {
                    return written;
                }
            }
            if (rc == Z_STREAM_END) {
                m_ended = true;
                if (m_zip.avail_in != 0) {
                    return damaged();
                }
                break;
            }
            if (rc == Z_BUF_ERROR && m_zip.avail_in == 0) {
                break;
            }
        } while (m_zip.avail_in > 0 || m_zip.avail_out == 0);
        return {};
    }

    [[nodiscard]] bool ended() const { return m_ended; }

private:
    AtomicFile& m_out;
    EVP_CIPHER_CTX* m_cipher;
    z_stream m_zip{};
    bool m_ok = false;
    bool m_ended = false;
    std::vector<unsigned char> m_plain = std::vector<unsigned char>(kChunk + 32);
    std::vector<unsigned char> m_inflated = std::vector<unsigned char>(kChunk);
};

crypto::CipherCtx startCipher(bool encrypt, const crypto::Key& key, const BackupHeader& header,
                              std::span<const unsigned char> aad)
{
    crypto::CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx) {
        return {};
    }
    auto init = encrypt ? EVP_EncryptInit_ex : EVP_DecryptInit_ex;
    if (init(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(header.nonce.size()), nullptr) != 1 ||
        init(ctx.get(), nullptr, nullptr, key.data(), header.nonce.data()) != 1) {
        return {};
    }
    int ignored = 0;
    auto update = encrypt ? EVP_EncryptUpdate : EVP_DecryptUpdate;
    if (update(ctx.get(), nullptr, &ignored, aad.data(), static_cast<int>(aad.size())) != 1) {
        return {};
    }
    return ctx;
}

/// Opens the restored copy and asks SQLite whether it is whole and a Warmpath database. Leaves it
/// in rollback-journal mode so no -wal file travels with the temporary name.
Status verifyRestored(const std::filesystem::path& file)
{
    sqlite3* raw = nullptr;
    const int opened = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    SqliteHandle db(raw);
    if (opened != SQLITE_OK) {
        return damaged();
    }
    auto single = [&db](const char* sql) -> std::string {
        sqlite3_stmt* st = nullptr;
        std::string value;
        if (sqlite3_prepare_v2(db.get(), sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
            const auto* text = sqlite3_column_text(st, 0);
            value = text != nullptr ? reinterpret_cast<const char*>(text) : "";
        }
        sqlite3_finalize(st);
        return value;
    };
    if (single("PRAGMA integrity_check") != "ok" || single("PRAGMA application_id") != std::to_string(kApplicationId) ||
        single("PRAGMA journal_mode = DELETE") != "delete") {
        return damaged();
    }
    return {};
}

/// Folds the old database's write-ahead log into it and removes -wal/-shm leftovers, so the
/// renamed-in database cannot be paired with the old database's log.
void retireOldDatabase(const std::filesystem::path& target)
{
    std::error_code ec;
    if (std::filesystem::exists(target, ec)) {
        sqlite3* raw = nullptr;
        if (sqlite3_open_v2(target.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
            sqlite3_exec(raw, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
        }
        sqlite3_close_v2(raw);
    }
    std::filesystem::remove(target.string() + "-wal", ec);
    std::filesystem::remove(target.string() + "-shm", ec);
}

}  // namespace

Result<BackupSummary> writeBackup(Database& db, const std::filesystem::path& file, std::string_view passphrase,
                                  const BackupOptions& options)
{
    if (passphrase.empty()) {
        return Error("the passphrase must not be empty");
    }
    BackupHeader header;
    header.scryptLogN = static_cast<std::uint8_t>(options.scryptLogN);
    header.scryptR = static_cast<std::uint32_t>(options.scryptR);
    header.scryptP = static_cast<std::uint32_t>(options.scryptP);
    if (!crypto::randomBytes(header.salt) || !crypto::randomBytes(header.nonce)) {
        return Error("the system's random number generator failed");
    }
    const auto headerBytes = header.serialize();
    if (!BackupHeader::parse(headerBytes)) {
        return Error("scrypt parameters out of range");
    }

    Result<Snapshot> snapshot = Snapshot::take(db, file);
    if (!snapshot) {
        return snapshot.error();
    }
    crypto::Key key;
    if (!crypto::deriveKey(passphrase, header.salt, header.scrypt(), key)) {
        return Error("scrypt key derivation failed");
    }
    crypto::CipherCtx cipher = startCipher(true, key, header, headerBytes);
    key.wipe();
    if (!cipher) {
        return Error("cannot start AES-256-GCM");
    }

    Result<AtomicFile> out = AtomicFile::create(file);
    if (!out) {
        return out.error();
    }
    if (Status written = out->write(headerBytes.data(), headerBytes.size()); !written) {
        return written.error();
    }
    {
        Sealer sealer(*out, cipher.get());
        std::vector<unsigned char> chunk(kChunk);
        std::size_t left = snapshot->size();
        do {
            Result<std::size_t> got = snapshot->read(std::span(chunk.data(), std::min(left, chunk.size())));
            if (!got) {
                return got.error();
            }
            if (*got == 0 && left > 0) {
                return Error("the database snapshot ended early");
            }
            left -= *got;
            if (Status fed = sealer.feed(chunk.data(), *got, left == 0); !fed) {
                return Error(fed.error().message, file.string());
            }
        } while (left > 0);
    }
    std::array<unsigned char, crypto::kTagBytes + 32> tail{};
    int finalBytes = 0;
    if (EVP_EncryptFinal_ex(cipher.get(), tail.data(), &finalBytes) != 1 ||
        EVP_CIPHER_CTX_ctrl(cipher.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(crypto::kTagBytes),
                            tail.data() + finalBytes) != 1) {
        return Error("encryption failed");
    }
    if (Status written = out->write(tail.data(), static_cast<std::size_t>(finalBytes) + crypto::kTagBytes); !written) {
        return written.error();
    }
    const std::size_t fileBytes = out->bytesWritten();
    if (Status committed = out->commit(); !committed) {
        return committed.error();
    }
    return BackupSummary{.databaseBytes = snapshot->size(), .fileBytes = fileBytes};
}

Status checkRestoreTarget(const std::filesystem::path& target, bool force)
{
    std::error_code ec;
    if (!force && std::filesystem::exists(target, ec)) {
        return Error("a database already exists there; give --force to replace it (it is replaced only after "
                     "the restored copy has been written and verified)",
                     target.string());
    }
    return {};
}

Result<DecryptedBackup> decryptBackup(const std::filesystem::path& file, std::string_view passphrase,
                                      const std::filesystem::path& target, bool force)
{
    if (Status allowed = checkRestoreTarget(target, force); !allowed) {
        return allowed.error();
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return Error("cannot open the backup", file.string());
    }
    std::error_code ec;
    const std::uintmax_t fileSize = std::filesystem::file_size(file, ec);
    if (ec || fileSize < BackupHeader::kSize + crypto::kTagBytes) {
        return damaged();
    }
    std::array<unsigned char, BackupHeader::kSize> headerBytes{};
    in.read(reinterpret_cast<char*>(headerBytes.data()), headerBytes.size());
    const auto header = BackupHeader::parse(headerBytes);
    if (!in || !header) {
        return damaged();
    }
    crypto::Key key;
    if (!crypto::deriveKey(passphrase, header->salt, header->scrypt(), key)) {
        return damaged();
    }
    crypto::CipherCtx cipher = startCipher(false, key, *header, headerBytes);
    key.wipe();
    if (!cipher) {
        return Error("cannot start AES-256-GCM");
    }

    if (target.has_parent_path()) {
        std::filesystem::create_directories(target.parent_path(), ec);
    }
    Result<AtomicFile> out = AtomicFile::create(target);
    if (!out) {
        return out.error();
    }
    std::uintmax_t left = fileSize - BackupHeader::kSize - crypto::kTagBytes;
    {
        Opener opener(*out, cipher.get());
        std::vector<unsigned char> buffer(kChunk);
        while (left > 0) {
            const auto take = static_cast<std::size_t>(std::min<std::uintmax_t>(left, buffer.size()));
            in.read(reinterpret_cast<char*>(buffer.data()), static_cast<std::streamsize>(take));
            if (!in) {
                return damaged();
            }
            if (Status fed = opener.feed(buffer.data(), take); !fed) {
                return fed.error();
            }
            left -= take;
        }
        std::array<unsigned char, crypto::kTagBytes> tag{};
        in.read(reinterpret_cast<char*>(tag.data()), tag.size());
        int finalBytes = 0;
        std::array<unsigned char, 32> finalPlain{};
        if (!in || !opener.ended() ||
            EVP_CIPHER_CTX_ctrl(cipher.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(tag.size()), tag.data()) != 1 ||
            EVP_DecryptFinal_ex(cipher.get(), finalPlain.data(), &finalBytes) != 1 || finalBytes != 0) {
            return damaged();
        }
    }
    if (Status verified = verifyRestored(out->temporaryPath()); !verified) {
        return verified.error();
    }
    return DecryptedBackup(std::move(out).value());
}

Status DecryptedBackup::install()
{
    retireOldDatabase(m_file.target());
    return m_file.commit();  // fsyncs what SQLite's check left, then renames
}

Status restoreBackup(const std::filesystem::path& file, std::string_view passphrase,
                     const std::filesystem::path& target, bool force)
{
    Result<DecryptedBackup> decrypted = decryptBackup(file, passphrase, target, force);
    if (!decrypted) {
        return decrypted.error();
    }
    return decrypted->install();
}

}  // namespace warmpath
