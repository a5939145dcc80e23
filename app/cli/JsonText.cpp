#include "JsonText.h"

#include <cmath>

#include "util/NumberText.h"

namespace warmpath::cli {
namespace {

void append(std::string& out, const nlohmann::json& value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::object: {
        out += '{';
        bool first = true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            out += first ? "" : ",";
            first = false;
            append(out, nlohmann::json(it.key()));
            out += ':';
            append(out, it.value());
        }
        out += '}';
        return;
    }
    case nlohmann::json::value_t::array: {
        out += '[';
        bool first = true;
        for (const nlohmann::json& element : value) {
            out += first ? "" : ",";
            first = false;
            append(out, element);
        }
        out += ']';
        return;
    }
    case nlohmann::json::value_t::number_float: {
        // nlohmann's own float output is Grisu2, which round-trips but is not always the shortest.
        const double number = value.get<double>();
        out += std::isfinite(number) ? shortestNumberText(number) : std::string("null");
        return;
    }
    default:
        // Replace rather than throw on invalid UTF-8 from outside data: one JSON document, always.
        out += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
}

}  // namespace

std::string jsonText(const nlohmann::json& value)
{
    std::string out;
    append(out, value);
    return out;
}

}  // namespace warmpath::cli
