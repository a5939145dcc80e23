#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/Result.h"

namespace warmpath::import {

/// Bytes read in order from somewhere (a file, an archive entry already in memory).
class ByteStream {
public:
    virtual ~ByteStream() = default;
    ByteStream() = default;
    ByteStream(const ByteStream&) = delete;
    ByteStream& operator=(const ByteStream&) = delete;
    ByteStream(ByteStream&&) = delete;
    ByteStream& operator=(ByteStream&&) = delete;

    /// Up to `size` bytes into `buffer`; 0 at the end. Throws std::runtime_error on a read error.
    virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

/// Up to `limit` bytes from the start of `stream` (fewer only at its end).
[[nodiscard]] std::string readUpTo(ByteStream& stream, std::size_t limit);

class FileStream final : public ByteStream {
public:
    static Result<std::unique_ptr<FileStream>> open(const std::filesystem::path& path);
    std::size_t read(char* buffer, std::size_t size) override;
    /// Back to the first byte.
    void rewind();

private:
    struct Closer {
        void operator()(std::FILE* file) const { std::fclose(file); }
    };
    explicit FileStream(std::FILE* file) : m_file(file) {}
    std::unique_ptr<std::FILE, Closer> m_file;
};

class StringStream final : public ByteStream {
public:
    explicit StringStream(std::string text) : m_text(std::move(text)) {}
    std::size_t read(char* buffer, std::size_t size) override;

private:
    std::string m_text;
    std::size_t m_offset = 0;
};

/// A text file as UTF-8 bytes: UTF-16 (see TextEncoding.h: detectEncoding) is decoded while it is read; any other
/// file is passed through as it is (a UTF-8 byte-order mark included: the readers drop it).
Result<std::unique_ptr<ByteStream>> openTextFile(const std::filesystem::path& path);

/// Splits a stream into lines without holding more than the current line: LF or CRLF endings,
/// a UTF-8 byte-order mark dropped, a last line without its newline still read.
class LineReader {
public:
    explicit LineReader(ByteStream& stream, std::size_t maxLineBytes = std::size_t{1} << 28);

    /// The next line without its ending; false at the end. A line longer than the limit is an
    /// error (thrown as std::length_error, caught by the parser that knows the file name).
    bool next(std::string_view& line);
    [[nodiscard]] std::size_t lineNumber() const { return m_lineNumber; }
    [[nodiscard]] std::uint64_t bytesConsumed() const { return m_consumed; }

private:
    bool fill();

    ByteStream& m_stream;
    std::size_t m_maxLineBytes;
    std::vector<char> m_buffer;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    std::size_t m_lineNumber = 0;
    std::uint64_t m_consumed = 0;
    bool m_eof = false;
};

/// The longest CSV record CsvReader accepts (bytes, quotes and line breaks inside fields included).
inline constexpr std::uint64_t kMaxCsvRecordBytes = std::uint64_t{16} << 20;
/// The most fields a CSV record may have (Google's export, the widest, has about 90).
inline constexpr std::size_t kMaxCsvFields = 10000;

/// An RFC 4180 reader: comma-separated (or by another separator), fields in double quotes may
/// hold separators, quotes (doubled) and line breaks; CRLF or LF; a UTF-8 BOM is dropped; the last
/// record needs no newline. Streaming: only the current record is held.
class CsvReader {
public:
    explicit CsvReader(ByteStream& stream, std::string fileName, char separator = ',');

    /// The next record into `fields`; false at the end. A quote left open at the end of the file
    /// is an Error naming the line and column where the field began.
    Result<bool> next(std::vector<std::string>& fields);
    /// The line the last record began on (1-based).
    [[nodiscard]] std::size_t recordLine() const { return m_recordLine; }
    [[nodiscard]] std::uint64_t bytesConsumed() const { return m_consumed; }

private:
    int get();
    int peek();

    ByteStream& m_stream;
    std::string m_fileName;
    char m_separator;
    std::vector<char> m_buffer;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    std::size_t m_line = 1;
    std::size_t m_column = 0;
    std::size_t m_recordLine = 0;
    std::uint64_t m_consumed = 0;
    bool m_started = false;
};

/// The records of a CSV file that are not blank, one at a time: the file opened as text (UTF-16
/// decoded), split by the separator its first line uses (csvSeparatorOfFile).
class CsvFile {
public:
    static Result<CsvFile> open(const std::filesystem::path& path, std::string label);

    /// The next record with something in it into `fields`; false at the end.
    Result<bool> next(std::vector<std::string>& fields);
    [[nodiscard]] std::size_t recordLine() const { return m_reader->recordLine(); }
    [[nodiscard]] std::uint64_t bytesConsumed() const { return m_reader->bytesConsumed(); }
    [[nodiscard]] char separator() const { return m_separator; }

private:
    CsvFile(std::unique_ptr<ByteStream> stream, std::string label, char separator);

    std::unique_ptr<ByteStream> m_stream;
    std::unique_ptr<CsvReader> m_reader;  ///< reads m_stream
    char m_separator;
};

/// The separator of a CSV by its header line: a comma, else a tab, else a semicolon (spreadsheets
/// in locales whose decimal mark is a comma), counting only outside quotes; 0 for none of them.
[[nodiscard]] char csvSeparatorOf(std::string_view headerLine);
/// The separator of the CSV file at `path`: csvSeparatorOf its first non-blank line; a comma when
/// that has none of them.
Result<char> csvSeparatorOfFile(const std::filesystem::path& path);
/// One line (a header) split as CsvReader would split it, quotes removed.
[[nodiscard]] std::vector<std::string> splitCsvLine(std::string_view line, char separator);

/// Trims ASCII white space at both ends.
[[nodiscard]] std::string_view trim(std::string_view text);
[[nodiscard]] std::string lowerAscii(std::string_view text);
/// Splits on `separator` (a string), trimming each part and dropping empty parts.
[[nodiscard]] std::vector<std::string> splitTrimmed(std::string_view text, std::string_view separator);

/// Reads a whole (small) file, refusing one larger than `limit` bytes.
Result<std::string> readWholeFile(const std::filesystem::path& path, std::uint64_t limit);

}  // namespace warmpath::import
