#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "anklog/numeric.hpp"
#include "engine.hpp"

namespace anklog {

namespace rules {

int day_number(Date date) { return static_cast<int>(std::chrono::sys_days{date}.time_since_epoch().count()); }

Date date_of_day(int day) { return Date{std::chrono::sys_days{std::chrono::days{day}}}; }

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
        // Rest outweighs a lighter load: no load is proposed to someone told to rest.
        if (remedy == Remedy::rest) existing.remedy = Remedy::rest;
        if (severity > f.severity) {
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

std::optional<Session> Checker::suggestion_for(const Entry& entry) const {
    const Ceiling& c = ceilings_[entry.order];
    const Session& original = *entry.session;
    Session s;
    s.date = original.date;
    s.activity = original.activity;
    s.on = c.wrist ? Limb::wrist : original.on;

    std::optional<Mass> weight;
    if (entry.weighted()) {
        weight = above(entry.kg, c.kg) ? settable_at_most(log_.profile, c.kg) : original.weight;
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
    const bool same = s.on == original.on && weight.has_value() == original.weighted() &&
                      (!weight || compare(*weight, *original.weight) == 0) && s.minutes == original.minutes &&
                      s.sets == original.sets && s.reps == original.reps;
    if (same) return std::nullopt;  // nothing lighter to propose
    return s;
}

std::vector<Finding> Checker::take_findings() {
    // A session with a finding that says rest or stop gets no load proposed:
    // any load would contradict it.
    std::vector<bool> rest(entries_.size(), false);
    std::vector<bool> lighter(entries_.size(), false);
    std::vector<std::size_t> order_of(log_.sessions.size());
    for (const Entry& e : entries_) order_of[e.index] = e.order;
    for (const Pending& p : findings_) {
        const std::size_t order = order_of[p.finding.session];
        if (p.remedy == Remedy::rest && p.finding.severity >= Severity::warning) rest[order] = true;
        if (p.remedy == Remedy::lighter_load) lighter[order] = true;
    }
    std::unordered_map<std::size_t, std::optional<Session>> suggestions;
    std::vector<Finding> out;
    out.reserve(findings_.size());
    for (Pending& p : findings_) {
        Finding& f = p.finding;
        const std::size_t order = order_of[f.session];
        if (p.remedy == Remedy::lighter_load && !rest[order]) {
            auto [it, added] = suggestions.try_emplace(order);
            if (added) it->second = suggestion_for(entries_[order]);
            f.suggestion = it->second;
            if (f.suggestion) {
                f.advice += ": " + describe_load(*f.suggestion, entries_[order].kind());
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
    if (session.weighted() && session.on == Limb::wrist) load += " on the wrists";
    if (is_timed(kind)) return fmt::format("{} for {} min", load, session.minutes.value_or(0));
    return fmt::format("{} for {} x {}", load, session.sets.value_or(0), session.reps.value_or(0));
}

std::vector<Finding> check(const Log& log) {
    rules::Checker checker(log);
    rules::check_progression(checker);
    rules::check_load(checker);
    rules::check_sessions(checker);
    return checker.take_findings();
}

}  // namespace anklog
