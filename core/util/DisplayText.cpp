#include "util/DisplayText.h"

#include <cstdint>

namespace warmpath {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kFirstStrongIsolate = 0x2068;
constexpr char32_t kPopDirectionalIsolate = 0x2069;

/// The code point at `text[i]`, advancing `i`; U+FFFD for a malformed, overlong or surrogate
/// sequence (one byte consumed).
char32_t decode(std::string_view text, std::size_t& i)
{
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0U) == 0xC0U) {
        length = 2;
        cp = lead & 0x1FU;
        minimum = 0x80;
    } else if ((lead & 0xF0U) == 0xE0U) {
        length = 3;
        cp = lead & 0x0FU;
        minimum = 0x800;
    } else if ((lead & 0xF8U) == 0xF0U) {
        length = 4;
        cp = lead & 0x07U;
        minimum = 0x10000;
    } else {
        ++i;
        return kReplacement;
    }
    if (i + length > text.size()) {
        ++i;
        return kReplacement;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0U) != 0x80U) {
            ++i;
            return kReplacement;
        }
        cp = (cp << 6U) | (byte(i + k) & 0x3FU);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return kReplacement;
    }
    i += length;
    return cp;
}

void encode(char32_t cp, std::string& out)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0U | (cp >> 6U));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0U | (cp >> 12U));
        out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else {
        out += static_cast<char>(0xF0U | (cp >> 18U));
        out += static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
        out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    }
}

bool isBreak(char32_t cp)
{
    return cp == '\n' || cp == '\r' || cp == '\t' || cp == '\v' || cp == '\f' || cp == 0x85 || cp == 0x2028 ||
           cp == 0x2029;
}

bool isControl(char32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

bool isExplicitBidi(char32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, ..., their
/// presentation forms, and the RTL blocks of the supplementary planes) and the RLM/ALM marks.
bool isRightToLeft(char32_t cp)
{
    return (cp >= 0x0590 && cp <= 0x08FF) || cp == 0x200F || (cp >= 0xFB1D && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF) || (cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF);
}

}  // namespace

std::string displaySafe(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool changed = false;
    bool rightToLeft = false;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const char32_t cp = decode(text, i);
        if (cp == kReplacement && text.substr(start, i - start) != "\xEF\xBF\xBD") {
            changed = true;
            encode(kReplacement, out);
        } else if (isBreak(cp)) {
            changed = true;
            out += ' ';
        } else if (isControl(cp)) {
            changed = true;
            encode(kReplacement, out);
        } else if (isExplicitBidi(cp)) {
            changed = true;
            rightToLeft = true;  // whoever put it there wanted reordering: isolate what is left
        } else {
            rightToLeft = rightToLeft || isRightToLeft(cp);
            out.append(text.substr(start, i - start));
        }
    }
    if (!changed && !rightToLeft) {
        return std::string(text);
    }
    if (rightToLeft) {
        std::string isolated;
        encode(kFirstStrongIsolate, isolated);
        isolated += out;
        encode(kPopDirectionalIsolate, isolated);
        return isolated;
    }
    return out;
}

}  // namespace warmpath
