#pragma once
// TOML-aware scanning of a log's text before toml++ parses it. Pure: no I/O,
// no printing; results are views into the text given.
//
// 1. find_deep_nesting: toml++ 3.3 builds one table per dotted key part and
//    then walks and destroys the document recursively, so a key of ~31,000
//    parts overflows an 8 MB stack (release) and ~15,000 in an ASan build with
//    toml++ compiled in. Run it before toml++ parses a whole text and refuse
//    what it reports.
// 2. split_log_blocks: the header plus one block per top-level [[session]] or
//    [[planned]] header, so that each block can be parsed on its own, or
//    nullopt when the text is not of that plain shape (parse it whole then).
// 3. read_simple_block: the keys and values of a block of the simplest shape
//    (what anklog writes), read without toml++, or false (toml++ reads it).
// 4. Comments that start a line (find_line_comments, or LogBlocks), as
//    opposed to the same characters inside a multi-line string: where
//    anklog's own marker lines can be.
// 5. plain_log_header: the header of a log whose blocks cannot add to it,
//    found without reading the blocks (the activity names for completion).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anklog/error.hpp"

namespace anklog {

// At most this many dotted key parts on the way from the root of the document
// to any value: the parts of the current [table] header, plus those of the key,
// plus those of the keys of enclosing inline tables. A real log needs 3
// ([activities."x"] + kind). toml++ itself bounds nested arrays and inline
// tables (256 levels), and a header part can be an array of tables (two
// levels), so the deepest document passing the guard is about 2 x 1,000 + 256
// levels: far below the ~15,000 of the most stack-hungry build measured
// (ASan, toml++ header-only, -O0).
inline constexpr int max_key_depth = 1000;

struct DeepNesting {
    int key_parts = 0;  // dotted parts of the key (or [header]) where the limit was passed
    int depth = 0;      // key parts from the root to that key, counting enclosing ones
    int line = 0;       // 1-based, of the key's first character (or the header's '[')
    int column = 0;     // 1-based, in characters, as toml++ counts them
};

// The first key (or table header) whose key depth exceeds max_depth, or
// nullopt. Dots inside quoted keys, strings and comments do not count. The
// scan stops at the first thing it finds invalid, which is never before
// toml++'s first syntax error: toml++ builds nothing past that.
[[nodiscard]] std::optional<DeepNesting> find_deep_nesting(std::string_view text, int max_depth = max_key_depth);

// The located error to report for `deep` in the file `file_name`.
[[nodiscard]] Error deep_nesting_error(const DeepNesting& deep, std::string_view file_name);

enum class BlockKind : unsigned char { session, planned, pain, prescription };

// One top-level [[session]], [[planned]], [[pain]] or [[prescription]] array-of-tables element: its text
// runs from the start of its header line (indentation included, so columns
// need no shift) to the start of the next header line or the end of the text.
struct LogBlock {
    std::string_view text;
    std::size_t offset = 0;  // of text within the whole document
    int first_line = 1;      // 1-based line of the header in the whole document
    BlockKind kind = BlockKind::session;
};

// A comment whose '#' is the first byte of its line (not inside a string
// or a multi-line value): from the '#' to the end of the line, the line
// break excluded (a CR before it included).
struct LineComment {
    std::string_view text;
    int line = 1;  // 1-based
};

struct LogBlocks {
    std::string_view header;  // from the start of the text (a BOM included) to the first block
    std::vector<LogBlock> blocks;
    std::vector<LineComment> line_comments;  // in the header and between and in the blocks, in file order
};

// Splits a log that has the plain shape
//
//   header:  root keys and [tables] (not named session or planned)
//   blocks:  [[session]] or [[planned]] headers, in any order, each followed
//            only by single-part `key = value` lines, blank lines and comments
//
// into its header and blocks. toml++ then parses the header and each block
// as documents of their own with the same outcome as the whole text: a
// block's element is the same table, at the same positions once a line
// within the block is shifted by (first_line - 1) (columns unchanged), and
// the first syntax error is the same error at the same place.
//
// nullopt means "not that shape, parse the whole text": any other table after
// the first block, [session] or [[session.x]] headers, a root key or table
// named session or planned in the header (session = [...]), a quoted key
// at the root or as a header's first part, dotted keys inside a block, a CR
// not followed by LF, text that is not valid UTF-8, keys nested deeper than
// max_key_depth, a header part whose last line is a [table] header (toml++
// would place some of its errors past the end of the part), and anything the
// scanner finds invalid. So a text that
// splits needs no find_deep_nesting, and one scan serves both:
//
//   if (const auto split = split_log_blocks(text)) {
//       toml++ on split->header, then on each block's text (alone, or several
//       consecutive blocks at once: their texts are adjacent); add
//       (block.first_line - 1) to the line of each error and node position
//   } else if (const auto deep = find_deep_nesting(text)) {
//       throw deep_nesting_error(*deep, file_name);
//   } else {
//       toml++ on the whole text
//   }
[[nodiscard]] std::optional<LogBlocks> split_log_blocks(std::string_view text);

// The comments of a valid TOML text that start a line (see LineComment), in
// file order: the same as split_log_blocks finds for a text it splits. On a
// text that is not valid TOML, those up to where the scan gives up.
[[nodiscard]] std::vector<LineComment> find_line_comments(std::string_view text);

// The header of a log (the text before its first line that is a top-level
// [[session]] or [[planned]] header) when no later line starts with any
// other table header (after blanks), so that nothing after the header can
// declare activities, a profile or rules; nullopt when one does. Reads only
// the lines that start with '[' after the header: about a millisecond for
// 100,000 sessions. A text whose header is cut inside a multi-line string
// gives a header that does not parse: the caller then reads the whole log.
[[nodiscard]] std::optional<std::string_view> plain_log_header(std::string_view text);

// A value of the kinds a log's blocks usually hold, as toml++ reads it.
struct SimpleValue {
    enum class Type : unsigned char { string, integer, date };
    Type type = Type::string;
    std::string string;     // decoded
    long long integer = 0;  // a decimal integer
    int year = 0;           // a local date
    int month = 0;
    int day = 0;
};

struct SimpleEntry {
    std::string_view key;  // a bare key, a view into the block's text
    SimpleValue value;
};

// Reads a block (a LogBlock's text) without toml++ when it is of the
// simplest shape: its header line, then only blank lines, comments and
// `bare-key = value` lines whose value is a one-line basic or literal
// string, a decimal integer (no sign, no '_', at most 18 digits) or a local
// date, each key once. `entries` then holds the keys and values in file
// order, as toml++ reads them from the block (strings decoded), and the
// result is true. Anything else, toml++'s errors included, gives false:
// toml++ reads such a block. toml++ needs about 25 times the instructions
// for a typical block.
[[nodiscard]] bool read_simple_block(std::string_view block_text, std::vector<SimpleEntry>& entries);

}  // namespace anklog
