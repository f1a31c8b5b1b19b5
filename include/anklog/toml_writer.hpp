#pragma once
// Writing sessions and a new log's header as TOML that any TOML 1.0 reader
// reads back exactly.
#include <array>
#include <string>
#include <string_view>

#include "anklog/log.hpp"
#include "anklog/profile.hpp"
#include "anklog/session.hpp"

namespace anklog {

// A `[[session]]` block, ending in a newline.
std::string to_toml(const Session& session);

// A `[[planned]]` block: the same fields but effort, pain and note.
std::string to_toml_planned(const Session& session);

// A `[[pain]]` block: a pain check without a workout (date, pain, note).
std::string to_toml(const PainCheck& check);

// A [[prescription]] block, as `anklog prescribe` appends it.
std::string to_toml(const Prescription& rx);

// "# anklog plan for the week of 2026-11-30": the line above a saved week's
// [[planned]] blocks. A later one for the same week replaces it in effect.
std::string plan_save_marker(Date monday);

// "# anklog id ID (...)": the line that gives a log its identity (see
// Log::id), written once, by plan --save --format ics.
std::string log_id_line(std::string_view id);

// The keys of `[profile]`, in the order anklog writes them.
inline constexpr std::array<std::string_view, 4> profile_key_order{"name", "units", "weights", "history"};

// One key of `[profile]` as anklog writes it ("units = \"kg\"  # ...\n"),
// or "" when the profile leaves it out (no name, no weights, no history).
std::string profile_key_line(const Profile& profile, std::string_view key);

// The `[profile]` table, ending in a newline.
std::string profile_table(const Profile& profile);

// One `[[equipment]]` table, ending in a newline.
std::string equipment_table(const Equipment& item);

// The head of a new log: a comment, the format version and `[profile]`.
std::string new_log_text(const Profile& profile);

// `existing` followed by `block`, separated by one blank line, in the
// existing text's line-ending style. The existing bytes stay a prefix.
std::string append_block(std::string_view existing, std::string_view block);

// A TOML basic string literal: quotes, backslashes and control characters
// escaped, other UTF-8 kept as is.
std::string toml_quote(std::string_view text);

}  // namespace anklog
