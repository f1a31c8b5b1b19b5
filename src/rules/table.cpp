// The rule table: data only. Thresholds are in the units their meaning
// states; `anklog rules` shows them as they are here.
#include <array>
#include <stdexcept>
#include <string>

#include "anklog/rules.hpp"

#include <algorithm>

namespace anklog {

namespace {

constexpr std::array start_light{
    Threshold{Knob::start_light_max_kg, "max_kg", 1.0, "heaviest first weight per limb, kg", 0, 20},
    Threshold{Knob::start_light_max_kg_with_injury, "max_kg_with_injury", 0.5, "heaviest first weight per limb with injury history, kg", 0, 20},
    Threshold{Knob::start_light_max_minutes, "max_minutes", 10, "longest first timed session, minutes", 1, 600},
    Threshold{Knob::start_light_max_sets, "max_sets", 1, "most sets in a first strength session", 1, 20},
};
constexpr std::array weight_and_volume{
    Threshold{Knob::weight_and_volume_window_days, "window_days", 14, "days of history that set the working level", 1, 365},
};
constexpr std::array weight_jump{
    Threshold{Knob::weight_jump_window_days, "window_days", 14, "days of history that set the working weight", 1, 365},
    Threshold{Knob::weight_jump_danger_ratio, "danger_ratio", 2.0, "new weight / working weight at or above which it is danger", 1, 100},
};
constexpr std::array volume_spike{
    Threshold{Knob::volume_spike_window_days, "window_days", 30, "days of history searched for the longest session", 1, 365},
    Threshold{Knob::volume_spike_min_sessions, "min_sessions", 2, "weighted sessions needed in that window", 1, 100},
    Threshold{Knob::volume_spike_note, "note", 0.10, "increase over the longest session that is a note (0.10 = 10%)", 0, 100},
    Threshold{Knob::volume_spike_warning, "warning", 0.30, "increase that is a warning", 0, 100},
    Threshold{Knob::volume_spike_danger, "danger", 1.00, "increase that is danger", 0, 100},
};
constexpr std::array load_ramp{
    Threshold{Knob::load_ramp_weekly_ratio, "weekly_ratio", 1.3, "week's weighted volume / largest of the previous weeks", 1, 100},
    Threshold{Knob::load_ramp_weeks, "weeks", 4, "previous calendar weeks compared", 1, 52},
    Threshold{Knob::load_ramp_acwr, "acwr", 1.5, "acute:chronic ratio of daily weighted volume", 1, 100},
    Threshold{Knob::load_ramp_acute_days, "acute_days", 7, "acute window, days", 1, 60},
    Threshold{Knob::load_ramp_chronic_days, "chronic_days", 28, "chronic window, days; also the weighted history needed", 2, 365},
};
constexpr std::array no_rest{
    Threshold{Knob::no_rest_days_in_a_row, "days_in_a_row", 7, "weighted days in a row that fire", 2, 365},
    Threshold{Knob::no_rest_early_days, "early_days", 14, "first days of weighted training that are held to the beginner limit", 1, 365},
    Threshold{Knob::no_rest_early_max_days, "early_max_days", 3, "most weighted days in any 7 during those first days", 1, 7},
};
constexpr std::array monotony{
    Threshold{Knob::monotony_max, "max", 2.0, "7-day monotony (mean / SD of daily load) above which it fires", 0, 100},
    Threshold{Knob::monotony_min_sessions, "min_sessions", 4, "weighted sessions in the 7 days needed to judge", 1, 100},
};
constexpr std::array over_range{
    Threshold{Knob::over_range_gait_warning_kg, "gait_warning_kg", 1.5, "gait weight per limb above which it is a warning, kg", 0, 20},
    Threshold{Knob::over_range_gait_warning_kg_with_injury, "gait_warning_kg_with_injury", 1.0, "the same with injury history, kg", 0, 20},
    Threshold{Knob::over_range_gait_danger_kg, "gait_danger_kg", 2.5, "gait weight per limb above which it is danger, kg", 0, 20},
    Threshold{Knob::over_range_other_warning_kg, "other_warning_kg", 5.0, "strength or mobility weight per limb above which it is a warning, kg", 0, 20},
};
constexpr std::array pain{
    Threshold{Knob::pain_warning, "warning", 4, "pain score at or above which it is a warning", 0, 10},
    Threshold{Knob::pain_danger, "danger", 5, "pain score above which it is danger", 0, 10},
    Threshold{Knob::pain_raised_after, "raised_after", 3, "pain score after which raising the load next time is danger", 0, 10},
};
constexpr std::array persistent_pain{
    Threshold{Knob::persistent_pain_pain, "pain", 3, "pain score that counts", 0, 10},
    Threshold{Knob::persistent_pain_count, "count", 3, "painful training days that fire ...", 1, 100},
    Threshold{Knob::persistent_pain_of_last, "of_last", 5, "... among this many last training days", 1, 100},
    Threshold{Knob::persistent_pain_recent_days, "recent_days", 14,
              "plan: a rest week while the painful days fall within this many days", 1, 365},
};
constexpr std::array long_wear{
    Threshold{Knob::long_wear_max_minutes, "max_minutes", 120, "most weighted minutes in one day", 1, 600},
};
constexpr std::array return_after_break{
    Threshold{Knob::return_after_break_break_days, "break_days", 14, "days since the activity's last session that make a break", 1, 365},
};
constexpr std::array<Threshold, 0> no_thresholds{};

constexpr std::string_view aw101 = "Ankle Weights 101, PowerRebound";

constexpr std::array rules{
    Rule{RuleId::start_light, "warning",
         "first-ever weighted session of a load (an activity at a placement: a first walk with ankle weights after walks with wrist weights is one) over the starting dose: weight > 1 kg per limb (> 0.5 kg with "
         "injury history, at the ankles), or gait/mobility > 10 min, or strength > 1 set",
         "Ankle Weights 101 (PowerRebound): begin with the lowest weight, walk \"just a few minutes\", \"do just one "
         "of those sets with the weights\"; A. Lee, physiotherapist (Should You Wear Ankle Weights on Walks?): "
         "0.5-1 kg per ankle; P. Di Lanzo (I wore ankle weights for every workout for two weeks): \"start slow and "
         "light, both in weight and duration\"",
         "Ankle Weights 101, PowerRebound; A. Lee, physiotherapist",
         "A first weighted walk with 1.5 kg for 20 min is over both starting limits: start with 0.5-1 kg for at "
         "most 10 min and build from there.",
         start_light, Remedy::lighter_load, Scope::load},
    Rule{RuleId::weight_and_volume, "warning",
         "weight raised and volume (minutes, or sets x reps) raised in the same session, both above the working "
         "level of the last 14 days",
         "Ankle Weights 101 (PowerRebound): \"avoid increasing weight and duration at the same time\"", aw101,
         "Walks at 1 kg for 20 min, then 1.5 kg for 30 min: weight and duration both went up. Keep 1.5 kg at 20 "
         "min, or 1 kg at 30 min.",
         weight_and_volume, Remedy::lighter_load, Scope::load},
    Rule{RuleId::weight_jump, "warning; danger if weight at least doubles",
         "weight raised by more than one step (0.5 kg / 1 lb, or the next weight the user owns) above the working "
         "weight of the last 14 days; from unweighted, start-light judges instead",
         "gradual progression (Ankle Weights 101, PowerRebound: begin with the lowest weight, go heavier as your "
         "body adapts); rehab steps of 1.25-2.5 lb",
         "Ankle Weights 101, PowerRebound: go heavier gradually",
         "Side leg lifts at 0.5 kg, then at 1.5 kg while owning 0.5, 1 and 1.5 kg: two steps at once, and the "
         "weight tripled (danger). Go to 1 kg first.",
         weight_jump, Remedy::lighter_load, Scope::load},
    Rule{RuleId::volume_spike, "note > 10%, warning > 30%, danger > 100%",
         "minutes (or sets x reps) above the longest weighted session of that activity in the previous 30 days, "
         "given at least 2 such sessions; one more minute, or one more rep in each set, is never a spike",
         "Frandsen et al. 2025, BJSM 59:1203 (5,205 runners): single-session spikes over the longest recent run "
         "raise injury risk",
         "Frandsen et al. 2025, BJSM 59:1203",
         "Weighted walks of 20, 20 and 22 min this month, then 30 min: 36% over the longest (22 min), a warning. "
         "About 24 min (+10%) would have been a safe step.",
         volume_spike, Remedy::lighter_load, Scope::load},
    Rule{RuleId::load_ramp, "warning",
         "a family's (gait, mobility, strength) weighted volume in a calendar week (Mon-Sun) passes 1.3x the largest "
         "of its previous 4 weeks (skipped when those were all zero); or the acute:chronic ratio of daily "
         "weighted volume (last 7 days' total vs the last 28 days' total per 7 days, rest days = 0) passes 1.5 "
         "once the family has 28 days of weighted history. A ramp is a new high: neither fires while the last 7 "
         "days hold no more than the largest calendar week of the previous 4 (a deload, or back to your usual "
         "week). After a break of 14 days or more in a family, return-after-break judges the first sessions back "
         "and load-ramp counts from the return. The finding sits on the session that crosses the line. (Rolling "
         "totals rather than a daily EWMA: with 1-3 training days a week a 7-day EWMA jumps by a quarter of each "
         "session and reads 1.4-1.8 for a steady routine)",
         "Nielsen et al. 2014 (> 30% weekly increase); Gabbett 2016 (acute:chronic workload ratio); Williams et "
         "al. 2017",
         "Nielsen et al. 2014; Gabbett 2016",
         "Weighted walking of 60, 66 and 70 min in the last weeks, then 95 min this week: 95 > 1.3 x 70 = 91 min. "
         "The walk that took the week past 91 min carries the warning.",
         load_ramp, Remedy::lighter_load, Scope::family},
    Rule{RuleId::no_rest, "warning",
         "weighted strength work on the same muscle group on consecutive days (< 48 h); or weighted sessions 7 days "
         "in a row; or more than 3 weighted days in any 7 within the first 14 days of weighted training",
         "ACSM 2009/2011 position stands (2-3 days a week for novices, 48 h between sessions for a muscle group); "
         "Ankle Weights 101 (PowerRebound): avoid using them every day at first",
         "ACSM 2009; Ankle Weights 101, PowerRebound",
         "Glute bridges (hips) with 1 kg on Monday and side leg lifts (hips) with 1 kg on Tuesday: the hips had "
         "less than 48 h to recover. Work another group on Tuesday, or rest.",
         no_rest, Remedy::rest, Scope::days},
    Rule{RuleId::monotony, "note",
         "7-day Foster monotony (mean / population SD of a family's daily weighted volume, rest days = 0) above "
         "2.0, with at least 4 weighted sessions in the 7 days",
         "Foster 1998 (training monotony and strain)", "Foster 1998",
         "Six 20-minute weighted walks in 7 days: daily loads 20,20,20,20,20,20,0 give monotony 2.4. Make one or two "
         "days easy or rest days.",
         monotony, Remedy::rest, Scope::family},
    Rule{RuleId::ankle_weights_running, "warning", "a run (or jog) with weights on the ankles",
         "P. Di Lanzo (I wore ankle weights for every workout for two weeks) and Ankle Weights 101 (PowerRebound): "
         "ankle weights alter running gait and load the joints; use wrist weights or a weighted vest",
         "P. Di Lanzo; Ankle Weights 101, PowerRebound",
         "A 20-minute run with 0.5 kg on each ankle fires. Run without them, or put them on the wrists.",
         no_thresholds, Remedy::lighter_load, Scope::session},
    Rule{RuleId::over_range, "warning; danger",
         "gait weight per limb > 1.5 kg (warning; > 1 kg with injury history, at the ankles) or > 2.5 kg (danger); strength or "
         "mobility weight > 5 kg (warning)",
         "A. Lee, physiotherapist (Should You Wear Ankle Weights on Walks?): 0.5-1 kg for walking; ACE: 1-3 lb "
         "for aerobic work; products range 0.5-5 kg / 1-8 lb; Browning et al. 2007 (2-4 kg per foot changes "
         "gait)",
         "A. Lee, physiotherapist; ACE; Browning et al. 2007",
         "A walk with 2 kg per ankle is a warning (over 1.5 kg), with 3 kg danger (over 2.5 kg): weight that far "
         "from the body changes how you walk.",
         over_range, Remedy::lighter_load, Scope::session},
    Rule{RuleId::pain, "warning >= 4; danger > 5, or load raised right after a session with pain >= 3",
         "a session's pain score: 4 or more is a warning, over 5 danger; raising weight or volume in the next "
         "session of an activity after pain of 3 or more is danger",
         "Silbernagel et al. 2007 pain-monitoring model (pain up to 5/10 that settles by next morning is "
         "acceptable); Ankle Weights 101 (PowerRebound): remove the weights and rest",
         "Silbernagel et al. 2007; Ankle Weights 101, PowerRebound",
         "Side leg lifts with pain 3, then the next time one more set: danger. Repeat the same load until it is "
         "pain-free, or step down.",
         pain, Remedy::lighter_load, Scope::load},
    Rule{RuleId::persistent_pain, "danger",
         "pain of 3 or more on 3 of the last 5 training days (a day's pain is the highest of its sessions)",
         "Ankle Weights 101 (PowerRebound): if symptoms don't improve with rest, see a doctor",
         "Ankle Weights 101, PowerRebound",
         "Pain 3, 0, 4, 3 on four training days in a row: three of the last five days hurt. Rest, and see a doctor "
         "or physiotherapist if it does not settle. One painful day of three exercises counts once.",
         persistent_pain, Remedy::rest, Scope::person},
    Rule{RuleId::long_wear, "warning", "more than 120 weighted minutes in one day (all its sessions together)",
         "Ankle Weights 101 (PowerRebound): avoid wearing ankle weights constantly", aw101,
         "A 90-minute hike and a 45-minute walk with 1 kg on each ankle on the same day: 135 weighted minutes fire "
         "on the walk. Take them off for the rest of the day.",
         long_wear, Remedy::lighter_load, Scope::day},
    Rule{RuleId::return_after_break, "warning",
         "14 days or more since the load's last session (the activity at that placement, or without weights), "
         "then weight and volume both at or above that session's",
         "Ankle Weights 101 (PowerRebound): return gradually after illness or a break", aw101,
         "Walks at 1 kg for 20 min, three weeks off, then straight back to 1 kg for 20 min. Come back lighter or "
         "shorter and build up again.",
         return_after_break, Remedy::lighter_load, Scope::load},
    Rule{RuleId::pain_hold, "warning",
         "a weighted session that adds load at a placement pain holds back, or any weighted session in the rest "
         "after persistent-pain (14 days from its last painful day). A hold starts with pain of 3 or more (the "
         "pain rule's raised_after) on a day of work there, or in a pain check after it; while it lasts, repeat "
         "the last load and raise nothing (no more weight, minutes, sets or reps, no new weighted activity there); "
         "after pain above 5 (the pain rule's danger level), or a pain check the next morning higher than the "
         "day's pain, step down one weight step below the load that hurt (at the lightest weight, 60% of its "
         "volume) and hold there. A hold ends on evidence: a later session's pain or a pain check (anklog pain N) "
         "at 2/10 or less; without a reading, 14 days (persistent-pain's recent_days) after the latest painful "
         "reading. A step down is still done first once settled: each activity at the step down, or with pain "
         "recorded at 2/10 or less, before its load goes back up. A session without a pain value is no evidence. "
         "Pain belongs to the session it was logged on: "
         "pain in a session with ankle weights (or without weights) holds every activity with ankle weights, pain in "
         "one with wrist weights every one with wrist weights, and not the other placement's work of that day; a "
         "painful pain check on a rest day holds every placement the last training day's work loaded. A "
         "session the pain or persistent-pain rule already flags at warning or above is theirs to speak for",
         "Silbernagel et al. 2007 pain-monitoring model (Am J Sports Med 35:897): pain during exercise is "
         "acceptable if it has settled by the next morning; anklog says it settled only on a reading that says so",
         "Silbernagel et al. 2007",
         "A walk with 1 kg on the ankles and pain 4, then side leg lifts with 1 kg on the ankles for the first time "
         "two days later, with no pain check in between: a warning. Record pain with --pain, or anklog pain N the "
         "next morning; until a reading of 2/10 or less, or 14 days, repeat the last loads and raise nothing.",
         no_thresholds, Remedy::lighter_load, Scope::placement},
    Rule{RuleId::prescription, "warning; note for an unprescribed weighted activity",
         "a session above the top of a range of the prescription in force for its activity that day (sets, reps, "
         "minutes or weight per limb; [[prescription]] in the log, see 'anklog help prescribe'); a note for a "
         "weighted activity that no prescription names while one is in force. The prescription and the rules "
         "both hold: plan stays inside the ranges and steps up only when the clinician's criterion and every rule "
         "allow it, so when a rule and the prescription disagree the more protective wins (a pain hold still "
         "holds inside the ranges; a prescribed top the rules call too much is not planned)",
         "the clinician's prescription in the log: its line is the source of each finding", "prescription",
         "Side leg lifts prescribed 2-3 x 10-15 at 0.5-1 kg, done as 3 x 15 at 1.5 kg: above the prescribed 1 kg. "
         "Stay inside the ranges, or ask the clinician for a new prescription.",
         no_thresholds, Remedy::rest, Scope::session},
};

static_assert(rules.size() == rule_count);

constexpr std::size_t threshold_total() {
    std::size_t total = 0;
    for (const Rule& rule : rules) total += rule.thresholds.size();
    return total;
}
static_assert(threshold_total() == knob_count, "every Knob has one threshold in the table");

}  // namespace

std::span<const Rule> rule_table() { return rules; }

std::string_view scope_text(Scope scope) {
    switch (scope) {
    case Scope::load: return "per load: each activity at each placement (ankles, wrists) on its own";
    case Scope::session: return "per session, on its own";
    case Scope::day: return "per day: every weighted session of the day, ankles and wrists together";
    case Scope::family: return "per family (gait, mobility, strength): all its weighted sessions, ankles and wrists together";
    case Scope::days: return "per day: weighted training days and muscle groups, ankles and wrists together";
    case Scope::person: return "per person: the last training days, whatever the activity or placement";
    case Scope::placement: return "per placement: the person's pain after work at the ankles (or wrists), whatever the activity";
    }
    return "";
}

const Rule& rule(RuleId id) { return rules[static_cast<std::size_t>(id)]; }

std::optional<RuleId> parse_rule(std::string_view name) { return rule_names.parse(name); }

const Threshold& threshold(Knob knob) {
    // The table lists the knobs in Knob order, rule by rule (checked by a unit test).
    static const std::array<const Threshold*, knob_count> by_knob = [] {
        std::array<const Threshold*, knob_count> out{};
        for (const Rule& rule : rules) {
            for (const Threshold& t : rule.thresholds) out[static_cast<std::size_t>(t.knob)] = &t;
        }
        return out;
    }();
    return *by_knob[static_cast<std::size_t>(knob)];
}

const Threshold* find_threshold(RuleId id, std::string_view name) {
    const auto thresholds = rule(id).thresholds;
    const auto it = std::find_if(thresholds.begin(), thresholds.end(), [name](const Threshold& t) { return t.name == name; });
    return it == thresholds.end() ? nullptr : &*it;
}

RuleId rule_of(Knob knob) {
    for (const Rule& rule : rules) {
        for (const Threshold& t : rule.thresholds) {
            if (t.knob == knob) return rule.id;
        }
    }
    return RuleId::start_light;  // unreachable: every knob is in the table
}

}  // namespace anklog
