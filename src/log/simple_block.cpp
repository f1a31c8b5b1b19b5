// read_simple_block: a block exactly as anklog writes it (bare keys; one-line
// strings, whole numbers and dates), read without toml++, which costs about
// a twentieth of toml++'s time. Anything else it declines, and toml++ reads
// the block (tests/fuzz/fuzz_scan.cpp holds the two to the same answers).
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "anklog/toml_scan.hpp"
#include "anklog/utf8.hpp"
#include "toml_chars.hpp"

namespace anklog {

namespace {

using namespace toml_chars;  // NOLINT(google-build-using-namespace): the reader speaks TOML's characters

// What toml++ refuses unescaped in strings and comments.
constexpr bool is_control(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\t') || byte == 0x7F;
}

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The reader of read_simple_block: each step returns false where the text
// is not of the simple shape (or not valid TOML), and then the caller gives up.
class SimpleReader {
public:
    explicit SimpleReader(std::string_view text) : text_(text) {}

    bool read(std::vector<SimpleEntry>& entries) {
        if (text_.starts_with(utf8_bom)) pos_ = utf8_bom.size();
        if (!header()) return false;
        while (pos_ < text_.size()) {
            skip_blanks();
            if (pos_ == text_.size()) break;
            const char c = text_[pos_];
            if (c == '\n' || c == '\r' || c == '#') {
                if (!end_of_line()) return false;
                continue;
            }
            const std::size_t key_begin = pos_;
            while (pos_ < text_.size() && is_bare_key_char(text_[pos_])) ++pos_;
            if (pos_ == key_begin) return false;
            const std::string_view key = text_.substr(key_begin, pos_ - key_begin);
            for (const SimpleEntry& entry : entries) {
                // toml++: a redefinition (most keys differ in their first letter)
                if (entry.key.front() == key.front() && entry.key == key) return false;
            }
            skip_blanks();
            if (!skip('=')) return false;
            skip_blanks();
            SimpleValue& value = entries.emplace_back(SimpleEntry{key, {}}).value;
            if (!this->value(value) || !end_of_line()) return false;
        }
        return true;
    }

private:
    [[nodiscard]] char at(std::size_t pos) const { return pos < text_.size() ? text_[pos] : '\0'; }
    void skip_blanks() {
        while (pos_ < text_.size() && is_blank(text_[pos_])) ++pos_;
    }
    bool skip(char c) {
        if (at(pos_) != c) return false;
        ++pos_;
        return true;
    }

    // Past one character of a string or comment: a byte other than a control
    // character, or a whole UTF-8 sequence as toml++'s decoder accepts it.
    bool text_character() {
        const char c = text_[pos_];
        if ((static_cast<unsigned char>(c) & 0x80U) == 0) {
            if (is_control(c)) return false;
            ++pos_;
            return true;
        }
        const std::size_t length = utf8_sequence_length(text_, pos_);
        pos_ += length;
        return length > 0;
    }

    // [[name]], blanks allowed inside the brackets, then the end of the line.
    bool header() {
        skip_blanks();
        if (!skip('[') || !skip('[')) return false;
        skip_blanks();
        const std::size_t name = pos_;
        while (pos_ < text_.size() && is_bare_key_char(text_[pos_])) ++pos_;
        if (pos_ == name) return false;
        skip_blanks();
        return skip(']') && skip(']') && end_of_line();
    }

    // Blanks, a comment, then a line break or the end of the text.
    bool end_of_line() {
        skip_blanks();
        if (at(pos_) == '#') {
            for (++pos_; pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r';) {
                if (!text_character()) return false;
            }
        }
        if (pos_ == text_.size()) return true;
        if (text_[pos_] == '\r') ++pos_;
        return skip('\n');
    }

    bool value(SimpleValue& value) {
        const char c = at(pos_);
        if (c == '"') return basic_string(value.string);
        if (c == '\'') return literal_string(value.string);
        if (!is_digit(c)) return false;
        if (date(value)) return true;
        return integer(value);
    }

    bool literal_string(std::string& out) {
        if (at(pos_ + 1) == '\'' && at(pos_ + 2) == '\'') return false;  // multi-line
        const std::size_t begin = ++pos_;
        while (pos_ < text_.size() && text_[pos_] != '\'') {
            if (!text_character()) return false;
        }
        if (pos_ == text_.size()) return false;
        out.assign(text_.substr(begin, pos_ - begin));
        ++pos_;
        return true;
    }

    bool basic_string(std::string& out) {
        if (at(pos_ + 1) == '"' && at(pos_ + 2) == '"') return false;  // multi-line
        ++pos_;
        for (;;) {
            // The run up to the next quote, backslash or control character, copied at once.
            const std::size_t run = pos_;
            while (pos_ < text_.size() && text_[pos_] != '"' && text_[pos_] != '\\' && !is_control(text_[pos_])) {
                if (!text_character()) return false;
            }
            out.append(text_.substr(run, pos_ - run));
            const char c = at(pos_);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c != '\\') return false;  // a control character, or the end of the text
            const char escaped = at(pos_ + 1);
            pos_ += 2;
            switch (escaped) {
                case 'b': out += '\b'; break;
                case 't': out += '\t'; break;
                case 'n': out += '\n'; break;
                case 'f': out += '\f'; break;
                case 'r': out += '\r'; break;
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case 'u':
                    if (!code_point(4, out)) return false;
                    break;
                case 'U':
                    if (!code_point(8, out)) return false;
                    break;
                default: return false;
            }
        }
    }

    // `digits` hex digits of a Unicode scalar value, appended as UTF-8.
    bool code_point(int digits, std::string& out) {
        std::uint32_t value = 0;
        for (int i = 0; i < digits; ++i) {
            const char c = at(pos_++);
            std::uint32_t digit = 0;
            if (is_digit(c)) {
                digit = static_cast<std::uint32_t>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                digit = static_cast<std::uint32_t>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                digit = static_cast<std::uint32_t>(c - 'A' + 10);
            } else {
                return false;
            }
            value = value * 16 + digit;
        }
        if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) return false;
        const auto byte = [&out](std::uint32_t bits) { out += static_cast<char>(bits); };
        if (value < 0x80) {
            byte(value);
        } else if (value < 0x800) {
            byte(0xC0 | (value >> 6));
            byte(0x80 | (value & 0x3F));
        } else if (value < 0x10000) {
            byte(0xE0 | (value >> 12));
            byte(0x80 | ((value >> 6) & 0x3F));
            byte(0x80 | (value & 0x3F));
        } else {
            byte(0xF0 | (value >> 18));
            byte(0x80 | ((value >> 12) & 0x3F));
            byte(0x80 | ((value >> 6) & 0x3F));
            byte(0x80 | (value & 0x3F));
        }
        return true;
    }

    int digits_at(std::size_t pos, int count) const {
        int value = 0;
        for (int i = 0; i < count; ++i) value = value * 10 + (text_[pos + static_cast<std::size_t>(i)] - '0');
        return value;
    }

    // YYYY-MM-DD, a real day of the proleptic Gregorian calendar as toml++
    // checks it (year 0000 included); false leaves the position alone.
    bool date(SimpleValue& value) {
        constexpr std::string_view shape = "dddd-dd-dd";
        if (text_.size() - pos_ < shape.size()) return false;
        for (std::size_t i = 0; i < shape.size(); ++i) {
            const char c = text_[pos_ + i];
            if (shape[i] == 'd' ? !is_digit(c) : c != '-') return false;
        }
        const int year = digits_at(pos_, 4);
        const int month = digits_at(pos_ + 5, 2);
        const int day = digits_at(pos_ + 8, 2);
        const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        const int days_in_month =
            month == 2 ? (leap ? 29 : 28) : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31);
        if (month < 1 || month > 12 || day < 1 || day > days_in_month) return false;
        value.type = SimpleValue::Type::date;
        value.year = year;
        value.month = month;
        value.day = day;
        pos_ += shape.size();
        return true;
    }

    // 0, or digits without a leading zero; what follows is for end_of_line to judge.
    bool integer(SimpleValue& value) {
        constexpr std::size_t max_digits = 18;  // below 2^63: never out of range
        const std::size_t begin = pos_;
        while (is_digit(at(pos_))) ++pos_;
        const std::size_t count = pos_ - begin;
        if (count > max_digits || (count > 1 && text_[begin] == '0')) return false;
        value.type = SimpleValue::Type::integer;
        value.integer = 0;
        for (std::size_t i = begin; i < pos_; ++i) value.integer = value.integer * 10 + (text_[i] - '0');
        return true;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

}  // namespace

bool read_simple_block(std::string_view block_text, std::vector<SimpleEntry>& entries) {
    entries.clear();
    return SimpleReader(block_text).read(entries);
}

}  // namespace anklog
