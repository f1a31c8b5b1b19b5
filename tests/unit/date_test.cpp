#include <doctest/doctest.h>

#include "anklog/date.hpp"
#include "anklog/period.hpp"

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
    CHECK_FALSE(parse_date_argument("tomorrow", today).has_value());  // parse_period_date reads it
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

TEST_CASE("a period date is a date, today, yesterday, or a span back from today") {
    const Date today{year{2026}, month{5}, day{31}};
    const auto text = [&](const char* period) {
        const auto date = parse_period_date(period, today);
        return date ? to_string(*date) : std::string("none");
    };
    CHECK(text("today") == "2026-05-31");
    CHECK(text("yesterday") == "2026-05-30");
    CHECK(text("2026-01-05") == "2026-01-05");
    CHECK(text("0d") == "2026-05-31");
    CHECK(text("1d") == "2026-05-30");
    CHECK(text("7d") == "2026-05-24");
    CHECK(text("2w") == "2026-05-17");
    CHECK(text("3m") == "2026-02-28");  // no 31 February: the month's last day
    CHECK(text("1m") == "2026-04-30");
    CHECK(text("12m") == "2025-05-31");
    CHECK(text("1y") == "2025-05-31");
    CHECK(*parse_period_date("1y", Date{year{2024}, month{2}, day{29}}) == Date{year{2023}, month{2}, day{28}});
    CHECK(text("010d") == "2026-05-21");  // decimal, as every number anklog reads
    CHECK(text("7D") == "2026-05-24");  // case does not matter
    for (const char* bad : {"", "d", "7", "7x", "-7d", "+7d", "7 d", "1.5w", "7dd", "0x7d", "2026-02-30", "10001y",
                            "2027y", "99999999999d"}) {
        CAPTURE(bad);
        CHECK(text(bad) == "none");
    }
}

TEST_CASE("a period holds the dates from since to until, both included, either end open") {
    const Date a{year{2026}, month{11}, day{2}};
    const Date b{year{2026}, month{11}, day{8}};
    CHECK(Period{a, b}.contains(a));
    CHECK(Period{a, b}.contains(b));
    CHECK_FALSE(Period{a, b}.contains(add_days(b, 1)));
    CHECK_FALSE(Period{a, b}.contains(add_days(a, -1)));
    CHECK(Period{std::nullopt, b}.contains(Date{year{1}, month{1}, day{1}}));
    CHECK(Period{a, std::nullopt}.contains(last_log_date));
}
