#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "engine.hpp"

namespace anklog {

namespace rules {

namespace {

std::size_t rule_index(std::string_view rule) {
    static const std::unordered_map<std::string_view, std::size_t> index = [] {
        std::unordered_map<std::string_view, std::size_t> out;
        const auto table = rule_table();
        for (std::size_t i = 0; i < table.size(); ++i) out.emplace(table[i].id, i);
        return out;
    }();
    return index.at(rule);
}

}  // namespace

Checker::Checker(const Log& log) : log_(log) {
    const auto ordered = in_date_order(log);
    entries_.reserve(ordered.size());
    for (const Session* session : ordered) {
        const Activity* activity = log.catalogue.find(session->activity);
        const int day = static_cast<int>(std::chrono::sys_days{session->date}.time_since_epoch().count());
        entries_.push_back(Entry{session, activity, day, session->weighted() ? session->weight->kg() : 0.0,
                                 volume(*session, activity->kind), entries_.size()});
    }
}

void Checker::report(const Entry& entry, std::string_view rule, Severity severity, std::string message,
                     std::string evidence, std::string advice) {
    const std::size_t index = rule_index(rule);
    const Rule* info = &rule_table()[index];
    const std::size_t key = entry.order * rule_table().size() + index;
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
    findings_.push_back(Finding{info->id, severity, entry.session->date, entry.session->activity, entry.session->line,
                                std::move(message), std::move(evidence), std::move(advice), info->cite});
    finding_of_entry_rule_.emplace(key, findings_.size() - 1);
}

std::vector<Finding> Checker::take_findings() {
    std::vector<Finding> out = std::move(findings_);
    std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
        if (a.date != b.date) return a.date < b.date;
        if (a.line != b.line) return a.line < b.line;
        return rule_index(a.rule) < rule_index(b.rule);
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

double start_light_max_kg(const Log& log) {
    return log.rules.value("start-light", log.profile.has_injury_history() ? "max_kg_with_injury" : "max_kg");
}

double gait_weight_limit_kg(const Log& log) {
    return log.rules.value("over-range",
                           log.profile.has_injury_history() ? "gait_warning_kg_with_injury" : "gait_warning_kg");
}

std::vector<Finding> check(const Log& log) {
    rules::Checker checker(log);
    rules::check_progression(checker);
    rules::check_load(checker);
    rules::check_sessions(checker);
    return checker.take_findings();
}

}  // namespace anklog
