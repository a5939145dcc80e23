#include "util/NumberText.h"

#include <array>
#include <charconv>
#include <stdexcept>

namespace warmpath {

std::string shortestNumberText(double value)
{
    // 24 characters hold the longest shortest form of any double ("-2.2250738585072014e-308").
    std::array<char, 32> buffer{};
    const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    if (error != std::errc()) {
        throw std::length_error("shortestNumberText: buffer too small");  // cannot happen: see above
    }
    return {buffer.data(), end};
}

}  // namespace warmpath
