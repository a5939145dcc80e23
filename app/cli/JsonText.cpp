#include "JsonText.h"

#include <cmath>

#include "util/NumberText.h"

namespace warmpath::cli {
namespace {

template <typename Json>
void append(std::string& out, const Json& value)
{
    switch (value.type()) {
    case Json::value_t::object: {
        out += '{';
        bool first = true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            out += first ? "" : ",";
            first = false;
            append(out, Json(it.key()));
            out += ':';
            append(out, it.value());
        }
        out += '}';
        return;
    }
    case Json::value_t::array: {
        out += '[';
        bool first = true;
        for (const Json& element : value) {
            out += first ? "" : ",";
            first = false;
            append(out, element);
        }
        out += ']';
        return;
    }
    case Json::value_t::number_float: {
        // nlohmann's own float output is Grisu2, which round-trips but is not always the shortest.
        const double number = value.template get<double>();
        out += std::isfinite(number) ? shortestNumberText(number) : std::string("null");
        return;
    }
    default:
        // Replace rather than throw on invalid UTF-8 from outside data: one JSON document, always.
        out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
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

std::string jsonText(const nlohmann::ordered_json& value)
{
    std::string out;
    append(out, value);
    return out;
}

}  // namespace warmpath::cli
