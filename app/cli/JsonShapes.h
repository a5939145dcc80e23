#pragma once

// JSON shapes that more than one command prints (docs/cli.md lists every shape).

#include <optional>

#include <nlohmann/json.hpp>

#include "CliContext.h"

namespace warmpath::cli {

template <typename T>
nlohmann::json orNull(const std::optional<T>& value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

/// `{"id","target","target_name","via","via_name","status","message","created_at","updated_at"}`.
nlohmann::json introJson(CliContext& context, const IntroRequest& intro);

/// A person's display name, or `#ID` when it cannot be read.
std::string nameOf(CliContext& context, PersonId person);

}  // namespace warmpath::cli
