#pragma once
// Who is training: name, display unit, the weights they own, past injuries.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// The next heavier weight: the next one the user owns, else one default step
// up. nullopt when the user already uses the heaviest weight they own.
std::optional<Mass> next_weight_up(const Profile& profile, const Mass& current);

// One step lighter: the next lighter weight owned, else one default step
// down. nullopt when no lighter weight is left.
std::optional<Mass> next_weight_down(const Profile& profile, const Mass& current);

// The lightest weight to start with: the lightest owned, else one step.
Mass lightest_weight(const Profile& profile);

// The heaviest weight the person can set that is at most `kg`: one they own,
// or (owning none listed) a whole number of default steps in their unit.
// nullopt when even the lightest is heavier.
std::optional<Mass> settable_at_most(const Profile& profile, double kg);

// A limit in kg as the person reads it: "1.5 kg", or "about 3 lb" when the
// person counts in pounds and the limit is not a whole number of them.
std::string limit_text(const Profile& profile, double kg);

}  // namespace anklog
