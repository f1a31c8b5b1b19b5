#pragma once
// check: the rules of the rule table applied to a log, as findings.
#include <string>
#include <string_view>
#include <vector>

#include "anklog/date.hpp"
#include "anklog/log.hpp"
#include "anklog/rules.hpp"

namespace anklog {

// One flagged session: what, the numbers behind it, what to do, and why.
struct Finding {
    std::string_view rule;  // id in the rule table
    Severity severity = Severity::note;
    Date date{};
    std::string activity;
    int line = 0;           // the session's [[session]] line
    std::string message;    // "walk on 2026-11-20 raised weight and duration together"
    std::string evidence;   // "weight 1 kg -> 1.5 kg, duration 20 min -> 30 min (...)"
    std::string advice;     // "raise one at a time: ..."
    std::string_view source;
};

// Every finding on the log's sessions, in date order (then file line, then
// rule table order). Rules switched off in [rules] are skipped; thresholds
// come from the rule table unless [rules] overrides them.
std::vector<Finding> check(const Log& log);

// The limits that depend on the person: with injury history the stricter
// threshold of the rule table applies.
double start_light_max_kg(const Log& log);    // start-light: heaviest first weight
double gait_weight_limit_kg(const Log& log);  // over-range: heaviest gait weight before a warning

}  // namespace anklog
