#include "render/summary_text.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "render/output.hpp"

namespace anklog::cli {

std::string days_text(int days) { return fmt::format("{} day{}", days, days == 1 ? "" : "s"); }

std::string column_legend(const std::vector<std::string>& shown, const std::vector<std::string>& left_out,
                          std::size_t width) {
    static const std::vector<std::pair<std::string_view, std::string_view>> meanings{
        {"days", "weighted days"},     {"gait", "weighted minutes"},       {"mobility", "weighted minutes"},
        {"strength", "weighted reps (sets x reps)"}, {"heaviest", "per limb"},
        {"load", "effort x minutes"},  {"pain", "the highest"},            {"warn", "findings of check"},
        {"danger", "findings of check"}, {"plan", "sessions done/planned"}};
    std::vector<std::string> parts;
    for (const auto& [column, meaning] : meanings) {
        if (std::find(shown.begin(), shown.end(), column) == shown.end()) continue;
        // Columns that mean the same are named together: "warn, danger: findings of check".
        if (!parts.empty() && parts.back().ends_with(meaning)) {
            parts.back().insert(parts.back().find(':'), fmt::format(", {}", column));
        } else {
            parts.push_back(fmt::format("{}: {}", column, meaning));
        }
    }
    std::string text = fmt::format("{}.", fmt::join(parts, "; "));
    if (!left_out.empty()) {
        text += fmt::format(" Left out to fit {} columns: {} (--format csv has every column).", width,
                            fmt::join(left_out, ", "));
    }
    return text;
}

std::string load_words(const Summary& summary) {
    if (summary.load.empty()) {
        return fmt::format("Load: no weighted training in the 28 days to {}, so no acute:chronic ratio.",
                           to_string(summary.until));
    }
    const LoadRatio& first = summary.load.front();
    std::vector<std::string> parts;
    for (const LoadRatio& r : summary.load) {
        // Like load-ramp, no zone before a whole chronic window of history.
        std::string part = fmt::format("{} {:.2f} (", to_string(r.family), *r.ratio);
        if (r.settled() && r.acute == 0) {
            // Stopped, not easing off: a client resting after pain 7/10 read
            // "easing off", which sounds like a choice; the standing says why.
            part += fmt::format("no weighted {} work in the last {} days", to_string(r.family), r.acute_days);
        } else if (r.settled()) {
            part += to_string(load_zone(*r.ratio, summary.spike_above));
        } else {
            // The count starts at the first weighted session, or the return
            // after a break (as load-ramp's), which is why a long log can say 7.
            part += fmt::format("not judged yet: {} of {} days since starting or coming back", r.history_days,
                                r.chronic_days);
        }
        parts.push_back(part + ")");
    }
    return fmt::format("Load (acute:chronic) in the {} days to {} against your average {} days of the last {}: {}.",
                       first.acute_days, to_string(summary.until), first.acute_days, first.chronic_days,
                       fmt::join(parts, ", "));
}

std::string plan_words(const Summary& summary, Severity standing) {
    if (!summary.has_plan) return {};
    if (summary.rest_week) {
        return fmt::format("Plan for the week of {}: a rest week (saved), nothing planned.",
                           to_string(week_start(summary.until)));
    }
    if (!summary.current_week) {
        return fmt::format("Plan: none saved for the week of {}.", to_string(week_start(summary.until)));
    }
    const PeriodTotals& week = *summary.current_week;
    std::vector<std::string> missed;
    int to_come = 0;
    for (const Session* s : week.plan.missed) {
        if (s->date < summary.until) {
            missed.push_back(fmt::format("{} on {}", s->activity, to_string(s->date)));
        } else {
            ++to_come;
        }
    }
    std::string text = fmt::format("Plan for the week of {}: {} of {} session{} done", to_string(week.start),
                                   week.plan.done, week.plan.planned, week.plan.planned == 1 ? "" : "s");
    if (to_come > 0) text += fmt::format(", {} to come", to_come);
    // Adherence is never good news over danger: "on track" only when the
    // assessment finds nothing that needs attention.
    if (missed.empty()) return text + (standing == Severity::note ? ", on track." : ".");
    return text + fmt::format("; not done: {}.", fmt::join(missed, ", "));
}

}  // namespace anklog::cli
