// Every rule: a scenario that fires it (right session, right severity) and a
// near miss that must not. Then careful progressions that must raise nothing
// at warning or above.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "anklog/check.hpp"
#include "anklog/log_parser.hpp"

using namespace anklog;

namespace {

// Day 0 is Monday 2026-09-07.
std::string day(int n) { return to_string(add_days(*parse_iso_date("2026-09-07"), n)); }

// A session of a scenario; fields left out keep these defaults.
struct S {
    int day = 0;
    std::string activity{};
    std::string weight{};  // "" = unweighted
    int minutes = 0;       // timed
    int sets = 0;          // strength
    int reps = 0;
    int pain = -1;     // -1 = not logged
    std::string on{};  // "" = the default, ankle
};

std::string log_text(const std::vector<S>& sessions, const std::string& head = "") {
    std::string text = head + "\n";
    for (const S& s : sessions) {
        text += fmt::format("[[session]]\ndate = {}\nactivity = \"{}\"\n", day(s.day), s.activity);
        if (!s.on.empty()) text += fmt::format("on = \"{}\"\n", s.on);
        if (!s.weight.empty()) text += fmt::format("weight = \"{}\"\n", s.weight);
        if (s.minutes) text += fmt::format("minutes = {}\n", s.minutes);
        if (s.sets) text += fmt::format("sets = {}\nreps = {}\n", s.sets, s.reps);
        if (s.pain >= 0) text += fmt::format("pain = {}\n", s.pain);
    }
    return text;
}

// "rule severity date" for every finding.
std::vector<std::string> findings(const std::vector<S>& sessions, const std::string& head = "") {
    std::vector<std::string> out;
    for (const Finding& f : check(parse_log(log_text(sessions, head), "t.toml"))) {
        out.push_back(fmt::format("{} {} {}", to_string(f.rule), to_string(f.severity), to_string(f.date)));
    }
    return out;
}

std::vector<std::string> of_rule(const std::vector<std::string>& all, const std::string& rule) {
    std::vector<std::string> out;
    for (const auto& f : all) {
        if (f.rfind(rule + " ", 0) == 0) out.push_back(f);
    }
    return out;
}

std::vector<std::string> at_least_warning(const std::vector<std::string>& all) {
    std::vector<std::string> out;
    for (const auto& f : all) {
        if (f.find(" note ") == std::string::npos) out.push_back(f);
    }
    return out;
}

// Findings on sessions from day `first` on: for scenarios whose first week
// only sets up a working level.
std::vector<std::string> from_day(const std::vector<std::string>& all, int first) {
    std::vector<std::string> out;
    for (const auto& f : all) {
        if (f.substr(f.size() - 10) >= day(first)) out.push_back(f);
    }
    return out;
}

using V = std::vector<std::string>;

// n weeks of walks on Mon/Wed/Fri starting at `first_week`, `minutes(week)` each.
template <typename Minutes>
std::vector<S> walks(int first_week, int weeks, const std::string& weight, Minutes minutes) {
    std::vector<S> out;
    for (int w = first_week; w < first_week + weeks; ++w) {
        for (const int d : {0, 2, 4})
            out.push_back(S{.day = w * 7 + d, .activity = "walk", .weight = weight, .minutes = minutes(w)});
    }
    return out;
}

}  // namespace

TEST_CASE("start-light: a first weighted session over the starting dose") {
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1.5 kg", .minutes = 5}}), "start-light") ==
          V{"start-light warning " + day(0)});
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 15}}), "start-light") ==
          V{"start-light warning " + day(0)});
    CHECK(of_rule(findings({{.day = 0, .activity = "squat", .weight = "1 kg", .sets = 2, .reps = 10}}),
                  "start-light") == V{"start-light warning " + day(0)});
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 10}},
                           "[profile]\nhistory = [\"knee\"]"),
                  "start-light") == V{"start-light warning " + day(0)});
    // Only the first weighted session of an activity is judged; unweighted ones before it do not count.
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "", .minutes = 40},
                            {.day = 2, .activity = "walk", .weight = "2 kg", .minutes = 5}}),
                  "start-light") == V{"start-light warning " + day(2)});
}

TEST_CASE("start-light near misses") {
    CHECK(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 10}}).empty());
    CHECK(
        findings({{.day = 0, .activity = "walk", .weight = "0.5 kg", .minutes = 10}}, "[profile]\nhistory = [\"knee\"]")
            .empty());
    CHECK(findings({{.day = 0, .activity = "side-leg-lift", .weight = "1 kg", .sets = 1, .reps = 15}}).empty());
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 10},
                            {.day = 2, .activity = "walk", .weight = "1 kg", .minutes = 12}}),
                  "start-light")
              .empty());
}

TEST_CASE("weight-and-volume: weight and duration raised in the same session") {
    const auto all = findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 10},
                               {.day = 2, .activity = "walk", .weight = "1 kg", .minutes = 20},
                               {.day = 4, .activity = "walk", .weight = "1 kg", .minutes = 20},
                               {.day = 7, .activity = "walk", .weight = "1.5 kg", .minutes = 30}});
    CHECK(of_rule(all, "weight-and-volume") == V{"weight-and-volume warning " + day(7)});
    // Strength: one step heavier and more reps.
    CHECK(of_rule(findings({{.day = 0, .activity = "glute-bridge", .weight = "0.5 kg", .sets = 1, .reps = 10},
                            {.day = 3, .activity = "glute-bridge", .weight = "1 kg", .sets = 1, .reps = 12}}),
                  "weight-and-volume") == V{"weight-and-volume warning " + day(3)});
}

TEST_CASE("weight-and-volume near misses: one at a time, or back to the working level after an easy day") {
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 20},
                            {.day = 2, .activity = "walk", .weight = "1.5 kg", .minutes = 20}}),
                  "weight-and-volume")
              .empty());
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 20},
                            {.day = 2, .activity = "walk", .weight = "1 kg", .minutes = 22}}),
                  "weight-and-volume")
              .empty());
    // Easy day (10 min) then the working level (1 kg, 20 min) with one step up in weight: not a volume raise.
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 20},
                            {.day = 2, .activity = "walk", .weight = "1 kg", .minutes = 10},
                            {.day = 4, .activity = "walk", .weight = "1.5 kg", .minutes = 20}}),
                  "weight-and-volume")
              .empty());
}

TEST_CASE("weight-jump: more than one step - danger when the weight at least doubles") {
    const std::string owned = "[profile]\nweights = [\"0.5 kg\", \"1 kg\", \"1.5 kg\"]";
    CHECK(of_rule(findings({{.day = 0, .activity = "side-leg-lift", .weight = "0.5 kg", .sets = 1, .reps = 10},
                            {.day = 2, .activity = "side-leg-lift", .weight = "1.5 kg", .sets = 1, .reps = 10}},
                           owned),
                  "weight-jump") == V{"weight-jump danger " + day(2)});
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 10},
                            {.day = 2, .activity = "walk", .weight = "2 kg", .minutes = 10}}),
                  "weight-jump") == V{"weight-jump danger " + day(2)});
    CHECK(of_rule(findings({{.day = 0, .activity = "squat", .weight = "2 kg", .sets = 1, .reps = 10},
                            {.day = 2, .activity = "squat", .weight = "3 kg", .sets = 1, .reps = 10}}),
                  "weight-jump") == V{"weight-jump warning " + day(2)});
    CHECK(of_rule(findings({{.day = 0, .activity = "squat", .weight = "2 lb", .sets = 1, .reps = 10},
                            {.day = 2, .activity = "squat", .weight = "4 lb", .sets = 1, .reps = 10}},
                           "[profile]\nunits = \"lb\""),
                  "weight-jump") == V{"weight-jump danger " + day(2)});
}

TEST_CASE("weight-jump near misses: one step, the next weight owned, or from unweighted") {
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 10},
                            {.day = 2, .activity = "walk", .weight = "1.5 kg", .minutes = 10}}),
                  "weight-jump")
              .empty());
    CHECK(of_rule(findings({{.day = 0, .activity = "squat", .weight = "1 kg", .sets = 1, .reps = 10},
                            {.day = 2, .activity = "squat", .weight = "2 kg", .sets = 1, .reps = 10}},
                           "[profile]\nweights = [\"1 kg\", \"2 kg\"]"),
                  "weight-jump")
              .empty());
    CHECK(of_rule(findings({{.day = 0, .activity = "squat", .weight = "2 lb", .sets = 1, .reps = 10},
                            {.day = 2, .activity = "squat", .weight = "3 lb", .sets = 1, .reps = 10}},
                           "[profile]\nunits = \"lb\""),
                  "weight-jump")
              .empty());
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "", .minutes = 10},
                            {.day = 2, .activity = "walk", .weight = "1 kg", .minutes = 10}}),
                  "weight-jump")
              .empty());
}

TEST_CASE("volume-spike: over the longest of the last 30 days, graded") {
    const std::vector<S> base{{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 20},
                              {.day = 2, .activity = "walk", .weight = "1 kg", .minutes = 20}};
    const auto with = [&](int minutes) {
        auto sessions = base;
        sessions.push_back({.day = 4, .activity = "walk", .weight = "1 kg", .minutes = minutes});
        return of_rule(findings(sessions), "volume-spike");
    };
    CHECK(with(23) == V{"volume-spike note " + day(4)});     // +15%
    CHECK(with(27) == V{"volume-spike warning " + day(4)});  // +35%
    CHECK(with(41) == V{"volume-spike danger " + day(4)});   // +105%
}

TEST_CASE("volume-spike near misses: +10%, too little history, or an old long session") {
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 20},
                            {.day = 2, .activity = "walk", .weight = "1 kg", .minutes = 20},
                            {.day = 4, .activity = "walk", .weight = "1 kg", .minutes = 22}}),
                  "volume-spike")
              .empty());
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 20},
                            {.day = 2, .activity = "walk", .weight = "1 kg", .minutes = 30}}),
                  "volume-spike")
              .empty());
    // Only weighted sessions of the same activity in the last 30 days count.
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 40},
                            {.day = 2, .activity = "walk", .weight = "", .minutes = 10},
                            {.day = 31, .activity = "walk", .weight = "1 kg", .minutes = 20},
                            {.day = 33, .activity = "walk", .weight = "1 kg", .minutes = 20},
                            {.day = 35, .activity = "walk", .weight = "1 kg", .minutes = 22}}),
                  "volume-spike")
              .empty());
}

TEST_CASE("load-ramp: a week over 1.3x the largest of the 4 before, on the session that crosses") {
    auto sessions = walks(0, 4, "1 kg", [](int) { return 20; });  // 60 min a week
    for (const int d : {0, 2, 4})
        sessions.push_back({.day = 28 + d, .activity = "walk", .weight = "1 kg", .minutes = 30});  // 90 > 78
    CHECK(of_rule(findings(sessions), "load-ramp") == V{"load-ramp warning " + day(32)});
}

TEST_CASE("load-ramp near misses: +25% in a week, and a normal week after a deload week") {
    auto sessions = walks(0, 4, "1 kg", [](int) { return 20; });
    for (const int d : {0, 2, 4})
        sessions.push_back({.day = 28 + d, .activity = "walk", .weight = "1 kg", .minutes = 25});  // 75 < 78
    CHECK(of_rule(findings(sessions), "load-ramp").empty());
    const int minutes[] = {20, 22, 24, 14, 24, 26};  // deload in week 4, then back
    CHECK(of_rule(findings(walks(0, 6, "1 kg", [&](int w) { return minutes[w]; })), "load-ramp").empty());
}

TEST_CASE("load-ramp: the acute:chronic ratio over 1.5 after 28 days of history") {
    const std::string weekly_off = "[rules.load-ramp]\nweekly_ratio = 100";
    std::vector<S> sessions;
    for (int w = 0; w < 5; ++w) {
        sessions.push_back({.day = w * 7, .activity = "walk", .weight = "1 kg", .minutes = 20});
        sessions.push_back({.day = w * 7 + 3, .activity = "walk", .weight = "1 kg", .minutes = 20});
    }
    for (int d = 35; d < 42; ++d)
        sessions.push_back({.day = d, .activity = "walk", .weight = "1 kg", .minutes = 20});  // every day for a week
    const auto ramp = of_rule(findings(sessions, weekly_off), "load-ramp");
    REQUIRE(ramp.size() == 1);
    CHECK(ramp[0] == "load-ramp warning " + day(37));
}

TEST_CASE("load-ramp near misses: steady routines of any frequency, and too little history") {
    CHECK(of_rule(findings(walks(0, 10, "1 kg", [](int) { return 20; })), "load-ramp").empty());
    std::vector<S> weekly;
    for (int w = 0; w < 10; ++w)
        weekly.push_back({.day = w * 7 + 2, .activity = "glute-bridge", .weight = "1 kg", .sets = 1, .reps = 12});
    CHECK(findings(weekly).empty());
    std::vector<S> early;  // a daily week straight after starting: no 28 days of history yet
    for (int d = 0; d < 7; ++d) early.push_back({.day = d, .activity = "walk", .weight = "1 kg", .minutes = 10});
    CHECK(of_rule(findings(early, "[rules.load-ramp]\nweekly_ratio = 100"), "load-ramp").empty());
}

TEST_CASE("no-rest: the same muscle group on consecutive days") {
    CHECK(of_rule(findings({{.day = 0, .activity = "glute-bridge", .weight = "1 kg", .sets = 1, .reps = 10},
                            {.day = 1, .activity = "side-leg-lift", .weight = "1 kg", .sets = 1, .reps = 10}}),
                  "no-rest") == V{"no-rest warning " + day(1)});
}

TEST_CASE("no-rest near misses: another group, a day between, or unweighted") {
    CHECK(findings({{.day = 0, .activity = "glute-bridge", .weight = "1 kg", .sets = 1, .reps = 10},
                    {.day = 1, .activity = "lunge", .weight = "1 kg", .sets = 1, .reps = 10}})
              .empty());
    CHECK(findings({{.day = 0, .activity = "glute-bridge", .weight = "1 kg", .sets = 1, .reps = 10},
                    {.day = 2, .activity = "side-leg-lift", .weight = "1 kg", .sets = 1, .reps = 10}})
              .empty());
    CHECK(findings({{.day = 0, .activity = "glute-bridge", .weight = "1 kg", .sets = 1, .reps = 10},
                    {.day = 1, .activity = "side-leg-lift", .weight = "", .sets = 1, .reps = 10}})
              .empty());
    CHECK(findings({{.day = 0, .activity = "glute-bridge", .weight = "1 kg", .sets = 1, .reps = 10},
                    {.day = 0, .activity = "side-leg-lift", .weight = "1 kg", .sets = 1, .reps = 10}})
              .empty());
}

TEST_CASE("no-rest: 7 weighted days in a row") {
    const std::string only = "[rules]\noff = [\"load-ramp\", \"monotony\", \"volume-spike\"]";
    auto sessions = walks(0, 4, "1 kg", [](int) { return 15; });
    for (int d = 28; d < 35; ++d) sessions.push_back({.day = d, .activity = "walk", .weight = "1 kg", .minutes = 15});
    CHECK(of_rule(findings(sessions, only), "no-rest") == V{"no-rest warning " + day(34)});
    sessions.pop_back();  // 6 in a row
    CHECK(of_rule(findings(sessions, only), "no-rest").empty());
}

TEST_CASE("no-rest: more than 3 weighted days in 7 within the first 14 days") {
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "0.5 kg", .minutes = 10},
                            {.day = 1, .activity = "walk", .weight = "0.5 kg", .minutes = 10},
                            {.day = 2, .activity = "walk", .weight = "0.5 kg", .minutes = 10},
                            {.day = 3, .activity = "walk", .weight = "0.5 kg", .minutes = 10}}),
                  "no-rest") == V{"no-rest warning " + day(3)});
    // Near misses: 3 in any 7 at first; 4 in 7 later on.
    CHECK(findings({{.day = 0, .activity = "walk", .weight = "0.5 kg", .minutes = 10},
                    {.day = 2, .activity = "walk", .weight = "0.5 kg", .minutes = 10},
                    {.day = 4, .activity = "walk", .weight = "0.5 kg", .minutes = 10},
                    {.day = 7, .activity = "walk", .weight = "0.5 kg", .minutes = 10}})
              .empty());
    auto later = walks(0, 2, "0.5 kg", [](int) { return 10; });
    for (const int d : {14, 15, 16, 17})
        later.push_back({.day = d, .activity = "walk", .weight = "0.5 kg", .minutes = 10});
    CHECK(of_rule(findings(later), "no-rest").empty());
}

TEST_CASE("monotony: the same load day after day (a note)") {
    auto sessions = walks(0, 3, "1 kg", [](int) { return 20; });
    for (int d = 21; d < 27; ++d)
        sessions.push_back({.day = d, .activity = "walk", .weight = "1 kg", .minutes = 20});  // Mon-Sat, 20 min each
    CHECK(of_rule(findings(sessions), "monotony") == V{"monotony note " + day(26)});
}

TEST_CASE("monotony near misses: five days, or varied loads") {
    auto five = walks(0, 3, "1 kg", [](int) { return 20; });
    for (int d = 21; d < 26; ++d) five.push_back({.day = d, .activity = "walk", .weight = "1 kg", .minutes = 20});
    CHECK(of_rule(findings(five), "monotony").empty());
    auto varied = walks(0, 3, "1 kg", [](int) { return 20; });
    for (int d = 21; d < 27; ++d)
        varied.push_back({.day = d, .activity = "walk", .weight = "1 kg", .minutes = d % 2 ? 30 : 10});
    CHECK(of_rule(findings(varied), "monotony").empty());
}

TEST_CASE("ankle-weights-running: a run or jog with ankle weights") {
    CHECK(of_rule(findings({{.day = 0, .activity = "run", .weight = "0.5 kg", .minutes = 10}}),
                  "ankle-weights-running") == V{"ankle-weights-running warning " + day(0)});
    CHECK(of_rule(findings({{.day = 0, .activity = "jog", .weight = "0.5 kg", .minutes = 10}}),
                  "ankle-weights-running") == V{"ankle-weights-running warning " + day(0)});
    CHECK(findings({{.day = 0,
                     .activity = "run",
                     .weight = "0.5 kg",
                     .minutes = 10,
                     .sets = 0,
                     .reps = 0,
                     .pain = -1,
                     .on = "wrist"}})
              .empty());
    CHECK(findings({{.day = 0, .activity = "run", .weight = "", .minutes = 30}}).empty());
    CHECK(findings({{.day = 0, .activity = "walk", .weight = "0.5 kg", .minutes = 10}}).empty());
}

TEST_CASE("over-range: heavier than gait (or any ankle) weights should be") {
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "", .minutes = 10},
                            {.day = 2, .activity = "walk", .weight = "2 kg", .minutes = 10}}),
                  "over-range") == V{"over-range warning " + day(2)});
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "3 kg", .minutes = 10}}), "over-range") ==
          V{"over-range danger " + day(0)});
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1.5 kg", .minutes = 10}},
                           "[profile]\nhistory = [\"hip\"]"),
                  "over-range") == V{"over-range warning " + day(0)});
    CHECK(of_rule(findings({{.day = 0, .activity = "squat", .weight = "5.5 kg", .sets = 1, .reps = 10}}),
                  "over-range") == V{"over-range warning " + day(0)});
    CHECK(of_rule(findings({{.day = 0, .activity = "pilates", .weight = "6 kg", .minutes = 10}}), "over-range") ==
          V{"over-range warning " + day(0)});
    // Near misses.
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1.5 kg", .minutes = 10}}), "over-range").empty());
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 10}},
                           "[profile]\nhistory = [\"hip\"]"),
                  "over-range")
              .empty());
    CHECK(of_rule(findings({{.day = 0, .activity = "squat", .weight = "5 kg", .sets = 1, .reps = 10}}), "over-range")
              .empty());
}

TEST_CASE("pain: 4 or more a warning, over 5 danger, raising the load after pain 3 danger") {
    CHECK(findings({{.day = 0, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 4}}) ==
          V{"pain warning " + day(0)});
    CHECK(findings({{.day = 0, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 5}}) ==
          V{"pain warning " + day(0)});
    CHECK(findings({{.day = 0, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 6}}) ==
          V{"pain danger " + day(0)});
    CHECK(findings({{.day = 0, .activity = "side-leg-lift", .weight = "0.5 kg", .sets = 1, .reps = 10, .pain = 3},
                    {.day = 2, .activity = "side-leg-lift", .weight = "0.5 kg", .sets = 1, .reps = 12}}) ==
          V{"pain danger " + day(2)});
}

TEST_CASE("pain near misses: 3, or the same load after pain, or a raise after pain 2") {
    CHECK(findings({{.day = 0, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 3}})
              .empty());
    CHECK(findings({{.day = 0, .activity = "side-leg-lift", .weight = "0.5 kg", .sets = 1, .reps = 10, .pain = 3},
                    {.day = 2, .activity = "side-leg-lift", .weight = "0.5 kg", .sets = 1, .reps = 10}})
              .empty());
    CHECK(findings({{.day = 0, .activity = "side-leg-lift", .weight = "0.5 kg", .sets = 1, .reps = 10, .pain = 2},
                    {.day = 2, .activity = "side-leg-lift", .weight = "0.5 kg", .sets = 1, .reps = 11}})
              .empty());
}

TEST_CASE("persistent-pain: pain 3+ in 3 of the last 5 sessions") {
    const auto all =
        findings({{.day = 0, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 3},
                  {.day = 2, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 0},
                  {.day = 4, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 3},
                  {.day = 7, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 3}});
    CHECK(of_rule(all, "persistent-pain") == V{"persistent-pain danger " + day(7)});
    const auto spread =
        findings({{.day = 0, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 3},
                  {.day = 2, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 0},
                  {.day = 4, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 0},
                  {.day = 7, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 0},
                  {.day = 9, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 3},
                  {.day = 11, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 3}});
    CHECK(of_rule(spread, "persistent-pain").empty());
}

TEST_CASE("long-wear: one weighted session over 120 minutes") {
    CHECK(of_rule(findings({{.day = 0, .activity = "hike", .weight = "", .minutes = 60},
                            {.day = 2, .activity = "hike", .weight = "1 kg", .minutes = 121}}),
                  "long-wear") == V{"long-wear warning " + day(2)});
    CHECK(of_rule(findings({{.day = 0, .activity = "hike", .weight = "", .minutes = 60},
                            {.day = 2, .activity = "hike", .weight = "1 kg", .minutes = 120}}),
                  "long-wear")
              .empty());
    CHECK(of_rule(findings({{.day = 0, .activity = "hike", .weight = "", .minutes = 200}}), "long-wear").empty());
}

TEST_CASE("return-after-break: 14+ days off, then straight back at the full load") {
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 20},
                            {.day = 14, .activity = "walk", .weight = "1 kg", .minutes = 20}}),
                  "return-after-break") == V{"return-after-break warning " + day(14)});
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 20},
                            {.day = 13, .activity = "walk", .weight = "1 kg", .minutes = 20}}),
                  "return-after-break")
              .empty());
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 20},
                            {.day = 20, .activity = "walk", .weight = "1 kg", .minutes = 15}}),
                  "return-after-break")
              .empty());
    CHECK(of_rule(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 20},
                            {.day = 20, .activity = "walk", .weight = "0.5 kg", .minutes = 20}}),
                  "return-after-break")
              .empty());
}

TEST_CASE("rules switched off in the log do not fire") {
    CHECK(findings({{.day = 0, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 6}},
                   "[rules]\noff = [\"pain\"]")
              .empty());
    CHECK(findings({{.day = 0, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 6}},
                   "[rules.pain]\ndanger = 6")
              .size() == 1);
    CHECK(findings({{.day = 0, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 6}},
                   "[rules.pain]\ndanger = 6") == V{"pain warning " + day(0)});
}

TEST_CASE("careful: a walker adding about 10% a week, then one weight step with minutes cut") {
    const int minutes[] = {10, 11, 12, 13, 14, 16, 17, 14, 15, 16};  // 0.5 kg, then 1 kg from week 7
    auto sessions = walks(0, 10, "", [&](int w) { return minutes[w]; });
    for (S& s : sessions) s.weight = s.day < 49 ? "0.5 kg" : "1 kg";
    CHECK(at_least_warning(findings(sessions)).empty());
}

TEST_CASE("careful: a client with knee history progressing reps, then sets, then weight") {
    const std::string knee = "[profile]\nhistory = [\"knee\"]\nweights = [\"0.5 kg\", \"1 kg\"]";
    const std::vector<std::tuple<std::string, int, int>> weeks{{"0.5 kg", 1, 10}, {"0.5 kg", 1, 12}, {"0.5 kg", 1, 14},
                                                               {"0.5 kg", 2, 8},  {"0.5 kg", 2, 9},  {"0.5 kg", 2, 10},
                                                               {"1 kg", 2, 8},    {"1 kg", 2, 9}};
    std::vector<S> sessions;
    for (int w = 0; w < static_cast<int>(weeks.size()); ++w) {
        const auto& [weight, sets, reps] = weeks[static_cast<std::size_t>(w)];
        sessions.push_back({.day = w * 7, .activity = "side-leg-lift", .weight = weight, .sets = sets, .reps = reps});
        sessions.push_back(
            {.day = w * 7 + 3, .activity = "side-leg-lift", .weight = weight, .sets = sets, .reps = reps});
    }
    CHECK(at_least_warning(findings(sessions, knee)).empty());
}

TEST_CASE("careful: an easy day, then back to the working load") {
    CHECK(from_day(findings({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 20},
                             {.day = 2, .activity = "walk", .weight = "1 kg", .minutes = 20},
                             {.day = 4, .activity = "walk", .weight = "1 kg", .minutes = 10},
                             {.day = 7, .activity = "walk", .weight = "1 kg", .minutes = 20},
                             {.day = 9, .activity = "walk", .weight = "1 kg", .minutes = 20}}),
                   1)
              .empty());
}

TEST_CASE("careful: a normal week after a deload week") {
    const int minutes[] = {20, 22, 24, 14, 24, 24};
    CHECK(at_least_warning(from_day(findings(walks(0, 6, "1 kg", [&](int w) { return minutes[w]; })), 1)).empty());
}

TEST_CASE("sessions in any order in the file give the same findings") {
    std::vector<S> sessions{
        {.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 10},
        {.day = 2, .activity = "walk", .weight = "1 kg", .minutes = 20},
        {.day = 4, .activity = "walk", .weight = "1 kg", .minutes = 20},
        {.day = 7, .activity = "walk", .weight = "1.5 kg", .minutes = 30},
        {.day = 9, .activity = "walk", .weight = "", .minutes = 10, .sets = 0, .reps = 0, .pain = 6}};
    const auto forwards = findings(sessions);
    std::reverse(sessions.begin(), sessions.end());
    CHECK(findings(sessions) == forwards);
    CHECK_FALSE(forwards.empty());
}

TEST_CASE("a finding carries the numbers, advice and source") {
    const Log log = parse_log(log_text({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 20},
                                        {.day = 2, .activity = "walk", .weight = "1 kg", .minutes = 20},
                                        {.day = 4, .activity = "walk", .weight = "1.5 kg", .minutes = 30}}),
                              "t");
    const auto all = check(log);
    const auto it =
        std::find_if(all.begin(), all.end(), [](const Finding& f) { return f.rule == RuleId::weight_and_volume; });
    REQUIRE(it != all.end());
    CHECK(it->session == 2);
    CHECK(log.sessions[it->session].line == 12);
    CHECK(it->activity == "walk");
    CHECK(it->message == "walk on 2026-09-11 raised weight and duration together");
    CHECK(it->evidence == "weight 1 kg -> 1.5 kg, duration 20 min -> 30 min (vs working level of the last 14 days)");
    CHECK(it->advice == "raise one thing at a time: 1.5 kg for 20 min");
    CHECK(rule(it->rule).cite == "Ankle Weights 101, PowerRebound");
    // The numbers as data, and the proposed load as a session.
    REQUIRE(it->data.size() == 5);
    CHECK(it->data[0].name == "weight_kg");
    CHECK(std::get<double>(it->data[0].value) == doctest::Approx(1.5));
    CHECK(it->data[1].name == "working_weight_kg");
    CHECK(std::get<double>(it->data[1].value) == doctest::Approx(1.0));
    REQUIRE(it->suggestion.has_value());
    REQUIRE(it->suggestion->weight.has_value());
    CHECK(format_mass_exact(*it->suggestion->weight) == "1.5 kg");
    CHECK(it->suggestion->minutes == 20);
    CHECK(it->suggestion->date == log.sessions[2].date);
}

TEST_CASE("one rule's findings on a session merge: the higher severity wins, and rest outweighs a lighter load") {
    // Pain 3, then more minutes with pain 4: raised after pain (danger) and
    // the pain score itself (warning, rest) on the same session.
    const Log log = parse_log(log_text({{.day = 0, .activity = "walk", .weight = "1 kg", .minutes = 10, .pain = 3},
                                        {.day = 2, .activity = "walk", .weight = "1 kg", .minutes = 12, .pain = 4}}),
                              "t");
    const auto all = check(log);
    REQUIRE(all.size() == 1);
    CHECK(all[0].rule == RuleId::pain);
    CHECK(all[0].severity == Severity::danger);
    CHECK(all[0].evidence == "pain 3/10 on 2026-09-07, then duration 10 min -> 12 min; pain 4/10 >= 4/10");
    CHECK_FALSE(all[0].suggestion.has_value());
    CHECK(all[0].advice == "after pain, repeat the same load until it is pain-free, or step down; never push through "
                           "pain");
}
