#include "crypto/Backup.h"

#include <sqlite3.h>
#include <zlib.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <string>
#include <system_error>
#include <thread>
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

struct SqliteFree {
    void operator()(unsigned char* bytes) const { sqlite3_free(bytes); }
};

/// A consistent copy of the database in memory, taken with the online backup API so that other
/// connections (the GUI, another CLI) may keep reading and writing meanwhile. The copy lives in
/// SQLite's memdb VFS, whose pages are one contiguous buffer: serializing it needs no second copy.
class Snapshot {
public:
    static Result<Snapshot> take(Database& source)
    {
        sqlite3* raw = nullptr;
        const int opened = sqlite3_open_v2("file:warmpath-backup-snapshot?vfs=memdb", &raw,
                                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, nullptr);
        SqliteHandle memory(raw);
        if (opened != SQLITE_OK) {
            return Error("cannot open an in-memory snapshot: " + std::string(sqlite3_errstr(opened)));
        }
        // memdb refuses to grow past 1 GiB unless told otherwise (SQLITE_MEMDB_DEFAULT_MAXSIZE): a
        // database of 10 million links (1.2 GB) could not be backed up. Room for the source as it
        // is now and for what other connections may add while the copy runs.
        Statement pages = source.prepare("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size");
        sqlite3_int64 limit = (pages.step() ? 2 * pages.int64(0) : 0) + (std::int64_t{1} << 30);
        sqlite3_file_control(memory.get(), "main", SQLITE_FCNTL_SIZE_LIMIT, &limit);
        sqlite3_backup* backup = sqlite3_backup_init(memory.get(), "main", source.handle(), "main");
        if (backup == nullptr) {
            return Error("cannot start the snapshot: " + std::string(sqlite3_errmsg(memory.get())));
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
        Snapshot snapshot;
        sqlite3_int64 size = 0;
        snapshot.m_bytes = sqlite3_serialize(memory.get(), "main", &size, SQLITE_SERIALIZE_NOCOPY);
        if (snapshot.m_bytes == nullptr) {
            // Not a contiguous buffer after all: take (and own) a copy.
            snapshot.m_copy.reset(sqlite3_serialize(memory.get(), "main", &size, 0));
            snapshot.m_bytes = snapshot.m_copy.get();
        }
        if (snapshot.m_bytes == nullptr) {
            return Error("cannot serialize the database snapshot (out of memory?)");
        }
        snapshot.m_size = static_cast<std::size_t>(size);
        snapshot.m_memory = std::move(memory);
        return snapshot;
    }

    [[nodiscard]] const unsigned char* data() const { return m_bytes; }
    [[nodiscard]] std::size_t size() const { return m_size; }

private:
    SqliteHandle m_memory;
    std::unique_ptr<unsigned char, SqliteFree> m_copy;
    const unsigned char* m_bytes = nullptr;
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

    Result<Snapshot> snapshot = Snapshot::take(db);
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
        const unsigned char* at = snapshot->data();
        std::size_t left = snapshot->size();
        do {
            const std::size_t take = std::min(left, kChunk);
            if (Status fed = sealer.feed(at, take, take == left); !fed) {
                return Error(fed.error().message, file.string());
            }
            at += take;
            left -= take;
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

Status restoreBackup(const std::filesystem::path& file, std::string_view passphrase,
                     const std::filesystem::path& target, bool force)
{
    if (Status allowed = checkRestoreTarget(target, force); !allowed) {
        return allowed;
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
                return fed;
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
        return verified;
    }
    retireOldDatabase(target);
    return out->commit();  // fsyncs what SQLite's check left, then renames
}

}  // namespace warmpath
