#pragma once
// check: the rules of the rule table applied to a log, as findings.
#include <cstddef>
#include <string>
#include <vector>

#include "anklog/date.hpp"
#include "anklog/log.hpp"
#include "anklog/rules.hpp"

namespace anklog {

// One flagged session: what, the numbers behind it, what to do, and why
// (the rule table gives the source).
struct Finding {
    RuleId rule = RuleId::start_light;
    Severity severity = Severity::note;
    std::size_t session = 0;  // index in Log::sessions
    Date date{};              // the session's date and activity, for reading
    std::string activity;
    std::string message;   // "walk on 2026-11-20 raised weight and duration together"
    std::string evidence;  // "weight 1 kg -> 1.5 kg, duration 20 min -> 30 min (...)"
    std::string advice;    // "raise one at a time: ..."
};

// Every finding on the log's sessions, in date order (then file order, then
// rule table order). Rules switched off in [rules] are skipped; thresholds
// come from the rule table unless [rules] overrides them.
std::vector<Finding> check(const Log& log);

}  // namespace anklog
