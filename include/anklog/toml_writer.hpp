#pragma once
// Writing sessions and a new log's header as TOML that any TOML 1.0 reader
// reads back exactly.
#include <string>
#include <string_view>

#include "anklog/profile.hpp"
#include "anklog/session.hpp"

namespace anklog {

// A `[[session]]` block, ending in a newline.
std::string to_toml(const Session& session);

// The `[profile]` table, ending in a newline.
std::string profile_table(const Profile& profile);

// The head of a new log: a comment, the format version and `[profile]`.
std::string new_log_text(const Profile& profile);

// `existing` followed by `block`, separated by one blank line, in the
// existing text's line-ending style. The existing bytes stay a prefix.
std::string append_block(std::string_view existing, std::string_view block);

// A TOML basic string literal: quotes, backslashes and control characters
// escaped, other UTF-8 kept as is.
std::string toml_quote(std::string_view text);

// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

}  // namespace anklog
