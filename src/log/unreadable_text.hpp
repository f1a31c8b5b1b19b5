#pragma once
// Texts that are not a log anklog can parse, said plainly, internal to
// src/log/: a log saved as UTF-16 or UTF-32, and one a merge left its
// conflict markers in.
#include <string_view>

#include "anklog/error.hpp"
#include "anklog/log_merge.hpp"

namespace anklog::schema {

// Throws, at 1:1, advice for a log saved as UTF-16 or UTF-32 text.
void refuse_wide_encoding(std::string_view text, std::string_view file_name);

// Where the conflict is, and what to do.
Error merge_conflict_error(const MergeConflict& conflict, std::string_view file_name);

}  // namespace anklog::schema
