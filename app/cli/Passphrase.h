#pragma once

#include <optional>
#include <string>

#include "CliContext.h"

namespace warmpath::cli {

/// A passphrase that is wiped from memory when it goes out of scope.
class Passphrase {
public:
    Passphrase() = default;
    explicit Passphrase(std::string text) : m_text(std::move(text)) {}
    ~Passphrase();
    Passphrase(const Passphrase&) = delete;
    Passphrase& operator=(const Passphrase&) = delete;
    Passphrase(Passphrase&& other) noexcept : m_text(std::move(other.m_text)) {}
    Passphrase& operator=(Passphrase&&) = delete;

    [[nodiscard]] const std::string& text() const { return m_text; }

private:
    std::string m_text;
};

/// The passphrase from $WARMPATH_PASSPHRASE; else asked on the terminal without echo (twice when
/// `confirm`, for a new backup); else, when standard input is not a terminal, its first line.
/// Prints the error and returns nullopt when there is none.
std::optional<Passphrase> readPassphrase(CliContext& context, bool confirm);

}  // namespace warmpath::cli
