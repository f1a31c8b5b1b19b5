#pragma once
// The acute:chronic ratio of a family's weighted volume on a given day, as
// load-ramp computes it (src/rules/load_rules.cpp): the last 7 days' total
// against the last 28 days' total per 7 days, rest days = 0, counted from
// the family's first weighted session or its return after a break. Summaries
// and reports show it with a named zone; the numbers are check's.
#include <optional>
#include <string_view>

#include "anklog/activity.hpp"
#include "anklog/date.hpp"
#include "anklog/log.hpp"

namespace anklog {

struct LoadRatio {
    Kind family = Kind::gait;
    Date date{};
    double acute = 0;              // weighted volume of the acute window to `date` (7 days)
    double chronic_per_acute = 0;  // the chronic window's (28 days) total per acute window
    std::optional<double> ratio;   // acute / chronic_per_acute; none when nothing is in the chronic window
    int history_days = 0;          // days from the first session the windows count (or the return) to `date`
    int chronic_days = 28;         // load-ramp's windows, from [rules] or the rule table
    int acute_days = 7;

    // check judges the ratio once the windows count a whole chronic window.
    [[nodiscard]] bool settled() const { return history_days >= chronic_days; }
};

// The ratio on `date` (its sessions included, later ones not), for a family.
LoadRatio load_ratio(const Log& log, Kind family, Date date);

// Zones of the ratio, as load-monitoring tools name them: under 0.8 easing
// off, up to 1.3 steady, up to load-ramp's limit (1.5 by default) building
// fast, above it a spike.
enum class LoadZone { easing_off, steady, building_fast, spike };
inline constexpr double easing_off_below = 0.8;
inline constexpr double building_fast_above = 1.3;

LoadZone load_zone(double ratio, double spike_above);
std::string_view to_string(LoadZone zone);

}  // namespace anklog
