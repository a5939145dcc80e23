#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// How the bytes of an imported text are encoded, and turning them into UTF-8: the one place that
// knows about byte-order marks, UTF-16 and invalid UTF-8. Character sets with names (vCard
// `CHARSET=`, Windows-1252) are Charset.h's, through iconv.
namespace warmpath::import {

/// UTF-16 byte orders.
enum class Utf16Order { LittleEndian, BigEndian };

/// How a text's bytes are encoded, as far as its first bytes tell.
struct TextEncoding {
    std::optional<Utf16Order> utf16;  ///< nullopt: UTF-8 or a single-byte character set
    std::size_t bomBytes = 0;         ///< a byte-order mark to skip (UTF-8's too)
};

/// How many of a text's first bytes detectEncoding looks at.
inline constexpr std::size_t kEncodingSampleBytes = 512;

/// UTF-16 by its byte-order mark, or without one by the first kEncodingSampleBytes: read in one
/// byte order they are text (no U+0000, no control character but tab and line breaks, no private
/// use character, surrogates in pairs of a plane with characters, no U+FFFE) and at least two of them, and one in 64,
/// are code units below U+0100, whose zero byte always falls on the same side (line breaks, spaces, digits, Latin
/// letters); where both orders read so, the one with more of those. Text in UTF-8 or a single-byte character set has no
/// zero byte at all. Looks at the bytes before anything guesses a format from them.
[[nodiscard]] TextEncoding detectEncoding(std::string_view head);

/// Decodes UTF-16 piece by piece (a stream's chunks): a code unit or a surrogate pair cut by the
/// end of one piece is completed by the next. Unpaired surrogates become U+FFFD.
class Utf16Decoder {
public:
    explicit Utf16Decoder(Utf16Order order) : m_order(order) {}
    /// Appends the UTF-8 of `bytes` to `out`.
    void decode(std::string_view bytes, std::string& out);
    /// The end of the text: a cut-off unit left over becomes U+FFFD.
    void finish(std::string& out);

private:
    Utf16Order m_order;
    std::string m_carry;  ///< bytes of an incomplete unit or pair from the last piece
};

/// Decodes UTF-16 (LE or BE, with or without a BOM: detectEncoding) to UTF-8; a UTF-8 BOM is
/// dropped; other text is returned as is.
[[nodiscard]] std::string decodeToUtf8(std::string_view bytes);

/// True when every byte sequence in `text` is valid UTF-8.
[[nodiscard]] bool isValidUtf8(std::string_view text);
/// Replaces each invalid UTF-8 sequence with U+FFFD; returns true when it changed anything.
bool repairUtf8(std::string& text);

/// Appends the UTF-8 encoding of code point `cp`; surrogates and values past U+10FFFF become
/// U+FFFD, so decoded character references can never produce invalid UTF-8.
void appendUtf8(std::string& out, std::uint32_t cp);

}  // namespace warmpath::import
