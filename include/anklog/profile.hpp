#pragma once
// Who is training: display unit, the weights they own, past injuries.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anklog/mass.hpp"

namespace anklog {

enum class Injury { knee, hip, ankle };
std::string_view to_string(Injury injury);
std::optional<Injury> parse_injury(std::string_view text);

struct Profile {
    Unit units = Unit::kg;
    std::vector<Mass> weights;    // owned weights per limb, sorted light to heavy
    std::vector<Injury> history;  // past injuries

    [[nodiscard]] bool has_injury_history() const { return !history.empty(); }
};

// The default step between weights when the user lists none: 0.5 kg or 1 lb.
Mass default_weight_step(Unit units);

// The next heavier weight: the next one the user owns, else one default step
// up. nullopt when the user already uses the heaviest weight they own.
std::optional<Mass> next_weight_up(const Profile& profile, const Mass& current);

// One step lighter: the next lighter weight owned, else one default step
// down. nullopt when no lighter weight is left.
std::optional<Mass> next_weight_down(const Profile& profile, const Mass& current);

// The lightest weight to start with: the lightest owned, else one step.
Mass lightest_weight(const Profile& profile);

}  // namespace anklog
