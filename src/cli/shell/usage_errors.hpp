#pragma once
// Usage errors in anklog's words: what CLI11 rejects is explained as one
// "anklog: error:" line and one "help:" line, naming what was typed, in the
// order it was typed, with "did you mean" for commands, options and values.
#include <string>
#include <string_view>
#include <vector>

#include "anklog/error.hpp"
#include "shell/command_tree.hpp"

namespace CLI {
class App;
class ParseError;
class Validator;
}  // namespace CLI

namespace anklog::cli {

// The error for a flag's value: "--weight: \"2x\" is not a weight" and its advice.
Error flag_error(std::string_view flag, std::string_view message, std::string advice);

// An integer option, written in decimal and within [min, max]:
//   command->add_option("-m,--minutes", options.minutes, "...")
//       ->transform(whole_number(limits::min_minutes, limits::max_minutes));
// "010" means 10; "0x10", "1e3", " +12", "10min" and values out of range are
// usage errors naming the flag and its range. (CLI11 alone reads integers in
// base 0: "010" would be 8 and "09" an error.)
CLI::Validator whole_number(long long min, long long max);

// -m: minutes as people type them (20, 20min, 1h, 1h15; see
// anklog::parse_minutes), within [min, max]; the value becomes the number of
// minutes, so the option stays an integer.
CLI::Validator minutes_value(long long min, long long max);

// --sets: "2", or sets x reps "2x12" (anklog::parse_sets), each within its
// range; the value becomes "2" or "2x12".
CLI::Validator sets_value();

// Every integer option of every command not declared with whole_number gets
// a decimal-only check, so no command can take "010" as octal.
void make_integers_decimal(CLI::App& app);

// The usage error behind a CLI11 parse error, for the command line `args`
// (without the program name).
Error explain_usage_error(const CommandTree& tree, const std::vector<std::string>& args, const CLI::ParseError& error);

// "usage: anklog [-f FILE] ... COMMAND [ARGS]..." and one line per command.
std::string short_usage(const CommandTree& tree);

}  // namespace anklog::cli
