#include "import/Charset.h"

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <utility>
#include <vector>

#include "import/TextEncoding.h"
#include "import/TextInput.h"

namespace warmpath::import {
namespace {

iconv_t handleOf(void* handle)
{
    return static_cast<iconv_t>(handle);
}

bool isFailure(iconv_t handle)
{
    return handle == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1));  // iconv's own sentinel
}

}  // namespace

std::optional<CharsetConverter> CharsetConverter::open(std::string_view charset)
{
    const std::string name(trim(charset));
    if (name.empty()) {
        return std::nullopt;
    }
    iconv_t handle = iconv_open("UTF-8", name.c_str());
    if (isFailure(handle)) {
        return std::nullopt;
    }
    return CharsetConverter(handle);
}

CharsetConverter::~CharsetConverter()
{
    if (m_handle != nullptr) {
        iconv_close(handleOf(m_handle));
    }
}

CharsetConverter::CharsetConverter(CharsetConverter&& other) noexcept : m_handle(std::exchange(other.m_handle, nullptr))
{
}

CharsetConverter& CharsetConverter::operator=(CharsetConverter&& other) noexcept
{
    if (this != &other) {
        if (m_handle != nullptr) {
            iconv_close(handleOf(m_handle));
        }
        m_handle = std::exchange(other.m_handle, nullptr);
    }
    return *this;
}

CharsetConverter::Converted CharsetConverter::toUtf8(std::string_view bytes)
{
    Converted result;
    iconv_t cd = handleOf(m_handle);
    iconv(cd, nullptr, nullptr, nullptr, nullptr);  // a fresh start for stateful encodings
    std::string input(bytes);
    char* in = input.data();
    std::size_t inLeft = input.size();
    // Four bytes of UTF-8 a byte is the most any character set needs; grown if not.
    std::vector<char> buffer(input.size() * 4 + 16);
    std::size_t used = 0;
    for (;;) {
        char* out = buffer.data() + used;
        std::size_t outLeft = buffer.size() - used;
        const std::size_t done = iconv(cd, inLeft > 0 ? &in : nullptr, &inLeft, &out, &outLeft);
        used = buffer.size() - outLeft;
        if (done != static_cast<std::size_t>(-1)) {
            if (inLeft == 0) {
                break;
            }
            continue;
        }
        if (errno == E2BIG) {
            buffer.resize(buffer.size() * 2);
        } else if (errno == EILSEQ) {
            // A byte the character set leaves undefined (0x81 in Windows-1252): replaced, not
            // dropped, as invalid UTF-8 is elsewhere.
            result.text.append(buffer.data(), used);
            used = 0;
            appendUtf8(result.text, 0xFFFD);
            result.replaced = true;
            ++in;
            --inLeft;
            if (inLeft == 0) {
                break;
            }
        } else {
            // EINVAL: the text ends inside a multi-byte character.
            result.text.append(buffer.data(), used);
            used = 0;
            appendUtf8(result.text, 0xFFFD);
            result.replaced = true;
            break;
        }
    }
    result.text.append(buffer.data(), used);
    return result;
}

std::string utf8OrWindows1252(std::string_view bytes, bool* converted)
{
    const bool valid = isValidUtf8(bytes);
    if (converted != nullptr) {
        *converted = !valid;
    }
    if (valid) {
        return std::string(bytes);
    }
    // Every glibc has CP1252; without it (a stripped system) the bytes are kept and repaired later.
    static thread_local std::optional<CharsetConverter> windows1252 = CharsetConverter::open(kWindows1252);
    if (!windows1252) {
        return std::string(bytes);
    }
    return windows1252->toUtf8(bytes).text;
}

}  // namespace warmpath::import
