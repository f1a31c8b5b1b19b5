#pragma once
// plan: a safe, progressive next week from the log.
#include <string>
#include <string_view>
#include <vector>

#include <optional>

#include "anklog/date.hpp"
#include "anklog/log.hpp"
#include "anklog/names.hpp"
#include "anklog/rules.hpp"
#include "anklog/session.hpp"

namespace anklog {

enum class PlanLabel { start, repeat, progress, deload, step_down, come_back, eased };
inline constexpr NameTable plan_label_names{std::array{
    Named<PlanLabel>{PlanLabel::start, "start"},         Named<PlanLabel>{PlanLabel::repeat, "repeat"},
    Named<PlanLabel>{PlanLabel::progress, "progress"},   Named<PlanLabel>{PlanLabel::deload, "deload"},
    Named<PlanLabel>{PlanLabel::step_down, "step down"}, Named<PlanLabel>{PlanLabel::come_back, "come back"},
    Named<PlanLabel>{PlanLabel::eased, "eased"}}};
inline std::string_view to_string(PlanLabel label) { return plan_label_names.name(label); }

struct PlannedSession {
    Session session;     // date, activity, on, weight, minutes or sets/reps
    PlanLabel label = PlanLabel::repeat;
    std::string reason;  // one line, citing the history it came from
    // When the rule engine flagged the prescription, the rule it was eased
    // for; `session` then holds the eased load.
    std::optional<RuleId> eased_for;
};

struct PlanOptions {
    Date week_of{};  // any day of the week to plan (Monday to Sunday)
    int days = 3;    // weighted days wanted
    // The day the plan is asked on: the week's words count days from it
    // ("your last painful day was 15 days ago"), as today, check and summary
    // count from the day they assess, so that all say the same number on
    // the same day. A day after the week counts as its Sunday; absent, the
    // Sunday before the week.
    std::optional<Date> today{};
};

struct Week {
    Date monday{};
    int days_asked = 3;
    std::vector<PlannedSession> sessions;  // in date order
    std::vector<std::string> notes;        // why the week differs from what was asked
};

inline constexpr int max_plan_days = 5;  // at least 2 rest days

// The week of options.week_of, which must come after every session in the
// log (else anklog::Error: the rules would judge the plan against later
// sessions). Every planned session, appended to the log, raises nothing at
// warning or above in check(): the planner proposes, the rule engine
// verifies, and sessions it flags are shortened, lightened or dropped until
// it is satisfied.
Week plan(const Log& log, const PlanOptions& options);

}  // namespace anklog
