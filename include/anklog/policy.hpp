#pragma once
// How anklog plans: the numbers of its progression policy, in one place.
// `plan` follows them, `anklog rules` and the man page state them, and the
// rules that judge a return after a break propose the same come-back load.
namespace anklog::policy {

// Volume rises by about this much a week, at least one minute or rep ...
inline constexpr double weekly_raise = 0.10;
// ... up to these caps; a session already above its cap is repeated as it
// is (check accepts it), neither raised nor cut, whatever the effort.
inline constexpr int gait_minutes_cap = 30;
inline constexpr int mobility_minutes_cap = 60;
inline constexpr int reps_cap = 15;
inline constexpr int sets_cap = 3;
// A new set starts with fewer reps, so that no step adds more than this.
inline constexpr double new_set_growth = 1.25;
// At the cap, one weight step; then the volume is cut and rebuilt to the cap
// before the next step (never two weight steps in a row).
inline constexpr int reps_after_step = 10;
inline constexpr double gait_minutes_after_step = 0.8;  // gait minutes cut by 20%
// Every 4th progressing week is a deload at this share of the volume.
inline constexpr int progressing_weeks_before_deload = 3;
inline constexpr double deload_factor = 0.6;
// Effort at or above this repeats the last session.
inline constexpr int hard_effort = 8;
// A load whose first session was heavier than start-light accepts is
// repeated, not raised, for this many days from that session: the advice was
// to start lighter, and the plan does not build on top of it.
inline constexpr int settle_in_days = 14;
// After a break (or pain that has settled): about half the last volume.
inline constexpr double come_back_factor = 0.5;
// The activities planned: those of the last this many days, at most so many.
inline constexpr int recent_days = 28;
inline constexpr int max_activities = 4;

}  // namespace anklog::policy
