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

std::uint32_t unitAt(std::string_view bytes, std::size_t i, Utf16Order order)
{
    const auto a = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i]));
    const auto b = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1]));
    return order == Utf16Order::LittleEndian ? (b << 8 | a) : (a << 8 | b);
}

bool isHighSurrogate(std::uint32_t unit)
{
    return unit >= 0xD800 && unit <= 0xDBFF;
}

bool isLowSurrogate(std::uint32_t unit)
{
    return unit >= 0xDC00 && unit <= 0xDFFF;
}

/// A code unit that text is made of by itself: no U+0000, no control character but tab and line
/// breaks, no private use character, no U+FFFE (a byte-order mark read in the wrong order) or
/// U+FFFF. Random bytes (compressed data) hold one of these in about every eighth unit.
bool isTextUnit(std::uint32_t unit)
{
    if (unit < 0x20) {
        return unit == '\t' || unit == '\n' || unit == '\v' || unit == '\f' || unit == '\r';
    }
    if (unit >= 0x7F && unit < 0xA0) {
        return false;  // DEL and the C1 controls
    }
    if (unit >= 0xE000 && unit <= 0xF8FF) {
        return false;  // private use
    }
    return unit != 0xFFFE && unit != 0xFFFF && !isLowSurrogate(unit);
}

/// The high surrogate of a plane with characters: 1 to 3 (emoji, historic scripts, CJK) or 14
/// (tags, variation selectors). Planes 4 to 13 are unassigned, 15 and 16 private use.
bool isHighSurrogateOfText(std::uint32_t unit)
{
    return (unit >= 0xD800 && unit <= 0xD8BF) || (unit >= 0xDB40 && unit <= 0xDB7F);
}

/// The first bytes of a file read as UTF-16 in one byte order.
struct SampleReading {
    bool text = true;            ///< every unit is a text unit, surrogates in pairs
    std::size_t units = 0;       ///< code units read
    std::size_t belowU0100 = 0;  ///< of them, U+0001 to U+00FF: a zero byte on the order's side

    /// Text with, among at least four units, two or more (and one in 64) whose zero byte is there.
    [[nodiscard]] bool fits() const { return text && units >= 4 && belowU0100 >= 2 && belowU0100 * 64 >= units; }
};

SampleReading readSample(std::string_view sample, Utf16Order order)
{
    SampleReading reading;
    bool highSurrogate = false;
    for (std::size_t i = 0; i + 1 < sample.size(); i += 2) {
        const std::uint32_t unit = unitAt(sample, i, order);
        ++reading.units;
        if (highSurrogate) {
            highSurrogate = false;
            if (!isLowSurrogate(unit)) {
                reading.text = false;
                break;
            }
            continue;
        }
        if (isHighSurrogateOfText(unit)) {
            highSurrogate = true;  // the sample may end between the two halves
            continue;
        }
        if (isHighSurrogate(unit) || !isTextUnit(unit)) {
            reading.text = false;
            break;
        }
        reading.belowU0100 += unit < 0x100 ? 1 : 0;
    }
    return reading;
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
    // Without a mark, only the order in which the sample is text can be right, and only where the
    // zero bytes of code units below U+0100 say so: UTF-8 text (ASCII read as UTF-16 is valid CJK)
    // has none. A line that is empty or all Cyrillic or CJK is no exception to it, as long as
    // some line breaks, spaces or digits come within the sample.
    const std::string_view sample = head.substr(0, std::min(head.size(), kEncodingSampleBytes));
    const SampleReading little = readSample(sample, Utf16Order::LittleEndian);
    const SampleReading big = readSample(sample, Utf16Order::BigEndian);
    const bool littleFits = little.fits();
    const bool bigFits = big.fits();
    if (littleFits && (!bigFits || little.belowU0100 > big.belowU0100)) {
        return {.utf16 = Utf16Order::LittleEndian, .bomBytes = 0};
    }
    if (bigFits && (!littleFits || big.belowU0100 > little.belowU0100)) {
        return {.utf16 = Utf16Order::BigEndian, .bomBytes = 0};
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
    const auto unit = [&](std::size_t i) { return unitAt(bytes, i, m_order); };
    out.reserve(out.size() + bytes.size() / 2);
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        std::uint32_t cp = unit(i);
        if (isHighSurrogate(cp)) {
            if (i + 3 >= bytes.size()) {
                break;  // the low half is in the next piece
            }
            const std::uint32_t low = unit(i + 2);
            if (isLowSurrogate(low)) {
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
