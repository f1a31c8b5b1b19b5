#pragma once
// Where the person stands on a date: one picture of the log, built once, that
// check's advice, plan's week, today, summary, the review and the report all
// render and none re-derives.
//
// - Per load (an activity at a placement): its working level and phase.
// - For the person: the pain state with its evidence. Pain belongs to the
//   person, not to an activity; the log records no body part, so pain in a
//   session at the ankles holds back all ankle work, pain in a session with
//   wrist weights all wrist work (not the other placement's work of that
//   day; a pain check on a rest day, every placement of the last training
//   day), until a later reading (a session's pain or a pain check)
//   at or below the settled level says it settled. Without one, anklog
//   asks: it never assumes pain settled.
// - For the log: what needs attention first, most severe first.
//
// Pain monitoring after Silbernagel et al. 2007 (Am J Sports Med 35:897):
// up to 5/10 during exercise is acceptable if it has settled by the next
// morning; pain the next morning higher than before, or above 5, means step
// down.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "anklog/date.hpp"
#include "anklog/load.hpp"
#include "anklog/log.hpp"
#include "anklog/pain.hpp"
#include "anklog/rules.hpp"

namespace anklog {

enum class Phase {
    starting,       // no weighted session at this placement yet: start light
    building,       // progressing from the working level
    holding,        // pain at this placement not yet settled (or a hard session): repeat, raise nothing
    stepping_down,  // pain above 5, or worse the next morning: one step lighter
    resting,        // pain on several of the last training days, recently: no weights
    coming_back,    // after a break, or after pain that settled: lighter, then build up
    deload,         // an easy week after weeks of progress
};
std::string_view to_string(Phase phase);

struct PainState {
    // Indexed by Limb: ankle, wrist.
    std::array<PlacementPain, 2> at{};
    // Pain on persistent-pain's count of the last training days.
    std::optional<Date> persistent_last;  // the last painful day of that run
    int persistent_days = 0;              // painful days among the last of_last
    bool resting = false;                 // ... and recent: no weights
    std::optional<Date> resting_until;    // the last day of the rest (recent_days after the last painful day)
    // After that run, the latest reading (a pain check, or a session's pain):
    // at or below the settled level, the evidence that it settled; above it,
    // the evidence that it has not.
    std::optional<PainReading> settled_after;
    std::optional<PainReading> not_settled;
    // A pain check is due: the come-back after persistent pain has no
    // reading since the painful days, or a placement's hold ended with no
    // reading since its painful one (unchecked_hold).
    bool check_due = false;
    // The pain level at or below which pain counts as settled.
    int settled_level = 2;

    [[nodiscard]] const PlacementPain& of(Limb on) const { return at[static_cast<std::size_t>(on)]; }
};

struct LoadState {
    LoadKey load;
    Kind kind = Kind::gait;
    Phase phase = Phase::building;
    std::optional<Session> last;      // the load's last session (weighted at this placement, or without weights)
    std::optional<Session> working;   // the working level: heaviest weight of the window, largest volume at it
    std::string why;                  // one line: the evidence for the phase
    bool step_first = false;          // pain settled, but its step down not yet done (step_down_pending)
};

struct Attention {
    Severity severity = Severity::note;
    std::string what;  // "resting after pain on 3 of the last 5 training days, until 2026-11-30"
    bool last_day = false;  // the last training day's danger finding (not the pain state)
};

// Pain above the pain rule's danger level (5/10) that no reading at or
// below the settled level has settled yet is danger in every view; pain
// up to it, not yet settled, a warning. (Pain that kept coming back,
// persistent-pain's danger, stays danger until a reading settles it.)
// The one place that decides it.
[[nodiscard]] Severity unsettled_pain_severity(int worst_pain, int danger_level);

struct Assessment {
    Date date{};
    std::vector<LoadState> loads;      // in activity, then placement order
    PainState pain;
    std::vector<Attention> attention;  // most severe first
    // The worst standing, in one line ("resting after pain ...",
    // "pain not yet settled: check it first", "building"), and its severity
    // (note when all is well).
    std::string headline;
    Severity severity = Severity::note;

    [[nodiscard]] const LoadState* find(const LoadKey& key) const;
};

// The last painful day at a placement (its session's date), if any: after
// it, the working level is built from the sessions since, not from the
// heavier load before the pain.
std::optional<Date> painful_day(const PlacementPain& at);

// The log as it stands at the end of `date`: its sessions (and pain checks)
// on or before `date`. Pure: no clock, no I/O.
Assessment assess(const Log& log, Date date);

}  // namespace anklog
