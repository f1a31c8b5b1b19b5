#pragma once
// The terminal anklog talks to: how wide it is, how wide text is on it, and
// asking the person at it (undo's confirmation, edit's "(e)dit again, (d)iscard").
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "render/wrap.hpp"  // display_width

namespace anklog::cli {

// Whether someone can answer: standard input is a terminal.
bool can_ask();

// Shows `question` on stderr (after what stdout holds so far) and reads one
// line from standard input: its first letter, lower-cased; ' ' for an empty
// line; nullopt at the end of input.
std::optional<char> ask(std::string_view question);

// Columns of standard output: the terminal's width when stdout is a terminal
// (ioctl TIOCGWINSZ), else $COLUMNS when it holds a whole number, else 80.
// Never less than min_terminal_width, so that layouts always have room.
std::size_t terminal_width();

// The width to wrap text at: the terminal's when stdout is one; nullopt when
// output goes to a file or a pipe, which is never wrapped (stable for scripts).
std::optional<std::size_t> text_wrap_width();

// `text` wrapped at word boundaries to text_wrap_width() (one column kept
// free), continuation lines indented by `indent`; as it is when not on a
// terminal.
std::string wrap_for_terminal(std::string_view text, std::string_view indent = "");

// Every line of `text` wrapped to text_wrap_width() at spaces: a line
// "  = advice" continues under "advice", any other `extra_hang` columns in
// from its own indentation; `text` as it is when not on a terminal.
std::string fit_to_terminal(std::string_view text, std::size_t extra_hang = 4);

inline constexpr std::size_t default_terminal_width = 80;
inline constexpr std::size_t min_terminal_width = 20;
inline constexpr std::size_t max_terminal_width = 1000;


}  // namespace anklog::cli
