// Sides (issue 20 §1): a session of one side (side = "left" | "right") is
// its own load for the rules and the plan; an injury of one side keeps its
// stricter limits to that side; log, done, history and profile know sides.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "harness.hpp"

using namespace e2e;

namespace {

const std::string profile = "[profile]\nweights = [\"0.5 kg\", \"1 kg\", \"1.5 kg\"]\n";

std::string lift(const std::string& date, const std::string& weight, const std::string& side) {
    return fmt::format("\n[[session]]\ndate = {}\nactivity = \"side-leg-lift\"\nweight = \"{}\"\nsets = 2\nreps = 12\n{}",
                       date, weight, side.empty() ? "" : fmt::format("side = \"{}\"\n", side));
}

// The physiotherapist's dosing: the injured left at 0.5 kg, the right at 1.5 kg.
std::string left_and_right() {
    std::string text = profile;
    for (const char* date : {"2026-11-02", "2026-11-04", "2026-11-06"}) {
        text += lift(date, "0.5 kg", "left");
        text += lift(date, "1.5 kg", "right");
    }
    return text;
}

}  // namespace

TEST_CASE("sides: the left going to the right's weight is a weight jump on the left, named as such") {
    ScratchDir home;
    write(home / "log.toml", left_and_right() + lift("2026-11-09", "1.5 kg", "left"));
    const Result r = run(home, {"-f", "log.toml", "check", "--since", "2026-11-09"});
    CHECK(r.err == "");
    CHECK(r.exit_code == 1);
    CHECK(r.out.starts_with(
        "log.toml:52: danger[weight-jump]: side-leg-lift on the left ankle on 2026-11-09 jumped more than one weight "
        "step\n"
        "  = weight 0.5 kg -> 1.5 kg (3.0x), one step up is 1 kg\n"
        "  = go up one weight step at a time: 1 kg on the left ankle for 2 x 12  (source: Ankle Weights 101, "
        "PowerRebound: go heavier gradually)\n"));
    // Both sides at 1.5 kg: the right is at its working level, the left jumps.
    write(home / "log.toml", left_and_right() + lift("2026-11-09", "1.5 kg", "right"));
    CHECK(run(home, {"-f", "log.toml", "check", "--since", "2026-11-09"}).out.find("weight-jump") == std::string::npos);
    // A session of both sides is judged as each side: 1.5 kg jumps for the left.
    write(home / "log.toml", left_and_right() + lift("2026-11-09", "1.5 kg", ""));
    const Result both = run(home, {"-f", "log.toml", "check", "--since", "2026-11-09"});
    CHECK(both.out.starts_with("log.toml:52: danger[weight-jump]: side-leg-lift on 2026-11-09 jumped more than one "
                               "weight step\n"
                               "  = weight 0.5 kg -> 1.5 kg (3.0x), one step up is 1 kg\n"));
}

TEST_CASE("sides: plan keeps the sides apart, each progressed from its own side's sessions") {
    ScratchDir home;
    write(home / "log.toml", left_and_right());
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-09", "--format", "json"});
    CHECK(r.err == "");
    REQUIRE(r.exit_code == 0);
    const auto plan = json_of(r.out);
    int left = 0;
    int right = 0;
    for (const auto& s : plan["sessions"]) {
        if (s["activity"] != "side-leg-lift") continue;
        CAPTURE(s.dump());
        const std::string reason = s["reason"];
        if (s["side"] == "left") {
            ++left;
            // Never raised because the right is stronger: one step at most above 0.5 kg.
            CHECK((s["weight"] == "0.5 kg" || s["weight"] == "1 kg"));
            // Its reason names the left side's own session (repeated: its
            // first session, 2 sets, started over start-light's 1 set).
            CHECK(reason == "the first side-leg-lift with weights on the left ankle (2026-11-02) started with more "
                            "sets than a first session should (start-light): repeat 0.5 kg on the left ankle for "
                            "2 x 12 on 2026-11-06, raise nothing until 2026-11-16");
        } else {
            REQUIRE(s["side"] == "right");
            ++right;
            // The right's own session (repeated: its first session started over start-light).
            CHECK(reason.find("repeat 1.5 kg on the right ankle for 2 x 12 on 2026-11-06") != std::string::npos);
        }
    }
    CHECK(left > 0);
    CHECK(right > 0);
    // The text plan names the side of each row.
    const Result text = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-09"});
    CHECK(text.out.find("side-leg-lift (left)") != std::string::npos);
    CHECK(text.out.find("side-leg-lift (right)") != std::string::npos);
}

TEST_CASE("sides: an injury of one side keeps its limits to that side (and to sessions of both sides)") {
    ScratchDir home;
    const std::string head = "[profile]\nhistory = [\"left knee\"]\n";
    // A first session at 1 kg: over the start-light limit with injury history
    // (0.5 kg), not over the ordinary one (1 kg).
    const std::string first = "\n[[session]]\ndate = 2026-11-02\nactivity = \"side-leg-lift\"\nweight = \"1 kg\"\n"
                              "sets = 1\nreps = 10\n";
    write(home / "log.toml", head + first + "side = \"right\"\n");
    const Result right = run(home, {"-f", "log.toml", "check"});
    CHECK(right.exit_code == 0);
    CHECK(right.out.find("log.toml: 1 session checked: nothing to flag\n") == 0);
    write(home / "log.toml", head + first + "side = \"left\"\n");
    const Result left = run(home, {"-f", "log.toml", "check"});
    CHECK(left.exit_code == 1);
    CHECK(left.out.starts_with(
        "log.toml:4: warning[start-light]: first side-leg-lift with weights on the left ankle, on 2026-11-02, started "
        "heavier than a first session should\n"
        "  = weight 1 kg > 0.5 kg (with injury history) (first weighted session of side-leg-lift on the left ankle)\n"));
    write(home / "log.toml", head + first);
    CHECK(run(home, {"-f", "log.toml", "check"}).exit_code == 1);
    // Over-range for gait: 1.5 kg is over the 1 kg limit with injury history only.
    const std::string walks = "\n[[session]]\ndate = 2026-11-02\nactivity = \"walk\"\nweight = \"0.5 kg\"\nminutes = 10\n"
                              "side = \"{0}\"\n"
                              "\n[[session]]\ndate = 2026-11-04\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\n"
                              "side = \"{0}\"\n"
                              "\n[[session]]\ndate = 2026-11-06\nactivity = \"walk\"\nweight = \"1.5 kg\"\nminutes = 10\n"
                              "side = \"{0}\"\n";
    write(home / "log.toml", head + fmt::format(fmt::runtime(walks), "right"));
    CHECK(run(home, {"-f", "log.toml", "check"}).out == "log.toml: 3 sessions checked: nothing to flag\n");
    write(home / "log.toml", head + fmt::format(fmt::runtime(walks), "left"));
    CHECK(run(home, {"-f", "log.toml", "check"})
              .out.starts_with("log.toml:18: warning[over-range]: walk on the left ankle on 2026-11-06 used 1.5 kg per "
                               "limb, heavier than weights for walking and other gait work should be\n"
                               "  = 1.5 kg > 1 kg for gait with injury history\n"));
    // profile shows it.
    CHECK(run(home, {"-f", "log.toml", "profile"}).out.find("  history  left knee\n") != std::string::npos);
}

TEST_CASE("sides: log --side writes side =, history shows it, done carries the planned side") {
    ScratchDir home;
    write(home / "log.toml", profile);
    const Result r = run(home, {"-f", "log.toml", "log", "side-leg-lift", "--side", "left", "-w", "0.5kg", "--sets",
                                "2", "--reps", "12", "--date", "2026-11-02"});
    CHECK(r.err == "");
    CHECK(r.exit_code == 0);
    CHECK(read(home / "log.toml") ==
          profile +
              "\n[[session]]\ndate = 2026-11-02\nactivity = \"side-leg-lift\"\non = \"ankle\"\nweight = \"0.5 kg\"\n"
              "sets = 2\nreps = 12\nside = \"left\"\n");
    // The same load on the other side that day is no duplicate.
    CHECK(run(home, {"-f", "log.toml", "-q", "log", "side-leg-lift", "--side", "right", "-w", "0.5kg", "--sets", "2",
                     "--reps", "12", "--date", "2026-11-02"})
              .exit_code == 0);
    // A side that is not one: exit 2, the two allowed values, the log unchanged.
    const std::string before = read(home / "log.toml");
    const Result bad = run(home, {"-f", "log.toml", "log", "side-leg-lift", "--side", "middle", "-w", "0.5kg",
                                  "--sets", "2", "--reps", "12"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.out == "");
    CHECK(bad.err.find("--side: \"middle\" is not left or right") != std::string::npos);
    CHECK(read(home / "log.toml") == before);

    const Result history = run(home, {"-f", "log.toml", "history"});
    CHECK(history.out.find("side-leg-lift (left)") != std::string::npos);
    CHECK(history.out.find("side-leg-lift (right)") != std::string::npos);
    const Result csv = run(home, {"-f", "log.toml", "history", "--format", "csv"});
    CHECK(csv.out.starts_with("date,activity,kind,on,side,weight,"));
    CHECK(csv.out.find("2026-11-02,side-leg-lift,strength,ankle,left,0.5 kg,") != std::string::npos);
    const auto json = json_of(run(home, {"-f", "log.toml", "history", "--format", "json"}).out);
    CHECK(json["sessions"][0]["side"] == "left");
    CHECK(json["sessions"][1]["side"] == "right");

    // done carries the planned side.
    write(home / "log.toml",
          profile + "\n[[planned]]\ndate = 2026-11-04\nactivity = \"side-leg-lift\"\nweight = \"0.5 kg\"\nsets = 2\n"
                    "reps = 12\nside = \"left\"\n"
                    "\n[[planned]]\ndate = 2026-11-04\nactivity = \"side-leg-lift\"\nweight = \"1.5 kg\"\nsets = 2\n"
                    "reps = 12\nside = \"right\"\n");
    const Result done = run(home, {"-f", "log.toml", "-q", "done", "--date", "2026-11-04"});
    CHECK(done.err == "");
    CHECK(done.exit_code == 0);
    const std::string log = read(home / "log.toml");
    CHECK(log.find("[[session]]\ndate = 2026-11-04\nactivity = \"side-leg-lift\"\non = \"ankle\"\nweight = \"0.5 kg\"\n"
                   "sets = 2\nreps = 12\nside = \"left\"\n") != std::string::npos);
    CHECK(log.find("[[session]]\ndate = 2026-11-04\nactivity = \"side-leg-lift\"\non = \"ankle\"\nweight = \"1.5 kg\"\n"
                   "sets = 2\nreps = 12\nside = \"right\"\n") != std::string::npos);
}

TEST_CASE("sides: a bad side in the log is a located error with the two values") {
    ScratchDir home;
    write(home / "log.toml", profile + lift("2026-11-02", "0.5 kg", "both"));
    const Result r = run(home, {"-f", "log.toml", "history"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("log.toml:10:8") != std::string::npos);
    CHECK(r.err.find("unknown side \"both\"") != std::string::npos);
    CHECK(r.err.find("side is \"left\" or \"right\", or leave it out for both sides") != std::string::npos);
}

TEST_CASE("sides: init --history \"left knee\" writes the side form in its hint, as the man page's example has it") {
    ScratchDir home;
    const Result r = run(home, {"-f", "log.toml", "-q", "init", "--units", "lb", "--history", "left knee"});
    CHECK(r.exit_code == 0);
    CHECK(read(home / "log.toml") ==
          "# anklog training log. Plain TOML: edit freely, anklog only appends.\n"
          "version = 1\n"
          "\n"
          "[profile]\n"
          "units = \"lb\"  # kg | lb: display unit, and unit of bare numbers\n"
          "history = [\"left knee\"]  # past injuries: knee | hip | ankle; \"left knee\": that side only\n");
}

namespace {

// The left at 0.5 kg, the right at 1 kg; pain 4/10 after the left on the 6th.
std::string painful_left() {
    std::string text = profile;
    for (const char* date : {"2026-11-02", "2026-11-04"}) {
        text += lift(date, "0.5 kg", "left");
        text += lift(date, "1 kg", "right");
    }
    return text + lift("2026-11-06", "0.5 kg", "left") + "pain = 4\n";
}

}  // namespace

TEST_CASE("sides: pain holds both sides (the log says how much, not where) / a session of both sides is held at the "
          "lighter side's load") {
    ScratchDir home;
    write(home / "log.toml", painful_left());
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-09"});
    CHECK(plan.exit_code == 0);
    const std::string hold = "pain 4/10 in side-leg-lift on Fri 2026-11-06 after work on the ankles: ";
    CHECK(plan.out.find("Mon 2026-11-09  side-leg-lift (left)   0.5 kg  2 x 12  repeat     " + hold +
                        "repeat 0.5 kg on the left ankle for 2 x 12 on 2026-11-06, raise nothing;") != std::string::npos);
    CHECK(plan.out.find("                side-leg-lift (right)  1 kg    2 x 12  repeat     " + hold +
                        "repeat 1 kg on the right ankle for 2 x 12 on 2026-11-04, raise nothing;") != std::string::npos);

    // The pain rule names the side that hurt, as the other rules do.
    const Result hurt = run(home, {"-f", "log.toml", "check", "--since", "2026-11-06"});
    CHECK(hurt.out.starts_with("log.toml:36: warning[pain]: side-leg-lift on the left ankle on 2026-11-06 hurt: pain "
                               "4/10\n"));

    // Both sides at the left's 0.5 kg raises neither side. Before: judged by
    // the sessions of both sides only, of which there were none, it was "no
    // weighted side-leg-lift before it", to be done without weights.
    write(home / "log.toml", painful_left() + lift("2026-11-09", "0.5 kg", ""));
    const Result same = run(home, {"-f", "log.toml", "check", "--since", "2026-11-09"});
    CHECK(same.out.starts_with("log.toml: 1 session checked since 2026-11-09: nothing to flag\n"));

    // Both sides at the right's 1 kg raises the left after pain: repeat the
    // left's 0.5 kg (before: without weights).
    write(home / "log.toml", painful_left() + lift("2026-11-09", "1 kg", ""));
    const Result raised = run(home, {"-f", "log.toml", "check", "--since", "2026-11-09"});
    CHECK(raised.exit_code == 1);
    CHECK(raised.out.starts_with(
        "log.toml:45: danger[pain]: side-leg-lift on 2026-11-09 raised the load right after a painful session\n"
        "  = pain 4/10 on 2026-11-06, then weight 0.5 kg -> 1 kg\n"
        "  = after pain, repeat the same load until it is pain-free, or step down; never push through pain: 0.5 kg "
        "for 2 x 12  (source: Silbernagel et al. 2007; Ankle Weights 101, PowerRebound)\n"));

    // The right raised under the hold: named with its side.
    write(home / "log.toml", painful_left() + lift("2026-11-09", "1.5 kg", "right"));
    const Result right = run(home, {"-f", "log.toml", "check", "--since", "2026-11-09"});
    CHECK(right.out.find("no pain check or session at 2/10 or less since; side-leg-lift (right) 1 kg before, for 24 "
                         "reps (2 x 12)\n") != std::string::npos);
}

TEST_CASE("sides: the report and the handout say which side a session or a planned line is for") {
    ScratchDir home;
    write(home / "log.toml", painful_left());
    const Result report = run(home, {"-f", "log.toml", "report", "--until", "2026-11-08"});
    CHECK(report.exit_code == 0);
    CHECK(report.out.find("<tr><td class=\"date\">Mon 2026-11-09</td><td>side-leg-lift (left)</td>") != std::string::npos);
    CHECK(report.out.find("<tr><td class=\"date\">Mon 2026-11-09</td><td>side-leg-lift (right)</td>") != std::string::npos);
    const Result handout = run(home, {"-f", "log.toml", "report", "--handout", "--week-of", "2026-11-09"});
    CHECK(handout.exit_code == 0);
    CHECK(handout.out.find("<td class=\"what\">side leg lift</td><td class=\"weight\">0.5 kg on the left ankle</td>") !=
          std::string::npos);
    CHECK(handout.out.find("<td class=\"what\">side leg lift</td><td class=\"weight\">1 kg on the right ankle</td>") !=
          std::string::npos);
}
