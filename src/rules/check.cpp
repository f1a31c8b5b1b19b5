#include <fmt/format.h>

#include <algorithm>

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
}

void Checker::report(const Entry& entry, RuleId rule, Severity severity, std::string message, std::string evidence,
                     std::string advice) {
    const std::size_t key = entry.order * rule_count + static_cast<std::size_t>(rule);
    if (const auto found = finding_of_entry_rule_.find(key); found != finding_of_entry_rule_.end()) {
        Finding& existing = findings_[found->second];
        if (severity > existing.severity) {
            existing.severity = severity;
            existing.message = std::move(message);
            existing.advice = std::move(advice);
            existing.evidence = evidence + "; " + existing.evidence;
        } else {
            existing.evidence += "; " + evidence;
        }
        return;
    }
    findings_.push_back(Finding{rule, severity, entry.index, entry.session->date, entry.session->activity,
                                std::move(message), std::move(evidence), std::move(advice)});
    finding_of_entry_rule_.emplace(key, findings_.size() - 1);
}

std::vector<Finding> Checker::take_findings() {
    std::vector<Finding> out = std::move(findings_);
    std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
        if (a.date != b.date) return a.date < b.date;
        if (a.session != b.session) return a.session < b.session;
        return a.rule < b.rule;
    });
    return out;
}

std::string Checker::mass(double kg) const { return format_mass(Mass{kg, Unit::kg}, log_.profile.units); }

std::string amount(Kind kind, double volume) {
    return is_timed(kind) ? fmt::format("{:.0f} min", volume) : fmt::format("{:.0f} reps", volume);
}

std::string_view volume_word(Kind kind) { return is_timed(kind) ? "duration" : "volume"; }

std::string volume_of(const Entry& entry) {
    if (is_timed(entry.kind())) return amount(entry.kind(), entry.volume);
    return fmt::format("{} ({} x {})", amount(entry.kind(), entry.volume), entry.session->sets.value_or(0),
                       entry.session->reps.value_or(0));
}

}  // namespace rules

std::vector<Finding> check(const Log& log) {
    rules::Checker checker(log);
    rules::check_progression(checker);
    rules::check_load(checker);
    rules::check_sessions(checker);
    return checker.take_findings();
}

}  // namespace anklog
