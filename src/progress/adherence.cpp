#include "anklog/adherence.hpp"
#include "anklog/prescribed_weeks.hpp"

#include <algorithm>
#include <map>
#include <optional>
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

std::vector<PrescribedWeek> prescription_adherence(const Log& log, Date until, int weeks) {
    std::vector<PrescribedWeek> out;
    if (log.prescriptions.empty()) return out;
    // The first day anything happened: a session, or a prescription's start.
    std::optional<Date> first;
    for (const Session& s : log.sessions) first = first ? std::min(*first, s.date) : s.date;
    for (const Prescription& rx : log.prescriptions) {
        if (rx.from) first = first ? std::min(*first, *rx.from) : *rx.from;
    }
    const Date last_monday = week_start(until);
    for (int back = weeks - 1; back >= 0; --back) {
        const Date monday = add_days(last_monday, -7 * back);
        const Date sunday = add_days(monday, 6);
        if (!first || sunday < *first) continue;
        const Date from = std::max(monday, week_start(*first) == monday ? *first : monday);
        for (const Prescription* rx : prescriptions_in_force(log.prescriptions, from)) {
            PrescribedWeek week{monday, rx, 0, 0};
            std::vector<Date> days;
            for (const Session& s : log.sessions) {
                if (s.activity != rx->activity || s.date < monday || s.date > sunday || s.date > until) continue;
                if (std::find(days.begin(), days.end(), s.date) == days.end()) days.push_back(s.date);
                if (above_prescription(s, *rx)) ++week.outside;
            }
            week.days_done = static_cast<int>(days.size());
            out.push_back(week);
        }
    }
    return out;
}

}  // namespace anklog
