// Double progression per activity: from the recent
// working level, raise one thing at a time; repeat after pain or a hard
// session; step down after bad pain; deload every 4th progressing week;
// start light; come back gently after a break.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "anklog/check.hpp"
#include "anklog/numeric.hpp"
#include "anklog/rules.hpp"
#include "anklog/thresholds.hpp"
#include "prescribe.hpp"

namespace anklog::planning {

namespace {

constexpr int gait_minutes_cap = 30;   // walk +10% a week up to 30 min
constexpr int reps_cap = 15;           // reps +1 a week up to 15
constexpr int sets_cap = 3;
constexpr int reps_after_step = 10;    // reps back to 10 with a heavier weight
constexpr double volume_cut_after_step = 0.8;  // minutes -20% with a heavier weight
constexpr double deload_factor = 0.6;
constexpr int progressing_weeks_before_deload = 3;  // the 4th progressing week is a deload
constexpr int recent_days = 28;
constexpr std::size_t max_activities = 4;

int day_number(Date date) { return static_cast<int>(std::chrono::sys_days{date}.time_since_epoch().count()); }

std::string describe(const Log& log, const Activity& activity, const Dose& dose) {
    const std::string mass = format_mass(dose.weight, log.profile.units);
    if (is_timed(activity.kind)) return fmt::format("{} for {} min", mass, dose.minutes);
    return fmt::format("{} for {} x {}", mass, dose.sets, dose.reps);
}

std::string describe(const Log& log, const Session& s) {
    const std::string mass = s.weighted() ? format_mass(*s.weight, log.profile.units) : std::string("unweighted");
    const std::string volume = s.minutes && !s.sets ? fmt::format("{} min", *s.minutes)
                                                    : fmt::format("{} x {}", s.sets.value_or(0), s.reps.value_or(0));
    return fmt::format("{} {} on {}", mass, volume, to_string(s.date));
}

Dose dose_of(const Session& s, Unit units) {
    Dose d;
    d.weight = s.weight.value_or(Mass{0, units});
    d.minutes = s.minutes.value_or(0);
    d.sets = s.sets.value_or(0);
    d.reps = s.reps.value_or(0);
    return d;
}

// Scales volume by `factor`, keeping at least one rep or minute.
Dose scaled(Dose dose, Kind kind, double factor) {
    if (is_timed(kind)) {
        dose.minutes = std::max(1, static_cast<int>(std::floor(dose.minutes * factor)));
    } else {
        dose.reps = std::max(1, static_cast<int>(std::floor(dose.reps * factor)));
    }
    return dose;
}

// The heaviest weight within the over-range limit for `kind`.
double weight_limit_kg(const Log& log, Kind kind) {
    return thresholds_of(log).weight_limit_kg(kind);
}

Dose start_dose(const Log& log, const Activity& activity) {
    Dose d;
    d.weight = lightest_weight(log.profile);
    if (is_timed(activity.kind)) {
        d.minutes = thresholds_of(log).start_light.max_minutes;
    } else {
        d.sets = thresholds_of(log).start_light.max_sets;
        d.reps = 10;
    }
    return d;
}

class Prescriber {
public:
    Prescriber(const History& h, const Activity& a, std::vector<const Session*> sessions, int days)
        : h_(h), a_(a), sessions_(std::move(sessions)), days_(days) {}

    Prescription run() {
        Prescription p;
        p.activity = &a_;
        // Ankle weights alter running gait: runs get wrist weights.
        p.on = a_.name == "run" ? Limb::wrist : Limb::ankle;
        p.frequency = frequency();

        std::vector<const Session*> weighted;
        for (const Session* s : sessions_) {
            if (s->weighted()) weighted.push_back(s);
        }
        if (weighted.empty()) {
            p.dose = start_dose(h_.log, a_);
            p.label = PlanLabel::start;
            p.reason = fmt::format("first weighted {}: start light, {} (Ankle Weights 101)", a_.name,
                                   describe(h_.log, a_, p.dose));
            return p;
        }
        if (weighted.back()->on == Limb::wrist && a_.name != "run") p.on = Limb::wrist;
        const Session& last = *sessions_.back();
        const Session& last_weighted = *weighted.back();
        const int gap = days_between(last.date, h_.monday);

        if (gap >= static_cast<int>(h_.log.rules.value(Knob::return_after_break_break_days))) {
            p.dose = scaled(dose_of(last_weighted, h_.log.profile.units), a_.kind, 0.5);
            p.label = PlanLabel::come_back;
            p.reason = fmt::format("{} days since the last {} ({}): come back at half the volume", gap, a_.name,
                                   describe(h_.log, last_weighted));
            return limited(p);
        }
        const int pain = last.pain.value_or(0);
        if (pain > static_cast<int>(h_.log.rules.value(Knob::pain_danger))) {
            p.dose = dose_of(last_weighted, h_.log.profile.units);
            if (auto lighter = next_weight_down(h_.log.profile, p.dose.weight)) {
                p.dose.weight = *lighter;
            } else {
                p.dose = scaled(p.dose, a_.kind, deload_factor);
            }
            p.label = PlanLabel::step_down;
            p.reason = fmt::format("pain {}/10 last time ({}): one step down; see a professional if it persists", pain,
                                   describe(h_.log, last));
            return limited(p);
        }
        if (pain >= static_cast<int>(h_.log.rules.value(Knob::pain_raised_after)) || last.effort.value_or(0) >= 8) {
            p.dose = dose_of(last.weighted() ? last : last_weighted, h_.log.profile.units);
            p.label = PlanLabel::repeat;
            p.reason = pain >= 3 ? fmt::format("pain {}/10 last time ({}): repeat until pain-free", pain,
                                               describe(h_.log, last))
                                 : fmt::format("effort {}/10 last time ({}): repeat until it feels easier",
                                               *last.effort, describe(h_.log, last));
            return limited(p);
        }
        return progress(p, weighted);
    }

private:
    // Weighted sessions a week of this activity over the last 4 weeks,
    // rounded: more days at once would ramp the weekly load.
    int frequency() const {
        int recent = 0;
        int span = 0;  // days from the first recent weighted session to the planned week
        for (const Session* s : sessions_) {
            const int ago = days_between(s->date, h_.monday);
            if (!s->weighted() || ago > recent_days) continue;
            ++recent;
            span = std::max(span, ago);
        }
        // Averaged over the weeks the history covers, up to 4.
        const int weeks = std::clamp((span + 6) / 7, 1, recent_days / 7);
        return std::clamp(static_cast<int>(std::lround(static_cast<double>(recent) / weeks)), 1, days_);
    }

    // The working level: the heaviest weight and the largest volume among
    // the weighted sessions of the last 14 days, else the last weighted one.
    Dose working(const std::vector<const Session*>& weighted) const {
        const int window = static_cast<int>(h_.log.rules.value(Knob::weight_and_volume_window_days));
        const Session* heaviest = nullptr;
        const Session* largest = nullptr;
        for (const Session* s : weighted) {
            if (days_between(s->date, h_.monday) > window) continue;
            if (!heaviest || compare(*s->weight, *heaviest->weight) > 0) heaviest = s;
            if (!largest || volume(*s, a_.kind) > volume(*largest, a_.kind)) largest = s;
        }
        if (!heaviest) heaviest = largest = weighted.back();
        Dose d = dose_of(*largest, h_.log.profile.units);
        d.weight = *heaviest->weight;
        return d;
    }

    // Weeks in a row, up to last week, in which this activity went up.
    int progressing_weeks() const {
        std::map<int, std::pair<double, int>> weeks;  // week -> (max kg, max volume)
        for (const Session* s : sessions_) {
            if (!s->weighted()) continue;
            auto& [kg, vol] = weeks[day_number(week_start(s->date))];
            kg = std::max(kg, s->weight->kg());
            vol = std::max(vol, volume(*s, a_.kind));
        }
        int count = 0;
        int week = day_number(h_.monday) - 7;
        while (weeks.count(week) && weeks.count(week - 7)) {
            const auto& now = weeks[week];
            const auto& before = weeks[week - 7];
            if (below(now.first, before.first) || now.second < before.second) break;  // an easier week
            if (above(now.first, before.first) || now.second > before.second) ++count;
            week -= 7;
        }
        return count;
    }

    Prescription progress(Prescription p, const std::vector<const Session*>& weighted) {
        const Dose w = working(weighted);
        if (progressing_weeks() >= progressing_weeks_before_deload) {
            p.dose = scaled(w, a_.kind, deload_factor);
            p.label = PlanLabel::deload;
            p.reason = fmt::format("{} weeks of progress: an easy week at 60% (working level {})",
                                   progressing_weeks_before_deload, describe(h_.log, a_, w));
            return limited(p);
        }
        p.dose = w;
        p.label = PlanLabel::progress;
        const std::string from = describe(h_.log, a_, w);
        const auto step = next_weight_up(h_.log.profile, w.weight);
        const bool can_step = step && !above(step->kg(), weight_limit_kg(h_.log, a_.kind));
        if (is_timed(a_.kind)) {
            if (w.minutes > gait_minutes_cap) {
                // Long sessions in weights are what the guidance warns against: bring them back to the cap.
                p.dose.minutes = gait_minutes_cap;
                p.label = PlanLabel::step_down;
                p.reason = fmt::format("{}: keep weighted {} to {} min (Ankle Weights 101: don't wear them for long)",
                                       from, a_.name, gait_minutes_cap);
            } else if (w.minutes < gait_minutes_cap) {
                p.dose.minutes = std::min(gait_minutes_cap, w.minutes + std::max(1, w.minutes / 10));
                p.reason = fmt::format("+{} min (about 10%) from {}", p.dose.minutes - w.minutes, from);
            } else if (can_step) {
                p.dose.weight = *step;
                if (a_.kind == Kind::gait) p.dose = scaled(p.dose, a_.kind, volume_cut_after_step);
                p.reason = fmt::format("one weight step from {}{}", from,
                                       a_.kind == Kind::gait ? ", minutes cut by 20%" : "");
            } else {
                p.label = PlanLabel::repeat;
                p.reason = fmt::format("{}: at {} min and the top of the safe weight range, keep it", from, w.minutes);
            }
        } else if (w.reps < reps_cap) {
            p.dose.reps = w.reps + 1;
            p.reason = fmt::format("+1 rep from {}", from);
        } else if (w.sets < sets_cap) {
            p.dose.sets = w.sets + 1;
            p.dose.reps = std::max(1, (w.sets * w.reps * 5 / 4) / p.dose.sets);  // no step over +25%
            p.reason = fmt::format("one more set, fewer reps, from {}", from);
        } else if (can_step) {
            p.dose.weight = *step;
            p.dose.reps = reps_after_step;
            p.reason = fmt::format("one weight step from {}, reps back to {}", from, reps_after_step);
        } else {
            p.label = PlanLabel::repeat;
            p.reason = fmt::format("{}: the top of the safe range, keep it", from);
        }
        return limited(p);
    }

    // Never past the over-range limit.
    Prescription limited(Prescription p) const {
        const double limit = weight_limit_kg(h_.log, a_.kind);
        while (above(p.dose.weight.kg(), limit)) {
            const auto lighter = next_weight_down(h_.log.profile, p.dose.weight);
            if (!lighter) break;
            p.dose.weight = *lighter;
            p.label = PlanLabel::step_down;
            p.reason += fmt::format("; weight lowered to stay within {} for {} work",
                                    format_mass(Mass{limit, Unit::kg}, h_.log.profile.units), to_string(a_.kind));
        }
        return p;
    }

    const History& h_;
    const Activity& a_;
    std::vector<const Session*> sessions_;
    int days_;
};

}  // namespace

std::vector<Prescription> prescribe(const History& history, int days) {
    const Catalogue& catalogue = history.log.catalogue;
    std::map<const Activity*, std::vector<const Session*>> by_activity;
    for (const Session* s : history.before) by_activity[catalogue.find(s->activity)].push_back(s);

    // The activities of the last 28 days, most frequent first (then most recent).
    struct Recent {
        const Activity* activity;
        long count;
        Date last;
    };
    std::vector<Recent> recent;
    for (const auto& [activity, sessions] : by_activity) {
        const auto count = std::count_if(sessions.begin(), sessions.end(), [&](const Session* s) {
            return days_between(s->date, history.monday) <= recent_days;
        });
        if (count > 0) recent.push_back({activity, count, sessions.back()->date});
    }
    std::stable_sort(recent.begin(), recent.end(), [](const Recent& a, const Recent& b) {
        return a.count != b.count ? a.count > b.count : a.last > b.last;
    });
    if (recent.size() > max_activities) recent.resize(max_activities);
    std::vector<const Activity*> chosen;
    chosen.reserve(recent.size() + 3);
    for (const Recent& r : recent) chosen.push_back(r.activity);
    const bool beginner = chosen.empty();
    if (beginner) {
        for (const char* name : {"walk", "side-leg-lift", "glute-bridge"}) chosen.push_back(catalogue.find(name));
    }

    std::vector<Prescription> out;
    for (const Activity* activity : chosen) {
        const auto it = by_activity.find(activity);
        Prescriber prescriber(history, *activity, it == by_activity.end() ? std::vector<const Session*>{} : it->second,
                              days);
        out.push_back(prescriber.run());
    }
    // A beginner's week: walks on the days around one day of leg work.
    if (beginner) out.front().frequency = std::max(1, days - 1);
    return out;
}

}  // namespace anklog::planning
