#pragma once
// Asking the person at the terminal: undo's confirmation, edit's
// "(e)dit again, (d)iscard".
#include <optional>
#include <string_view>

namespace anklog::cli {

// Whether someone can answer: standard input is a terminal.
bool can_ask();

// Shows `question` on stderr (after what stdout holds so far) and reads one
// line from standard input: its first letter, lower-cased; ' ' for an empty
// line; nullopt at the end of input.
std::optional<char> ask(std::string_view question);

}  // namespace anklog::cli
