#pragma once
// UTF-8 as RFC 3629 defines it, and as toml++'s decoder accepts it: no
// overlong forms, no surrogates, nothing above U+10FFFF.
#include <cstddef>
#include <string_view>

namespace anklog {

// The length of the UTF-8 sequence at `pos` (a byte of 0x80 or more), or 0
// when it is not a valid one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos);

// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

// "UTF-16" or "UTF-32" when `text` starts as text in that encoding does (a
// byte-order mark, or an ASCII character with its zero bytes), else empty.
// A NUL byte is never in a TOML file, so no UTF-8 log is taken for one.
std::string_view wide_unicode_encoding(std::string_view text);

}  // namespace anklog
