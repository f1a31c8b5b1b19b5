#include "come_back_week.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "anklog/policy.hpp"

namespace anklog::planning {

namespace {

constexpr int days_per_week = 7;

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

std::optional<int> frequency_before_break(const std::vector<const Session*>& sessions, Date monday, int break_days,
                                          int days) {
    std::vector<Date> all;  // the load's session days, in order
    for (const Session* s : sessions) {
        if (all.empty() || all.back() != s->date) all.push_back(s->date);
    }
    if (all.empty()) return std::nullopt;
    // The last day before the last break.
    std::optional<Date> end;
    if (days_between(all.back(), monday) >= break_days) end = all.back();
    for (std::size_t i = all.size() - 1; !end && i > 0; --i) {
        if (days_between(all[i], monday) > policy::recent_days) break;  // the return is out of the window
        if (days_between(all[i - 1], all[i]) >= break_days) end = all[i - 1];
    }
    if (!end) return std::nullopt;
    std::vector<Date> weighted;
    for (const Session* s : sessions) {
        const int ago = days_between(s->date, *end);
        if (!s->weighted() || ago < 0 || ago >= policy::recent_days) continue;
        if (std::find(weighted.begin(), weighted.end(), s->date) == weighted.end()) weighted.push_back(s->date);
    }
    if (weighted.size() < 2) return std::clamp(static_cast<int>(weighted.size()), 1, std::max(1, days));
    const double count = static_cast<double>(weighted.size());
    const double per_week =
        std::min(count, (count - 1) * days_per_week / days_between(weighted.front(), weighted.back()));
    // Half a session rounds down, as the planner's frequency.
    return std::clamp(static_cast<int>(std::ceil(per_week - 0.5)), 1, std::max(1, days));
}

std::optional<UsualWeek> usual_week_before_break(const History& history, Limb on) {
    const auto counts = [&](const Session& s) {
        const Activity* a = history.log.catalogue.find(s.activity);
        return s.weighted() && s.on == on && a && is_timed(a->kind) && s.minutes;
    };
    const Session* last = nullptr;
    for (const Session* s : history.before) {
        if (counts(*s)) last = s;
    }
    if (!last || days_between(last->date, history.monday) < history.limits.return_after_break.break_days) {
        return std::nullopt;
    }
    const Date first = add_days(week_start(last->date), -3 * days_per_week);
    std::map<Date, double> weeks;
    std::map<Date, double> days;
    for (const Session* s : history.before) {
        if (!counts(*s) || s->date < first || s->date > last->date) continue;
        weeks[week_start(s->date)] += *s->minutes;
        days[s->date] += *s->minutes;
    }
    std::vector<double> week_values;
    week_values.reserve(weeks.size());
    double heaviest_day = 0;
    for (const auto& [week, minutes] : weeks) week_values.push_back(minutes);
    for (const auto& [day, minutes] : days) heaviest_day = std::max(heaviest_day, minutes);
    return UsualWeek{median(week_values), heaviest_day, last->date};
}

namespace {

std::string come_back_volume_reason(const Prescription& p, Date date) {
    const int gap = days_between(*p.last_date, date);
    if (p.keeps_length && p.come_back) {
        const bool weighted = p.come_back->weight.has_value();
        if (p.last_was_weighted) {
            return fmt::format("{} days since your last {} ({}): a class keeps its length and comes back {}", gap,
                               p.activity->name, p.last_weighted,
                               weighted ? "one weight step lighter" : "without weights");
        }
        return fmt::format("{} days since your last {} ({}): a class keeps its length and comes back {} ({})", gap,
                           p.activity->name, to_string(*p.last_date),
                           weighted ? "one weight step lighter than the last with weights" : "without weights",
                           weighted ? p.last_weighted : "the last with weights: " + p.last_weighted);
    }
    if (p.last_was_weighted) {
        return fmt::format("{} days since your last {} ({}): about {} of its volume", gap, p.activity->name,
                           p.last_weighted, fmt::format("{:.0f}%", policy::come_back_factor * 100));
    }
    return fmt::format("{} days since your last {} ({}): about {} of the volume of the last with weights ({})", gap,
                       p.activity->name, to_string(*p.last_date),
                       fmt::format("{:.0f}%", policy::come_back_factor * 100), p.last_weighted);
}

}  // namespace

std::string come_back_reason(const Prescription& p, Date date) {
    const std::string reason = come_back_volume_reason(p, date);
    return p.come_back_note.empty() ? reason : reason + "; " + p.come_back_note;
}
}  // namespace anklog::planning
