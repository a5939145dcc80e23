#include "Paths.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace warmpath {
namespace {

std::filesystem::path homeDirectory()
{
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        return home;
    }
    if (const passwd* entry = getpwuid(getuid()); entry != nullptr && entry->pw_dir != nullptr) {
        return entry->pw_dir;
    }
    return std::filesystem::current_path();
}

const char* explicitDatabasePath()
{
    const char* path = std::getenv("WARMPATH_DB");
    return path != nullptr && *path != '\0' ? path : nullptr;
}

}  // namespace

std::filesystem::path defaultDatabasePath()
{
    if (const char* explicitPath = explicitDatabasePath()) {
        return explicitPath;
    }
    // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    if (const char* dataHome = std::getenv("XDG_DATA_HOME");
        dataHome != nullptr && *dataHome != '\0' && std::filesystem::path(dataHome).is_absolute()) {
        return std::filesystem::path(dataHome) / "warmpath" / "warmpath.db";
    }
    return homeDirectory() / ".local" / "share" / "warmpath" / "warmpath.db";
}

Status prepareDefaultDatabaseFolder()
{
    if (explicitDatabasePath() != nullptr) {
        return {};
    }
    // Outermost missing folder first, each made 0700 (create_directories would use the umask).
    std::vector<std::filesystem::path> missing;
    std::error_code ec;
    for (auto folder = defaultDatabasePath().parent_path(); !folder.empty() && !std::filesystem::exists(folder, ec);
         folder = folder.parent_path()) {
        missing.push_back(folder);
        if (folder == folder.parent_path()) {
            break;
        }
    }
    std::reverse(missing.begin(), missing.end());
    for (const auto& folder : missing) {
        if (::mkdir(folder.c_str(), S_IRWXU) != 0 && errno != EEXIST) {
            return Error("cannot create folder " + folder.string() + ": " + std::strerror(errno));
        }
    }
    return {};
}

}  // namespace warmpath
