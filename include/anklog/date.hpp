#pragma once
// Calendar dates (TOML local dates): no time of day, no time zone.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace anklog {

using Date = std::chrono::year_month_day;

// Strict ISO 8601 calendar date "YYYY-MM-DD"; nullopt if malformed or not a
// real day (2026-02-30).
std::optional<Date> parse_iso_date(std::string_view text);

// A date as the command line takes it: "today", "yesterday" or YYYY-MM-DD.
// `today` is passed in so that the domain stays free of clocks.
std::optional<Date> parse_date_argument(std::string_view text, Date today);

std::string to_string(Date date);
int days_between(Date from, Date to);  // to - from, in days
Date add_days(Date date, int days);
// Monday of the ISO week that holds `date`.
Date week_start(Date date);

}  // namespace anklog
