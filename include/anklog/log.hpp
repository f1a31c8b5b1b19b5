#pragma once
// A whole training log: profile, user-declared activities, rule settings,
// sessions.
#include <array>
#include <bitset>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anklog/activity.hpp"
#include "anklog/prescription.hpp"
#include "anklog/profile.hpp"
#include "anklog/rules.hpp"
#include "anklog/session.hpp"

namespace anklog {

// The [rules] table, checked against the rule table: rules switched off,
// and threshold overrides.
class RuleSettings {
public:
    [[nodiscard]] bool enabled(RuleId rule) const { return !off_[static_cast<std::size_t>(rule)]; }
    // The override from the log, else the rule table's default.
    [[nodiscard]] double value(Knob knob) const;

    void switch_off(RuleId rule) { off_.set(static_cast<std::size_t>(rule)); }
    void set(Knob knob, double value) { overrides_[static_cast<std::size_t>(knob)] = value; }

private:
    std::bitset<rule_count> off_;
    std::array<std::optional<double>, knob_count> overrides_{};
};

// A line "# anklog plan for the week of DATE", written above a saved week.
struct PlanSave {
    Date monday;
    int line = 0;
};

// A pain check without a workout (the next morning, a rest day): a
// [[pain]] block. Never a training day; the assessment reads it as evidence
// of how pain settled.
struct PainCheck {
    Date date{};
    int pain = 0;  // 0-10
    std::string note;
    int line = 0;  // line of its [[pain]] header; 0 if not from a file
};

struct Log {
    Profile profile;
    Catalogue catalogue;
    RuleSettings rules;
    std::vector<Session> sessions;  // in file order: what was done
    std::vector<Session> planned;   // [[planned]] blocks in file order: never counted as done
    std::vector<PainCheck> pain_checks;  // [[pain]] blocks in file order
    std::vector<Prescription> prescriptions;  // [[prescription]] blocks in file order
    std::vector<PlanSave> plan_saves;  // in file order
    // The log's identity (32 lowercase hex digits) from its first line
    // "# anklog id ...", or empty: calendar events are named from it.
    std::string id;
    // The line of `session = [...]` when the sessions are an inline array, to
    // which no [[session]] block can be appended; 0 otherwise.
    int inline_sessions_line = 0;
};

// The sessions in date order (stable: same-day sessions keep file order).
std::vector<const Session*> in_date_order(const Log& log);

// The planned sessions in effect, in date order: for a week saved more than
// once, those of its latest save (the blocks after that week's last "# anklog
// plan for the week of" line, up to the next such line); planned blocks of a
// week without such a line all count.
std::vector<const Session*> planned_in_effect(const Log& log);

// The weeks saved as rest weeks, in date order: those whose latest save (its
// marker line, as for planned_in_effect) has no planned session in effect.
std::vector<PlanSave> saved_rest_weeks(const Log& log);

}  // namespace anklog
