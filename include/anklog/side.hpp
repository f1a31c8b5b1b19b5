#pragma once
// Left or right: the side a session loads, and the side an injury was on.
#include <string_view>

#include "anklog/names.hpp"

namespace anklog {

// both: the log names no side (as before sides existed); left or right: one
// side the log names (side = "left" | "right").
enum class Side { both, left, right };
inline constexpr NameTable side_names{std::array{Named<Side>{Side::left, "left"}, Named<Side>{Side::right, "right"}}};
// "left", "right"; "" for both sides.
inline std::string_view to_string(Side side) { return side == Side::both ? std::string_view{} : side_names.name(side); }

}  // namespace anklog
