// [[equipment]]: adjustable cuffs and fixed pairs, read with located errors,
// shown with what they make, added and removed by `profile`; every weight
// anklog proposes is one of their settings; `log -w` warns of one that is not.
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

const std::string head =
    "# anklog training log. Plain TOML: edit freely, anklog only appends.\nversion = 1\n\n"
    "[profile]\nunits = \"kg\"  # kg | lb: display unit, and unit of bare numbers\n";
const std::string cuffs =
    "\n[[equipment]]\nname = \"adjustable cuffs\"\non = \"ankle\"  # ankle | wrist\nshell = \"0.5 lb\"  # the empty "
    "cuff, per limb\ninserts = [\"0.5 lb\", \"0.5 lb\", \"0.5 lb\", \"0.5 lb\", \"0.5 lb\", \"0.5 lb\", \"0.5 lb\", "
    "\"0.5 lb\"]\n";
const std::string sessions =
    "\n# first week\n[[session]]\ndate = 2026-11-16\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\n"
    "minutes = 10\n";

Result profile_of(const ScratchDir& home, const std::string& text) {
    write(home / "log.toml", text);
    return run(home, {"-f", "log.toml", "profile"});
}

}  // namespace

TEST_CASE("[[equipment]] is validated with located errors: unknown key / bad weight / missing on / inserts not weights") {
    ScratchDir home;
    const auto error_of = [&](const std::string& body) {
        const std::string text = head + "\n[[equipment]]\n" + body;
        const Result r = profile_of(home, text);
        CHECK(r.exit_code == 2);
        CHECK(r.out == "");
        CHECK(read(home / "log.toml") == text);
        return r.err;
    };
    CHECK(error_of("name = \"c\"\non = \"ankle\"\nweight = \"1 kg\"\ncolour = \"red\"\n") ==
          "anklog: error: log.toml:11:1: unknown key 'colour' in [[equipment]]\n"
          "  help: known keys here: name, on, weight, shell, inserts\n");
    CHECK(error_of("name = \"c\"\non = \"ankle\"\nweight = \"1,5 kg\"\n") ==
          "anklog: error: log.toml:10:10: 'weight' is not a weight: \"1,5 kg\"\n"
          "  help: write decimals with a point: 1.5 kg\n");
    CHECK(error_of("name = \"c\"\nweight = \"1 kg\"\n") ==
          "anklog: error: log.toml:7:1: [[equipment]] \"c\" needs on = \"ankle\" or \"wrist\"\n"
          "  help: add on = \"ankle\" or on = \"wrist\": where the item is worn\n");
    CHECK(error_of("name = \"c\"\non = \"ankle\"\nshell = \"0.5 lb\"\ninserts = [\"0.5 lb\", true]\n") ==
          "anklog: error: log.toml:11:22: 'inserts' must be a weight, not true/false\n"
          "  help: write a weight like 1kg, \"1.5 kg\", 500g or 2lb; a bare number means kg\n");
    CHECK(error_of("name = \"c\"\non = \"knee\"\nweight = \"1 kg\"\n") ==
          "anklog: error: log.toml:9:6: unknown placement \"knee\" in [[equipment]]\n"
          "  help: on is \"ankle\" or \"wrist\"\n");
}

TEST_CASE("profile shows each item of equipment and what it makes: a range in steps, an irregular set listed") {
    ScratchDir home;
    const Result r = profile_of(home, head + cuffs +
                                          "\n[[equipment]]\nname = \"odd cuffs\"\non = \"wrist\"\nshell = \"0.25 kg\"\n"
                                          "inserts = [\"0.5 kg\", \"2 kg\"]\n\n[[equipment]]\nname = \"pair\"\n"
                                          "on = \"wrist\"\nweight = \"1 kg\"\n");
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "Profile in log.toml:\n"
                   "  name     -\n"
                   "  units    kg\n"
                   "  weights  none listed besides the equipment\n"
                   "  history  none\n"
                   "  equipment\n"
                   "    adjustable cuffs (ankle): 0.5-4.5 lb in 0.5 lb steps\n"
                   "    odd cuffs (wrist): 0.25 kg, 0.75 kg, 2.25 kg, 2.75 kg\n"
                   "    pair (wrist): 1 kg\n"
                   "\n"
                   "Change it with 'anklog profile' and --name, --units, --weights or --history.\n"
                   "Add or remove equipment with --add-equipment NAME --on ankle|wrist or --remove-equipment NAME.\n");
}

TEST_CASE("profile --add-equipment / --remove-equipment: one table written or removed, every other byte stays, undo") {
    ScratchDir home;
    const std::string before = head + sessions;
    write(home / "log.toml", before);
    Result r = run(home, {"-f", "log.toml", "profile", "--add-equipment", "adjustable cuffs", "--on", "ankle", "--shell",
                          "0.5lb", "--inserts", "8x0.5lb"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "changed the profile in log.toml (the log before is kept as log.toml.~1~):\n"
                   "\n"
                   "line 7:\n"
                   "+ [[equipment]]\n"
                   "+ name = \"adjustable cuffs\"\n"
                   "+ on = \"ankle\"  # ankle | wrist\n"
                   "+ shell = \"0.5 lb\"  # the empty cuff, per limb\n"
                   "+ inserts = [\"0.5 lb\", \"0.5 lb\", \"0.5 lb\", \"0.5 lb\", \"0.5 lb\", \"0.5 lb\", \"0.5 lb\", "
                   "\"0.5 lb\"]\n"
                   "+\n");
    CHECK(read(home / "log.toml") == head + cuffs + sessions);
    r = run(home, {"-f", "log.toml", "-q", "profile", "--add-equipment", "wrist pair", "--on", "wrist", "--weight", "1kg"});
    CHECK(r.exit_code == 0);
    const std::string pair = "\n[[equipment]]\nname = \"wrist pair\"\non = \"wrist\"  # ankle | wrist\n"
                             "weight = \"1 kg\"  # a fixed pair, per limb\n";
    CHECK(read(home / "log.toml") == head + cuffs + pair + sessions);
    r = run(home, {"-f", "log.toml", "-q", "profile", "--remove-equipment", "adjustable cuffs"});
    CHECK(r.exit_code == 0);
    CHECK(read(home / "log.toml") == head + pair + sessions);
    r = run(home, {"-f", "log.toml", "-q", "undo", "--yes"});
    CHECK(r.exit_code == 0);
    CHECK(read(home / "log.toml") == head + cuffs + pair + sessions);

    // Usage errors name the flag, and change nothing.
    const std::string kept = read(home / "log.toml");
    r = run(home, {"-f", "log.toml", "profile", "--remove-equipment", "adjustable cufs"});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: --remove-equipment: no equipment is named \"adjustable cufs\"\n"
                   "  help: did you mean 'adjustable cuffs'?\n");
    r = run(home, {"-f", "log.toml", "profile", "--add-equipment", "x", "--shell", "1kg"});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: --on: --add-equipment needs --on ankle or --on wrist\n"
                   "  help: say where the item is worn\n");
    r = run(home, {"-f", "log.toml", "profile", "--add-equipment", "x", "--on", "wrist", "--shell", "1lb", "--inserts",
                   "2x0.5kg"});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: --inserts: the shell and the inserts are in different units\n"
                   "  help: write them all in lb (an insert of 0.5 kg is 1.1 lb)\n");
    CHECK(read(home / "log.toml") == kept);

    // init takes the same flags.
    r = run(home, {"-f", "new.toml", "-q", "init", "--add-equipment", "adjustable cuffs", "--on", "ankle", "--shell",
                   "0.5lb", "--inserts", "8x0.5lb"});
    CHECK(r.exit_code == 0);
    CHECK(read(home / "new.toml") == head + cuffs);
}

TEST_CASE("log -w with a weight the equipment cannot make is logged, with a note naming the settings") {
    ScratchDir home;
    write(home / "log.toml", head + cuffs);
    const Result r = run(home, {"-f", "log.toml", "log", "walk", "-w", "0.9kg", "-m", "10", "--date", "2026-11-30"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "appended to log.toml:13\n"
                   "\n"
                   "[[session]]\n"
                   "date = 2026-11-30\n"
                   "activity = \"walk\"\n"
                   "on = \"ankle\"\n"
                   "weight = \"0.9 kg\"\n"
                   "minutes = 10\n"
                   "\n"
                   "note: walk: 0.9 kg is not a weight your equipment for the ankles makes (0.5-4.5 lb in 0.5 lb "
                   "steps); logged as you wrote it\n");
    // A setting: no note.
    CHECK(run(home, {"-f", "log.toml", "-q", "log", "walk", "-w", "2lb", "-m", "10", "--date", "2026-12-01"}).out == "");
}

TEST_CASE("plan and check propose only settings of the equipment for that placement, the lower one said so") {
    ScratchDir home;
    write(home / "log.toml", head + cuffs +
                                 "\n[[session]]\ndate = 2026-11-30\nactivity = \"walk\"\non = \"ankle\"\n"
                                 "weight = \"0.9 kg\"\nminutes = 10\n");
    Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-12-07"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Mon 2026-12-07  walk      1.5 lb  11 min  progress   +1 min (about 10%) from 0.9 kg for 10 min; "
                     "0.9 kg is not a setting of your adjustable cuffs: 1.5 lb\n") != std::string::npos);
    r = run(home, {"-f", "log.toml", "log", "side-leg-lift", "-w", "3lb", "--sets", "1", "--reps", "10", "--date",
                   "2026-12-01", "--dry-run"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("  = start light and build up one thing at a time: 2 lb for 1 x 10 (1 kg is not a setting of your "
                     "adjustable cuffs: 2 lb)  (source: Ankle Weights 101, PowerRebound; A. Lee, physiotherapist)\n") !=
          std::string::npos);
}

TEST_CASE("nothing owned light enough: without weights, and what to buy / wrist equipment is not proposed at the ankles") {
    ScratchDir home;
    write(home / "h.toml", "[profile]\nunits = \"kg\"\n\n[[equipment]]\nname = \"heavy pair\"\non = \"ankle\"\n"
                           "weight = \"3 kg\"\n\n[[equipment]]\nname = \"wrist cuffs\"\non = \"wrist\"\n"
                           "shell = \"0.25 kg\"\ninserts = [\"0.25 kg\", \"0.25 kg\"]\n");
    CHECK(run(home, {"-f", "h.toml", "-q", "log", "walk", "-m", "10", "--date", "2026-11-30"}).exit_code == 0);
    Result r = run(home, {"-f", "h.toml", "plan", "--week-of", "2026-12-07"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Mon 2026-12-07  walk      -       10 min  start      first weighted walk: start light, without "
                     "weights for 10 min (Ankle Weights 101); the lightest setting of your heavy pair is 3 kg: buy a "
                     "pair of at most 1 kg or go without weight\n") != std::string::npos);
    r = run(home, {"-f", "h.toml", "log", "side-leg-lift", "-w", "3kg", "--sets", "1", "--reps", "10", "--date",
                   "2026-12-01", "--dry-run"});
    CHECK(r.out.find("  = start light and build up one thing at a time: without weights for 1 x 10 (the lightest "
                     "setting of your heavy pair is 3 kg: buy a pair of at most 1 kg or go without weight)") !=
          std::string::npos);
}

TEST_CASE("today shows a planned weight as plan does: a 1 kg wrist pair stays 1 kg in a log kept in pounds") {
    // Before: plan said 1 kg and today 2.2 lb for the same planned walk.
    ScratchDir home;
    write(home / "log.toml",
          "[profile]\nunits = \"lb\"\n\n[[equipment]]\nname = \"wrist pair\"\non = \"wrist\"\nweight = \"1 kg\"\n"
          "\n[[session]]\ndate = 2026-11-16\nactivity = \"walk\"\non = \"wrist\"\nweight = \"1 kg\"\nminutes = 20\n"
          "\n[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\non = \"wrist\"\nweight = \"1 kg\"\nminutes = 20\n");
    REQUIRE(run(home, {"-f", "log.toml", "-q", "plan", "--save", "--week-of", "2026-11-23"}).exit_code == 0);
    CHECK(run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23"}).out.find(
              "Mon 2026-11-23  walk      1 kg    20 min (wrists)  not done\n") != std::string::npos);
    const Result today = run(home, {"-f", "log.toml", "today", "--date", "2026-11-23"});
    CHECK(today.exit_code == 0);
    CHECK(today.out.find("  walk  1 kg (wrists)  20 min  to do\n") != std::string::npos);
}
