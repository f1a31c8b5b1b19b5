#pragma once
// Planned vs done: which sessions of the plan in effect were done. A planned
// session is done by a session of the same activity on the same date; each
// session does at most one planned session.
#include <vector>

#include "anklog/date.hpp"
#include "anklog/log.hpp"

namespace anklog {

struct PlannedStatus {
    const Session* planned = nullptr;  // in Log::planned
    const Session* done = nullptr;     // in Log::sessions; nullptr while not done
};

// Every planned session in effect (planned_in_effect), in date order, with
// the session that did it.
std::vector<PlannedStatus> match_planned(const Log& log);

struct WeekAdherence {
    Date monday{};
    std::vector<PlannedStatus> planned;  // the week's plan in effect, in date order
    int sessions = 0;                    // sessions done that week, planned or not
    bool rest_week = false;              // saved as a rest week: nothing planned (see saved_rest_weeks)

    [[nodiscard]] int planned_count() const { return static_cast<int>(planned.size()); }
    [[nodiscard]] int planned_done() const;
};

// Each week (Monday to Sunday) that has a plan in effect, in date order.
std::vector<WeekAdherence> adherence_by_week(const Log& log);

}  // namespace anklog
