#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace warmpath {

/// What kind of expected failure an Error is. Cancellation is the one kind callers treat
/// differently (a dialog closes quietly, a CLI exits 130), so it is a kind and not a message
/// that callers would have to compare.
enum class ErrorKind {
    Failed,     ///< something was wrong: the message says what
    Cancelled,  ///< the CancelToken was set; whatever the operation started was rolled back
};

/// An expected failure caused by something outside the program: a file, the database, the
/// network, or the user's input. Carries where it happened when that is known.
struct Error {
    std::string message;
    std::string file;        ///< file the problem is in, empty when there is none
    std::size_t line = 0;    ///< 1-based, 0 when unknown
    std::size_t column = 0;  ///< 1-based, 0 when unknown
    ErrorKind kind = ErrorKind::Failed;

    Error() = default;
    explicit Error(std::string msg) : message(std::move(msg)) {}
    Error(std::string msg, std::string inFile, std::size_t atLine = 0, std::size_t atColumn = 0)
        : message(std::move(msg)), file(std::move(inFile)), line(atLine), column(atColumn)
    {
    }

    /// The one way the core reports that a CancelToken stopped an operation.
    [[nodiscard]] static Error cancelled()
    {
        Error error("cancelled");
        error.kind = ErrorKind::Cancelled;
        return error;
    }
    [[nodiscard]] bool isCancelled() const { return kind == ErrorKind::Cancelled; }

    /// "file:line:column: message", leaving out the parts that are unknown.
    [[nodiscard]] std::string describe() const;
};

/// Either a value or an Error. Used for every operation whose failure is expected.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] T& value() & { return std::get<0>(m_state); }
    [[nodiscard]] const T& value() const& { return std::get<0>(m_state); }
    [[nodiscard]] T value() && { return std::get<0>(std::move(m_state)); }
    [[nodiscard]] const Error& error() const { return std::get<1>(m_state); }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    // By value from a temporary, so `for (auto& x : *workspace.list())` does not dangle.
    T operator*() && { return std::move(value()); }

private:
    std::variant<T, Error> m_state;
};

/// Success without a value, or an Error.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

}  // namespace warmpath
