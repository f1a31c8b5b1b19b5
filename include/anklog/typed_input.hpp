#pragma once
// Load and activities as people type them on a command line: minutes as
// "20min", "1h" or "1h15", sets as "2x12", an activity's name in words
// without quotes ("side leg lift"), and a flag's value split over several
// words ("-w 0.5 kg"). Pure functions; the CLI's flag helpers call them.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "anklog/activity.hpp"

namespace anklog {

// Minutes as "20", "20min", "20 m", "20 minutes", "1h", "1.5 h", "2 hours",
// "1h15", "1h 15min", "1 hour 15 minutes" (any case). The minutes, which the
// caller checks against its range (huge numbers come back as a large value,
// never wrapped); nullopt when the text is not a whole number of minutes.
std::optional<long long> parse_minutes(std::string_view text);

// One line of advice for text parse_minutes refused: "1:15" is ambiguous,
// "90s" and "20.5" are not whole minutes, "1,5h" has a decimal comma.
std::string minutes_advice(std::string_view text);

// Sets, or sets and reps: "2", "2x12", "2 x 12", "2X12", "2×12".
struct SetsReps {
    long long sets = 0;
    std::optional<long long> reps;
};
std::optional<SetsReps> parse_sets(std::string_view text);

// One line of advice for text parse_sets refused.
std::string sets_advice(std::string_view text);

// A word typed where an activity goes, grouped: one activity (`activity`
// set), or a run of words that name none (`activity` null).
struct ActivityWords {
    std::string typed;  // as typed, the words joined by spaces
    const Activity* activity = nullptr;
};

// The activities named by the words of a command line. Words are read
// from the left; at each word the longest run of it and the words after it
// whose joined name is an activity is taken as that one activity ("side leg
// lift" -> side-leg-lift), unless every word of the run is an activity on
// its own ("walk pilates" stays walk and pilates). Consecutive words that
// name no activity stay together as one unknown group ("20 min").
std::vector<ActivityWords> activities_in_words(const Catalogue& catalogue, std::span<const std::string> words);

// What a value of a flag is.
enum class ValueForm { date, mass, minutes, sets };

// How many of the words that follow a flag's value belong to it: the most
// (up to 3) that make, joined to it with spaces, a value of its kind, as
// "-w 0.5 kg", "-m 1 h 15", "--date last monday", "--sets 2 x 12" typed
// without quotes. 0 when none do. A word that starts with '-' never does.
std::size_t words_continuing(ValueForm form, std::string_view value, std::span<const std::string> after);

}  // namespace anklog
