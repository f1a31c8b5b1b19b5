#pragma once
// The command line as data, read from the CLI11 command tree at run time:
// commands, their options and arguments, and what values each takes. Shell
// completion scripts, usage errors and the short usage are all generated
// from it, so a command or option added anywhere is covered everywhere.
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace anklog::cli {

// What a value can be, for completing it and for explaining a wrong one.
struct ValueKind {
    enum class Source {
        none,        // free text: a date, a number, a note
        words,       // one of `words`
        activities,  // an activity: built in, or declared in the log
        files,       // a path
    };
    Source source = Source::none;
    std::vector<std::string> words;  // Source::words: the choices
};

struct OptionSpec {
    const CLI::Option* option = nullptr;
    std::vector<std::string> names;  // "-m", "--minutes": short names first
    std::string description;
    std::string value_name;  // "N", "kg|lb"; empty for a flag
    bool takes_value = false;
    bool repeatable = false;  // may be given more than once
    bool hidden = false;      // left out of help and completion
    ValueKind values;

    // The name to show: the first long name, else the short one.
    [[nodiscard]] const std::string& display_name() const;
    [[nodiscard]] bool has_name(std::string_view name) const;
};

struct ArgumentSpec {
    const CLI::Option* option = nullptr;
    std::string name;  // "ACTIVITY"
    std::string description;
    int max_count = 1;  // -1: any number
    bool required = false;
    ValueKind values;
};

struct CommandSpec {
    CLI::App* app = nullptr;
    std::string name;  // empty for anklog itself
    std::string description;
    bool hidden = false;
    std::vector<OptionSpec> options;      // its own, without the global ones
    std::vector<ArgumentSpec> arguments;  // positional, in order

    [[nodiscard]] const OptionSpec* find_option(std::string_view name) const;
    // Every name of its options, for suggestions.
    [[nodiscard]] std::vector<std::string> option_names() const;
};

struct CommandTree {
    std::string program;  // "anklog"
    CommandSpec root;     // the global options
    std::vector<CommandSpec> commands;

    [[nodiscard]] const CommandSpec* find_command(std::string_view name) const;
    [[nodiscard]] std::vector<const CommandSpec*> visible_commands() const;
    [[nodiscard]] std::vector<std::string> command_names() const;  // visible ones
    // An option of `command`, else a global one (they may follow the command).
    [[nodiscard]] const OptionSpec* find_option(const CommandSpec* command, std::string_view name) const;
};

// Reads the tree. Choices come from CLI::IsMember checks, else from a value
// name written as choices ("ankle|wrist"); ACTIVITY arguments and --activity
// take activities; RULE takes the rule ids, COMMAND the command names; a
// value named like FILE takes a path.
CommandTree describe(CLI::App& app);

}  // namespace anklog::cli
