#include "util/Result.h"

namespace warmpath {

std::string Error::describe() const
{
    if (file.empty()) {
        return message;
    }
    std::string where = file;
    if (line > 0) {
        where += ':' + std::to_string(line);
        if (column > 0) {
            where += ':' + std::to_string(column);
        }
    }
    return where + ": " + message;
}

}  // namespace warmpath
