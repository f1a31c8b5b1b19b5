#pragma once
// Internal to the planner: classes, the loads that keep their length (a
// 45-min barre class is done for 45 min or not at all). They progress by
// weight, come back after a break lighter rather than shorter, and are eased
// without weights rather than cut.
#include <cstddef>
#include <optional>
#include <vector>

#include "anklog/activity.hpp"
#include "anklog/date.hpp"
#include "anklog/session.hpp"

namespace anklog::planning {

// Two sessions of the same length make a class.
inline constexpr std::size_t class_sessions_alike = 2;

// A class of fixed length: declared so, or its last two recent weighted
// sessions (in the 28 days before `monday`) lasted the same (issue 19 point
// 12: a 50-min Pilates class is never raised to 55 min).
bool fixed_length(const Activity& activity, const std::vector<const Session*>& weighted, Date monday);

// A class before a break: declared of fixed length, or its last two
// sessions lasted the same, however long ago (after a break they are older
// than fixed_length's 28 days).
bool class_before_break(const Activity& activity, const std::vector<const Session*>& sessions);

// A class's usual length: the longest of its lengths that two or more
// recent weighted sessions (28 days before `monday`) share. A class
// shortened after pain or for a deload is rebuilt to it by minutes, never
// past it.
std::optional<int> class_length(const Activity& activity, const std::vector<const Session*>& weighted, Date monday);

// The first session after the latest break (break_days or more without a
// session) among `sessions` (in date order), if there was one.
std::optional<Date> returned_after_break(const std::vector<const Session*>& sessions, int break_days);

}  // namespace anklog::planning
