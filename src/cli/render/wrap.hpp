#pragma once
// Text that fits the terminal: lines broken at spaces, never inside a word,
// with the continuation indented under its block. Piped output is never
// wrapped (width 0), so scripts and tests see one line per record.
#include <cstddef>
#include <string>
#include <string_view>

namespace anklog::cli {

// Columns `text` takes on a terminal: colour escape sequences take none, a
// character one (two for the wide East Asian and emoji ranges).
std::size_t display_width(std::string_view text);

// `line` (no newline in it) broken at spaces so that no row is wider than
// `width` columns; every row after the first starts with `hang` spaces. A
// word wider than a row stays whole. Width 0 leaves the line as it is.
std::string wrap_line(std::string_view line, std::size_t width, std::size_t hang);

// Every line of `text` wrapped: a line "  = advice ..." continues under
// "advice", any other `extra_hang` columns in from its own indentation.
std::string wrap_lines(std::string_view text, std::size_t width, std::size_t extra_hang);

// `text` padded with spaces to `columns` display columns, whatever colour
// sequences it holds (fmt's padding would count their bytes).
std::string pad_to(std::string_view text, std::size_t columns);

}  // namespace anklog::cli
