#pragma once
// Comparing measured numbers (weights in kg, ratios, volumes) without being
// fooled by binary floating point: 1.3 x 70 is 91.00000000000001, and 1 kg
// read back from 2.2046 lb is not exactly 1.
namespace anklog {

// Differences smaller than this are noise: a milligram, a millionth of a ratio.
inline constexpr double tolerance = 1e-6;

// `value` is over `limit` by more than noise.
constexpr bool above(double value, double limit) { return value > limit + tolerance; }
// `value` is under `limit` by more than noise.
constexpr bool below(double value, double limit) { return value < limit - tolerance; }
constexpr bool nearly_equal(double a, double b) { return !above(a, b) && !below(a, b); }

}  // namespace anklog
