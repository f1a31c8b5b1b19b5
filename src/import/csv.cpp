#include "csv.hpp"

#include <fmt/format.h>

#include "anklog/error.hpp"
#include "anklog/utf8.hpp"

namespace anklog::import_detail {

namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";
constexpr std::string_view save_as = "export the file again, or save it as CSV (UTF-8) in a spreadsheet";

// Line and column of byte `pos`, counted from `start`.
Location where(std::string_view text, std::size_t pos, const std::string& file) {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    return Location{file, line, static_cast<int>(pos - line_start) + 1};
}

void check_encoding(std::string_view text, const std::string& file) {
    if (const std::string_view wide = wide_unicode_encoding(text); !wide.empty()) {
        throw Error(fmt::format("this is {} text, not UTF-8", wide), std::string(save_as), Location{file, 1, 1});
    }
    for (std::size_t pos = 0; pos < text.size();) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte == 0) {
            throw Error("a NUL byte: this is not a text file", std::string(save_as), where(text, pos, file));
        }
        if (byte < 0x80) {
            ++pos;
            continue;
        }
        const std::size_t length = utf8_sequence_length(text, pos);
        if (length == 0) {
            throw Error(fmt::format("byte 0x{:02X} is not UTF-8 text (a file in two encodings?)", byte),
                        std::string(save_as), where(text, pos, file));
        }
        pos += length;
    }
}

char delimiter_of(std::string_view text) {
    int commas = 0;
    int semicolons = 0;
    bool quoted = false;
    for (const char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') break;
        if (c == ',') ++commas;
        if (c == ';') ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

}  // namespace

CsvTable parse_csv(std::string_view text, const std::string& file) {
    // The columns of the first line count from after the mark.
    if (text.starts_with(bom)) text.remove_prefix(bom.size());
    check_encoding(text, file);
    CsvTable table;
    table.delimiter = delimiter_of(text);
    const char delimiter = table.delimiter;
    int line = 1;
    std::size_t line_start = 0;
    std::size_t pos = 0;
    const auto column_at = [&](std::size_t at) { return static_cast<int>(at - line_start) + 1; };
    const auto fail = [&](std::string message, std::string advice, int at_line, int at_column) {
        throw Error(std::move(message), std::move(advice), Location{file, at_line, at_column});
    };
    while (pos < text.size()) {
        CsvRow row;
        row.line = line;
        for (;;) {  // one field
            CsvField field;
            field.column = column_at(pos);
            if (pos < text.size() && text[pos] == '"') {
                const int open_line = line;
                const int open_column = field.column;
                ++pos;
                for (;;) {
                    if (pos >= text.size()) {
                        fail("this quoted field is never closed", "a quote inside a field is written twice (\"\")",
                             open_line, open_column);
                    }
                    const char c = text[pos];
                    if (c == '"') {
                        if (pos + 1 < text.size() && text[pos + 1] == '"') {
                            field.text += '"';
                            pos += 2;
                            continue;
                        }
                        ++pos;
                        break;
                    }
                    if (c == '\n') {
                        ++line;
                        line_start = pos + 1;
                    }
                    field.text += c;
                    ++pos;
                }
                if (pos < text.size() && text[pos] != delimiter && text[pos] != '\n' &&
                    !(text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n')) {
                    fail("text after the closing quote of a field",
                         fmt::format("end the field there, or write a quote inside it twice (\"\")"), line,
                         column_at(pos));
                }
            } else {
                const std::size_t start = pos;
                while (pos < text.size() && text[pos] != delimiter && text[pos] != '\n' && text[pos] != '\r') {
                    if (text[pos] == '"') {
                        fail("a quote inside a field that does not start with one",
                             "put the whole field in quotes and write the quote twice (\"\")", line, column_at(pos));
                    }
                    ++pos;
                }
                field.text.assign(text.substr(start, pos - start));
            }
            row.fields.push_back(std::move(field));
            if (pos < text.size() && text[pos] == delimiter) {
                ++pos;
                continue;
            }
            if (pos < text.size() && text[pos] == '\r') {
                if (pos + 1 >= text.size() || text[pos + 1] != '\n') {
                    fail("a carriage return alone, not at the end of a line", std::string(save_as), line,
                         column_at(pos));
                }
                ++pos;
            }
            if (pos < text.size()) {  // '\n'
                ++pos;
                ++line;
                line_start = pos;
            }
            break;
        }
        const bool blank = row.fields.size() == 1 && row.fields.front().text.empty();
        if (!blank) table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace anklog::import_detail
