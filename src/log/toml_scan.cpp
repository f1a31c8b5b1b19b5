// A small TOML lexer that follows toml++ exactly on valid TOML and may give up
// anywhere past the first syntax error: toml++ stops there too, so nothing
// after it can build tables (the nesting guard) or be parsed differently in
// blocks (the block splitter, which falls back to a whole parse on anything
// it gives up on).
#include "anklog/toml_scan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "anklog/utf8.hpp"
#include "toml_chars.hpp"

namespace anklog {

namespace {

using namespace toml_chars;  // NOLINT(google-build-using-namespace): the scanner speaks TOML's characters

constexpr std::size_t npos = std::string_view::npos;

// toml++ refuses values nested deeper than 256 (TOML_MAX_NESTED_VALUES): a
// text with more open arrays or inline tables than this is invalid.
constexpr std::size_t max_open_values = 300;

constexpr bool is_key_start(char c) { return is_bare_key_char(c) || c == '"' || c == '\''; }

// The characters that can change what the scanner is in, inside a value; the
// others (digits, letters, blanks, '-', ':', '.', ...) are skipped in a tight loop.
constexpr std::array<bool, 256> value_specials = [] {
    std::array<bool, 256> specials{};
    for (const char c : std::string_view("\n\r#\"'[]{},")) specials[static_cast<unsigned char>(c)] = true;
    return specials;
}();

struct Key {
    std::size_t end = 0;  // past the key and the blanks after it
    int parts = 0;
    std::string_view first;  // the first part as written, quotes included
    bool first_quoted = false;
};

// Positions are byte offsets into the text; each step returns the position
// past what it consumed, or npos where the text is not valid TOML.
class Lexer {
public:
    explicit Lexer(std::string_view text) : text_(text) {}

    [[nodiscard]] char at(std::size_t pos) const { return pos < text_.size() ? text_[pos] : '\0'; }
    [[nodiscard]] bool at_end(std::size_t pos) const { return pos >= text_.size(); }

    // Where the document starts: toml++ skips a byte-order mark.
    [[nodiscard]] std::size_t start() const { return text_.starts_with(utf8_bom) ? utf8_bom.size() : 0; }

    [[nodiscard]] std::size_t blanks(std::size_t pos) const {
        while (pos < text_.size() && is_blank(text_[pos])) ++pos;
        return pos;
    }

    // At '#': up to the '\n' that ends the comment (not consumed) or the end.
    [[nodiscard]] std::size_t comment(std::size_t pos) const {
        const std::size_t newline = text_.find('\n', pos);
        return newline == npos ? text_.size() : newline;
    }

    // At '\n' or "\r\n": past it; npos for a CR alone. Anything else: pos.
    [[nodiscard]] std::size_t line_break(std::size_t pos) const {
        if (at(pos) == '\n') return pos + 1;
        if (at(pos) == '\r') return at(pos + 1) == '\n' ? pos + 2 : npos;
        return pos;
    }

    // What may follow a key/value pair or a table header on its line: blanks,
    // a comment, then a line break or the end. Returns the next line's start.
    [[nodiscard]] std::size_t end_of_line(std::size_t pos) const {
        pos = blanks(pos);
        if (at(pos) == '#') pos = comment(pos);
        if (at_end(pos)) return pos;
        const std::size_t next = line_break(pos);
        return next == pos ? npos : next;
    }

    // At a quote: past the string. Multi-line strings only where values are.
    [[nodiscard]] std::size_t string(std::size_t pos, bool multi_line_allowed) const {
        const char quote = text_[pos];
        const bool basic = quote == '"';
        if (at(pos + 1) == quote && at(pos + 2) == quote) {
            if (!multi_line_allowed) return npos;
            for (std::size_t i = pos + 3; i < text_.size(); ++i) {
                if (basic && text_[i] == '\\') {
                    ++i;  // an escaped character, a quote included, ends nothing
                } else if (text_[i] == quote && at(i + 1) == quote && at(i + 2) == quote) {
                    // One or two quotes right before the closing three belong to the string.
                    std::size_t run = 3;
                    while (at(i + run) == quote) ++run;
                    return run <= 5 ? i + run : npos;
                }
            }
            return npos;
        }
        for (std::size_t i = pos + 1; i < text_.size(); ++i) {
            const char c = text_[i];
            if (c == '\n') return npos;
            if (basic && c == '\\') {
                ++i;
                if (at(i) == '\n') return npos;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return npos;
    }

    // A key of one or more dotted parts, with blanks around the dots.
    [[nodiscard]] std::optional<Key> key(std::size_t pos) const {
        Key key;
        for (;;) {
            const std::size_t part_begin = pos;
            const char c = at(pos);
            if (is_bare_key_char(c)) {
                while (is_bare_key_char(at(pos))) ++pos;
            } else if (c == '"' || c == '\'') {
                pos = string(pos, false);
                if (pos == npos) return std::nullopt;
            } else {
                return std::nullopt;
            }
            if (key.parts++ == 0) {
                key.first = text_.substr(part_begin, pos - part_begin);
                key.first_quoted = !is_bare_key_char(c);
            }
            pos = blanks(pos);
            if (at(pos) != '.') break;
            pos = blanks(pos + 1);
        }
        key.end = pos;
        return key;
    }

    // From the first character of a value to the line break (or end) after it,
    // a trailing comment included. on_key(position, parts, depth) sees each key
    // of an inline table, with the key depth of its value; it returns false to
    // stop the scan (value() then returns npos).
    template <typename OnKey>
    [[nodiscard]] std::size_t value(std::size_t pos, int depth, OnKey&& on_key) const {
        struct Open {
            bool inline_table;
            int depth;  // key depth of the values directly inside
        };
        std::array<Open, max_open_values> open;  // only [0, count) is ever read: no need to clear it
        std::size_t count = 0;
        bool expect_key = false;  // right after '{' or a ',' in an inline table
        int current = depth;      // key depth of the value being scanned
        while (pos < text_.size()) {
            if (!expect_key) {
                while (pos < text_.size() && !value_specials[static_cast<unsigned char>(text_[pos])]) ++pos;
                if (pos == text_.size()) break;
            }
            const char c = text_[pos];
            if (expect_key && is_key_start(c)) {
                const std::optional<Key> key = this->key(pos);
                if (!key) return npos;
                current = open[count - 1].depth + key->parts;
                if (!on_key(pos, key->parts, current)) return npos;
                pos = key->end;
                if (at(pos) != '=') return npos;
                ++pos;
                expect_key = false;
                continue;
            }
            switch (c) {
                case ' ':
                case '\t': ++pos; break;
                case '\r':
                    if (at(pos + 1) != '\n') return npos;
                    [[fallthrough]];
                case '\n':
                    if (count == 0) return pos;
                    if (open[count - 1].inline_table) return npos;  // inline tables are one line
                    pos += c == '\r' ? 2 : 1;
                    break;
                case '#':
                    if (count > 0 && open[count - 1].inline_table) return npos;
                    pos = comment(pos);
                    break;
                case '"':
                case '\'':
                    pos = string(pos, true);
                    if (pos == npos) return npos;
                    break;
                case '[':
                case '{':
                    if (count == open.size()) return npos;
                    open[count++] = Open{c == '{', current};
                    expect_key = c == '{';
                    ++pos;
                    break;
                case ']':
                case '}':
                    if (count == 0 || open[count - 1].inline_table != (c == '}')) return npos;
                    --count;
                    expect_key = false;
                    ++pos;
                    break;
                case ',':
                    if (count == 0) return npos;
                    expect_key = open[count - 1].inline_table;
                    current = open[count - 1].depth;
                    ++pos;
                    break;
                default: return npos;  // where a key must be: toml++ rejects this
            }
        }
        return count == 0 ? pos : npos;
    }

private:
    std::string_view text_;
};

// 1-based line and column (in code points, a BOM not counted) of a byte offset.
std::pair<int, int> line_and_column(std::string_view text, std::size_t offset) {
    const std::string_view before = text.substr(0, offset);
    const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    std::size_t line_start = before.rfind('\n');
    line_start = line_start == npos ? (text.starts_with(utf8_bom) ? utf8_bom.size() : 0) : line_start + 1;
    int column = 1;
    for (std::size_t i = line_start; i < offset; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) ++column;  // not a continuation byte
    }
    return {line, column};
}

// toml++ decodes 32 bytes at a time and places an encoding error by where
// that chunk starts, so the same bad byte would be reported at different
// columns in a block and in the whole text: texts that are not UTF-8
// (is_valid_utf8) are parsed whole.

// The number of '\n' in text, eight bytes at a time: a plain loop is not
// vectorised at -O2 and was half the time of a split.
std::size_t count_newlines(std::string_view text) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    std::size_t count = 0;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, sizeof word);
        const std::uint64_t x = word ^ (ones * '\n');  // a zero byte where there was a '\n'
        const std::uint64_t zero_bytes = ~(((x & ~high_bits) + ~high_bits) | x) & high_bits;
        count += static_cast<std::size_t>(((zero_bytes >> 7) * ones) >> 56);  // sums the bytes' 0 or 1
    }
    for (; i < text.size(); ++i) count += text[i] == '\n' ? 1U : 0U;
    return count;
}

bool names_a_block(std::string_view bare_key) {
    return bare_key == "session" || bare_key == "planned" || bare_key == "pain" || bare_key == "prescription";
}

}  // namespace

namespace {

// Every top-level line of a text, as toml++ reads it: on_key(position, parts,
// depth) sees each key (of a [table] header, a key/value line or an inline
// table) with its key depth, and returns false to stop; on_comment(position)
// sees each comment on a line of its own (not one after a value or header,
// nor one inside a multi-line value). Stops at the first thing it finds
// invalid.
template <typename OnKey, typename OnComment>
void walk_document(std::string_view text, OnKey&& on_key, OnComment&& on_comment) {
    const Lexer lex(text);
    int header_depth = 0;  // key parts of the current [table] header
    std::size_t pos = lex.start();
    while (!lex.at_end(pos)) {
        const char c = lex.at(pos);
        if (is_blank(c)) {
            pos = lex.blanks(pos);
        } else if (c == '\n' || c == '\r') {
            pos = lex.line_break(pos);
        } else if (c == '#') {
            on_comment(pos);
            pos = lex.comment(pos);
        } else if (c == '[') {
            const std::size_t begin = pos;
            const bool array = lex.at(pos + 1) == '[';
            const std::optional<Key> key = lex.key(lex.blanks(pos + (array ? 2 : 1)));
            if (!key) break;
            if (!on_key(begin, key->parts, key->parts)) break;
            header_depth = key->parts;
            pos = key->end;
            if (lex.at(pos) != ']' || (array && lex.at(pos + 1) != ']')) break;
            pos = lex.end_of_line(pos + (array ? 2 : 1));
        } else if (is_key_start(c)) {
            const std::optional<Key> key = lex.key(pos);
            if (!key) break;
            const int depth = header_depth + key->parts;
            if (!on_key(pos, key->parts, depth)) break;
            pos = lex.blanks(key->end);
            if (lex.at(pos) != '=') break;
            pos = lex.blanks(pos + 1);
            pos = lex.value(pos, depth, on_key);
            if (pos != npos) pos = lex.end_of_line(pos);
        } else {
            break;  // toml++ stops here with a syntax error
        }
        if (pos == npos) break;
    }
}

// Whether the byte at `pos` is the first of its line.
bool starts_line(std::string_view text, std::size_t pos) { return pos == 0 || text[pos - 1] == '\n'; }

// The comment at `pos` (a '#'), to the end of its line.
std::string_view comment_at(std::string_view text, std::size_t pos) {
    const std::size_t end = text.find('\n', pos);
    return text.substr(pos, end == npos ? npos : end - pos);
}

}  // namespace

std::optional<DeepNesting> find_deep_nesting(std::string_view text, int max_depth) {
    std::optional<DeepNesting> deep;
    const auto shallow = [&](std::size_t pos, int parts, int depth) {
        if (depth <= max_depth) return true;
        const auto [line, column] = line_and_column(text, pos);
        deep = DeepNesting{parts, depth, line, column};
        return false;
    };
    walk_document(text, shallow, [](std::size_t) {});
    return deep;
}

std::vector<LineComment> find_line_comments(std::string_view text) {
    std::vector<LineComment> out;
    int line = 1;
    std::size_t counted_to = 0;
    walk_document(
        text, [](std::size_t, int, int) { return true; },
        [&](std::size_t pos) {
            if (!starts_line(text, pos)) return;
            line += static_cast<int>(count_newlines(text.substr(counted_to, pos - counted_to)));
            counted_to = pos;
            out.push_back(LineComment{comment_at(text, pos), line});
        });
    return out;
}

Error deep_nesting_error(const DeepNesting& deep, std::string_view file_name) {
    std::string message =
        deep.key_parts == deep.depth
            ? fmt::format("a key with {} dotted parts; anklog reads keys of at most {} parts", deep.key_parts,
                          max_key_depth)
            : fmt::format(
                  "a key nested {} parts deep ([table] header, dotted keys and inline tables together); "
                  "anklog reads at most {}",
                  deep.depth, max_key_depth);
    return Error(std::move(message),
                 "a log needs only short keys like `minutes` or `[profile]`; remove or shorten this one",
                 Location{std::string(file_name), deep.line, deep.column});
}

std::optional<LogBlocks> split_log_blocks(std::string_view text) {
    if (!is_valid_utf8(text)) return std::nullopt;
    const Lexer lex(text);
    LogBlocks result;
    bool in_blocks = false;        // past the first [[session]] or [[planned]] header
    bool in_header_table = false;  // past a [table] header in the header part
    int header_depth = 0;          // key parts of the current [table] header
    // Whether the line just scanned was a [table] header of the header part.
    // toml++ places some errors of a header ([a.b] where a is not a table)
    // at the start of the next line: in the header part alone that is its
    // end, a different place, so the header part must not end with one.
    bool after_header_table = false;
    const auto shallow = [](std::size_t, int, int depth) { return depth <= max_key_depth; };
    std::size_t line_begin = 0;         // where the current line starts (a BOM included)
    std::vector<std::size_t> comments;  // where the comments that start a line are
    std::size_t pos = lex.start();
    while (!lex.at_end(pos)) {
        const char c = lex.at(pos);
        if (is_blank(c)) {
            pos = lex.blanks(pos);
        } else if (c == '\n' || c == '\r') {
            pos = lex.line_break(pos);
            line_begin = pos;
            after_header_table = false;
        } else if (c == '#') {
            if (starts_line(text, pos)) comments.push_back(pos);
            pos = lex.comment(pos);
        } else if (c == '[') {
            const bool array = lex.at(pos + 1) == '[';
            const std::optional<Key> key = lex.key(lex.blanks(pos + (array ? 2 : 1)));
            if (!key) return std::nullopt;
            pos = key->end;
            if (lex.at(pos) != ']' || (array && lex.at(pos + 1) != ']')) return std::nullopt;
            pos = lex.end_of_line(pos + (array ? 2 : 1));
            header_depth = key->parts;
            if (header_depth > max_key_depth) return std::nullopt;
            const bool block = array && key->parts == 1 && !key->first_quoted && names_a_block(key->first);
            if (block) {
                if (after_header_table) return std::nullopt;
                // The text and first line are filled in once the next block is found.
                result.blocks.push_back(LogBlock{{},
                                                 line_begin,
                                                 0,
                                                 key->first == "session"   ? BlockKind::session
                                                 : key->first == "planned" ? BlockKind::planned
                                                 : key->first == "pain"    ? BlockKind::pain
                                                                           : BlockKind::prescription});
                in_blocks = true;
            } else if (in_blocks || key->first_quoted || names_a_block(key->first)) {
                return std::nullopt;
            }
            in_header_table = true;
            after_header_table = !block;
            line_begin = pos;
        } else if (is_key_start(c)) {
            const std::optional<Key> key = lex.key(pos);
            if (!key) return std::nullopt;
            if (in_blocks ? key->parts != 1 : !in_header_table && (key->first_quoted || names_a_block(key->first))) {
                return std::nullopt;
            }
            const int depth = header_depth + key->parts;
            if (!shallow(pos, key->parts, depth)) return std::nullopt;
            pos = lex.blanks(key->end);
            if (lex.at(pos) != '=') return std::nullopt;
            pos = lex.blanks(pos + 1);
            const char first = lex.at(pos);
            if (lex.at_end(pos) || first == '\n' || first == '\r' || first == '#') return std::nullopt;
            pos = lex.value(pos, depth, shallow);
            if (pos != npos) pos = lex.end_of_line(pos);
            line_begin = pos;
            after_header_table = false;
        } else {
            return std::nullopt;
        }
        if (pos == npos) return std::nullopt;
    }

    result.header = text.substr(0, result.blocks.empty() ? text.size() : result.blocks.front().offset);
    // Lines counted once, front to back, through the blocks and comments in file order.
    int line = 1;
    std::size_t counted_to = 0;
    const auto line_at = [&](std::size_t offset) {
        line += static_cast<int>(count_newlines(text.substr(counted_to, offset - counted_to)));
        counted_to = offset;
        return line;
    };
    result.line_comments.reserve(comments.size());
    std::size_t next_comment = 0;
    const auto comments_before = [&](std::size_t offset) {
        for (; next_comment < comments.size() && comments[next_comment] < offset; ++next_comment) {
            const std::size_t at = comments[next_comment];
            const int comment_line = line_at(at);
            result.line_comments.push_back(LineComment{comment_at(text, at), comment_line});
        }
    };
    for (std::size_t i = 0; i < result.blocks.size(); ++i) {
        LogBlock& block = result.blocks[i];
        const std::size_t end = i + 1 < result.blocks.size() ? result.blocks[i + 1].offset : text.size();
        block.text = text.substr(block.offset, end - block.offset);
        comments_before(block.offset);
        block.first_line = line_at(block.offset);
    }
    comments_before(text.size());
    return result;
}

namespace {

// At '[': whether a [[session]] or [[planned]] header starts here.
bool is_block_header(std::string_view text, std::size_t pos) {
    // As anklog writes them, first: most lines that start with '[' are.
    const std::string_view rest = text.substr(pos);
    if (rest.starts_with("[[session]]") || rest.starts_with("[[planned]]")) return true;
    const Lexer lex(text);
    if (lex.at(pos + 1) != '[') return false;
    const std::size_t name = lex.blanks(pos + 2);
    std::size_t end = name;
    while (is_bare_key_char(lex.at(end))) ++end;
    if (!names_a_block(text.substr(name, end - name))) return false;
    end = lex.blanks(end);
    return lex.at(end) == ']' && lex.at(end + 1) == ']';
}

}  // namespace

std::optional<std::string_view> plain_log_header(std::string_view text) {
    const std::size_t first = text.starts_with(utf8_bom) ? utf8_bom.size() : 0;
    std::optional<std::size_t> header_end;
    for (std::size_t pos = text.find('[', first); pos != npos; pos = text.find('[', pos + 1)) {
        std::size_t line = pos;
        while (line > first && is_blank(text[line - 1])) --line;
        if (line > first && text[line - 1] != '\n') continue;  // not the first thing on its line
        const bool block = is_block_header(text, pos);
        if (!header_end) {
            if (block) header_end = line;
        } else if (!block) {
            return std::nullopt;
        }
        if (block) ++pos;  // past its second '['
    }
    return text.substr(0, header_end.value_or(text.size()));
}

}  // namespace anklog
