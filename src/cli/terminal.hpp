#pragma once
// The terminal anklog prints to: how wide it is, and how wide text is on it.
#include <cstddef>
#include <string_view>

namespace anklog::cli {

// Columns of standard output: the terminal's width when stdout is a terminal
// (ioctl TIOCGWINSZ), else $COLUMNS when it holds a whole number, else 80.
// Never less than min_terminal_width, so that layouts always have room.
std::size_t terminal_width();

inline constexpr std::size_t default_terminal_width = 80;
inline constexpr std::size_t min_terminal_width = 20;
inline constexpr std::size_t max_terminal_width = 1000;

// Columns `text` takes on a terminal: one per code point, with colour escape
// sequences (ESC [ ... m, as paint() writes them) taking none. Text is
// terminal_safe by then, so it holds no other controls.
std::size_t display_width(std::string_view text);

}  // namespace anklog::cli
