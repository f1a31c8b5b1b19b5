#include "anklog/thresholds.hpp"

namespace anklog {

double RuleSettings::value(Knob knob) const {
    const auto& override_value = overrides_[static_cast<std::size_t>(knob)];
    return override_value ? *override_value : threshold(knob).value;
}

Thresholds thresholds_of(const Log& log) {
    const RuleSettings& r = log.rules;
    const bool injury = log.profile.has_injury_history();
    const auto whole = [&r](Knob knob) { return static_cast<int>(r.value(knob)); };
    const auto count = [&r](Knob knob) { return static_cast<std::size_t>(r.value(knob)); };
    Thresholds t;
    t.injury_history = injury;
    t.injured_side = log.profile.injured_side();
    t.ordinary_start_kg = r.value(Knob::start_light_max_kg);
    t.ordinary_gait_warning_kg = r.value(Knob::over_range_gait_warning_kg);
    t.start_light = {r.enabled(RuleId::start_light),
                     r.value(injury ? Knob::start_light_max_kg_with_injury : Knob::start_light_max_kg),
                     whole(Knob::start_light_max_minutes), whole(Knob::start_light_max_sets)};
    t.weight_and_volume = {r.enabled(RuleId::weight_and_volume), whole(Knob::weight_and_volume_window_days)};
    t.weight_jump = {r.enabled(RuleId::weight_jump), whole(Knob::weight_jump_window_days),
                     r.value(Knob::weight_jump_danger_ratio)};
    t.volume_spike = {r.enabled(RuleId::volume_spike),  whole(Knob::volume_spike_window_days),
                      count(Knob::volume_spike_min_sessions), r.value(Knob::volume_spike_note),
                      r.value(Knob::volume_spike_warning), r.value(Knob::volume_spike_danger)};
    t.load_ramp = {r.enabled(RuleId::load_ramp),         r.value(Knob::load_ramp_weekly_ratio),
                   whole(Knob::load_ramp_weeks),         r.value(Knob::load_ramp_acwr),
                   whole(Knob::load_ramp_acute_days),    whole(Knob::load_ramp_chronic_days)};
    t.no_rest = {r.enabled(RuleId::no_rest), whole(Knob::no_rest_days_in_a_row), whole(Knob::no_rest_early_days),
                 whole(Knob::no_rest_early_max_days)};
    t.monotony = {r.enabled(RuleId::monotony), r.value(Knob::monotony_max), count(Knob::monotony_min_sessions)};
    t.ankle_weights_running = {r.enabled(RuleId::ankle_weights_running)};
    t.over_range = {r.enabled(RuleId::over_range),
                    r.value(injury ? Knob::over_range_gait_warning_kg_with_injury : Knob::over_range_gait_warning_kg),
                    r.value(Knob::over_range_gait_danger_kg), r.value(Knob::over_range_other_warning_kg)};
    t.pain = {r.enabled(RuleId::pain), whole(Knob::pain_warning), whole(Knob::pain_danger),
              whole(Knob::pain_raised_after)};
    t.persistent_pain = {r.enabled(RuleId::persistent_pain), whole(Knob::persistent_pain_pain),
                         whole(Knob::persistent_pain_count), whole(Knob::persistent_pain_of_last),
                         whole(Knob::persistent_pain_recent_days)};
    t.long_wear = {r.enabled(RuleId::long_wear), whole(Knob::long_wear_max_minutes)};
    t.return_after_break = {r.enabled(RuleId::return_after_break), whole(Knob::return_after_break_break_days)};
    t.pain_hold = {r.enabled(RuleId::pain_hold)};
    t.prescription = {r.enabled(RuleId::prescription)};
    return t;
}

}  // namespace anklog
