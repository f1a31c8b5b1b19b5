#pragma once
// Internal to the planner: what each activity should do next week, before
// it is put on days.
#include <string>
#include <vector>

#include "anklog/plan.hpp"

namespace anklog::planning {

struct Dose {
    Mass weight;
    int minutes = 0;  // timed activities
    int sets = 0;     // strength
    int reps = 0;
    [[nodiscard]] int volume(Kind kind) const { return is_timed(kind) ? minutes : sets * reps; }
};

struct Prescription {
    const Activity* activity = nullptr;
    Limb on = Limb::ankle;
    Dose dose;
    PlanLabel label = PlanLabel::repeat;
    std::string reason;
    int frequency = 1;  // sessions this week
};

// The history the planner reads: sessions before the planned week.
struct History {
    const Log& log;
    Date monday;
    std::vector<const Session*> before;  // in date order
};

// The activities to plan (those of the last 28 days, at most 4, or the
// beginner's three), each with its dose for next week.
std::vector<Prescription> prescribe(const History& history, int days);

}  // namespace anklog::planning
