// Issue 19, what two testers found in the assessment: pain belongs to the
// session it was logged on; a step down is done pain-free before any raise;
// start-light's settling in covers minutes and sets; over-range keeps its
// own advice on a painful day; one severity in every view; the injury
// limits are the ankles'. Each case through the binary, with what it prints.
#include <doctest/doctest.h>

#include <string>

#include "harness.hpp"

using namespace e2e;

namespace {

std::string block(const std::string& date, const std::string& activity, const std::string& body) {
    return "\n[[session]]\ndate = " + date + "\nactivity = \"" + activity + "\"\n" + body;
}

std::string pain_check(const std::string& date, int pain) {
    return "\n[[pain]]\ndate = " + date + "\npain = " + std::to_string(pain) + "\n";
}

Options columns(int width) {
    Options options;
    options.env = {{"COLUMNS", std::to_string(width)}};
    return options;
}

std::string line_with(const std::string& out, const std::string& start) {
    const auto at = out.find(start);
    if (at == std::string::npos) return {};
    return out.substr(at, out.find('\n', at) - at);
}

// Wrist walks at 2 lb for 25 min, 11-16 to 11-25, then a painful wrist walk
// and a calf raise with ankle weights on 11-27.
std::string wrist_walks(bool calf_raise) {
    std::string text = "[profile]\nunits = \"lb\"\nweights = [\"1 lb\", \"2 lb\", \"3 lb\"]\n";
    for (const char* date : {"2026-11-16", "2026-11-18", "2026-11-20", "2026-11-23", "2026-11-25"}) {
        text += block(date, "walk", "on = \"wrist\"\nweight = \"2 lb\"\nminutes = 25\npain = 0\n");
    }
    text += block("2026-11-27", "walk", "on = \"wrist\"\nweight = \"2 lb\"\nminutes = 25\npain = 5\n");
    if (calf_raise) text += block("2026-11-27", "calf-raise", "weight = \"1 lb\"\nsets = 1\nreps = 10\n");
    return text;
}

}  // namespace

TEST_CASE("pain belongs to the session it was logged on: a painful wrist walk holds the wrists and not the ankle work of that day") {
    const std::string hold =
        "pain 5/10 in walk on Fri 2026-11-27 after work on the wrists: hold all work on the wrists; record pain with "
        "--pain, or `anklog pain N` the next morning; the hold ends at a reading of 2/10 or less, or on 2026-12-11";
    const std::string walk =
        "2 lb    25 min (wrists)  repeat     pain 5/10 in walk on Fri 2026-11-27 after "
        "work on the wrists: repeat 2 lb on the wrists for 25 min on 2026-11-27, raise nothing; record pain with "
        "--pain, or `anklog pain N` the next morning; the hold ends at a reading of 2/10 or less, or on 2026-12-11";
    for (const bool calf_raise : {true, false}) {
        CAPTURE(calf_raise);
        ScratchDir home;
        write(home / "log.toml", wrist_walks(calf_raise));
        const Result check = run(home, {"-f", "log.toml", "check", "--until", "2026-11-28"});
        CHECK(line_with(check.out, "Where you stand") == "Where you stand on 2026-11-28: warning: " + hold);
        CHECK(check.out.find("after work on the ankles") == std::string::npos);
        const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30"},
                                columns(400));
        REQUIRE(plan.exit_code == 0);
        CHECK(line_with(plan.out, "Mon 2026-11-30").ends_with(walk));
        CHECK(plan.out.find("progress   +2 min") == std::string::npos);
        if (calf_raise) {
            // The calf raise (ankle weights, no pain) is not held.
            CHECK(plan.out.find("calf-raise  1 lb    1 x 11           progress   +1 rep from 1 lb for 1 x 10") !=
                  std::string::npos);
        }
    }

    // A painful pain check on the rest day after: every placement that
    // day's work loaded.
    ScratchDir home;
    write(home / "log.toml", wrist_walks(true) + pain_check("2026-11-28", 4));
    const Result today = run(home, {"-f", "log.toml", "today", "--date", "2026-11-29"}, columns(400));
    CHECK(today.out.find("pain check 4/10 on Sat 2026-11-28 after work on the ankles: hold all work on the ankles") !=
          std::string::npos);
    CHECK(today.out.find("hold all work on the wrists") != std::string::npos);
}

TEST_CASE("a step down for pain is done pain-free before any raise and painful sessions never count toward a step") {
    std::string text = "[profile]\nunits = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\", \"1.5 kg\"]\n";
    for (const char* date : {"2026-11-09", "2026-11-13", "2026-11-16", "2026-11-20"}) {
        text += block(date, "barre", "weight = \"1 kg\"\nminutes = 45\npain = 0\n");
    }
    text += block("2026-11-23", "barre", "weight = \"1 kg\"\nminutes = 45\npain = 3\n");
    ScratchDir home;
    // Worse the next morning: step down; a pain-free pilates session says it settled.
    write(home / "log.toml", text + pain_check("2026-11-24", 4) +
                                 block("2026-11-25", "pilates", "weight = \"0.5 kg\"\nminutes = 30\npain = 0\n"));
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30"}, columns(400));
    REQUIRE(plan.exit_code == 0);
    CHECK(line_with(plan.out, "Mon 2026-11-30") ==
          "Mon 2026-11-30  barre     0.5 kg  45 min  step down  pain check 4/10 on Tue 2026-11-24, higher than 3/10 "
          "in barre the day before: one weight step down from 1 kg for 45 min on 2026-11-23, then hold there; settled "
          "(pain 0/10 in pilates on Wed 2026-11-25), but the step down comes first: done without pain before any raise");
    CHECK(plan.out.find("1.5 kg") == std::string::npos);

    // Done pain-free at 0.5 kg: the hold is over, building from there.
    write(home / "log.toml", text + pain_check("2026-11-24", 4) +
                                 block("2026-11-25", "pilates", "weight = \"0.5 kg\"\nminutes = 30\npain = 0\n") +
                                 block("2026-11-27", "barre", "weight = \"0.5 kg\"\nminutes = 45\npain = 0\n"));
    const Result after = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30"}, columns(400));
    CHECK(after.out.find("step down") == std::string::npos);

    // Settled the next morning (no step down): the painful session is not
    // one of the "sessions at it" before the next weight step.
    write(home / "log.toml", text + pain_check("2026-11-24", 1));
    const Result settled = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30"}, columns(400));
    REQUIRE(settled.exit_code == 0);
    CHECK(settled.out.find("1.5 kg") == std::string::npos);
    CHECK(line_with(settled.out, "Mon 2026-11-30") ==
          "Mon 2026-11-30  barre     1 kg    45 min  repeat     a 45-min class, kept at its length: 1 kg for 45 min "
          "(0 of 3 sessions at this weight before the next step)");
}

TEST_CASE("plan repeats a first session beyond start-light in minutes as check flags it in check's words") {
    ScratchDir home;
    write(home / "log.toml", "[profile]\nunits = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\"]\n" +
                                 block("2026-11-25", "pilates", "weight = \"0.5 kg\"\nminutes = 50\npain = 0\n"));
    const Result check = run(home, {"-f", "log.toml", "check", "--until", "2026-11-28"});
    CHECK(check.out.find("started longer than a first session should") != std::string::npos);
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30"}, columns(400));
    REQUIRE(plan.exit_code == 0);
    CHECK(line_with(plan.out, "Wed 2026-12-02") ==
          "Wed 2026-12-02  pilates   0.5 kg  50 min  repeat     the first pilates with weights on the ankles "
          "(2026-11-25) started longer than a first session should (start-light): repeat 0.5 kg for 50 min on "
          "2026-11-25, raise nothing until 2026-12-09");
}

TEST_CASE("on a painful day over-range keeps its own advice and not the pain's 'repeat this load'") {
    ScratchDir home;
    write(home / "log.toml", "[profile]\nunits = \"kg\"\nweights = [\"1 kg\", \"2 kg\"]\n" +
                                 block("2026-11-25", "walk", "weight = \"1 kg\"\nminutes = 10\n") +
                                 block("2026-11-27", "walk", "weight = \"2 kg\"\nminutes = 10\npain = 4\n"));
    const Result check = run(home, {"-f", "log.toml", "check", "--until", "2026-11-28"});
    CHECK(check.exit_code == 1);
    CHECK(check.out.find("log.toml:11: warning[over-range]: walk on 2026-11-27 used 2 kg per limb, heavier than weights "
                         "for walking and other gait work should be\n"
                         "  = 2 kg > 1.5 kg for gait activities\n"
                         "  = for gait work stay at or below 1.5 kg per limb, and use heavier weights for strength "
                         "exercises  (source: A. Lee, physiotherapist; ACE; Browning et al. 2007)\n") != std::string::npos);
    // The pain finding keeps the hold's words.
    CHECK(check.out.find("log.toml:11: warning[pain]: walk on 2026-11-27 hurt: pain 4/10\n  = pain 4/10 >= 4/10\n"
                         "  = take the weights off and rest for the day; then repeat this load and raise nothing") !=
          std::string::npos);
}

TEST_CASE("one severity everywhere: pain above 5/10 not settled is danger in every view, once settled no view says danger") {
    const auto walk = [](const char* date, int pain) {
        return block(date, "walk", "weight = \"1 kg\"\nminutes = 10\npain = " + std::to_string(pain) + "\n");
    };
    ScratchDir home;
    write(home / "eve.toml", "[profile]\nname = \"Eve\"\nunits = \"kg\"\n" + walk("2026-11-02", 0) +
                                 walk("2026-11-04", 0) + walk("2026-11-09", 4) + walk("2026-11-12", 6) +
                                 walk("2026-11-14", 7));
    write(home / "bo.toml", "[profile]\nname = \"Bo\"\nunits = \"kg\"\n" + walk("2026-11-23", 0) + walk("2026-12-01", 4));
    write(home / "cy.toml", "[profile]\nname = \"Cy\"\nunits = \"kg\"\n" + walk("2026-11-02", 0) +
                                walk("2026-11-09", 4) + walk("2026-11-12", 6) + walk("2026-11-14", 7) +
                                pain_check("2026-12-04", 1));

    const std::string due =
        "Where you stand on 2026-12-05: danger: coming back after pain (the last painful day 2026-11-14, 21 days ago), "
        "no pain check since: check it first (anklog pain N); come back if it is 2/10 or less, else see a "
        "physiotherapist";
    const Result today = run(home, {"-f", "eve.toml", "today", "--date", "2026-12-05"});
    CHECK(line_with(today.out, "Where you stand") == due);
    const Result json = run(home, {"-f", "eve.toml", "check", "--until", "2026-12-05", "--format", "json"});
    CHECK(json_of(json.out)["standing"]["severity"] == "danger");

    // A pain check of 5: not settled, still danger, first in the review.
    write(home / "eve.toml", read(home / "eve.toml") + pain_check("2026-12-04", 5));
    const Result summary = run(home, {"-f", "eve.toml", "summary", "--until", "2026-12-05"});
    CHECK(summary.out.find("Where you stand on 2026-12-05: danger: pain not settled after the rest: pain check 5/10 "
                           "on 2026-12-04") != std::string::npos);
    const Result review = run(home, {"check", "--until", "2026-12-05", "--since", "2w", "eve.toml", "bo.toml", "cy.toml"},
                              columns(80));
    CHECK(review.exit_code == 1);
    const std::size_t from = review.out.find("Review of 3 logs");
    const auto table = review.out.substr(from, review.out.find("\n\n", from) + 1 - from);
    CHECK(table ==
          "Review of 3 logs from 2026-11-21 to 2026-12-05\n"
          "log  sessions  last session  days since  danger  warning  note  pain (14d)\n"
          "Eve         0  2026-11-14            21       0        0     0        5/10\n"
          "  standing: danger: pain check 5/10 on 2026-12-04, not settled after pain\n"
          "Bo          2  2026-12-01             4       0        1     0        4/10\n"
          "  standing: warning: pain 4/10 on 2026-12-01, not yet settled\n"
          "Cy          0  2026-11-14            21       0        0     0        1/10\n"
          "  standing: ok\n");

    // Cy's pain check of 1 settled it: no standing anywhere, the review's row too.
    const Result cy = run(home, {"-f", "cy.toml", "check", "--until", "2026-12-05", "--format", "json"});
    CHECK(json_of(cy.out)["standing"]["severity"] == nullptr);
    CHECK(json_of(cy.out)["standing"]["short"] == "ok");
    CHECK(review.out.find("danger on the last day") == std::string::npos);
}

TEST_CASE("injury limits are the ankles': with a hip in the history wrist weights keep the ordinary limits") {
    ScratchDir home;
    write(home / "log.toml", "[profile]\nunits = \"lb\"\nhistory = [\"hip\"]\nweights = [\"1 lb\", \"2 lb\", \"3 lb\"]\n" +
                                 block("2026-11-25", "walk", "on = \"wrist\"\nweight = \"2 lb\"\nminutes = 10\n") +
                                 block("2026-11-25", "calf-raise", "weight = \"2 lb\"\nsets = 1\nreps = 10\n"));
    const Result check = run(home, {"-f", "log.toml", "check", "--until", "2026-11-28"});
    CHECK(check.out ==
          "log.toml:13: warning[start-light]: first calf-raise with weights on the ankles, on 2026-11-25, started "
          "heavier than a first session should\n"
          "  = weight 2 lb > about 1 lb (with injury history) (first weighted session of calf-raise on the ankles)\n"
          "  = start light and build up one thing at a time: 1 lb for 1 x 10  (source: Ankle Weights 101, "
          "PowerRebound; A. Lee, physiotherapist)\n\n"
          "log.toml: 2 sessions checked until 2026-11-28: 1 warning\n"
          "Where you stand on 2026-11-28: nothing needs attention\n");
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30"}, columns(400));
    CHECK(line_with(plan.out, "Wed 2026-12-02") ==
          "Wed 2026-12-02  walk        2 lb    11 min (wrists)  progress   +1 min (about 10%) from 2 lb on the wrists "
          "for 10 min");
}

TEST_CASE("tester: a come-back after pain above 5/10 comes back one weight step lighter, however long the break") {
    // Eve: 2 lb walks, pain 6 and 7/10, nothing for three weeks, then a pain
    // check of 1. Before: the plan came back at the 2 lb that hurt.
    ScratchDir home;
    std::string text = "[profile]\nname = \"Eve\"\nunits = \"lb\"\n";
    for (const char* date : {"2026-11-02", "2026-11-04", "2026-11-06", "2026-11-09", "2026-11-11"}) {
        text += block(date, "walk", "weight = \"2 lb\"\nminutes = 20\npain = 0\n");
    }
    text += block("2026-11-13", "walk", "weight = \"2 lb\"\nminutes = 20\npain = 6\n") +
            block("2026-11-14", "walk", "weight = \"2 lb\"\nminutes = 20\npain = 7\n") + pain_check("2026-12-05", 1);
    write(home / "eve.toml", text);
    const Result plan = run(home, {"-f", "eve.toml", "plan", "--week-of", "2026-12-07"}, columns(400));
    REQUIRE(plan.exit_code == 0);
    CHECK(line_with(plan.out, "Mon 2026-12-07") ==
          "Mon 2026-12-07  walk      1 lb    10 min  come back  23 days since your last walk (2 lb for 20 min on "
          "2026-11-14): about 50% of its volume; one weight step lighter, after pain 7/10 on 2026-11-14: the step "
          "down comes first");
}

TEST_CASE("tester: after a step down for pain, a session done without pain at the old load ends the step down") {
    // Barre at 1 kg hurt (3/10), worse the next morning (a check of 4): step
    // down. Then barre at 1 kg again, pain 0, and a check of 0: the plan no
    // longer steps down from the painful day's load.
    ScratchDir home;
    std::string text = "[profile]\nunits = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\", \"1.5 kg\"]\n";
    for (const char* date : {"2026-11-02", "2026-11-06", "2026-11-09", "2026-11-13", "2026-11-16", "2026-11-20"}) {
        text += block(date, "barre", "weight = \"1 kg\"\nminutes = 45\npain = 0\n");
    }
    text += block("2026-11-23", "barre", "weight = \"1 kg\"\nminutes = 45\npain = 3\n") + pain_check("2026-11-24", 4);
    write(home / "log.toml", text);
    const Result stepping = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30"}, columns(400));
    CHECK(line_with(stepping.out, "Mon 2026-11-30").starts_with("Mon 2026-11-30  barre     0.5 kg  45 min  step down"));
    write(home / "log.toml", text + block("2026-11-27", "barre", "weight = \"1 kg\"\nminutes = 45\npain = 0\n") +
                                 pain_check("2026-11-28", 0));
    const Result settled = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30"}, columns(400));
    CHECK(settled.out.find("step down") == std::string::npos);
    CHECK(line_with(settled.out, "Mon 2026-11-30").starts_with("Mon 2026-11-30  barre     1 kg    45 min  repeat"));
}

TEST_CASE("tester: check's come-back suggestion for sets is the plan's (fewer sets, not fewer reps)") {
    ScratchDir home;
    std::string text = "[profile]\nunits = \"lb\"\n";
    for (const char* date : {"2026-10-26", "2026-10-28", "2026-10-30", "2026-11-02"}) {
        text += block(date, "calf-raise", "weight = \"1 lb\"\nsets = 2\nreps = 10\n");
    }
    write(home / "log.toml", text);
    const Result dry = run(home, {"-f", "log.toml", "log", "--dry-run", "--date", "2026-11-23", "calf-raise", "-w", "1lb",
                                  "--sets", "2", "--reps", "10"});
    CHECK(dry.out.find("then build up again: 1 lb for 1 x 10  (source: Ankle Weights 101, PowerRebound)\n") !=
          std::string::npos);
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23"}, columns(400));
    CHECK(line_with(plan.out, "Mon 2026-11-23").starts_with("Mon 2026-11-23  calf-raise  1 lb    1 x 10  come back"));
}

TEST_CASE("tester: check flags what the plan steps down: a settled step down is done first in both") {
    // Barre 1 kg hurt 3/10, a check of 4 the next morning (step down), then
    // Pilates with pain 2 settled it. Before: plan stepped barre down to
    // 0.5 kg while check (and today over a saved 1 kg plan) raised nothing.
    ScratchDir home;
    std::string text = "[profile]\nunits = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\", \"1.5 kg\"]\n";
    for (const char* date : {"2026-11-02", "2026-11-06", "2026-11-09", "2026-11-13", "2026-11-16", "2026-11-20"}) {
        text += block(date, "barre", "weight = \"1 kg\"\nminutes = 45\npain = 0\n");
    }
    for (const char* date : {"2026-11-04", "2026-11-11", "2026-11-18"}) {
        text += block(date, "pilates", "weight = \"0.5 kg\"\nminutes = 50\npain = 0\n");
    }
    text += block("2026-11-23", "barre", "weight = \"1 kg\"\nminutes = 45\npain = 3\n") + pain_check("2026-11-24", 4) +
            block("2026-11-25", "pilates", "weight = \"0.5 kg\"\nminutes = 30\npain = 2\n");
    write(home / "log.toml", text);
    const Result full = run(home, {"-f", "log.toml", "log", "--dry-run", "--date", "2026-11-27", "barre", "-w", "1kg",
                                   "-m", "45"});
    CHECK(full.out.find(
              "warning[pain-hold]: barre on 2026-11-27 added load on the ankles before the step down after the pain of "
              "2026-11-23 was done\n"
              "  = pain check 4/10 on Tue 2026-11-24, higher than 3/10 in barre the day before, settled (pain 2/10 in "
              "pilates on Wed 2026-11-25), but no session of barre at the step down since; barre 1 kg before, for 45 "
              "min\n"
              "  = step down one weight step on the ankles and do it once without pain before raising it again: 0.5 kg "
              "for 45 min  (source: Silbernagel et al. 2007)\n") != std::string::npos);
    const Result stepped = run(home, {"-f", "log.toml", "log", "--dry-run", "--date", "2026-11-27", "barre", "-w",
                                      "0.5kg", "-m", "45"});
    CHECK(stepped.out.find("pain-hold") == std::string::npos);
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30"}, columns(400));
    CHECK(line_with(plan.out, "Mon 2026-11-30").starts_with("Mon 2026-11-30  barre     0.5 kg  45 min  step down"));
    // The standing says it too, in check, today and the review's row.
    const std::string standing =
        "Where you stand on 2026-11-26: warning: pain check 4/10 on Tue 2026-11-24, higher than 3/10 in barre the day "
        "before, settled (pain 2/10 in pilates on Wed 2026-11-25), but the step down comes first: barre one weight "
        "step lighter on the ankles, once without pain, before its load goes back up";
    CHECK(line_with(run(home, {"-f", "log.toml", "check", "--until", "2026-11-26"}, columns(400)).out,
                    "Where you stand") == standing);
    CHECK(line_with(run(home, {"-f", "log.toml", "today", "--date", "2026-11-26"}, columns(400)).out,
                    "Where you stand") == standing);
    write(home / "copy.toml", read(home / "log.toml"));
    const Result review = run(home, {"check", "log.toml", "copy.toml", "--until", "2026-11-26"}, columns(100));
    CHECK(review.out.find("  standing: warning: settled after pain 3/10 on 2026-11-23, step down barre first\n") !=
          std::string::npos);
}
