#pragma once
// Charts in the terminal: one horizontal bar per period, scaled to the
// width given, and a sparkline of small numbers (pain, 0-10).
#include <optional>
#include <string>
#include <vector>

namespace anklog::cli {

struct Bar {
    std::string label;  // terminal-safe, e.g. "2026-11-23"
    double value = 0;
    std::string value_text;  // shown after the bar
};

// One line per bar: label, value, bar. No line is wider than `width`
// columns (one is kept free, so that no terminal wraps it). Bars are scaled
// to the largest value; in Unicode eighths of a block, or '#' with `ascii`.
std::string bar_chart(const std::vector<Bar>& bars, std::size_t width, bool ascii, bool color);

// One mark per value, 0 to `top`: "▁" to "█" (with `ascii`, the digit, X for
// 10), "·" ("-") for none. Coloured by level when `color`: under `warn`
// green, from `warn` yellow, above `danger` red.
std::string sparkline(const std::vector<std::optional<int>>& values, int top, int warn, int danger, bool ascii,
                      bool color);

}  // namespace anklog::cli
