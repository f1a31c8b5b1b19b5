#pragma once
// Every rule's thresholds for one log, read once from its [rules] settings
// (else the rule table's defaults), typed, with the limits that depend on
// injury history already chosen. check() and plan() both read this.
#include <cstddef>

#include "anklog/log.hpp"

namespace anklog {

struct Thresholds {
    bool injury_history = false;  // the stricter limits below apply
    // The side the stricter limits hold for (both: every session), and the
    // ordinary limits the other side's sessions keep.
    Side injured_side = Side::both;
    double ordinary_start_kg = 0;
    double ordinary_gait_warning_kg = 0;

    struct StartLight {
        bool on;
        double max_kg;  // heaviest first weight per limb (stricter with injury history)
        int max_minutes;
        int max_sets;
    } start_light;
    struct WeightAndVolume {
        bool on;
        int window_days;
    } weight_and_volume;
    struct WeightJump {
        bool on;
        int window_days;
        double danger_ratio;
    } weight_jump;
    struct VolumeSpike {
        bool on;
        int window_days;
        std::size_t min_sessions;
        double note, warning, danger;  // increases over the longest session: 0.10 = 10%
    } volume_spike;
    struct LoadRamp {
        bool on;
        double weekly_ratio;
        int weeks;
        double acwr;
        int acute_days;
        int chronic_days;
    } load_ramp;
    struct NoRest {
        bool on;
        int days_in_a_row;
        int early_days;
        int early_max_days;
    } no_rest;
    struct Monotony {
        bool on;
        double max;
        std::size_t min_sessions;
    } monotony;
    struct AnkleWeightsRunning {
        bool on;
    } ankle_weights_running;
    struct OverRange {
        bool on;
        double gait_warning_kg;  // stricter with injury history
        double gait_danger_kg;
        double other_warning_kg;
    } over_range;
    struct Pain {
        bool on;
        int warning;
        int danger;
        int raised_after;
    } pain;
    struct PersistentPain {
        bool on;
        int pain;
        int count;
        int of_last;
        int recent_days;
    } persistent_pain;
    struct LongWear {
        bool on;
        int max_minutes;
    } long_wear;
    struct ReturnAfterBreak {
        bool on;
        int break_days;
    } return_after_break;
    struct PainHold {
        bool on;
    } pain_hold;
    struct Prescribed {
        bool on;
    } prescription;

    // The thresholds for a session of `side`: the ordinary start-light and
    // over-range limits on the side an injury of one side spares (a session
    // of both sides keeps the injury limits).
    [[nodiscard]] Thresholds for_side(Side side) const {
        if (!injury_history || injured_side == Side::both || side == Side::both || side == injured_side) return *this;
        Thresholds t = *this;
        t.injury_history = false;
        t.start_light.max_kg = ordinary_start_kg;
        t.over_range.gait_warning_kg = ordinary_gait_warning_kg;
        return t;
    }

    // The thresholds for a load at placement `on`, of `side`: injury history
    // (a knee, hip or ankle, all the profile allows) limits the placement
    // that loads the injured limb, the ankles; wrist weights keep the
    // ordinary start-light and over-range limits, in check and plan alike.
    [[nodiscard]] Thresholds for_load(Limb on, Side side) const {
        if (!injury_history || on != Limb::wrist) return for_side(side);
        Thresholds t = *this;
        t.injury_history = false;
        t.start_light.max_kg = ordinary_start_kg;
        t.over_range.gait_warning_kg = ordinary_gait_warning_kg;
        return t;
    }

    // The heaviest weight per limb the over-range rule accepts for `kind`.
    [[nodiscard]] double weight_limit_kg(Kind kind) const {
        return kind == Kind::gait ? over_range.gait_warning_kg : over_range.other_warning_kg;
    }
};

Thresholds thresholds_of(const Log& log);

}  // namespace anklog
