// Issue 19, what a tester found left: pain readings the assessment must not
// ignore (a check above the settled level, a hold), and check's suggestions
// that must follow the assessment. Each case through the binary.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "anklog/date.hpp"
#include "harness.hpp"

using namespace e2e;

namespace {

std::string block(const std::string& date, const std::string& activity, const std::string& body) {
    return "\n[[session]]\ndate = " + date + "\nactivity = \"" + activity + "\"\n" + body;
}

// Walks with 1 kg, then pain 4 on three training days in a row (the last on
// 2026-11-13): persistent pain, a rest until 2026-11-27.
std::string persistent_pain() {
    std::string text = "[profile]\nunits = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\"]\n";
    for (const char* date : {"2026-11-02", "2026-11-04"}) text += block(date, "walk", "weight = \"1 kg\"\nminutes = 10\n");
    for (const char* date : {"2026-11-09", "2026-11-11", "2026-11-13"}) {
        text += block(date, "walk", "weight = \"1 kg\"\nminutes = 10\npain = 4\n");
    }
    return text;
}

// plan counts its notes' days from the day it runs, up to the planned week's
// Sunday: "N days ago" as today, check and summary would say that day.
std::string days_since_for_plan(const char* date, const char* week_sunday) {
    const anklog::Date until = std::min(local_today(), *anklog::parse_iso_date(week_sunday));
    return std::to_string(anklog::days_between(*anklog::parse_iso_date(date), until));
}

}  // namespace

TEST_CASE("a pain check above the settled level after persistent pain says not settled, and plan keeps the weights off") {
    ScratchDir home;
    write(home / "log.toml", persistent_pain());
    REQUIRE(run(home, {"-f", "log.toml", "-q", "pain", "4", "--date", "2026-11-28"}).exit_code == 0);

    const std::string standing =
        "Where you stand on 2026-11-29: danger: pain not settled after the rest: pain check 4/10 on 2026-11-28 "
        "(above 2/10; the last painful day 2026-11-13): keep the weights off, check again (anklog pain N), and see a "
        "doctor or physiotherapist if it persists\n";
    const Result today = run(home, {"-f", "log.toml", "today", "--date", "2026-11-29"});
    CHECK(today.exit_code == 0);
    CHECK(today.out.find(standing) != std::string::npos);
    CHECK(today.out.find("no pain check since") == std::string::npos);
    const Result summary = run(home, {"-f", "log.toml", "summary", "--until", "2026-11-29"});
    CHECK(summary.out.find(standing) != std::string::npos);

    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30", "--format", "json"});
    REQUIRE(plan.exit_code == 0);
    const auto week = json_of(plan.out);
    // Three a week, as the walks before the rest were spaced (two, then
    // three a week): a rest is not a week of fewer walks.
    REQUIRE(week["sessions"].size() == 3);
    const auto& walk = week["sessions"][0];
    CHECK(walk["weight"] == nullptr);
    CHECK(walk["minutes"] == 5);
    CHECK(walk["label"] == "step down");
    CHECK(walk["reason"] ==
          "pain 4/10 on 2026-11-28 (pain check) has not settled after the pain of 2026-11-13: without weights, about "
          "half the volume of 1 kg for 10 min on 2026-11-13, until a reading at 2/10 or less; see a doctor or "
          "physiotherapist if it persists");
    CHECK(week["notes"][0] ==
          "no come-back with weights yet: your last painful day was " + days_since_for_plan("2026-11-13", "2026-12-06") +
              " days ago (2026-11-13), and pain was 4/10 on "
          "2026-11-28 (pain check), above 2/10, so it has not settled; the week keeps the weights off; check again "
          "(anklog pain N), and see a doctor or physiotherapist if it persists");
    CHECK(week["notes"].size() == 1);

    // The review's row says the same.
    fs::create_directory(home / "clients");
    fs::copy_file(home / "log.toml", home / "clients/cy.toml");
    write(home / "clients/al.toml", block("2026-11-27", "walk", "weight = \"1 kg\"\nminutes = 10\n"));
    const Result review = run(home, {"-f", "log.toml", "check", "--since", "2026-11-20", "--until", "2026-11-29",
                                     "clients/al.toml", "clients/cy.toml"});
    CHECK(review.out.find("pain check 4/10 on 2026-11-28, not settled after pain") != std::string::npos);

    // A later check at or below the settled level: settled, the come-back with weights.
    REQUIRE(run(home, {"-f", "log.toml", "-q", "pain", "1", "--date", "2026-11-29"}).exit_code == 0);
    const auto settled = json_of(run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30", "--format", "json"}).out);
    CHECK(settled["sessions"][0]["weight"] == "0.5 kg");
    CHECK(settled["notes"][0] ==
          "a come-back week: your last painful day was " + days_since_for_plan("2026-11-13", "2026-12-06") +
              " days ago (2026-11-13), and pain was 1/10 on 2026-11-29 "
          "(pain check)");
}

namespace {

// Walks and side leg lifts with 1 kg on the ankles; pain 5 on the walk of
// 2026-11-11 (the pain rule's warning, acceptable during exercise if it
// settles by the next morning), and no pain check since.
std::string pain_five() {
    return "[profile]\nunits = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\", \"1.5 kg\"]\n" +
           block("2026-11-02", "walk", "weight = \"1 kg\"\nminutes = 10\n") +
           block("2026-11-03", "side-leg-lift", "weight = \"1 kg\"\nsets = 1\nreps = 10\n") +
           block("2026-11-04", "walk", "weight = \"1 kg\"\nminutes = 12\n") +
           block("2026-11-06", "side-leg-lift", "weight = \"1 kg\"\nsets = 1\nreps = 11\n") +
           block("2026-11-09", "walk", "weight = \"1 kg\"\nminutes = 13\n") +
           block("2026-11-11", "walk", "weight = \"1 kg\"\nminutes = 13\npain = 5\n");
}

}  // namespace

TEST_CASE("a hold after pain 5: plan repeats the load and raises nothing there, check flags a raise until a reading") {
    ScratchDir home;
    write(home / "log.toml", pain_five());
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-16", "--format", "json"});
    REQUIRE(plan.exit_code == 0);
    const auto week = json_of(plan.out);
    REQUIRE(week["sessions"].size() >= 2);
    for (const auto& s : week["sessions"]) {
        CAPTURE(s.dump());
        if (s["activity"] != "walk") continue;
        CHECK(s["weight"] == "1 kg");
        CHECK(s["minutes"] == 13);
        CHECK(s["label"] == "repeat");
        CHECK(s["reason"] == "pain 5/10 in walk on Wed 2026-11-11 after work on the ankles: repeat 1 kg for 13 min on "
                             "2026-11-11, raise nothing; record pain with --pain, or `anklog pain N` the next morning; "
                             "the hold ends at a reading of 2/10 or less, or on 2026-11-25");
    }

    // Side leg lifts with one rep more two days later, no pain check since
    // (one at 2 a week later: the standing today has nothing to ask).
    const std::string settled_later = "\n[[pain]]\ndate = 2026-11-20\npain = 2\n";
    write(home / "log.toml",
          pain_five() + block("2026-11-13", "side-leg-lift", "weight = \"1 kg\"\nsets = 1\nreps = 12\n") +
              settled_later);
    const Result check = run(home, {"-f", "log.toml", "check", "--since", "2026-11-13"});
    CHECK(check.exit_code == 1);
    CHECK(check.out ==
          "log.toml:44: warning[pain-hold]: side-leg-lift on 2026-11-13 added load on the ankles before the pain of "
          "2026-11-11 was known to have settled\n"
          "  = pain 5/10 in walk on Wed 2026-11-11 after work on the ankles, no pain check or session at 2/10 or less "
          "since; side-leg-lift 1 kg before, for 11 reps (1 x 11)\n"
          "  = repeat the last load, raise nothing on the ankles (record pain with --pain, or `anklog pain N` the next "
          "morning; the hold ends at a reading of 2/10 or less, or on 2026-11-25): 1 kg for 1 x 11  (source: "
          "Silbernagel et al. 2007)\n"
          "\n"
          "log.toml: 1 session checked since 2026-11-13: 1 warning\n"
          "Where you stand on " + anklog::to_string(local_today()) + ": nothing needs attention\n");
    // The same load repeated is what the hold asks: nothing to flag.
    write(home / "log.toml",
          pain_five() + block("2026-11-13", "side-leg-lift", "weight = \"1 kg\"\nsets = 1\nreps = 11\n") +
              settled_later);
    CHECK(run(home, {"-f", "log.toml", "check", "--since", "2026-11-13"}).exit_code == 0);
    // A session without a pain value is no evidence: still held on 11-16;
    // with no reading at all, the hold ends 14 days after the painful day.
    write(home / "log.toml",
          pain_five() + block("2026-11-13", "side-leg-lift", "weight = \"1 kg\"\nsets = 1\nreps = 11\n") +
              block("2026-11-16", "walk", "weight = \"1 kg\"\nminutes = 14\n") +
              block("2026-11-26", "walk", "weight = \"1 kg\"\nminutes = 15\n"));
    const Result later = run(home, {"-f", "log.toml", "check", "--since", "2026-11-16", "--format", "json"});
    const auto findings = json_of(later.out)["findings"];
    REQUIRE_FALSE(findings.empty());
    for (const auto& f : findings) CHECK(f["date"] == "2026-11-16");

    // A pain check the next morning at 1/10: settled, nothing to flag, the weights back in the plan.
    write(home / "log.toml", pain_five() + "\n[[pain]]\ndate = 2026-11-12\npain = 1\n" +
                                 block("2026-11-13", "side-leg-lift", "weight = \"1 kg\"\nsets = 1\nreps = 11\n"));
    CHECK(run(home, {"-f", "log.toml", "check", "--since", "2026-11-13"}).exit_code == 0);
    const auto settled = json_of(run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-16", "--format", "json"}).out);
    for (const auto& s : settled["sessions"]) CHECK(s["weight"] != nullptr);

    // pain-hold is in the rule table: anklog rules knows it.
    const Result rules = run(home, {"rules", "pain-hold"});
    CHECK(rules.exit_code == 0);
    CHECK(rules.out.rfind("pain-hold (warning)\n", 0) == 0);
}

TEST_CASE("check's suggestions follow the assessment: where pain holds the placement back, never above the last load") {
    ScratchDir home;
    // Side leg lifts raised in weight and volume at once while the ankles are held.
    write(home / "log.toml",
          pain_five() + block("2026-11-13", "side-leg-lift", "weight = \"1.5 kg\"\nsets = 1\nreps = 14\n"));
    const Result check = run(home, {"-f", "log.toml", "check", "--since", "2026-11-13", "--format", "json"});
    CHECK(check.exit_code == 1);
    const auto findings = json_of(check.out)["findings"];
    REQUIRE(findings.size() >= 2);
    for (const auto& f : findings) {
        CAPTURE(f.dump());
        REQUIRE(f.contains("suggestion"));
        CHECK(f["suggestion"]["weight"] == "1 kg");
        CHECK(f["suggestion"]["sets"] == 1);
        CHECK(f["suggestion"]["reps"] == 11);
    }
}

namespace {

// Barre 45 min on Mon and Wed, Pilates 50 min on Fri, 1 kg on the ankles,
// from 2026-11-02 to 2026-11-13; plan saved for the week of 2026-11-16
// (the caller adds it), then barre on 11-16, and on Wed 11-18 with pain 3.
std::string barre_and_pilates() {
    std::string text = "[profile]\nunits = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\", \"1.5 kg\"]\n";
    for (const char* monday : {"2026-11-02", "2026-11-09"}) {
        const anklog::Date m = *anklog::parse_iso_date(monday);
        text += block(anklog::to_string(m), "barre", "weight = \"1 kg\"\nminutes = 45\n");
        text += block(anklog::to_string(anklog::add_days(m, 2)), "barre", "weight = \"1 kg\"\nminutes = 45\n");
        text += block(anklog::to_string(anklog::add_days(m, 4)), "pilates", "weight = \"1 kg\"\nminutes = 50\n");
    }
    return text;
}

}  // namespace

TEST_CASE("h13 point 1 and 4: barre pain 3, a higher pain check the next morning: every view steps down, citing the check") {
    ScratchDir home;
    write(home / "log.toml", barre_and_pilates());
    REQUIRE(run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-16", "--save"}).exit_code == 0);
    write(home / "log.toml", read(home / "log.toml") + block("2026-11-16", "barre", "weight = \"1 kg\"\nminutes = 45\n") +
                                 block("2026-11-18", "barre", "weight = \"1 kg\"\nminutes = 45\npain = 3\n"));
    REQUIRE(run(home, {"-f", "log.toml", "pain", "4", "--date", "2026-11-19"}).exit_code == 0);
    const std::string standing =
        "Where you stand on 2026-11-20: warning: pain check 4/10 on Thu 2026-11-19, higher than 3/10 in barre the day "
        "before: step down all work on the ankles; record pain with --pain, or `anklog pain N` the next morning; the "
        "hold ends at a reading of 2/10 or less, or on 2026-12-03\n";
    // today over the plan saved before the pain: the saved 1 kg Pilates is
    // flagged, with the dose the standing allows.
    const Result today = run(home, {"-f", "log.toml", "today", "--date", "2026-11-20"});
    CHECK(today.exit_code == 0);
    CHECK(today.out.find(standing) != std::string::npos);
    CHECK(today.out.find("Done as planned, pilates would raise in check:") != std::string::npos);
    CHECK(today.out.find("warning[pain-hold]: pilates on 2026-11-20 added load on the ankles") != std::string::npos);
    CHECK(today.out.find("the hold ends at a reading of 2/10 or less, or on 2026-12-03): 0.5 kg for 50 min  (source: "
                         "Silbernagel et al. 2007)\n") != std::string::npos);
    // plan: one weight step below the load that hurt, for every ankle load.
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23"});
    CHECK(plan.exit_code == 0);
    CHECK(plan.out.find("Mon 2026-11-23  barre     0.5 kg  45 min  step down  pain check 4/10 on Thu 2026-11-19, higher "
                        "than 3/10 in barre the day before: one weight step down from 1 kg for 45 min on 2026-11-18, "
                        "then hold there; record pain with --pain, or `anklog pain N` the next morning; the hold ends "
                        "at a reading of 2/10 or less, or on 2026-12-03\n") != std::string::npos);
    // Pilates, 14 days after its last: the come-back of a class, its length
    // kept, one weight step lighter (the stepped-down weight).
    CHECK(plan.out.find("Fri 2026-11-27  pilates   0.5 kg  50 min  come back  14 days since your last pilates (1 kg "
                        "for 50 min on 2026-11-13): a class keeps its length and comes back one weight step "
                        "lighter\n") != std::string::npos);
    CHECK(plan.out.find("1 kg    45 min") == std::string::npos);
    // log --dry-run of the full dose: flagged, the step down proposed.
    const Result dry = run(home, {"-f", "log.toml", "log", "barre", "-w", "1kg", "-m", "45", "--date", "2026-11-23",
                                  "--dry-run"});
    CHECK(dry.out.find("warning[pain-hold]: barre on 2026-11-23 added load on the ankles") != std::string::npos);
    CHECK(dry.out.find("= step down one weight step and hold there on the ankles") != std::string::npos);
    CHECK(dry.out.find("2026-12-03): 0.5 kg for 45 min  (source: Silbernagel et al. 2007)\n") != std::string::npos);
    // The stepped-down dose is what the hold asks: nothing from pain-hold.
    const Result lighter = run(home, {"-f", "log.toml", "log", "barre", "-w", "0.5kg", "-m", "45", "--date",
                                      "2026-11-23", "--dry-run"});
    CHECK(lighter.out.find("pain-hold") == std::string::npos);
}

TEST_CASE("h13 point 2: a hold ends on a reading at 2/10 or less, not on a session without pain, else after 14 days") {
    ScratchDir home;
    write(home / "log.toml", barre_and_pilates() + block("2026-11-16", "barre", "weight = \"1 kg\"\nminutes = 45\npain = 3\n") +
                                 block("2026-11-18", "barre", "weight = \"1 kg\"\nminutes = 45\n"));
    // A session without a pain value is no evidence.
    CHECK(run(home, {"-f", "log.toml", "today", "--date", "2026-11-19"}).out.find(
              "Where you stand on 2026-11-19: warning: pain 3/10 in barre on Mon 2026-11-16 after work on the ankles: "
              "hold all work on the ankles; record pain with --pain, or `anklog pain N` the next morning; the hold "
              "ends at a reading of 2/10 or less, or on 2026-11-30\n") != std::string::npos);
    // The last day of the hold, and the day after.
    CHECK(run(home, {"-f", "log.toml", "today", "--date", "2026-11-30"}).out.find("Where you stand") != std::string::npos);
    // Ended with no reading since: a pain check is due, as the plan says.
    CHECK(run(home, {"-f", "log.toml", "today", "--date", "2026-12-01"})
              .out.find("Where you stand on 2026-12-01: warning: the last pain reading after work on the ankles was "
                        "3/10 on 2026-11-16, and none since: check it first (anklog pain N)") != std::string::npos);
    // A pain check at 2 ends it at once.
    REQUIRE(run(home, {"-f", "log.toml", "pain", "2", "--date", "2026-11-19"}).exit_code == 0);
    CHECK(run(home, {"-f", "log.toml", "today", "--date", "2026-11-20"}).out.find("Where you stand") == std::string::npos);
}

TEST_CASE("h13 point 5: check on one log shows the standing, JSON carries it, a log that ends in danger is never clean") {
    ScratchDir home;
    // Pain 7 on the last session: danger[pain] on the last training day.
    write(home / "log.toml", barre_and_pilates() + block("2026-11-16", "barre", "weight = \"1 kg\"\nminutes = 45\npain = 7\n"));
    const Result text = run(home, {"-f", "log.toml", "check", "--since", "2026-11-16", "--until", "2026-11-20",
                                   "--fail-on", "danger"});
    CHECK(text.exit_code == 1);
    CHECK(text.out.find("Where you stand on 2026-11-20: ") != std::string::npos);
    const Result json = run(home, {"-f", "log.toml", "check", "--since", "2026-11-17", "--until", "2026-11-20",
                                   "--format", "json", "--fail-on", "danger"});
    // No finding in the period, yet the standing is not clean: exit 1.
    CHECK(json.exit_code == 1);
    const auto doc = json_of(json.out);
    CHECK(doc["findings"].empty());
    CHECK(doc["standing"]["severity"] == "danger");
    // Pain above 5/10 not yet settled is danger, said by the pain state.
    CHECK(doc["standing"]["headline"].get<std::string>().starts_with("pain 7/10 in barre on Mon 2026-11-16 after work "
                                                                     "on the ankles: step down all work on the ankles"));
}

TEST_CASE("h13 point 4: after a hold ended without a reading (pain 5 then 6), plan asks for a pain check first") {
    ScratchDir home;
    write(home / "log.toml", barre_and_pilates() +
                                 block("2026-11-16", "barre", "weight = \"1 kg\"\nminutes = 45\npain = 5\n") +
                                 block("2026-11-18", "barre", "weight = \"1 kg\"\nminutes = 45\npain = 6\n"));
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-12-07"});
    CHECK(plan.exit_code == 0);
    CHECK(plan.out.find("note: the last pain reading after work on the ankles was 6/10 on 2026-11-18, and none since: "
                        "check it first (anklog pain N); at 2/10 or less, go ahead as planned; above that, see a "
                        "doctor or physiotherapist before the weights come back\n") != std::string::npos);
    // A pain check at 1 answers it.
    REQUIRE(run(home, {"-f", "log.toml", "pain", "1", "--date", "2026-12-04"}).exit_code == 0);
    CHECK(run(home, {"-f", "log.toml", "plan", "--week-of", "2026-12-07"}).out.find("the last pain reading") ==
          std::string::npos);
}

TEST_CASE("h18: after a step down, the plan builds from the lighter load done since, not the load before the pain") {
    // The tester's log: barre 45 min Mon/Fri at 1 kg, Pilates 50 min Wed at
    // 0.5 kg; pain 3 in barre on 2026-11-27, a pain check of 4 the next
    // morning (step down), then barre at 0.5 kg twice (the second pain-free)
    // and Pilates stepped down to 30 min.
    ScratchDir home;
    std::string text = "[profile]\nunits = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\"]\n";
    for (const char* monday : {"2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"}) {
        const anklog::Date m = *anklog::parse_iso_date(monday);
        text += block(monday, "barre", "weight = \"1 kg\"\nminutes = 45\n");
        text += block(anklog::to_string(anklog::add_days(m, 2)), "pilates", "weight = \"0.5 kg\"\nminutes = 50\n");
        text += block(anklog::to_string(anklog::add_days(m, 4)), "barre",
                      std::string("weight = \"1 kg\"\nminutes = 45\n") + (monday == std::string("2026-11-23") ? "pain = 3\n" : ""));
    }
    write(home / "log.toml", text);
    REQUIRE(run(home, {"-f", "log.toml", "pain", "4", "--date", "2026-11-28"}).exit_code == 0);
    REQUIRE(run(home, {"-f", "log.toml", "log", "barre", "-w", "0.5kg", "-m", "45", "--date", "2026-11-30"}).exit_code == 0);
    REQUIRE(run(home, {"-f", "log.toml", "log", "pilates", "-w", "0.5kg", "-m", "30", "--date", "2026-12-02"}).exit_code ==
            0);
    REQUIRE(run(home, {"-f", "log.toml", "log", "barre", "-w", "0.5kg", "-m", "45", "--date", "2026-12-04", "--pain", "0"})
                .exit_code == 0);
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-12-07"});
    CHECK(plan.exit_code == 0);
    const std::string barre = "  barre     0.5 kg  45 min  repeat     a 45-min class, kept at its length: 0.5 kg for 45 "
                              "min (2 of 3 sessions at this weight before the next step)\n";
    CHECK(plan.out.find("Mon 2026-12-07" + barre) != std::string::npos);
    CHECK(plan.out.find("Fri 2026-12-11" + barre) != std::string::npos);
    // Rebuilt by minutes toward the class's 50 min, never past it.
    CHECK(plan.out.find("Wed 2026-12-09  pilates   0.5 kg  33 min  progress   +3 min (about 10%) from 0.5 kg for 30 "
                        "min, back toward its 50-min length\n") != std::string::npos);
    CHECK(plan.out.find("1 kg") == std::string::npos);
    CHECK(plan.out.find("55 min") == std::string::npos);
}

namespace {

// The walker in pounds: a wrist walk with pain 5/10, then three walks logged
// without --pain. The hold on the wrists ends on 2026-11-16 with no reading.
std::string walker_without_pain_readings() {
    std::string text = "[profile]\nunits = \"lb\"\n" +
                       block("2026-11-02", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 24\npain = 5\n");
    for (const char* date : {"2026-11-04", "2026-11-06", "2026-11-09"}) {
        text += block(date, "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 24\n");
    }
    return text;
}

const std::string check_first =
    "the last pain reading after work on the wrists was 5/10 on 2026-11-02, and none since: check it first (anklog "
    "pain N); at 2/10 or less, go ahead as planned; above that, see a doctor or physiotherapist before the weights "
    "come back";

}  // namespace

TEST_CASE("tester: after a hold ended with no reading, every view asks for the pain check the plan asks for") {
    ScratchDir home;
    write(home / "log.toml", walker_without_pain_readings());
    write(home / "b.toml", walker_without_pain_readings());
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23"});
    CHECK(plan.out.find("note: " + check_first + "\n") != std::string::npos);
    const Result today = run(home, {"-f", "log.toml", "today", "--date", "2026-11-20"});
    CHECK(today.exit_code == 0);
    CHECK(today.out.find("\nWhere you stand on 2026-11-20: warning: " + check_first + "\n") != std::string::npos);
    const Result summary = run(home, {"-f", "log.toml", "summary", "--until", "2026-11-20"});
    CHECK(summary.exit_code == 0);
    CHECK(summary.out.find("\n\nWhere you stand on 2026-11-20: warning: " + check_first + "\n\n") != std::string::npos);
    const Result check = run(home, {"-f", "log.toml", "check", "--until", "2026-11-20"});
    CHECK(check.out.find("\nWhere you stand on 2026-11-20: warning: " + check_first + "\n") != std::string::npos);
    // The review's row says it, shorter.
    Options wide;
    wide.env = {{"COLUMNS", "200"}};
    const Result review =
        run(home, {"check", "--since", "2026-11-07", "--until", "2026-11-20", "log.toml", "b.toml"}, wide);
    CHECK(review.out.find("\nlog.toml         1  2026-11-09            11       0        0     0           -  the last "
                          "pain reading 5/10 on 2026-11-02, none since: check it first\n") != std::string::npos);
    const Result report = run(home, {"-f", "log.toml", "report", "--until", "2026-11-20"});
    CHECK(report.exit_code == 0);
    CHECK(report.out.find("<p class=\"standing\"><b>Where things stand on 2026-11-20:</b> warning: the last pain "
                          "reading after work on the wrists was 5/10 on <span class=\"date\">2026-11-02</span>, and "
                          "none since: check it first (anklog pain N); at 2/10 or less, go ahead as planned; above "
                          "that, see a doctor or physiotherapist before the weights come back</p>") != std::string::npos);
    // A pain check at 2 answers it, everywhere.
    REQUIRE(run(home, {"-f", "log.toml", "pain", "2", "--date", "2026-11-20"}).exit_code == 0);
    CHECK(run(home, {"-f", "log.toml", "today", "--date", "2026-11-20"}).out.find("Where you stand") == std::string::npos);
    CHECK(run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23"}).out.find("the last pain reading") ==
          std::string::npos);
}

TEST_CASE("tester: a next-morning pain check counts in summary's and the report's pain, marked as a check") {
    ScratchDir home;
    write(home / "log.toml", "[profile]\nunits = \"kg\"\n" +
                                 block("2026-11-02", "barre", "weight = \"1 kg\"\nminutes = 45\n") +
                                 block("2026-11-09", "barre", "weight = \"1 kg\"\nminutes = 45\n") +
                                 block("2026-11-16", "barre", "weight = \"1 kg\"\nminutes = 45\npain = 3\n"));
    REQUIRE(run(home, {"-f", "log.toml", "pain", "4", "--date", "2026-11-17"}).exit_code == 0);
    const std::vector<std::string> period{"--since", "2026-11-02", "--until", "2026-11-20"};
    const auto summary = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"-f", "log.toml", "summary"};
        args.insert(args.end(), period.begin(), period.end());
        args.insert(args.end(), extra.begin(), extra.end());
        return run(home, args);
    };
    const Result text = summary({});
    CHECK(text.out.find("week of     days  mobility  heaviest  pain  warn  danger\n"
                        "2026-11-02     1        45      1 kg     -     1       0\n"
                        "2026-11-09     1        45      1 kg     -     0       0\n"
                        "2026-11-16     1        45      1 kg    4c     0       0\n"
                        "days: weighted days; mobility: weighted minutes; heaviest: per limb; pain: the highest (c: a "
                        "pain check); warn, danger: findings of check.\n") != std::string::npos);
    // The sparkline's last week is the check's 4, not the class's 3.
    CHECK(text.out.find("\n\u00b7\u00b7\u2584\n") != std::string::npos);
    const Result csv = summary({"--format", "csv"});
    CHECK(csv.out.find("\n2026-11-16,2026-11-22,2026-11-16,2026-11-20,1,1,0,45,0,1 kg,1,2.205,,4,0,0,0,0,0,0,0\r\n") !=
          std::string::npos);
    const auto json = json_of(summary({"--format", "json"}).out);
    CHECK(json["periods"][2]["highest_pain"] == 4);
    CHECK(json["periods"][2]["highest_pain_check"] == true);
    CHECK(json["periods"][1]["highest_pain_check"] == false);
    std::vector<std::string> args{"-f", "log.toml", "report"};
    args.insert(args.end(), period.begin(), period.end());
    const Result report = run(home, args);
    CHECK(report.exit_code == 0);
    CHECK(report.out.find("<b>4/10</b><span>highest pain (a pain check)</span>") != std::string::npos);
    CHECK(report.out.find("<td class=\"n\">4 (check)</td>") != std::string::npos);
    CHECK(report.out.find("<circle class=\"point check\" data-date=\"2026-11-17\" data-pain=\"4\"") != std::string::npos);
    CHECK(report.out.find("<title>2026-11-17: pain check 4/10</title>") != std::string::npos);
    CHECK(report.out.find("<circle class=\"point\" data-date=\"2026-11-16\" data-pain=\"3\"") != std::string::npos);
}

TEST_CASE("tester: one painful session, one voice - check's advice, the standing and the plan all say hold") {
    ScratchDir home;
    std::string text = "[profile]\nunits = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\"]\n";
    for (const char* date : {"2026-11-02", "2026-11-04", "2026-11-06", "2026-11-09", "2026-11-11"}) {
        text += block(date, "walk", "weight = \"1 kg\"\nminutes = 20\n");
    }
    write(home / "log.toml", text + block("2026-11-13", "walk", "weight = \"1 kg\"\nminutes = 20\npain = 4\n"));
    const Result check = run(home, {"-f", "log.toml", "check", "--since", "2026-11-13", "--until", "2026-11-13"});
    // Before: "remove the weights and rest; pain should settle by the next
    // morning before you train that again", beside a standing of hold.
    CHECK(check.out.find("  = take the weights off and rest for the day; then repeat this load and raise nothing until "
                         "a reading of 2/10 or less (--pain, or `anklog pain N` the next morning)") != std::string::npos);
    CHECK(check.out.find("Where you stand on 2026-11-13: warning: pain 4/10 in walk on Fri 2026-11-13 after work on "
                         "the ankles: hold all work on the ankles;") != std::string::npos);
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-16"});
    CHECK(plan.out.find("Mon 2026-11-16  walk      1 kg    20 min  repeat     pain 4/10 in walk on Fri 2026-11-13 "
                        "after work on the ankles: repeat 1 kg for 20 min on 2026-11-13, raise nothing;") !=
          std::string::npos);
    // Pain above 5: stop, then the step down the plan makes.
    write(home / "log.toml", text + block("2026-11-13", "walk", "weight = \"1 kg\"\nminutes = 20\npain = 6\n"));
    const Result danger = run(home, {"-f", "log.toml", "check", "--since", "2026-11-13", "--until", "2026-11-13"});
    CHECK(danger.out.find("  = stop the weights and rest until it settles; then step down one weight step and hold "
                          "there until a reading of 2/10 or less; if it has not settled by the next morning, or keeps "
                          "coming back, see a doctor or physiotherapist") != std::string::npos);
    CHECK(run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-16"})
              .out.find("Mon 2026-11-16  walk      0.5 kg  20 min  step down  ") != std::string::npos);
}

TEST_CASE("tester: after a rest the plan keeps each activity's usual number of sessions a week") {
    ScratchDir home;
    // Walks three times a week and squats once a week for three weeks, pain
    // on the last three walks (persistent pain), then nothing for 17 days but a pain check of 1.
    std::string text = "[profile]\nunits = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\"]\n";
    for (const char* monday : {"2026-11-02", "2026-11-09", "2026-11-16"}) {
        const anklog::Date m = *anklog::parse_iso_date(monday);
        const bool last = monday == std::string("2026-11-16");
        for (int day : {0, 2, 4}) {
            text += block(anklog::to_string(anklog::add_days(m, day)), "walk",
                          std::string("weight = \"1 kg\"\nminutes = 20\n") + (last ? "pain = 4\n" : ""));
        }
        text += block(anklog::to_string(anklog::add_days(m, 1)), "squat", "weight = \"1 kg\"\nsets = 2\nreps = 10\n");
    }
    write(home / "log.toml", text);
    REQUIRE(run(home, {"-f", "log.toml", "pain", "1", "--date", "2026-12-04"}).exit_code == 0);
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-12-07"});
    CHECK(plan.exit_code == 0);
    // Before: "walk 2" (the rest counted as weeks of fewer walks) and
    // squats twice (two sessions a week apart read as two a week).
    CHECK(plan.out.rfind("Week of 2026-12-07 to 2026-12-13, from log.toml: 3 weighted days, 4 rest days\n", 0) == 0);
    std::size_t walks = 0;
    std::size_t squats = 0;
    // (Rows: a reason may name a walk too, "after the come-back walk on ...".)
    for (std::size_t at = plan.out.find("  walk "); at != std::string::npos; at = plan.out.find("  walk ", at + 1)) ++walks;
    for (std::size_t at = plan.out.find("squat "); at != std::string::npos; at = plan.out.find("squat ", at + 1)) ++squats;
    CHECK(walks == 3);
    CHECK(squats == 1);
    CHECK(plan.out.find("usual number") == std::string::npos);
}
