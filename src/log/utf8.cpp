#include "anklog/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace anklog {

std::size_t utf8_sequence_length(std::string_view text, std::size_t pos) {
    const auto* byte = reinterpret_cast<const unsigned char*>(text.data()) + pos;
    const std::size_t left = text.size() - pos;
    const unsigned char lead = *byte;
    std::size_t length = 0;
    unsigned char min_second = 0x80;
    unsigned char max_second = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) min_second = 0xA0;  // overlong
        if (lead == 0xED) max_second = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) min_second = 0x90;  // overlong
        if (lead == 0xF4) max_second = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    if (left < length || byte[1] < min_second || byte[1] > max_second) return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if ((byte[i] & 0xC0U) != 0x80U) return 0;
    }
    return length;
}

bool is_valid_utf8(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (text.size() - pos >= 8) {  // skip plain ASCII eight bytes at a time
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + pos, sizeof word);
            if ((word & 0x8080808080808080ULL) == 0) {
                pos += 8;
                continue;
            }
        }
        if ((static_cast<unsigned char>(text[pos]) & 0x80U) == 0) {
            ++pos;
            continue;
        }
        const std::size_t length = utf8_sequence_length(text, pos);
        if (length == 0) return false;
        pos += length;
    }
    return true;
}

std::string_view wide_unicode_encoding(std::string_view text) {
    const auto zero = [&](std::size_t i) { return i < text.size() && text[i] == '\0'; };
    if (text.starts_with(std::string_view("\xFF\xFE\0\0", 4)) || text.starts_with(std::string_view("\0\0\xFE\xFF", 4))) {
        return "UTF-32";
    }
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) return "UTF-16";
    if (text.size() >= 4 && ((zero(1) && zero(2) && zero(3) && !zero(0)) || (zero(0) && zero(1) && zero(2) && !zero(3)))) {
        return "UTF-32";
    }
    if (text.size() >= 2 && zero(0) != zero(1)) return "UTF-16";
    return {};
}

}  // namespace anklog
