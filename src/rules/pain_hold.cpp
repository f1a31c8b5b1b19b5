// pain-hold: a raise on a placement that pain holds back (repeat, raise
// nothing, as the assessment's holding phase says; one step down above the
// danger level), or weights during the rest after persistent pain. The same days and the same per-placement model as
// the assessment (anklog/pain.hpp), seen from before each session's day (and
// that day's morning pain check).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <span>
#include <vector>

#include "anklog/load.hpp"
#include "anklog/numeric.hpp"
#include "anklog/pain.hpp"
#include "anklog/policy.hpp"
#include "anklog/profile.hpp"
#include "engine.hpp"

namespace anklog::rules {


namespace {

// The load a session is held at. A session of both sides is judged as each
// side, and the more protective finding stands: the side with no weighted
// session before it (a new load for that side), else the side whose last
// load is the lighter.
LoadKey held_load(const Session& session, const std::map<LoadKey, const Entry*>& last_of_load) {
    LoadKey key = load_of(session);
    if (key.side != Side::both) return key;
    LoadKey left = key;
    left.side = Side::left;
    LoadKey right = key;
    right.side = Side::right;
    const auto l = last_of_load.find(left);
    const auto r = last_of_load.find(right);
    if (l == last_of_load.end()) return left;
    if (r == last_of_load.end()) return right;
    const Entry& lw = *l->second;
    const Entry& rw = *r->second;
    const bool right_lighter = below(rw.kg, lw.kg) || (!above(rw.kg, lw.kg) && rw.volume < lw.volume);
    return right_lighter ? right : left;
}

}  // namespace

}  // namespace anklog::rules

namespace anklog {

bool step_down_pending(const PlacementPain& at, const std::vector<const Session*>& weighted, Date day,
                       int settled_level, int recent_days, const Profile& profile, Kind kind) {
    if (!at.painful || !at.step_down || !at.settled || at.holds_back()) return false;
    if (days_between(at.painful->date, day) > recent_days) return false;
    const Session* hurt = nullptr;
    for (const Session* s : weighted) {
        const int before = days_between(s->date, at.painful->date);
        if (before >= 0 && before <= recent_days) hurt = s;
    }
    if (hurt == nullptr) return false;  // this load did not hurt: nothing to step down from
    const auto lighter = next_weight_down(profile, hurt->on, *hurt->weight);
    const bool done = std::any_of(weighted.begin(), weighted.end(), [&](const Session* s) {
        if (s->date <= at.painful->date || s->date >= day || s->pain.value_or(0) > settled_level) return false;
        if (s->pain) return true;
        if (lighter) return compare(*s->weight, *lighter) <= 0;
        return compare(*s->weight, *hurt->weight) <= 0 &&
               volume(*s, kind) <= volume(*hurt, kind) * policy::deload_factor + tolerance;
    });
    return !done;
}

}  // namespace anklog

namespace anklog::rules {

void check_pain_hold(Checker& checker) {
    const Thresholds& t = checker.thresholds();
    const auto& entries = checker.entries();
    if (!t.pain_hold.on || entries.empty()) return;
    const int settled_level = std::max(0, t.pain.raised_after - 1);
    const std::vector<ReadingDay> days = reading_days(checker.log(), entries.back().session->date);
    PlacementPains placements(t.pain.raised_after, settled_level, t.pain.danger, t.persistent_pain.recent_days);
    PainDays persistent(t.persistent_pain.pain, t.persistent_pain.of_last);
    std::size_t next_day = 0;       // the next reading day not yet applied
    bool morning_applied = false;   // of days[next_day]
    std::size_t counted = 0;        // entries added to the persistent count
    // Each load's last weighted session before the day being judged: the
    // load a hold repeats.
    std::map<LoadKey, const Entry*> last_of_load;
    // Each load's weighted sessions before the day being judged: a step
    // down is one step below the load that hurt (the last on or before the
    // painful day), then holds there.
    std::map<LoadKey, std::vector<const Entry*>> history_of_load;
    std::vector<const Entry*> today_entries;
    int current = std::numeric_limits<int>::min();
    for (const Entry& e : entries) {
        if (e.day != current) {
            current = e.day;
            for (const Entry* done : today_entries) {
                // A session of both sides is each side's history too.
                LoadKey key = load_of(*done->session);
                const Side sides[] = {key.side, Side::left, Side::right};
                for (const Side side : key.side == Side::both ? std::span<const Side>(sides) : std::span<const Side>(sides, 1)) {
                    key.side = side;
                    last_of_load[key] = done;
                    history_of_load[key].push_back(done);
                }
            }
            today_entries.clear();
            while (next_day < days.size() && day_number(days[next_day].date) < e.day) {
                if (!morning_applied) {
                    placements.judge_on(days[next_day].date);
                    placements.morning(days[next_day]);
                }
                placements.training(days[next_day]);
                ++next_day;
                morning_applied = false;
            }
            placements.judge_on(e.session->date);
            if (next_day < days.size() && day_number(days[next_day].date) == e.day && !morning_applied) {
                placements.morning(days[next_day]);
                morning_applied = true;
            }
            while (counted < entries.size() && entries[counted].day < e.day) {
                persistent.add(entries[counted].session->date, entries[counted].session->pain);
                ++counted;
            }
        }
        const auto last_painful = persistent.last_painful();
        const bool resting = t.persistent_pain.on && persistent.painful() >= t.persistent_pain.count &&
                             last_painful && e.day - day_number(*last_painful) <= t.persistent_pain.recent_days;
        const PlacementPain& at = placements.of(e.session->on);
        const LoadKey load = held_load(*e.session, last_of_load);
        // Settled, but the step down not yet done: still held at it (one
        // function for check, the plan and the assessment).
        std::vector<const Session*> load_history;
        for (const Entry* h : history_of_load[load]) load_history.push_back(h->session);
        const bool step_first = step_down_pending(at, load_history, e.session->date, settled_level,
                                                  t.persistent_pain.recent_days, checker.log().profile, e.kind());
        const bool held = at.holds_back() || step_first;
        if (e.weighted()) today_entries.push_back(&e);
        if (!resting && !held) continue;
        Ceiling& ceiling = checker.ceiling(e);
        const auto last = last_of_load.find(load);
        const Entry* before = last == last_of_load.end() ? nullptr : last->second;
        bool raised = true;
        if (resting || before == nullptr) {
            // No weights in a rest; no new weighted load where pain holds back.
            ceiling.kg = 0;
        } else if (at.step_down) {
            // Above the danger level, or worse the next morning: one weight
            // step below the load that hurt (at the lightest weight, the
            // deload's share of its volume), then hold there.
            const Entry* hurt = before;
            for (const Entry* h : history_of_load[load]) {
                if (h->session->date <= at.painful->date) hurt = h;
            }
            // Already lighter since (the load before this day): hold there.
            double kg = hurt->kg;
            double cut = hurt->volume;
            if (const auto lighter = next_weight_down(checker.log().profile, hurt->session->on, *hurt->session->weight)) {
                kg = lighter->kg();
            } else {
                cut = std::max(1.0, std::floor(hurt->volume * policy::deload_factor + tolerance));
            }
            if (before != hurt && !above(before->kg, kg)) {
                if (below(before->kg, kg)) cut = before->volume;
                kg = before->kg;
                cut = std::min(cut, static_cast<double>(before->volume));
            }
            ceiling.kg = std::min(ceiling.kg, kg);
            if (!below(e.kg, kg)) ceiling.volume = std::min(ceiling.volume, cut);
            raised = above(e.kg, kg) || (!below(e.kg, kg) && e.volume > cut);
        } else {
            // Repeat, raise nothing: the last load as it was (its sets too,
            // as the plan repeats it: 1 x 10 is not 2 x 5).
            ceiling.kg = std::min(ceiling.kg, before->kg);
            if (e.kg >= before->kg) {
                ceiling.volume = std::min(ceiling.volume, static_cast<double>(before->volume));
                if (!is_timed(e.kind()) && before->session->sets) {
                    ceiling.sets = std::min(ceiling.sets, static_cast<double>(*before->session->sets));
                }
            }
            raised = e.kg > before->kg || (e.kg == before->kg && e.volume > before->volume);
        }
        if (!e.weighted() || !raised) continue;
        // A painful session is the pain rules' to speak for.
        if (checker.flagged(e, RuleId::pain, Severity::warning) ||
            checker.flagged(e, RuleId::persistent_pain, Severity::warning)) {
            continue;
        }
        if (resting) {
            const Date until = add_days(*last_painful, t.persistent_pain.recent_days);
            checker.report(
                e, RuleId::pain_hold, Severity::warning,
                fmt::format("{} on {} was done with weights during the rest after pain on {} of the last {} training "
                            "days",
                            e.activity->name, to_string(e.session->date), persistent.painful(), persistent.days()),
                fmt::format("the last painful day {}: rest from weights until {}", to_string(*last_painful),
                            to_string(until)),
                {{"painful_days", static_cast<long long>(persistent.painful())},
                 {"last_painful_date", to_string(*last_painful)},
                 {"rest_until", to_string(until)}},
                fmt::format("rest from weights until {}, and see a doctor or physiotherapist before training with "
                            "weights again",
                            to_string(until)),
                Remedy::rest);
            continue;
        }
        const std::string_view where = placement_text(e.session->on);
        const std::string was = before == nullptr
                                    ? fmt::format("no weighted {} on {} before it", e.activity->name, where)
                                    : fmt::format("{}{} {} before, for {}", e.activity->name,
                                                  before->session->side == Side::both
                                                      ? ""
                                                      : fmt::format(" ({})", to_string(before->session->side)),
                                                  checker.logged_mass(*before), volume_of(*before));
        if (step_first) {
            checker.report(
                e, RuleId::pain_hold, Severity::warning,
                fmt::format("{} on {} added load on {} before the step down after the pain of {} was done",
                            e.activity->name, to_string(e.session->date), where, to_string(at.painful->date)),
                fmt::format("{}, settled ({}), but no session of {} at the step down since; {}",
                            hold_evidence_text(at, e.session->on), pain_reading_text(*at.settled), e.activity->name,
                            was),
                {{"pain", static_cast<long long>(at.painful->pain)},
                 {"pain_date", to_string(at.painful->date)},
                 {"pain_check", std::string(at.painful->check ? "yes" : "no")},
                 {"settled_level", static_cast<long long>(settled_level)}},
                fmt::format("step down one weight step on {} and do it once without pain before raising it again",
                            where),
                Remedy::lighter_load);
            continue;
        }
        checker.report(
            e, RuleId::pain_hold, Severity::warning,
            fmt::format("{} on {} added load on {} before the pain of {} was known to have settled",
                        e.activity->name, to_string(e.session->date), where, to_string(at.painful->date)),
            fmt::format("{}, no pain check or session at {}/10 or less since; {}",
                        hold_evidence_text(at, e.session->on), settled_level, was),
            {{"pain", static_cast<long long>(at.painful->pain)},
             {"pain_date", to_string(at.painful->date)},
             {"pain_check", std::string(at.painful->check ? "yes" : "no")},
             {"settled_level", static_cast<long long>(settled_level)}},
            fmt::format("{} on {} ({})",
                        at.step_down ? "step down one weight step and hold there" : "repeat the last load, raise nothing",
                        where, hold_ends_text(at, settled_level)),
            Remedy::lighter_load);
    }
}

}  // namespace anklog::rules
