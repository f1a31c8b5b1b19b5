// anklog history: the log as a table, JSON or CSV.
#include <doctest/doctest.h>

#include <ctime>

#include "anklog/date.hpp"
#include "harness.hpp"

using namespace e2e;

namespace {

const char* const small_log =
    "[profile]\nunits = \"lb\"\n\n"
    "[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nweight = \"2 lb\"\nminutes = 20\neffort = 3\n"
    "note = \"said \\\"hi\\\"\\nto Ann, Bo\"\n\n"
    "[[session]]\ndate = 2026-11-17\nactivity = \"glute-bridge\"\non = \"ankle\"\nweight = \"1 kg\"\nsets = 2\n"
    "reps = 10\npain = 2\n";

}  // namespace

TEST_CASE("history shows the example's weeks as a table / in date order / with a summary") {
    ScratchDir home;
    const Result r = run(home, {"-f", (source_dir() / "examples/beginner-eight-weeks.toml").string(), "history",
                                "--since", "2026-11-02"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out ==
          "date        activity       on     weight  volume  effort  pain  load  note\n"
          "2026-11-02  walk           ankle  1 kg    11 min  4       0     44    first walk with 1 kg, shorter on purpose\n"
          "2026-11-04  side-leg-lift  ankle  0.5 kg  1 x 15  4       -     -\n"
          "2026-11-04  glute-bridge   ankle  0.5 kg  1 x 15  4       -     -\n"
          "2026-11-06  walk           ankle  1 kg    11 min  3       0     33\n"
          "2026-11-09  walk           ankle  1 kg    12 min  3       0     36\n"
          "2026-11-11  side-leg-lift  ankle  1 kg    1 x 10  5       -     -     first set with 1 kg\n"
          "2026-11-11  glute-bridge   ankle  0.5 kg  1 x 15  4       -     -\n"
          "2026-11-13  walk           ankle  1 kg    12 min  3       0     36\n"
          "2026-11-15  walk           -      -       30 min  2       -     60    family walk, no weights\n"
          "\n"
          "9 sessions (8 weighted) from 2026-11-02 to 2026-11-15\n");
}

TEST_CASE("history --activity filters by name or alias - weights show in the profile's unit") {
    ScratchDir home;
    write(home / "log.toml", small_log);
    CHECK(run(home, {"-f", "log.toml", "history", "--activity", "Glute bridge"}).out ==
          "date        activity      on     weight  volume  effort  pain  load  note\n"
          "2026-11-17  glute-bridge  ankle  2.2 lb  2 x 10  -       2     -\n"
          "\n"
          "1 session (1 weighted) from 2026-11-17 to 2026-11-17\n");
    CHECK(run(home, {"-f", "log.toml", "history", "--activity", "jog"}).out == "no sessions\n");
    const Result typo = run(home, {"-f", "log.toml", "history", "--activity", "glute-brige"});
    CHECK(typo.exit_code == 2);
    CHECK(typo.err == "anklog: error: --activity: unknown activity \"glute-brige\"\n  help: did you mean 'glute-bridge'?\n");
}

TEST_CASE("history --format json and csv carry every field / notes escaped") {
    ScratchDir home;
    write(home / "log.toml", small_log);
    CHECK(json_of(run(home, {"-f", "log.toml", "history", "--format", "json"}).out) == json_of(R"json({
      "file": "log.toml",
      "units": "lb",
      "sessions": [
        {"line": 12, "date": "2026-11-17", "activity": "glute-bridge", "kind": "strength", "on": "ankle",
         "weight": "2.2 lb", "weight_kg": 1.0, "weight_lb": 2.205, "minutes": null, "sets": 2, "reps": 10, "effort": null, "pain": 2,
         "srpe_load": null, "note": null},
        {"line": 4, "date": "2026-11-18", "activity": "walk", "kind": "gait", "on": "ankle", "weight": "2 lb",
         "weight_kg": 0.907, "weight_lb": 2.0, "minutes": 20, "sets": null, "reps": null, "effort": 3, "pain": null,
         "srpe_load": 60, "note": "said \"hi\"\nto Ann, Bo"}
      ],
      "pain_checks": []
    })json"));
    CHECK(run(home, {"-f", "log.toml", "history", "--format", "csv", "--since", "2026-11-18"}).out ==
          "date,activity,kind,on,weight,weight_kg,weight_lb,minutes,sets,reps,effort,pain,srpe_load,note,line\r\n"
          "2026-11-18,walk,gait,ankle,2 lb,0.907,2,20,,,3,,60,\"said \"\"hi\"\"\nto Ann, Bo\",4\r\n");
    CHECK(json_of(run(home, {"-f", "log.toml", "history", "--format", "json", "--until", "2026-11-01"}).out) ==
          json_of(R"json({"file": "log.toml", "units": "lb", "sessions": [], "pain_checks": []})json"));
}

TEST_CASE("history on a missing log or with a bad date says what to do") {
    ScratchDir home;
    const Result missing = run(home, {"-f", "nope.toml", "history"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == "anklog: error: nope.toml: no such log file\n"
                         "  help: start one with 'anklog init', or log a first session with 'anklog log'\n");
    write(home / "log.toml", small_log);
    const Result bad = run(home, {"-f", "log.toml", "history", "--since", "last weak"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "anklog: error: --since: \"last weak\" is not a date or a period\n"
          "  help: name a weekday, e.g. \"last monday\"\n");
    const Result format = run(home, {"-f", "log.toml", "history", "--format", "xml"});
    CHECK(format.exit_code == 2);
    CHECK(format.err.rfind("anklog: error: --format: \"xml\" is not one of text, json, csv\n", 0) == 0);
}

namespace {

std::string local_date(int days_from_today) {
    const std::time_t now = std::time(nullptr) + static_cast<std::time_t>(days_from_today) * 86400;
    std::tm local{};
    ::localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

std::string walk_on(const std::string& date, int minutes) {
    return "[[session]]\ndate = " + date + "\nactivity = \"walk\"\nminutes = " + std::to_string(minutes) + "\n\n";
}

}  // namespace

TEST_CASE("history --since and --until take dates and spans back from today, both ends included") {
    ScratchDir home;
    write(home / "log.toml", walk_on(local_date(-15), 15) + walk_on(local_date(-14), 14) + walk_on(local_date(-8), 8) +
                                 walk_on(local_date(-7), 7) + walk_on(local_date(-1), 1) + walk_on(local_date(0), 2));
    // The minutes of the sessions shown: each walk's minutes say which it is.
    const auto minutes = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"-f", "log.toml", "history", "--format", "json"});
        const Result r = run(home, args);
        REQUIRE(r.exit_code == 0);
        const auto shown = json_of(r.out);
        std::string out;
        for (const auto& session : shown["sessions"]) {
            out += (out.empty() ? "" : " ") + std::to_string(session["minutes"].get<int>());
        }
        return out;
    };
    CHECK(minutes({"--since", "7d"}) == "7 1 2");
    CHECK(minutes({"--since", "1w"}) == "7 1 2");
    CHECK(minutes({"--since", "2w", "--until", "1w"}) == "14 8 7");
    CHECK(minutes({"--since", local_date(-8), "--until", "yesterday"}) == "8 7 1");
    CHECK(minutes({"--until", "today", "--since", "today"}) == "2");
    CHECK(minutes({"--since", "1m"}) == "15 14 8 7 1 2");
    CHECK(minutes({"--since", "1y", "--until", "15d"}) == "15");
    const Result reversed = run(home, {"-f", "log.toml", "history", "--since", "1d", "--until", "2w"});
    CHECK(reversed.exit_code == 2);
    CHECK(reversed.err == "anklog: error: --since 1d (" + local_date(-1) + ") is after --until 2w (" + local_date(-14) +
                              ")\n  help: give the earlier date to --since, the later to --until (both are included)\n");
    const Result until = run(home, {"-f", "log.toml", "history", "--until", "next week"});
    CHECK(until.exit_code == 2);
    int to_monday = 1;  // days from today to the first Monday after it
    while (std::chrono::weekday{std::chrono::sys_days{*anklog::parse_iso_date(local_date(to_monday))}} !=
           std::chrono::Monday) {
        ++to_monday;
    }
    CHECK(until.err == "anklog: error: --until: \"next week\" is not a date or a period\n"
                       "  help: name a day, e.g. \"next monday\" (" + local_date(to_monday) + ")\n");
}

TEST_CASE("a period that starts after today is refused by every command that takes one - as --since after --until is") {
    ScratchDir home;
    const std::string log = walk_on(local_date(-8), 8) + walk_on(local_date(-1), 1);
    write(home / "log.toml", log);
    const std::string tomorrow = local_date(1);
    const auto refusal = [](const std::string& since) {
        return "anklog: error: --since " + since + " is after today (" + local_date(0) +
               ")\n  help: a period starts on a day up to today, e.g. --since 4w; 'anklog plan --week-of DATE' shows a "
               "week ahead\n";
    };
    for (const std::vector<std::string>& command : std::vector<std::vector<std::string>>{
             {"history"}, {"history", "--planned"}, {"check", "log.toml"}, {"summary"}, {"summary", "--monthly"},
             {"report", "-o", "report.html"}}) {
        for (const std::string& since : {tomorrow, std::string("9999-12-31")}) {
            std::vector<std::string> args{"-f", "log.toml"};
            args.insert(args.end(), command.begin(), command.end());
            args.insert(args.end(), {"--since", since});
            CAPTURE(fmt_args(args));
            const Result r = run(home, args);
            CHECK(r.exit_code == 2);
            CHECK(r.out == "");
            CHECK(r.err == refusal(since));
            // With an --until after it too: the start is what is wrong.
            args.insert(args.end(), {"--until", "9999-12-31"});
            CHECK(run(home, args).err == refusal(since));
        }
    }
    CHECK_FALSE(fs::exists(home / "report.html"));
    CHECK(read(home / "log.toml") == log);
    // Today itself is a period's last possible start; an --until after today stays open-ended.
    CHECK(run(home, {"-f", "log.toml", "history", "--since", "today"}).out == "no sessions\n");
    CHECK(run(home, {"-f", "log.toml", "history", "--since", "yesterday", "--until", "9999-12-31"}).exit_code == 0);
}

TEST_CASE("history --last N shows the last N sessions selected / --activity is repeatable") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    CHECK(run(home, {"-f", "log.toml", "history", "--last", "3", "--activity", "walk", "--activity", "glute-bridge",
                     "--until", "2026-10-10"})
              .out == "date        activity      on     weight  volume  effort  pain  load  note\n"
                      "2026-10-05  walk          ankle  0.5 kg  12 min  3       0     36\n"
                      "2026-10-07  glute-bridge  ankle  0.5 kg  1 x 12  4       -     -\n"
                      "2026-10-09  walk          ankle  0.5 kg  12 min  3       0     36\n"
                      "\n"
                      "3 sessions (3 weighted) from 2026-10-05 to 2026-10-09\n");
    CHECK(run(home, {"-f", "log.toml", "history", "--last", "1"}).out ==
          "date        activity  on  weight  volume  effort  pain  load  note\n"
          "2026-11-15  walk      -   -       30 min  2       -     60    family walk, no weights\n"
          "\n"
          "1 session (0 weighted) from 2026-11-15 to 2026-11-15\n");
    CHECK(run(home, {"-f", "log.toml", "history", "--last", "1000", "--format", "csv"}).out ==
          run(home, {"-f", "log.toml", "history", "--format", "csv"}).out);
    const Result zero = run(home, {"-f", "log.toml", "history", "--last", "0"});
    CHECK(zero.exit_code == 2);
    CHECK(zero.err == "anklog: error: --last: 0 is out of range\n  help: write a whole number from 1 to 100000000\n");
    // One value per --activity: a second word is no activity of it.
    CHECK(run(home, {"-f", "log.toml", "history", "--activity", "walk", "squat"}).exit_code == 2);
}

TEST_CASE("history --activity suggests the base form of plurals and -ing forms") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    for (const auto& [typed, meant] : std::vector<std::pair<std::string, std::string>>{
             {"calf-raises", "calf-raise"}, {"walking", "walk"}, {"Glute bridges", "glute-bridge"},
             {"hiking", "hike"}, {"jogging", "jog"}}) {
        CAPTURE(typed);
        const Result r = run(home, {"-f", "log.toml", "history", "--activity", "walk", "--activity", typed});
        CHECK(r.exit_code == 2);
        CHECK(r.err == "anklog: error: --activity: unknown activity \"" + typed + "\"\n  help: did you mean '" + meant +
                           "'?\n");
    }
}

TEST_CASE("a plural in the log or on the command line of log gets the base form too") {
    ScratchDir home;
    write(home / "log.toml", "[[session]]\ndate = 2026-11-02\nactivity = \"lunges\"\nsets = 1\nreps = 10\n");
    const Result parsed = run(home, {"-f", "log.toml", "history"});
    CHECK(parsed.exit_code == 2);
    CHECK(parsed.err == "anklog: error: log.toml:3:12: unknown activity \"lunges\"\n  help: did you mean 'lunge'?\n");
    const Result logged = run(home, {"-f", "new.toml", "log", "walking", "-m", "10", "--date", "2026-11-02"});
    CHECK(logged.exit_code == 2);
    CHECK(logged.err == "anklog: error: unknown activity \"walking\"\n  help: did you mean 'walk'?\n");
}
