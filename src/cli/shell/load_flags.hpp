#pragma once
// What `log` and `done` share: the load flags (-w, --on, -m, --sets,
// --reps) applied to sessions, and the last session that --again repeats.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "anklog/log.hpp"
#include <vector>

namespace anklog::cli {

struct LoadFlags {
    std::optional<Mass> weight;
    std::optional<Limb> on;
    std::optional<Side> side;
    std::optional<int> minutes;
    std::optional<int> sets;
    std::optional<int> reps;
};

// -w's text read in the log's unit for bare numbers: nullopt when the flag
// was not given; a usage error when it is not a weight.
std::optional<Mass> weight_flag(const std::string& text, Unit units);

// The sets and reps of --sets (as sets_value left it: "2" or "2x12") and
// --reps into `load`; --sets 2x12 with a --reps that says otherwise is a
// usage error.
void sets_and_reps(const std::optional<std::string>& sets, std::optional<int> reps, LoadFlags& load);

// The activities the ACTIVITY words name (anklog::activities_in_words: "side
// leg lift" is side-leg-lift), or a usage error for the first group of
// words that names none: a number, a weight, minutes, sets or a day gets the
// flag it belongs to; anything else "did you mean", else `advice`.
std::vector<const Activity*> activities_named(const Catalogue& catalogue, const std::vector<std::string>& words,
                                              const std::string& advice);

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
// that day, the last in the file), or nullptr; with `on`, the latest at that
// placement (a wrist walk is not repeated from an ankle walk).
const Session* last_session(const Log& log, std::string_view activity, Date date,
                            std::optional<Limb> on = std::nullopt);

}  // namespace anklog::cli
