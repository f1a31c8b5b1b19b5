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

namespace {

// `text` broken at spaces into pieces of at most `room` columns (a word
// wider than that stays whole).
std::vector<std::string> pieces_of(std::string_view text, std::size_t room) {
    std::vector<std::string> out;
    const std::string wrapped = wrap_line(text, room, 0);
    for (std::size_t start = 0;;) {
        const std::size_t end = wrapped.find('\n', start);
        out.push_back(wrapped.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) return out;
        start = end + 1;
    }
}

std::string painted(const std::string& text, const Cell& cell, bool color) {
    return cell.tone ? paint(text, *cell.tone, color) : text;
}

}  // namespace

std::string render_table(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows, bool color,
                         std::size_t width) {
    const std::size_t limit = width > 1 ? width - 1 : width;
    if (columns.size() < 2 || table_width(columns, rows) <= limit) return render_table(columns, rows, color);
    const std::vector<Column> head(columns.begin(), columns.end() - 1);
    std::vector<std::vector<Cell>> head_rows;
    head_rows.reserve(rows.size());
    for (const auto& row : rows) {
        head_rows.emplace_back(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(std::min(row.size(), head.size())));
    }
    const std::vector<std::size_t> widths = column_widths(head, head_rows);
    std::size_t start = 0;  // where the last column begins
    for (const std::size_t w : widths) start += w + gap;
    const bool in_column = limit > start && limit - start >= min_last_width;
    const std::size_t room = in_column ? limit - start : limit > 4 ? limit - 4 : limit;
    const std::string indent = in_column ? std::string(start, ' ') : std::string(2, ' ');

    std::vector<Cell> header;
    header.reserve(columns.size());
    for (const Column& column : in_column ? columns : head) header.emplace_back(column.header);
    std::string out = line_of(in_column ? columns : head, widths, header, color, true);
    for (const auto& row : rows) {
        if (row.size() < columns.size()) {
            // A short row: its last cell spans the rest, and wraps under itself.
            std::size_t at = 0;
            for (std::size_t c = 0; c + 1 < row.size() && c < widths.size(); ++c) at += widths[c] + gap;
            if (row.empty() || limit <= at + min_last_width) {
                out += line_of(columns, widths, row, color, false);
                continue;
            }
            const std::vector<std::string> parts = pieces_of(row.back().text, limit - at);
            std::vector<Cell> first(row.begin(), row.end() - 1);
            first.emplace_back(parts.front(), row.back().tone);
            out += line_of(columns, widths, first, color, false);
            for (std::size_t i = 1; i < parts.size(); ++i) {
                out += std::string(at, ' ') + painted(parts[i], row.back(), color) + "\n";
            }
            continue;
        }
        const Cell& last = row.back();
        const std::string text = in_column ? last.text : columns.back().header + ": " + last.text;
        const std::vector<std::string> parts = pieces_of(text, room);
        std::vector<Cell> cells(row.begin(), row.end() - 1);
        std::string line = line_of(head, widths, cells, color, false);
        line.pop_back();  // the newline
        std::size_t i = 0;
        if (in_column) {
            line += std::string(start > display_width(line) ? start - display_width(line) : 0, ' ') +
                    painted(parts.front(), last, color);
            i = 1;
        }
        out += line + "\n";
        for (; i < parts.size(); ++i) {
            // Under the row, the header's word stays plain, the standing painted.
            const std::string& part = parts[i];
            if (!in_column && i == 0) {
                const std::string label = columns.back().header + ":";
                out += indent + label + painted(part.substr(label.size()), last, color) + "\n";
                continue;
            }
            out += (in_column ? indent : indent + "  ") + painted(part, last, color) + "\n";
        }
    }
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
