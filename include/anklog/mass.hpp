#pragma once
// Masses of ankle and wrist weights: "1 kg", "1.5kg", "500 g", "2 lb",
// "2 lbs", "2 pounds", or a bare number in the profile's unit.
#include <optional>
#include <string>
#include <string_view>

#include "anklog/field_problem.hpp"
#include "anklog/names.hpp"

namespace anklog {

enum class Unit { kg, lb };

inline constexpr NameTable unit_names{std::array{Named<Unit>{Unit::kg, "kg"}, Named<Unit>{Unit::lb, "lb"}}};
inline std::string_view to_string(Unit unit) { return unit_names.name(unit); }

inline constexpr double kilograms_per_pound = 0.45359237;

// A unit as people write it, any case: kg, kgs, kilo(s), kilogram(s); lb,
// lbs, pound(s).
std::optional<Unit> parse_unit(std::string_view text);

// A mass as the user wrote it (amount and unit), so that anklog can write it
// back the same way; comparisons go through kg().
struct Mass {
    double amount = 0;
    Unit unit = Unit::kg;

    [[nodiscard]] double kg() const;
    [[nodiscard]] double in(Unit target) const;
    [[nodiscard]] bool is_zero() const;
};

// -1, 0 or 1; masses closer than a milligram are the same weight (1 kg vs
// 2.2046226 lb).
int compare(const Mass& a, const Mass& b);

// Parses "1 kg", "1.5kg", "500 g", "2 lb", "2 lbs", "2 pounds" (any case) or a
// bare number, which means `bare_unit`. Grams become kilograms. nullopt for
// anything else, including signs, exponents, nan and inf.
std::optional<Mass> parse_mass(std::string_view text, Unit bare_unit);

// Advice for text that is not a mass: a decimal comma ("1,5 kg") gets "write
// 1.5 kg"; anything else the usual examples.
std::string mass_advice(std::string_view text, Unit bare_unit);

// anklog keeps weights to this many decimals in their own unit (grams, or
// thousandths of a pound): enough for any weight sold, and written exactly.
inline constexpr int mass_decimals = 3;

// Whether `mass` can be a weight per limb: not above the largest a log
// accepts, no finer than mass_decimals, and either zero (unweighted) or at
// least the lightest real weight. `field` names the field in the problem.
std::optional<FieldProblem> check_weight(const Mass& mass, std::string_view field);

// For reading: "1 kg", "1.5 kg", "2.2 lb", at most two decimals, no trailing
// zeros, in `display_unit`.
std::string format_mass(const Mass& mass, Unit display_unit);
// For writing to the log: the exact amount in its own unit ("1.234 kg"),
// which parse_mass reads back as the same Mass.
std::string format_mass_exact(const Mass& mass);

}  // namespace anklog
