#pragma once
// The characters TOML gives a meaning to, shared by the scanner
// (toml_scan.cpp) and the simple-block reader (simple_block.cpp).
#include <array>
#include <string_view>

namespace anklog::toml_chars {

inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

constexpr bool is_blank(char c) { return c == ' ' || c == '\t'; }

inline constexpr std::array<bool, 256> bare_key_chars = [] {
    std::array<bool, 256> bare{};
    for (const char c : std::string_view("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")) {
        bare[static_cast<unsigned char>(c)] = true;
    }
    return bare;
}();

constexpr bool is_bare_key_char(char c) { return bare_key_chars[static_cast<unsigned char>(c)]; }

}  // namespace anklog::toml_chars
