#include "Paths.h"

#include <cstdlib>

#include <pwd.h>
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

}  // namespace

std::filesystem::path defaultDatabasePath()
{
    if (const char* explicitPath = std::getenv("WARMPATH_DB"); explicitPath != nullptr && *explicitPath != '\0') {
        return explicitPath;
    }
    // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    if (const char* dataHome = std::getenv("XDG_DATA_HOME");
        dataHome != nullptr && *dataHome != '\0' && std::filesystem::path(dataHome).is_absolute()) {
        return std::filesystem::path(dataHome) / "warmpath" / "warmpath.db";
    }
    return homeDirectory() / ".local" / "share" / "warmpath" / "warmpath.db";
}

}  // namespace warmpath
