// anklog log with several activities (one write, all or nothing) and --again
// (last time's load, flags overriding).
#include <doctest/doctest.h>

#include <set>

#include "anklog/log.hpp"
#include "anklog/log_parser.hpp"
#include "faults.hpp"

using namespace e2e;

namespace {

std::string strength_block(const std::string& activity, int line_pain) {
    return "[[session]]\ndate = 2026-11-20\nactivity = \"" + activity +
           "\"\non = \"ankle\"\nweight = \"1 kg\"\nsets = 2\nreps = 10\npain = " + std::to_string(line_pain) + "\n";
}

const std::string three_lifts_log = "[profile]\nweights = [\"0.5 kg\", \"1 kg\"]\n"
                                    "\n[[session]]\ndate = 2026-11-16\nactivity = \"side-leg-lift\"\nweight = \"1 kg\"\nsets = 2\nreps = 10\n"
                                    "\n[[session]]\ndate = 2026-11-16\nactivity = \"glute-bridge\"\nweight = \"1 kg\"\nsets = 2\nreps = 10\n"
                                    "\n[[session]]\ndate = 2026-11-16\nactivity = \"calf-raise\"\nweight = \"1 kg\"\nsets = 2\nreps = 10\n";

}  // namespace

TEST_CASE("log A B C - one write / the flags shared / each block with its own findings / one undo removes them all") {
    ScratchDir home;
    write(home / "log.toml", three_lifts_log);
    const Result r = run(home, {"-f", "log.toml", "log", "side-leg-lift", "glute-bridge", "calf-raise", "-w", "1kg",
                                "--sets", "2", "--reps", "10", "--pain", "2", "--date", "2026-11-20"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "appended 3 sessions to log.toml:25\n\n" + strength_block("side-leg-lift", 2) + "\n" +
                       strength_block("glute-bridge", 2) + "\n" + strength_block("calf-raise", 2));
    CHECK(read(home / "log.toml") == three_lifts_log + "\n" + strength_block("side-leg-lift", 2) + "\n" +
                                         strength_block("glute-bridge", 2) + "\n" + strength_block("calf-raise", 2));
    const Result undo = run(home, {"-f", "log.toml", "-q", "undo", "--yes"});
    CHECK(undo.exit_code == 0);
    CHECK(read(home / "log.toml") == three_lifts_log);
}

TEST_CASE("log A B - findings come after the block they are about") {
    ScratchDir home;
    const Result r = run(home, {"-f", "log.toml", "log", "walk", "run", "-w", "1kg", "-m", "10", "--date", "2026-11-18"});
    CHECK(r.exit_code == 0);
    const std::size_t walk = r.out.find("activity = \"walk\"");
    const std::size_t run_block = r.out.find("activity = \"run\"");
    const std::size_t running = r.out.find("warning[ankle-weights-running]");
    REQUIRE(walk != std::string::npos);
    REQUIRE(run_block != std::string::npos);
    CHECK(r.out.find("log.toml:7: ") == std::string::npos);  // nothing on the walk
    CHECK(running > run_block);
    CHECK(r.out.find("log.toml:14: warning[ankle-weights-running]: run on 2026-11-18") != std::string::npos);
}

TEST_CASE("log A B - all or nothing: one bad activity or value and nothing is written") {
    ScratchDir home;
    write(home / "log.toml", three_lifts_log);
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"side-leg-lift", "glute-brigde", "--sets", "2", "--reps", "10"},
         "anklog: error: unknown activity \"glute-brigde\"\n  help: did you mean 'glute-bridge'?\n"},
        // Mixed kinds: --sets and --reps go to the strength exercise, and the walk has no minutes.
        {{"side-leg-lift", "walk", "--sets", "2", "--reps", "10"},
         "anklog: error: walk needs minutes\n  help: add how long it took, e.g. anklog log walk --minutes 20\n"},
        {{"walk", "--sets", "2", "--reps", "10"},
         "anklog: error: --sets: walk is timed (gait); it has no sets or reps\n  help: log how long it took in "
         "minutes instead\n"},
        {{"walk", "walk", "-m", "10"},
         "anklog: error: walk is named twice\n  help: name each activity once: the flags apply to every activity "
         "named\n"},
    };
    for (const auto& [activities, expected] : cases) {
        CAPTURE(fmt_args(activities));
        std::vector<std::string> args{"-f", "log.toml", "log"};
        args.insert(args.end(), activities.begin(), activities.end());
        const Result r = run(home, args);
        CHECK(r.exit_code == 2);
        CHECK(r.out == "");
        CHECK(r.err == expected);
        CHECK(read(home / "log.toml") == three_lifts_log);
    }
    const Result full = run(home, {"-f", "log.toml", "log", "side-leg-lift", "glute-bridge", "--sets", "1", "--reps",
                                   "10", "--date", "2026-11-20"},
                            with_faults("write:.log.toml.anklog-*:ENOSPC"));
    CHECK(full.exit_code == 2);
    CHECK(read(home / "log.toml") == three_lifts_log);
}

TEST_CASE("log --again repeats each activity's last load - says what it copied / flags override / never effort or pain") {
    ScratchDir home;
    write(home / "log.toml", three_lifts_log +
                                 "\n[[session]]\ndate = 2026-11-17\nactivity = \"walk\"\non = \"wrist\"\nweight = "
                                 "\"0.5 kg\"\nminutes = 20\neffort = 6\npain = 1\nnote = \"windy\"\n");
    const Result r = run(home, {"-f", "log.toml", "log", "walk", "glute-bridge", "--again", "--reps", "11", "--effort",
                                "3", "--date", "2026-11-20"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out ==
          "copied from walk on 2026-11-17: 0.5 kg on the wrists for 20 min\n"
          "copied from glute-bridge on 2026-11-16: 1 kg for 2 x 10\n"
          "appended 2 sessions to log.toml:35\n"
          "\n[[session]]\ndate = 2026-11-20\nactivity = \"walk\"\non = \"wrist\"\nweight = \"0.5 kg\"\nminutes = 20\n"
          "effort = 3\n"
          "\n[[session]]\ndate = 2026-11-20\nactivity = \"glute-bridge\"\non = \"ankle\"\nweight = \"1 kg\"\nsets = 2\n"
          "reps = 11\neffort = 3\n");

    const Result none = run(home, {"-f", "log.toml", "log", "pilates", "--again", "--date", "2026-11-20"});
    CHECK(none.exit_code == 2);
    CHECK(none.err == "anklog: error: --again: there is no pilates on or before 2026-11-20 to repeat\n"
                      "  help: log it with its weight and volume, e.g. anklog log pilates -w 0.5kg -m 10\n");
}

TEST_CASE("log --on wrist --again repeats the last wrist session, not the last session of any placement") {
    // A walker alternates 3 lb on the wrists and 1 lb on the ankles: the
    // wrist walk is repeated from the last wrist walk (the tester's copy
    // put the ankle walk's 1 lb for 6 min on the wrists).
    ScratchDir home;
    const std::string walks =
        "version = 1\n\n[profile]\nunits = \"lb\"\n"
        "\n[[session]]\ndate = 2026-11-16\nactivity = \"walk\"\non = \"wrist\"\nweight = \"3 lb\"\nminutes = 12\n"
        "\n[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 lb\"\nminutes = 6\n";
    write(home / "log.toml", walks);
    const Result r = run(home, {"-f", "log.toml", "log", "walk", "--on", "wrist", "--again", "--date", "2026-11-20",
                                "--dry-run"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("copied from walk on 2026-11-16: 3 lb on the wrists for 12 min\n", 0) == 0);
    const Result none = run(home, {"-f", "log.toml", "log", "glute-bridge", "--on", "wrist", "--again", "--date",
                                   "2026-11-20"});
    CHECK(none.exit_code == 2);
    CHECK(none.err.rfind("anklog: error: --again: there is no glute-bridge on the wrists on or before 2026-11-20 to "
                         "repeat\n", 0) == 0);
    CHECK(read(home / "log.toml") == walks);
}

TEST_CASE("log walk without volume fails - its advice shows the --again line with last time's numbers") {
    ScratchDir home;
    write(home / "log.toml", three_lifts_log);
    const Result lift = run(home, {"-f", "log.toml", "log", "glute-bridge", "--date", "2026-11-20"});
    CHECK(lift.exit_code == 2);
    CHECK(lift.err == "anklog: error: glute-bridge needs sets and reps\n"
                      "  help: add both, e.g. anklog log glute-bridge --sets 1 --reps 10, or repeat last time (1 kg "
                      "for 2 x 10 on 2026-11-16): anklog log glute-bridge --again\n");
    const Result walk = run(home, {"-f", "log.toml", "log", "walk", "--date", "2026-11-20"});
    CHECK(walk.err == "anklog: error: walk needs minutes\n  help: add how long it took, e.g. anklog log walk --minutes 20\n");
    CHECK(read(home / "log.toml") == three_lifts_log);
}

TEST_CASE("concurrent log A B calls all land - each pair in one piece") {
    ScratchDir home;
    write(home / "log.toml", three_lifts_log);
    Options patient;
    patient.env = {{"ANKLOG_LOCK_TIMEOUT", "60"}};
    std::vector<int> pids;
    for (int i = 0; i < 10; ++i) {
        pids.push_back(start(home, {"-f", "log.toml", "-q", "log", "side-leg-lift", "glute-bridge", "--sets", "1",
                                    "--reps", "10", "--date", "2026-11-18", "--note", "writer " + std::to_string(i),
                                    "--duplicate"},
                             patient));
    }
    for (const int pid : pids) CHECK(finish(pid, home).exit_code == 0);
    const anklog::Log log = anklog::parse_log(read(home / "log.toml"), "log.toml");
    REQUIRE(log.sessions.size() == 3 + 20);
    std::set<std::string> notes;
    for (std::size_t i = 3; i < log.sessions.size(); i += 2) {
        CHECK(log.sessions[i].activity == "side-leg-lift");
        CHECK(log.sessions[i + 1].activity == "glute-bridge");
        CHECK(log.sessions[i].note == log.sessions[i + 1].note);
        notes.insert(log.sessions[i].note);
    }
    CHECK(notes.size() == 10);
}

TEST_CASE("log walk side-leg-lift - mixed kinds: -m goes to the walk / --sets and --reps to the lift") {
    ScratchDir home;
    write(home / "log.toml", three_lifts_log);
    const Result r = run(home, {"-f", "log.toml", "-q", "log", "walk", "side-leg-lift", "-w", "1kg", "-m", "10",
                                "--sets", "1", "--reps", "10", "--date", "2026-11-20"});
    CHECK(r.exit_code == 0);
    CHECK(read(home / "log.toml") ==
          three_lifts_log +
              "\n[[session]]\ndate = 2026-11-20\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\nminutes = 10\n"
              "\n[[session]]\ndate = 2026-11-20\nactivity = \"side-leg-lift\"\non = \"ankle\"\nweight = \"1 kg\"\n"
              "sets = 1\nreps = 10\n");
}
