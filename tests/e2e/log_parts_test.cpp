// anklog log with several parts joined by "+" (issue 20 §2): each part its
// own activities and flags, the flags before the first activity shared, all
// parts in one write, and an error naming the part it is in.
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

// A walker with 3 lb on the wrists and 1 lb on the ankles, who did both
// three days before.
const std::string walker_log = "version = 1\n\n[profile]\nunits = \"lb\"\n"
                               "\n[[session]]\ndate = 2026-11-17\nactivity = \"walk\"\non = \"wrist\"\nweight = \"3 lb\"\n"
                               "minutes = 20\n"
                               "\n[[session]]\ndate = 2026-11-17\nactivity = \"calf-raise\"\nweight = \"1 lb\"\nsets = 2\n"
                               "reps = 10\n";

const std::string wrist_walk = "\n[[session]]\ndate = 2026-11-20\nactivity = \"walk\"\non = \"wrist\"\nweight = \"3 lb\"\n"
                               "minutes = 20\n";
const std::string ankle_raises = "\n[[session]]\ndate = 2026-11-20\nactivity = \"calf-raise\"\non = \"ankle\"\n"
                                 "weight = \"1 lb\"\nsets = 2\nreps = 10\n";

std::vector<std::string> log_line(std::vector<std::string> words) {
    std::vector<std::string> args{"-f", "log.toml", "log"};
    args.insert(args.end(), words.begin(), words.end());
    return args;
}

}  // namespace

TEST_CASE("log A --on wrist + B - each part its own placement and weight / one write / one undo takes both back") {
    // Before: one --on for the whole line, so the calf raises went on the
    // wrists, and -w given twice was refused.
    ScratchDir home;
    write(home / "log.toml", walker_log);
    const Result r = run(home, log_line({"--date", "2026-11-20", "walk", "--on", "wrist", "-w", "3lb", "-m", "20", "+",
                                         "calf-raise", "-w", "1lb", "--sets", "2", "--reps", "10"}));
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "appended 2 sessions to log.toml:20\n" + wrist_walk + ankle_raises);
    CHECK(read(home / "log.toml") == walker_log + wrist_walk + ankle_raises);
    const Result undo = run(home, {"-f", "log.toml", "-q", "undo", "--yes"});
    CHECK(undo.exit_code == 0);
    CHECK(read(home / "log.toml") == walker_log);
}

TEST_CASE("log FLAGS A + B - flags before the first activity are shared / a part's own win") {
    ScratchDir home;
    write(home / "log.toml", walker_log);
    const Result r = run(home, log_line({"-q", "--date", "2026-11-20", "-w", "1kg", "walk", "-m", "20", "+", "lunge",
                                         "--sets", "2", "--reps", "10", "-w", "0.5kg", "+", "pilates", "--on", "wrist",
                                         "-m", "30", "--effort", "4"}));
    CHECK(r.exit_code == 0);
    CHECK(read(home / "log.toml") ==
          walker_log +
              "\n[[session]]\ndate = 2026-11-20\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\nminutes = 20\n"
              "\n[[session]]\ndate = 2026-11-20\nactivity = \"lunge\"\non = \"ankle\"\nweight = \"0.5 kg\"\nsets = 2\n"
              "reps = 10\n"
              "\n[[session]]\ndate = 2026-11-20\nactivity = \"pilates\"\non = \"wrist\"\nweight = \"1 kg\"\nminutes = 30\n"
              "effort = 4\n");
}

TEST_CASE("log A --date D + B - --date is the whole line's wherever it is written / another day is refused where it is") {
    // Before: --date was a part's, so this logged the walk on the 20th and
    // the calf raises today.
    ScratchDir home;
    write(home / "log.toml", walker_log);
    const Result r = run(home, log_line({"walk", "--on", "wrist", "-w", "3lb", "-m", "20", "--date", "2026-11-20", "+",
                                         "calf-raise", "-w", "1lb", "--sets", "2", "--reps", "10"}));
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "appended 2 sessions to log.toml:20\n" + wrist_walk + ankle_raises);
    CHECK(read(home / "log.toml") == walker_log + wrist_walk + ankle_raises);

    // The same day twice is one date.
    write(home / "log.toml", walker_log);
    const Result same = run(home, log_line({"-q", "--date", "2026-11-20", "walk", "--on", "wrist", "-w", "3lb", "-m",
                                            "20", "+", "calf-raise", "-w", "1lb", "--sets", "2", "--reps", "10",
                                            "--date", "2026-11-20"}));
    CHECK(same.exit_code == 0);
    CHECK(read(home / "log.toml") == walker_log + wrist_walk + ankle_raises);

    const std::string advice = "  help: a line logs one day: give --date once, anywhere in the line, and log another "
                               "day's sessions with a line of their own\n";
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"walk", "-m", "20", "--date", "2026-11-20", "+", "calf-raise", "--sets", "2", "--reps", "10", "--date",
          "2026-11-19"},
         "anklog: error: in part 2 (calf-raise): --date: 2026-11-19 is another day than the line's date, 2026-11-20 "
         "(given in part 1)\n" + advice},
        {{"--date", "2026-11-20", "walk", "-m", "20", "+", "pilates", "--on", "wrist", "-m", "30", "--date",
          "2026-11-19"},
         "anklog: error: in part 2 (pilates): --date: 2026-11-19 is another day than the line's date, 2026-11-20 "
         "(given before the first activity)\n" + advice},
        {{"--date", "2026-11-20", "walk", "-m", "20", "--date", "2026-11-19"},  // one part
         "anklog: error: --date: 2026-11-19 is another day than the line's date, 2026-11-20 (given before the first "
         "activity)\n" + advice},
    };
    for (const auto& [words, expected] : cases) {
        CAPTURE(fmt_args(words));
        write(home / "log.toml", walker_log);
        const Result refused = run(home, log_line(words));
        CHECK(refused.exit_code == 2);
        CHECK(refused.out == "");
        CHECK(refused.err == expected);
        CHECK(read(home / "log.toml") == walker_log);
    }
}

TEST_CASE("log A + B --again - each part repeats its own last session / --dry-run shows every part and its findings") {
    ScratchDir home;
    write(home / "log.toml", walker_log);
    const Result r = run(home, log_line({"--dry-run", "--date", "2026-11-20", "walk", "--on", "wrist", "--again", "+",
                                         "calf-raise", "--again", "--reps", "12", "--effort", "4"}));
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "copied from walk on 2026-11-17: 3 lb on the wrists for 20 min\n"
                   "copied from calf-raise on 2026-11-17: 1 lb for 2 x 10\n"
                   "would append 2 sessions to log.toml:\n" +
                       wrist_walk +
                       "\n[[session]]\ndate = 2026-11-20\nactivity = \"calf-raise\"\non = \"ankle\"\nweight = \"1 lb\"\n"
                       "sets = 2\nreps = 12\neffort = 4\n");
    CHECK(read(home / "log.toml") == walker_log);
}

TEST_CASE("log A --on wrist + run - the rules judge each part with its own placement") {
    ScratchDir home;
    const Result r = run(home, log_line({"--date", "2026-11-18", "walk", "--on", "wrist", "-w", "1kg", "-m", "10", "+",
                                         "run", "-w", "1kg", "-m", "10"}));
    CHECK(r.exit_code == 0);
    const std::size_t run_block = r.out.find("activity = \"run\"");
    REQUIRE(run_block != std::string::npos);
    CHECK(r.out.find("warning[ankle-weights-running]") > run_block);
    CHECK(r.out.find("log.toml:14: warning[ankle-weights-running]: run on 2026-11-18") != std::string::npos);
    CHECK(r.out.find("log.toml:7: warning[ankle-weights-running]") == std::string::npos);  // the wrist walk is fine
}

TEST_CASE("log A + B - an error names the part it is in, with one line of advice / exit 2 / nothing written") {
    ScratchDir home;
    write(home / "log.toml", walker_log);
    const std::string example = "e.g. anklog log walk -m 20 + calf-raise --sets 2 --reps 10\n";
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"walk", "-m", "20", "+", "calf-raise", "-w", "1 stone", "--sets", "2", "--reps", "10"},
         "anklog: error: in part 2 (calf-raise): --weight: \"1 stone\" is not a weight\n"
         "  help: write a weight like 1kg, \"1.5 kg\", 500g or 2lb; a bare number means lb\n"},
        {{"walk", "-m", "20", "+", "calf-raise", "-w", "1lb"},
         "anklog: error: in part 2 (calf-raise): calf-raise needs sets and reps\n"
         "  help: add both, e.g. anklog log calf-raise --sets 1 --reps 10, or repeat last time (1 lb for 2 x 10 on "
         "2026-11-17): anklog log calf-raise --again\n"},
        {{"-w", "heavy", "walk", "-m", "20", "+", "calf-raise", "--sets", "2", "--reps", "10"},
         "anklog: error: before the first activity: --weight: \"heavy\" is not a weight\n"
         "  help: write a weight like 1kg, \"1.5 kg\", 500g or 2lb; a bare number means lb\n"},
        {{"walk", "-m", "20", "+", "calf-rasie", "--sets", "2", "--reps", "10"},
         "anklog: error: in part 2 (calf-rasie): unknown activity \"calf-rasie\"\n  help: did you mean 'calf-raise'?\n"},
        {{"walk", "-m", "20", "+"}, "anklog: error: the line ends with +\n"
                                    "  help: name the next activity after the +, or leave the + out; " + example},
        {{"walk", "-m", "20", "+", "+", "calf-raise", "--sets", "2", "--reps", "10"},
         "anklog: error: part 2 is empty: + follows +\n  help: write one + between two activities, " + example},
        {{"walk", "-m", "20", "+", "--sets", "2", "--reps", "10"},
         "anklog: error: part 2 names no activity\n  help: name its activity after the +, then its flags, " + example},
        {{"-w", "1lb", "+", "walk", "-m", "20"},
         "anklog: error: nothing before the first +\n  help: name an activity first, " + example},
        {{"walk", "-m", "20", "+", "calf-raise", "--sets", "2", "--reps", "10", "--dry-run"},
         "anklog: error: in part 2 (calf-raise): --dry-run is for the whole line, not one part\n"
         "  help: put --dry-run before the first +\n"},
        {{"walk", "-m", "20", "-m", "30", "+", "calf-raise", "--sets", "2", "--reps", "10"},
         "anklog: error: in part 1 (walk): --minutes was given more than once\n"
         "  help: --minutes takes one value: give it once\n"},
        {{"walk", "-w", "1lb", "-w", "2lb", "-m", "20"},  // one part: today's message, unlocated
         "anklog: error: --weight was given more than once\n  help: --weight takes one value: give it once\n"},
        {{"walk", "-m", "20", "+", "walk", "-m", "20"},
         "anklog: error: in part 2 (walk): walk without weights for 20 min on 2026-11-20 is in an earlier part of the "
         "line too\n  help: to log both, add --duplicate to this part; else leave one out\n"},
    };
    for (const auto& [words, expected] : cases) {
        CAPTURE(fmt_args(words));
        std::vector<std::string> line{"--date", "2026-11-20"};
        line.insert(line.end(), words.begin(), words.end());
        const Result r = run(home, log_line(line));
        CHECK(r.exit_code == 2);
        CHECK(r.out == "");
        CHECK(r.err == expected);
        CHECK(read(home / "log.toml") == walker_log);
    }
    // --duplicate on the part that repeats an earlier one logs both.
    const Result both = run(home, log_line({"-q", "--date", "2026-11-20", "walk", "-m", "20", "+", "walk", "-m", "20",
                                            "--duplicate"}));
    CHECK(both.exit_code == 0);
}
