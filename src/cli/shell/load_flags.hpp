#pragma once
// What `log` and `done` share: the load flags (-w, --on, -m, --sets,
// --reps) applied to sessions, and the last session that --again repeats.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "anklog/log.hpp"

namespace anklog::cli {

struct LoadFlags {
    std::optional<Mass> weight;
    std::optional<Limb> on;
    std::optional<int> minutes;
    std::optional<int> sets;
    std::optional<int> reps;
};

// -w's text read in the log's unit for bare numbers: nullopt when the flag
// was not given; a usage error when it is not a weight.
std::optional<Mass> weight_flag(const std::string& text, Unit units);

// --note as given, or a usage error when it is not UTF-8 text.
void check_note_flag(std::string_view note);

// Whether the activities are of both kinds, timed and strength.
bool mixes_kinds(std::span<const Activity* const> activities);

// Sets on `session` what the flags give. When the activities named mix
// kinds, -m goes to the timed ones and --sets and --reps to the strength
// ones; otherwise every flag goes to every session (and validate() says
// what does not fit).
void apply(const LoadFlags& flags, Session& session, Kind kind, bool mixed_kinds);

// The latest session of `activity` dated on or before `date` (of several
// that day, the last in the file), or nullptr.
const Session* last_session(const Log& log, std::string_view activity, Date date);

}  // namespace anklog::cli
