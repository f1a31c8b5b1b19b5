#pragma once
// Text tables: aligned columns, two spaces apart, the header in bold when
// colour is on. Cells are terminal-safe text already; a cell may be painted.
#include <string>
#include <vector>

#include "render/output.hpp"

namespace anklog::cli {

struct Cell {
    std::string text;
    std::optional<Tone> tone;  // painted when colour is on
    Cell(std::string t) : text(std::move(t)) {}  // NOLINT: a plain cell is just its text
    Cell(const char* t) : text(t) {}              // NOLINT
    Cell(std::string t, std::optional<Tone> painted) : text(std::move(t)), tone(painted) {}
};

struct Column {
    std::string header;
    bool right = false;  // numbers: aligned right
};

// The table, one line per row after the header line, each ending in a
// newline, no trailing spaces. A row shorter than the columns leaves the
// rest empty; its last cell may run past its column (a note, a message).
std::string render_table(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows, bool color);

// The table in `width` columns (no line wider than width - 1, as wrapped
// text keeps one column free), when only its last column is too wide: that
// column's text wraps at spaces within its column when that leaves it at
// least min_last_width columns; else each row's last cell goes on lines of
// its own under the row ("  standing: ..."), and the header leaves it out.
// A short row's spanning cell wraps under itself. Never cuts a word. As
// render_table when the table fits.
std::string render_table(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows, bool color,
                         std::size_t width);
inline constexpr std::size_t min_last_width = 20;

// The width of the table's widest line, as render_table would print it.
std::size_t table_width(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows);

}  // namespace anklog::cli
