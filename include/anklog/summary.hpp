#pragma once
// A log's training per calendar week (Monday to Sunday) or month: the
// numbers progress is read from, for `anklog summary` and `anklog report`.
#include <array>
#include <optional>
#include <vector>

#include "anklog/activity.hpp"
#include "anklog/date.hpp"
#include "anklog/load_ratio.hpp"
#include "anklog/log.hpp"
#include "anklog/mass.hpp"
#include "anklog/period.hpp"
#include "anklog/planned_done.hpp"

namespace anklog {

enum class Grouping { week, month };

inline constexpr std::size_t family_count = 3;  // gait, mobility, strength: Kind's values
inline constexpr std::array<Kind, family_count> families{Kind::gait, Kind::mobility, Kind::strength};
inline std::size_t index_of(Kind family) { return static_cast<std::size_t>(family); }

// One week or month. Only its days inside the summary's period count.
struct PeriodTotals {
    Date start{};  // Monday, or the 1st
    Date end{};    // Sunday, or the month's last day
    Date from{};   // the days counted: start..end within the summary's period
    Date to{};
    int sessions = 0;
    int weighted_days = 0;
    // Weighted volume by family (index_of(kind)): minutes for gait and
    // mobility, sets x reps for strength.
    std::array<int, family_count> weighted_volume{};
    std::optional<Mass> heaviest;    // the heaviest weight per limb, as logged
    std::optional<int> srpe_load;    // effort x minutes, summed where both are logged
    // The highest pain reading: a session's pain or a pain check (anklog
    // pain N) on a day of the period; highest_pain_check when a pain check
    // was higher than every session's pain.
    std::optional<int> highest_pain;
    bool highest_pain_check = false;
    int warnings = 0;  // findings of check on its sessions
    int dangers = 0;
    // The planned sessions in effect: how many, how many done, and their
    // weighted volume by family.
    PlannedDone plan;
    std::array<int, family_count> planned_volume{};
};

struct SummaryOptions {
    Grouping grouping = Grouping::week;
    Period period;  // an open end: `today` and the default number of periods back
    Date today{};
};

// How many weeks, or months, a summary covers by default.
inline constexpr int default_periods = 12;
// The most weeks or months one summary shows: a century of weeks.
inline constexpr int max_periods = 5200;
// A log spanning fewer days shows no trend.
inline constexpr int min_days_for_trends = 14;

struct Summary {
    Grouping grouping = Grouping::week;
    Date since{};  // the days summarised
    Date until{};
    std::vector<PeriodTotals> periods;  // oldest first, every week or month of the period
    std::optional<Date> first_session;  // of the whole log
    std::optional<Date> last_session;
    bool enough_data = false;  // the log spans at least min_days_for_trends days
    // The family with the most weighted days in the period (gait when none).
    Kind main_family = Kind::gait;
    // On `until`: the acute:chronic ratio of each family with weighted work
    // in its chronic window, and load-ramp's limit, above which it is a spike.
    std::vector<LoadRatio> load;
    double spike_above = 1.5;
    // The planned sessions of the week of `until`, and of them those due
    // before `until` and not done.
    std::optional<PeriodTotals> current_week;
    // The week of `until` was saved as a rest week (plan --save with nothing
    // planned): current_week is then empty.
    bool rest_week = false;
    bool has_plan = false;  // the log holds planned sessions or saved plans at all
};

// `log` summarised over options.period, which starts with the whole week
// (month) of its first day: by default the last 12 weeks (or months) to today.
// It never starts before the week (month) of the log's first session or
// planned session: no empty rows before the person started.
// anklog::Error when the period holds more than max_periods.
Summary summarize(const Log& log, const SummaryOptions& options);

// The first day of the week or month that holds `date`, and its last day.
Date period_start(Date date, Grouping grouping);
Date period_end(Date date, Grouping grouping);

}  // namespace anklog
