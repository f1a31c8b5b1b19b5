#pragma once
// Internal to the planner: a week that comes back after a break is measured
// against the weeks before the break, not against the days since the return.
#include <optional>
#include <string>
#include <vector>

#include "anklog/plan.hpp"
#include "prescribe.hpp"

namespace anklog::planning {

// Weighted sessions a week of one load in the 28 days before its last break
// (days without any session of it, at least break_days long), when that
// break ended within the last 28 days or lasts into the week: the spacing
// since the return (one session) is not a frequency. Rounded as the
// planner's frequency, at least 1 and at most `days`.
std::optional<int> frequency_before_break(const std::vector<const Session*>& sessions, Date monday, int break_days,
                                          int days);

// The person's usual week of weighted minutes at a placement (timed
// activities), when the week to plan comes back after a break there (no
// weighted minutes there for break_days or more): the median of the weeks
// with weighted minutes there, and the heaviest day, over the 4 weeks up to
// the last weighted session before the break.
struct UsualWeek {
    double week_minutes = 0;
    double day_minutes = 0;
    Date last{};  // the last weighted session at the placement before the break
};
std::optional<UsualWeek> usual_week_before_break(const History& history, Limb on);

// Why a session comes back after a break: "17 days since your last walk
// (1 kg for 12 min on 2026-11-11): about 50% of its volume"; a class keeps
// its length and comes back lighter.
std::string come_back_reason(const Prescription& p, Date date);

}  // namespace anklog::planning
