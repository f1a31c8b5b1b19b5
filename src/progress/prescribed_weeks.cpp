#include "anklog/prescribed_weeks.hpp"

#include <algorithm>
#include <optional>

namespace anklog {

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
