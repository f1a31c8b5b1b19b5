// Input as people type it: dates, minutes, sets, activity names in words,
// and flag values split over several words.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "anklog/period.hpp"
#include "anklog/typed_input.hpp"

using namespace anklog;
using namespace std::chrono;

namespace {

const Date saturday{year{2026}, month{12}, day{5}};

std::string date_of(const char* text, Date today = saturday) {
    const auto date = parse_period_date(text, today);
    return date ? to_string(*date) : std::string("none");
}

}  // namespace

TEST_CASE("a weekday is the most recent one, today included - last is before today, next after") {
    CHECK(date_of("thursday") == "2026-12-03");
    CHECK(date_of("Thursday") == "2026-12-03");
    CHECK(date_of("thu") == "2026-12-03");
    CHECK(date_of("thurs") == "2026-12-03");
    CHECK(date_of("saturday") == "2026-12-05");  // today
    CHECK(date_of("sunday") == "2026-11-29");    // never a future date
    CHECK(date_of("last saturday") == "2026-11-28");
    CHECK(date_of("last monday") == "2026-11-30");
    CHECK(date_of("LAST  Monday") == "2026-11-30");
    CHECK(date_of("next saturday") == "2026-12-12");
    CHECK(date_of("next monday") == "2026-12-07");
    CHECK(date_of("tomorrow") == "2026-12-06");
    for (const char* bad : {"th", "thursdays", "this monday", "last", "next week", "monday monday", "last 2d"}) {
        CAPTURE(bad);
        CHECK(date_of(bad) == "none");
    }
}

TEST_CASE("a time back, short or in words") {
    CHECK(date_of("2d") == "2026-12-03");
    CHECK(date_of("2 days ago") == "2026-12-03");
    CHECK(date_of("1 day ago") == "2026-12-04");
    CHECK(date_of("2d ago") == "2026-12-03");
    CHECK(date_of("3 weeks ago") == "2026-11-14");
    CHECK(date_of("1 month ago") == "2026-11-05");
    CHECK(date_of("1 year ago") == "2025-12-05");
    for (const char* bad : {"2 days", "2 d ago", "-2 days ago", "2 fortnights ago", "days ago"}) {
        CAPTURE(bad);
        CHECK(date_of(bad) == "none");
    }
}

TEST_CASE("date advice is precise where the text allows") {
    CHECK(date_advice("this thursday", saturday) ==
          "\"this thursday\" could be 2026-12-03 or 2026-12-10: write thursday for 2026-12-03, \"next thursday\" for "
          "2026-12-10");
    CHECK(date_advice("last", saturday) == "name the day too, e.g. \"last monday\"");
    CHECK(date_advice("last week", saturday) == "name a day, e.g. \"last monday\" (2026-11-30), or a time back: 1w "
                                                "(2026-11-28)");
    CHECK(date_advice("next week", saturday) == "name a day, e.g. \"next monday\" (2026-12-07)");
    CHECK(date_advice("last mondy", saturday) == "did you mean 'last monday'?");
    CHECK(date_advice("thursdya", saturday) == "did you mean 'thursday'?");
    CHECK(date_advice("yesterdy", saturday) == "did you mean 'yesterday'?");
    CHECK(date_advice("12 weeks", saturday) == "write 12w (2026-09-12), or \"12 weeks ago\"");
    CHECK(date_advice("25/11/2026", saturday) == "write it as 2026-11-25");
    CHECK(date_advice("11/25/2026", saturday) == "write it as 2026-11-25");
    CHECK(date_advice("5.11.2026", saturday) == "write it as 2026-11-05 or 2026-05-11, whichever you mean");
    CHECK(date_advice("2026/11/25", saturday) == "write it as 2026-11-25");
    CHECK(date_advice("2026-02-30", saturday) == "there is no such day: write a real date as YYYY-MM-DD, years 0001 to 9999");
    CHECK(date_advice("soon", saturday).starts_with("write YYYY-MM-DD, today, yesterday, a weekday"));
}

TEST_CASE("minutes as people write them") {
    const auto minutes = [](const char* text) { return parse_minutes(text).value_or(-1); };
    CHECK(minutes("20") == 20);
    CHECK(minutes("020") == 20);
    CHECK(minutes("20min") == 20);
    CHECK(minutes("20 min") == 20);
    CHECK(minutes("20m") == 20);
    CHECK(minutes("20 Minutes") == 20);
    CHECK(minutes("1h") == 60);
    CHECK(minutes("1 hour") == 60);
    CHECK(minutes("2 hours") == 120);
    CHECK(minutes("1h15") == 75);
    CHECK(minutes("1h15m") == 75);
    CHECK(minutes("1h 15min") == 75);
    CHECK(minutes("1 hour 15 minutes") == 75);
    CHECK(minutes("1.5h") == 90);
    CHECK(minutes("0.25h") == 15);
    CHECK(minutes("0") == 0);  // the caller's range says no
    CHECK(minutes("99999999999999999999") >= 1'000'000);
    for (const char* bad : {"", "ten", "20.5", "1.33h", "1:15", "90s", "1h60", "1h 15h", "20 min ", " 20", "-5", "+5",
                            "0x10", "1e3", "20 walk", "1h15min20", "1,5h", "20kg"}) {
        CAPTURE(bad);
        CHECK(minutes(bad) == -1);
    }
    CHECK(minutes_advice("1:15") == "\"h:mm\" and \"m:ss\" look alike: write hours and minutes as 1h15, or whole minutes");
    CHECK(minutes_advice("90s") == "anklog counts whole minutes: write 2");
    CHECK(minutes_advice("20.5") == "anklog counts whole minutes: write 20 or 21");
    CHECK(minutes_advice("1,5h") == "write decimals with a point: 1.5h");
    CHECK(minutes_advice("1h75") == "after the hours come fewer than 60 minutes, e.g. 1h15");
    CHECK(minutes_advice("ten") == "write minutes (20 or 20min) or hours and minutes (1h, 1h15)");
}

TEST_CASE("sets, or sets x reps") {
    const auto sets = [](const char* text) {
        const auto s = parse_sets(text);
        if (!s) return std::string("none");
        return std::to_string(s->sets) + (s->reps ? "x" + std::to_string(*s->reps) : "");
    };
    CHECK(sets("2") == "2");
    CHECK(sets("2x12") == "2x12");
    CHECK(sets("2X12") == "2x12");
    CHECK(sets("2 x 12") == "2x12");
    CHECK(sets("2\xC3\x97" "12") == "2x12");  // the multiplication sign
    CHECK(sets("2*12") == "2x12");
    for (const char* bad : {"", "x12", "2x", "2x12x3", "two", "2 sets", "-2", "2x-12", " 2", "2 "}) {
        CAPTURE(bad);
        CHECK(sets(bad) == "none");
    }
    CHECK(sets_advice("2sets") == "write the number alone: --sets 2");
}

TEST_CASE("activity words: joined only when together they name one and are not all activities") {
    Catalogue catalogue;
    REQUIRE(!catalogue.declare("walk-run", Kind::gait, Group::none));
    const auto read = [&](std::vector<std::string> words) {
        std::string out;
        for (const ActivityWords& group : activities_in_words(catalogue, words)) {
            out += (out.empty() ? "" : " | ") + (group.activity ? group.activity->name : "?" + group.typed);
        }
        return out;
    };
    CHECK(read({"side", "leg", "lift"}) == "side-leg-lift");
    CHECK(read({"Side", "Leg", "Lift", "walk"}) == "side-leg-lift | walk");
    CHECK(read({"walk", "side", "leg", "lift"}) == "walk | side-leg-lift");
    CHECK(read({"leg", "lift"}) == "leg-lift");
    CHECK(read({"walk", "pilates"}) == "walk | pilates");
    CHECK(read({"walk", "run"}) == "walk | run");  // both activities: never walk-run
    CHECK(read({"walk-run"}) == "walk-run");
    CHECK(read({"walk", "20"}) == "walk | ?20");
    CHECK(read({"walk", "20", "min"}) == "walk | ?20 min");
    CHECK(read({"side", "leg", "lyft"}) == "?side leg lyft");
    CHECK(read({"glute", "bridge", "calf", "raise"}) == "glute-bridge | calf-raise");
}

TEST_CASE("the words after a flag's value that continue it") {
    const auto continuing = [](ValueForm form, const char* value, std::vector<std::string> after) {
        return words_continuing(form, value, after);
    };
    CHECK(continuing(ValueForm::mass, "0.5", {"kg", "walk"}) == 1);
    CHECK(continuing(ValueForm::mass, "0.5", {"walk"}) == 0);
    CHECK(continuing(ValueForm::mass, "0.5kg", {"kg"}) == 0);
    CHECK(continuing(ValueForm::minutes, "20", {"min"}) == 1);
    CHECK(continuing(ValueForm::minutes, "1", {"h", "15", "min", "walk"}) == 3);
    CHECK(continuing(ValueForm::minutes, "1h", {"15"}) == 1);
    CHECK(continuing(ValueForm::minutes, "20", {"10"}) == 0);
    CHECK(continuing(ValueForm::sets, "2", {"x", "12", "squat"}) == 2);
    CHECK(continuing(ValueForm::date, "last", {"monday", "walk"}) == 1);
    CHECK(continuing(ValueForm::date, "3", {"days", "ago"}) == 2);
    CHECK(continuing(ValueForm::date, "this", {"monday"}) == 1);  // refused, but as one value with its advice
    CHECK(continuing(ValueForm::date, "monday", {"walk"}) == 0);
    CHECK(continuing(ValueForm::date, "last", {"--dry-run"}) == 0);
    CHECK(continuing(ValueForm::mass, "1", {"-m", "kg"}) == 0);
}
