#pragma once
// What anklog's --help says, read back: the commands it lists. Tests that
// must cover every command discover them here, never from a list of their own.
#include <sstream>
#include <string>
#include <vector>

namespace e2e {

// The commands in the "Subcommands:" section of `anklog --help`, in order.
inline std::vector<std::string> commands_in_help(const std::string& help) {
    std::vector<std::string> commands;
    const std::size_t section = help.find("\nSubcommands:\n");
    if (section == std::string::npos) return commands;
    std::istringstream lines(help.substr(section + 1));
    std::string line;
    std::getline(lines, line);  // the heading
    while (std::getline(lines, line) && line.starts_with("  ")) {
        commands.push_back(line.substr(2, line.find(' ', 2) - 2));
    }
    return commands;
}

// "a, b or c"
inline std::string one_of(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
        out += words[i];
    }
    return out;
}

}  // namespace e2e
