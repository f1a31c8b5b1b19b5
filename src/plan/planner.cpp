// plan(): prescriptions put on days, then verified by the rule engine.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "anklog/assess.hpp"
#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/load.hpp"
#include "anklog/numeric.hpp"
#include "anklog/plan.hpp"
#include "anklog/policy.hpp"
#include "anklog/prescription.hpp"
#include "anklog/thresholds.hpp"
#include "come_back_week.hpp"
#include "prescribe.hpp"
#include "sessions_by_load.hpp"

namespace anklog {

namespace {

using planning::Prescription;

constexpr int days_per_week = 7;
using Weekdays = std::array<int, days_per_week>;  // a count per weekday, Monday first

// The engine's verdict is final; rounds of easing converge well before this.
constexpr int max_verify_rounds = 50;

// A come-back session shortened to fit its week or day keeps at least this
// many weighted minutes; with fewer left, it is done without weights.
constexpr int min_come_back_minutes = 5;

// How days are chosen: a penalty for days close together, against a reward
// for the person's usual weekdays and a penalty for days already busy.
constexpr double habit_weight_for_week = 2.0;   // choosing the week's weighted days
constexpr double habit_weight_for_days = 4.0;   // choosing an activity's days among them
constexpr double busy_day_weight = 10.0;        // another activity already planned that day
constexpr double worst_score = std::numeric_limits<double>::infinity();

// Spread penalty of a set of weekdays (0 = Monday), wrapping into next week:
// small gaps cost more.
int gap_after(const std::vector<int>& days, std::size_t i) {
    return i + 1 < days.size() ? days[i + 1] - days[i] : days.front() + days_per_week - days[i];
}
double crowding(const std::vector<int>& days) {
    double score = 0;
    for (std::size_t i = 0; i < days.size(); ++i) score += 1.0 / gap_after(days, i);
    return score;
}

std::vector<int> days_of_mask(unsigned mask, const std::vector<int>& from) {
    std::vector<int> days;
    for (std::size_t i = 0; i < from.size(); ++i) {
        if (mask & (1U << i)) days.push_back(from[i]);
    }
    return days;
}

// The N weighted days of the week: the person's usual weekdays where the
// history shows them (keeping sessions 7 days apart keeps the weekly and
// acute loads steady), else spread out; always at least two rest days.
std::vector<int> weekdays_for(int days, const Weekdays& habit) {
    const std::vector<int> week{0, 1, 2, 3, 4, 5, 6};
    std::vector<int> best;
    double best_score = worst_score;
    for (unsigned mask = 1; mask < (1U << days_per_week); ++mask) {
        if (__builtin_popcount(mask) != days) continue;
        const std::vector<int> chosen = days_of_mask(mask, week);
        int habitual = 0;
        for (const int d : chosen) habitual += habit[static_cast<std::size_t>(d)];
        const double score = crowding(chosen) - habit_weight_for_week * habitual;
        if (below(score, best_score)) {
            best_score = score;
            best = chosen;
        }
    }
    return best;
}

struct DayChoice {
    const Weekdays& used;    // activities already planned per weekday
    const Weekdays& habit;   // the person's sessions of this activity per weekday
    std::array<bool, days_per_week> allowed;  // e.g. not a day it would take over the long-wear limit
    bool spaced;             // a strength group: never two days in a row
    bool worked_day_before;  // the group worked on the Sunday before the week
};

// Picks `count` of the `weekdays` for one activity (or muscle group): the
// least used days, evenly spread; fewer when no choice of `count` fits.
std::vector<int> pick_days(const std::vector<int>& weekdays, int count, const DayChoice& choice) {
    std::vector<int> best;
    double best_score = worst_score;
    for (unsigned mask = 1; mask < (1U << weekdays.size()); ++mask) {
        if (__builtin_popcount(mask) != count) continue;
        const std::vector<int> days = days_of_mask(mask, weekdays);
        bool ok = !(choice.spaced && choice.worked_day_before && days.front() == 0);
        double score = crowding(days);
        for (std::size_t i = 0; i < days.size(); ++i) {
            const auto d = static_cast<std::size_t>(days[i]);
            if (choice.spaced && days.size() > 1 && gap_after(days, i) < 2) ok = false;
            if (!choice.allowed[d]) ok = false;
            score += busy_day_weight * choice.used[d] - habit_weight_for_days * choice.habit[d];
        }
        if (ok && below(score, best_score)) {
            best_score = score;
            best = days;
        }
    }
    if (best.empty() && count > 1) return pick_days(weekdays, count - 1, choice);
    return best;
}

// Weighted sessions per weekday in the 4 weeks before `monday`, of the
// sessions `matches` accepts.
template <typename Matches>
Weekdays habit_of(const std::vector<const Session*>& history, Date monday, Matches matches) {
    Weekdays habit{};
    for (const Session* s : history) {
        const int ago = days_between(s->date, monday);
        if (!s->weighted() || ago > policy::recent_days || !matches(*s)) continue;
        habit[static_cast<std::size_t>(days_between(week_start(s->date), s->date))] += 1;
    }
    return habit;
}

// "Mon 2026-12-07"
std::string day_text(Date date) {
    constexpr std::array<const char*, days_per_week> names{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return fmt::format("{} {}", names[static_cast<std::size_t>(days_between(week_start(date), date))], to_string(date));
}

Session session_for(const Prescription& p, Date date) {
    Session s;
    s.date = date;
    s.activity = p.activity->name;
    s.on = p.on;
    s.side = p.side;
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
    // `log`: the log the week follows (with the saved sessions still to
    // come before the week, `pending`); `assessed`: the log as logged, whose
    // assessment says where the person stands.
    Planner(const Log& log, const Log& assessed, const PlanOptions& options, std::vector<Session> pending)
        : log_(log), assessed_(assessed), thresholds_(thresholds_of(log)), options_(options),
          pending_(std::move(pending)) {}

    Week run() {
        week_.monday = week_start(options_.week_of);
        week_.days_asked = options_.days;
        planning::History history{log_, thresholds_, week_.monday, {}};
        for (const Session* s : in_date_order(log_)) {
            if (s->date < week_.monday) history.before.push_back(s);
        }
        // Where the person stands at the end of the week before (pain
        // checks of the week itself count too): the same picture as today,
        // check and summary.
        Assessment standing = assess(assessed_, add_days(week_.monday, days_per_week - 1));
        // A hold that ends without a reading ends for the plan only if it
        // has ended by the week's first day: the whole week is planned at once.
        for (PlacementPain& at : standing.pain.at) {
            if (at.painful && !at.settled && at.ends) at.expired = week_.monday > *at.ends;
        }
        history.standing = &standing;
        planning::ComeBack come_back = planning::ComeBack::no;
        if (const auto pain = standing.pain.persistent_last) {
            // Days are counted from the day the plan is asked on, as today,
            // check and summary count them; the rest ends when the
            // assessment says it does.
            const Date sunday = add_days(week_.monday, days_per_week - 1);
            const Date asked = std::max(std::min(options_.today.value_or(add_days(week_.monday, -1)), sunday), *pain);
            const int since = days_between(*pain, asked);
            if (standing.pain.resting_until && *standing.pain.resting_until >= week_.monday) {
                week_.notes.push_back(fmt::format(
                    "pain of {}/10 or more on {} of your last {} training days, the last on {}: rest until {}, so no "
                    "weights this week, and see a doctor or physiotherapist before training with weights again "
                    "(Ankle Weights 101)",
                    thresholds_.persistent_pain.pain, standing.pain.persistent_days,
                    thresholds_.persistent_pain.of_last, to_string(*pain), to_string(*standing.pain.resting_until)));
                return week_;
            }
            come_back = planning::ComeBack::after_pain;
            // Said only on evidence: the latest session or pain check since
            // the painful days, at or below the settled level. Above it, the
            // pain has not settled; without one, ask first.
            const PainState& p = standing.pain;
            if (p.not_settled) {
                come_back = planning::ComeBack::not_settled;
                week_.notes.push_back(fmt::format(
                    "no come-back with weights yet: your last painful day was {} days ago ({}), and pain was {}/10 on "
                    "{}{}, above {}/10, so it has not settled; the week keeps the weights off; check again (anklog "
                    "pain N), and see a doctor or physiotherapist if it persists",
                    since, to_string(*pain), p.not_settled->pain, to_string(p.not_settled->date),
                    p.not_settled->check ? " (pain check)" : "", p.settled_level));
            } else if (p.settled_after) {
                week_.notes.push_back(fmt::format(
                    "a come-back week: your last painful day was {} days ago ({}), and pain was {}/10 on {}{}", since,
                    to_string(*pain), p.settled_after->pain, to_string(p.settled_after->date),
                    p.settled_after->check ? " (pain check)" : ""));
            } else {
                week_.notes.push_back(fmt::format(
                    "a come-back week only if the pain has settled: your last painful day was {} days ago ({}) and "
                    "nothing logged since says how it is; check it first (anklog pain N): at {}/10 or less, come "
                    "back as planned; above that, see a doctor or physiotherapist before you start",
                    since, to_string(*pain), p.settled_level));
            }
        }
        // A hold that ended without a reading: the last reading was
        // painful, so weights come back only after a pain check says so.
        if (!standing.pain.persistent_last) {
            for (const Limb on : {Limb::ankle, Limb::wrist}) {
                const PlacementPain& at = standing.pain.of(on);
                if (!unchecked_hold(at)) continue;
                week_.notes.push_back(unchecked_hold_text(at, on, standing.pain.settled_level));
            }
        }
        const int days = weighted_days(history);
        auto prescriptions = planning::prescribe(history, days, come_back);
        if (auto note = planning::unprescribed_note(history)) week_.notes.push_back(std::move(*note));
        for (const auto& p : prescriptions) {
            if (p.keeps_length) classes_.emplace(p.activity->name, p.on);
        }
        keep_frequency_before_break(prescriptions, history, days);
        schedule(prescriptions, history, days);
        for (const Limb on : {Limb::ankle, Limb::wrist}) cap_come_back(history, on, prescriptions);
        verify();
        std::stable_sort(week_.sessions.begin(), week_.sessions.end(),
                         [](const PlannedSession& a, const PlannedSession& b) { return a.session.date < b.session.date; });
        explain_days(prescriptions, days);
        after_pending();
        return week_;
    }

private:
    int weighted_days(const planning::History& history) {
        int days = std::clamp(options_.days, 1, max_plan_days);
        if (days != options_.days) {
            week_.notes.push_back(fmt::format("{} weighted days is the most, to keep 2 rest days", days));
        }
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

    // Coming back from a break, each activity keeps its weighted sessions a
    // week from before the break (a clinician's prescription keeps its days).
    void keep_frequency_before_break(std::vector<Prescription>& prescriptions, const planning::History& history,
                                     int days) const {
        if (!prescriptions_in_force(log_.prescriptions, week_.monday).empty()) return;
        const auto by_load = planning::sessions_by_load(history);
        for (Prescription& p : prescriptions) {
            const auto it = by_load.find(planning::Load{p.activity, p.on, p.side});
            if (it == by_load.end()) continue;
            if (const auto before = planning::frequency_before_break(
                    it->second, week_.monday, thresholds_.return_after_break.break_days, days)) {
                p.frequency = *before;
            }
        }
    }

    // A week that comes back after a break at a placement: each session is
    // about half of one before, and so are the week and each day: weighted
    // minutes there at most half of the usual week and of the heaviest day
    // before the break. A session over it is shortened, or done without
    // weights when little is left.
    void cap_come_back(const planning::History& history, Limb on, const std::vector<planning::Prescription>& prescriptions) {
        const auto usual = planning::usual_week_before_break(history, on);
        if (!usual) return;
        const int week_cap = static_cast<int>(std::floor(usual->week_minutes * policy::come_back_factor + tolerance));
        const int day_cap = static_cast<int>(std::floor(usual->day_minutes * policy::come_back_factor + tolerance));
        std::stable_sort(week_.sessions.begin(), week_.sessions.end(),
                         [](const PlannedSession& a, const PlannedSession& b) { return a.session.date < b.session.date; });
        const std::string where = on == Limb::wrist ? "wrist" : "ankle";
        int week_total = 0;
        std::map<Date, int> day_total;
        bool capped = false;
        for (PlannedSession& planned : week_.sessions) {
            Session& s = planned.session;
            const Activity* a = log_.catalogue.find(s.activity);
            if (!s.weighted() || s.on != on || !a || !is_timed(a->kind) || !s.minutes) continue;
            // A class keeps its length: its come-back is lighter, not
            // shorter, which halves its load as the cap halves minutes. In
            // the weeks after, only the week's cap holds (half the heaviest
            // day is less than one class: the weights would never come
            // back); over it the class goes without weights.
            const bool keeps_length =
                a->fixed_length || std::any_of(prescriptions.begin(), prescriptions.end(), [&](const auto& p) {
                    return p.keeps_length && p.activity == a && p.on == on;
                });
            const bool class_comes_back_lighter =
                std::any_of(prescriptions.begin(), prescriptions.end(), [&](const auto& p) {
                    return p.keeps_length && p.after_break && p.activity == a && p.on == on;
                });
            if (class_comes_back_lighter) {
                // Lighter, not shorter: its minutes still count toward the
                // week's and the day's, so other work there stays within them.
                week_total += *s.minutes;
                day_total[s.date] += *s.minutes;
                continue;
            }
            const int left = std::max(0, keeps_length ? week_cap - week_total
                                                      : std::min(week_cap - week_total, day_cap - day_total[s.date]));
            if (*s.minutes <= left) {
                week_total += *s.minutes;
                day_total[s.date] += *s.minutes;
                continue;
            }
            capped = true;
            const bool by_week = keeps_length || week_cap - week_total <= day_cap - day_total[s.date];
            const std::string limit =
                by_week ? fmt::format("the come-back week's weighted {} minutes (at most {}, half your usual week)",
                                      where, week_cap)
                        : fmt::format("the come-back day's weighted {} minutes (at most {}, half your heaviest usual day)",
                                      where, day_cap);
            if (left >= min_come_back_minutes && !keeps_length) {
                planned.reason += fmt::format("; {} min: {}", left, limit);
                s.minutes = left;
                week_total += left;
                day_total[s.date] += left;
            } else {
                planned.reason += fmt::format("; without weights: {} {}{}", limit,
                                              left == 0 ? "are used up" : fmt::format("leave {} min", left),
                                              keeps_length ? ", and a class keeps its length" : "");
                s.weight.reset();
            }
            planned.label = PlanLabel::come_back;
        }
        if (!capped) return;
        week_.notes.push_back(fmt::format(
            "a come-back week on the {}s: weighted minutes there at most half of your usual before the break (in the 4 "
            "weeks to {}, {:.0f} min a week, at most {:.0f} min a day): {} min this week and {} min a day",
            where, to_string(usual->last), usual->week_minutes, usual->day_minutes, week_cap, day_cap));
    }

    void schedule(const std::vector<Prescription>& prescriptions, const planning::History& history, int days) {
        const std::vector<int> weekdays =
            weekdays_for(days, habit_of(history.before, week_.monday, [](const Session&) { return true; }));
        Weekdays used{};
        Weekdays weighted_minutes{};  // per day, against the long-wear limit
        const int day_limit = thresholds_.long_wear.on ? thresholds_.long_wear.max_minutes
                                                       : std::numeric_limits<int>::max();
        // Muscle groups worked (weighted) the day before the week.
        std::map<Group, bool> worked_sunday;
        for (const Session* s : history.before) {
            const Activity* a = log_.catalogue.find(s->activity);
            if (s->weighted() && !is_timed(a->kind) && days_between(s->date, week_.monday) == 1) {
                worked_sunday[a->group] = true;
            }
        }
        // All strength activities of one group share the group's days.
        std::map<Group, std::vector<int>> group_days;
        for (const Prescription& p : prescriptions) {
            std::vector<int> chosen;
            const Kind kind = p.activity->kind;
            if (is_timed(kind)) {
                const auto habit = habit_of(history.before, week_.monday,
                                            [&](const Session& s) {
                                                return s.activity == p.activity->name && s.on == p.on &&
                                                       (p.side == Side::both || s.side == p.side ||
                                                        s.side == Side::both);
                                            });
                DayChoice choice{used, habit, {}, false, false};
                const int minutes = p.dose.weight ? p.dose.minutes : 0;
                // The person's own weekdays for it, when they have enough of them.
                const auto own_days = std::count_if(habit.begin(), habit.end(), [](int n) { return n > 0; });
                for (std::size_t d = 0; d < days_per_week; ++d) {
                    choice.allowed[d] = weighted_minutes[d] + minutes <= day_limit &&
                                        (own_days < p.frequency || habit[d] > 0);
                }
                chosen = pick_days(weekdays, p.frequency, choice);
                if (static_cast<int>(chosen.size()) < p.frequency && own_days >= p.frequency) {
                    for (std::size_t d = 0; d < days_per_week; ++d) {
                        choice.allowed[d] = weighted_minutes[d] + minutes <= day_limit;
                    }
                    chosen = pick_days(weekdays, p.frequency, choice);
                }
                if (chosen.empty()) {
                    choice.allowed.fill(true);  // the verification shortens it
                    chosen = pick_days(weekdays, p.frequency, choice);
                }
            } else if (auto it = group_days.find(p.activity->group); it != group_days.end()) {
                chosen = it->second;
            } else {
                const Group group = p.activity->group;
                const auto habit = habit_of(history.before, week_.monday, [&](const Session& s) {
                    const Activity* a = log_.catalogue.find(s.activity);
                    return !is_timed(a->kind) && a->group == group;
                });
                DayChoice choice{used, habit, {}, true, worked_sunday[group]};
                choice.allowed.fill(true);
                chosen = pick_days(weekdays, p.frequency, choice);
                group_days[group] = chosen;
            }
            // Each session follows the planned ones before it (the days are
            // in order): a come-back happens once, on the first day.
            std::optional<PlannedSession> before;
            for (const int d : chosen) {
                const auto day = static_cast<std::size_t>(d);
                ++used[day];
                if (is_timed(kind) && p.dose.weight) weighted_minutes[day] += p.dose.minutes;
                before = planned_on(p, add_days(week_.monday, d), before);
                week_.sessions.push_back(*before);
            }
        }
    }

    // The prescription on `date`, after `before` (its planned session
    // earlier in the week, if any); a session that lands a break's length
    // after the activity's last one comes back at about half the volume,
    // and the week's later sessions continue from that come-back.
    [[nodiscard]] PlannedSession planned_on(const Prescription& p, Date date,
                                            const std::optional<PlannedSession>& before) const {
        if (before && days_between(before->session.date, date) < thresholds_.return_after_break.break_days) {
            if (before->label != PlanLabel::come_back) return {session_for(p, date), before->label, before->reason, std::nullopt};
            Session again = before->session;
            again.date = date;
            return {again, PlanLabel::repeat,
                    fmt::format("after the come-back {} on {}: the same again, raised from next week",
                                p.activity->name, day_text(before->session.date)),
                    std::nullopt};
        }
        if (p.after_break) {
            return {session_for(p, date), p.label, planning::come_back_reason(p, date), std::nullopt};
        }
        if (p.label != PlanLabel::come_back && p.come_back && p.last_date) {
            const int gap = days_between(*p.last_date, date);
            if (gap >= thresholds_.return_after_break.break_days) {
                Prescription back = p;
                back.dose = *p.come_back;
                return {session_for(back, date), PlanLabel::come_back, planning::come_back_reason(p, date),
                        std::nullopt};
            }
        }
        return {session_for(p, date), p.label, p.reason, std::nullopt};
    }

    // The law: check() on the log plus the plan raises nothing at warning or
    // above on a planned session. A flagged session becomes the load the
    // finding proposes (which no rule flags that day), or is left out when
    // the finding says rest.
    //
    // The rules judge the week against the history they can see from it:
    // the log's slice for these sessions (history_for_check), which also
    // serves every later round (the same days or later, the same activities
    // or fewer). Copied once; each round replaces only the planned sessions.
    void verify() {
        std::vector<Session> week;
        for (const PlannedSession& p : week_.sessions) week.push_back(p.session);
        Log combined = history_for_check(log_, week);
        const std::size_t logged = combined.sessions.size();
        for (int round = 0; round < max_verify_rounds; ++round) {
            combined.sessions.resize(logged);
            for (const PlannedSession& planned : week_.sessions) combined.sessions.push_back(planned.session);
            std::map<std::size_t, const Finding*> flagged;  // planned session -> first finding at warning or above
            const std::vector<Finding> findings = check(combined);
            for (const Finding& f : findings) {
                if (f.session >= logged && f.severity >= Severity::warning) flagged.emplace(f.session - logged, &f);
            }
            if (flagged.empty()) return;
            // A prescribed session the rules would ease below the
            // prescription's ranges is left out instead, while another day
            // of it stays: fewer days at the prescribed dose, not a dose
            // below it spread thin. One a round, the latest: the days
            // before it may pass without it.
            if (leave_out_below_prescription(flagged)) continue;
            std::vector<PlannedSession> kept;
            for (std::size_t i = 0; i < week_.sessions.size(); ++i) {
                PlannedSession planned = week_.sessions[i];
                const auto it = flagged.find(i);
                if (it == flagged.end()) {
                    kept.push_back(std::move(planned));
                    continue;
                }
                const Finding& finding = *it->second;
                if (!finding.suggestion) {
                    week_.notes.push_back(fmt::format("{} on {} left out: {} would flag it ({})",
                                                      planned.session.activity, to_string(planned.session.date),
                                                      to_string(finding.rule), finding.message));
                    continue;
                }
                if (planned.session.weighted() && !finding.suggestion->weighted()) {
                    unweighted_.push_back(fmt::format("{} eased {} on {} to without weights", to_string(finding.rule),
                                                      planned.session.activity, to_string(planned.session.date)));
                }
                planned.session = *finding.suggestion;
                // A few weighted minutes are no session, and a class is not
                // shortened: rather the planned one without weights (a
                // come-back keeps its days).
                const Activity* activity = log_.catalogue.find(planned.session.activity);
                const Session& as_planned = week_.sessions[i].session;
                const bool shortened_class = classes_.contains({as_planned.activity, as_planned.on}) &&
                                             planned.session.minutes && as_planned.minutes &&
                                             *planned.session.minutes < *as_planned.minutes;
                if (planned.session.weighted() && activity && is_timed(activity->kind) && planned.session.minutes &&
                    (*planned.session.minutes < min_come_back_minutes || shortened_class)) {
                    unweighted_.push_back(fmt::format("{} eased {} on {} to without weights", to_string(finding.rule),
                                                      as_planned.activity, to_string(as_planned.date)));
                    planned.session = week_.sessions[i].session;
                    planned.session.weight.reset();
                }
                if (!planned.eased_for) planned.eased_for = finding.rule;
                planned.label = finding.rule == RuleId::return_after_break ? PlanLabel::come_back : PlanLabel::eased;
                kept.push_back(std::move(planned));
            }
            week_.sessions = std::move(kept);
        }
        week_.notes.push_back("could not find a plan that check accepts; rest this week");
        week_.sessions.clear();
    }

    // The latest session flagged by a rule of the week's load whose eased
    // load would be below its prescription's ranges (it was within them as
    // planned), while another
    // session of that activity stays in the week: left out, and why noted.
    bool leave_out_below_prescription(const std::map<std::size_t, const Finding*>& flagged) {
        for (auto it = flagged.rbegin(); it != flagged.rend(); ++it) {
            const Session& planned = week_.sessions[it->first].session;
            const Finding& finding = *it->second;
            // Only the rules of the week's load, which a day fewer answers
            // (start-light, say, flags whichever session comes first).
            if (finding.rule != RuleId::load_ramp && finding.rule != RuleId::no_rest &&
                finding.rule != RuleId::monotony) {
                continue;
            }
            const anklog::Prescription* rx = prescription_for(log_.prescriptions, planned.activity, planned.side, planned.date);
            if (!rx || below_prescription(planned, *rx)) continue;
            if (finding.suggestion && !below_prescription(*finding.suggestion, *rx)) continue;
            const auto others = std::count_if(week_.sessions.begin(), week_.sessions.end(), [&](const PlannedSession& p) {
                return p.session.activity == planned.activity && p.session.side == planned.side &&
                       p.session.on == planned.on;
            });
            if (others < 2) continue;
            left_out_.push_back(fmt::format("{} on {} at the prescribed dose ({})", planned.activity,
                                            to_string(planned.date), finding.message));
            left_out_rules_.push_back(std::string(to_string(finding.rule)));
            week_.sessions.erase(week_.sessions.begin() + static_cast<std::ptrdiff_t>(it->first));
            return true;
        }
        return false;
    }

    // Says why the week has fewer weighted days than asked, when it does:
    // the rules at the prescribed dose, or each activity's usual number of
    // sessions a week, or the days they could be put on.
    void explain_days(const std::vector<Prescription>& prescriptions, int days) {
        std::array<bool, days_per_week> weighted{};
        for (const PlannedSession& p : week_.sessions) {
            if (p.session.weighted()) weighted[static_cast<std::size_t>(days_between(week_.monday, p.session.date))] = true;
        }
        const auto planned = std::count(weighted.begin(), weighted.end(), true);
        std::array<bool, days_per_week> any{};
        for (const PlannedSession& p : week_.sessions) {
            any[static_cast<std::size_t>(days_between(week_.monday, p.session.date))] = true;
        }
        // Days without weights say why in their reasons.
        if (std::count(any.begin(), any.end(), true) >= days) return;
        if (week_.sessions.empty() || planned == 0 || planned >= days) return;
        if (!left_out_.empty()) {
            std::vector<std::string> rules = left_out_rules_;
            std::sort(rules.begin(), rules.end());
            rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
            week_.notes.push_back(fmt::format(
                "{} weighted day{} rather than {}: {} would flag {}; fewer days at the prescribed dose rather than a "
                "dose below its ranges",
                planned, planned == 1 ? "" : "s", days, fmt::join(rules, " and "), fmt::join(left_out_, "; ")));
            return;
        }
        if (!unweighted_.empty()) {
            week_.notes.push_back(fmt::format("{} weighted day{} rather than {}: {}", planned, planned == 1 ? "" : "s",
                                              days, fmt::join(unweighted_, "; ")));
            return;
        }
        const bool usual = std::all_of(prescriptions.begin(), prescriptions.end(),
                                       [&](const Prescription& p) { return p.frequency < days; });
        if (!usual) {
            week_.notes.push_back(fmt::format(
                "{} weighted day{} rather than {}: no more days fit apart (strength work of a muscle group never on "
                "two days in a row) and within the long-wear limit",
                planned, planned == 1 ? "" : "s", days));
            return;
        }
        std::vector<std::string> each;
        each.reserve(prescriptions.size());
        for (const Prescription& p : prescriptions) {
            each.push_back(fmt::format("{}{} {}", p.activity->name,
                                       p.side != Side::both  ? " on " + placement_text(p.on, p.side)
                                       : p.on == Limb::wrist ? std::string(" on the wrists")
                                                             : std::string(),
                                       p.frequency));
        }
        week_.notes.push_back(fmt::format(
            "{} weighted day{} rather than {}: each activity keeps its usual number of weighted sessions a week ({}); "
            "more at once would ramp up the weekly load",
            planned, planned == 1 ? "" : "s", days, fmt::join(each, ", ")));
    }

    // Says, on the first session of each activity after a pending planned
    // one, that it follows it.
    void after_pending() {
        std::vector<std::string> said;
        for (auto it = pending_.rbegin(); it != pending_.rend(); ++it) {  // the latest of each activity
            const Session& s = *it;
            if (std::find(said.begin(), said.end(), s.activity) != said.end()) continue;
            said.push_back(s.activity);
            const auto first = std::find_if(week_.sessions.begin(), week_.sessions.end(),
                                            [&](const PlannedSession& p) { return p.session.activity == s.activity; });
            if (first == week_.sessions.end()) continue;
            first->reason += fmt::format("; after the planned {} on {} (saved, not yet done)", s.activity, day_text(s.date));
        }
    }

    const Log& log_;
    const Log& assessed_;
    Thresholds thresholds_;
    PlanOptions options_;
    std::vector<Session> pending_;  // in date order
    Week week_;
    std::vector<std::string> left_out_;        // "side-leg-lift on 2026-12-02 at the prescribed dose (...)"
    std::vector<std::string> left_out_rules_;  // the rule that would flag each
    std::vector<std::string> unweighted_;      // "load-ramp eased walk on 2026-12-04 to without weights"
    std::set<std::pair<std::string, Limb>> classes_;  // loads that keep their length: eased without weights
};

// The saved planned sessions between today and the week (not yet missed,
// not yet done): what the week follows, as if done.
std::vector<Session> pending_planned(const Log& log, Date today, Date monday) {
    std::vector<Session> pending;
    for (const Session* p : planned_in_effect(log)) {
        if (p->date < today || p->date >= monday) continue;
        const bool done = std::any_of(log.sessions.begin(), log.sessions.end(), [&](const Session& s) {
            return s.date == p->date && s.activity == p->activity;
        });
        if (!done) pending.push_back(*p);
    }
    std::stable_sort(pending.begin(), pending.end(), [](const Session& a, const Session& b) { return a.date < b.date; });
    return pending;
}

}  // namespace

Week plan(const Log& log, const PlanOptions& options) {
    const Date monday = week_start(options.week_of);
    const Date sunday = add_days(monday, days_per_week - 1);
    if (!is_log_date(monday) || !is_log_date(sunday)) {
        throw Error(fmt::format("the week of {} runs outside the dates a log can hold", to_string(monday)),
                    fmt::format("plan a week from {} to {}", to_string(first_log_date), to_string(last_log_date)));
    }
    const auto latest = std::max_element(log.sessions.begin(), log.sessions.end(),
                                         [](const Session& a, const Session& b) { return a.date < b.date; });
    if (latest != log.sessions.end() && latest->date >= monday) {
        const Date next = add_days(week_start(latest->date), days_per_week);
        throw Error(fmt::format("the log already has sessions in or after the week of {} (the last on {})",
                                to_string(monday), to_string(latest->date)),
                    !is_log_date(add_days(next, days_per_week - 1))
                        ? std::string("no later week fits in the dates a log can hold")
                    : week_start(latest->date) == monday
                        // A week is planned before it starts, against all that came before it.
                        ? fmt::format("this week has begun, and a week is planned before it starts: plan the next, "
                                      "the week of {} (anklog plan --week-of {})",
                                      to_string(next), to_string(next))
                        : fmt::format("plan a week after your last session, e.g. the week of {}", to_string(next)));
    }
    const std::vector<Session> pending =
        options.today ? pending_planned(log, *options.today, monday) : std::vector<Session>{};
    if (pending.empty()) return Planner(log, log, options, {}).run();
    Log with = log;
    with.sessions.insert(with.sessions.end(), pending.begin(), pending.end());
    return Planner(with, log, options, pending).run();
}

}  // namespace anklog
