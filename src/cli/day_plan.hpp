#pragma once
// A day of the plan in effect, as `today` shows it and `done` logs it.
#include <optional>
#include <string>
#include <vector>

#include "anklog/adherence.hpp"
#include "anklog/log.hpp"

namespace anklog::cli {

struct DayPlan {
    Date date{};
    std::vector<PlannedStatus> planned;          // the day's planned sessions in effect, done or not
    std::vector<const Session*> unplanned;       // sessions done that day that no planned one asked for
    [[nodiscard]] std::vector<const Session*> to_do() const;
};

DayPlan day_plan(const Log& log, Date date);

// The nearest other day with planned sessions not yet done (the later one of
// two as near), or nullopt.
std::optional<Date> nearest_planned_day(const Log& log, Date date);

// The first day after `date` with planned sessions not yet done, or nullopt:
// never a day that has passed.
std::optional<Date> next_planned_day(const Log& log, Date date);

// "Mon 2026-11-23"
std::string day_text(Date date);

// "walk, side-leg-lift and glute-bridge"
std::string activities_text(const std::vector<const Session*>& sessions);

}  // namespace anklog::cli
