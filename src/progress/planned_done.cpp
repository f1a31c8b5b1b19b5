#include "anklog/planned_done.hpp"

#include <map>
#include <string_view>
#include <utility>

namespace anklog {

std::vector<PlannedStatus> planned_status(const Log& log, std::optional<Date> done_by) {
    const std::vector<const Session*> planned = planned_in_effect(log);
    std::vector<PlannedStatus> out;
    if (planned.empty()) return out;
    // Sessions that can answer a planned session: same date, same activity.
    std::map<std::pair<Date, std::string_view>, int> logged;
    for (const Session& s : log.sessions) {
        if (done_by && s.date > *done_by) continue;
        if (s.date >= planned.front()->date && s.date <= planned.back()->date) ++logged[{s.date, s.activity}];
    }
    out.reserve(planned.size());
    for (const Session* p : planned) {
        const auto it = logged.find({p->date, p->activity});
        const bool done = it != logged.end() && it->second > 0;
        if (done) --it->second;
        out.push_back({p, done});
    }
    return out;
}

}  // namespace anklog
