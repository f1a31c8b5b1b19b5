// anklog log: appends exactly one session, never touches what was there.
#include <doctest/doctest.h>

#include <random>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("the first `log` creates the log / its folders / mode 0600 / and shows what it appended") {
    ScratchDir home;
    const Result r = run(home, {"log", "walk", "-w", "1kg", "-m", "15", "--effort", "3", "--date", "2026-11-18",
                                "--note", "easy pace"});
    CHECK(r.exit_code == 0);
    const fs::path log = home / ".local/share/anklog/log.toml";
    // Said on stderr, so that a misspelt -f shows at once.
    CHECK(r.err == "anklog: note: there was no log at " + log.string() + ": started a new one\n");
    CHECK(r.out == "appended to " + log.string() + ":7\n\n"
                   "[[session]]\n"
                   "date = 2026-11-18\n"
                   "activity = \"walk\"\n"
                   "on = \"ankle\"\n"
                   "weight = \"1 kg\"\n"
                   "minutes = 15\n"
                   "effort = 3\n"
                   "note = \"easy pace\"\n"
                   "\n" +
                   log.string() +
                   ":7: warning[start-light]: first walk with weights on the ankles, on 2026-11-18, started longer "
                   "than a first session should\n"
                   "  = duration 15 min > 10 min (first weighted session of walk on the ankles)\n"
                   "  = start light and build up one thing at a time: 1 kg for 10 min  (source: Ankle Weights 101, "
                   "PowerRebound; A. Lee, physiotherapist)\n");
    CHECK(read(log) ==
          "# anklog training log. Plain TOML: edit freely, anklog only appends.\n"
          "version = 1\n"
          "\n"
          "[profile]\n"
          "units = \"kg\"  # kg | lb: display unit, and unit of bare numbers\n"
          "\n"
          "[[session]]\n"
          "date = 2026-11-18\n"
          "activity = \"walk\"\n"
          "on = \"ankle\"\n"
          "weight = \"1 kg\"\n"
          "minutes = 15\n"
          "effort = 3\n"
          "note = \"easy pace\"\n");
    CHECK(mode_of(log) == 0600);
    CHECK(mode_of(log.parent_path()) == 0700);
}

TEST_CASE("`log` appends to an existing log: the old bytes stay a prefix / the session reads back") {
    ScratchDir home;
    const std::string before = example("beginner-eight-weeks.toml");
    write(home / "log.toml", before);
    const Result r = run(home, {"-f", "log.toml", "log", "side-leg-lift", "-w", "1kg", "--sets", "1", "--reps", "11",
                                "--date", "2026-11-18", "--effort", "5"});
    CHECK(r.exit_code == 0);
    const std::string after = read(home / "log.toml");
    CHECK(after.substr(0, before.size()) == before);
    CHECK(after.substr(before.size()) ==
          "\n[[session]]\ndate = 2026-11-18\nactivity = \"side-leg-lift\"\non = \"ankle\"\nweight = \"1 kg\"\n"
          "sets = 1\nreps = 11\neffort = 5\n");
    const Result history = run(home, {"-f", "log.toml", "history", "--since", "2026-11-18"});
    CHECK(history.out ==
          "date        activity       on     weight  volume  effort  pain  load  note\n"
          "2026-11-18  side-leg-lift  ankle  1 kg    1 x 11  5       -     -\n"
          "\n"
          "1 session (1 weighted) from 2026-11-18 to 2026-11-18\n");
}

TEST_CASE("hand edits survive: comments / odd spacing / no final newline / CRLF line ends") {
    ScratchDir home;
    const std::vector<std::string> originals{
        "# my log\n\n[[session]]\n  date=2026-11-01   # Sunday\nactivity = 'walk'\nminutes=20",
        "version = 1\r\n[profile]\r\nunits = \"lb\"\r\n",
        "[rules]\noff = [\"monotony\"]\n",
        "",
    };
    for (const std::string& original : originals) {
        CAPTURE(original);
        write(home / "log.toml", original);
        const Result r = run(home, {"-f", "log.toml", "log", "walk", "-m", "10", "--date", "2026-11-02"});
        CHECK(r.exit_code == 0);
        const std::string after = read(home / "log.toml");
        CHECK(after.substr(0, original.size()) == original);
        CHECK(run(home, {"-f", "log.toml", "history", "--since", "2026-11-02", "--format", "csv"}).out ==
              "date,activity,kind,on,weight,weight_kg,weight_lb,minutes,sets,reps,effort,pain,srpe_load,note,line\r\n"
              "2026-11-02,walk,gait,ankle,,,,10,,,,,,," + std::to_string(std::count(after.begin(), after.end(), '\n') - 3) + "\r\n");
    }
}

TEST_CASE("many appends in a row: every earlier byte is a prefix of every later file") {
    ScratchDir home;
    std::mt19937 random(20261121);
    const std::vector<std::vector<std::string>> workouts{
        {"walk", "-w", "0.5kg", "-m", "10"},
        {"side-leg-lift", "-w", "1kg", "--sets", "1", "--reps", "12", "--note", "tight \"left\" hip"},
        {"pilates", "--on", "wrist", "-w", "0.5", "-m", "30", "--effort", "4"},
        {"glute-bridge", "--sets", "2", "--reps", "10", "--pain", "1", "--note", "ça va\nmieux"},
        {"jog", "-m", "20"},
    };
    std::string previous;
    for (int i = 0; i < 12; ++i) {
        std::vector<std::string> args{"-f", "log.toml", "log"};
        const auto& workout = workouts[random() % workouts.size()];
        args.insert(args.end(), workout.begin(), workout.end());
        args.insert(args.end(), {"--date", "2026-10-" + std::to_string(10 + i)});
        REQUIRE(run(home, args).exit_code == 0);
        const std::string now = read(home / "log.toml");
        CHECK(now.substr(0, previous.size()) == previous);
        CHECK(now.size() > previous.size());
        previous = now;
    }
    // Every session landed: one CSV row per day logged.
    const std::string csv = run(home, {"-f", "log.toml", "history", "--format", "csv"}).out;
    for (int i = 0; i < 12; ++i) CHECK(csv.find("\r\n2026-10-" + std::to_string(10 + i) + ",") != std::string::npos);
}

TEST_CASE("--dry-run shows the block and changes nothing / not even creating the log") {
    ScratchDir home;
    const Result r = run(home, {"-f", "log.toml", "log", "walk", "-m", "12", "--date", "2026-11-18", "--dry-run"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "would append to log.toml:\n\n[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 12\n");
    CHECK_FALSE(fs::exists(home / "log.toml"));
}

TEST_CASE("bare weights use the log's unit - declared activities can be logged") {
    ScratchDir home;
    write(home / "log.toml",
          "[profile]\nunits = \"lb\"\n[activities]\n\"kettle-swing\" = { kind = \"strength\", group = \"hips\" }\n");
    const Result r = run(home, {"-f", "log.toml", "-q", "log", "kettle-swing", "-w", "2", "--sets", "1", "--reps",
                                "8", "--date", "2026-11-18"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "");
    CHECK(read(home / "log.toml").find("weight = \"2 lb\"\nsets = 1") != std::string::npos);
}

TEST_CASE("after appending, `log` prints check's findings on that session as advice - even with -q - and exits 0") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    // The working level is 1 kg for 12 min; 1.5 kg for 20 min raises both.
    const Result r = run(home, {"-f", "log.toml", "-q", "log", "walk", "-w", "1.5kg", "-m", "20", "--date", "2026-11-16"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out ==
          "\n"
          "log.toml:332: warning[weight-and-volume]: walk on 2026-11-16 raised weight and duration together\n"
          "  = weight 1 kg -> 1.5 kg, duration 12 min -> 20 min (vs working level of the last 14 days)\n"
          "  = raise one thing at a time: 1.5 kg for 12 min  (source: Ankle Weights 101, PowerRebound)\n"
          "\n"
          "log.toml:332: warning[volume-spike]: walk on 2026-11-16 was 43% longer than any in the last 30 days\n"
          "  = duration 20 min vs 14 min, the longest of 8 weighted sessions in the last 30 days\n"
          "  = build up in small steps, about 10% at a time: 1.5 kg for 12 min  (source: Frandsen et al. 2025, "
          "BJSM 59:1203)\n");
    // Earlier sessions' findings are not repeated; a dry run shows what a session would raise.
    const Result dry = run(home, {"-f", "log.toml", "log", "run", "-w", "0.5kg", "-m", "10", "--date", "2026-11-17",
                                  "--dry-run"});
    CHECK(dry.exit_code == 0);
    CHECK(dry.out.find("warning[ankle-weights-running]: run on 2026-11-17 was done with weights on the ankles") !=
          std::string::npos);
}

TEST_CASE("each bad input ends in exit 2 / a message with advice / and the log byte-for-byte unchanged") {
    ScratchDir home;
    const std::string original = example("beginner-eight-weeks.toml");
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"wlak", "-m", "10"}, "anklog: error: unknown activity \"wlak\"\n  help: did you mean 'walk'?\n"},
        {{"walk", "-m", "10", "-w", "heavy"},
         "anklog: error: --weight: \"heavy\" is not a weight\n  help: write a weight like 1kg, \"1.5 kg\", 500g or "
         "2lb; a bare number means kg\n"},
        {{"walk", "-m", "10", "-w", "1,5kg"},
         "anklog: error: --weight: \"1,5kg\" is not a weight\n  help: write decimals with a point: 1.5 kg\n"},
        {{"walk", "-m", "10", "-w", "25kg"},
         "anklog: error: --weight: weight 25 kg is out of range\n  help: a weight per limb is 0.1 kg (0.22 lb) to 20 "
         "kg (44 lb); 0 means unweighted\n"},
        {{"walk", "-m", "10", "-w", "0.0000001kg"},
         "anklog: error: --weight: weight 1e-07 kg is lighter than any real weight\n  help: a weight per limb is 0.1 "
         "kg (0.22 lb) to 20 kg (44 lb); 0 means unweighted\n"},
        {{"walk", "-m", "10", "-w", "1.2344kg"},
         "anklog: error: --weight: weight 1.2344 kg is more precise than anklog keeps\n  help: anklog keeps weights "
         "to 3 decimals, e.g. 1.234 kg\n"},
        {{"walk", "-m", "10", "-w", "-1kg"}, ""},
        {{"walk", "-m", "0"}, "anklog: error: -m: 0 is out of range\n  help: write a whole number from 1 to 600\n"},
        {{"walk", "-m", "601"}, "anklog: error: -m: 601 is out of range\n  help: write a whole number from 1 to 600\n"},
        {{"walk", "-m", "ten"}, ""},
        {{"walk", "-m", "10", "--effort", "11"},
         "anklog: error: --effort: 11 is out of range\n  help: write a whole number from 0 to 10\n"},
        {{"walk", "-m", "10", "--pain", "-2"}, ""},
        {{"walk", "-m", "10", "--on", "knee"},
         "anklog: error: --on: \"knee\" is not ankle or wrist\n  help: write --on ankle or --on wrist\n"},
        {{"walk", "-m", "10", "--date", "2026-02-30"},
         "anklog: error: --date: \"2026-02-30\" is not a date\n  help: there is no such day: write a real date as "
         "YYYY-MM-DD, years 0001 to 9999\n"},
        {{"walk", "-m", "10", "--date", "2999-01-01"}, ""},
        // With a walk to repeat, the advice shows --again and what it would copy.
        {{"walk"}, "anklog: error: walk needs minutes\n  help: add how long it took, e.g. anklog log walk --minutes 20, or "
                   "repeat last time (without weights for 30 min on 2026-11-15): anklog log walk --again\n"},
        {{"walk", "-m", "10", "--sets", "2"},
         "anklog: error: --sets: walk is timed (gait); it has no sets or reps\n  help: log how long it took in minutes "
         "instead\n"},
        {{"squat", "--sets", "2"},
         "anklog: error: squat needs sets and reps\n  help: add both, e.g. anklog log squat --sets 1 --reps 10\n"},
        {{"squat", "--sets", "21", "--reps", "5"}, "anklog: error: --sets: 21 is out of range\n  help: write a whole number from 1 to 20\n"},
        {{"squat", "--sets", "2", "--reps", "0"},
         "anklog: error: --reps: 0 is out of range\n  help: write a whole number from 1 to 200\n"},
        {{"walk", "-m", "10", "--note", "bad \xff byte"},
         "anklog: error: --note: the note is not valid UTF-8 text\n  help: check your terminal's character encoding\n"},
        {{"walk", "-m", "10", "--bogus"}, ""},
        {{}, ""},
    };
    for (const auto& [args, expected_err] : cases) {
        std::vector<std::string> full{"-f", "log.toml", "log"};
        full.insert(full.end(), args.begin(), args.end());
        CAPTURE(fmt_args(full));
        write(home / "log.toml", original);
        const Result r = run(home, full);
        CHECK(r.exit_code == 2);
        CHECK(r.out == "");
        if (!expected_err.empty()) CHECK(r.err == expected_err);
        CHECK(r.err.rfind("anklog: error: ", 0) == 0);
        CHECK(r.err.find("\n  help: ") != std::string::npos);
        CHECK(read(home / "log.toml") == original);
    }
}

TEST_CASE("the future is refused / naming today") {
    ScratchDir home;
    const Result r = run(home, {"-f", "log.toml", "log", "walk", "-m", "10", "--date", "2999-01-01"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("anklog: error: --date: 2999-01-01 is in the future\n  help: log a session after doing it (today is ") == 0);
    CHECK_FALSE(fs::exists(home / "log.toml"));
}

TEST_CASE("a malformed log is never appended to: exit 2 / located error / bytes unchanged") {
    ScratchDir home;
    const std::vector<std::pair<std::string, std::string>> logs{
        {"[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminuts = 15\n",
         "anklog: error: log.toml:4:1: unknown key 'minuts' in [[session]]\n  help: did you mean 'minutes'?\n"},
        {"version = 1\n[[session]\n", ""},
        {"version = 2\n",
         "anklog: error: log.toml:1:11: this log is format version 2, newer than this anklog reads (version 1)\n"
         "  help: upgrade anklog to read it; your log has not been changed\n"},
        {"[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 15\nweight = \"99 kg\"\n", ""},
        {std::string("note = \"\xff\"\n"), ""},
    };
    for (const auto& [text, expected_err] : logs) {
        CAPTURE(text);
        write(home / "log.toml", text);
        const Result r = run(home, {"-f", "log.toml", "log", "walk", "-m", "10", "--date", "2026-11-18"});
        CHECK(r.exit_code == 2);
        if (!expected_err.empty()) CHECK(r.err == expected_err);
        CHECK(r.err.rfind("anklog: error: log.toml:", 0) == 0);
        CHECK(read(home / "log.toml") == text);
    }
}

TEST_CASE("a log whose sessions are an inline array: log says why it cannot append, at the array's line") {
    ScratchDir home;
    const std::string text =
        "version = 1\nsession = [{date = 2026-11-01, activity = \"walk\", weight = \"1 kg\", minutes = 10}]\n";
    write(home / "log.toml", text);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"-f", "log.toml", "log", "walk", "-w", "1kg", "-m", "10"},
          std::vector<std::string>{"-f", "log.toml", "log", "walk", "-w", "1kg", "-m", "10", "--dry-run"}}) {
        const Result r = run(home, args);
        CHECK(r.exit_code == 2);
        CHECK(r.err == "anklog: error: log.toml:2: anklog appends sessions as [[session]] blocks, and this log keeps "
                       "its sessions in an inline array (session = [...])\n"
                       "  help: rewrite them as [[session]] blocks, one per session ('anklog edit' checks the "
                       "result); anklog reads either\n");
    }
    CHECK(read(home / "log.toml") == text);
    CHECK(run(home, {"-f", "log.toml", "history"}).exit_code == 0);  // reading it is fine
}
