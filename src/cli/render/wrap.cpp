#include "render/wrap.hpp"

#include <vector>

namespace anklog::cli {

namespace {

// A character's columns: the common wide ranges (CJK, Hangul, fullwidth
// forms, emoji) take two; combining marks and zero-width characters none.
std::size_t columns_of(char32_t code) {
    if ((code >= 0x0300 && code <= 0x036F) || code == 0x200B || code == 0x200D || code == 0xFE0F) return 0;
    if ((code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0xA4CF) ||
        (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF) ||
        (code >= 0xFE30 && code <= 0xFE4F) || (code >= 0xFF00 && code <= 0xFF60) ||
        (code >= 0xFFE0 && code <= 0xFFE6) || (code >= 0x1F300 && code <= 0x1FAFF) ||
        (code >= 0x20000 && code <= 0x3FFFD)) {
        return 2;
    }
    return 1;
}

// The length of the escape sequence at text[i] (ESC [ ... final byte), or 0.
std::size_t escape_length(std::string_view text, std::size_t i) {
    if (text[i] != '\x1b' || i + 1 >= text.size() || text[i + 1] != '[') return 0;
    std::size_t end = i + 2;
    while (end < text.size() && !(text[end] >= 0x40 && text[end] <= 0x7e)) ++end;
    return end < text.size() ? end - i + 1 : text.size() - i;
}

// "3 lb", "0.5 kg", "25 min": a number and its unit read as one word, and a
// row that ends in "3" with "lb" on the next reads as a different weight.
bool is_unit(std::string_view word) {
    for (const std::string_view unit : {"kg", "lb", "lbs", "min"}) {
        if (word.starts_with(unit) &&
            (word.size() == unit.size() || std::string_view(",.;:)").find(word[unit.size()]) != std::string_view::npos)) {
            return true;
        }
    }
    return false;
}

}  // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t escape = escape_length(text, i)) {
            i += escape;
            continue;
        }
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        char32_t code = byte;
        if (byte >= 0xF0) {
            length = 4;
            code = byte & 0x07u;
        } else if (byte >= 0xE0) {
            length = 3;
            code = byte & 0x0Fu;
        } else if (byte >= 0xC0) {
            length = 2;
            code = byte & 0x1Fu;
        }
        for (std::size_t k = 1; k < length && i + k < text.size(); ++k) {
            code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        }
        width += columns_of(code);
        i += length;
    }
    return width;
}

std::string wrap_line(std::string_view line, std::size_t width, std::size_t hang) {
    if (width == 0 || display_width(line) <= width) return std::string(line);
    // Keep the line's own indentation on its first row.
    const std::size_t indent = line.find_first_not_of(' ') == std::string_view::npos ? 0 : line.find_first_not_of(' ');
    std::string out(line.substr(0, indent));
    std::size_t column = indent;
    bool row_has_word = false;
    std::string_view rest = line.substr(indent);
    while (!rest.empty()) {
        std::size_t end = rest.find(' ');
        if (end != std::string_view::npos && end > 0 && rest[end - 1] >= '0' && rest[end - 1] <= '9') {
            const std::size_t unit_end = rest.find(' ', end + 1);
            if (is_unit(rest.substr(end + 1, unit_end == std::string_view::npos ? std::string_view::npos
                                                                                 : unit_end - end - 1))) {
                end = unit_end;
            }
        }
        const std::string_view word = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
        const std::size_t word_width = display_width(word);
        if (row_has_word && column + 1 + word_width > width) {
            out += '\n';
            out.append(hang, ' ');
            column = hang;
            row_has_word = false;
        }
        if (row_has_word) {
            out += ' ';
            ++column;
        }
        out += word;
        column += word_width;
        row_has_word = true;
    }
    return out;
}

std::string wrap_lines(std::string_view text, std::size_t width, std::size_t extra_hang) {
    if (width == 0) return std::string(text);
    std::string out;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        // "  = advice": the continuation lines up under "advice"; any other
        // line continues `extra_hang` columns in from its own indentation.
        std::size_t hang = line.find_first_not_of(' ');
        if (hang == std::string_view::npos) hang = 0;
        hang += line.substr(hang).starts_with("= ") ? 2 : extra_hang;
        out += wrap_line(line, width, hang);
        if (end == std::string_view::npos) break;
        out += '\n';
        text.remove_prefix(end + 1);
    }
    return out;
}

std::string pad_to(std::string_view text, std::size_t columns) {
    std::string out(text);
    const std::size_t width = display_width(text);
    if (width < columns) out.append(columns - width, ' ');
    return out;
}

}  // namespace anklog::cli
