// plan(): prescriptions put on days, then verified by the rule engine.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/numeric.hpp"
#include "anklog/plan.hpp"
#include "anklog/thresholds.hpp"
#include "prescribe.hpp"

namespace anklog {

namespace {

using planning::Prescription;

// The engine's verdict is final; rounds of easing always converge well before this.
constexpr int max_verify_rounds = 200;

// Spread penalty of a set of weekdays (0 = Monday), wrapping into next week:
// small gaps cost more.
double crowding(const std::vector<int>& days) {
    double score = 0;
    for (std::size_t i = 0; i < days.size(); ++i) {
        const int gap = i + 1 < days.size() ? days[i + 1] - days[i] : days.front() + 7 - days[i];
        score += 1.0 / gap;
    }
    return score;
}

// The N weighted days of the week: the person's usual weekdays where the
// history shows them (keeping sessions 7 days apart keeps the weekly and
// acute loads steady), else spread out; always at least two rest days.
std::vector<int> weekdays_for(int days, const std::array<int, 7>& habit) {
    std::vector<int> best;
    double best_score = 1e18;
    for (int mask = 1; mask < (1 << 7); ++mask) {
        if (__builtin_popcount(static_cast<unsigned>(mask)) != days) continue;
        std::vector<int> chosen;
        int habitual = 0;
        for (int d = 0; d < 7; ++d) {
            if (mask & (1 << d)) {
                chosen.push_back(d);
                habitual += habit[static_cast<std::size_t>(d)];
            }
        }
        const double score = crowding(chosen) - 2.0 * habitual;
        if (below(score, best_score)) {
            best_score = score;
            best = chosen;
        }
    }
    return best;
}

// Picks `count` of the `weekdays` for one activity (or muscle group): the
// least used days, evenly spread; strength groups never on consecutive days.
std::vector<int> pick_days(const std::vector<int>& weekdays, int count, const std::array<int, 7>& used,
                           const std::array<int, 7>& habit, bool spaced, bool worked_day_before) {
    std::vector<int> best;
    double best_score = 1e18;
    const int n = static_cast<int>(weekdays.size());
    for (int mask = 1; mask < (1 << n); ++mask) {
        if (__builtin_popcount(static_cast<unsigned>(mask)) != count) continue;
        std::vector<int> days;
        for (int i = 0; i < n; ++i) {
            if (mask & (1 << i)) days.push_back(weekdays[static_cast<std::size_t>(i)]);
        }
        bool ok = !(spaced && worked_day_before && days.front() == 0);
        double score = crowding(days);
        for (std::size_t i = 0; i < days.size(); ++i) {
            if (spaced && days.size() > 1 && (i + 1 < days.size() ? days[i + 1] - days[i] : days.front() + 7 - days[i]) < 2) {
                ok = false;
            }
            score += 10.0 * used[static_cast<std::size_t>(days[i])] - 4.0 * habit[static_cast<std::size_t>(days[i])];
        }
        if (ok && below(score, best_score)) {
            best_score = score;
            best = days;
        }
    }
    if (best.empty() && count > 1) return pick_days(weekdays, count - 1, used, habit, spaced, worked_day_before);
    return best;
}

// Weighted sessions per weekday in the 4 weeks before `monday`, of the
// sessions `matches` accepts.
template <typename Matches>
std::array<int, 7> habit_of(const std::vector<const Session*>& history, Date monday, Matches matches) {
    std::array<int, 7> habit{};
    for (const Session* s : history) {
        const int ago = days_between(s->date, monday);
        if (!s->weighted() || ago > 28 || !matches(*s)) continue;
        habit[static_cast<std::size_t>(days_between(week_start(s->date), s->date))] += 1;
    }
    return habit;
}

Session session_for(const Prescription& p, Date date) {
    Session s;
    s.date = date;
    s.activity = p.activity->name;
    s.on = p.on;
    s.weight = p.dose.weight;
    if (is_timed(p.activity->kind)) {
        s.minutes = p.dose.minutes;
    } else {
        s.sets = p.dose.sets;
        s.reps = p.dose.reps;
    }
    return s;
}

class Planner {
public:
    Planner(const Log& log, const PlanOptions& options)
        : log_(log), thresholds_(thresholds_of(log)), options_(options) {}

    Week run() {
        week_.monday = week_start(options_.week_of);
        week_.days_asked = options_.days;
        planning::History history{log_, week_.monday, {}};
        for (const Session* s : in_date_order(log_)) {
            if (s->date < week_.monday) history.before.push_back(s);
        }
        if (persistent_pain(history)) return week_;
        const int days = weighted_days(history);
        schedule(planning::prescribe(history, days), history, days);
        verify();
        std::stable_sort(week_.sessions.begin(), week_.sessions.end(),
                         [](const PlannedSession& a, const PlannedSession& b) { return a.session.date < b.session.date; });
        return week_;
    }

private:
    // Pain in too many recent sessions: no plan but rest and advice.
    bool persistent_pain(const planning::History& history) {
        const auto& limits = thresholds_.persistent_pain;
        const auto of_last = static_cast<std::size_t>(limits.of_last);
        const int pain = limits.pain;
        const long count = limits.count;
        const auto& before = history.before;
        const auto first = before.size() > of_last ? before.end() - static_cast<long>(of_last) : before.begin();
        const long painful = std::count_if(first, before.end(), [&](const Session* s) { return s->pain.value_or(-1) >= pain; });
        if (painful < count) return false;
        week_.notes.push_back(fmt::format("pain of {}/10 or more in {} of your last {} sessions: rest, and see a doctor or "
                                          "physiotherapist before training with weights again (Ankle Weights 101)",
                                          pain, painful, std::distance(first, before.end())));
        return true;
    }

    int weighted_days(const planning::History& history) {
        int days = std::clamp(options_.days, 1, max_plan_days);
        if (days != options_.days) week_.notes.push_back(fmt::format("{} weighted days is the most with 2 rest days", days));
        const auto first = std::find_if(history.before.begin(), history.before.end(),
                                        [](const Session* s) { return s->weighted(); });
        const int early_days = thresholds_.no_rest.early_days;
        const int early_max = thresholds_.no_rest.early_max_days;
        const bool early = first == history.before.end() || days_between((*first)->date, week_.monday) < early_days;
        if (early && days > early_max) {
            days = early_max;
            week_.notes.push_back(fmt::format("{} weighted days at most in the first {} days of weighted training "
                                              "(Ankle Weights 101: not every day at first)",
                                              early_max, early_days));
        }
        return days;
    }

    void schedule(const std::vector<Prescription>& prescriptions, const planning::History& history, int days) {
        const std::vector<int> weekdays =
            weekdays_for(days, habit_of(history.before, week_.monday, [](const Session&) { return true; }));
        std::array<int, 7> used{};
        // Muscle groups worked (weighted) the day before the week.
        std::map<Group, bool> worked_sunday;
        for (const Session* s : history.before) {
            const Activity* a = log_.catalogue.find(s->activity);
            if (s->weighted() && !is_timed(a->kind) && days_between(s->date, week_.monday) == 1) worked_sunday[a->group] = true;
        }
        // All strength activities of one group share the group's days.
        std::map<Group, std::vector<int>> group_days;
        for (const Prescription& p : prescriptions) {
            std::vector<int> chosen;
            if (is_timed(p.activity->kind)) {
                const auto habit = habit_of(history.before, week_.monday,
                                            [&](const Session& s) { return s.activity == p.activity->name; });
                chosen = pick_days(weekdays, p.frequency, used, habit, false, false);
            } else if (auto it = group_days.find(p.activity->group); it != group_days.end()) {
                chosen = it->second;
            } else {
                const Group group = p.activity->group;
                const auto habit = habit_of(history.before, week_.monday, [&](const Session& s) {
                    const Activity* a = log_.catalogue.find(s.activity);
                    return !is_timed(a->kind) && a->group == group;
                });
                chosen = pick_days(weekdays, p.frequency, used, habit, true, worked_sunday[group]);
                group_days[group] = chosen;
            }
            for (const int d : chosen) {
                ++used[static_cast<std::size_t>(d)];
                week_.sessions.push_back({session_for(p, add_days(week_.monday, d)), p.label, p.reason, std::nullopt});
            }
        }
    }

    // The law: check() on the log plus the plan raises nothing at warning or
    // above on a planned session. What it flags is eased or dropped.
    void verify() {
        Log combined = log_;  // copied once; each round replaces only the planned sessions
        const std::size_t logged = combined.sessions.size();
        for (int round = 0; round < max_verify_rounds; ++round) {
            combined.sessions.resize(logged);
            for (const PlannedSession& planned : week_.sessions) combined.sessions.push_back(planned.session);
            std::map<std::size_t, RuleId> flagged;  // planned session -> first rule at warning or above
            for (const Finding& f : check(combined)) {
                if (f.session >= logged && f.severity >= Severity::warning) flagged.emplace(f.session - logged, f.rule);
            }
            if (flagged.empty()) return;
            std::vector<bool> drop(week_.sessions.size(), false);
            for (const auto& [index, rule] : flagged) drop[index] = !ease(week_.sessions[index], rule);
            std::vector<PlannedSession> kept;
            for (std::size_t i = 0; i < week_.sessions.size(); ++i) {
                if (!drop[i]) {
                    kept.push_back(week_.sessions[i]);
                } else {
                    week_.notes.push_back(fmt::format("{} on {} left out: {} would flag it",
                                                      week_.sessions[i].session.activity,
                                                      to_string(week_.sessions[i].session.date), to_string(flagged[i])));
                }
            }
            week_.sessions = std::move(kept);
        }
        week_.notes.push_back("could not find a safe plan; rest this week");
        week_.sessions.clear();
    }

    // Makes a flagged session easier, the way the rule table says for the
    // rule; false when it cannot be.
    bool ease(PlannedSession& planned, RuleId rule) {
        Session& s = planned.session;
        const Activity& a = *log_.catalogue.find(s.activity);
        if (!ease_session(s, a, rule)) return false;
        planned.eased_for = rule;
        planned.label = rule == RuleId::return_after_break ? PlanLabel::come_back : PlanLabel::eased;
        return true;
    }

    bool ease_session(Session& s, const Activity& a, RuleId rule) const {
        switch (anklog::rule(rule).easing) {
            case Easing::drop: return false;
            case Easing::wrist:
                if (s.on == Limb::wrist) return false;
                s.on = Limb::wrist;
                return true;
            case Easing::shorter_first: return shorter(s, a) || lighter(s);
            case Easing::lighter_first: return lighter(s) || shorter(s, a);
            case Easing::start_dose:
                // Over the starting weight: lighter first; else the volume is what is over.
                if (above(s.weight->kg(), thresholds_.start_light.max_kg)) return lighter(s) || shorter(s, a);
                return shorter(s, a) || lighter(s);
        }
        return false;
    }

    bool lighter(Session& s) const {
        const auto lighter = next_weight_down(log_.profile, *s.weight);
        if (!lighter) return false;
        s.weight = *lighter;
        return true;
    }

    // Cuts volume by about 20%, down to 5 minutes or 1 x 5.
    static bool shorter(Session& s, const Activity& a) {
        if (is_timed(a.kind)) {
            if (*s.minutes <= 5) return false;
            s.minutes = std::max(5, std::min(*s.minutes - 1, *s.minutes * 4 / 5));
            return true;
        }
        if (*s.reps > 5) {
            s.reps = std::max(5, std::min(*s.reps - 1, *s.reps * 4 / 5));
            return true;
        }
        if (*s.sets > 1) {
            --*s.sets;
            return true;
        }
        return false;
    }

    const Log& log_;
    Thresholds thresholds_;
    PlanOptions options_;
    Week week_;
};

}  // namespace

Week plan(const Log& log, const PlanOptions& options) {
    const Date monday = week_start(options.week_of);
    const auto latest = std::max_element(log.sessions.begin(), log.sessions.end(),
                                         [](const Session& a, const Session& b) { return a.date < b.date; });
    if (latest != log.sessions.end() && latest->date >= monday) {
        throw Error(fmt::format("the log already has sessions in or after the week of {} (the last on {})",
                                to_string(monday), to_string(latest->date)),
                    fmt::format("plan a week after your last session, e.g. the week of {}",
                                to_string(add_days(week_start(latest->date), 7))));
    }
    return Planner(log, options).run();
}

}  // namespace anklog
