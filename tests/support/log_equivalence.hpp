#pragma once
// Test support for parse_log: its block-by-block path against the whole-
// document path (parse_log_whole) must give the same Log, field by field and
// line by line, or the same error (message, advice, file, line and column).
#include <optional>
#include <string>
#include <string_view>

#include "anklog/log.hpp"

namespace anklog::testing {

// What differs between two logs ("sessions[3].minutes: 20 vs 30"), or
// nullopt when they are the same in every field.
[[nodiscard]] std::optional<std::string> log_difference(const Log& a, const Log& b);

struct LogParseComparison {
    bool parsed = false;                    // both paths gave a Log (else both an error)
    std::optional<std::string> difference;  // nullopt when both paths agree
};

// parse_log and parse_log_whole on text.
[[nodiscard]] LogParseComparison compare_log_parse(std::string_view text);

}  // namespace anklog::testing
