#pragma once
// Inside the import room: CSV text as RFC 4180 reads it (quoted fields,
// doubled quotes, CRLF or LF), with a UTF-8 byte-order mark and a comma or
// semicolon delimiter. No Debian C++ CSV library is among anklog's allowed
// dependencies, and this much needs none.
#include <string>
#include <string_view>
#include <vector>

namespace anklog::import_detail {

struct CsvField {
    std::string text;
    int column = 0;  // 1-based byte column where the field starts
};

struct CsvRow {
    int line = 0;  // 1-based line where the row starts
    std::vector<CsvField> fields;
};

struct CsvTable {
    char delimiter = ',';
    std::vector<CsvRow> rows;  // blank lines left out
};

// Throws anklog::Error at file:line:col for text that is not CSV: an
// unterminated quote, a quote inside an unquoted field, text after a closing
// quote, a carriage return alone, a NUL byte, invalid UTF-8, UTF-16 text.
CsvTable parse_csv(std::string_view text, const std::string& file);

}  // namespace anklog::import_detail
