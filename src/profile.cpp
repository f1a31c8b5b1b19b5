#include "anklog/profile.hpp"

namespace anklog {

std::string_view to_string(Injury injury) {
    switch (injury) {
        case Injury::knee: return "knee";
        case Injury::hip: return "hip";
        case Injury::ankle: return "ankle";
    }
    return "knee";
}

std::optional<Injury> parse_injury(std::string_view text) {
    for (const Injury injury : {Injury::knee, Injury::hip, Injury::ankle}) {
        if (text == to_string(injury)) return injury;
    }
    return std::nullopt;
}

Mass default_weight_step(Unit units) {
    return units == Unit::kg ? Mass{0.5, Unit::kg} : Mass{1.0, Unit::lb};
}

std::optional<Mass> next_weight_up(const Profile& profile, const Mass& current) {
    if (profile.weights.empty()) {
        const Mass step = default_weight_step(profile.units);
        return Mass{current.in(profile.units) + step.amount, profile.units};
    }
    for (const Mass& owned : profile.weights) {
        if (compare(owned, current) > 0) return owned;
    }
    return std::nullopt;
}

std::optional<Mass> next_weight_down(const Profile& profile, const Mass& current) {
    if (profile.weights.empty()) {
        const Mass step = default_weight_step(profile.units);
        const double lower = current.in(profile.units) - step.amount;
        if (lower < step.amount - 1e-9) return std::nullopt;
        return Mass{lower, profile.units};
    }
    std::optional<Mass> best;
    for (const Mass& owned : profile.weights) {
        if (compare(owned, current) < 0) best = owned;
    }
    return best;
}

Mass lightest_weight(const Profile& profile) {
    for (const Mass& owned : profile.weights) {
        if (!owned.is_zero()) return owned;
    }
    return default_weight_step(profile.units);
}

}  // namespace anklog
