#include "anklog/adherence.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

namespace anklog {

std::vector<PlannedStatus> match_planned(const Log& log) {
    // The sessions of each day and activity, in file order, not yet matched.
    std::map<std::pair<Date, std::string_view>, std::vector<const Session*>> unmatched;
    for (const Session& session : log.sessions) unmatched[{session.date, session.activity}].push_back(&session);
    for (auto& [key, sessions] : unmatched) std::reverse(sessions.begin(), sessions.end());  // take from the back

    std::vector<PlannedStatus> out;
    for (const Session* planned : planned_in_effect(log)) {
        PlannedStatus status{planned, nullptr};
        const auto found = unmatched.find({planned->date, planned->activity});
        if (found != unmatched.end() && !found->second.empty()) {
            status.done = found->second.back();
            found->second.pop_back();
        }
        out.push_back(status);
    }
    return out;
}

int WeekAdherence::planned_done() const {
    return static_cast<int>(std::count_if(planned.begin(), planned.end(), [](const PlannedStatus& s) { return s.done; }));
}

std::vector<WeekAdherence> adherence_by_week(const Log& log) {
    std::map<Date, WeekAdherence> weeks;
    for (const PlannedStatus& status : match_planned(log)) {
        const Date monday = week_start(status.planned->date);
        WeekAdherence& week = weeks[monday];
        week.monday = monday;
        week.planned.push_back(status);
    }
    for (const Session& session : log.sessions) {
        const auto week = weeks.find(week_start(session.date));
        if (week != weeks.end()) ++week->second.sessions;
    }
    std::vector<WeekAdherence> out;
    out.reserve(weeks.size());
    for (auto& [monday, week] : weeks) out.push_back(std::move(week));
    return out;
}

}  // namespace anklog
