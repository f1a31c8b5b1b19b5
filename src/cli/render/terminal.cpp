#include "render/terminal.hpp"

#include "render/output.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

namespace anklog::cli {

bool can_ask() { return ::isatty(STDIN_FILENO) == 1; }

std::optional<char> ask(std::string_view question) {
    // Best effort: what stdout holds should show before the question.
    (void)std::fflush(stdout);
    fmt::print(stderr, "{}", question);
    (void)std::fflush(stderr);
    std::string line;
    for (int c = std::getchar(); c != '\n'; c = std::getchar()) {
        if (c == EOF) {
            if (line.empty()) {
                fmt::print(stderr, "\n");
                return std::nullopt;
            }
            break;
        }
        line += static_cast<char>(c);
    }
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos) return ' ';
    return static_cast<char>(std::tolower(static_cast<unsigned char>(line[first])));
}

namespace {

std::size_t within_limits(std::size_t width) { return std::clamp(width, min_terminal_width, max_terminal_width); }

}  // namespace

std::size_t terminal_width() {
    if (::isatty(STDOUT_FILENO) == 1) {
        winsize size{};
        if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return within_limits(size.ws_col);
    }
    if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
        const std::string_view text(columns);
        std::size_t width = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), width);
        if (error == std::errc{} && end == text.data() + text.size() && width > 0) return within_limits(width);
    }
    return default_terminal_width;
}

std::optional<std::size_t> text_wrap_width() {
    if (::isatty(STDOUT_FILENO) != 1) return std::nullopt;
    return terminal_width();
}

std::string fit_to_terminal(std::string_view text, std::size_t extra_hang) {
    const std::optional<std::size_t> width = text_wrap_width();
    if (!width) return std::string(text);
    return wrap_lines(text, *width - 1, extra_hang);
}

std::string wrap_for_terminal(std::string_view text, std::string_view indent) {
    const std::optional<std::size_t> width = text_wrap_width();
    if (!width) return std::string(text);
    return wrap(text, *width - 1, indent);
}

}  // namespace anklog::cli
