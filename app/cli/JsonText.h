#pragma once

// How the CLI writes JSON (docs/cli.md, "Numbers in JSON"): nlohmann's own dump, except that every
// double is written by std::to_chars as the shortest text that reads back as the same value.

#include <string>

#include <nlohmann/json.hpp>

namespace warmpath::cli {

/// `value` as one line of JSON: numbers with a fraction in their shortest round-trip form (NaN and
/// infinity as null, as nlohmann writes them), text that is not valid UTF-8 with U+FFFD in its place.
[[nodiscard]] std::string jsonText(const nlohmann::json& value);
/// The same for a document whose fields keep the order they were written in.
[[nodiscard]] std::string jsonText(const nlohmann::ordered_json& value);

}  // namespace warmpath::cli
