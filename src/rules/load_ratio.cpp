// load_ratio: the ratio load-ramp judges, for one day. It mirrors LoadRamp in
// load_rules.cpp (the same windows, the same restart after a break); a test
// checks that both give the same numbers for every acute:chronic finding.
#include "anklog/load_ratio.hpp"

#include "anklog/numeric.hpp"
#include "anklog/thresholds.hpp"
#include "engine.hpp"

namespace anklog {

LoadRatio load_ratio(const Log& log, Kind family, Date date) {
    const Thresholds limits = thresholds_of(log);
    LoadRatio out;
    out.family = family;
    out.date = date;
    out.acute_days = limits.load_ramp.acute_days;
    out.chronic_days = limits.load_ramp.chronic_days;
    const int day = rules::day_number(date);

    struct Counted {
        int day;
        int volume;
    };
    std::vector<Counted> counted;  // since the first session or the last return
    for (const Session* session : in_date_order(log)) {
        if (session->date > date) break;
        const Activity* activity = log.catalogue.find(session->activity);
        if (!session->weighted() || activity->kind != family) continue;
        const int session_day = rules::day_number(session->date);
        if (!counted.empty() && session_day - counted.back().day >= limits.return_after_break.break_days) {
            counted.clear();  // the windows count from the return
        }
        counted.push_back({session_day, volume(*session, family)});
    }
    if (counted.empty()) return out;
    double chronic = 0;
    for (const Counted& c : counted) {
        if (c.day > day - out.acute_days) out.acute += c.volume;
        if (c.day > day - out.chronic_days) chronic += c.volume;
    }
    out.chronic_per_acute = chronic * out.acute_days / out.chronic_days;
    if (out.chronic_per_acute > 0) out.ratio = out.acute / out.chronic_per_acute;
    out.history_days = day - counted.front().day;
    return out;
}

LoadZone load_zone(double ratio, double spike_above) {
    if (above(ratio, spike_above)) return LoadZone::spike;
    if (above(ratio, building_fast_above)) return LoadZone::building_fast;
    if (below(ratio, easing_off_below)) return LoadZone::easing_off;
    return LoadZone::steady;
}

std::string_view to_string(LoadZone zone) {
    switch (zone) {
        case LoadZone::easing_off: return "easing off";
        case LoadZone::steady: return "steady";
        case LoadZone::building_fast: return "building fast";
        case LoadZone::spike: return "spike";
    }
    return "steady";
}

}  // namespace anklog
