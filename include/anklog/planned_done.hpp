#pragma once
// Planned against done: which planned sessions in effect were done. A
// planned session counts as done when a session of the same activity was
// logged on its date; each logged session answers one planned session.
// (Issue 11 brings an adherence module; summary and report take theirs from
// here until then, so that this is the one place to swap.)
#include <optional>
#include <vector>

#include "anklog/date.hpp"
#include "anklog/log.hpp"

namespace anklog {

struct PlannedStatus {
    const Session* planned;
    bool done;
};

// Every planned session in effect, in date order, with whether it was done
// (by a session on or before `done_by`, when given: as it stood that day).
std::vector<PlannedStatus> planned_status(const Log& log, std::optional<Date> done_by = std::nullopt);

// Planned sessions of a period: how many, how many done, which not.
struct PlannedDone {
    int planned = 0;
    int done = 0;
    std::vector<const Session*> missed;  // planned and not done, in date order
};

}  // namespace anklog
