#include "anklog/prescribed_weeks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace anklog {

namespace {

std::string sessions_text(int n) { return fmt::format("{} session{}", n, n == 1 ? "" : "s"); }

}  // namespace

std::string adherence_text(const PrescribedWeek& week) {
    if (week.days_done == 0) return "no session";
    if (week.inside()) return "inside the ranges";
    if (week.below == 0) return sessions_text(week.outside) + " above a range";
    if (week.outside == 0) return sessions_text(week.below) + " below a range";
    return fmt::format("{} above and {} below a range", sessions_text(week.outside), week.below);
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
        const Date last_day = std::min(add_days(monday, 6), until);
        if (!first || last_day < *first) continue;
        // The prescriptions in force at the week's end (or the review's
        // day): one that starts in the week counts from its first day.
        for (const Prescription* rx : prescriptions_in_force(log.prescriptions, last_day)) {
            const Date from = rx->from ? std::max(monday, *rx->from) : monday;
            PrescribedWeek week{monday, rx, 0, 0, 0};
            std::vector<Date> days;
            for (const Session& s : log.sessions) {
                // A one-side prescription counts that side's sessions and those of
                // both sides, not the other side's.
                if (s.activity != rx->activity || !judges_side(*rx, s.side) || s.date < from || s.date > last_day) {
                    continue;
                }
                if (std::find(days.begin(), days.end(), s.date) == days.end()) days.push_back(s.date);
                if (above_prescription(s, *rx)) ++week.outside;
                if (below_prescription(s, *rx)) ++week.below;
            }
            week.days_done = static_cast<int>(days.size());
            out.push_back(week);
        }
    }
    return out;
}

}  // namespace anklog
