#pragma once
// check: the rules of the rule table applied to a log, as findings.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "anklog/date.hpp"
#include "anklog/log.hpp"
#include "anklog/pain.hpp"
#include "anklog/rules.hpp"

namespace anklog {

// One number (or date, or word) behind a finding, named: "weight_kg" 1.5.
struct Evidence {
    std::string_view name;
    std::variant<long long, double, std::string> value;
};

// One flagged session: what, the numbers behind it, what to do, and why
// (the rule table gives the source).
struct Finding {
    RuleId rule = RuleId::start_light;
    Severity severity = Severity::note;
    std::size_t session = 0;  // index in Log::sessions
    Date date{};              // the session's date and activity, for reading
    std::string activity;
    std::string message;          // "walk on 2026-11-20 raised weight and duration together"
    std::string evidence;         // "weight 1 kg -> 1.5 kg, duration 20 min -> 30 min (...)"
    std::vector<Evidence> data;   // the same numbers, typed
    std::string advice;           // "raise one thing at a time: 1.5 kg for 20 min"
    // The load the advice proposes instead of the session (date, activity,
    // on, weight, minutes or sets and reps; no weight = without weights).
    // Absent when the advice is to rest or stop. No other rule flags it at
    // warning or above on that day, whichever finding proposes it.
    std::optional<Session> suggestion;
};

// Every finding on the log's sessions, in date order (then file order, then
// rule table order). Rules switched off in [rules] are skipped; thresholds
// come from the rule table unless [rules] overrides them.
std::vector<Finding> check(const Log& log);

// The part of the log that check() needs to judge `added` sessions, each
// dated on or after every session of the log (a planned week, a session
// logged today): a log with the same profile, activities and [rules] and
// the sessions (in file order) from a day worked out from the rules and
// their thresholds: the windows they look back over, the last sessions of
// each added activity and of its family, the current run of weighted days,
// the first weighted days and the last training days. check() on it with
// `added` appended gives the same findings on `added` as check() on the
// whole log with `added` appended (Finding::session counting from the
// slice's sessions). With an added session dated before a session of the
// log, or one of an unknown activity, it holds all the log's sessions.
Log history_for_check(const Log& log, const std::vector<Session>& added);

// "1 kg for 20 min", "0.5 kg on the wrists for 1 x 10", "without weights for
// 20 min": a load as advice states it, each weight as it is set.
std::string describe_load(const Session& session, Kind kind);

// A step down (pain above the danger level, or worse the next morning) that
// a later reading settled is still done first, for `recent_days` after the
// painful day: until a session of the load since the painful day with pain
// recorded at or below `settled_level` (at any weight), or one at or below
// the step down (one weight step below the load that hurt; at the lightest
// weight, the deload's share of its volume). The load that hurt is its last
// session within `recent_days` before the pain. `weighted`: the load's
// weighted sessions before `day`, in date order. The assessment, the plan
// and check's pain-hold all ask this one function.
bool step_down_pending(const PlacementPain& at, const std::vector<const Session*>& weighted, Date day,
                       int settled_level, int recent_days, const Profile& profile, Kind kind);

}  // namespace anklog
