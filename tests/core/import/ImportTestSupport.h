#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "Workspace.h"
#include "store/Database.h"

namespace warmpath::test {

inline bool hasIdentity(Workspace& ws, PersonId person, const std::string& network, const std::string& key)
{
    const auto identities = ws.identities(person);
    return std::any_of(identities->begin(), identities->end(),
                       [&](const Identity& i) { return i.network == network && i.key == key; });
}

inline bool anyWarningContains(const FileImportSummary& s, const std::string& text)
{
    return std::any_of(s.warnings.begin(), s.warnings.end(),
                       [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

/// `utf8` in UTF-16 without a byte-order mark, as some address books and Windows programs write it.
inline std::string utf16(std::string_view utf8, bool bigEndian)
{
    std::string out;
    const auto put = [&](std::uint32_t unit) {
        const auto high = static_cast<char>(unit >> 8);
        const auto low = static_cast<char>(unit & 0xFF);
        out += bigEndian ? high : low;
        out += bigEndian ? low : high;
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        std::uint32_t cp = length == 1   ? lead
                           : length == 2 ? (lead & 0x1Fu)
                           : length == 3 ? (lead & 0x0Fu)
                                         : (lead & 0x07u);
        for (std::size_t k = 1; k < length; ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
        }
        i += length;
        if (cp >= 0x10000) {
            put(0xD800 + ((cp - 0x10000) >> 10));
            put(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            put(cp);
        }
    }
    return out;
}

inline std::filesystem::path importFixture(const std::string& relative)
{
    return sourceDir() / "tests" / "data" / "import" / relative;
}

inline std::filesystem::path sharedData()
{
    return sourceDir() / ".." / "shared" / "data";
}

/// A workspace on a file in a private folder, plus a second connection for checks the
/// Workspace API does not offer (links, sources).
class ImportFixture {
public:
    ImportFixture() { reopen(); }

    Workspace& ws() { return *m_ws; }
    [[nodiscard]] std::filesystem::path dbPath() const { return m_dir.file("w.db"); }
    const TempDir& dir() const { return m_dir; }

    void reopen()
    {
        m_ws.reset();
        auto opened = Workspace::open(dbPath());
        if (!opened) {
            throw std::runtime_error(opened.error().describe());
        }
        m_ws = std::move(opened).value();
    }
    void close() { m_ws.reset(); }

    FileImportSummary importOk(const std::filesystem::path& file, ImportOptions options = {})
    {
        auto result = m_ws->importFiles({file}, options);
        if (!result) {
            ADD_FAILURE() << result.error().describe();
            return {};
        }
        return result->front();
    }

    /// One number from SQL on a separate connection.
    std::int64_t scalar(const std::string& sql)
    {
        auto db = Database::open(dbPath(), OpenMode::MustExist);
        Statement st = db->prepare(sql);
        return st.step() ? st.int64(0) : -1;
    }

    /// Links from REF to REF of any kind.
    std::int64_t links(const std::string& from, const std::string& to)
    {
        const auto a = m_ws->resolve(from);
        const auto b = m_ws->resolve(to);
        if (!a || !b) {
            ADD_FAILURE() << "cannot resolve " << from << " or " << to;
            return -1;
        }
        return scalar("SELECT count(*) FROM link WHERE from_person = " + std::to_string(a->value()) +
                      " AND to_person = " + std::to_string(b->value()));
    }

    /// Every row of every table, in a stable order: equal dumps mean equal contents.
    std::string dump()
    {
        auto db = Database::open(dbPath(), OpenMode::MustExist);
        std::string out;
        Statement tables = db->prepare("SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name");
        std::vector<std::string> names;
        while (tables.step()) {
            out += tables.text(1) + "\n";
            if (tables.text(1).rfind("CREATE TABLE", 0) == 0) {
                names.push_back(tables.text(0));
            }
        }
        for (const auto& name : names) {
            Statement rows = db->prepare("SELECT * FROM \"" + name + "\" ORDER BY 1, 2");
            while (rows.step()) {
                out += name + ":";
                for (int c = 0; c < rows.columnCount(); ++c) {
                    out += "|" + rows.text(c);
                }
                out += "\n";
            }
        }
        Statement version = db->prepare("PRAGMA user_version");
        version.step();
        return out + "version " + version.text(0) + "\n";
    }

private:
    TempDir m_dir;
    std::unique_ptr<Workspace> m_ws;
};

}  // namespace warmpath::test
