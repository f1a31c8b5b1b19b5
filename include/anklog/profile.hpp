#pragma once
// Who is training: name, display unit, the weights they own, past injuries.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anklog/equipment.hpp"
#include "anklog/field_problem.hpp"
#include "anklog/mass.hpp"
#include "anklog/names.hpp"
#include "anklog/side.hpp"

namespace anklog {

// A past injury: a joint, of both sides (as before sides existed) or of the
// side the profile names ("left knee"): the injury limits apply to that
// side's sessions (and to sessions of both sides) only.
enum class Injury { knee, hip, ankle, left_knee, right_knee, left_hip, right_hip, left_ankle, right_ankle };
inline constexpr NameTable injury_names{std::array{
    Named<Injury>{Injury::knee, "knee"}, Named<Injury>{Injury::hip, "hip"}, Named<Injury>{Injury::ankle, "ankle"},
    Named<Injury>{Injury::left_knee, "left knee"}, Named<Injury>{Injury::right_knee, "right knee"},
    Named<Injury>{Injury::left_hip, "left hip"}, Named<Injury>{Injury::right_hip, "right hip"},
    Named<Injury>{Injury::left_ankle, "left ankle"}, Named<Injury>{Injury::right_ankle, "right ankle"}}};
// The joints alone (knee, hip, ankle): how the log's comment and advice list them.
inline constexpr NameTable injury_joint_names{std::array{
    Named<Injury>{Injury::knee, "knee"}, Named<Injury>{Injury::hip, "hip"}, Named<Injury>{Injury::ankle, "ankle"}}};
inline std::string_view to_string(Injury injury) { return injury_names.name(injury); }
// The side of an injury: left, right, or both for a joint named alone.
Side side_of(Injury injury);

struct Profile {
    std::string name;             // optional: shown in headers and reports
    Unit units = Unit::kg;
    std::vector<Mass> weights;    // owned weights per limb, light to heavy, no two the same
    std::vector<Injury> injuries; // past injuries (`history` in the log)
    std::vector<Equipment> equipment;  // [[equipment]] in the log, in file order

    [[nodiscard]] bool has_injury_history() const { return !injuries.empty(); }
    // The side the injury limits hold for: left or right when every injury
    // names that side, else both.
    [[nodiscard]] Side injured_side() const;
};

// The one validation of the profile's fields, whether they come from the log
// or from the command line.
std::optional<FieldProblem> check_owned_weight(const Mass& weight);  // > 0 and a valid weight
std::optional<FieldProblem> check_profile_name(std::string_view name);
// Did-you-mean advice for a word that is not an injury.
std::string injury_advice(std::string_view text);
// Sorts the weights light to heavy and drops repeats (1 kg and 2.2046 lb are
// the same weight), and drops repeated injuries.
void normalize(Profile& profile);

// The default step between weights when the user lists none: 0.5 kg or 1 lb.
Mass default_weight_step(Unit units);

// What the person can set at placement `on`, light to heavy, no two the
// same: the weights listed in [profile] (fixed pairs worn anywhere) and
// what each [[equipment]] item for `on` makes. Empty when nothing is listed
// for `on`: anklog then steps by the default step.
std::vector<Mass> owned_settings(const Profile& profile, Limb on);

// The item at `on` whose setting `weight` is, else nullptr (a weight listed
// in [profile], or none).
const Equipment* equipment_making(const Profile& profile, Limb on, const Mass& weight);

// The next heavier weight at `on`: the next setting the person owns there,
// else one default step up. nullopt when the user already uses the heaviest.
std::optional<Mass> next_weight_up(const Profile& profile, Limb on, const Mass& current);

// One step lighter at `on`: the next lighter setting owned, else one default
// step down. nullopt when no lighter weight is left.
std::optional<Mass> next_weight_down(const Profile& profile, Limb on, const Mass& current);

// The lightest weight to start with at `on`: the lightest owned, else one step.
Mass lightest_weight(const Profile& profile, Limb on);

// The heaviest weight the person can set at `on` that is at most `kg`: a
// setting they own there, or (owning none listed) a whole number of default
// steps in their unit. nullopt when even the lightest is heavier.
std::optional<Mass> settable_at_most(const Profile& profile, Limb on, double kg);

// Why `chosen` (settable_at_most's answer) and not `kg`, for a reason: "0.9
// kg is not a setting of your adjustable cuffs: 0.75 kg"; empty when `kg` is
// a setting or nothing is listed for `on`. With no `chosen`: what to buy, or
// to go without weight ("the lightest setting of your cuffs is 1 kg: buy a
// pair of at most 0.5 kg or go without weight").
std::string between_settings_text(const Profile& profile, Limb on, double kg, const std::optional<Mass>& chosen);

// The typo guard of `log -w`: "0.9 kg is not a weight your equipment for the
// ankles makes (0.5-4.5 lb in 0.5 lb steps)" when the person listed
// [[equipment]], something for `on`, and `weight` is none of its settings;
// else empty. The session is logged all the same.
std::string unmade_weight_note(const Profile& profile, Limb on, const Mass& weight);

// Whether the person listed anything they can set at `on`.
[[nodiscard]] bool owns_settings(const Profile& profile, Limb on);

// A limit in kg as the person reads it: "1.5 kg", or "about 3 lb" when the
// person counts in pounds and the limit is not a whole number of them.
std::string limit_text(const Profile& profile, double kg);

}  // namespace anklog
