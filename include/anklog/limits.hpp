#pragma once
// What a log may hold. One place for every field's accepted range.
namespace anklog::limits {

inline constexpr double max_weight_kg = 20.0;  // per limb
inline constexpr double min_weight_kg = 0.1;   // the lightest real weight; 0 means unweighted
inline constexpr int min_minutes = 1;
inline constexpr int max_minutes = 600;
inline constexpr int min_sets = 1;
inline constexpr int max_sets = 20;
inline constexpr int min_reps = 1;
inline constexpr int max_reps = 200;
inline constexpr int min_score = 0;   // effort and pain, 0-10
inline constexpr int max_score = 10;

inline constexpr int format_version = 1;  // the newest log format this build reads and the one it writes

}  // namespace anklog::limits
