// assess(): where the person stands on a date, built once from the log.
#include "anklog/assess.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "anklog/check.hpp"
#include "anklog/pain.hpp"
#include "anklog/thresholds.hpp"

namespace anklog {

std::string_view to_string(Phase phase) {
    switch (phase) {
    case Phase::starting: return "starting";
    case Phase::building: return "building";
    case Phase::holding: return "holding";
    case Phase::stepping_down: return "stepping down after pain";
    case Phase::resting: return "resting";
    case Phase::coming_back: return "coming back";
    case Phase::deload: return "deload";
    }
    return "";
}

const LoadState* Assessment::find(const LoadKey& key) const {
    const auto it = std::find_if(loads.begin(), loads.end(), [&](const LoadState& s) { return s.load == key; });
    return it == loads.end() ? nullptr : &*it;
}

std::optional<Date> painful_day(const PlacementPain& at) {
    if (!at.painful) return std::nullopt;
    return at.painful->date;
}

Severity unsettled_pain_severity(int worst_pain, int danger_level) {
    return worst_pain > danger_level ? Severity::danger : Severity::warning;
}

namespace {

// The highest reading of a placement's pain not yet settled.
int worst_of(const PlacementPain& at) {
    int worst = at.painful ? at.painful->pain : 0;
    if (at.worse) worst = std::max(worst, at.worse->pain);
    return worst;
}

std::string load_reading(const PainReading& r) {
    return fmt::format("{} {}/10 on {}", r.check ? "pain check" : "pain", r.pain, to_string(r.date));
}

class Assessor {
public:
    Assessor(const Log& log, Date date) : log_(log), limits_(thresholds_of(log)), date_(date) {
        out_.date = date;
        for (const Session* s : in_date_order(log)) {
            if (s->date <= date) sessions_.push_back(s);
        }
    }

    Assessment run() {
        days();
        pain();
        unchecked_holds();
        loads();
        attention();
        return std::move(out_);
    }

private:
    void days() { days_ = reading_days(log_, date_); }

    // Silbernagel et al. 2007, per placement: a painful day holds back the
    // placement it loaded until a later reading at or below the settled level.
    void pain() {
        PainState& p = out_.pain;
        const int painful_from = limits_.pain.raised_after;
        p.settled_level = std::max(0, painful_from - 1);
        PlacementPains placements(painful_from, p.settled_level, limits_.pain.danger,
                                  limits_.persistent_pain.recent_days);
        for (const ReadingDay& day : days_) placements.add(day);
        placements.judge_on(date_);
        p.at = placements.at();

        // persistent-pain's count, over training days.
        const auto& persistent = limits_.persistent_pain;
        if (!persistent.on) return;
        PainDays count(persistent.pain, persistent.of_last);
        for (const Session* s : sessions_) count.add(s->date, s->pain);
        if (count.painful() < persistent.count) return;
        p.persistent_last = count.last_painful();
        p.persistent_days = count.painful();
        p.resting_until = add_days(*p.persistent_last, persistent.recent_days);
        p.resting = date_ <= *p.resting_until;
        // Coming back needs evidence: the latest reading since the painful
        // days says whether it settled (at or below the settled level) or
        // not (above it); without one, check first.
        if (const auto latest = latest_after(*p.persistent_last)) {
            if (latest->pain <= p.settled_level) {
                p.settled_after = latest;
            } else {
                p.not_settled = latest;
            }
        }
        if (!p.resting && !p.settled_after && !p.not_settled) p.check_due = true;
    }

    // A hold that ended without a reading at or below the settled level
    // (outside a persistent run): a pain check is due as well.
    void unchecked_holds() {
        PainState& p = out_.pain;
        if (p.persistent_last) return;
        for (const PlacementPain& at : p.at) {
            if (unchecked_hold(at)) p.check_due = true;
        }
    }

    // The latest reading after `date`: of its last day with one, the day's
    // session pain (the later of the day), else its pain check.
    [[nodiscard]] std::optional<PainReading> latest_after(Date date) const {
        for (auto it = days_.rbegin(); it != days_.rend() && it->date > date; ++it) {
            if (it->session_pain) return PainReading{it->date, *it->session_pain, false, it->line, it->activity};
            if (it->check_pain) return PainReading{it->date, *it->check_pain, true, it->line, {}};
        }
        return std::nullopt;
    }

    void loads() {
        std::map<LoadKey, std::vector<const Session*>> by_load;
        std::map<std::string, std::vector<const Session*>> by_activity;
        for (const Session* s : sessions_) by_activity[s->activity].push_back(s);
        for (const auto& [activity, sessions] : by_activity) {
            std::array<bool, 2> used{};
            for (const Session* s : sessions) used[static_cast<std::size_t>(s->on)] = true;
            for (const Limb on : {Limb::ankle, Limb::wrist}) {
                if (!used[static_cast<std::size_t>(on)]) continue;
                // Each side its own load once a session of its series names
                // one (as the rules and the planner): its own sessions and
                // those of both sides.
                const bool sided = std::any_of(sessions.begin(), sessions.end(), [on](const Session* s) {
                    return s->side != Side::both && (!s->weighted() || s->on == on);
                });
                for (const Side side : sided ? std::array{Side::left, Side::right} : std::array{Side::both, Side::both}) {
                    auto& series = by_load[LoadKey{activity, on, side}];
                    for (const Session* s : sessions) {
                        const bool of_side = side == Side::both || s->side == side || s->side == Side::both;
                        if (of_side && (!s->weighted() || s->on == on)) series.push_back(s);
                    }
                    if (series.empty()) by_load.erase(LoadKey{activity, on, side});
                    if (!sided) break;
                }
            }
        }
        const PainState& pain = out_.pain;
        for (const auto& [key, series] : by_load) {
            const Activity* activity = log_.catalogue.find(key.activity);
            LoadState state;
            state.load = key;
            state.kind = activity ? activity->kind : Kind::gait;
            state.last = *series.back();
            const Session* best = nullptr;
            const Session* last_weighted = nullptr;
            // After pain here, the working level is what the person did since.
            const Limb on = key.on;
            const std::optional<Date> hurt = painful_day(pain.of(on));
            const bool since_pain = hurt && std::any_of(series.begin(), series.end(), [&](const Session* s) {
                return s->weighted() && s->on == on && s->date > *hurt;
            });
            for (const Session* s : series) {
                if (!s->weighted() || s->on != key.on) continue;
                last_weighted = s;
                if (days_between(s->date, date_) > limits_.weight_and_volume.window_days ||
                    (since_pain && s->date <= *hurt)) {
                    continue;
                }
                const int heavier = best ? compare(*s->weight, *best->weight) : 1;
                if (heavier > 0 || (heavier == 0 && volume(*s, state.kind) > volume(*best, state.kind))) best = s;
            }
            if (best || last_weighted) state.working = best ? *best : *last_weighted;
            const PlacementPain& at = pain.of(key.on);
            const int gap = days_between(series.back()->date, date_);
            if (pain.resting) {
                state.phase = Phase::resting;
                state.why = fmt::format("pain on {} of the last {} training days, the last on {}: rest until {}",
                                        pain.persistent_days, limits_.persistent_pain.of_last,
                                        to_string(*pain.persistent_last), to_string(*pain.resting_until));
            } else if (pain.persistent_last && pain.not_settled) {
                state.phase = Phase::stepping_down;
                state.why = fmt::format("after pain (the last painful day {}); not settled: {}, above {}/10",
                                        to_string(*pain.persistent_last), load_reading(*pain.not_settled),
                                        pain.settled_level);
            } else if (pain.persistent_last && *pain.persistent_last >= series.back()->date) {
                state.phase = Phase::coming_back;
                state.why = pain.settled_after
                                ? fmt::format("after pain (the last painful day {}); settled: {}",
                                              to_string(*pain.persistent_last), load_reading(*pain.settled_after))
                                : fmt::format("after pain (the last painful day {}); no pain check since",
                                              to_string(*pain.persistent_last));
            } else if (at.holds_back()) {
                state.phase = at.step_down ? Phase::stepping_down : Phase::holding;
                state.why = fmt::format("{}; not yet settled", hold_evidence_text(at, key.on));
            } else if (std::vector<const Session*> weighted = weighted_at(series, key.on);
                       step_down_pending(at, weighted, add_days(date_, 1), pain.settled_level,
                                         limits_.persistent_pain.recent_days, log_.profile, state.kind)) {
                state.phase = Phase::stepping_down;
                state.step_first = true;
                state.why = fmt::format("{}; settled ({}), but the step down comes first",
                                        hold_evidence_text(at, key.on), pain_reading_text(*at.settled));
            } else if (!last_weighted) {
                state.phase = Phase::starting;
                state.why = fmt::format("no session with weights on {} yet", placement_text(key.on, key.side));
            } else if (gap >= limits_.return_after_break.break_days) {
                state.phase = Phase::coming_back;
                state.why = fmt::format("{} days since the last ({})", gap, to_string(series.back()->date));
            } else {
                state.phase = Phase::building;
                state.why = fmt::format("from {}", describe_load(*state.working, state.kind));
            }
            out_.loads.push_back(std::move(state));
        }
    }

    void attention() {
        const PainState& p = out_.pain;
        auto& out = out_.attention;
        // The last training day's worst finding: a danger there is never
        // clean, and with no pain check since it stays danger.
        const std::vector<Finding> findings = check(log_);
        std::optional<Date> last_day;
        for (const Session* s : sessions_) last_day = s->date;
        const Finding* worst = nullptr;
        for (const Finding& f : findings) {
            if (last_day && f.date == *last_day && (!worst || f.severity > worst->severity)) worst = &f;
        }
        const bool last_day_danger = worst != nullptr && worst->severity == Severity::danger;
        if (p.resting) {
            out.push_back({Severity::danger,
                           fmt::format("resting after pain on {} of the last {} training days (the last on {}), until "
                                       "{}: see a doctor or physiotherapist before training with weights again",
                                       p.persistent_days, limits_.persistent_pain.of_last, to_string(*p.persistent_last),
                                       to_string(*p.resting_until))});
        } else if (p.persistent_last && p.not_settled) {
            // Silbernagel et al. 2007: pain above 5, or higher than before,
            // steps down; above the settled level, it has not settled.
            // Pain that kept coming back (persistent-pain, a danger) stays
            // danger until a reading says it settled.
            out.push_back({Severity::danger,
                           fmt::format("pain not settled after the rest: {} (above {}/10; the last painful day {}): "
                                       "keep the weights off, check again (anklog pain N), and see a doctor or "
                                       "physiotherapist if it persists",
                                       load_reading(*p.not_settled), p.settled_level,
                                       to_string(*p.persistent_last))});
        } else if (p.persistent_last && p.check_due) {
            // No reading since pain that kept coming back: still danger.
            out.push_back({Severity::danger,
                           fmt::format("coming back after pain (the last painful day {}, {} days ago), no pain check "
                                       "since: check it first (anklog pain N); come back if it is {}/10 or less, "
                                       "else see a physiotherapist",
                                       to_string(*p.persistent_last), days_between(*p.persistent_last, date_),
                                       p.settled_level)});
        }
        // A hold that ended without a reading: the plan asks for a pain
        // check first, and so does every view of the assessment.
        if (!p.persistent_last) {
            for (const Limb on : {Limb::ankle, Limb::wrist}) {
                if (!unchecked_hold(p.of(on))) continue;
                out.push_back({unsettled_pain_severity(worst_of(p.of(on)), limits_.pain.danger),
                               unchecked_hold_text(p.of(on), on, p.settled_level)});
            }
        }
        // A settled pain whose step down is not yet done: plan and check
        // hold it, and so does the standing.
        for (const LoadState& load : out_.loads) {
            if (!load.step_first) continue;
            out.push_back({Severity::warning,
                           fmt::format("{}, settled ({}), but the step down comes first: {} one weight step lighter "
                                       "on {}, once without pain, before its load goes back up",
                                       hold_evidence_text(p.of(load.load.on), load.load.on),
                                       pain_reading_text(*p.of(load.load.on).settled), load.load.activity,
                                       placement_text(load.load.on, load.load.side))});
        }
        for (const Limb on : {Limb::ankle, Limb::wrist}) {
            const PlacementPain& at = p.of(on);
            // Pain of a persistent run is said once, by the lines above.
            if (!at.holds_back() || p.resting || (p.persistent_last && at.painful->date <= *p.persistent_last)) continue;
            out.push_back({unsettled_pain_severity(worst_of(at), limits_.pain.danger),
                           fmt::format("{}: {} all work on {}; {}", hold_evidence_text(at, on),
                                       at.step_down ? "step down" : "hold", placement_text(on),
                                       hold_ends_text(at, p.settled_level))});
        }
        if (last_day_danger) {
            // Pain's dangers are the pain state's to speak for (resting,
            // holding or stepping down, a pain check due: danger above
            // 5/10 until a reading settles it), which says what comes
            // next; once settled, they are no longer danger.
            const bool pain_rule = worst->rule == RuleId::pain || worst->rule == RuleId::persistent_pain;
            const bool said = pain_rule || std::any_of(out.begin(), out.end(), [](const Attention& a) {
                                  return a.severity == Severity::danger;
                              });
            if (!said) {
                out.push_back({Severity::danger,
                               fmt::format("the last training day ({}) ended in danger[{}]: {}", to_string(*last_day),
                                           to_string(worst->rule), worst->message),
                               true});
            }
        }
        std::stable_sort(out.begin(), out.end(),
                         [](const Attention& a, const Attention& b) { return a.severity > b.severity; });
        if (!out.empty()) {
            out_.headline = out.front().what;
            out_.severity = out.front().severity;
        } else if (sessions_.empty()) {
            out_.headline = "nothing logged yet";
        } else {
            out_.headline = "nothing needs attention";
        }
    }

    // The load's weighted sessions at a placement, in date order.
    static std::vector<const Session*> weighted_at(const std::vector<const Session*>& series, Limb on) {
        std::vector<const Session*> out;
        for (const Session* s : series) {
            if (s->weighted() && s->on == on) out.push_back(s);
        }
        return out;
    }

    const Log& log_;
    Thresholds limits_;
    Date date_;
    std::vector<const Session*> sessions_;  // on or before date_, in date order
    std::vector<ReadingDay> days_;          // in date order
    Assessment out_;
};

}  // namespace

Assessment assess(const Log& log, Date date) { return Assessor(log, date).run(); }

}  // namespace anklog
