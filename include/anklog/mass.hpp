#pragma once
// Masses of ankle and wrist weights: "1 kg", "1.5kg", "2 lb", "2 lbs", or a
// bare number in the profile's unit.
#include <optional>
#include <string>
#include <string_view>

namespace anklog {

enum class Unit { kg, lb };

inline constexpr double kilograms_per_pound = 0.45359237;

std::string_view to_string(Unit unit);
std::optional<Unit> parse_unit(std::string_view text);

// A mass as the user wrote it (amount and unit), so that anklog can write it
// back the same way; comparisons go through kg().
struct Mass {
    double amount = 0;
    Unit unit = Unit::kg;

    [[nodiscard]] double kg() const;
    [[nodiscard]] double in(Unit target) const;
    [[nodiscard]] bool is_zero() const { return kg() < 1e-9; }
};

// Masses closer than a milligram are the same weight (1 kg vs 2.2046 lb).
int compare(const Mass& a, const Mass& b);
inline bool same_mass(const Mass& a, const Mass& b) { return compare(a, b) == 0; }

// Parses "1 kg", "1.5kg", "2 lb", "2 lbs" (any case) or a bare number, which
// means `bare_unit`. Returns nullopt for anything else, including negative,
// nan and inf amounts.
std::optional<Mass> parse_mass(std::string_view text, Unit bare_unit);

// "1 kg", "1.5 kg", "2.2 lb": at most two decimals, no trailing zeros.
std::string format_mass(const Mass& mass, Unit display_unit);
// The mass in its own unit, as anklog writes it to the log.
std::string format_mass(const Mass& mass);

}  // namespace anklog
