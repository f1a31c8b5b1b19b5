// anklog history: the log as a table, JSON or CSV.
#include <doctest/doctest.h>

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
         "weight": "2.2 lb", "weight_kg": 1.0, "minutes": null, "sets": 2, "reps": 10, "effort": null, "pain": 2,
         "srpe_load": null, "note": null},
        {"line": 4, "date": "2026-11-18", "activity": "walk", "kind": "gait", "on": "ankle", "weight": "2 lb",
         "weight_kg": 0.90718474, "minutes": 20, "sets": null, "reps": null, "effort": 3, "pain": null,
         "srpe_load": 60, "note": "said \"hi\"\nto Ann, Bo"}
      ]
    })json"));
    CHECK(run(home, {"-f", "log.toml", "history", "--format", "csv", "--since", "2026-11-18"}).out ==
          "date,activity,kind,on,weight,weight_kg,minutes,sets,reps,effort,pain,srpe_load,note,line\r\n"
          "2026-11-18,walk,gait,ankle,2 lb,0.9072,20,,,3,,60,\"said \"\"hi\"\"\nto Ann, Bo\",4\r\n");
    CHECK(json_of(run(home, {"-f", "log.toml", "history", "--format", "json", "--since", "2030-01-01"}).out) ==
          json_of(R"json({"file": "log.toml", "units": "lb", "sessions": []})json"));
}

TEST_CASE("history on a missing log or with a bad date says what to do") {
    ScratchDir home;
    const Result missing = run(home, {"-f", "nope.toml", "history"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == "anklog: error: nope.toml: no such log file\n"
                         "  help: start one with 'anklog init', or log a first session with 'anklog log'\n");
    write(home / "log.toml", small_log);
    const Result bad = run(home, {"-f", "log.toml", "history", "--since", "last week"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "anklog: error: --since: \"last week\" is not a date\n  help: write YYYY-MM-DD, today or yesterday\n");
    const Result format = run(home, {"-f", "log.toml", "history", "--format", "xml"});
    CHECK(format.exit_code == 2);
    CHECK(format.err.rfind("anklog: error: --format: \"xml\" is not one of text, json, csv\n", 0) == 0);
}
