#include "render/chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "render/output.hpp"
#include "render/terminal.hpp"

namespace anklog::cli {

namespace {

// U+2588 FULL BLOCK, then U+2589 to U+258F: seven eighths down to one.
constexpr std::string_view full_block = "\u2588";
constexpr std::array<std::string_view, 8> eighths{"",         "\u258f", "\u258e", "\u258d",
                                                  "\u258c", "\u258b", "\u258a", "\u2589"};
constexpr std::array<std::string_view, 8> levels{"\u2581", "\u2582", "\u2583", "\u2584",
                                                 "\u2585", "\u2586", "\u2587", "\u2588"};
constexpr std::string_view no_value = "\u00b7";

std::string bar_of(double cells, bool ascii) {
    if (ascii) return std::string(static_cast<std::size_t>(std::lround(cells)), '#');
    const auto whole_eighths = static_cast<long>(std::lround(cells * 8));
    std::string out;
    for (long i = 0; i < whole_eighths / 8; ++i) out += full_block;
    out += eighths[static_cast<std::size_t>(whole_eighths % 8)];
    return out;
}

}  // namespace

std::string bar_chart(const std::vector<Bar>& bars, std::size_t width, bool ascii, bool color) {
    std::size_t label_width = 0;
    std::size_t value_width = 0;
    double top = 0;
    for (const Bar& bar : bars) {
        label_width = std::max(label_width, display_width(bar.label));
        value_width = std::max(value_width, display_width(bar.value_text));
        top = std::max(top, bar.value);
    }
    // label, value, the bar, two spaces between, and the last column free
    const std::size_t fixed = label_width + 2 + value_width + 2 + 1;
    const std::size_t room = width > fixed ? width - fixed : 0;
    std::string out;
    for (const Bar& bar : bars) {
        const double cells = top > 0 ? bar.value / top * static_cast<double>(room) : 0;
        const std::string drawn = bar_of(cells, ascii);
        std::string line = bar.label;
        line.append(label_width - display_width(bar.label) + 2 + value_width - display_width(bar.value_text), ' ');
        line += bar.value_text;
        if (!drawn.empty()) line += "  " + paint(drawn, Tone::green, color);
        out += line + "\n";
    }
    return out;
}

std::string sparkline(const std::vector<std::optional<int>>& values, int top, int warn, int danger, bool ascii,
                      bool color) {
    std::string out;
    for (const std::optional<int>& value : values) {
        if (!value) {
            out += ascii ? std::string("-") : std::string(no_value);
            continue;
        }
        const int v = std::clamp(*value, 0, top);
        std::string mark;
        if (ascii) {
            mark = v >= 10 ? std::string("X") : std::to_string(v);
        } else {
            mark = levels[static_cast<std::size_t>(std::lround(static_cast<double>(v) * 7 / top))];
        }
        const Tone tone = v > danger ? Tone::red : v >= warn ? Tone::yellow : Tone::green;
        out += paint(mark, tone, color);
    }
    return out;
}

}  // namespace anklog::cli
