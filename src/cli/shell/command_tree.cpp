#include "shell/command_tree.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>

#include "anklog/rules.hpp"

namespace anklog::cli {

namespace {

bool is_choice_word(std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(separator, start);
        parts.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

// The choices of a CLI::IsMember check: CLI11 describes it as "{a,b,c}".
std::vector<std::string> member_choices(CLI::Option& option) {
    for (int index = 0;; ++index) {
        const CLI::Validator* validator = nullptr;
        try {
            validator = option.get_validator(index);
        } catch (const CLI::OptionNotFound&) {
            return {};
        }
        const std::string description = validator->get_description();
        if (description.size() < 2 || description.front() != '{' || description.back() != '}') continue;
        std::vector<std::string> words = split(std::string_view(description).substr(1, description.size() - 2), ',');
        if (std::all_of(words.begin(), words.end(), is_choice_word)) return words;
    }
}

ValueKind value_kind(CLI::Option& option, std::string_view name, std::string_view value_name,
                     const std::vector<std::string>& command_names) {
    if (auto words = member_choices(option); !words.empty()) return {ValueKind::Source::words, std::move(words)};
    if (value_name.find('|') != std::string_view::npos) {
        std::vector<std::string> words = split(value_name, '|');
        if (std::all_of(words.begin(), words.end(), is_choice_word)) return {ValueKind::Source::words, std::move(words)};
    }
    if (name == "ACTIVITY" || name == "--activity") return {ValueKind::Source::activities, {}};
    if (name == "RULE") return {ValueKind::Source::words, rule_names.names()};
    if (name == "COMMAND") return {ValueKind::Source::words, command_names};
    if (value_name.find("FILE") != std::string_view::npos || name.find("FILE") != std::string_view::npos) {
        return {ValueKind::Source::files, {}};
    }
    return {};
}

bool takes_value(const CLI::Option& option) {
    return option.get_type_size_max() > 0 && option.get_expected_max() > 0;
}

CommandSpec describe_command(CLI::App& app, const std::vector<std::string>& command_names) {
    CommandSpec spec;
    spec.app = &app;
    spec.name = app.get_parent() ? app.get_name() : std::string();
    spec.description = app.get_description();
    spec.hidden = app.get_group().empty();
    for (CLI::Option* option : app.get_options()) {
        if (option->get_positional() && option->get_lnames().empty() && option->get_snames().empty()) {
            ArgumentSpec argument;
            argument.option = option;
            argument.name = option->get_name(true);
            argument.description = option->get_description();
            const int max = option->get_items_expected_max();
            argument.max_count = max >= CLI::detail::expected_max_vector_size ? -1 : max;
            argument.required = option->get_required();
            argument.values = value_kind(*option, argument.name, option->get_option_text(), command_names);
            spec.arguments.push_back(std::move(argument));
            continue;
        }
        OptionSpec described;
        described.option = option;
        described.hidden = option->get_group().empty();
        for (const std::string& name : option->get_snames()) described.names.push_back("-" + name);
        for (const std::string& name : option->get_lnames()) described.names.push_back("--" + name);
        described.description = option->get_description();
        described.takes_value = takes_value(*option);
        if (described.takes_value) {
            described.value_name = option->get_option_text().empty() ? option->get_type_name() : option->get_option_text();
        }
        described.repeatable = option->get_multi_option_policy() != CLI::MultiOptionPolicy::Throw ||
                               option->get_items_expected_max() > 1;
        if (described.takes_value) {
            const std::string& long_name = option->get_lnames().empty() ? std::string() : option->get_lnames().front();
            described.values = value_kind(*option, "--" + long_name, described.value_name, command_names);
        }
        spec.options.push_back(std::move(described));
    }
    return spec;
}

}  // namespace

const std::string& OptionSpec::display_name() const {
    const auto long_name = std::find_if(names.begin(), names.end(), [](const std::string& n) { return n.starts_with("--"); });
    return long_name != names.end() ? *long_name : names.front();
}

bool OptionSpec::has_name(std::string_view wanted) const {
    return std::find(names.begin(), names.end(), wanted) != names.end();
}

const OptionSpec* CommandSpec::find_option(std::string_view wanted) const {
    const auto found = std::find_if(options.begin(), options.end(), [&](const OptionSpec& o) { return o.has_name(wanted); });
    return found == options.end() ? nullptr : &*found;
}

std::vector<std::string> CommandSpec::option_names() const {
    std::vector<std::string> names;
    for (const OptionSpec& option : options) names.insert(names.end(), option.names.begin(), option.names.end());
    return names;
}

const CommandSpec* CommandTree::find_command(std::string_view name) const {
    const auto found = std::find_if(commands.begin(), commands.end(), [&](const CommandSpec& c) { return c.name == name; });
    return found == commands.end() ? nullptr : &*found;
}

std::vector<const CommandSpec*> CommandTree::visible_commands() const {
    std::vector<const CommandSpec*> visible;
    for (const CommandSpec& command : commands) {
        if (!command.hidden) visible.push_back(&command);
    }
    return visible;
}

std::vector<std::string> CommandTree::command_names() const {
    std::vector<std::string> names;
    for (const CommandSpec* command : visible_commands()) names.push_back(command->name);
    return names;
}

const OptionSpec* CommandTree::find_option(const CommandSpec* command, std::string_view name) const {
    if (command) {
        if (const OptionSpec* option = command->find_option(name)) return option;
    }
    return root.find_option(name);
}

CommandTree describe(CLI::App& app) {
    CommandTree tree;
    tree.program = app.get_name();
    std::vector<std::string> command_names;
    for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (!command->get_group().empty()) command_names.push_back(command->get_name());
    }
    tree.root = describe_command(app, command_names);
    for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
        tree.commands.push_back(describe_command(*command, command_names));
    }
    return tree;
}

}  // namespace anklog::cli
