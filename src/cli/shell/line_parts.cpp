#include "shell/line_parts.hpp"

#include <CLI/CLI.hpp>

#include <map>

namespace anklog::cli {

LineParts split_line(const CLI::App& command, const CLI::Option& words) {
    LineParts line;
    std::map<const CLI::Option*, std::size_t> taken;  // how many values of each option are placed
    bool any_word = false;
    for (const CLI::Option* option : command.parse_order()) {
        const std::size_t index = taken[option]++;
        const std::vector<std::string>& results = option->results();
        std::string value = index < results.size() ? results[index] : std::string();
        if (option == &words) {
            if (!any_word) line.parts.emplace_back();
            any_word = true;
            if (value == part_separator) {
                line.parts.emplace_back();
            } else {
                line.parts.back().words.push_back(std::move(value));
            }
            continue;
        }
        (any_word ? line.parts.back().flags : line.shared).push_back({option, std::move(value)});
    }
    return line;
}

}  // namespace anklog::cli
