// Double progression per activity: from the recent working level, raise one
// thing at a time; repeat after pain or a hard session; step down after bad
// pain; deload every 4th progressing week; start light; come back gently
// after a break or after pain has settled. The numbers are policy.hpp's.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <tuple>

#include "anklog/check.hpp"
#include "anklog/load.hpp"
#include "anklog/numeric.hpp"
#include "anklog/policy.hpp"
#include "anklog/prescription.hpp"
#include "class_length.hpp"
#include "come_back_week.hpp"
#include "prescribe.hpp"
#include "sessions_by_load.hpp"

namespace anklog::planning {

namespace {

// The weekly raise in minutes: 10% rounded down, at least one minute, so the
// plan's "about 10%" never reads as a volume-spike note over 10% (26 min +3
// was 11.5%); one more minute is never a spike.
int minutes_raise(int minutes) {
    return std::max(1, static_cast<int>(std::floor(minutes * policy::weekly_raise)));
}

int day_number(Date date) { return static_cast<int>(std::chrono::sys_days{date}.time_since_epoch().count()); }

std::string percent(double share) { return fmt::format("{:.0f}%", share * 100); }

Session as_session(const Activity& activity, const Dose& dose, Limb on, Side side) {
    Session s;
    s.activity = activity.name;
    s.on = on;
    s.side = side;
    s.weight = dose.weight;
    if (is_timed(activity.kind)) {
        s.minutes = dose.minutes;
    } else {
        s.sets = dose.sets;
        s.reps = dose.reps;
    }
    return s;
}

// "1 kg for 12 min" (the load), and "1 kg for 12 min on 2026-11-13" (a session).
std::string load_text(const Activity& activity, const Dose& dose, Limb on, Side side) {
    return describe_load(as_session(activity, dose, on, side), activity.kind);
}
std::string session_text(const Activity& activity, const Session& s) {
    return fmt::format("{} on {}", describe_load(s, activity.kind), to_string(s.date));
}

// Scales the volume by `factor`, keeping at least one minute or rep; for
// strength, fewer sets first, so that a set keeps its reps.
Dose scaled(Dose dose, Kind kind, double factor) {
    if (is_timed(kind)) {
        dose.minutes = std::max(1, static_cast<int>(std::floor(dose.minutes * factor + tolerance)));
        return dose;
    }
    const int target = std::max(1, static_cast<int>(std::lround(dose.sets * dose.reps * factor)));
    dose.sets = std::max(1, static_cast<int>(std::lround(dose.sets * factor)));
    dose.reps = std::max(1, std::min(dose.reps, target / dose.sets));
    return dose;
}

int minutes_cap(Kind kind) { return kind == Kind::gait ? policy::gait_minutes_cap : policy::mobility_minutes_cap; }

class Prescriber {
public:
    Prescriber(const History& history, const Activity& activity, std::vector<const Session*> sessions, int days)
        : history_(history),
          activity_(activity),
          profile_(history.log.profile),
          sessions_(std::move(sessions)),
          days_(days) {}

    // The load's placement is `on`; its sessions are those with weights at
    // that placement and the activity's sessions without weights.
    // A load of one side (`side` left or right) has that side's sessions and
    // those of both sides.
    Prescription run(ComeBack come_back, Limb on, Side side) {
        Prescription p;
        p.activity = &activity_;
        p.on = on;
        p.side = side;
        side_ = side;
        on_ = on;

        std::vector<const Session*> weighted;
        for (const Session* s : sessions_) {
            if (s->weighted()) weighted.push_back(s);
        }
        p.frequency = frequency();
        p.keeps_length = is_timed(activity_.kind) && (class_before_break(activity_, weighted) || class_before_break(activity_, sessions_));
        if (come_back == ComeBack::not_settled) {
            const PainState& pain = history_.standing->pain;
            const Session* basis = weighted.empty() ? nullptr : weighted.back();
            Dose dose = basis ? scaled(dose_of(*basis), activity_.kind, policy::come_back_factor) : start(p).dose;
            dose.weight.reset();
            p.dose = dose;
            p.label = PlanLabel::step_down;
            p.on = on;
            p.reason = fmt::format("pain {}/10 on {}{} has not settled after the pain of {}: without weights, about "
                                   "half the volume of {}, until a reading at {}/10 or less; see a doctor or "
                                   "physiotherapist if it persists",
                                   pain.not_settled->pain, to_string(pain.not_settled->date),
                                   pain.not_settled->check ? " (pain check)" : "", to_string(*pain.persistent_last),
                                   basis ? session_text(activity_, *basis) : std::string("a first session"), pain.settled_level);
            return p;
        }
        if (activity_.name == "run" && on == Limb::ankle) {
            // Ankle weights alter running gait: the runs move to the wrists,
            // which is a new load there.
            p.on = Limb::wrist;
            on_ = Limb::wrist;
            if (!weighted.empty()) {
                Prescription s = start(p);
                s.reason = fmt::format("your runs with weights were on the ankles (the last {}), which alters running "
                                       "gait; {}",
                                       session_text(activity_, *weighted.back()), s.reason);
                return s;
            }
        }
        if (weighted.empty()) return start(p);

        const Session& last = *sessions_.back();
        const Session& last_weighted = *weighted.back();
        const int gap = days_between(last.date, history_.monday);
        p.last_date = last.date;
        if (come_back == ComeBack::after_pain) {
            Dose dose = scaled(dose_of(last_weighted), activity_.kind, policy::come_back_factor);
            dose.weight = lightest_weight(profile_, p.on);
            p.dose = dose;
            p.label = PlanLabel::come_back;
            p.reason = fmt::format("after pain: the lightest weight you own and about half the volume of {}",
                                   session_text(activity_, last_weighted));
            return limited(p);
        }
        p.come_back = scaled(dose_of(last_weighted), activity_.kind, policy::come_back_factor);
        if (p.keeps_length) {
            // A 45-min class cannot be done for 22 min: it keeps its length
            // and comes back lighter (check's return-after-break accepts a
            // lighter weight at the full length).
            Dose lighter = dose_of(last_weighted);
            lighter.weight = next_weight_down(profile_, p.on, *last_weighted.weight);
            p.come_back = lighter;
        }
        p.last_weighted = session_text(activity_, last_weighted);
        p.last_was_weighted = &last == &last_weighted;
        if (gap >= history_.limits.return_after_break.break_days) {
            step_down_come_back(p, weighted, last_weighted);
            p.dose = *p.come_back;
            p.label = PlanLabel::come_back;
            p.after_break = true;
            p.reason = come_back_reason(p, history_.monday);
            return limited(p);
        }
        const int pain = last.pain.value_or(0);
        const Session& basis = last.weighted() ? last : last_weighted;
        // Pain belongs to the person: pain after work at this placement (in
        // another activity too) holds this load back until a later reading
        // says it settled. The assessment decides: it is the one reading of
        // the pain (the last session's pain is in it).
        if (history_.standing) {
            const PlacementPain& at = history_.standing->pain.of(p.on);
            // A step down's load is done pain-free before any raise, also
            // once a reading (in another activity too) said the pain settled.
            // Settled, but the step down not yet done (one function for the
            // plan, check and the assessment).
            const bool step_first =
                step_down_pending(at, weighted, history_.monday, history_.standing->pain.settled_level,
                                  history_.limits.persistent_pain.recent_days, profile_, activity_.kind);
            if (at.holds_back() || step_first) {
                // A step down is one step below the load that hurt (its last
                // session on or before the painful day), then holds there.
                const Session* hurt = &basis;
                for (const Session* w : weighted) {
                    if (w->date <= at.painful->date) hurt = w;
                }
                p.dose = dose_of(at.step_down ? *hurt : basis);
                const std::string what = hold_evidence_text(at, p.on);
                const std::string ends =
                    step_first ? fmt::format("settled ({}), but the step down comes first: done without pain before "
                                             "any raise",
                                             pain_reading_text(*at.settled))
                               : hold_ends_text(at, history_.standing->pain.settled_level);
                // Already at or below the step down since: hold there.
                const auto lighter = next_weight_down(profile_, p.on, *p.dose.weight);
                const bool stepped = at.step_down && &basis != hurt &&
                                     compare(*basis.weight, lighter ? *lighter : *hurt->weight) <= 0 &&
                                     (lighter || volume(basis, activity_.kind) <=
                                                     volume(*hurt, activity_.kind) * policy::deload_factor + tolerance);
                if (at.step_down && !stepped) {
                    p.label = PlanLabel::step_down;
                    if (lighter) {
                        p.dose.weight = *lighter;
                        p.reason = fmt::format("{}: one weight step down from {}, then hold there; {}", what,
                                               session_text(activity_, *hurt), ends);
                    } else {
                        p.dose = scaled(p.dose, activity_.kind, policy::deload_factor);
                        p.reason = fmt::format("{}: {} of the volume of {} at the lightest weight, then hold there; {}",
                                               what, percent(policy::deload_factor), session_text(activity_, *hurt),
                                               ends);
                    }
                    return limited(p);
                }
                p.dose = dose_of(basis);
                p.label = PlanLabel::repeat;
                p.reason = fmt::format("{}: repeat {}, raise nothing; {}", what, session_text(activity_, basis), ends);
                return limited(p);
            }
        }
        if (!history_.standing && pain > history_.limits.pain.danger) {
            p.dose = dose_of(basis);
            p.label = PlanLabel::step_down;
            if (const auto lighter = next_weight_down(profile_, p.on, *p.dose.weight)) {
                p.dose.weight = *lighter;
                p.reason = fmt::format("pain {}/10 last time ({}): one weight step down; see a professional if it "
                                       "persists",
                                       pain, session_text(activity_, last));
            } else {
                p.dose = scaled(p.dose, activity_.kind, policy::deload_factor);
                p.reason = fmt::format("pain {}/10 last time ({}): {} of the volume at the lightest weight; see a "
                                       "professional if it persists",
                                       pain, session_text(activity_, last), percent(policy::deload_factor));
            }
            return limited(p);
        }
        if (!history_.standing && pain >= history_.limits.pain.raised_after) {
            p.dose = dose_of(basis);
            p.label = PlanLabel::repeat;
            p.reason = fmt::format("pain {}/10 last time ({}): repeat until pain-free", pain,
                                   session_text(activity_, last));
            return limited(p);
        }
        if (last.effort && *last.effort >= policy::hard_effort) {
            p.dose = dose_of(basis);
            p.label = PlanLabel::repeat;
            p.reason = fmt::format("effort {}/10 last time ({}): repeat until it feels easier", *last.effort,
                                   session_text(activity_, last));
            return limited(p);
        }
        const Session& first = *weighted.front();
        // A first session beyond start-light (weight, minutes or sets, in
        // check's words): repeat, raise nothing, for settle_in_days. Over
        // the range, progress() steps it down: that is the more protective.
        const std::string over_start = beyond_start_light(first);
        if (history_.limits.start_light.on && !over_start.empty() &&
            days_between(first.date, history_.monday) < policy::settle_in_days &&
            !above(basis.weight ? basis.weight->kg() : 0.0, limit_kg())) {
            p.dose = dose_of(basis);
            p.label = PlanLabel::repeat;
            p.reason = fmt::format("the first {} with weights on {} ({}) started {} than a first session should "
                                   "(start-light): repeat {}, raise nothing until {}",
                                   activity_.name, placement_text(p.on, p.side), to_string(first.date), over_start,
                                   session_text(activity_, basis),
                                   to_string(add_days(first.date, policy::settle_in_days)));
            return limited(p);
        }
        return progress(p, weighted);
    }

private:
    Prescription start(Prescription p) const {
        const Thresholds limits = history_.limits.for_load(on_, side_);
        const auto& start = limits.start_light;
        Dose d;
        d.weight = lightest_weight(profile_, p.on);
        std::string between;
        if (above(d.weight->kg(), start.max_kg)) {
            const auto within = settable_at_most(profile_, p.on, start.max_kg);
            between = between_settings_text(profile_, p.on, start.max_kg, within);
            // Nothing of the equipment light enough: without weights, and what to buy.
            if (within || !between.empty()) d.weight = within;
        }
        if (is_timed(activity_.kind)) {
            d.minutes = start.max_minutes;
        } else {
            d.sets = start.max_sets;
            d.reps = policy::reps_after_step;
        }
        p.dose = d;
        p.label = PlanLabel::start;
        p.reason = fmt::format("first weighted {}{}: start light, {} (Ankle Weights 101){}", activity_.name,
                               p.side != Side::both ? " on " + placement_text(p.on, p.side)
                               : p.on == Limb::wrist ? std::string(" on the wrists")
                                                     : std::string(),
                               load_text(activity_, d, p.on, p.side), between.empty() ? "" : "; " + between);
        return limited(p);
    }

    // Weighted sessions a week of this activity over the 4 weeks before the
    // planned week (or, coming back, before its last session), rounded: more
    // days at once would ramp the weekly load. Measured by the spacing of its
    // training days, (days - 1) per the span from the first to the last, so a
    // gap after them (a rest after pain, a break) is not a week of fewer
    // sessions (the tester's three walks a week became "walk 2" after a
    // rest), and two squats six days apart are one a week, not two.
    [[nodiscard]] int frequency() const {
        Date end = history_.monday;
        if (!sessions_.empty() && days_between(sessions_.back()->date, end) > policy::recent_days) {
            end = add_days(sessions_.back()->date, 1);
        }
        std::vector<Date> days;
        for (const Session* s : sessions_) {
            const int ago = days_between(s->date, end);
            if (!s->weighted() || ago > policy::recent_days || ago <= 0) continue;
            if (std::find(days.begin(), days.end(), s->date) == days.end()) days.push_back(s->date);
        }
        if (days.size() < 2) return 1;
        const auto [first, last] = std::minmax_element(days.begin(), days.end());
        constexpr double days_per_week = 7.0;
        const double count = static_cast<double>(days.size());
        const double per_week = std::min(count, (count - 1) * days_per_week / days_between(*first, *last));
        // Half a session rounds down: 2.5 a week is 2, not 3.
        return std::clamp(static_cast<int>(std::ceil(per_week - 0.5)), 1, days_);
    }

    // The working level: the heaviest weight among the weighted sessions of
    // the last 14 days, and the largest volume done at that weight; else the
    // last weighted session. Volume done at a lighter weight does not count,
    // so that a weight step is followed by rebuilding the volume. After pain
    // at this placement, only the sessions since count: after a step down
    // the person builds up again from the load they did since, not from the
    // heavier one before the pain.
    [[nodiscard]] Dose working(const std::vector<const Session*>& weighted, Limb on) const {
        const int window = history_.limits.weight_and_volume.window_days;
        const std::optional<Date> pain = history_.standing ? painful_day(history_.standing->pain.of(on)) : std::nullopt;
        const bool since_pain = pain && std::any_of(weighted.begin(), weighted.end(),
                                                    [&](const Session* s) { return s->date > *pain; });
        const Session* best = nullptr;
        for (const Session* s : weighted) {
            if (days_between(s->date, history_.monday) > window || (since_pain && s->date <= *pain)) continue;
            if (!best) {
                best = s;
                continue;
            }
            const int heavier = compare(*s->weight, *best->weight);
            if (heavier > 0 || (heavier == 0 && volume(*s, activity_.kind) > volume(*best, activity_.kind))) best = s;
        }
        return dose_of(best ? *best : *weighted.back());
    }

    // Weeks in a row, up to last week, in which this activity went up.
    [[nodiscard]] int progressing_weeks() const {
        std::map<int, std::pair<double, int>> weeks;  // week -> (max kg, max volume)
        for (const Session* s : sessions_) {
            if (!s->weighted()) continue;
            auto& [kg, vol] = weeks[day_number(week_start(s->date))];
            kg = std::max(kg, s->weight->kg());
            vol = std::max(vol, volume(*s, activity_.kind));
        }
        int count = 0;
        int week = day_number(history_.monday) - 7;
        while (weeks.count(week) && weeks.count(week - 7)) {
            const auto& now = weeks[week];
            const auto& before = weeks[week - 7];
            if (below(now.first, before.first) || now.second < before.second) break;  // an easier week
            if (above(now.first, before.first) || now.second > before.second) ++count;
            week -= 7;
        }
        return count;
    }

    // Whether last week's heaviest weight was above the week before's: then
    // this week holds it (a mobility class keeps its length after a step, so
    // its volume cannot be rebuilt the way minutes and reps are).
    [[nodiscard]] bool stepped_last_week() const {
        double last_week = 0;
        double week_before = 0;
        const Date previous_monday = add_days(history_.monday, -7);
        for (const Session* s : sessions_) {
            if (!s->weighted()) continue;
            const int week = days_between(week_start(s->date), previous_monday) / 7;
            if (week == 0) last_week = std::max(last_week, s->weight->kg());
            if (week == 1) week_before = std::max(week_before, s->weight->kg());
        }
        return week_before > 0 && above(last_week, week_before);
    }

    static constexpr int class_sessions_before_step = 3;

    // Why no heavier weight: what the person owns, or the over-range limit.
    [[nodiscard]] std::string no_step_reason(Limb on, const Mass& current) const {
        if (stepped_last_week()) {
            return fmt::format("a week at {} before the next weight step", format_mass_exact(current));
        }
        const auto step = next_weight_up(profile_, on, current);
        if (!step) return fmt::format("{} is the heaviest weight you own", format_mass_exact(current));
        return fmt::format("over-range allows at most {} for {} work", limit_text(profile_, limit_kg()),
                           to_string(activity_.kind));
    }

    // How a first weighted session went beyond start-light, in check's
    // words ("heavier and longer"); empty when it did not.
    [[nodiscard]] std::string beyond_start_light(const Session& first) const {
        const auto& start = history_.limits.for_load(on_, side_).start_light;
        std::vector<std::string> how;
        if (first.weight && above(first.weight->kg(), start.max_kg)) how.emplace_back("heavier");
        if (is_timed(activity_.kind) && first.minutes.value_or(0) > start.max_minutes) how.emplace_back("longer");
        if (!is_timed(activity_.kind) && first.sets.value_or(0) > start.max_sets) how.emplace_back("with more sets");
        std::string out;
        for (const std::string& h : how) out += (out.empty() ? "" : " and ") + h;
        return out;
    }

    // A come-back after pain that asked for a step down (above 5/10, or
    // worse the next morning) not yet done pain-free: one weight step below
    // the load that hurt (a break does not undo the step down).
    void step_down_come_back(Prescription& p, const std::vector<const Session*>& weighted,
                             const Session& last_weighted) const {
        if (!history_.standing || !p.come_back || !p.come_back->weight) return;
        const PlacementPain& at = history_.standing->pain.of(p.on);
        if (!at.painful || !at.step_down || stepped_down_pain_free(weighted, at, p.on)) return;
        // Pain near the end before the break (within persistent-pain's
        // recent_days of the last session), not months before it.
        if (days_between(at.painful->date, last_weighted.date) > history_.limits.persistent_pain.recent_days) return;
        if (compare(*p.come_back->weight, *last_weighted.weight) < 0) return;  // already lighter (a class)
        const auto lighter = next_weight_down(profile_, p.on, *last_weighted.weight);
        if (lighter) {
            p.come_back->weight = *lighter;
        } else {
            p.come_back->weight.reset();
        }
        const PainReading& hurt = at.worse ? *at.worse : *at.painful;
        p.come_back_note = fmt::format("{}, after {} {}/10 on {}: the step down comes first",
                                       lighter ? "one weight step lighter" : "without weights",
                                       hurt.check ? "a pain check of" : "pain", hurt.pain, to_string(hurt.date));
    }

    // After a step down at this placement: a weighted session of this load
    // since the painful day, at or below the step down (one weight step
    // below the load that hurt; at the lightest weight, its share of the
    // volume), and without pain above the settled level.
    [[nodiscard]] bool stepped_down_pain_free(const std::vector<const Session*>& weighted,
                                              const PlacementPain& at, Limb on) const {
        // The load that hurt: its last session on or before the painful day,
        // within recent_days of it (as check's pain-hold finds it).
        const Session* hurt = nullptr;
        for (const Session* w : weighted) {
            const int before = days_between(w->date, at.painful->date);
            if (before >= 0 && before <= history_.limits.persistent_pain.recent_days) hurt = w;
        }
        if (hurt == nullptr) return true;  // no load of this activity hurt: nothing to step down from
        const int settled_level = history_.standing->pain.settled_level;
        const auto lighter = next_weight_down(profile_, on, *hurt->weight);
        return std::any_of(weighted.begin(), weighted.end(), [&](const Session* s) {
            if (s->date <= at.painful->date || s->pain.value_or(0) > settled_level) return false;
            // Any load of it done since with pain recorded at or below the
            // settled level is the evidence the step down was for.
            if (s->pain) return true;
            if (lighter) return compare(*s->weight, *lighter) <= 0;
            return compare(*s->weight, *hurt->weight) <= 0 &&
                   volume(*s, activity_.kind) <= volume(*hurt, activity_.kind) * policy::deload_factor + tolerance;
        });
    }

    [[nodiscard]] double limit_kg() const { return history_.limits.for_load(on_, side_).weight_limit_kg(activity_.kind); }

    Prescription progress(Prescription p, const std::vector<const Session*>& weighted) const {
        const Dose w = working(weighted, p.on);
        const std::string from = load_text(activity_, w, p.on, p.side);
        if (progressing_weeks() >= policy::progressing_weeks_before_deload) {
            p.dose = scaled(w, activity_.kind, policy::deload_factor);
            p.label = PlanLabel::deload;
            p.reason = fmt::format("{} weeks of progress: an easy week at {} of the working level ({})",
                                   policy::progressing_weeks_before_deload, percent(policy::deload_factor), from);
            return limited(p);
        }
        p.dose = w;
        if (above(w.weight->kg(), limit_kg())) {
            // Heavier than check accepts: down to what it does, nothing raised.
            p.dose.weight = settable_at_most(profile_, p.on, limit_kg());
            p.label = PlanLabel::step_down;
            const std::string between = between_settings_text(profile_, p.on, limit_kg(), p.dose.weight);
            p.reason = fmt::format("{}: over-range allows at most {} for {} work; {} at the same volume{}", from,
                                   limit_text(profile_, limit_kg()), to_string(activity_.kind),
                                   p.dose.weight ? format_mass_exact(*p.dose.weight) : std::string("without weights"),
                                   between.empty() ? "" : " (" + between + ")");
            return p;
        }
        p.label = PlanLabel::progress;
        const auto step = next_weight_up(profile_, p.on, *w.weight);
        const bool can_step = step && !above(step->kg(), limit_kg()) && !stepped_last_week();
        const std::optional<int> usual_length = class_length(activity_, weighted, history_.monday);
        // Its sessions without weights (a come-back week's class) show the
        // class's length too.
        // A class shortened (after pain, a deload) is rebuilt to its usual
        // length first, below.
        const bool shortened = usual_length && w.minutes < *usual_length;
        if (is_timed(activity_.kind) && !shortened &&
            (fixed_length(activity_, weighted, history_.monday) || p.keeps_length || (usual_length && w.minutes >= *usual_length))) {
            // A class lasts as long as it lasts: progressed by weight after
            // some sessions at the working weight, or not at all.
            // A session with pain above the settled level never counts: the
            // sessions at the weight since the last painful one. Nor does one
            // before a break: after a come-back, they count again from it.
            const int settled_level = std::max(0, history_.limits.pain.raised_after - 1);
            const std::optional<Date> back =
                returned_after_break(sessions_, history_.limits.return_after_break.break_days);
            int at_weight = 0;
            for (auto it = weighted.rbegin(); it != weighted.rend() && compare(*(*it)->weight, *w.weight) == 0 &&
                                              (*it)->pain.value_or(0) <= settled_level &&
                                              (!back || (*it)->date >= *back);
                 ++it) {
                ++at_weight;
            }
            if (can_step && at_weight >= class_sessions_before_step) {
                p.dose.weight = *step;
                p.reason = fmt::format("a {}-min class, kept at its length: one weight step from {} to {} after {} "
                                       "sessions at it",
                                       w.minutes, from, format_mass_exact(*step), at_weight);
            } else {
                p.label = PlanLabel::repeat;
                p.reason = can_step ? fmt::format("a {}-min class, kept at its length: {} ({} of {} sessions at this "
                                                  "weight before the next step)",
                                                  w.minutes, from, at_weight, class_sessions_before_step)
                                    : fmt::format("a {}-min class, kept at its length: {}; {}", w.minutes, from,
                                                  no_step_reason(p.on, *w.weight));
            }
            return limited(p);
        }
        if (is_timed(activity_.kind)) {
            const int cap = usual_length ? std::min(minutes_cap(activity_.kind), *usual_length)
                                         : minutes_cap(activity_.kind);
            if (usual_length && cap == *usual_length && w.minutes < cap) {
                // Back toward the class's length, by minutes.
                const int raise = std::max(1, minutes_raise(w.minutes));
                p.dose.minutes = std::min(cap, w.minutes + raise);
                p.reason = fmt::format("+{} min (about {}) from {}, back toward its {}-min length",
                                       p.dose.minutes - w.minutes, percent(policy::weekly_raise), from, cap);
            } else if (w.minutes > cap) {
                p.label = PlanLabel::repeat;
                p.reason = fmt::format("{}: above the {}-min cap for {} work, kept as it is", from, cap,
                                       to_string(activity_.kind));
            } else if (w.minutes < cap) {
                const int raise = std::max(1, minutes_raise(w.minutes));
                p.dose.minutes = std::min(cap, w.minutes + raise);
                p.reason = fmt::format("+{} min (about {}) from {}", p.dose.minutes - w.minutes,
                                       percent(policy::weekly_raise), from);
            } else if (can_step) {
                p.dose.weight = *step;
                const bool cut = activity_.kind == Kind::gait;
                if (cut) p.dose = scaled(p.dose, activity_.kind, policy::gait_minutes_after_step);
                p.reason = fmt::format("at the {}-min cap: one weight step from {} to {}{}", cap, from,
                                       format_mass_exact(*step),
                                       cut ? fmt::format(", minutes cut by {}",
                                                         percent(1 - policy::gait_minutes_after_step))
                                           : "");
            } else {
                p.label = PlanLabel::repeat;
                p.reason = fmt::format("{}: at the {}-min cap, and {}; keep it", from, cap, no_step_reason(p.on, *w.weight));
            }
        } else if (w.reps < policy::reps_cap) {
            p.dose.reps = w.reps + 1;
            p.reason = fmt::format("+1 rep from {}", from);
        } else if (w.sets < policy::sets_cap) {
            p.dose.sets = w.sets + 1;
            const int most = static_cast<int>(std::floor(w.sets * w.reps * policy::new_set_growth));
            p.dose.reps = std::max(1, most / p.dose.sets);
            p.reason = fmt::format("one more set, fewer reps, from {}", from);
        } else if (can_step) {
            p.dose.weight = *step;
            p.dose.reps = policy::reps_after_step;
            p.reason = fmt::format("at {} x {}: one weight step from {} to {}, reps back to {}", policy::sets_cap,
                                   policy::reps_cap, from, format_mass_exact(*step), policy::reps_after_step);
        } else {
            p.label = PlanLabel::repeat;
            p.reason = fmt::format("{}: at {} x {}, and {}; keep it", from, policy::sets_cap, policy::reps_cap,
                                   no_step_reason(p.on, *w.weight));
        }
        return limited(p);
    }

    // Never past the over-range limit: the heaviest weight the person can
    // set within it, said once.
    Prescription limited(Prescription p) const {
        // A weight the person's equipment for this placement cannot make
        // (one they logged by hand): the setting below it, said so.
        if (p.dose.weight && !unmade_weight_note(profile_, p.on, *p.dose.weight).empty()) {
            const auto setting = settable_at_most(profile_, p.on, p.dose.weight->kg());
            p.reason += "; " + between_settings_text(profile_, p.on, p.dose.weight->kg(), setting);
            p.dose.weight = setting;
            if (!setting) p.label = PlanLabel::step_down;
        }
        if (p.come_back && p.come_back->weight && !unmade_weight_note(profile_, p.on, *p.come_back->weight).empty()) {
            p.come_back->weight = settable_at_most(profile_, p.on, p.come_back->weight->kg());
        }
        if (p.come_back && p.come_back->weight && above(p.come_back->weight->kg(), limit_kg())) {
            p.come_back->weight = settable_at_most(profile_, p.on, limit_kg());
        }
        if (!p.dose.weight || !above(p.dose.weight->kg(), limit_kg())) return p;
        const auto within = settable_at_most(profile_, p.on, limit_kg());
        p.dose.weight = within;
        p.label = PlanLabel::step_down;
        const std::string between = between_settings_text(profile_, p.on, limit_kg(), within);
        p.reason += fmt::format("; {}: over-range allows at most {} for {} work{}",
                                within ? fmt::format("weight {}", format_mass_exact(*within)) : "without weights",
                                limit_text(profile_, limit_kg()), to_string(activity_.kind),
                                between.empty() ? "" : " (" + between + ")");
        return p;
    }

    const History& history_;
    const Activity& activity_;
    const Profile& profile_;
    std::vector<const Session*> sessions_;
    int days_;
    Side side_ = Side::both;  // the load's side, set by run()
    Limb on_ = Limb::ankle;   // the load's placement, set by run()
};

}  // namespace

Dose dose_of(const Session& s) {
    Dose d;
    if (s.weighted()) d.weight = s.weight;
    d.minutes = s.minutes.value_or(0);
    d.sets = s.sets.value_or(0);
    d.reps = s.reps.value_or(0);
    return d;
}

std::vector<Prescription> prescribe(const History& history, int days, ComeBack come_back) {
    const Catalogue& catalogue = history.log.catalogue;
    const auto by_load = sessions_by_load(history);

    // The activities of the last 28 days, most frequent first (then most
    // recent); when there are none, the most recent of the whole history.
    struct Candidate {
        Load load;
        long count;
        Date last;
    };
    std::vector<Candidate> recent;
    std::vector<Candidate> all;
    for (const auto& [load, sessions] : by_load) {
        const auto count = std::count_if(sessions.begin(), sessions.end(), [&](const Session* s) {
            return days_between(s->date, history.monday) <= policy::recent_days;
        });
        all.push_back({load, 0, sessions.back()->date});
        if (count > 0) recent.push_back({load, count, sessions.back()->date});
    }
    std::vector<Candidate>& chosen_from = recent.empty() ? all : recent;
    std::stable_sort(chosen_from.begin(), chosen_from.end(), [](const Candidate& a, const Candidate& b) {
        return a.count != b.count ? a.count > b.count : a.last > b.last;
    });
    const auto most = static_cast<std::size_t>(policy::max_activities);
    if (chosen_from.size() > most) chosen_from.resize(most);
    std::vector<Load> chosen;
    chosen.reserve(chosen_from.size());
    for (const Candidate& c : chosen_from) chosen.push_back(c.load);
    // A clinician's prescriptions in force on the Monday: their activities only.
    const std::vector<const anklog::Prescription*> clinical =
        prescriptions_in_force(history.log.prescriptions, history.monday);
    if (!clinical.empty()) {
        chosen.clear();
        for (const anklog::Prescription* rx : clinical) {
            const Side side = rx->side == "left" ? Side::left : rx->side == "right" ? Side::right : Side::both;
            chosen.push_back(Load{catalogue.find(rx->activity), rx->on.value_or(Limb::ankle), side});
        }
    }
    const bool beginner = chosen.empty();
    if (beginner) {
        for (const char* name : {"walk", "side-leg-lift", "glute-bridge"}) {
            chosen.push_back(Load{catalogue.find(name), Limb::ankle});
        }
    }

    std::vector<Prescription> out;
    for (const Load& load : chosen) {
        const auto it = by_load.find(load);
        Prescriber prescriber(history, *load.activity, it == by_load.end() ? std::vector<const Session*>{} : it->second,
                              days);
        out.push_back(prescriber.run(come_back, load.on, load.side));
        if (!clinical.empty()) {
            keep_within(out.back(), *clinical[out.size() - 1],
                        it == by_load.end() ? std::vector<const Session*>{} : it->second, history.log.profile.units);
        }
    }
    // A beginner's week: walks on the days around one day of leg work.
    if (beginner) out.front().frequency = std::max(1, days - 1);
    return out;
}

}  // namespace anklog::planning
