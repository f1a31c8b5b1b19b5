#pragma once
// Periods as the command line gives them: --since and --until of check,
// history, summary and report all read dates with this one parser.
#include <optional>
#include <string_view>

#include "anklog/date.hpp"

namespace anklog {

// A date as --since or --until take it: "today", "yesterday", "YYYY-MM-DD",
// or a span back from today: "7d" (7 days before today), "2w" (14 days),
// "3m" (3 calendar months; a day the month lacks becomes its last day:
// 3m before 2026-05-31 is 2026-02-28), "1y" (a year; 29 February becomes
// the 28th). `today` is passed in so that the domain stays free of clocks.
// nullopt when the text is none of these, or when the date is not one a
// log can hold.
std::optional<Date> parse_period_date(std::string_view text, Date today);

// Dates from `since` to `until`, both included; an end not given is open.
struct Period {
    std::optional<Date> since;
    std::optional<Date> until;

    [[nodiscard]] bool contains(Date date) const {
        return (!since || date >= *since) && (!until || date <= *until);
    }
};

}  // namespace anklog
