// load_ratio() gives the numbers check's load-ramp judges: for every
// acute:chronic finding, the ratio on that day is the finding's.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <random>

#include "anklog/check.hpp"
#include "anklog/load_ratio.hpp"
#include "anklog/log_parser.hpp"

using namespace anklog;

namespace {

const Date monday = *parse_iso_date("2026-09-07");

std::string walk(int day, int minutes, const std::string& activity = "walk", const std::string& weight = "1 kg") {
    return fmt::format("[[session]]\ndate = {}\nactivity = \"{}\"\nweight = \"{}\"\nminutes = {}\n\n",
                       to_string(add_days(monday, day)), activity, weight, minutes);
}

double evidence(const Finding& f, std::string_view name) {
    for (const Evidence& e : f.data) {
        if (e.name == name) return std::get<double>(e.value);
    }
    FAIL("no evidence " << name);
    return 0;
}

// Checks every acute:chronic finding of `log` against load_ratio on its day;
// the number of findings compared.
int compare_with_check(const Log& log) {
    int compared = 0;
    for (const Finding& f : check(log)) {
        if (f.rule != RuleId::load_ramp || f.evidence.find("acute:chronic") == std::string::npos) continue;
        const Kind family = log.catalogue.find(f.activity)->kind;
        // load_ratio counts the whole day; check judges after each session.
        const bool last_of_day = std::none_of(log.sessions.begin(), log.sessions.end(), [&](const Session& s) {
            return s.date == f.date && s.weighted() && log.catalogue.find(s.activity)->kind == family &&
                   s.line > log.sessions[f.session].line;
        });
        if (!last_of_day) continue;
        const LoadRatio ratio = load_ratio(log, family, f.date);
        CAPTURE(to_string(f.date));
        REQUIRE(ratio.ratio.has_value());
        CHECK(*ratio.ratio == doctest::Approx(evidence(f, "acwr")).epsilon(1e-12));
        CHECK(ratio.acute == doctest::Approx(evidence(f, "acute_volume")).epsilon(1e-12));
        CHECK(ratio.chronic_per_acute ==
              doctest::Approx(evidence(f, "chronic_volume_per_acute_window")).epsilon(1e-12));
        CHECK(ratio.settled());
        ++compared;
    }
    return compared;
}

}  // namespace

TEST_CASE("load_ratio: the last 7 days against the last 28 per 7, from the first session or the return") {
    // 20 min Mon, Wed and Fri for four weeks, 60 min a week; squats (strength)
    // and an unweighted walk count for no gait ratio.
    std::string text;
    for (int week = 0; week < 4; ++week) {
        for (const int d : {0, 2, 4}) text += walk(7 * week + d, 20);
    }
    const Log log = parse_log(text + "[[session]]\ndate = 2026-09-09\nactivity = \"squat\"\nweight = \"1 kg\"\n"
                                     "sets = 3\nreps = 10\n\n[[session]]\ndate = 2026-10-02\nactivity = \"walk\"\n"
                                     "minutes = 90\n",
                              "t.toml");
    const LoadRatio steady = load_ratio(log, Kind::gait, add_days(monday, 27));  // Sunday of week 4
    CHECK(steady.acute == 60);
    CHECK(steady.chronic_per_acute == 60);
    CHECK(*steady.ratio == 1.0);
    CHECK(steady.history_days == 27);
    CHECK_FALSE(steady.settled());
    CHECK(load_zone(*steady.ratio, 1.5) == LoadZone::steady);
    // A week later with nothing done: the acute window is empty.
    const LoadRatio rested = load_ratio(log, Kind::gait, add_days(monday, 34));
    CHECK(rested.acute == 0);
    CHECK(*rested.ratio == 0);
    CHECK(rested.settled());
    CHECK(load_zone(*rested.ratio, 1.5) == LoadZone::easing_off);
    // Before the first weighted session there is nothing to compare.
    CHECK_FALSE(load_ratio(log, Kind::gait, add_days(monday, -1)).ratio.has_value());
    CHECK_FALSE(load_ratio(log, Kind::mobility, add_days(monday, 27)).ratio.has_value());
    CHECK(load_ratio(log, Kind::strength, add_days(monday, 2)).acute == 30);
    // After a break of 14 days or more the windows count from the return.
    const Log back = parse_log(text + walk(45, 10), "t.toml");
    const LoadRatio returned = load_ratio(back, Kind::gait, add_days(monday, 45));
    CHECK(returned.acute == 10);
    CHECK(returned.chronic_per_acute == 2.5);
    CHECK(returned.history_days == 0);
}

TEST_CASE("load zones: easing off, steady, building fast, spike past load-ramp's limit") {
    CHECK(load_zone(0.79, 1.5) == LoadZone::easing_off);
    CHECK(load_zone(0.8, 1.5) == LoadZone::steady);
    CHECK(load_zone(1.3, 1.5) == LoadZone::steady);
    CHECK(load_zone(1.31, 1.5) == LoadZone::building_fast);
    CHECK(load_zone(1.5, 1.5) == LoadZone::building_fast);
    CHECK(load_zone(1.51, 1.5) == LoadZone::spike);
    CHECK(load_zone(1.25, 1.2) == LoadZone::spike);  // a stricter limit in [rules]
    CHECK(to_string(LoadZone::building_fast) == "building fast");
}

TEST_CASE("load_ratio agrees with check: a load packed across a week boundary") {
    // 60 min a week for five weeks, then 75 min Fri-Sun and 75 min Mon-Wed:
    // each calendar week stays under 1.3x, the 7 days across them do not.
    std::string text;
    for (int week = 0; week < 5; ++week) {
        for (const int d : {0, 2, 4}) text += walk(7 * week + d, 20);
    }
    for (const int d : {39, 40, 41, 42, 43, 44}) text += walk(d, 25);
    const Log log = parse_log(text, "t.toml");
    CHECK(compare_with_check(log) >= 1);
}

TEST_CASE("load_ratio agrees with check on random histories, [rules] overrides and breaks included") {
    std::mt19937 random(20261129);
    int compared = 0;
    for (int history = 0; history < 200; ++history) {
        std::string text;
        if (history % 3 == 1) text += "[rules.load-ramp]\nacwr = 1.3\nacute_days = 5\nchronic_days = 21\n\n";
        if (history % 3 == 2) text += "[rules.return-after-break]\nbreak_days = 10\n\n";
        int day = 0;
        for (int n = 0; n < 40; ++n) {
            day += std::uniform_int_distribution<int>(0, 6)(random) == 0 ? std::uniform_int_distribution<int>(8, 20)(random)
                                                                          : std::uniform_int_distribution<int>(0, 3)(random);
            const int minutes = std::uniform_int_distribution<int>(5, 60)(random);
            const int kind = std::uniform_int_distribution<int>(0, 2)(random);
            if (kind == 0) text += walk(day, minutes);
            if (kind == 1) text += walk(day, minutes, "pilates", "0.5 kg");
            if (kind == 2) {
                text += fmt::format("[[session]]\ndate = {}\nactivity = \"squat\"\nweight = \"1 kg\"\nsets = {}\n"
                                    "reps = {}\n\n",
                                    to_string(add_days(monday, day)), minutes % 3 + 1, minutes % 12 + 5);
            }
        }
        compared += compare_with_check(parse_log(text, "t.toml"));
    }
    CHECK(compared >= 20);  // 28 with this seed
}
