#pragma once
// The log's schema, internal to src/log/: the keys each table may hold,
// the names of its blocks, and the words its errors use for TOML's types.
#include <toml++/toml.h>

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "anklog/log.hpp"
#include "anklog/session.hpp"
#include "anklog/toml_scan.hpp"

namespace anklog::schema {

using Keys = std::span<const std::string_view>;
inline constexpr std::array<std::string_view, 9> top_level_keys{"version", "profile", "activities", "rules",
                                                                "session", "planned", "pain",     "equipment",
                                                                "prescription"};
inline constexpr std::array<std::string_view, 5> equipment_keys{"name", "on", "weight", "shell", "inserts"};
inline constexpr std::array<std::string_view, 4> profile_keys{"name", "units", "weights", "history"};
inline constexpr std::array<std::string_view, 3> activity_keys{"kind", "group", "fixed_length"};
inline constexpr std::array<std::string_view, 11> session_keys{"date", "activity", "on",     "weight",
                                                               "minutes", "sets", "reps",   "side",
                                                               "effort",  "pain", "note"};
// A planned session holds only what a plan prescribes, so that a [[planned]]
// block renamed to [[session]] is a valid session.
inline constexpr std::size_t planned_key_count = 8;
inline constexpr Keys planned_keys{session_keys.data(), planned_key_count};

inline constexpr std::array<std::string_view, 3> pain_keys{"date", "pain", "note"};
inline constexpr std::array<std::string_view, 12> prescription_keys{
    "activity", "days", "sets", "reps", "weight", "minutes", "on", "side", "note", "from", "until", "progress_when"};
inline constexpr std::array<std::string_view, 3> progress_when_keys{"pain_at_most", "effort_at_most", "sessions"};

std::string_view block_name(BlockKind kind);

// A whole-number weight above this is out of range; below it toml++ reads it
// as a double exactly (value<double>() refuses integers above 2^53).
inline constexpr long long max_exact_integer_weight = 1'000'000;

static_assert(session_keys[0] == "date" && session_keys[1] == "activity" && session_keys[2] == "on" &&
                  session_keys[3] == "weight" && session_keys[4] == "minutes" && session_keys[5] == "sets" &&
                  session_keys[6] == "reps" && session_keys[7] == "side" && session_keys[8] == "effort" &&
                  session_keys[9] == "pain" && session_keys[10] == "note",
              "session_key_index and Parser::simple_session know this order");

// The position of `key` in session_keys: each starts with its own letter,
// but for "sets" and "side" (told apart by their second).
std::optional<std::size_t> session_key_index(std::string_view key);

// The whole-number field of a session named `key`, or nullptr.
std::optional<int>* count_field(Session& session, std::string_view key);

// "# anklog plan for the week of 2026-11-30": written above each saved week.
inline constexpr std::string_view plan_marker = "# anklog plan for the week of ";
// "# anklog id 0123...ef" (32 lowercase hex digits): the log's identity,
// written once by `plan --save --format ics`; the first such line counts.
inline constexpr std::string_view id_marker = "# anklog id ";
inline constexpr std::size_t id_digits = 32;
// The identity a comment line starting with id_marker holds: its 32 lowercase
// hex digits, followed by the end of the line or a space; else empty.
std::string log_id_in(std::string_view comment);
// The marker lines of saved plans (log.plan_saves) and the log's identity
// (log.id) in its line comments: comments that start a line, outside
// strings, as anklog writes them (a rest week's save is its marker alone).
void read_markers(const std::vector<LineComment>& comments, Log& log);

std::string_view type_name(const toml::node& node);

}  // namespace anklog::schema
