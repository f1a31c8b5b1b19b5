#include "shell/usage_errors.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <optional>

#include "anklog/limits.hpp"
#include "anklog/suggest.hpp"
#include "anklog/typed_input.hpp"

namespace anklog::cli {

Error flag_error(std::string_view flag, std::string_view message, std::string advice) {
    return Error(fmt::format("{}: {}", flag, message), std::move(advice));
}

namespace {

// CLI11 turns what a validator returns into "NAME: TEXT"; anklog's own
// validators put their help line after this separator so that it reaches
// explain_usage_error intact.
constexpr char advice_separator = '\n';
constexpr std::string_view whole_number_validator = "anklog-whole-number";

// What was typed, as quoted in a message: short, so that a huge argument
// cannot flood the terminal, and cut on a character boundary.
std::string excerpt(std::string_view text) {
    constexpr std::size_t longest = 40;
    if (text.size() <= longest) return std::string(text);
    std::size_t cut = longest;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut)) + "...";
}

std::string value_quote(std::string_view text) { return fmt::format("\"{}\"", excerpt(text)); }
std::string name_quote(std::string_view text) { return fmt::format("'{}'", excerpt(text)); }

// "a, b or c"
std::string one_of(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
        out += words[i];
    }
    return out;
}

CLI::Validator decimal_validator(std::optional<std::pair<long long, long long>> range) {
    const std::string advice = range ? fmt::format("write a whole number from {} to {}", range->first, range->second)
                                     : std::string("write a whole number in digits, e.g. 10");
    auto check = [range, advice](std::string& text) -> std::string {
        const bool negative = text.starts_with('-');
        const std::string_view digits = std::string_view(text).substr(negative ? 1 : 0);
        if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            return fmt::format("{} is not a whole number{}{}", value_quote(text), advice_separator, advice);
        }
        // Leading zeros are decimal too: "010" is ten, never octal eight.
        const std::size_t first = digits.find_first_not_of('0');
        const std::string_view significant = first == std::string_view::npos ? std::string_view("0") : digits.substr(first);
        long long magnitude = 0;
        const auto [end, error] = std::from_chars(significant.data(), significant.data() + significant.size(), magnitude);
        const long long value = negative ? -magnitude : magnitude;
        const long long min = range ? range->first : std::numeric_limits<int>::min();
        const long long max = range ? range->second : std::numeric_limits<int>::max();
        if (error != std::errc{} || value < min || value > max) {
            return fmt::format("{} is out of range{}{}", excerpt(text), advice_separator, advice);
        }
        text = std::to_string(value);
        return {};
    };
    return CLI::Validator(check, "", std::string(whole_number_validator));
}

bool has_validator(CLI::Option& option, std::string_view name) {
    try {
        return option.get_validator(std::string(name)) != nullptr;
    } catch (const CLI::OptionNotFound&) {
        return false;
    }
}

// ---- Reading the command line again, to say what in it is wrong ----------

struct Problem {
    enum class Kind { unknown_command, unknown_option, unexpected_argument, missing_value, repeated_option };
    Kind kind;
    std::string token;  // as typed: "histroy", "--efort", "-m"
    const OptionSpec* option = nullptr;
};

struct TypedValue {
    const OptionSpec* option = nullptr;      // an option's value...
    const ArgumentSpec* argument = nullptr;  // ...or an argument
    std::string typed_name;                  // "-m" for -m 10
    std::string value;
};

struct Scan {
    const CommandSpec* command = nullptr;
    std::vector<Problem> problems;  // in the order typed
    std::vector<TypedValue> values;
    std::vector<std::string> unexpected;  // arguments past what the command takes
};

bool is_structural(Problem::Kind kind) {
    return kind == Problem::Kind::unknown_command || kind == Problem::Kind::unknown_option ||
           kind == Problem::Kind::unexpected_argument;
}

// The same split CLI11 makes: "--name[=value]", "-x[value]" (a dash and a
// digit is a negative number unless such an option exists), "--", the rest.
bool looks_like_option(const CommandTree& tree, const CommandSpec* command, std::string_view token) {
    if (token.size() < 2 || token.front() != '-' || token == "--") return false;
    if (token[1] == '-') return token.size() > 2 && token[2] != '-';
    if (token[1] >= '0' && token[1] <= '9') return tree.find_option(command, token.substr(0, 2)) != nullptr;
    return token[1] != ' ';
}

Scan scan(const CommandTree& tree, const std::vector<std::string>& args) {
    Scan result;
    std::map<const OptionSpec*, int> times_given;
    std::size_t argument = 0;   // which positional argument of the command is being filled
    int filled = 0;             // how many values it has so far
    bool only_arguments = false;  // after "--"

    const auto take_option = [&](const OptionSpec& option, const std::string& typed_name,
                                 std::optional<std::string> inline_value, std::size_t& i) {
        if (++times_given[&option] == 2 && !option.repeatable) {
            result.problems.push_back({Problem::Kind::repeated_option, typed_name, &option});
        }
        if (inline_value) {  // --dry-run=yes is a value too, if a wrong one
            result.values.push_back({&option, nullptr, typed_name, *inline_value});
        } else if (!option.takes_value) {
            return;
        } else if (i + 1 < args.size()) {
            result.values.push_back({&option, nullptr, typed_name, args[++i]});
        } else {
            result.problems.push_back({Problem::Kind::missing_value, typed_name, &option});
            return;
        }
        // An option that takes several values takes what follows, up to the next option.
        const bool takes_more = option.option->get_items_expected_max() > 1 && option.option->get_allow_extra_args();
        while (takes_more && i + 1 < args.size() && !looks_like_option(tree, result.command, args[i + 1]) &&
               args[i + 1] != "--") {
            result.values.push_back({&option, nullptr, typed_name, args[++i]});
        }
    };

    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& token = args[i];
        if (!only_arguments && token == "--") {
            only_arguments = true;
            continue;
        }
        if (!only_arguments && looks_like_option(tree, result.command, token)) {
            if (token.starts_with("--")) {
                const std::size_t equals = token.find('=');
                const std::string name = token.substr(0, equals);
                const OptionSpec* option = tree.find_option(result.command, name);
                if (!option) {
                    result.problems.push_back({Problem::Kind::unknown_option, name});
                    continue;
                }
                take_option(*option, name,
                            equals == std::string::npos ? std::nullopt : std::optional(token.substr(equals + 1)), i);
                continue;
            }
            // Short options cluster: -qf FILE, -m10.
            for (std::size_t at = 1; at < token.size(); ++at) {
                const std::string name{'-', token[at]};
                const OptionSpec* option = tree.find_option(result.command, name);
                if (!option) {
                    result.problems.push_back({Problem::Kind::unknown_option, at == 1 ? token.substr(0, 2) : name});
                    break;
                }
                if (option->takes_value) {
                    std::string rest = token.substr(at + 1);
                    take_option(*option, name, rest.empty() ? std::nullopt : std::optional(std::move(rest)), i);
                    break;
                }
                take_option(*option, name, std::nullopt, i);
            }
            continue;
        }
        if (!result.command) {
            result.command = tree.find_command(token);
            if (!result.command) {
                // What follows an unknown command means nothing on its own.
                result.problems.push_back({Problem::Kind::unknown_command, token});
                return result;
            }
            continue;
        }
        const auto& arguments = result.command->arguments;
        while (argument < arguments.size() && arguments[argument].max_count != -1 &&
               filled >= arguments[argument].max_count) {
            ++argument;
            filled = 0;
        }
        if (argument < arguments.size()) {
            result.values.push_back({nullptr, &arguments[argument], arguments[argument].name, token});
            ++filled;
            continue;
        }
        if (result.unexpected.empty()) result.problems.push_back({Problem::Kind::unexpected_argument, token});
        result.unexpected.push_back(token);
    }
    return result;
}

// ---- Explaining ------------------------------------------------------------

std::string command_help(const CommandTree& tree, const CommandSpec* command) {
    return command ? fmt::format("see '{} {} --help'", tree.program, command->name)
                   : fmt::format("see '{} --help'", tree.program);
}

// The first example of a command's help, which shows its arguments in use.
std::optional<std::string> first_example(const CommandTree& tree, const CommandSpec& command) {
    const std::string footer = command.app->get_footer();
    const std::string start = fmt::format("  {} {} ", tree.program, command.name);
    const std::size_t at = footer.find(start);
    if (at == std::string::npos) return std::nullopt;
    const std::size_t end = footer.find('\n', at);
    return footer.substr(at + 2, end == std::string::npos ? std::string::npos : end - at - 2);
}

std::string arguments_text(const CommandSpec& command) {
    std::vector<std::string> names;
    for (const ArgumentSpec& argument : command.arguments) {
        names.push_back(argument.max_count == -1 ? argument.name + "..." : argument.name);
    }
    return one_of(names);
}

Error explain_problem(const CommandTree& tree, const Scan& scanned, const Problem& problem) {
    const CommandSpec* command = scanned.command;
    switch (problem.kind) {
        case Problem::Kind::unknown_command:
            return Error(fmt::format("unknown command {}", name_quote(problem.token)),
                         did_you_mean(problem.token, tree.command_names(),
                                      fmt::format("the commands are {}", one_of(tree.command_names()))));
        case Problem::Kind::unknown_option: {
            // Every one-letter option is one edit from every other: suggest
            // only long ones, for long ones.
            std::vector<std::string> candidates;
            if (problem.token.starts_with("--")) {
                for (const CommandSpec* in : {command, &tree.root}) {
                    if (!in) continue;
                    for (const std::string& name : in->option_names()) {
                        if (name.starts_with("--")) candidates.push_back(name);
                    }
                }
            }
            return Error(fmt::format("unknown option {}", name_quote(problem.token)),
                         did_you_mean(problem.token, candidates,
                                      command_help(tree, command) + (command ? " for its options" : " for the options")));
        }
        case Problem::Kind::unexpected_argument: {
            constexpr std::size_t shown = 3;
            std::vector<std::string> quoted;
            for (std::size_t i = 0; i < scanned.unexpected.size() && i < shown; ++i) {
                quoted.push_back(name_quote(scanned.unexpected[i]));
            }
            if (scanned.unexpected.size() > shown) quoted.emplace_back("...");
            const std::string what = scanned.unexpected.size() == 1 ? "unexpected argument" : "unexpected arguments";
            const std::string takes = command->arguments.empty()
                                          ? fmt::format("{} takes no arguments, only options", command->name)
                                          : fmt::format("{} takes {}", command->name, arguments_text(*command));
            // A log named after the command: -f names it, before the command.
            const std::string& first = scanned.unexpected.front();
            if (command->arguments.empty() && first.ends_with(".toml")) {
                return Error(fmt::format("{} {}", what, fmt::join(quoted, " ")),
                             fmt::format("{}; to name the log: anklog -f {} {}", takes, first, command->name));
            }
            return Error(fmt::format("{} {}", what, fmt::join(quoted, " ")),
                         fmt::format("{}; {}", takes, command_help(tree, command)));
        }
        case Problem::Kind::missing_value:
            return Error(fmt::format("{} needs a value", problem.token),
                         fmt::format("write {} {}", problem.token, problem.option->value_name));
        case Problem::Kind::repeated_option:
            return Error(fmt::format("{} was given more than once", problem.token),
                         fmt::format("{} takes one value: give it once", problem.token));
    }
    return Error("cannot read the command line", command_help(tree, command));
}

// CLI11 names an option in its messages by its first long name (else its
// short one, or an argument's name), followed by `separator`.
struct Named {
    const OptionSpec* option = nullptr;      // an option...
    const ArgumentSpec* argument = nullptr;  // ...or an argument
    std::string name;                        // "--minutes", "SHELL"
    std::string value_name;                  // "N"; "" for a flag
    const ValueKind* values = nullptr;       // what it takes
    std::string rest;                        // the message after the name and separator
};

std::optional<Named> named_in(const CommandTree& tree, const CommandSpec* command, std::string_view message,
                              std::string_view separator) {
    std::vector<const CommandSpec*> where{&tree.root};
    if (command) where.insert(where.begin(), command);
    for (const CommandSpec* in : where) {
        for (const OptionSpec& option : in->options) {
            for (const std::string& name : option.names) {
                const std::string prefix = name + std::string(separator);
                if (message.starts_with(prefix)) {
                    return Named{&option, nullptr, option.display_name(), option.value_name, &option.values,
                                 std::string(message.substr(prefix.size()))};
                }
            }
        }
        for (const ArgumentSpec& argument : in->arguments) {
            const std::string prefix = argument.name + std::string(separator);
            if (message.starts_with(prefix)) {
                return Named{nullptr, &argument, argument.name, argument.name, &argument.values,
                             std::string(message.substr(prefix.size()))};
            }
        }
    }
    return std::nullopt;
}

const std::vector<std::string>* choices_of(const Named& named) {
    return named.values && named.values->source == ValueKind::Source::words ? &named.values->words : nullptr;
}

// The values typed for the option or argument `named`.
std::vector<const TypedValue*> typed_values(const Scan& scanned, const Named& named) {
    std::vector<const TypedValue*> out;
    for (const TypedValue& value : scanned.values) {
        if ((named.option && value.option == named.option) || (named.argument && value.argument == named.argument)) {
            out.push_back(&value);
        }
    }
    return out;
}

Error explain_value_error(const CommandTree& tree, const Scan& scanned, const Named& named) {
    const auto values = typed_values(scanned, named);
    const std::string typed_name = values.empty() ? named.name : values.front()->typed_name;
    // anklog's own validators: "message<separator>advice".
    if (const std::size_t split = named.rest.find(advice_separator); split != std::string::npos) {
        return Error(fmt::format("{}: {}", typed_name, named.rest.substr(0, split)), named.rest.substr(split + 1));
    }
    if (const auto* choices = choices_of(named)) {
        const auto wrong = std::find_if(values.begin(), values.end(), [&](const TypedValue* v) {
            return std::find(choices->begin(), choices->end(), v->value) == choices->end();
        });
        if (wrong != values.end()) {
            const std::string example = named.option ? fmt::format("write {} {}", (*wrong)->typed_name, one_of(*choices))
                                                      : fmt::format("write {}", one_of(*choices));
            return Error(fmt::format("{}: {} is not one of {}", (*wrong)->typed_name, value_quote((*wrong)->value),
                                     fmt::join(*choices, ", ")),
                         did_you_mean((*wrong)->value, *choices, example));
        }
    }
    if (named.option && !named.option->takes_value && !values.empty()) {
        return Error(fmt::format("{} takes no value, but was given {}", typed_name, value_quote(values.front()->value)),
                     fmt::format("write {} alone", typed_name));
    }
    if (!values.empty()) {
        return Error(fmt::format("{}: {} is not a valid {}", typed_name, value_quote(values.front()->value),
                                 named.value_name),
                     command_help(tree, scanned.command));
    }
    return Error(fmt::format("{}: {}", typed_name, named.rest), command_help(tree, scanned.command));
}

Error explain_missing(const CommandTree& tree, const Scan& scanned) {
    const CommandSpec* command = scanned.command;
    const CommandSpec& where = command ? *command : tree.root;
    for (const ArgumentSpec& argument : where.arguments) {
        if (argument.required && argument.option->count() == 0) {
            const auto example = command ? first_example(tree, *command) : std::nullopt;
            return Error(fmt::format("{} needs {}", command ? command->name : tree.program, argument.name),
                         example ? "e.g. " + *example : command_help(tree, command));
        }
    }
    for (const OptionSpec& option : where.options) {
        if (option.option->get_required() && option.option->count() == 0) {
            return Error(fmt::format("{} needs {}", command ? command->name : tree.program, option.display_name()),
                         fmt::format("write {} {}", option.display_name(), option.value_name));
        }
    }
    return Error("no command given", fmt::format("the commands are {}", one_of(tree.command_names())));
}

}  // namespace

CLI::Validator whole_number(long long min, long long max) { return decimal_validator(std::pair{min, max}); }

CLI::Validator minutes_value(long long min, long long max) {
    auto check = [min, max](std::string& text) -> std::string {
        const auto minutes = parse_minutes(text);
        if (!minutes) {
            return fmt::format("{} is not a number of minutes{}{}", value_quote(text), advice_separator,
                               minutes_advice(text));
        }
        if (*minutes < min || *minutes > max) {
            // A plain number is said as the other whole numbers are.
            if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                return fmt::format("{} is out of range{}write a whole number from {} to {}", excerpt(text),
                                   advice_separator, min, max);
            }
            return fmt::format("{} is {} minutes, out of range{}write {} to {} minutes ({}h at most)", value_quote(text),
                               *minutes, advice_separator, min, max, max / 60);
        }
        text = std::to_string(*minutes);
        return {};
    };
    return CLI::Validator(check, "", std::string(whole_number_validator));
}

CLI::Validator sets_value() {
    auto check = [](std::string& text) -> std::string {
        const auto sets = parse_sets(text);
        if (!sets) {
            return fmt::format("{} is not a number of sets{}{}", value_quote(text), advice_separator, sets_advice(text));
        }
        const bool in_range = sets->sets >= limits::min_sets && sets->sets <= limits::max_sets;
        if (!sets->reps) {
            if (!in_range) {
                return fmt::format("{} is out of range{}write a whole number from {} to {}", excerpt(text),
                                   advice_separator, limits::min_sets, limits::max_sets);
            }
            text = std::to_string(sets->sets);
            return {};
        }
        if (!in_range) {
            return fmt::format("{}: {} sets is out of range{}sets are {} to {}", value_quote(text), sets->sets,
                               advice_separator, limits::min_sets, limits::max_sets);
        }
        if (*sets->reps < limits::min_reps || *sets->reps > limits::max_reps) {
            return fmt::format("{}: {} reps is out of range{}reps per set are {} to {}", value_quote(text), *sets->reps,
                               advice_separator, limits::min_reps, limits::max_reps);
        }
        text = fmt::format("{}x{}", sets->sets, *sets->reps);
        return {};
    };
    return CLI::Validator(check, "", "anklog-sets");
}

void make_integers_decimal(CLI::App& app) {
    for (CLI::Option* option : app.get_options()) {
        const std::string type = option->get_type_name();
        const bool integer = type == "INT" || type == "UINT" || type.starts_with("INT:") || type.starts_with("UINT:");
        if (integer && !has_validator(*option, whole_number_validator)) option->transform(decimal_validator(std::nullopt));
    }
    for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) make_integers_decimal(*command);
}

Error explain_usage_error(const CommandTree& tree, const std::vector<std::string>& args, const CLI::ParseError& error) {
    const Scan scanned = scan(tree, args);
    // A misspelt command or option comes first: it is what the rest follows from.
    for (const Problem& problem : scanned.problems) {
        if (is_structural(problem.kind)) return explain_problem(tree, scanned, problem);
    }
    const std::string message = error.what();
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) || dynamic_cast<const CLI::ExtrasError*>(&error)) {
        if (!scanned.problems.empty()) return explain_problem(tree, scanned, scanned.problems.front());
    }
    if (dynamic_cast<const CLI::RequiredError*>(&error)) return explain_missing(tree, scanned);
    if (dynamic_cast<const CLI::ValidationError*>(&error)) {
        if (const auto named = named_in(tree, scanned.command, message, ": ")) {
            return explain_value_error(tree, scanned, *named);
        }
    }
    if (dynamic_cast<const CLI::ConversionError*>(&error)) {
        const std::string_view text = message;
        constexpr std::string_view could_not = "Could not convert: ";
        const auto named = text.starts_with(could_not) ? named_in(tree, scanned.command, text.substr(could_not.size()), " = ")
                                                       : named_in(tree, scanned.command, text, ": ");
        if (named) return explain_value_error(tree, scanned, *named);
    }
    if (dynamic_cast<const CLI::ExcludesError*>(&error)) {
        if (const auto named = named_in(tree, scanned.command, message, " excludes ")) {
            return Error(fmt::format("{} and {} cannot be used together", named->name, named->rest),
                         fmt::format("choose one of them; {}", command_help(tree, scanned.command)));
        }
    }
    if (dynamic_cast<const CLI::RequiresError*>(&error)) {
        if (const auto named = named_in(tree, scanned.command, message, " requires ")) {
            return Error(fmt::format("{} needs {} as well", named->name, named->rest),
                         command_help(tree, scanned.command));
        }
    }
    // Not one anklog's command line can cause; said plainly all the same.
    return Error(fmt::format("cannot read the command line: {}", message), command_help(tree, scanned.command));
}

std::string short_usage(const CommandTree& tree) {
    std::string usage = fmt::format("usage: {}", tree.program);
    for (const OptionSpec& option : tree.root.options) {
        if (option.hidden || option.option == tree.root.app->get_help_ptr() || option.has_name("--version")) continue;
        usage += option.takes_value ? fmt::format(" [{} {}]", option.names.front(), option.value_name)
                                    : fmt::format(" [{}]", option.names.front());
    }
    usage += " COMMAND [ARGS]...\n\n";
    std::size_t width = 0;
    for (const CommandSpec* command : tree.visible_commands()) width = std::max(width, command->name.size());
    for (const CommandSpec* command : tree.visible_commands()) {
        usage += fmt::format("  {:<{}}  {}\n", command->name, width, command->description);
    }
    return usage;
}

}  // namespace anklog::cli
