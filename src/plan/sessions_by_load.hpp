#pragma once
// Internal to the planner: the history's sessions grouped by load, the
// series each activity at each placement (and side) progresses from.
#include <map>
#include <tuple>
#include <vector>

#include "anklog/plan.hpp"
#include "prescribe.hpp"

namespace anklog::planning {

// A load of the history: an activity at a placement, on one side once the
// log names a side there.
struct Load {
    const Activity* activity;
    Limb on;
    Side side = Side::both;
    friend bool operator<(const Load& a, const Load& b) {
        return std::tie(a.activity, a.on, a.side) < std::tie(b.activity, b.on, b.side);
    }
    friend bool operator==(const Load& a, const Load& b) {
        return a.activity == b.activity && a.on == b.on && a.side == b.side;
    }
};

// The history's sessions per load: each activity's weighted sessions at
// each placement, with the activity's sessions without weights (history for
// every placement: a session, its pain, no break). An activity never done
// with weights is one load, at the placement it would start at.
std::map<Load, std::vector<const Session*>> sessions_by_load(const History& history);

}  // namespace anklog::planning
