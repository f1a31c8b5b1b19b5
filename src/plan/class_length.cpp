#include "class_length.hpp"

#include <map>

#include "anklog/policy.hpp"

namespace anklog::planning {

bool fixed_length(const Activity& activity, const std::vector<const Session*>& weighted, Date monday) {
    if (activity.fixed_length) return true;
    if (activity.kind != Kind::mobility) return false;
    std::vector<const Session*> recent;
    for (auto it = weighted.rbegin(); it != weighted.rend() && recent.size() < class_sessions_alike; ++it) {
        if (days_between((*it)->date, monday) > policy::recent_days) break;
        recent.push_back(*it);
    }
    return recent.size() == class_sessions_alike && recent.front()->minutes &&
           recent.front()->minutes == recent.back()->minutes;
}

bool class_before_break(const Activity& activity, const std::vector<const Session*>& sessions) {
    if (activity.fixed_length) return true;
    if (activity.kind != Kind::mobility || sessions.size() < class_sessions_alike) return false;
    const Session& last = *sessions.back();
    const Session& before = *sessions[sessions.size() - class_sessions_alike];
    return last.minutes && last.minutes == before.minutes;
}

std::optional<int> class_length(const Activity& activity, const std::vector<const Session*>& weighted, Date monday) {
    if (activity.kind != Kind::mobility && !activity.fixed_length) return std::nullopt;
    std::map<int, int> sessions_of_length;
    for (const Session* s : weighted) {
        if (s->minutes && days_between(s->date, monday) <= policy::recent_days) ++sessions_of_length[*s->minutes];
    }
    std::optional<int> usual;
    for (const auto& [minutes, count] : sessions_of_length) {
        if (count >= static_cast<int>(class_sessions_alike)) usual = minutes;
    }
    return usual;
}

std::optional<Date> returned_after_break(const std::vector<const Session*>& sessions, int break_days) {
    std::optional<Date> back;
    for (std::size_t i = 1; i < sessions.size(); ++i) {
        if (days_between(sessions[i - 1]->date, sessions[i]->date) >= break_days) back = sessions[i]->date;
    }
    return back;
}

}  // namespace anklog::planning
