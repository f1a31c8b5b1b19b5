#pragma once
// Dates as the command line gives them: --date of log, done, pain and
// today, --week-of of plan, and --since and --until of check, history,
// summary and report all read dates with this one parser.
#include <optional>
#include <string>
#include <string_view>

#include "anklog/date.hpp"

namespace anklog {

// A date as every date flag takes it (words in any case):
//   "today", "yesterday", "tomorrow", "YYYY-MM-DD";
//   a weekday, "thursday" or "thu": the most recent one, today included
//   (never a future date);
//   "last thursday": the one before today; "next thursday": the first after
//   today;
//   a span back from today: "7d" (7 days before today), "2w" (14 days),
//   "3m" (3 calendar months; a day the month lacks becomes its last day:
//   3m before 2026-05-31 is 2026-02-28), "1y" (a year; 29 February becomes
//   the 28th), also written "7 days ago", "2 weeks ago", "3 months ago",
//   "1 year ago".
// `today` is passed in so that the domain stays free of clocks. nullopt
// when the text is none of these, or when the date is not one a log can
// hold.
std::optional<Date> parse_period_date(std::string_view text, Date today);

// One line of advice for text parse_period_date refused, as precise as the
// text allows: "this thursday" names both thursdays it could mean, a
// misspelt weekday gets "did you mean", 25/11/2026 is told to write
// 2026-11-25, and anything else gets the forms above.
std::string date_advice(std::string_view text, Date today);

// Dates from `since` to `until`, both included; an end not given is open.
struct Period {
    std::optional<Date> since;
    std::optional<Date> until;

    [[nodiscard]] bool contains(Date date) const {
        return (!since || date >= *since) && (!until || date <= *until);
    }
};

}  // namespace anklog
