// X (Twitter) archives: `data/following.js`, `data/follower.js` (and their `-partN` splits),
// `data/account.js`, `data/manifest.js`, given as one of those files, the unpacked folder, or
// the downloaded .zip. Each file is `window.YTD.NAME.partN = <JSON>`: the prefix is checked and
// stripped and the rest parsed as JSON, never evaluated; anything after the JSON but a `;` is
// an error.

#include <algorithm>
#include <array>
#include <memory>
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

struct ArchiveFile {
    std::string label;
    std::string text;
    Kind kind = Kind::Other;
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

/// Checks `window.NAME.x.y = ` and parses what follows as JSON.
Result<nlohmann::json> readYtd(const ArchiveFile& file)
{
    const std::string_view text = file.text;
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
    try {
        return nlohmann::json::parse(text.begin() + static_cast<std::ptrdiff_t>(jsonStart),
                                     text.begin() + static_cast<std::ptrdiff_t>(end));
    } catch (const nlohmann::json::parse_error& e) {
        std::size_t at = jsonStart + (e.byte > 0 ? e.byte - 1 : 0);
        // `];` followed by more: point at the code after the statement, which is the problem.
        if (at < text.size() && text[at] == ';') {
            ++at;
            while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at])) != 0) {
                ++at;
            }
        }
        const auto [line, column] = position(text, at);
        std::string what = e.what();
        if (const auto colon = what.find("error: "); colon != std::string::npos) {
            what = what.substr(colon + 7);
        }
        return Error("not valid JSON after the `window.YTD...=` prefix (" + what + ")", file.label, line, column);
    }
}

struct ZipCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

/// The archive's useful entries; refuses unsafe names and oversized entries (zip bombs).
Result<std::vector<ArchiveFile>> readZip(const ParseInput& input)
{
    int code = 0;
    std::unique_ptr<zip_t, ZipCloser> archive(zip_open(input.path.c_str(), ZIP_RDONLY, &code));
    if (!archive) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        std::string message = std::string("not a readable zip archive: ") + zip_error_strerror(&error);
        zip_error_fini(&error);
        return Error(message, input.label);
    }
    std::vector<ArchiveFile> files;
    std::uint64_t total = 0;
    const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    for (zip_int64_t index = 0; index < count; ++index) {
        const auto entry = static_cast<zip_uint64_t>(index);
        const char* rawName = zip_get_name(archive.get(), entry, 0);
        if (rawName == nullptr) {
            continue;
        }
        const std::string name(rawName);
        if (name.front() == '/' || name.find('\\') != std::string::npos || name == ".." || name.rfind("../", 0) == 0 ||
            name.find("/../") != std::string::npos ||
            (name.size() >= 3 && name.compare(name.size() - 3, 3, "/..") == 0)) {
            return Error("the archive holds an unsafe path `" + name.substr(0, 100) + "`; refused", input.label);
        }
        const Kind kind = kindOf(name);
        if (kind == Kind::Other) {
            continue;
        }
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(archive.get(), entry, 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
            return Error("cannot read the size of `" + name + "` in the archive", input.label);
        }
        if (stat.size > kMaxEntryBytes || total + stat.size > kMaxArchiveBytes) {
            return Error("`" + name + "` unpacks to more than this import allows; refused (zip bomb?)", input.label);
        }
        std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(archive.get(), entry, 0));
        if (!file) {
            return Error("cannot open `" + name + "` in the archive", input.label);
        }
        ArchiveFile out{.label = input.label + ":" + name, .text = {}, .kind = kind};
        // Grow with what the entry really holds, never reserve what it states: a stated size is
        // the archive's word, and a lying one (a few bytes claiming 250 MB, many times over) would
        // otherwise make the import reserve and zero gigabytes (found by fuzzing).
        std::array<char, 64 * 1024> chunk{};
        for (;;) {
            const zip_int64_t n = zip_fread(file.get(), chunk.data(), chunk.size());
            if (n < 0) {
                return Error("`" + name + "` in the archive is damaged", input.label);
            }
            if (n == 0) {
                break;
            }
            // Never trust the stated size: a byte past it means the entry lies about itself.
            if (out.text.size() + static_cast<std::size_t>(n) > stat.size) {
                return Error("`" + name + "` in the archive is larger than it says; refused", input.label);
            }
            out.text.append(chunk.data(), static_cast<std::size_t>(n));
        }
        const std::size_t got = out.text.size();
        total += got;
        files.push_back(std::move(out));
    }
    return files;
}

Result<std::vector<ArchiveFile>> collect(const ParseInput& input)
{
    std::error_code ec;
    if (std::filesystem::is_directory(input.path, ec)) {
        std::vector<ArchiveFile> files;
        std::vector<std::filesystem::path> paths;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(input.path, ec)) {
            if (entry.is_regular_file(ec) && kindOf(entry.path().filename().string()) != Kind::Other) {
                paths.push_back(entry.path());
            }
        }
        std::sort(paths.begin(), paths.end());
        for (const auto& path : paths) {
            Result<std::string> text = readWholeFile(path, kMaxEntryBytes);
            if (!text) {
                return text.error();
            }
            files.push_back(
                ArchiveFile{.label = path.string(), .text = std::move(text).value(), .kind = kindOf(path.string())});
        }
        return files;
    }
    Result<std::string> head = readWholeFile(input.path, kMaxArchiveBytes);
    if (!head) {
        return head.error();
    }
    if (head->substr(0, 4) == "PK\x03\x04") {
        return readZip(input);
    }
    Kind kind = kindOf(input.path.filename().string());
    if (kind == Kind::Other) {
        // A renamed file: the YTD prefix names what it holds.
        const std::string start = head->substr(0, 200);
        kind = start.find("YTD.following.") != std::string::npos  ? Kind::Following
               : start.find("YTD.follower.") != std::string::npos ? Kind::Follower
               : start.find("YTD.account.") != std::string::npos  ? Kind::Account
                                                                  : Kind::Other;
    }
    return std::vector<ArchiveFile>{ArchiveFile{.label = input.label, .text = std::move(head).value(), .kind = kind}};
}

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
        Result<std::vector<ArchiveFile>> files = collect(input);
        if (!files) {
            return files.error();
        }
        if (files->empty()) {
            return Error("no following.js, follower.js or account.js in the archive", input.label);
        }
        // The archive's own account first, so links to me find me.
        std::stable_sort(files->begin(), files->end(), [](const ArchiveFile& a, const ArchiveFile& b) {
            const auto rank = [](Kind k) { return (k == Kind::Account || k == Kind::Manifest) ? 0 : 1; };
            return rank(a.kind) < rank(b.kind);
        });
        std::uint64_t done = 0;
        for (const ArchiveFile& file : *files) {
            if (file.kind == Kind::Other) {
                return Error("not an X archive file (expected following, follower or account data)", file.label, 1, 1);
            }
            Result<nlohmann::json> json = readYtd(file);
            if (!json) {
                return json.error();
            }
            if (Status read = readFile(file, *json, sink); !read) {
                return read;
            }
            done += file.text.size();
            sink.progress(done);
        }
        return {};
    }

private:
    static Status readFile(const ArchiveFile& file, const nlohmann::json& json, RecordSink& sink)
    {
        if (file.kind == Kind::Manifest) {
            const auto user = json.find("userInfo");
            if (user != json.end() && user->is_object()) {
                PersonRecord me;
                me.isMe = true;
                me.identities.push_back(Identity{
                    .network = "x", .key = text(*user, "accountId"), .handle = text(*user, "userName"), .url = {}});
                sink.person(std::move(me));
            }
            return {};
        }
        if (!json.is_array()) {
            return Error("expected a JSON array after the `window.YTD...=` prefix", file.label, 1, 1);
        }
        const char* field = file.kind == Kind::Following  ? "following"
                            : file.kind == Kind::Follower ? "follower"
                                                          : "account";
        std::size_t index = 0;
        for (const auto& item : json) {
            ++index;
            const auto inner = item.is_object() ? item.find(field) : item.end();
            if (!item.is_object() || inner == item.end() || !inner->is_object()) {
                sink.skipped(index, "entry " + std::to_string(index) + " has no `" + field + "` object");
                continue;
            }
            const std::string accountId = text(*inner, "accountId");
            if (file.kind == Kind::Account) {
                PersonRecord me;
                me.isMe = true;
                me.identities.push_back(
                    Identity{.network = "x", .key = accountId, .handle = text(*inner, "username"), .url = {}});
                if (const std::string email = text(*inner, "email"); !email.empty()) {
                    me.identities.push_back(Identity{.network = "email", .key = email, .handle = {}, .url = {}});
                }
                sink.person(std::move(me));
                continue;
            }
            if (accountId.empty() || accountId.find_first_not_of("0123456789") != std::string::npos) {
                sink.skipped(index, "entry " + std::to_string(index) + " has no numeric accountId");
                continue;
            }
            PersonRecord record;
            record.key = "x:" + accountId;
            record.anonymous = true;
            record.line = index;
            record.identities.push_back(
                Identity{.network = "x", .key = accountId, .handle = {}, .url = text(*inner, "userLink")});
            sink.person(std::move(record));
            const std::string key = "x:" + accountId;
            if (file.kind == Kind::Following) {
                sink.link(LinkRecord{.from = kMeKey, .to = key, .kind = LinkKind::Follows, .line = index});
            } else {
                sink.link(LinkRecord{.from = key, .to = kMeKey, .kind = LinkKind::Follows, .line = index});
            }
        }
        return {};
    }
};

}  // namespace

std::unique_ptr<Parser> makeXArchiveParser()
{
    return std::make_unique<XArchiveParser>();
}

}  // namespace warmpath::import
