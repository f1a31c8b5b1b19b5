// A clinician's prescription applied to the dose anklog's own progression
// chose: its days, the bottom of each range to start, never above a top, a
// step only when the clinician's criterion allows it too.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "anklog/policy.hpp"
#include "anklog/prescription.hpp"
#include "prescribe.hpp"

namespace anklog::planning {

namespace {

// Whether a dose is below the bottom of any of the prescription's ranges.
bool below_bottom(const Dose& d, const anklog::Prescription& rx) {
    const auto below = [](int value, const std::optional<CountRange>& range) {
        return range && value > 0 && value < range->from;
    };
    return below(d.sets, rx.sets) || below(d.reps, rx.reps) || below(d.minutes, rx.minutes) ||
           (rx.weight && d.weight && compare(*d.weight, rx.weight->from) < 0);
}

}  // namespace

// The week inside the clinician's prescription `rx`: its days, a first
// session at the bottom of each range, never above a top, and a step only
// when the clinician's criterion allows it as well as anklog's rules (a
// repeat, a hold or a step down below the range stays: the more protective
// wins).
void keep_within(Prescription& p, const anklog::Prescription& rx, const std::vector<const Session*>& sessions,
                 Unit unit) {
    p.frequency = rx.days;
    Dose& d = p.dose;
    std::string why;
    if (sessions.empty()) {
        if (rx.sets) d.sets = rx.sets->from;
        if (rx.reps) d.reps = rx.reps->from;
        if (rx.minutes) d.minutes = rx.minutes->from;
        if (rx.weight) d.weight = rx.weight->from;
        p.label = PlanLabel::start;
        why = "the bottom of each range to start";
    } else if (below_bottom(dose_of(*sessions.back()), rx)) {
        // Below the prescribed ranges: anklog's own steps build toward their
        // bottom (the clinician's criterion is for steps within them), and
        // the reason says so, so that "2-3 x 10-15" beside "1 x 11" is not a
        // riddle.
        why = fmt::format("building toward it by anklog's steps ({})", p.reason);
    } else if (p.label == PlanLabel::progress && !criterion_met(rx.progress_when, sessions)) {
        d = dose_of(*sessions.back());
        p.label = PlanLabel::repeat;
        why = fmt::format("repeat until {}", criterion_text(*rx.progress_when));
    }
    const auto at_most = [](int& value, const std::optional<CountRange>& range) {
        if (range && value > range->to) value = range->to;
    };
    at_most(d.sets, rx.sets);
    at_most(d.reps, rx.reps);
    at_most(d.minutes, rx.minutes);
    if (rx.weight && d.weight && compare(*d.weight, rx.weight->to) > 0) d.weight = rx.weight->to;
    const std::string prescribed = fmt::format("prescribed {} ({})", dose_text(rx, written_unit(rx, unit)), source_text(rx));
    p.reason = why.empty() ? fmt::format("{}; {}", prescribed, p.reason) : fmt::format("{}: {}", prescribed, why);
}

std::optional<std::string> unprescribed_note(const History& history) {
    const auto in_force = prescriptions_in_force(history.log.prescriptions, history.monday);
    if (in_force.empty()) return std::nullopt;
    std::vector<std::string> recent;
    std::vector<std::string> ever;
    for (const Session* s : history.before) {
        const bool named = std::any_of(in_force.begin(), in_force.end(),
                                       [&](const anklog::Prescription* rx) { return rx->activity == s->activity; });
        if (named) continue;
        auto& names = days_between(s->date, history.monday) <= policy::recent_days ? recent : ever;
        if (std::find(names.begin(), names.end(), s->activity) == names.end()) names.push_back(s->activity);
    }
    std::vector<std::string>& names = recent.empty() ? ever : recent;
    if (names.empty()) return std::nullopt;
    std::sort(names.begin(), names.end());
    return fmt::format("{}: not in the prescription, not planned (ask the clinician to prescribe {})",
                       fmt::join(names, ", "), names.size() == 1 ? "it" : "them");
}

}  // namespace anklog::planning
