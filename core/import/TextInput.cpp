#include "import/TextInput.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "import/TextEncoding.h"

namespace warmpath::import {
namespace {

constexpr std::size_t kChunk = std::size_t{1} << 20;

}  // namespace

// --- streams -----------------------------------------------------------------------------

Result<std::unique_ptr<FileStream>> FileStream::open(const std::filesystem::path& path)
{
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
        return Error(std::string("cannot open file: ") + std::strerror(errno), path.string());
    }
    return std::unique_ptr<FileStream>(new FileStream(file));
}

std::size_t FileStream::read(char* buffer, std::size_t size)
{
    const std::size_t got = std::fread(buffer, 1, size, m_file.get());
    if (got == 0 && std::ferror(m_file.get()) != 0) {
        throw std::runtime_error("read error");
    }
    return got;
}

std::string readUpTo(ByteStream& stream, std::size_t limit)
{
    std::string text(limit, '\0');
    std::size_t got = 0;
    while (got < text.size()) {
        const std::size_t n = stream.read(text.data() + got, text.size() - got);
        if (n == 0) {
            break;
        }
        got += n;
    }
    text.resize(got);
    return text;
}

void FileStream::rewind()
{
    std::rewind(m_file.get());
}

// --- UTF-16 files ----------------------------------------------------------------------------

namespace {

/// A UTF-16 file read as UTF-8.
class Utf16FileStream final : public ByteStream {
public:
    Utf16FileStream(std::unique_ptr<FileStream> file, TextEncoding encoding)
        : m_file(std::move(file)), m_decoder(*encoding.utf16), m_skip(encoding.bomBytes), m_raw(kChunk)
    {
    }

    std::size_t read(char* buffer, std::size_t size) override
    {
        while (m_pos == m_text.size() && !m_end) {
            m_text.clear();
            m_pos = 0;
            const std::size_t got = m_file->read(m_raw.data(), m_raw.size());
            std::string_view bytes(m_raw.data(), got);
            const std::size_t skip = std::min(m_skip, bytes.size());
            bytes.remove_prefix(skip);
            m_skip -= skip;
            if (got == 0) {
                m_end = true;
                m_decoder.finish(m_text);
            } else {
                m_decoder.decode(bytes, m_text);
            }
        }
        const std::size_t n = std::min(size, m_text.size() - m_pos);
        std::memcpy(buffer, m_text.data() + m_pos, n);
        m_pos += n;
        return n;
    }

private:
    std::unique_ptr<FileStream> m_file;
    Utf16Decoder m_decoder;
    std::size_t m_skip;
    std::vector<char> m_raw;
    std::string m_text;
    std::size_t m_pos = 0;
    bool m_end = false;
};

}  // namespace

Result<std::unique_ptr<ByteStream>> openTextFile(const std::filesystem::path& path)
{
    Result<std::unique_ptr<FileStream>> file = FileStream::open(path);
    if (!file) {
        return file.error();
    }
    const std::string head = readUpTo(**file, kEncodingSampleBytes);
    (*file)->rewind();
    const TextEncoding encoding = detectEncoding(head);
    if (!encoding.utf16) {
        return std::unique_ptr<ByteStream>(std::move(file).value());
    }
    return std::unique_ptr<ByteStream>(std::make_unique<Utf16FileStream>(std::move(file).value(), encoding));
}

std::size_t StringStream::read(char* buffer, std::size_t size)
{
    const std::size_t n = std::min(size, m_text.size() - m_offset);
    std::memcpy(buffer, m_text.data() + m_offset, n);
    m_offset += n;
    return n;
}

// --- LineReader ----------------------------------------------------------------------------

LineReader::LineReader(ByteStream& stream, std::size_t maxLineBytes)
    : m_stream(stream), m_maxLineBytes(maxLineBytes), m_buffer(kChunk)
{
}

bool LineReader::fill()
{
    if (m_eof) {
        return false;
    }
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    if (m_end == m_buffer.size()) {
        if (m_buffer.size() > m_maxLineBytes) {
            throw std::length_error("line " + std::to_string(m_lineNumber + 1) + " is longer than " +
                                    std::to_string(m_maxLineBytes) + " bytes");
        }
        m_buffer.resize(m_buffer.size() * 2);
    }
    const std::size_t got = m_stream.read(m_buffer.data() + m_end, m_buffer.size() - m_end);
    if (got == 0) {
        m_eof = true;
        return false;
    }
    m_end += got;
    return true;
}

bool LineReader::next(std::string_view& line)
{
    std::size_t searchFrom = m_begin;
    for (;;) {
        const char* start = m_buffer.data() + searchFrom;
        const void* found = std::memchr(start, '\n', m_end - searchFrom);
        if (found != nullptr || (m_eof && m_begin < m_end)) {
            const std::size_t lineEnd =
                found != nullptr ? static_cast<std::size_t>(static_cast<const char*>(found) - m_buffer.data()) : m_end;
            std::size_t contentEnd = lineEnd;
            if (contentEnd > m_begin && m_buffer[contentEnd - 1] == '\r') {
                --contentEnd;
            }
            std::string_view text(m_buffer.data() + m_begin, contentEnd - m_begin);
            if (m_lineNumber == 0 && text.substr(0, 3) == "\xEF\xBB\xBF") {
                text.remove_prefix(3);
            }
            const std::size_t next = found != nullptr ? lineEnd + 1 : m_end;
            m_consumed += next - m_begin;
            m_begin = next;
            ++m_lineNumber;
            line = text;
            return true;
        }
        if (m_eof) {
            return false;
        }
        const std::size_t scanned = m_end - m_begin;
        if (!fill()) {
            if (m_begin == m_end) {
                return false;
            }
        }
        searchFrom = m_begin + scanned;
    }
}

// --- CsvReader -----------------------------------------------------------------------------

CsvReader::CsvReader(ByteStream& stream, std::string fileName, char separator)
    : m_stream(stream), m_fileName(std::move(fileName)), m_separator(separator), m_buffer(kChunk)
{
}

int CsvReader::peek()
{
    if (m_pos == m_end) {
        m_pos = 0;
        m_end = m_stream.read(m_buffer.data(), m_buffer.size());
        if (m_end == 0) {
            return -1;
        }
    }
    return static_cast<unsigned char>(m_buffer[m_pos]);
}

int CsvReader::get()
{
    const int c = peek();
    if (c >= 0) {
        ++m_pos;
        ++m_consumed;
        if (c == '\n') {
            ++m_line;
            m_column = 0;
        } else {
            ++m_column;
        }
    }
    return c;
}

Result<bool> CsvReader::next(std::vector<std::string>& fields)
{
    fields.clear();
    if (!m_started) {
        m_started = true;
        if (peek() == 0xEF) {
            // A BOM only counts at the very start; any other 0xEF is text.
            std::string head;
            for (int i = 0; i < 3 && peek() >= 0; ++i) {
                head += static_cast<char>(get());
            }
            if (head != "\xEF\xBB\xBF") {
                m_column = 0;
                fields.emplace_back(head);
            } else {
                m_column = 0;
            }
        }
    }
    if (peek() < 0 && fields.empty()) {
        return false;
    }
    m_recordLine = m_line;
    if (fields.empty()) {
        fields.emplace_back();
    }
    // No export has records anywhere near this; without a bound, one hostile line (100 MB of
    // text, or of commas: a field object each) costs ten times its size in memory.
    const std::uint64_t recordStart = m_consumed;
    const auto tooLong = [&] {
        return Error("a record longer than " + std::to_string(kMaxCsvRecordBytes >> 20U) +
                         " MiB (not a contact export, or damaged)",
                     m_fileName, m_recordLine, 1);
    };
    for (;;) {
        if (m_consumed - recordStart > kMaxCsvRecordBytes) {
            return tooLong();
        }
        int c = get();
        if (c < 0 || c == '\n') {
            if (!fields.back().empty() && fields.back().back() == '\r') {
                fields.back().pop_back();
            }
            return true;
        }
        if (c == m_separator) {
            if (fields.size() >= kMaxCsvFields) {
                return Error("a record with more than " + std::to_string(kMaxCsvFields) +
                                 " fields (not a contact export, or damaged)",
                             m_fileName, m_recordLine, 1);
            }
            fields.emplace_back();
            continue;
        }
        if (c == '"' && fields.back().empty()) {
            const std::size_t openLine = m_line;
            const std::size_t openColumn = m_column;
            for (;;) {
                if (m_consumed - recordStart > kMaxCsvRecordBytes) {
                    return tooLong();
                }
                c = get();
                if (c < 0) {
                    return Error("a quoted field is never closed (the file is truncated or malformed)", m_fileName,
                                 openLine, openColumn);
                }
                if (c == '"') {
                    if (peek() == '"') {
                        get();
                        fields.back() += '"';
                        continue;
                    }
                    break;
                }
                fields.back() += static_cast<char>(c);
            }
            // Text after the closing quote (`"a"b`) is kept, as most spreadsheet programs do.
            continue;
        }
        fields.back() += static_cast<char>(c);
    }
}

// --- text helpers --------------------------------------------------------------------------

char csvSeparatorOf(std::string_view headerLine)
{
    std::size_t commas = 0;
    std::size_t tabs = 0;
    std::size_t semicolons = 0;
    bool quoted = false;
    for (char c : headerLine) {
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted) {
            commas += c == ',' ? 1 : 0;
            tabs += c == '\t' ? 1 : 0;
            semicolons += c == ';' ? 1 : 0;
        }
    }
    return commas > 0 ? ',' : tabs > 0 ? '\t' : semicolons > 0 ? ';' : '\0';
}

Result<char> csvSeparatorOfFile(const std::filesystem::path& path)
{
    auto stream = openTextFile(path);
    if (!stream) {
        return stream.error();
    }
    const std::string head = readUpTo(**stream, std::size_t{64} * 1024);
    std::string_view text = head;
    text.remove_prefix(detectEncoding(text).bomBytes);
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        if (!trim(line).empty()) {
            const char separator = csvSeparatorOf(line);
            return separator != '\0' ? separator : ',';
        }
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    }
    return ',';
}

CsvFile::CsvFile(std::unique_ptr<ByteStream> stream, std::string label, char separator)
    : m_stream(std::move(stream)),
      m_reader(std::make_unique<CsvReader>(*m_stream, std::move(label), separator)),
      m_separator(separator)
{
}

Result<CsvFile> CsvFile::open(const std::filesystem::path& path, std::string label)
{
    Result<char> separator = csvSeparatorOfFile(path);
    if (!separator) {
        return separator.error();
    }
    auto stream = openTextFile(path);
    if (!stream) {
        return stream.error();
    }
    return CsvFile(std::move(stream).value(), std::move(label), *separator);
}

Result<bool> CsvFile::next(std::vector<std::string>& fields)
{
    for (;;) {
        Result<bool> more = m_reader->next(fields);
        if (!more || !*more) {
            return more;
        }
        if (std::any_of(fields.begin(), fields.end(), [](const std::string& field) { return !trim(field).empty(); })) {
            return true;
        }
    }
}

std::vector<std::string> splitCsvLine(std::string_view line, char separator)
{
    StringStream stream{std::string(line)};
    CsvReader reader(stream, std::string(), separator);
    std::vector<std::string> fields;
    // A quote left open in one line is no record: whatever was read is still the fields.
    (void)reader.next(fields);
    return fields;
}

std::string_view trim(std::string_view text)
{
    constexpr std::string_view kSpace = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

std::string lowerAscii(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

std::vector<std::string> splitTrimmed(std::string_view text, std::string_view separator)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = text.find(separator, start);
        const std::string_view part = trim(text.substr(start, at == std::string_view::npos ? at : at - start));
        if (!part.empty()) {
            parts.emplace_back(part);
        }
        if (at == std::string_view::npos) {
            return parts;
        }
        start = at + separator.size();
    }
}

Result<std::string> readWholeFile(const std::filesystem::path& path, std::uint64_t limit)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        return Error("cannot read file: " + ec.message(), path.string());
    }
    if (size > limit) {
        return Error("file is larger than the " + std::to_string(limit >> 20) + " MiB this format allows",
                     path.string());
    }
    auto stream = FileStream::open(path);
    if (!stream) {
        return stream.error();
    }
    return readUpTo(**stream, size);
}

}  // namespace warmpath::import
