#pragma once
// A load: an activity where the weight sits. Ankle and wrist weights are
// different loads (ankle weights load the knees and hips, wrist weights do
// not), so every per-load rule, the planner and the assessment key their
// working level, progression and phase by LoadKey. A side (left/right) is a
// later field of the same key: equality and order are on all members, so
// adding one changes no caller that builds keys with load_of().
#include <tuple>
#include <string>
#include <string_view>

#include "anklog/session.hpp"

namespace anklog {

struct LoadKey {
    std::string activity;  // canonical catalogue name
    Limb on = Limb::ankle;
    Side side = Side::both;  // both: the log names no side for this load

    bool operator==(const LoadKey&) const = default;
    // Every member, in order (a side joins the tie).
    friend bool operator<(const LoadKey& a, const LoadKey& b) {
        return std::tie(a.activity, a.on, a.side) < std::tie(b.activity, b.on, b.side);
    }
};

// The load a session puts on the body. A session without weights has no
// placement of its own: it is the activity at the placement its `on` says
// (ankle unless the log says otherwise), and it counts as history (a
// session of the activity: no break, pain) for every placement of it.
inline LoadKey load_of(const Session& session) { return LoadKey{session.activity, session.on, session.side}; }

// "the ankles", "the wrists"
inline std::string_view placement_text(Limb on) { return on == Limb::wrist ? "the wrists" : "the ankles"; }

// "the left ankle", "the right wrist"; "the ankles" for both sides.
inline std::string placement_text(Limb on, Side side) {
    if (side == Side::both) return std::string(placement_text(on));
    return "the " + std::string(to_string(side)) + " " + std::string(to_string(on));
}

// "walk on the ankles", "side-leg-lift on the left ankle": how findings and reasons name a load.
inline std::string load_name(const LoadKey& load) {
    return load.activity + " on " + placement_text(load.on, load.side);
}

}  // namespace anklog
