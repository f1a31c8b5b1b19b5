#pragma once
// Internal to the planner: what each activity should do next week, before
// it is put on days.
#include <optional>
#include <string>
#include <vector>

#include "anklog/assess.hpp"
#include "anklog/plan.hpp"
#include "anklog/thresholds.hpp"

namespace anklog::planning {

struct Dose {
    std::optional<Mass> weight;  // nullopt: without weights
    int minutes = 0;             // timed activities
    int sets = 0;                // strength
    int reps = 0;
    [[nodiscard]] int volume(Kind kind) const { return is_timed(kind) ? minutes : sets * reps; }
};

struct Prescription {
    const Activity* activity = nullptr;
    Limb on = Limb::ankle;
    Side side = Side::both;
    Dose dose;
    PlanLabel label = PlanLabel::repeat;
    std::string reason;
    int frequency = 1;  // sessions this week
    // The activity's last session, and the dose for a session that lands a
    // break's length after it: about half the volume of the last weighted one.
    std::optional<Date> last_date;
    std::optional<Dose> come_back;
    std::string last_weighted;          // "1 kg for 12 min on 2026-11-11"
    bool last_was_weighted = false;     // the last session is that one
    bool after_break = false;           // `dose` is that come-back dose: a break came before the week
    // A class (declared, or its last two sessions lasted the same): it keeps
    // its length; a come-back goes one weight step lighter, or without
    // weights, and so does a session the rules would shorten.
    bool keeps_length = false;
    std::string come_back_note;  // "one weight step lighter, after pain 7/10 on 2026-11-14: ..."
};

// A session's dose.
Dose dose_of(const Session& s);

// The dose of `p` kept inside the clinician's prescription `rx` (its days,
// ranges and criterion), given the activity's sessions before the week.
void keep_within(Prescription& p, const anklog::Prescription& rx, const std::vector<const Session*>& sessions,
                 Unit unit);


// The history the planner reads: sessions before the planned week.
struct History {
    const Log& log;
    const Thresholds& limits;
    Date monday;
    std::vector<const Session*> before;  // in date order
    const Assessment* standing = nullptr;  // where the person stands before the week
};

// With a clinician's prescription in force on the Monday, the week holds its
// activities only: the note naming those the person logged in the last 28
// days (else ever) that no prescription names, not planned; nullopt when
// none or without a prescription.
std::optional<std::string> unprescribed_note(const History& history);

// Why the whole week comes back gently, if it does.
enum class ComeBack {
    no,
    after_pain,   // persistent pain that has settled: the lightest weight
    not_settled,  // persistent pain that a later reading says has not settled: without weights
};

// The activities to plan (those of the last 28 days, at most 4; else the
// person's most recent ones; else the beginner's three), each with its dose
// for next week.
std::vector<Prescription> prescribe(const History& history, int days, ComeBack come_back);

}  // namespace anklog::planning
