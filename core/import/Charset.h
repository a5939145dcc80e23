#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace warmpath::import {

/// Text in a named character set (`windows-1250`, `ISO-8859-2`, `KOI8-R`: whatever the C library's
/// iconv knows) converted to UTF-8. Older mail clients wrote contacts in their system's character
/// set; iconv is the well-kept converter every Linux system has, so there are no tables of our own.
class CharsetConverter {
public:
    /// Nullopt when iconv does not know the character set.
    [[nodiscard]] static std::optional<CharsetConverter> open(std::string_view charset);

    ~CharsetConverter();
    CharsetConverter(CharsetConverter&& other) noexcept;
    CharsetConverter& operator=(CharsetConverter&& other) noexcept;
    CharsetConverter(const CharsetConverter&) = delete;
    CharsetConverter& operator=(const CharsetConverter&) = delete;

    struct Converted {
        std::string text;       ///< valid UTF-8
        bool replaced = false;  ///< a byte the character set does not define became U+FFFD
    };
    [[nodiscard]] Converted toUtf8(std::string_view bytes);

private:
    explicit CharsetConverter(void* handle) : m_handle(handle) {}
    void* m_handle;  ///< iconv_t
};

/// The character set Windows wrote in Western Europe and the Americas, and so the one older
/// clients' exports are in when they name none.
inline constexpr std::string_view kWindows1252 = "WINDOWS-1252";

/// `bytes` as UTF-8: as they are when they are valid UTF-8, else read as Windows-1252 (which
/// defines almost every byte). `converted` is set when they were not UTF-8.
[[nodiscard]] std::string utf8OrWindows1252(std::string_view bytes, bool* converted = nullptr);

}  // namespace warmpath::import
