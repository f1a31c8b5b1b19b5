// prescription: a session outside the clinician's prescription in force for
// its activity that day, or a weighted activity no prescription names while
// one is in force.
#include <fmt/format.h>

#include <algorithm>

#include "anklog/numeric.hpp"
#include "anklog/prescription.hpp"
#include "engine.hpp"

namespace anklog::rules {

namespace {

// "sets 4 > 3", for each count above its range's top.
void above_count(std::vector<std::string>& over, std::vector<Evidence>& data, std::string_view name,
                 const std::optional<int>& value, const std::optional<CountRange>& range) {
    if (!value || !range || *value <= range->to) return;
    over.push_back(fmt::format("{} {} > {}", name, *value, range->to));
    data.push_back({name, static_cast<long long>(*value)});
}

// A finding when session `e` goes above a range's top of `rx`; the top of
// its weight range caps the session's ceiling.
void judge_session(Checker& checker, const Entry& e, const Prescription& rx) {
    const Log& log = checker.log();
    const Session& s = *e.session;
    Ceiling& ceiling = checker.ceiling(e);
    std::vector<std::string> over;
    std::vector<Evidence> data;
    if (rx.weight) {
        const double top = rx.weight->to.kg();
        ceiling.kg = std::min(ceiling.kg, top);
        if (above(e.kg, top)) {
            over.push_back(fmt::format("weight {} > {}", checker.logged_mass(e), checker.mass(top)));
            data.push_back({"weight_kg", e.kg});
        }
    }
    above_count(over, data, "sets", s.sets, rx.sets);
    above_count(over, data, "reps", s.reps, rx.reps);
    above_count(over, data, "minutes", s.minutes, rx.minutes);
    if (over.empty()) return;
    data.push_back({"prescription_line", static_cast<long long>(rx.line)});
    std::string evidence;
    for (const std::string& part : over) evidence += (evidence.empty() ? "" : ", ") + part;
    checker.report(e, RuleId::prescription, Severity::warning,
                   fmt::format("{} on {} went above the prescription", e.activity->name, to_string(s.date)),
                   fmt::format("{} (prescribed {})", evidence, dose_text(rx, written_unit(rx, log.profile.units))),
                   std::move(data),
                   fmt::format("stay inside the prescription: {}, or ask your clinician for a new one",
                               dose_text(rx, written_unit(rx, log.profile.units))));
}

}  // namespace

void check_prescriptions(Checker& checker) {
    const Log& log = checker.log();
    if (!checker.thresholds().prescription.on || log.prescriptions.empty()) return;
    for (const Entry& e : checker.entries()) {
        const Session& s = *e.session;
        const std::vector<const Prescription*> in_force = prescriptions_in_force(log.prescriptions, s.date);
        if (in_force.empty()) continue;
        const bool named = std::any_of(in_force.begin(), in_force.end(),
                                       [&](const Prescription* p) { return p->activity == s.activity; });
        if (!named) {
            if (!e.weighted()) continue;
            checker.report(e, RuleId::prescription, Severity::note,
                           fmt::format("{} on {} is not in the prescription in force", e.activity->name,
                                       to_string(s.date)),
                           fmt::format("a weighted {} while the prescription names only {}", e.activity->name,
                                       [&] {
                                           std::string names;
                                           std::vector<std::string_view> seen;  // left and right: once
                                           for (const Prescription* p : in_force) {
                                               if (std::find(seen.begin(), seen.end(), p->activity) != seen.end()) {
                                                   continue;
                                               }
                                               seen.emplace_back(p->activity);
                                               names += (names.empty() ? "" : ", ") + p->activity;
                                           }
                                           return names;
                                       }()),
                           {{"prescription_line", static_cast<long long>(in_force.front()->line)}},
                           "ask your clinician before adding weighted work they did not prescribe");
            continue;
        }
        // A prescription of the left side judges left and both-sides
        // sessions; the right side's are not its business (a both-sides
        // session is judged by each side's prescription).
        for (const Prescription* judge : in_force) {
            if (judge->activity == s.activity && judges_side(*judge, s.side)) judge_session(checker, e, *judge);
        }
    }
}

}  // namespace anklog::rules
