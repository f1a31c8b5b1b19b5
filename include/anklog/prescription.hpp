#pragma once
// A clinician's prescription: a [[prescription]] block in the client's log.
// An activity, days per week, ranges for sets, reps, minutes and weight,
// optional dates, and the clinician's criterion for a step up.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "anklog/date.hpp"
#include "anklog/mass.hpp"
#include "anklog/session.hpp"

namespace anklog {

// A whole-number range [from, to], from <= to.
struct CountRange {
    int from = 0;
    int to = 0;
};

struct MassRange {
    Mass from;
    Mass to;
};

// The clinician's criterion for a step within the ranges: each of the last
// `sessions` sessions of the activity had pain at most `pain_at_most` and
// effort at most `effort_at_most` (each only when given; a session without
// the score logged does not meet it).
struct ProgressWhen {
    std::optional<int> pain_at_most;
    std::optional<int> effort_at_most;
    int sessions = 1;
};

struct Prescription {
    std::string activity;  // canonical catalogue name
    int days = 0;          // per week
    std::optional<CountRange> sets;
    std::optional<CountRange> reps;
    std::optional<CountRange> minutes;
    std::optional<MassRange> weight;
    std::optional<Limb> on;
    std::string side;  // "left", "right" or "both"; empty when not given
    std::string note;
    std::optional<Date> from;   // in force from (inclusive); absent: from the start
    std::optional<Date> until;  // in force until (inclusive); absent: open-ended
    std::optional<ProgressWhen> progress_when;
    int line = 0;  // line of its [[prescription]] header; 0 if not from a file
    std::string file;  // the log's file name as it was read; empty if not from a file
};

inline constexpr std::array<std::string_view, 3> side_words{"left", "right", "both"};

// The prescriptions in force on `date`, in file order: one per activity and
// side. Of an activity's prescriptions that have started by `date` (no
// `from`: from the start), the newer (the later `from`, then the later in
// the file) supersedes an older one whose sides it shares: one of the left
// and one of the right side are in force together; one of both sides (or
// naming no side) supersedes every older one of its activity, and a newer
// one of one side supersedes an older one of both sides (prescribe the
// other side again to keep it). A superseded prescription still holds
// before the newer one's start. The current one is in force unless its
// `until` has passed.
std::vector<const Prescription*> prescriptions_in_force(const std::vector<Prescription>& all, Date date);

// The prescription of `activity` in force on `date` that judges a session
// on `side` (the first in the file when both one-side prescriptions judge
// a session of both sides), or nullptr.
const Prescription* prescription_for(const std::vector<Prescription>& all, std::string_view activity, Side side,
                                     Date date);

// Whether `rx` judges a session on `side`: a prescription of one side
// (side = "left" or "right") judges that side's sessions and those of both
// sides (a session naming no side loads both, as a load does elsewhere);
// one without a side, or of both, judges every session.
bool judges_side(const Prescription& rx, Side side);

// Where the prescription is, as a finding cites a log line: "prescription at
// clients/ann.toml:12" ("prescription at line 12" when not from a file).
std::string source_text(const Prescription& rx);

// Whether the clinician's criterion allows a step, judged on the activity's
// sessions before the step, most recent last. Without a criterion: true.
bool criterion_met(const std::optional<ProgressWhen>& when, const std::vector<const Session*>& recent);

// Whether the session goes above a range's top of `rx` (sets, reps,
// minutes, weight per limb).
bool above_prescription(const Session& session, const Prescription& rx);

// Whether the session is below the bottom of a range of `rx` (sets, reps,
// minutes, weight per limb; without weights under a weight range).
bool below_prescription(const Session& session, const Prescription& rx);

// "2-3 x 10-15 at 0.5-1 kg" (strength) or "10-20 min at 0.5-1 kg", in the
// person's display unit; a single value when from == to.
std::string dose_text(const Prescription& rx, Unit display_unit);

// The unit the prescription's weight was written in ("-w 1lb-2lb": lb),
// else `fallback`: its dose reads as the clinician wrote it.
inline Unit written_unit(const Prescription& rx, Unit fallback) { return rx.weight ? rx.weight->to.unit : fallback; }

// The activity with the prescription's side when it names one:
// "side-leg-lift (left)", "walk".
std::string prescribed_activity(const Prescription& rx);

// Where its weights go, in words: "each ankle", "the left ankle", "each
// wrist", "the right wrist" (`on` absent: the ankles).
std::string placement_words(const Prescription& rx);

// "pain <= 2, effort <= 5 on the last 2 sessions"
std::string criterion_text(const ProgressWhen& when);

// "2-3" or "2" (from = to) as typed on the command line; nullopt otherwise.
std::optional<CountRange> parse_count_range(std::string_view text);

// "0.5kg-1kg", "0.5-1 kg" (the unit of the top for a bare bottom), "1 kg";
// bare numbers are in `bare_unit`. nullopt otherwise.
std::optional<MassRange> parse_mass_range(std::string_view text, Unit bare_unit);

// "pain<=2,effort<=5,sessions=2" (any order, spaces allowed, at least pain
// or effort; sessions 1 when not given); nullopt otherwise.
std::optional<ProgressWhen> parse_progress_when(std::string_view text);

// Problems of a prescription's values (ranges in order, days 1-7, dates in
// order, the volume its kind needs): the field and what is wrong, or nullopt.
std::optional<FieldProblem> validate(const Prescription& rx, const Activity& activity);

}  // namespace anklog
