#include "Passphrase.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <openssl/crypto.h>

namespace warmpath::cli {
namespace {

struct FileClose {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

/// Turns terminal echo off for its lifetime, and back on however the scope is left.
class EchoOff {
public:
    explicit EchoOff(int fd) : m_fd(fd)
    {
        if (tcgetattr(fd, &m_saved) == 0) {
            termios silent = m_saved;
            silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            m_active = tcsetattr(fd, TCSAFLUSH, &silent) == 0;
        }
    }
    ~EchoOff()
    {
        if (m_active) {
            tcsetattr(m_fd, TCSAFLUSH, &m_saved);
        }
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;
    EchoOff(EchoOff&&) = delete;
    EchoOff& operator=(EchoOff&&) = delete;

private:
    int m_fd;
    termios m_saved{};
    bool m_active = false;
};

void wipe(std::string& text)
{
    if (!text.empty()) {
        OPENSSL_cleanse(text.data(), text.size());
    }
    text.clear();
}

std::optional<std::string> readLine(std::FILE* in)
{
    std::string line;
    int c = 0;
    while ((c = std::fgetc(in)) != EOF && c != '\n') {
        line += static_cast<char>(c);
    }
    if (c == EOF && line.empty()) {
        return std::nullopt;
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

std::optional<std::string> ask(std::FILE* tty, const char* prompt)
{
    std::fputs(prompt, tty);
    std::fflush(tty);
    std::optional<std::string> line;
    {
        EchoOff echoOff(fileno(tty));
        line = readLine(tty);
    }
    std::fputs("\n", tty);
    std::fflush(tty);
    return line;
}

}  // namespace

Passphrase::~Passphrase()
{
    wipe(m_text);
}

std::optional<Passphrase> readPassphrase(CliContext& context, bool confirm)
{
    if (const char* fromEnvironment = std::getenv("WARMPATH_PASSPHRASE")) {  // NOLINT(concurrency-mt-unsafe)
        return Passphrase(fromEnvironment);
    }
    if (::isatty(STDIN_FILENO) == 0) {
        auto line = readLine(stdin);
        if (!line) {
            context.fail("no passphrase: set WARMPATH_PASSPHRASE or run on a terminal");
            return std::nullopt;
        }
        return Passphrase(std::move(*line));
    }
    std::unique_ptr<std::FILE, FileClose> tty(std::fopen("/dev/tty", "r+"));
    if (!tty) {
        context.fail("no passphrase: set WARMPATH_PASSPHRASE or run on a terminal");
        return std::nullopt;
    }
    auto first = ask(tty.get(), "Passphrase: ");
    if (!first) {
        context.fail("no passphrase given");
        return std::nullopt;
    }
    Passphrase passphrase(std::move(*first));
    wipe(*first);
    if (confirm) {
        auto again = ask(tty.get(), "Passphrase again: ");
        const bool same = again && *again == passphrase.text();
        if (again) {
            wipe(*again);
        }
        if (!same) {
            context.fail("the two passphrases differ");
            return std::nullopt;
        }
    }
    return passphrase;
}

}  // namespace warmpath::cli
