#include <doctest/doctest.h>

#include "anklog/date.hpp"

using namespace anklog;
using namespace std::chrono;

TEST_CASE("ISO dates are parsed strictly") {
    CHECK(*parse_iso_date("2026-11-18") == Date{year{2026}, month{11}, day{18}});
    CHECK(*parse_iso_date("2024-02-29") == Date{year{2024}, month{2}, day{29}});
    for (const char* bad : {"2026-02-29", "2026-13-01", "2026-11-31", "2026-1-18", "18/11/2026", "2026-11-18x",
                            "", "today-ish", "2026-11-1a"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_iso_date(bad).has_value());
    }
}

TEST_CASE("today and yesterday are relative to the date given") {
    const Date today{year{2026}, month{3}, day{1}};
    CHECK(*parse_date_argument("today", today) == today);
    CHECK(*parse_date_argument("yesterday", today) == Date{year{2026}, month{2}, day{28}});
    CHECK(*parse_date_argument("2026-01-05", today) == Date{year{2026}, month{1}, day{5}});
    CHECK_FALSE(parse_date_argument("tomorrow", today).has_value());
}

TEST_CASE("date arithmetic and formatting") {
    const Date d{year{2026}, month{11}, day{18}};  // a Wednesday
    CHECK(to_string(d) == "2026-11-18");
    CHECK(to_string(add_days(d, 14)) == "2026-12-02");
    CHECK(days_between(d, add_days(d, -30)) == -30);
    CHECK(to_string(week_start(d)) == "2026-11-16");
    CHECK(to_string(week_start(Date{year{2026}, month{11}, day{22}})) == "2026-11-16");  // Sunday
    CHECK(to_string(week_start(Date{year{2026}, month{11}, day{16}})) == "2026-11-16");  // Monday
}
