#pragma once
// A command line of several parts joined by "+", as `log` takes it:
//   anklog log -w 1kg walk -m 20 + calf-raise --sets 2 --reps 10
// CLI11 reads the line as usual (the "+" words land among the command's
// positional words); this splits what it read, in the order typed, into the
// flags before the first word (shared by every part) and the parts, each
// with its words and its own flags.
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace anklog::cli {

// The word that starts the next part.
inline constexpr std::string_view part_separator = "+";

// A flag as given: its option and its value as CLI11 left it (transformed:
// -m 1h is "60"); a flag without a value has CLI11's "true".
struct GivenFlag {
    const CLI::Option* option = nullptr;
    std::string value;
};

struct LinePart {
    std::vector<std::string> words;  // its positional words, without the "+"
    std::vector<GivenFlag> flags;    // in the order typed
};

struct LineParts {
    std::vector<GivenFlag> shared;  // given before the first word
    std::vector<LinePart> parts;    // one at least once anything was read
};

// `command`'s line as parsed, split at each "+" among the values of `words`
// (its positional argument). Call it once parsing is over.
LineParts split_line(const CLI::App& command, const CLI::Option& words);

}  // namespace anklog::cli
