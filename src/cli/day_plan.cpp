#include "day_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>

#include "anklog/load.hpp"

namespace anklog::cli {

std::vector<const Session*> DayPlan::to_do() const {
    std::vector<const Session*> out;
    for (const PlannedStatus& status : planned) {
        if (!status.done) out.push_back(status.planned);
    }
    return out;
}

DayPlan day_plan(const Log& log, Date date) {
    DayPlan day;
    day.date = date;
    std::vector<const Session*> doing;
    for (const PlannedStatus& status : match_planned(log)) {
        if (status.planned->date != date) continue;
        day.planned.push_back(status);
        if (status.done) doing.push_back(status.done);
    }
    for (const Session& session : log.sessions) {
        if (session.date == date && std::find(doing.begin(), doing.end(), &session) == doing.end()) {
            day.unplanned.push_back(&session);
        }
    }
    return day;
}

std::optional<Date> nearest_planned_day(const Log& log, Date date) {
    std::optional<Date> nearest;
    for (const PlannedStatus& status : match_planned(log)) {
        const Date day = status.planned->date;
        if (status.done || day == date) continue;
        const int distance = std::abs(days_between(date, day));
        if (!nearest || distance < std::abs(days_between(date, *nearest)) ||
            (distance == std::abs(days_between(date, *nearest)) && day > *nearest)) {
            nearest = day;
        }
    }
    return nearest;
}

std::optional<Date> next_planned_day(const Log& log, Date date) {
    std::optional<Date> next;
    for (const PlannedStatus& status : match_planned(log)) {
        const Date day = status.planned->date;
        if (status.done || day <= date) continue;
        if (!next || day < *next) next = day;
    }
    return next;
}

std::string day_text(Date date) {
    static constexpr std::array<std::string_view, 7> names{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return fmt::format("{} {}", names[static_cast<std::size_t>(days_between(week_start(date), date))], to_string(date));
}

std::string activities_text(const std::vector<const Session*>& sessions) {
    std::string out;
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        if (i > 0) out += i + 1 == sessions.size() ? " and " : ", ";
        out += sessions[i]->activity;
        if (sessions[i]->side != Side::both) out += fmt::format(" ({})", to_string(sessions[i]->side));
        // An activity named twice at two placements says which is which:
        // "walk on the wrists and walk on the ankles", not "walk and walk".
        const bool elsewhere = std::any_of(sessions.begin(), sessions.end(), [&](const Session* other) {
            return other->activity == sessions[i]->activity && other->weighted() && sessions[i]->weighted() &&
                   other->on != sessions[i]->on;
        });
        if (elsewhere) out += " on " + std::string(placement_text(sessions[i]->on));
    }
    return out;
}

}  // namespace anklog::cli
