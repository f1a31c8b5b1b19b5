// anklog plan, as a user runs it; and the law through the real binary:
// `anklog plan --format toml >> log.toml` then `anklog check` flags nothing.
#include <doctest/doctest.h>

#include <ctime>

#include "anklog/date.hpp"
#include "harness.hpp"

using namespace e2e;

TEST_CASE("plan shows a readable week: day - activity - weight - volume - label - reason") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-25"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out ==
          "Week of 2026-11-23 to 2026-11-29, from log.toml: 3 weighted days, 4 rest days\n"
          "\n"
          "Mon 2026-11-23  walk           1 kg    13 min  progress   +1 min (about 10%) from 1 kg for 12 min\n"
          "Tue 2026-11-24  rest\n"
          "Wed 2026-11-25  side-leg-lift  1 kg    1 x 5   come back  14 days since your last side-leg-lift (1 "
          "kg for 1 x 10 on 2026-11-11): about 50% of its volume\n"
          "                glute-bridge   0.5 kg  1 x 8   come back  14 days since your last glute-bridge (0.5 "
          "kg for 1 x 15 on 2026-11-11): about 50% of its volume\n"
          "Thu 2026-11-26  rest\n"
          "Fri 2026-11-27  walk           1 kg    13 min  progress   +1 min (about 10%) from 1 kg for 12 min\n"
          "Sat 2026-11-28  rest\n"
          "Sun 2026-11-29  rest\n");
}

namespace {

// The log with its [[planned]] blocks renamed [[session]]: the week done as planned.
std::string done_as_planned(std::string text) {
    for (std::size_t at = text.find("[[planned]]"); at != std::string::npos; at = text.find("[[planned]]", at)) {
        text.replace(at, 11, "[[session]]");
    }
    return text;
}

}  // namespace

TEST_CASE("the law end to end: plan --format toml appended to the log - planned alone changes nothing / done as planned raises nothing at warning or above") {
    ScratchDir home;
    for (const char* name : {"beginner-eight-weeks.toml", "knee-rehab.toml", "too-much-too-soon.toml", ""}) {
        CAPTURE(name);
        const std::string original = *name ? example(name) : "";
        write(home / "log.toml", original);
        const Result before = run(home, {"-f", "log.toml", "check"});
        const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30", "--format", "toml"});
        REQUIRE(plan.exit_code == 0);
        CAPTURE(plan.out);
        write(home / "log.toml", original + plan.out);  // what `>> log.toml` does
        const Result planned = run(home, {"-f", "log.toml", "check"});
        CHECK(planned.out == before.out);
        CHECK(planned.exit_code == before.exit_code);
        // A plan after pain asks for a pain check before its week; following
        // the plan includes answering it (a reading of 0 the day before).
        write(home / "log.toml", original);
        const Result plan_text = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30"});
        write(home / "log.toml", done_as_planned(original + plan.out));
        if (plan_text.out.find("check it first (anklog pain N)") != std::string::npos) {
            REQUIRE(run(home, {"-f", "log.toml", "pain", "0", "--date", "2026-11-29"}).exit_code == 0);
        }
        const Result check = run(home, {"-f", "log.toml", "check", "--since", "2026-11-30"});
        CHECK(check.out.find("warning[") == std::string::npos);
        CHECK(check.out.find("danger[") == std::string::npos);
        CHECK(check.exit_code == 0);
    }
}

TEST_CASE("plan --format toml prints the week as --save appends it - its marker line / [[planned]] blocks with their reasons") {
    ScratchDir home;
    write(home / "empty.toml", "");
    const Result r = run(home, {"-f", "empty.toml", "plan", "--week-of", "2026-11-23", "--format", "toml"});
    CHECK(r.exit_code == 0);
    CHECK(r.out ==
          "\n# anklog plan for the week of 2026-11-23\n"
          "# start: first weighted walk: start light, 0.5 kg for 10 min (Ankle Weights 101)\n"
          "[[planned]]\ndate = 2026-11-23\nactivity = \"walk\"\non = \"ankle\"\nweight = \"0.5 kg\"\nminutes = 10\n"
          "\n# start: first weighted side-leg-lift: start light, 0.5 kg for 1 x 10 (Ankle Weights 101)\n"
          "[[planned]]\ndate = 2026-11-25\nactivity = \"side-leg-lift\"\non = \"ankle\"\nweight = \"0.5 kg\"\nsets = 1\n"
          "reps = 10\n"
          "\n# start: first weighted glute-bridge: start light, 0.5 kg for 1 x 10 (Ankle Weights 101)\n"
          "[[planned]]\ndate = 2026-11-25\nactivity = \"glute-bridge\"\non = \"ankle\"\nweight = \"0.5 kg\"\nsets = 1\n"
          "reps = 10\n"
          "\n# start: first weighted walk: start light, 0.5 kg for 10 min (Ankle Weights 101)\n"
          "[[planned]]\ndate = 2026-11-27\nactivity = \"walk\"\non = \"ankle\"\nweight = \"0.5 kg\"\nminutes = 10\n");
    CHECK(read(home / "empty.toml") == "");  // planning never writes the log
}

TEST_CASE("plan --format json") {
    ScratchDir home;
    write(home / "log.toml", "[profile]\nhistory = [\"knee\"]\n");
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23", "--days", "2", "--format", "json"});
    CHECK(r.exit_code == 0);
    CHECK(json_of(r.out) == json_of(R"json({
      "file": "log.toml",
      "week_of": "2026-11-23",
      "saved": false,
      "sessions": [
        {"date": "2026-11-23", "activity": "walk", "on": "ankle", "weight": "0.5 kg", "minutes": 10, "sets": null,
         "reps": null, "label": "start", "reason": "first weighted walk: start light, 0.5 kg for 10 min (Ankle Weights 101)",
         "done": false},
        {"date": "2026-11-26", "activity": "side-leg-lift", "on": "ankle", "weight": "0.5 kg", "minutes": null,
         "sets": 1, "reps": 10, "label": "start",
         "reason": "first weighted side-leg-lift: start light, 0.5 kg for 1 x 10 (Ankle Weights 101)", "done": false},
        {"date": "2026-11-26", "activity": "glute-bridge", "on": "ankle", "weight": "0.5 kg", "minutes": null,
         "sets": 1, "reps": 10, "label": "start",
         "reason": "first weighted glute-bridge: start light, 0.5 kg for 1 x 10 (Ankle Weights 101)", "done": false}
      ],
      "notes": []
    })json"));
}

TEST_CASE("plan on a log that does not exist is an error, as for history and check") {
    ScratchDir home;
    const Result r = run(home, {"-f", "clients/anne.toml", "plan"});
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == "anklog: error: clients/anne.toml: no such log file\n"
                   "  help: start one with 'anklog init', or log a first session with 'anklog log'\n");
    CHECK_FALSE(fs::exists(home / "clients"));
}

TEST_CASE("plan defaults to next Monday") {
    ScratchDir home;
    write(home / "empty.toml", "");
    const Result r = run(home, {"-f", "empty.toml", "plan", "--format", "json"});
    CHECK(r.exit_code == 0);
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    const anklog::Date today{std::chrono::year{local.tm_year + 1900}, std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                             std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
    const std::string next_monday = anklog::to_string(anklog::add_days(anklog::week_start(today), 7));
    CHECK(json_of(r.out)["week_of"] == next_monday);
}

TEST_CASE("plan errors: exit 2 with advice") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    const Result inside = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-10"});
    CHECK(inside.exit_code == 2);
    CHECK(inside.err == "anklog: error: --week-of: the log already has sessions in or after the week of 2026-11-09 "
                        "(the last on 2026-11-15)\n  help: this week has begun, and a week is planned before it starts: "
                        "plan the next, the week of 2026-11-16 (anklog plan --week-of 2026-11-16)\n");
    CHECK(run(home, {"-f", "log.toml", "plan", "--days", "6"}).exit_code == 2);
    CHECK(run(home, {"-f", "log.toml", "plan", "--days", "0"}).exit_code == 2);
    CHECK(run(home, {"-f", "log.toml", "plan", "--format", "yaml"}).exit_code == 2);
    const Result date = run(home, {"-f", "log.toml", "plan", "--week-of", "in a week"});
    CHECK(date.exit_code == 2);
    CHECK(date.err == "anklog: error: --week-of: \"in a week\" is not a date\n"
                      "  help: write YYYY-MM-DD, today, yesterday, a weekday (monday: the last one), last monday, next "
                      "monday, or a time back: 7d, 2w, 3m or 1y\n");
}
