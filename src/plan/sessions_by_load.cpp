#include "sessions_by_load.hpp"

#include <algorithm>
#include <array>
#include <iterator>

namespace anklog::planning {

std::map<Load, std::vector<const Session*>> sessions_by_load(const History& history) {
    const Catalogue& catalogue = history.log.catalogue;
    std::map<const Activity*, std::vector<const Session*>> by_activity;
    for (const Session* s : history.before) by_activity[catalogue.find(s->activity)].push_back(s);
    std::map<Load, std::vector<const Session*>> out;
    for (const auto& [activity, sessions] : by_activity) {
        std::array<bool, 2> weighted_at{};
        for (const Session* s : sessions) {
            if (s->weighted()) weighted_at[static_cast<std::size_t>(s->on)] = true;
        }
        for (const Limb on : {Limb::ankle, Limb::wrist}) {
            if (!weighted_at[static_cast<std::size_t>(on)]) continue;
            // Once a session of this placement's series names a side, each
            // side is its own load: its own sessions and those of both sides (the
            // other side's are not its history, however strong it is).
            const bool sided = std::any_of(sessions.begin(), sessions.end(), [on](const Session* s) {
                return s->side != Side::both && (!s->weighted() || s->on == on);
            });
            for (const Side side : sided ? std::array{Side::left, Side::right} : std::array{Side::both, Side::both}) {
                auto& series = out[Load{activity, on, side}];
                for (const Session* s : sessions) {
                    const bool of_side = side == Side::both || s->side == side || s->side == Side::both;
                    if (of_side && (!s->weighted() || s->on == on)) series.push_back(s);
                }
                if (series.empty()) out.erase(Load{activity, on, side});  // no session of this side
                if (!sided) break;
            }
        }
        if (!weighted_at[0] && !weighted_at[1]) {
            out[Load{activity, activity->name == "run" ? Limb::wrist : Limb::ankle}] = sessions;
        }
    }
    // Runs with ankle weights move to the wrists: with runs on the wrists
    // as well, those are the load to plan.
    for (auto it = out.begin(); it != out.end();) {
        const bool ankle_run = it->first.activity->name == "run" && it->first.on == Limb::ankle;
        it = ankle_run && out.count(Load{it->first.activity, Limb::wrist, it->first.side}) ? out.erase(it)
                                                                                             : std::next(it);
    }
    return out;
}

}  // namespace anklog::planning
