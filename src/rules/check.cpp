#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include "anklog/load.hpp"
#include "anklog/numeric.hpp"
#include "anklog/pain.hpp"
#include "engine.hpp"

namespace anklog {

namespace rules {

int day_number(Date date) { return static_cast<int>(std::chrono::sys_days{date}.time_since_epoch().count()); }

Date date_of_day(int day) { return Date{std::chrono::sys_days{std::chrono::days{day}}}; }

std::string named(const Entry& entry) {
    if (entry.session->side == Side::both) return entry.activity->name;
    return fmt::format("{} on {}", entry.activity->name, placement_text(entry.session->on, entry.session->side));
}

Checker::Checker(const Log& log) : log_(log), thresholds_(thresholds_of(log)) {
    const auto ordered = in_date_order(log);
    entries_.reserve(ordered.size());
    for (const Session* session : ordered) {
        const Activity* activity = log.catalogue.find(session->activity);
        entries_.push_back(Entry{session, static_cast<std::size_t>(session - log.sessions.data()), activity,
                                 day_number(session->date), session->weighted() ? session->weight->kg() : 0.0,
                                 volume(*session, activity->kind), entries_.size()});
    }
    ceilings_.resize(entries_.size());
}

void Checker::report(const Entry& entry, RuleId rule, Severity severity, std::string message, std::string evidence,
                     std::vector<Evidence> data, std::string advice) {
    report(entry, rule, severity, std::move(message), std::move(evidence), std::move(data), std::move(advice),
           anklog::rule(rule).remedy);
}

void Checker::report(const Entry& entry, RuleId rule, Severity severity, std::string message, std::string evidence,
                     std::vector<Evidence> data, std::string advice, Remedy remedy) {
    const std::size_t key = entry.order * rule_count + static_cast<std::size_t>(rule);
    if (const auto found = finding_of_entry_rule_.find(key); found != finding_of_entry_rule_.end()) {
        Pending& existing = findings_[found->second];
        Finding& f = existing.finding;
        // Rest outweighs a lighter load: no load is proposed to someone told
        // to rest, and the advice is the rest's.
        // The same finding again (a session of both sides, judged as each
        // side with the same history): nothing to add.
        if (severity == f.severity && message == f.message && f.evidence == evidence) return;
        const bool now_rest = remedy == Remedy::rest && existing.remedy != Remedy::rest;
        if (remedy == Remedy::rest) existing.remedy = Remedy::rest;
        if (severity > f.severity || (now_rest && severity == f.severity)) {
            f.severity = severity;
            f.message = std::move(message);
            f.advice = std::move(advice);
            f.evidence = evidence + "; " + f.evidence;
        } else {
            f.evidence += "; " + evidence;
        }
        for (Evidence& item : data) f.data.push_back(std::move(item));
        return;
    }
    findings_.push_back(Pending{Finding{rule, severity, entry.index, entry.session->date, entry.session->activity,
                                        std::move(message), std::move(evidence), std::move(data), std::move(advice),
                                        std::nullopt},
                                remedy});
    finding_of_entry_rule_.emplace(key, findings_.size() - 1);
}

bool Checker::flagged(const Entry& entry, RuleId rule, Severity at_least) const {
    const auto found = finding_of_entry_rule_.find(entry.order * rule_count + static_cast<std::size_t>(rule));
    return found != finding_of_entry_rule_.end() && findings_[found->second].finding.severity >= at_least;
}

std::optional<Session> Checker::suggestion_for(const Entry& entry) const {
    const Ceiling& c = ceilings_[entry.order];
    const Session& original = *entry.session;
    Session s;
    s.date = original.date;
    s.activity = original.activity;
    s.on = c.wrist ? Limb::wrist : original.on;
    s.side = original.side;

    std::optional<Mass> weight;
    if (entry.weighted()) {
        weight = above(entry.kg, c.kg) ? settable_at_most(log_.profile, s.on, c.kg) : original.weight;
        // With equipment at that placement, a weight it cannot make (logged
        // by hand, or moved from the ankles to the wrists) becomes the
        // setting below, as the plan's does (the coherence law with cuffs).
        const auto& kit = log_.profile.equipment;
        const bool equipped = std::any_of(kit.begin(), kit.end(), [&](const Equipment& e) { return e.on == s.on; });
        if (weight && equipped) {
            const auto settings = owned_settings(log_.profile, s.on);
            const bool settable = std::any_of(settings.begin(), settings.end(),
                                              [&](const Mass& m) { return compare(m, *weight) == 0; });
            if (!settable) weight = settable_at_most(log_.profile, s.on, weight->kg());
        }
    }
    double volume = std::min({static_cast<double>(entry.volume), c.volume, c.any_volume});
    if (weight && above(weight->kg(), c.working_kg)) volume = std::min(volume, c.working_volume);
    if (weight && c.budget < volume) {
        if (c.budget >= 1) {
            volume = c.budget;
        } else {
            weight.reset();  // no weighted volume left: the same session without weights
        }
    }
    if (!weight) volume = std::min(static_cast<double>(entry.volume), c.any_volume);
    const int whole = std::max(1, static_cast<int>(std::floor(volume + tolerance)));
    if (is_timed(entry.kind())) {
        s.minutes = whole;
    } else {
        int sets = original.sets.value_or(1);
        if (weight) sets = std::min(sets, static_cast<int>(std::min(c.sets, 1e6)));
        sets = std::max(1, sets);
        int reps = std::min(original.reps.value_or(1), whole / sets);
        if (reps < 1) {
            reps = 1;
            sets = whole;
        }
        s.sets = sets;
        s.reps = reps;
    }
    s.weight = weight;
    // Without weights a session keeps its own placement: its history (and
    // so what the rules accept of it) is that placement's.
    if (!weight) s.on = original.on;
    const bool same = s.on == original.on && weight.has_value() == original.weighted() &&
                      (!weight || compare(*weight, *original.weight) == 0) && s.minutes == original.minutes &&
                      s.sets == original.sets && s.reps == original.reps;
    if (same) return std::nullopt;  // nothing lighter to propose
    return s;
}

std::vector<Finding> Checker::take_findings() {
    std::vector<std::size_t> order_of(log_.sessions.size());
    for (const Entry& e : entries_) order_of[e.index] = e.order;
    // The most protective advice stands for a day: pain belongs to the
    // person, so where pain says rest or stop (pain or persistent-pain at
    // warning or above), every finding on that day's sessions gives that
    // advice (the most severe; persistent-pain's on a tie), keeping its own
    // evidence, and proposes no load. Under a pain hold (a warning: "repeat
    // this load"), over-range keeps its own advice (the most the weights may
    // be, or without them): repeating would repeat the load it calls too
    // heavy. Under a danger ("stop"), stopping is the most protective.
    std::map<int, const Finding*> protective;  // by day
    for (const Pending& p : findings_) {
        const bool pain = p.finding.rule == RuleId::pain || p.finding.rule == RuleId::persistent_pain;
        if (!pain || p.remedy != Remedy::rest || p.finding.severity < Severity::warning) continue;
        const Finding*& best = protective[entries_[order_of[p.finding.session]].day];
        if (!best || p.finding.severity > best->severity ||
            (p.finding.severity == best->severity && p.finding.rule == RuleId::persistent_pain &&
             best->rule != RuleId::persistent_pain)) {
            best = &p.finding;
        }
    }
    // A session told to rest otherwise (rest days: no-rest) gets its dose
    // for another day, after a rest day: the load is fine, the day is not.
    std::vector<bool> pain_rest(entries_.size(), false);
    std::vector<bool> day_rest(entries_.size(), false);
    for (const Pending& p : findings_) {
        const std::size_t order = order_of[p.finding.session];
        if (protective.contains(entries_[order].day)) pain_rest[order] = true;
        if (p.remedy == Remedy::rest && p.finding.severity >= Severity::warning) day_rest[order] = true;
    }
    std::map<int, std::pair<std::string, Severity>> protective_advice;
    for (const auto& [day, finding] : protective) protective_advice[day] = {finding->advice, finding->severity};
    for (Pending& p : findings_) {
        const auto it = protective_advice.find(entries_[order_of[p.finding.session]].day);
        if (it == protective_advice.end()) continue;
        const auto& [advice, severity] = it->second;
        if (p.finding.rule != RuleId::over_range || severity == Severity::danger) p.finding.advice = advice;
    }
    std::unordered_map<std::size_t, std::optional<Session>> suggestions;
    std::vector<Finding> out;
    out.reserve(findings_.size());
    for (Pending& p : findings_) {
        Finding& f = p.finding;
        const std::size_t order = order_of[f.session];
        if (p.remedy == Remedy::lighter_load && !pain_rest[order]) {
            auto [it, added] = suggestions.try_emplace(order);
            if (added) it->second = suggestion_for(entries_[order]);
            if (it->second) {
                f.advice += ": " + describe_load(*it->second, entries_[order].kind());
                // A dose between two settings of the person's cuffs: the lower, said so.
                const Entry& entry = entries_[order];
                // Or nothing owned light enough: what to buy.
                if (entry.weighted() && above(entry.kg, ceilings_[order].kg)) {
                    const Limb on = it->second->weight ? it->second->on : entry.session->on;
                    const auto chosen = settable_at_most(log_.profile, on, ceilings_[order].kg);
                    const bool same = chosen && it->second->weight && compare(*chosen, *it->second->weight) == 0;
                    if (same || (!chosen && !it->second->weight)) {
                        const std::string between = between_settings_text(log_.profile, on, ceilings_[order].kg, chosen);
                        if (!between.empty()) f.advice += " (" + between + ")";
                    }
                }
                // Done instead on this day, it would still break the rest
                // day: no session to put in its place, a dose for later.
                if (day_rest[order]) {
                    f.advice += ", after a rest day";
                } else {
                    f.suggestion = it->second;
                }
            }
        }
        out.push_back(std::move(f));
    }
    findings_.clear();
    std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
        if (a.date != b.date) return a.date < b.date;
        if (a.session != b.session) return a.session < b.session;
        return a.rule < b.rule;
    });
    return out;
}

std::string Checker::logged_mass(const Entry& entry) const {
    if (!entry.weighted()) return "no weights";
    return format_mass_exact(*entry.session->weight);
}

std::string Checker::mass(double kg) const { return format_mass(Mass{kg, Unit::kg}, log_.profile.units); }

std::string Checker::limit(double kg) const { return limit_text(log_.profile, kg); }

std::string amount(Kind kind, double volume) {
    return is_timed(kind) ? fmt::format("{:.0f} min", volume) : fmt::format("{:.0f} reps", volume);
}

std::string_view volume_word(Kind kind) { return is_timed(kind) ? "duration" : "volume"; }

std::string_view volume_unit(Kind kind) { return is_timed(kind) ? "min" : "reps"; }

std::string volume_of(const Entry& entry) {
    if (is_timed(entry.kind())) return amount(entry.kind(), entry.volume);
    return fmt::format("{} ({} x {})", amount(entry.kind(), entry.volume), entry.session->sets.value_or(0),
                       entry.session->reps.value_or(0));
}

}  // namespace rules

std::string describe_load(const Session& session, Kind kind) {
    // Weights are shown as they are set: as owned or logged, in their own unit.
    std::string load = session.weighted() ? format_mass_exact(*session.weight) : std::string("without weights");
    if (session.weighted() && session.side != Side::both) {
        load += " on " + placement_text(session.on, session.side);
    } else if (session.weighted() && session.on == Limb::wrist) {
        load += " on the wrists";
    } else if (session.side != Side::both) {
        load += fmt::format(", {} side", to_string(session.side));
    }
    if (is_timed(kind)) return fmt::format("{} for {} min", load, session.minutes.value_or(0));
    return fmt::format("{} for {} x {}", load, session.sets.value_or(0), session.reps.value_or(0));
}

namespace {

// The `count` latest distinct days of those added, oldest first. A log in date
// order adds each day at the end.
class LatestDays {
public:
    explicit LatestDays(std::size_t count) : count_(std::max<std::size_t>(count, 1)) {}
    void add(int day) {
        if (days_.size() == count_ && day < days_.front()) return;
        const auto at = std::lower_bound(days_.begin(), days_.end(), day);
        if (at != days_.end() && *at == day) return;
        days_.insert(at, day);
        if (days_.size() > count_) days_.erase(days_.begin());
    }
    [[nodiscard]] bool empty() const { return days_.empty(); }
    [[nodiscard]] int oldest() const { return days_.front(); }

private:
    std::size_t count_;
    std::vector<int> days_;
};

// The kind of each activity, looked up once per name: a log names a few.
class Kinds {
public:
    explicit Kinds(const Catalogue& catalogue) : catalogue_(catalogue) {}
    std::optional<Kind> of(std::string_view name) {
        for (const auto& [known, kind] : known_) {
            if (known == name) return kind;
        }
        const Activity* activity = catalogue_.find(name);
        if (!activity) return std::nullopt;
        known_.emplace_back(name, activity->kind);
        return activity->kind;
    }

private:
    const Catalogue& catalogue_;
    std::vector<std::pair<std::string_view, Kind>> known_;
};

}  // namespace

Log history_for_check(const Log& log, const std::vector<Session>& added) {
    using rules::day_number;
    Log slice;
    slice.profile = log.profile;
    slice.catalogue = log.catalogue;
    slice.rules = log.rules;
    slice.pain_checks = log.pain_checks;
    slice.prescriptions = log.prescriptions;
    const auto whole = [&] {
        slice.sessions = log.sessions;
        return slice;
    };
    if (added.empty()) return slice;  // no findings to give
    constexpr int none = std::numeric_limits<int>::min();
    int first_added = std::numeric_limits<int>::max();
    struct Added {
        std::string_view name;
        Kind kind;
        Limb on;  // its load: the activity at this placement
    };
    std::vector<Added> activities;  // of the added sessions
    for (const Session& s : added) {
        first_added = std::min(first_added, day_number(s.date));
        const Activity* activity = log.catalogue.find(s.activity);
        if (!activity || s.side != Side::both) return whole();
        activities.push_back({activity->name, activity->kind, s.on});
    }
    std::array<bool, 3> added_family{};
    for (const Added& a : activities) added_family[static_cast<std::size_t>(a.kind)] = true;
    const Thresholds t = thresholds_of(log);

    // What the history holds, in one pass.
    // The last day before the first added one with a session of each added
    // activity, and with a weighted one (sessions on that day itself are kept).
    std::vector<int> last_day(activities.size(), none);
    std::vector<int> last_weighted_day(activities.size(), none);
    std::array<int, 3> family_last_weighted{none, none, none};  // of each added family
    std::array<std::vector<int>, 3> family_days;                // each family's weighted days
    int first_weighted = none;
    int last_weighted = none;
    int last_old_weighted = none;  // the last weighted day early_days or more before the added ones
    LatestDays training_days(static_cast<std::size_t>(std::max(1, t.persistent_pain.of_last)));
    std::vector<int> all_training_days;  // every training day before the added ones, for the pain count at a load's last day
    Kinds kinds(log.catalogue);
    for (const Session& s : log.sessions) {
        const int day = day_number(s.date);
        if (day > first_added) return whole();  // added before a logged session: judged against later ones
        if (s.side != Side::both) return whole();  // sides: each side's history is its own (not sliced)
        training_days.add(day);
        all_training_days.push_back(day);
        for (std::size_t i = 0; i < activities.size(); ++i) {
            // The load's own series: its sessions at that placement, and the
            // activity's sessions without weights wherever they name.
            if (day == first_added || s.activity != activities[i].name) continue;
            if (s.weighted() && s.on != activities[i].on) continue;
            last_day[i] = std::max(last_day[i], day);
            if (s.weighted()) last_weighted_day[i] = std::max(last_weighted_day[i], day);
        }
        if (!s.weighted()) continue;
        first_weighted = first_weighted == none ? day : std::min(first_weighted, day);
        last_weighted = std::max(last_weighted, day);
        if (day <= first_added - t.no_rest.early_days) last_old_weighted = std::max(last_old_weighted, day);
        if (const auto kind = kinds.of(s.activity)) {
            int& last = family_last_weighted[static_cast<std::size_t>(*kind)];
            last = std::max(last, day);
            family_days[static_cast<std::size_t>(*kind)].push_back(day);
        }
    }

    // The slice starts on or before each day below; what each rule keeps
    // from before the added sessions is named with it. Every session from
    // that day on is kept, so a rule's state there depends only on sessions
    // before that day where the state is reset or the same either way.
    int from = first_added - std::max({t.weight_and_volume.window_days, t.weight_jump.window_days,
                                       t.volume_spike.window_days});  // each activity's working level, longest session
    const auto at_most = [&from](int day) {
        if (day != none) from = std::min(from, day);
    };
    // load-ramp: the acute and chronic windows at the family's last session
    // before a break, which starts the count again; the calendar weeks
    // compared; and the family's first day since its last break matters only
    // as "chronic_days ago or more", which it is from here on both ways.
    at_most(first_added - t.return_after_break.break_days - std::max(t.load_ramp.acute_days, t.load_ramp.chronic_days));
    const int compared_from = day_number(week_start(rules::date_of_day(first_added))) - 7 * t.load_ramp.weeks;
    at_most(compared_from);
    // load-ramp names a return after a break within the weeks it compares:
    // the session before that break shows it was one.
    for (std::size_t f = 0; f < family_days.size(); ++f) {
        std::vector<int>& days = family_days[f];
        if (!added_family[f] || days.size() < 2) continue;
        std::sort(days.begin(), days.end());
        for (std::size_t i = days.size() - 1; i > 0; --i) {
            if (days[i] < compared_from) break;
            if (days[i] - days[i - 1] >= t.return_after_break.break_days) {
                at_most(days[i - 1]);
                break;
            }
        }
    }
    // no-rest: weighted days in the last 7, and the muscle group's day before;
    // monotony: the 7 days up to an added session.
    at_most(first_added - 7);
    // progression rules: each added activity's last session and last
    // weighted session on an earlier day (the working level, whether it was
    // done with weights before, the session before a break, the one right
    // before).
    for (std::size_t i = 0; i < activities.size(); ++i) {
        at_most(last_day[i]);
        at_most(last_weighted_day[i]);
    }
    // return-after-break: whether pain was persistent on the last training
    // day before the added ones, counted over the of_last training days up
    // to it.
    std::sort(all_training_days.begin(), all_training_days.end());
    all_training_days.erase(std::unique(all_training_days.begin(), all_training_days.end()), all_training_days.end());
    {
        const auto before = std::lower_bound(all_training_days.begin(), all_training_days.end(), first_added);
        const auto back = std::min<std::ptrdiff_t>(std::distance(all_training_days.begin(), before),
                                                   std::max(1, t.persistent_pain.of_last));
        if (back > 0) at_most(*(before - back));
    }
    // monotony: whether the 7 days up to the family's last weighted session
    // were already monotonous (it fires when they become so).
    for (std::size_t f = 0; f < family_last_weighted.size(); ++f) {
        if (added_family[f] && family_last_weighted[f] != none) at_most(family_last_weighted[f] - 6);
    }
    // no-rest: the days in a row that an added session can continue.
    if (last_weighted != none && last_weighted >= first_added - 1) {
        std::vector<bool> weighted(static_cast<std::size_t>(last_weighted - first_weighted) + 1);
        for (const Session& s : log.sessions) {
            if (s.weighted()) weighted[static_cast<std::size_t>(day_number(s.date) - first_weighted)] = true;
        }
        int start = last_weighted;
        while (start > first_weighted && weighted[static_cast<std::size_t>(start - 1 - first_weighted)]) --start;
        at_most(start);
    }
    // no-rest's first weighted days: a first weighted day early_days or more
    // before the added sessions keeps them out of it, as the log's own first
    // weighted day does; without one, the log is that young.
    at_most(last_old_weighted != none ? last_old_weighted : first_weighted);
    // persistent-pain: the last of_last training days.
    if (!training_days.empty()) at_most(training_days.oldest());
    // pain-hold: each placement's painful day that no reading has settled
    // yet (and, for a pain check on a rest day, the training day before it,
    // whose work it follows). Pain checks are all kept.
    if (t.pain_hold.on) {
        const auto days = reading_days(log, rules::date_of_day(first_added - 1));
        PlacementPains placements(t.pain.raised_after, std::max(0, t.pain.raised_after - 1), t.pain.danger,
                                  t.persistent_pain.recent_days);
        for (const ReadingDay& day : days) placements.add(day);
        placements.judge_on(rules::date_of_day(first_added));
        for (const Limb on : {Limb::ankle, Limb::wrist}) {
            const PlacementPain& at = placements.of(on);
            if (!at.holds_back()) continue;
            const int painful = day_number(at.painful->date);
            at_most(painful);
            int training_before = none;
            for (const ReadingDay& day : days) {
                if (day.training && day_number(day.date) <= painful) training_before = day_number(day.date);
            }
            if (at.painful->check) at_most(training_before);
            // A step down is one step below each load's last session on or
            // before the painful day: keep those.
            std::map<std::string, int> hurt;
            for (const Session& s : log.sessions) {
                if (s.weighted() && s.on == on && day_number(s.date) <= painful) {
                    const auto [it, inserted] = hurt.try_emplace(s.activity, day_number(s.date));
                    if (!inserted) it->second = std::max(it->second, day_number(s.date));
                }
            }
            for (const auto& [activity, day] : hurt) at_most(day);
        }
    }

    for (const Session& s : log.sessions) {
        if (day_number(s.date) >= from) slice.sessions.push_back(s);
    }
    return slice;
}

std::vector<Finding> check(const Log& log) {
    rules::Checker checker(log);
    rules::check_progression(checker);
    rules::check_load(checker);
    rules::check_sessions(checker);
    rules::check_pain_hold(checker);
    rules::check_prescriptions(checker);
    return checker.take_findings();
}

}  // namespace anklog
