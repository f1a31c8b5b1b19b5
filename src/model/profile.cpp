#include "anklog/profile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "anklog/numeric.hpp"

#include "anklog/suggest.hpp"

namespace anklog {

std::optional<FieldProblem> check_owned_weight(const Mass& weight) {
    if (weight.is_zero()) {
        return FieldProblem{"weights", "an owned weight of 0 makes no sense", "list only the weights you own, e.g. "
                                                                               "[\"0.5 kg\", \"1 kg\"]"};
    }
    auto problem = check_weight(weight, "weight");
    if (problem) problem->field = "weights";
    return problem;
}

std::optional<FieldProblem> check_profile_name(std::string_view name) {
    constexpr std::size_t longest = 100;
    if (name.find_first_not_of(' ') == std::string_view::npos) {
        return FieldProblem{"name", "the name is empty", "give a name, e.g. name = \"Ann\", or leave it out"};
    }
    // Characters as a person counts them: code points, not bytes ("é" is two).
    const auto characters = static_cast<std::size_t>(
        std::count_if(name.begin(), name.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    if (characters > longest) {
        return FieldProblem{"name", fmt::format("the name is longer than {} characters", longest),
                            "use a shorter name or initials"};
    }
    if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
        return FieldProblem{"name", "the name holds control characters", "write the name on one line, as plain text"};
    }
    return std::nullopt;
}

std::string injury_advice(std::string_view text) {
    return did_you_mean(text, injury_names.names(),
                        fmt::format("injuries are {}", one_of(injury_joint_names.names())));
}

Side side_of(Injury injury) {
    switch (injury) {
        case Injury::left_knee:
        case Injury::left_hip:
        case Injury::left_ankle: return Side::left;
        case Injury::right_knee:
        case Injury::right_hip:
        case Injury::right_ankle: return Side::right;
        default: return Side::both;
    }
}

Side Profile::injured_side() const {
    if (injuries.empty()) return Side::both;
    const Side first = side_of(injuries.front());
    const bool one = std::all_of(injuries.begin(), injuries.end(), [first](Injury i) { return side_of(i) == first; });
    return one ? first : Side::both;
}

void normalize(Profile& profile) {
    auto& weights = profile.weights;
    std::stable_sort(weights.begin(), weights.end(), [](const Mass& a, const Mass& b) { return compare(a, b) < 0; });
    weights.erase(std::unique(weights.begin(), weights.end(), [](const Mass& a, const Mass& b) { return compare(a, b) == 0; }),
                  weights.end());
    auto& injuries = profile.injuries;
    for (auto it = injuries.begin(); it != injuries.end();) {
        it = std::find(injuries.begin(), it, *it) != it ? injuries.erase(it) : it + 1;
    }
}

Mass default_weight_step(Unit units) {
    return units == Unit::kg ? Mass{0.5, Unit::kg} : Mass{1.0, Unit::lb};
}

std::vector<Mass> owned_settings(const Profile& profile, Limb on) {
    if (profile.equipment.empty()) return profile.weights;
    std::vector<Mass> settings = profile.weights;
    for (const Equipment& item : profile.equipment) {
        if (item.on != on) continue;
        const std::vector<Mass> made = equipment_settings(item);
        settings.insert(settings.end(), made.begin(), made.end());
    }
    const auto lighter = [](const Mass& a, const Mass& b) { return compare(a, b) < 0; };
    std::stable_sort(settings.begin(), settings.end(), lighter);
    settings.erase(std::unique(settings.begin(), settings.end(), [](const Mass& a, const Mass& b) { return compare(a, b) == 0; }),
                   settings.end());
    return settings;
}

bool owns_settings(const Profile& profile, Limb on) {
    return !profile.weights.empty() ||
           std::any_of(profile.equipment.begin(), profile.equipment.end(), [&](const Equipment& e) { return e.on == on; });
}

const Equipment* equipment_making(const Profile& profile, Limb on, const Mass& weight) {
    for (const Equipment& item : profile.equipment) {
        if (item.on != on) continue;
        for (const Mass& setting : equipment_settings(item)) {
            if (compare(setting, weight) == 0) return &item;
        }
    }
    return nullptr;
}

std::optional<Mass> next_weight_up(const Profile& profile, Limb on, const Mass& current) {
    const std::vector<Mass> owned = owned_settings(profile, on);
    if (owned.empty()) {
        // A weight the person can set: the next whole step in their unit
        // above the current one (1 lb in a kg profile steps to 0.5 kg).
        const Mass step = default_weight_step(profile.units);
        const double steps = std::floor(current.in(profile.units) / step.amount + tolerance);
        return Mass{(steps + 1) * step.amount, profile.units};
    }
    for (const Mass& setting : owned) {
        if (compare(setting, current) > 0) return setting;
    }
    return std::nullopt;
}

std::optional<Mass> next_weight_down(const Profile& profile, Limb on, const Mass& current) {
    const std::vector<Mass> owned = owned_settings(profile, on);
    if (owned.empty()) {
        // The next whole step in the person's unit below the current one.
        const Mass step = default_weight_step(profile.units);
        const double steps = std::ceil(current.in(profile.units) / step.amount - tolerance);
        if (steps - 1 < 1) return std::nullopt;
        return Mass{(steps - 1) * step.amount, profile.units};
    }
    std::optional<Mass> best;
    for (const Mass& setting : owned) {
        if (compare(setting, current) < 0) best = setting;
    }
    return best;
}

Mass lightest_weight(const Profile& profile, Limb on) {
    for (const Mass& setting : owned_settings(profile, on)) {
        if (!setting.is_zero()) return setting;
    }
    return default_weight_step(profile.units);
}

std::optional<Mass> settable_at_most(const Profile& profile, Limb on, double kg) {
    const std::vector<Mass> owned = owned_settings(profile, on);
    if (!owned.empty()) {
        std::optional<Mass> best;
        for (const Mass& setting : owned) {
            if (!above(setting.kg(), kg)) best = setting;
        }
        return best;
    }
    const Mass step = default_weight_step(profile.units);
    const double in_unit = Mass{kg, Unit::kg}.in(profile.units);
    const double steps = std::floor(in_unit / step.amount + tolerance);
    if (steps < 1) return std::nullopt;
    return Mass{steps * step.amount, profile.units};
}

std::string between_settings_text(const Profile& profile, Limb on, double kg, const std::optional<Mass>& chosen) {
    if (profile.equipment.empty()) return "";
    const std::vector<Mass> owned = owned_settings(profile, on);
    if (owned.empty()) return "";
    const auto item_name = [&](const Mass& setting) {
        const Equipment* item = equipment_making(profile, on, setting);
        return item ? fmt::format("your {}", item->name) : std::string("the weights you own");
    };
    if (!chosen) {
        return fmt::format("the lightest setting of {} is {}: buy a pair of at most {} or go without weight",
                           item_name(owned.front()), format_mass_exact(owned.front()),
                           limit_text(profile, kg));
    }
    if (std::any_of(owned.begin(), owned.end(), [&](const Mass& m) { return nearly_equal(m.kg(), kg); })) return "";
    return fmt::format("{} is not a setting of {}: {}", limit_text(profile, kg), item_name(*chosen),
                       format_mass_exact(*chosen));
}

std::string unmade_weight_note(const Profile& profile, Limb on, const Mass& weight) {
    if (profile.equipment.empty() || weight.is_zero()) return "";
    const std::vector<Mass> owned = owned_settings(profile, on);
    if (owned.empty()) return "";
    if (std::any_of(owned.begin(), owned.end(), [&](const Mass& m) { return compare(m, weight) == 0; })) return "";
    return fmt::format("{} is not a weight your equipment for the {}s makes ({}); logged as you wrote it",
                       format_mass_exact(weight), to_string(on), settings_text(owned, profile.units));
}

std::string limit_text(const Profile& profile, double kg) {
    const Mass limit{kg, Unit::kg};
    if (profile.units == Unit::kg) return format_mass(limit, Unit::kg);
    const double pounds = limit.in(Unit::lb);
    const double whole = std::round(pounds);
    if (nearly_equal(pounds, whole)) return fmt::format("{:.0f} lb", whole);
    return fmt::format("about {:.0f} lb", whole);
}

}  // namespace anklog
