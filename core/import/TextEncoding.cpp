// Encodings of imported text: byte-order marks, UTF-16 with or without one, UTF-8 checked and
// repaired. The streams that decode a whole file as it is read are TextInput's.

#include "import/TextEncoding.h"

#include <algorithm>

namespace warmpath::import {
namespace {

/// Length of the valid UTF-8 sequence at `i`, or 0 when it is not valid.
std::size_t utf8SequenceLength(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) {
        return 1;
    }
    std::size_t length = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
        length = 2;
        cp = c & 0x1Fu;
    } else if ((c & 0xF0) == 0xE0) {
        length = 3;
        cp = c & 0x0Fu;
    } else if ((c & 0xF8) == 0xF0) {
        length = 4;
        cp = c & 0x07u;
    } else {
        return 0;
    }
    if (i + length > text.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    const bool overlong = (length == 2 && cp < 0x80) || (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return length;
}

}  // namespace

void appendUtf8(std::string& out, std::uint32_t cp)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        cp = 0xFFFD;  // not a character: the replacement character, as for invalid bytes
    }
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

TextEncoding detectEncoding(std::string_view head)
{
    if (head.substr(0, 3) == "\xEF\xBB\xBF") {
        return {.utf16 = std::nullopt, .bomBytes = 3};
    }
    if (head.substr(0, 2) == "\xFF\xFE") {
        return {.utf16 = Utf16Order::LittleEndian, .bomBytes = 2};
    }
    if (head.substr(0, 2) == "\xFE\xFF") {
        return {.utf16 = Utf16Order::BigEndian, .bomBytes = 2};
    }
    // Without a mark: the first line's code units, each an ASCII byte beside a zero byte. Four
    // units at least, so that a few bytes of binary data are not taken for text.
    bool little = true;
    bool big = true;
    std::size_t units = 0;
    for (std::size_t i = 0; i + 1 < std::min(head.size(), kEncodingSampleBytes) && (little || big); i += 2) {
        const char a = head[i];
        const char b = head[i + 1];
        if ((a == '\n' && b == '\0' && little) || (a == '\0' && b == '\n' && big)) {
            break;
        }
        little = little && a != '\0' && b == '\0';
        big = big && a == '\0' && b != '\0';
        ++units;
    }
    if (units >= 4 && little != big) {
        return {.utf16 = little ? Utf16Order::LittleEndian : Utf16Order::BigEndian, .bomBytes = 0};
    }
    return {};
}

void Utf16Decoder::decode(std::string_view bytes, std::string& out)
{
    std::string joined;
    if (!m_carry.empty()) {
        joined = m_carry + std::string(bytes);
        bytes = joined;
        m_carry.clear();
    }
    const bool little = m_order == Utf16Order::LittleEndian;
    const auto unit = [&](std::size_t i) -> std::uint32_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return little ? (static_cast<std::uint32_t>(b) << 8 | a) : (static_cast<std::uint32_t>(a) << 8 | b);
    };
    out.reserve(out.size() + bytes.size() / 2);
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        std::uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 3 >= bytes.size()) {
                break;  // the low half is in the next piece
            }
            const std::uint32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            } else {
                cp = 0xFFFD;
            }
        }
        appendUtf8(out, cp);  // a lone low surrogate becomes U+FFFD there
    }
    m_carry.assign(bytes.substr(i));
}

void Utf16Decoder::finish(std::string& out)
{
    if (!m_carry.empty()) {
        appendUtf8(out, 0xFFFD);
        m_carry.clear();
    }
}

bool isValidUtf8(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8SequenceLength(text, i);
        if (n == 0) {
            return false;
        }
        i += n;
    }
    return true;
}

bool repairUtf8(std::string& text)
{
    if (isValidUtf8(text)) {
        return false;
    }
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8SequenceLength(text, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text, i, n);
            i += n;
        }
    }
    text = std::move(out);
    return true;
}

std::string decodeToUtf8(std::string_view bytes)
{
    const TextEncoding encoding = detectEncoding(bytes);
    bytes.remove_prefix(encoding.bomBytes);
    if (!encoding.utf16) {
        return std::string(bytes);
    }
    std::string out;
    Utf16Decoder decoder(*encoding.utf16);
    decoder.decode(bytes, out);
    decoder.finish(out);
    return out;
}

}  // namespace warmpath::import
