// anklog history --planned: planned sessions among the done ones, marked,
// and per week how many planned sessions were done.
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

const std::string week_log =
    "[profile]\nweights = [\"0.5 kg\", \"1 kg\"]\n"
    "\n[[session]]\ndate = 2026-11-16\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\nminutes = 12\n"
    "\n# anklog plan for the week of 2026-11-23\n"
    "[[planned]]\ndate = 2026-11-23\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\nminutes = 13\n"
    "\n[[planned]]\ndate = 2026-11-25\nactivity = \"glute-bridge\"\non = \"ankle\"\nweight = \"0.5 kg\"\nsets = 1\nreps = 13\n"
    "\n[[planned]]\ndate = 2026-11-27\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\nminutes = 13\n"
    "\n[[session]]\ndate = 2026-11-23\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\nminutes = 13\neffort = 3\n"
    "\n[[session]]\ndate = 2026-11-25\nactivity = \"calf-raise\"\nsets = 1\nreps = 10\n";

}  // namespace

TEST_CASE("history lists only sessions done - --planned adds the plan, marked / and planned vs done per week") {
    ScratchDir home;
    write(home / "log.toml", week_log);
    CHECK(run(home, {"-f", "log.toml", "history"}).out ==
          "date        activity    on     weight  volume  effort  pain  load  note\n"
          "2026-11-16  walk        ankle  1 kg    12 min  -       -     -\n"
          "2026-11-23  walk        ankle  1 kg    13 min  3       -     39\n"
          "2026-11-25  calf-raise  -      -       1 x 10  -       -     -\n"
          "\n"
          "3 sessions (2 weighted) from 2026-11-16 to 2026-11-25\n");
    const Result r = run(home, {"-f", "log.toml", "history", "--planned"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "date        activity      on     weight  volume  effort  pain  load  plan      note\n"
                   "2026-11-16  walk          ankle  1 kg    12 min  -       -     -     -\n"
                   "2026-11-23  walk          ankle  1 kg    13 min  3       -     39    done\n"
                   "2026-11-25  calf-raise    -      -       1 x 10  -       -     -     -\n"
                   "2026-11-25  glute-bridge  ankle  0.5 kg  1 x 13  -       -     -     not done\n"
                   "2026-11-27  walk          ankle  1 kg    13 min  -       -     -     not done\n"
                   "\n"
                   "week of 2026-11-23: 1 of 3 planned sessions done; 1 session not planned\n"
                   "\n"
                   "3 sessions (2 weighted) from 2026-11-16 to 2026-11-25\n");
    // The filters apply to the plan too.
    CHECK(run(home, {"-f", "log.toml", "history", "--planned", "--activity", "walk", "--since", "2026-11-20"}).out ==
          "date        activity  on     weight  volume  effort  pain  load  plan      note\n"
          "2026-11-23  walk      ankle  1 kg    13 min  3       -     39    done\n"
          "2026-11-27  walk      ankle  1 kg    13 min  -       -     -     not done\n"
          "\n"
          "week of 2026-11-23: 1 of 2 planned sessions done\n"
          "\n"
          "1 session (1 weighted) from 2026-11-23 to 2026-11-23\n");
}

TEST_CASE("history --planned as CSV and JSON") {
    ScratchDir home;
    write(home / "log.toml", week_log);
    CHECK(run(home, {"-f", "log.toml", "history", "--planned", "--since", "2026-11-20", "--format", "csv"}).out ==
          "date,activity,kind,on,weight,weight_kg,weight_lb,minutes,sets,reps,effort,pain,srpe_load,note,line,plan\r\n"
          "2026-11-23,walk,gait,ankle,1 kg,1,2.205,13,,,3,,39,,34,done\r\n"
          "2026-11-25,calf-raise,strength,ankle,,,,,1,10,,,,,42,\r\n"
          "2026-11-25,glute-bridge,strength,ankle,0.5 kg,0.5,1.102,,1,13,,,,,19,not done\r\n"
          "2026-11-27,walk,gait,ankle,1 kg,1,2.205,13,,,,,,,27,not done\r\n");
    const auto json = json_of(run(home, {"-f", "log.toml", "history", "--planned", "--format", "json"}).out);
    CHECK(json["sessions"][1]["as_planned"] == true);
    CHECK(json["sessions"][2]["as_planned"] == false);
    CHECK(json["planned_not_done"] == json_of(R"json([
      {"line": 19, "date": "2026-11-25", "activity": "glute-bridge", "on": "ankle", "weight": "0.5 kg",
       "minutes": null, "sets": 1, "reps": 13, "status": "not done"},
      {"line": 27, "date": "2026-11-27", "activity": "walk", "on": "ankle", "weight": "1 kg",
       "minutes": 13, "sets": null, "reps": null, "status": "not done"}])json"));
    CHECK(json["weeks"] == json_of(R"json([{"week_of": "2026-11-23", "planned": 3, "planned_done": 1, "sessions": 2,
                                        "rest_week": false}])json"));
    // Without --planned, the JSON is as before.
    const auto plain = json_of(run(home, {"-f", "log.toml", "history", "--format", "json"}).out);
    CHECK_FALSE(plain.contains("weeks"));
    CHECK_FALSE(plain["sessions"][0].contains("as_planned"));
}
