#pragma once
// For the fuzzers: most mutations of a seed have no block header left, so
// an input is also tried with headers put in.
#include <string>
#include <string_view>

namespace anklog::testing {

// '@' and '$' become [[session]] and [[planned]] lines (inside strings and
// comments too, as a trap).
inline std::string with_block_headers(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '@') {
            out += "\n[[session]]\n";
        } else if (c == '$') {
            out += "\n[[planned]]\n";
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace anklog::testing
