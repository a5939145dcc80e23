// X (Twitter) archives: `data/following.js`, `data/follower.js` (and their `-partN` splits),
// `data/account.js`, `data/manifest.js`, given as one of those files, the unpacked folder, or
// the downloaded .zip. Each file is `window.YTD.NAME.partN = <JSON>`: the prefix is checked and
// stripped and the rest parsed as JSON, never evaluated; anything after the JSON but a `;` is
// an error. Files are read one at a time and their JSON parsed an entry at a time (SAX), so
// memory holds one file's text (at most 256 MB) and one entry, never the archive or a DOM of it.

#include <algorithm>
#include <array>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>
#include <zip.h>

#include "import/TextInput.h"
#include "import/parsers/Parsers.h"

namespace warmpath::import {
namespace {

constexpr std::uint64_t kMaxEntryBytes = std::uint64_t{256} << 20;
constexpr std::uint64_t kMaxArchiveBytes = std::uint64_t{1} << 30;

enum class Kind { Following, Follower, Account, Manifest, Other };

/// What a file of the archive holds, by its name (`following-part2.js` → Following).
Kind kindOf(std::string_view path)
{
    std::string name = lowerAscii(path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1));
    if (name.size() < 4 || name.compare(name.size() - 3, 3, ".js") != 0) {
        return Kind::Other;
    }
    name.resize(name.size() - 3);
    if (const auto dash = name.find("-part"); dash != std::string::npos) {
        name.resize(dash);
    }
    if (name == "following") {
        return Kind::Following;
    }
    if (name == "follower") {
        return Kind::Follower;
    }
    if (name == "account") {
        return Kind::Account;
    }
    if (name == "manifest") {
        return Kind::Manifest;
    }
    return Kind::Other;
}

/// One file of the archive, listed first and read only when its turn comes: the archive may
/// hold up to 1 GiB, and only one file at a time is ever in memory.
struct ArchiveFile {
    std::string label;
    Kind kind = Kind::Other;
    std::filesystem::path path;            ///< a file on disk, or
    std::optional<zip_uint64_t> zipEntry;  ///< an entry of the zip
    std::string zipName;
    std::uint64_t statedSize = 0;  ///< what the zip says the entry unpacks to (never trusted)
};

/// Line and column (1-based) of byte `offset` in `text`.
std::pair<std::size_t, std::size_t> position(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    std::size_t line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return {line, offset - lineStart + 1};
}

/// The offset of the first bracket that nests deeper than `depth` in the JSON `text`, or its size.
std::size_t offsetDeeperThan(std::string_view text, int depth)
{
    int level = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++level > depth) {
                return i;
            }
        } else if (c == ']' || c == '}') {
            --level;
        }
    }
    return text.size();
}

/// Hands each item at the top of a JSON document (each element of the array, or each member of
/// the object) to a visitor as a small DOM of its own, and forgets it: memory holds one item,
/// not the document (parsed whole, a 256 MB following.js would take several GB). An item is
/// three levels deep in a real archive; one nested past kMaxDepth or holding more than
/// kMaxItemValues values is hostile and ends the parse.
class TopLevelItems final : public nlohmann::json_sax<nlohmann::json> {
public:
    static constexpr int kMaxDepth = 64;
    static constexpr std::size_t kMaxItemValues = 10'000;

    enum class Stop { None, NotAnArray, TooDeep, TooLarge, Visitor, Syntax };

    /// `index` counts items from 1; `key` is the member name (empty for array elements). An
    /// item `wanted` says no to is skipped without being built. A visitor error ends the parse.
    using Visitor = std::function<Status(std::size_t index, const std::string& key, const nlohmann::json& item)>;
    using Wanted = std::function<bool(const std::string& key)>;

    TopLevelItems(bool arrayExpected, Wanted wanted, Visitor visit)
        : m_arrayExpected(arrayExpected), m_wanted(std::move(wanted)), m_visit(std::move(visit))
    {
    }

    bool null() override { return value(nullptr); }
    bool boolean(bool v) override { return value(v); }
    bool number_integer(number_integer_t v) override { return value(v); }
    bool number_unsigned(number_unsigned_t v) override { return value(v); }
    bool number_float(number_float_t v, const string_t& /*text*/) override { return value(v); }
    bool string(string_t& v) override { return value(std::move(v)); }
    bool binary(binary_t& /*v*/) override { return value(nullptr); }

    bool start_object(std::size_t /*elements*/) override { return open(nlohmann::json::object()); }
    bool start_array(std::size_t /*elements*/) override { return open(nlohmann::json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& name) override
    {
        if (m_depth == 1) {
            m_itemKey = name;
            m_skipping = !m_wanted(name);
        } else {
            m_key = std::move(name);
        }
        return true;
    }

    bool parse_error(std::size_t position, const std::string& /*lastToken*/,
                     const nlohmann::detail::exception& error) override
    {
        m_stop = Stop::Syntax;
        m_errorOffset = position;
        m_errorText = error.what();
        return false;
    }

    [[nodiscard]] Stop stop() const { return m_stop; }
    [[nodiscard]] std::size_t errorOffset() const { return m_errorOffset; }
    [[nodiscard]] const std::string& errorText() const { return m_errorText; }
    [[nodiscard]] const Error& visitorError() const { return m_visitorError; }
    [[nodiscard]] std::size_t itemIndex() const { return m_index; }

private:
    bool open(nlohmann::json container)
    {
        if (m_depth == 0) {
            if (m_arrayExpected && !container.is_array()) {
                m_stop = Stop::NotAnArray;
                return false;
            }
            m_topIsArray = container.is_array();
            ++m_depth;
            return true;
        }
        if (m_depth >= kMaxDepth) {
            m_stop = Stop::TooDeep;
            return false;
        }
        if (m_depth == 1) {
            startItem();
        }
        ++m_depth;
        if (m_skipping) {
            return true;
        }
        if (m_stack.empty()) {
            m_item = std::move(container);
            m_stack.push_back(&m_item);
            return countValue();
        }
        m_stack.push_back(add(std::move(container)));
        return countValue();
    }

    bool close()
    {
        --m_depth;
        if (m_depth == 0 || m_skipping) {
            return true;
        }
        m_stack.pop_back();
        return m_stack.empty() ? finishItem() : true;
    }

    bool value(nlohmann::json v)
    {
        if (m_depth == 0) {
            if (m_arrayExpected) {
                m_stop = Stop::NotAnArray;
                return false;
            }
            return true;  // a bare value holds no item
        }
        if (m_depth == 1) {
            startItem();
            if (m_skipping) {
                return true;
            }
            m_item = std::move(v);
            return finishItem();
        }
        if (m_skipping) {
            return true;
        }
        add(std::move(v));
        return countValue();
    }

    void startItem()
    {
        ++m_index;
        m_values = 0;
        if (m_topIsArray) {
            m_itemKey.clear();
            m_skipping = false;
        }
    }

    nlohmann::json* add(nlohmann::json v)
    {
        nlohmann::json& parent = *m_stack.back();
        if (parent.is_array()) {
            parent.push_back(std::move(v));
            return &parent.back();
        }
        nlohmann::json& slot = parent[m_key];
        slot = std::move(v);
        return &slot;
    }

    bool countValue()
    {
        if (++m_values > kMaxItemValues) {
            m_stop = Stop::TooLarge;
            return false;
        }
        return true;
    }

    bool finishItem()
    {
        Status visited = m_visit(m_index, m_itemKey, m_item);
        m_item = nullptr;
        if (!visited) {
            m_stop = Stop::Visitor;
            m_visitorError = visited.error();
            return false;
        }
        return true;
    }

    bool m_arrayExpected;
    Wanted m_wanted;
    Visitor m_visit;
    int m_depth = 0;
    bool m_topIsArray = false;
    bool m_skipping = false;
    std::size_t m_index = 0;
    std::size_t m_values = 0;
    std::string m_key;
    std::string m_itemKey;
    nlohmann::json m_item;
    std::vector<nlohmann::json*> m_stack;
    Stop m_stop = Stop::None;
    std::size_t m_errorOffset = 0;
    std::string m_errorText;
    Error m_visitorError{""};
};

/// Checks `window.NAME.x.y = ` and hands each item of the JSON that follows to `items`.
Status readYtd(const ArchiveFile& file, std::string_view text, TopLevelItems& items)
{
    std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) {
        ++i;
    }
    const std::size_t prefixStart = i;
    if (text.substr(i, 7) != "window.") {
        const auto [line, column] = position(text, i);
        return Error("not an X archive file: expected `window.YTD.<name>.part<N> = `", file.label, line, column);
    }
    i += 7;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) != 0 || text[i] == '_' ||
                               text[i] == '.' || text[i] == '$')) {
        ++i;
    }
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
        ++i;
    }
    if (i >= text.size() || text[i] != '=') {
        const auto [line, column] = position(text, i);
        return Error("not an X archive file: expected `=` after `" +
                         std::string(text.substr(prefixStart, i - prefixStart)) + "`",
                     file.label, line, column);
    }
    const std::size_t jsonStart = i + 1;
    // One trailing `;` (and white space) is how the archive ends; anything else is code that
    // would run if the file were evaluated, and is refused.
    std::size_t end = text.size();
    while (end > jsonStart && std::isspace(static_cast<unsigned char>(text[end - 1])) != 0) {
        --end;
    }
    if (end > jsonStart && text[end - 1] == ';') {
        --end;
    }
    const std::string_view json = text.substr(jsonStart, end - jsonStart);
    if (nlohmann::json::sax_parse(json.begin(), json.end(), &items)) {
        return {};
    }
    switch (items.stop()) {
    case TopLevelItems::Stop::Visitor:
        return items.visitorError();
    case TopLevelItems::Stop::NotAnArray:
        return Error("expected a JSON array after the `window.YTD...=` prefix", file.label, 1, 1);
    case TopLevelItems::Stop::TooDeep: {
        const auto [line, column] = position(text, jsonStart + offsetDeeperThan(json, TopLevelItems::kMaxDepth));
        return Error("nested more than " + std::to_string(TopLevelItems::kMaxDepth) +
                         " levels deep; not X archive data",
                     file.label, line, column);
    }
    case TopLevelItems::Stop::TooLarge:
        return Error("entry " + std::to_string(items.itemIndex()) + " holds more than " +
                         std::to_string(TopLevelItems::kMaxItemValues) + " values; not X archive data",
                     file.label);
    case TopLevelItems::Stop::None:
    case TopLevelItems::Stop::Syntax:
        break;
    }
    std::size_t at = jsonStart + (items.errorOffset() > 0 ? items.errorOffset() - 1 : 0);
    // `];` followed by more: point at the code after the statement, which is the problem.
    if (at < text.size() && text[at] == ';') {
        ++at;
        while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at])) != 0) {
            ++at;
        }
    }
    const auto [line, column] = position(text, at);
    std::string what = items.errorText();
    if (const auto colon = what.find("error: "); colon != std::string::npos) {
        what = what.substr(colon + 7);
    }
    return Error("not valid JSON after the `window.YTD...=` prefix (" + what + ")", file.label, line, column);
}

struct ZipCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

/// The archive's useful files, listed up front (so an unsafe name or an oversized entry refuses
/// the archive before anything is read) and read one at a time.
class Archive {
public:
    static Result<Archive> open(const ParseInput& input)
    {
        std::error_code ec;
        Archive archive;
        if (std::filesystem::is_directory(input.path, ec)) {
            std::vector<std::filesystem::path> paths;
            for (const auto& entry : std::filesystem::recursive_directory_iterator(input.path, ec)) {
                if (entry.is_regular_file(ec) && kindOf(entry.path().filename().string()) != Kind::Other) {
                    paths.push_back(entry.path());
                }
            }
            std::sort(paths.begin(), paths.end());
            for (const auto& path : paths) {
                archive.m_files.push_back(
                    ArchiveFile{.label = path.string(), .kind = kindOf(path.string()), .path = path});
            }
            return archive;
        }
        std::array<char, 200> head{};
        std::size_t headSize = 0;
        {
            std::ifstream in(input.path, std::ios::binary);
            if (!in) {
                return Error("cannot read file", input.label);
            }
            in.read(head.data(), head.size());
            headSize = static_cast<std::size_t>(in.gcount());
        }
        const std::string_view start(head.data(), headSize);
        if (start.substr(0, 4) == "PK\x03\x04") {
            if (Status listed = archive.listZip(input); !listed) {
                return listed.error();
            }
            return archive;
        }
        Kind kind = kindOf(input.path.filename().string());
        if (kind == Kind::Other) {
            // A renamed file: the YTD prefix names what it holds.
            kind = start.find("YTD.following.") != std::string_view::npos  ? Kind::Following
                   : start.find("YTD.follower.") != std::string_view::npos ? Kind::Follower
                   : start.find("YTD.account.") != std::string_view::npos  ? Kind::Account
                                                                           : Kind::Other;
        }
        archive.m_files.push_back(ArchiveFile{.label = input.label, .kind = kind, .path = input.path});
        return archive;
    }

    [[nodiscard]] std::vector<ArchiveFile>& files() { return m_files; }

    /// The whole text of one file (at most kMaxEntryBytes).
    Result<std::string> read(const ArchiveFile& file)
    {
        if (!file.zipEntry) {
            return readWholeFile(file.path, kMaxEntryBytes);
        }
        const std::string& name = file.zipName;
        if (m_unpacked + file.statedSize > kMaxArchiveBytes) {
            return Error("`" + name + "` unpacks to more than this import allows; refused (zip bomb?)", m_label);
        }
        std::unique_ptr<zip_file_t, ZipFileCloser> entry(zip_fopen_index(m_zip.get(), *file.zipEntry, 0));
        if (!entry) {
            return Error("cannot open `" + name + "` in the archive", m_label);
        }
        std::string text;
        // Grow with what the entry really holds, never reserve what it states: a stated size is
        // the archive's word, and a lying one (a few bytes claiming 250 MB, many times over) would
        // otherwise make the import reserve and zero gigabytes (found by fuzzing).
        std::array<char, 64 * 1024> chunk{};
        for (;;) {
            const zip_int64_t n = zip_fread(entry.get(), chunk.data(), chunk.size());
            if (n < 0) {
                return Error("`" + name + "` in the archive is damaged", m_label);
            }
            if (n == 0) {
                break;
            }
            // Never trust the stated size: a byte past it means the entry lies about itself.
            if (text.size() + static_cast<std::size_t>(n) > file.statedSize) {
                return Error("`" + name + "` in the archive is larger than it says; refused", m_label);
            }
            text.append(chunk.data(), static_cast<std::size_t>(n));
        }
        m_unpacked += text.size();
        return text;
    }

private:
    Status listZip(const ParseInput& input)
    {
        m_label = input.label;
        int code = 0;
        m_zip.reset(zip_open(input.path.c_str(), ZIP_RDONLY, &code));
        if (!m_zip) {
            zip_error_t error;
            zip_error_init_with_code(&error, code);
            std::string message = std::string("not a readable zip archive: ") + zip_error_strerror(&error);
            zip_error_fini(&error);
            return Error(message, input.label);
        }
        const zip_int64_t count = zip_get_num_entries(m_zip.get(), 0);
        for (zip_int64_t index = 0; index < count; ++index) {
            const auto entry = static_cast<zip_uint64_t>(index);
            const char* rawName = zip_get_name(m_zip.get(), entry, 0);
            if (rawName == nullptr) {
                continue;
            }
            const std::string name(rawName);
            if (name.front() == '/' || name.find('\\') != std::string::npos || name == ".." ||
                name.rfind("../", 0) == 0 || name.find("/../") != std::string::npos ||
                (name.size() >= 3 && name.compare(name.size() - 3, 3, "/..") == 0)) {
                return Error("the archive holds an unsafe path `" + name.substr(0, 100) + "`; refused", input.label);
            }
            const Kind kind = kindOf(name);
            if (kind == Kind::Other) {
                continue;
            }
            zip_stat_t stat;
            zip_stat_init(&stat);
            if (zip_stat_index(m_zip.get(), entry, 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
                return Error("cannot read the size of `" + name + "` in the archive", input.label);
            }
            if (stat.size > kMaxEntryBytes) {
                return Error("`" + name + "` unpacks to more than this import allows; refused (zip bomb?)",
                             input.label);
            }
            m_files.push_back(ArchiveFile{.label = input.label + ":" + name,
                                          .kind = kind,
                                          .path = {},
                                          .zipEntry = entry,
                                          .zipName = name,
                                          .statedSize = stat.size});
        }
        return {};
    }

    std::unique_ptr<zip_t, ZipCloser> m_zip;
    std::string m_label;
    std::vector<ArchiveFile> m_files;
    std::uint64_t m_unpacked = 0;
};

std::string text(const nlohmann::json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return {};
    }
    return it->is_string() ? it->get<std::string>() : it->dump();
}

class XArchiveParser final : public Parser {
public:
    Status parse(const ParseInput& input, RecordSink& sink) override
    {
        Result<Archive> archive = Archive::open(input);
        if (!archive) {
            return archive.error();
        }
        std::vector<ArchiveFile>& files = archive->files();
        if (files.empty()) {
            return Error("no following.js, follower.js or account.js in the archive", input.label);
        }
        // The archive's own account first, so links to me find me.
        std::stable_sort(files.begin(), files.end(), [](const ArchiveFile& a, const ArchiveFile& b) {
            const auto rank = [](Kind k) { return (k == Kind::Account || k == Kind::Manifest) ? 0 : 1; };
            return rank(a.kind) < rank(b.kind);
        });
        std::uint64_t done = 0;
        for (const ArchiveFile& file : files) {
            if (file.kind == Kind::Other) {
                return Error("not an X archive file (expected following, follower or account data)", file.label, 1, 1);
            }
            Result<std::string> text = archive->read(file);
            if (!text) {
                return text.error();
            }
            if (Status read = readFile(file, *text, sink); !read) {
                return read;
            }
            done += text->size();
            sink.progress(done);
        }
        return {};
    }

private:
    static Status readFile(const ArchiveFile& file, std::string_view content, RecordSink& sink)
    {
        if (file.kind == Kind::Manifest) {
            TopLevelItems items(
                false, [](const std::string& key) { return key == "userInfo"; },
                [&sink](std::size_t /*index*/, const std::string& /*key*/, const nlohmann::json& user) -> Status {
                    if (user.is_object()) {
                        PersonRecord me;
                        me.isMe = true;
                        me.identities.push_back(Identity{.network = "x",
                                                         .key = text(user, "accountId"),
                                                         .handle = text(user, "userName"),
                                                         .url = {}});
                        sink.person(std::move(me));
                    }
                    return {};
                });
            return readYtd(file, content, items);
        }
        const char* field = file.kind == Kind::Following  ? "following"
                            : file.kind == Kind::Follower ? "follower"
                                                          : "account";
        TopLevelItems items(
            true, [](const std::string& /*key*/) { return true; },
            [&](std::size_t index, const std::string& /*key*/, const nlohmann::json& item) -> Status {
                readItem(file.kind, field, index, item, sink);
                return {};
            });
        return readYtd(file, content, items);
    }

    static void readItem(Kind kind, const char* field, std::size_t index, const nlohmann::json& item, RecordSink& sink)
    {
        const auto inner = item.is_object() ? item.find(field) : item.end();
        if (!item.is_object() || inner == item.end() || !inner->is_object()) {
            sink.skipped(index, "entry " + std::to_string(index) + " has no `" + field + "` object");
            return;
        }
        const std::string accountId = text(*inner, "accountId");
        if (kind == Kind::Account) {
            PersonRecord me;
            me.isMe = true;
            me.identities.push_back(
                Identity{.network = "x", .key = accountId, .handle = text(*inner, "username"), .url = {}});
            if (const std::string email = text(*inner, "email"); !email.empty()) {
                me.identities.push_back(Identity{.network = "email", .key = email, .handle = {}, .url = {}});
            }
            sink.person(std::move(me));
            return;
        }
        if (accountId.empty() || accountId.find_first_not_of("0123456789") != std::string::npos) {
            sink.skipped(index, "entry " + std::to_string(index) + " has no numeric accountId");
            return;
        }
        PersonRecord record;
        record.key = "x:" + accountId;
        record.anonymous = true;
        record.line = index;
        record.identities.push_back(
            Identity{.network = "x", .key = accountId, .handle = {}, .url = text(*inner, "userLink")});
        sink.person(std::move(record));
        const std::string key = "x:" + accountId;
        if (kind == Kind::Following) {
            sink.link(LinkRecord{.from = kMeKey, .to = key, .kind = LinkKind::Follows, .line = index});
        } else {
            sink.link(LinkRecord{.from = key, .to = kMeKey, .kind = LinkKind::Follows, .line = index});
        }
    }
};

}  // namespace

std::unique_ptr<Parser> makeXArchiveParser()
{
    return std::make_unique<XArchiveParser>();
}

}  // namespace warmpath::import
