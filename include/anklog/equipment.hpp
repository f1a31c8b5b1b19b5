#pragma once
// The weights a person owns, as they own them: adjustable cuffs (an empty
// shell plus removable inserts) and fixed pairs, each worn at one placement.
// What each item makes (its settings) is what anklog may propose there.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anklog/field_problem.hpp"
#include "anklog/mass.hpp"
#include "anklog/session.hpp"

namespace anklog {

struct Equipment {
    std::string name;
    Limb on = Limb::ankle;
    std::optional<Mass> weight;  // a fixed pair: its weight per limb
    Mass shell;                  // adjustable: the empty cuff, per limb
    std::vector<Mass> inserts;   // adjustable: the removable inserts, per limb

    [[nodiscard]] bool adjustable() const { return !weight.has_value(); }
};

// More inserts than this in one item is not a cuff (and would make too many sums).
inline constexpr std::size_t max_inserts = 40;

// The one validation of an item's fields (from the log or the command line).
std::optional<FieldProblem> check_equipment_name(std::string_view name);
std::optional<FieldProblem> check_equipment(const Equipment& item);

// What `item` makes, light to heavy, no two the same: a fixed pair its
// weight; adjustable cuffs the shell plus any subset of the inserts.
std::vector<Mass> equipment_settings(const Equipment& item);

// The settings as a person reads them, in their own unit when they share one
// (else `display`): "0.5-4.5 lb in 0.5 lb steps" when evenly spaced (three
// or more), else the list "1 kg, 1.5 kg, 3 kg".
std::string settings_text(const std::vector<Mass>& settings, Unit display);

// What an item is, as `profile` and messages show it: "adjustable cuffs
// (ankle)".
std::string equipment_label(const Equipment& item);

}  // namespace anklog
