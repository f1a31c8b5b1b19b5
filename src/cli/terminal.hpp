#pragma once
// The terminal anklog prints to: how wide it is, and how wide text is on it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace anklog::cli {

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

inline constexpr std::size_t default_terminal_width = 80;
inline constexpr std::size_t min_terminal_width = 20;
inline constexpr std::size_t max_terminal_width = 1000;

// Columns `text` takes on a terminal: one per code point, with colour escape
// sequences (ESC [ ... m, as paint() writes them) taking none. Text is
// terminal_safe by then, so it holds no other controls.
std::size_t display_width(std::string_view text);

}  // namespace anklog::cli
