// summarize(): a log's weeks and months, counted by hand.
#include <doctest/doctest.h>

#include "anklog/error.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/summary.hpp"

using namespace anklog;

namespace {

Date d(const char* text) { return *parse_iso_date(text); }

// Two weeks of a walker in pounds who also does bridges; a plan for the
// second week, with one walk missed.
const char* const two_weeks = R"(
[profile]
units = "lb"

[[session]]
date = 2026-11-02
activity = "walk"
weight = "2 lb"
minutes = 20
effort = 3
pain = 1

[[session]]
date = 2026-11-02
activity = "glute-bridge"
weight = "1 kg"
sets = 2
reps = 10
pain = 2

[[session]]
date = 2026-11-04
activity = "walk"
minutes = 30
effort = 2

[[session]]
date = 2026-11-06
activity = "walk"
weight = "3 lb"
minutes = 20
effort = 4

# anklog plan for the week of 2026-11-09
[[planned]]
date = 2026-11-09
activity = "walk"
weight = "2 lb"
minutes = 22

[[planned]]
date = 2026-11-11
activity = "glute-bridge"
weight = "1 kg"
sets = 2
reps = 11

[[planned]]
date = 2026-11-13
activity = "walk"
weight = "2 lb"
minutes = 22

[[session]]
date = 2026-11-09
activity = "walk"
weight = "2 lb"
minutes = 22
effort = 3

[[session]]
date = 2026-11-11
activity = "glute-bridge"
weight = "1 kg"
sets = 2
reps = 11
pain = 0

[[session]]
date = 2026-11-15
activity = "walk"
weight = "2 lb"
minutes = 24
)";

}  // namespace

TEST_CASE("a week's totals: weighted days and volume by family, heaviest, session-RPE load, pain, plan") {
    const Log log = parse_log(two_weeks, "t.toml");
    const Summary s = summarize(log, {Grouping::week, Period{d("2026-11-02"), d("2026-11-15")}, d("2026-11-29")});
    REQUIRE(s.periods.size() == 2);
    const PeriodTotals& first = s.periods[0];
    CHECK(first.start == d("2026-11-02"));
    CHECK(first.end == d("2026-11-08"));
    CHECK(first.sessions == 4);
    CHECK(first.weighted_days == 2);  // the unweighted walk does not count
    CHECK(first.weighted_volume[index_of(Kind::gait)] == 40);
    CHECK(first.weighted_volume[index_of(Kind::strength)] == 20);
    CHECK(first.weighted_volume[index_of(Kind::mobility)] == 0);
    CHECK(format_mass(*first.heaviest, Unit::lb) == "3 lb");
    CHECK(*first.srpe_load == 60 + 60 + 80);  // unweighted sessions have an effort too
    CHECK(*first.highest_pain == 2);
    CHECK(first.plan.planned == 0);
    const PeriodTotals& second = s.periods[1];
    CHECK(second.weighted_days == 3);
    CHECK(format_mass(*second.heaviest, Unit::lb) == "2.2 lb");  // 1 kg of bridges
    CHECK(*second.srpe_load == 66);
    CHECK(*second.highest_pain == 0);
    CHECK(second.plan.planned == 3);
    CHECK(second.plan.done == 2);
    REQUIRE(second.plan.missed.size() == 1);
    CHECK(second.plan.missed.front()->date == d("2026-11-13"));
    CHECK(second.planned_volume[index_of(Kind::gait)] == 44);
    CHECK(second.planned_volume[index_of(Kind::strength)] == 22);
    CHECK(s.main_family == Kind::gait);
    CHECK(s.enough_data);  // 2026-11-02 to 2026-11-15: 14 days
    CHECK(s.has_plan);
}

TEST_CASE("the default period: 12 whole weeks (or months) to today - a period starts with its whole first week") {
    // An unweighted walk long before: the log started before the 12 weeks.
    const Log log = parse_log(std::string(two_weeks) + "\n[[session]]\ndate = 2024-01-03\nactivity = \"walk\"\nminutes = 10\n",
                              "t.toml");
    const Summary weeks = summarize(log, {Grouping::week, Period{}, d("2026-11-29")});
    CHECK(weeks.periods.size() == 12);
    CHECK(weeks.since == d("2026-09-07"));
    CHECK(weeks.until == d("2026-11-29"));
    CHECK(weeks.periods.front().start == d("2026-09-07"));
    CHECK(weeks.periods.back().end == d("2026-11-29"));
    const Summary months = summarize(log, {Grouping::month, Period{}, d("2026-11-29")});
    CHECK(months.periods.size() == 12);
    CHECK(months.since == d("2025-12-01"));
    CHECK(months.periods.back().start == d("2026-11-01"));
    CHECK(months.periods.back().end == d("2026-11-30"));
    CHECK(months.periods.back().to == d("2026-11-29"));
    CHECK(months.periods.back().weighted_volume[index_of(Kind::gait)] == 40 + 22 + 24);
    // From a Wednesday: the period starts with that whole week, Monday on.
    const Summary clipped = summarize(log, {Grouping::week, Period{d("2026-11-04"), d("2026-11-10")}, d("2026-11-29")});
    REQUIRE(clipped.periods.size() == 2);
    CHECK(clipped.since == d("2026-11-02"));
    CHECK(clipped.periods[0].from == d("2026-11-02"));
    CHECK(clipped.periods[1].to == d("2026-11-10"));
    CHECK(clipped.periods[1].plan.planned == 1);  // the plan of the days counted
}

TEST_CASE("a summary starts with the week (month) of the first session: no empty weeks before the person started") {
    const Log log = parse_log(two_weeks, "t.toml");  // from 2026-11-02
    const Summary weeks = summarize(log, {Grouping::week, Period{}, d("2026-11-29")});
    CHECK(weeks.since == d("2026-11-02"));
    CHECK(weeks.periods.size() == 4);
    CHECK(summarize(log, {Grouping::week, Period{d("2026-01-01"), d("2026-11-29")}, d("2026-11-29")}).since ==
          d("2026-11-02"));
    const Summary months = summarize(log, {Grouping::month, Period{}, d("2026-11-29")});
    CHECK(months.since == d("2026-11-01"));
    CHECK(months.periods.size() == 1);
    // A period that ends before the first session: the week of its end.
    const Summary before = summarize(log, {Grouping::week, Period{std::nullopt, d("2026-10-14")}, d("2026-11-29")});
    CHECK(before.since == d("2026-10-12"));
    CHECK(before.periods.size() == 1);
    // A planned session before the first session done counts as a start: it was missed.
    const Log planned = parse_log(std::string(two_weeks) + "\n[[planned]]\ndate = 2026-10-28\nactivity = \"walk\"\n"
                                                           "minutes = 10\n",
                                  "t.toml");
    CHECK(summarize(planned, {Grouping::week, Period{}, d("2026-11-29")}).since == d("2026-10-26"));
}

TEST_CASE("findings at warning and danger are counted in the week of their session") {
    const Log log = parse_log("[[session]]\ndate = 2026-11-02\nactivity = \"walk\"\nweight = \"3 kg\"\nminutes = 60\n"
                              "pain = 6\n",
                              "t.toml");
    const Summary s = summarize(log, {Grouping::week, Period{d("2026-11-02"), d("2026-11-08")}, d("2026-11-29")});
    REQUIRE(s.periods.size() == 1);
    CHECK(s.periods[0].warnings == 1);  // start-light (over-range merges into one danger)
    CHECK(s.periods[0].dangers == 2);   // over-range > 2.5 kg, pain > 5
    CHECK_FALSE(s.enough_data);
}

TEST_CASE("this week's plan and load, on the last day of the period") {
    const Log log = parse_log(two_weeks, "t.toml");
    const Summary s = summarize(log, {Grouping::week, Period{std::nullopt, d("2026-11-12")}, d("2026-11-29")});
    REQUIRE(s.current_week.has_value());
    CHECK(s.current_week->start == d("2026-11-09"));
    CHECK(s.current_week->plan.planned == 3);
    CHECK(s.current_week->plan.done == 2);  // the walk of the 13th is still to come on the 12th
    REQUIRE(s.load.size() == 2);
    CHECK(s.load[0].family == Kind::gait);
    CHECK(s.load[1].family == Kind::strength);
    CHECK(s.load[0].date == d("2026-11-12"));
    CHECK(s.load[0].ratio == load_ratio(log, Kind::gait, d("2026-11-12")).ratio);
    CHECK_FALSE(summarize(log, {Grouping::week, Period{std::nullopt, d("2026-11-29")}, d("2026-11-29")})
                    .current_week.has_value());
}

TEST_CASE("a summary holds at most a century of weeks: more is an error, not an endless table") {
    // With a session on the first day a log can hold.
    const Log log = parse_log(std::string(two_weeks) + "\n[[session]]\ndate = 0001-01-03\nactivity = \"walk\"\nminutes = 10\n",
                              "t.toml");
    CHECK_THROWS_WITH_AS(summarize(log, {Grouping::week, Period{first_log_date, last_log_date}, d("2026-11-29")}),
                         "0001-01-01 to 9999-12-31 holds 521723 weeks; a summary shows at most 5200", Error);
    CHECK_THROWS_AS(summarize(log, {Grouping::month, Period{first_log_date, last_log_date}, d("2026-11-29")}), Error);
    CHECK(summarize(log, {Grouping::month, Period{d("1700-01-01"), d("2026-11-29")}, d("2026-11-29")}).periods.size() ==
          (2026 - 1700) * 12 + 11);
    // The default period never starts before the first day a log can hold.
    CHECK(summarize(log, {Grouping::week, Period{std::nullopt, d("0001-01-20")}, d("2026-11-29")}).since ==
          first_log_date);
}
