#pragma once
// Calendar dates (TOML local dates): no time of day, no time zone.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace anklog {

using Date = std::chrono::year_month_day;

// The dates a log can hold: four-digit years, as TOML and other readers
// (Python's tomllib among them) accept them.
inline constexpr Date first_log_date{std::chrono::year{1}, std::chrono::January, std::chrono::day{1}};
inline constexpr Date last_log_date{std::chrono::year{9999}, std::chrono::December, std::chrono::day{31}};
inline bool is_log_date(Date date) { return date.ok() && date >= first_log_date && date <= last_log_date; }

// Strict ISO 8601 calendar date "YYYY-MM-DD"; nullopt if malformed, not a
// real day (2026-02-30) or not a date a log can hold (0000-01-01).
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
