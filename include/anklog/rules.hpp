#pragma once
// The rule table: every rule anklog checks, with its thresholds and source.
// `check`, `plan`, `anklog rules`, the man page and the tests all read this
// table; a threshold lives here and nowhere else.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "anklog/names.hpp"

namespace anklog {

enum class Severity { note, warning, danger };
inline constexpr NameTable severity_names{std::array{
    Named<Severity>{Severity::note, "note"}, Named<Severity>{Severity::warning, "warning"},
    Named<Severity>{Severity::danger, "danger"}}};
inline std::string_view to_string(Severity severity) { return severity_names.name(severity); }

// Every rule. A finding names its rule with this type, so that a misspelt
// rule does not compile.
enum class RuleId : std::uint8_t {
    start_light,
    weight_and_volume,
    weight_jump,
    volume_spike,
    load_ramp,
    no_rest,
    monotony,
    ankle_weights_running,
    over_range,
    pain,
    persistent_pain,
    long_wear,
    return_after_break,
    pain_hold,
    prescription,
};
inline constexpr std::size_t rule_count = 15;

inline constexpr NameTable rule_names{std::array{
    Named<RuleId>{RuleId::start_light, "start-light"},
    Named<RuleId>{RuleId::weight_and_volume, "weight-and-volume"},
    Named<RuleId>{RuleId::weight_jump, "weight-jump"},
    Named<RuleId>{RuleId::volume_spike, "volume-spike"},
    Named<RuleId>{RuleId::load_ramp, "load-ramp"},
    Named<RuleId>{RuleId::no_rest, "no-rest"},
    Named<RuleId>{RuleId::monotony, "monotony"},
    Named<RuleId>{RuleId::ankle_weights_running, "ankle-weights-running"},
    Named<RuleId>{RuleId::over_range, "over-range"},
    Named<RuleId>{RuleId::pain, "pain"},
    Named<RuleId>{RuleId::persistent_pain, "persistent-pain"},
    Named<RuleId>{RuleId::long_wear, "long-wear"},
    Named<RuleId>{RuleId::return_after_break, "return-after-break"},
    Named<RuleId>{RuleId::pain_hold, "pain-hold"},
    Named<RuleId>{RuleId::prescription, "prescription"},
}};
static_assert(rule_names.entries().size() == rule_count);
inline std::string_view to_string(RuleId rule) { return rule_names.name(rule); }

// Every threshold of every rule, named by rule and knob.
enum class Knob : std::uint8_t {
    start_light_max_kg,
    start_light_max_kg_with_injury,
    start_light_max_minutes,
    start_light_max_sets,
    weight_and_volume_window_days,
    weight_jump_window_days,
    weight_jump_danger_ratio,
    volume_spike_window_days,
    volume_spike_min_sessions,
    volume_spike_note,
    volume_spike_warning,
    volume_spike_danger,
    load_ramp_weekly_ratio,
    load_ramp_weeks,
    load_ramp_acwr,
    load_ramp_acute_days,
    load_ramp_chronic_days,
    no_rest_days_in_a_row,
    no_rest_early_days,
    no_rest_early_max_days,
    monotony_max,
    monotony_min_sessions,
    over_range_gait_warning_kg,
    over_range_gait_warning_kg_with_injury,
    over_range_gait_danger_kg,
    over_range_other_warning_kg,
    pain_warning,
    pain_danger,
    pain_raised_after,
    persistent_pain_pain,
    persistent_pain_count,
    persistent_pain_of_last,
    persistent_pain_recent_days,
    long_wear_max_minutes,
    return_after_break_break_days,
};
inline constexpr std::size_t knob_count = 35;

struct Threshold {
    Knob knob;
    std::string_view name;     // name in [rules.ID], e.g. "warning"
    double value;              // the default
    std::string_view meaning;  // what it is, with its unit
    double min;                // accepted range of overrides
    double max;
};

// What a rule's finding asks of the person: to rest or stop (no load is
// proposed), or a lighter load, which the finding carries as a suggestion
// and which the planner adopts when it flags a planned session.
enum class Remedy {
    rest,
    lighter_load,
};

// What a rule compares a session with. Per-load rules follow an activity at
// one placement (ankle and wrist weights are different loads: a load moved
// from the wrists to the ankles is new there); the others count what the
// guidance counts: the session itself, the whole day, a family's weeks, or
// the person's training days.
enum class Scope {
    load,     // the earlier sessions of the same activity at the same placement
    session,  // the session on its own
    day,      // every weighted session of the day
    family,   // a family's (gait, mobility, strength) weighted volume over days and weeks
    days,     // weighted training days and muscle groups, whatever the activity
    person,   // the person's last training days, whatever the activity or placement
    placement,  // the person's pain after work at a placement, whatever the activity there
};
std::string_view scope_text(Scope scope);

struct Rule {
    RuleId id;
    std::string_view severity;  // as shown: "warning; danger if weight at least doubles"
    std::string_view summary;   // fires when ...
    std::string_view source;    // the full source, for `anklog rules`
    std::string_view cite;      // the short citation on each finding
    std::string_view example;   // a worked example, for `anklog rules ID`
    std::span<const Threshold> thresholds;
    Remedy remedy;
    Scope scope;
};

// In RuleId order: rule_table()[static_cast<std::size_t>(id)].id == id.
std::span<const Rule> rule_table();
const Rule& rule(RuleId id);
std::optional<RuleId> parse_rule(std::string_view name);
const Threshold& threshold(Knob knob);
// The threshold named `name` of `rule`, for [rules.ID] in the log.
const Threshold* find_threshold(RuleId rule, std::string_view name);
// The rule a knob belongs to.
RuleId rule_of(Knob knob);

}  // namespace anklog
