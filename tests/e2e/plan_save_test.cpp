// plan --save: the week as [[planned]] blocks in the log, append-only; a
// week with a saved plan shows it; saving again re-plans.
#include <doctest/doctest.h>

#include <set>

#include "anklog/log.hpp"
#include "anklog/log_parser.hpp"
#include "faults.hpp"

using namespace e2e;

namespace {

const std::vector<std::string> save{"-f", "log.toml", "plan", "--week-of", "2026-11-23", "--save"};

}  // namespace

TEST_CASE("plan --save appends exactly what plan --format toml prints / says where / check and history ignore it") {
    ScratchDir home;
    const std::string before = example("beginner-eight-weeks.toml");
    write(home / "log.toml", before);
    const Result check_before = run(home, {"-f", "log.toml", "check"});
    const Result history_before = run(home, {"-f", "log.toml", "history"});
    const Result toml = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23", "--format", "toml"});
    const Result text = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23"});

    const Result saved = run(home, save);
    CHECK(saved.exit_code == 0);
    CHECK(saved.err == "");
    CHECK(read(home / "log.toml") == before + toml.out);
    CHECK(saved.out == text.out + "\nsaved to log.toml:332\n"
                                  "Each day, 'anklog today' shows what is planned and 'anklog done' logs it.\n");
    CHECK(run(home, {"-f", "log.toml", "check"}).out == check_before.out);
    CHECK(run(home, {"-f", "log.toml", "history"}).out == history_before.out);

    // --save --format toml prints what it appended.
    write(home / "log.toml", before);
    const Result saved_toml = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23", "--save", "--format", "toml"});
    CHECK(saved_toml.out == toml.out);
    CHECK(read(home / "log.toml") == before + toml.out);
}

TEST_CASE("plan shows a week's saved plan - done or not / and how to plan it afresh") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    REQUIRE(run(home, save).exit_code == 0);
    REQUIRE(run(home, {"-f", "log.toml", "-q", "log", "walk", "-w", "1kg", "-m", "13", "--date", "2026-11-23"}).exit_code == 0);
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-26"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    // Today is later than the whole week (the harness runs on a real clock, after 2026-11-29).
    CHECK(r.out == "Week of 2026-11-23 to 2026-11-29, from log.toml: the plan saved on line 332, 3 weighted days, 4 "
                   "rest days\n"
                   "\n"
                   "Mon 2026-11-23  walk           1 kg    13 min  done\n"
                   "Tue 2026-11-24  rest\n"
                   "Wed 2026-11-25  side-leg-lift  1 kg    1 x 5   not done\n"
                   "                glute-bridge   0.5 kg  1 x 8   not done\n"
                   "Thu 2026-11-26  rest\n"
                   "Fri 2026-11-27  walk           1 kg    13 min  not done\n"
                   "Sat 2026-11-28  rest\n"
                   "Sun 2026-11-29  rest\n"
                   "\n"
                   "To plan this week afresh and save the new plan in its place: anklog plan --save --week-of "
                   "2026-11-23\n");
    const Result csv = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23", "--format", "csv"});
    CHECK(csv.out == "date,activity,on,weight,weight_kg,weight_lb,minutes,sets,reps,label,reason,done\r\n"
                     "2026-11-23,walk,ankle,1 kg,1,2.205,13,,,,,yes\r\n"
                     "2026-11-25,side-leg-lift,ankle,1 kg,1,2.205,,1,5,,,\r\n"
                     "2026-11-25,glute-bridge,ankle,0.5 kg,0.5,1.102,,1,8,,,\r\n"
                     "2026-11-27,walk,ankle,1 kg,1,2.205,13,,,,,\r\n");
    const auto json = json_of(run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23", "--format", "json"}).out);
    CHECK(json["saved"] == true);
    CHECK(json["sessions"][0]["done"] == true);
    CHECK(json["sessions"][0]["label"] == nullptr);
    CHECK(json["sessions"][1]["done"] == false);
}

TEST_CASE("plan --save again re-plans - the later save is in effect / the earlier bytes stay") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    REQUIRE(run(home, save).exit_code == 0);
    const std::string first = read(home / "log.toml");
    std::vector<std::string> two_days = save;
    two_days.insert(two_days.end(), {"--days", "2"});
    const Result again = run(home, two_days);
    CHECK(again.exit_code == 0);
    CHECK(again.out.ends_with("\nsaved to log.toml:367, in place of the plan saved on line 332\n"
                              "Each day, 'anklog today' shows what is planned and 'anklog done' logs it.\n"));
    CHECK(read(home / "log.toml").rfind(first, 0) == 0);
    const Result shown = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23"});
    CHECK(shown.out.rfind("Week of 2026-11-23 to 2026-11-29, from log.toml: the plan saved on line 367, 2 weighted "
                          "days, 5 rest days\n",
                          0) == 0);
    const anklog::Log log = anklog::parse_log(read(home / "log.toml"), "log.toml");
    CHECK(log.planned.size() == 4 + 4);
    CHECK(anklog::planned_in_effect(log).size() == 4);
}

TEST_CASE("plan --save is undone like any write / creates a missing log with its header") {
    ScratchDir home;
    const std::string before = example("knee-rehab.toml");
    write(home / "log.toml", before);
    REQUIRE(run(home, save).exit_code == 0);
    const Result undo = run(home, {"-f", "log.toml", "undo", "--yes"});
    CHECK(undo.exit_code == 0);
    CHECK(undo.out.rfind("The last change anklog made to log.toml was 'anklog plan --save', which appended what undo "
                         "removes:\n\n# anklog plan for the week of 2026-11-23\n",
                         0) == 0);
    CHECK(read(home / "log.toml") == before);

    const Result created = run(home, {"-f", "new.toml", "-q", "plan", "--save", "--week-of", "2026-11-23"});
    CHECK(created.exit_code == 0);
    CHECK(read(home / "new.toml").rfind("# anklog training log. Plain TOML: edit freely, anklog only appends.\n"
                                        "version = 1\n\n[profile]\nunits = \"kg\"",
                                        0) == 0);
    CHECK(anklog::planned_in_effect(anklog::parse_log(read(home / "new.toml"), "new.toml")).size() == 4);
    CHECK(mode_of(home / "new.toml") == 0600);
}

TEST_CASE("plan --save fails cleanly - a week already begun / a full disk / a read-only folder: exit 2, log unchanged") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    const auto files = contents_of(home.path());
    const Result begun = run(home, {"-f", "log.toml", "plan", "--save", "--week-of", "2026-11-10"});
    CHECK(begun.exit_code == 2);
    CHECK(begun.err == "anklog: error: --week-of: the log already has sessions in or after the week of 2026-11-09 "
                       "(the last on 2026-11-15)\n  help: this week has begun, and a week is planned before it starts: "
                       "plan the next, the week of 2026-11-16 (anklog plan --week-of 2026-11-16)\n");
    CHECK(contents_of(home.path()) == files);

    const Result full = run(home, save, with_faults("write:.log.toml.anklog-*:ENOSPC"));
    CHECK(full.exit_code == 2);
    CHECK(full.out == "");
    CHECK(full.err == "anklog: error: log.toml: cannot write the log: the disk is full\n"
                      "  help: free some space and try again; your log has not been changed\n");
    CHECK(contents_of(home.path()) == files);

    if (is_root()) {
        fs::permissions(home.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                         fs::perms::others_read | fs::perms::others_exec);
        REQUIRE(chown_to(home / "log.toml", nobody));
        Options as_nobody;
        as_nobody.prefix = as_user(nobody);
        const Result read_only = run(home, save, as_nobody);
        CHECK(read_only.exit_code == 2);
        CHECK(read_only.err == "anklog: error: log.toml: cannot write the log: permission denied\n"
                               "  help: anklog writes a temporary file beside the log: make the folder writable; "
                               "the log has not been changed\n");
        CHECK(contents_of(home.path()) == files);
    }
}

TEST_CASE("concurrent plan --save and log calls all land") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    Options patient;
    patient.env = {{"ANKLOG_LOCK_TIMEOUT", "60"}};
    std::vector<int> pids;
    for (int i = 0; i < 12; ++i) {
        pids.push_back(i % 4 == 0 ? start(home, {"-f", "log.toml", "-q", "plan", "--save", "--week-of", "2026-12-07"}, patient)
                                  : start(home, {"-f", "log.toml", "-q", "log", "walk", "-m", std::to_string(10 + i),
                                                 "--date", "2026-11-18", "--note", "writer " + std::to_string(i)},
                                          patient));
    }
    for (const int pid : pids) CHECK(finish(pid, home).exit_code == 0);
    const std::string text = read(home / "log.toml");
    const anklog::Log log = anklog::parse_log(text, "log.toml");
    std::set<std::string> notes;
    for (const auto& session : log.sessions) notes.insert(session.note);
    for (int i = 0; i < 12; ++i) {
        if (i % 4 != 0) CHECK(notes.count("writer " + std::to_string(i)) == 1);
    }
    CHECK(log.plan_saves.size() == 3);
    CHECK(std::count_if(log.plan_saves.begin(), log.plan_saves.end(),
                        [](const anklog::PlanSave& s) { return anklog::to_string(s.monday) == "2026-12-07"; }) == 3);
}

namespace {

// Pain of 3 or more on three training days in a row, the last on
// 2026-10-30: the week of 2026-11-02 is a rest week. No [[planned]] blocks.
const std::string painful_log =
    "[profile]\nweights = [\"0.5 kg\", \"1 kg\"]\n"
    "\n[[session]]\ndate = 2026-10-12\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 20\npain = 0\n"
    "\n[[session]]\ndate = 2026-10-26\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 20\npain = 3\n"
    "\n[[session]]\ndate = 2026-10-28\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 20\npain = 4\n"
    "\n[[session]]\ndate = 2026-10-30\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 20\npain = 3\n";

const std::string rest_week_saved =
    "\n# anklog plan for the week of 2026-11-02\n# a rest week: nothing is planned\n";

}  // namespace

TEST_CASE("plan --save of a rest week - its marker line records it / plan, today, summary and history show it") {
    ScratchDir home;
    write(home / "log.toml", painful_log);
    const std::vector<std::string> save_rest{"-f", "log.toml", "plan", "--week-of", "2026-11-02", "--save"};
    const Result saved = run(home, save_rest);
    CHECK(saved.exit_code == 0);
    CHECK(saved.err == "");
    CHECK(read(home / "log.toml") == painful_log + rest_week_saved);
    CHECK(saved.out.ends_with("\nA rest week: nothing is planned.\n"
                              "\nsaved to log.toml:32\n"
                              "Each day, 'anklog today' shows what is planned and 'anklog done' logs it.\n"));

    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-04"});
    CHECK(plan.out.starts_with("Week of 2026-11-02 to 2026-11-08, from log.toml: the plan saved on line 32, 0 weighted "
                               "days, 7 rest days\n"));
    CHECK(plan.out.ends_with("\nA rest week: nothing is planned.\n\nTo plan this week afresh and save the new plan in "
                             "its place: anklog plan --save --week-of 2026-11-02\n"));

    const Result today = run(home, {"-f", "log.toml", "today", "--date", "2026-11-04"});
    CHECK(today.exit_code == 0);
    CHECK(today.out == "Wed 2026-11-04, from log.toml: 0 planned, 0 done\n"
                       // The standing comes first: the rest week is why nothing is planned.
                       "Where you stand on 2026-11-04: danger: resting after pain on 3 of the last 5 training days (the last on "
                       "2026-10-30), until 2026-11-13: see a doctor or physiotherapist before training with weights again\n"
                       "\n"
                       "Nothing is planned for this day: this is a rest week (saved plan of the week of 2026-11-02).\n");

    const Result summary = run(home, {"-f", "log.toml", "summary", "--since", "2026-10-26", "--until", "2026-11-04"});
    CHECK(summary.exit_code == 0);
    CHECK(summary.out.find("Plan for the week of 2026-11-02: a rest week (saved), nothing planned.\n") !=
          std::string::npos);
    CHECK(summary.out.find("none saved") == std::string::npos);
    const auto json = json_of(run(home, {"-f", "log.toml", "summary", "--since", "2026-10-26", "--until", "2026-11-04",
                                         "--format", "json"})
                                  .out);
    CHECK(json["this_week"] == json_of(R"({"week_of": "2026-11-02", "planned": 0, "done": 0, "missed": [],
                                           "on_track": true, "rest_week": true})"));

    CHECK(run(home, {"-f", "log.toml", "history", "--planned", "--since", "2026-11-02"}).out ==
          "no sessions\n\nweek of 2026-11-02: a rest week (saved plan)\n");
    CHECK(run(home, {"-f", "log.toml", "history", "--planned", "--since", "2026-10-30", "--until", "2026-11-08"}).out ==
          "date        activity  on     weight  volume  effort  pain  load  plan  note\n"
          "2026-10-30  walk      ankle  1 kg    20 min  -       3     -     -\n"
          "\n"
          "week of 2026-11-02: a rest week (saved plan)\n"
          "\n"
          "1 session (1 weighted) from 2026-10-30 to 2026-10-30\n");
    CHECK(json_of(run(home, {"-f", "log.toml", "history", "--planned", "--format", "json"}).out)["weeks"] ==
          json_of(R"([{"week_of": "2026-11-02", "planned": 0, "planned_done": 0, "sessions": 0, "rest_week": true}])"));
    // Before the rest week, nothing about it.
    CHECK(run(home, {"-f", "log.toml", "history", "--planned", "--until", "2026-11-01"}).out.find("rest week") ==
          std::string::npos);

    // Saved again: in place of the first save.
    const Result again = run(home, save_rest);
    CHECK(again.exit_code == 0);
    CHECK(again.out.ends_with("\nsaved to log.toml:35, in place of the plan saved on line 32\n"
                              "Each day, 'anklog today' shows what is planned and 'anklog done' logs it.\n"));
}

TEST_CASE("a rest week saved over a week already planned is the plan in effect") {
    ScratchDir home;
    const std::string planned = painful_log +
                                "\n# anklog plan for the week of 2026-11-02\n"
                                "[[planned]]\ndate = 2026-11-04\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\n"
                                "minutes = 20\n";
    write(home / "log.toml", planned);
    CHECK(run(home, {"-f", "log.toml", "today", "--date", "2026-11-04"}).out.starts_with(
        "Wed 2026-11-04, from log.toml: 1 planned, 0 done\n"));
    REQUIRE(run(home, {"-f", "log.toml", "-q", "plan", "--week-of", "2026-11-02", "--save"}).exit_code == 0);
    CHECK(read(home / "log.toml") == planned + rest_week_saved);
    CHECK(run(home, {"-f", "log.toml", "today", "--date", "2026-11-04"}).out ==
          "Wed 2026-11-04, from log.toml: 0 planned, 0 done\n"
          "Where you stand on 2026-11-04: danger: resting after pain on 3 of the last 5 training days (the last on "
          "2026-10-30), until 2026-11-13: see a doctor or physiotherapist before training with weights again\n"
          "\n"
          "Nothing is planned for this day: this is a rest week (saved plan of the week of 2026-11-02).\n");
    const Result done = run(home, {"-f", "log.toml", "done", "--date", "2026-11-04"});
    CHECK(done.exit_code == 2);
    CHECK(read(home / "log.toml") == planned + rest_week_saved);
}

TEST_CASE("a marker line inside a note is text - the plan saved stays in effect for today and done") {
    ScratchDir home;
    const std::string week =
        "[profile]\nweights = [\"0.5 kg\", \"1 kg\"]\n"
        "\n[[session]]\ndate = 2026-11-16\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\nminutes = 12\n"
        "\n# anklog plan for the week of 2026-11-23\n"
        "[[planned]]\ndate = 2026-11-23\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\nminutes = 13\n"
        "\n[[planned]]\ndate = 2026-11-25\nactivity = \"side-leg-lift\"\non = \"ankle\"\nweight = \"1 kg\"\nsets = 1\nreps = 11\n"
        "\n[[planned]]\ndate = 2026-11-25\nactivity = \"glute-bridge\"\non = \"ankle\"\nweight = \"0.5 kg\"\nsets = 1\nreps = 13\n"
        "\n[[session]]\ndate = 2026-11-23\nactivity = \"walk\"\nminutes = 10\n"
        "note = \"\"\"what plan said:\n# anklog plan for the week of 2026-11-23\nthat was it\"\"\"\n";
    // Read block by block, and as one document (a table after the blocks).
    for (const std::string& tail : {std::string(), std::string("\n[activities]\n\"kettle-swing\" = { kind = \"strength\", group = \"hips\" }\n")}) {
        CAPTURE(tail);
        write(home / "log.toml", week + tail);
        const Result today = run(home, {"-f", "log.toml", "today", "--date", "2026-11-25"});
        CHECK(today.exit_code == 0);
        CHECK(today.out.starts_with("Wed 2026-11-25, from log.toml: 2 planned, 0 done\n"
                                    "\n"
                                    "  side-leg-lift  1 kg    1 x 11  to do\n"
                                    "  glute-bridge   0.5 kg  1 x 13  to do\n"));
        const Result done = run(home, {"-f", "log.toml", "-q", "done", "--date", "2026-11-25"});
        CHECK(done.exit_code == 0);
        CHECK(done.err == "");
        CHECK(run(home, {"-f", "log.toml", "today", "--date", "2026-11-25"}).out.starts_with(
            "Wed 2026-11-25, from log.toml: 2 planned, 2 done\n"));
    }
}
