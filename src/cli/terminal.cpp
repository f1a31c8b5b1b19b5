#include "terminal.hpp"

#include "output.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string>

namespace anklog::cli {

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

std::string wrap_for_terminal(std::string_view text, std::string_view indent) {
    const std::optional<std::size_t> width = text_wrap_width();
    if (!width) return std::string(text);
    return wrap(text, *width - 1, indent);
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == 0x1B && i + 1 < text.size() && text[i + 1] == '[') {
            const std::size_t end = text.find('m', i);
            if (end == std::string_view::npos) break;
            i = end;
            continue;
        }
        if ((byte & 0xC0) != 0x80) ++width;  // not a UTF-8 continuation byte
    }
    return width;
}

}  // namespace anklog::cli
