#include "terminal.hpp"

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <string>

#include <fmt/format.h>

namespace anklog::cli {

bool can_ask() { return ::isatty(STDIN_FILENO) == 1; }

std::optional<char> ask(std::string_view question) {
    std::fflush(stdout);
    fmt::print(stderr, "{}", question);
    std::fflush(stderr);
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

}  // namespace anklog::cli
