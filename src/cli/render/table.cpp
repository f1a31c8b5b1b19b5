#include "render/table.hpp"

#include <algorithm>

#include "render/terminal.hpp"

namespace anklog::cli {

namespace {

constexpr std::size_t gap = 2;

std::vector<std::size_t> column_widths(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows) {
    std::vector<std::size_t> widths(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) widths[c] = display_width(columns[c].header);
    for (const auto& row : rows) {
        // A row's last cell, when the row is short, spans what is left: it
        // does not widen its column.
        const std::size_t measured = row.size() < columns.size() && !row.empty() ? row.size() - 1 : row.size();
        for (std::size_t c = 0; c < measured && c < columns.size(); ++c) {
            widths[c] = std::max(widths[c], display_width(row[c].text));
        }
    }
    return widths;
}

std::string line_of(const std::vector<Column>& columns, const std::vector<std::size_t>& widths,
                    const std::vector<Cell>& cells, bool color, bool header) {
    std::string line;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        const Cell& cell = cells[c];
        const bool last = c + 1 == cells.size();
        const std::size_t width = c < widths.size() ? widths[c] : 0;
        const std::size_t used = display_width(cell.text);
        const std::size_t pad = width > used ? width - used : 0;
        const bool right = c < columns.size() && columns[c].right && !(last && cells.size() < columns.size());
        const std::string text = header ? paint(cell.text, Tone::bold, color)
                                 : cell.tone ? paint(cell.text, *cell.tone, color)
                                             : cell.text;
        if (right) line.append(pad, ' ');
        line += text;
        if (!last) {
            if (!right) line.append(pad, ' ');
            line.append(gap, ' ');
        }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + "\n";
}

}  // namespace

std::string render_table(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows, bool color) {
    const std::vector<std::size_t> widths = column_widths(columns, rows);
    std::vector<Cell> header;
    header.reserve(columns.size());
    for (const Column& column : columns) header.emplace_back(column.header);
    std::string out = line_of(columns, widths, header, color, true);
    for (const auto& row : rows) out += line_of(columns, widths, row, color, false);
    return out;
}

std::size_t table_width(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows) {
    std::size_t widest = 0;
    const std::string text = render_table(columns, rows, false);
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = text.find('\n', start);
        widest = std::max(widest, display_width(std::string_view(text).substr(start, end - start)));
        start = end + 1;
    }
    return widest;
}

}  // namespace anklog::cli
