// Issue 19, "Where do I stand?": placement is part of a load, weights anklog
// proposes are ones a person can set, and every command renders one
// assessment. Each case is a numbered point of the issue, through the binary.
#include <doctest/doctest.h>

#include <string>

#include "harness.hpp"

using namespace e2e;

namespace {

std::string block(const std::string& date, const std::string& activity, const std::string& body) {
    return "\n[[session]]\ndate = " + date + "\nactivity = \"" + activity + "\"\n" + body;
}

// The walker in pounds: walks with 3 lb on the wrists for 24-26 min, and two
// walks with 1 lb on the ankles for 10-11 min.
std::string walker() {
    return "[profile]\nunits = \"lb\"\n" +
           block("2026-10-05", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 24\n") +
           block("2026-10-08", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 25\n") +
           block("2026-10-12", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 26\n") +
           block("2026-10-15", "walk", "weight = \"1 lb\"\nminutes = 10\n") +
           block("2026-10-19", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 26\n") +
           block("2026-10-22", "walk", "weight = \"1 lb\"\nminutes = 11\n");
}

}  // namespace

TEST_CASE("issue 19 point 1: plan progresses ankle walks from the ankle walks, not from the wrist walks") {
    ScratchDir home;
    write(home / "log.toml", walker());
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-10-26", "--format", "json"});
    REQUIRE(r.exit_code == 0);
    const auto week = json_of(r.out);
    int ankle = 0;
    int wrist = 0;
    for (const auto& s : week["sessions"]) {
        CAPTURE(s.dump());
        if (s["on"] == "ankle") {
            ++ankle;
            CHECK(s["weight"] == "1 lb");
            CHECK(s["minutes"] == 12);
            CHECK(s["reason"] == "+1 min (about 10%) from 1 lb for 11 min");
        } else {
            ++wrist;
            CHECK(s["weight"] == "3 lb");
            CHECK(s["reason"] == "+2 min (about 10%) from 3 lb on the wrists for 26 min");  // 10% rounded down: +3 would be 11.5%
        }
    }
    CHECK(ankle >= 1);
    CHECK(wrist >= 1);
}

TEST_CASE("issue 19 point 1: 3 lb moved from the wrists to the ankles is a new, heavy ankle load") {
    ScratchDir home;
    write(home / "log.toml", walker() + block("2026-10-26", "walk", "weight = \"3 lb\"\nminutes = 29\n"));
    const Result r = run(home, {"-f", "log.toml", "check", "--since", "2026-10-26", "--format", "json"});
    CHECK(r.exit_code == 1);
    const auto findings = json_of(r.out)["findings"];
    std::string rules;
    for (const auto& f : findings) rules += f["rule"].get<std::string>() + " " + f["severity"].get<std::string>() + ";";
    // From 1 lb for 11 min on the ankles: three times the working ankle
    // weight, and 29 min: the wrist walks are another load.
    CHECK(rules == "weight-and-volume warning;weight-jump danger;volume-spike danger;");
}

TEST_CASE("issue 19 point 1: the first ankle walk after walks with wrist weights gets start-light") {
    ScratchDir home;
    const std::string wrists = "[profile]\nunits = \"lb\"\n" +
                               block("2026-10-05", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 24\n") +
                               block("2026-10-08", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 25\n");
    write(home / "log.toml", wrists + block("2026-10-12", "walk", "weight = \"3 lb\"\nminutes = 25\n"));
    const Result r = run(home, {"-f", "log.toml", "check", "--since", "2026-10-12"});
    CHECK(r.exit_code == 1);
    CHECK(r.out ==
          "log.toml:18: warning[start-light]: first walk with weights on the ankles, on 2026-10-12, started heavier "
          "and longer than a first session should\n"
          "  = weight 3 lb > about 2 lb, duration 25 min > 10 min (first weighted session of walk on the ankles)\n"
          "  = start light and build up one thing at a time: 2 lb for 10 min  (source: Ankle Weights 101, "
          "PowerRebound; A. Lee, physiotherapist)\n"
          "\n"
          "log.toml: 1 session checked since 2026-10-12: 1 warning\n"
          "Where you stand on " + anklog::to_string(local_today()) + ": nothing needs attention\n");
}

TEST_CASE("issue 19 point 13: start-light says longer, not heavier, when only the minutes were over") {
    ScratchDir home;
    write(home / "log.toml", block("2026-10-12", "walk", "weight = \"1 kg\"\nminutes = 20\n"));
    const Result r = run(home, {"-f", "log.toml", "check"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("first walk with weights on the ankles, on 2026-10-12, started longer than a first session "
                     "should\n") != std::string::npos);
}

TEST_CASE("issue 19 point 2: a run with ankle weights is planned on the wrists as a new load, citing the real run") {
    ScratchDir home;
    write(home / "log.toml", "[profile]\nunits = \"lb\"\n" +
                                 block("2026-10-19", "run", "weight = \"2 lb\"\nminutes = 15\n") +
                                 block("2026-10-21", "walk", "weight = \"2 lb\"\nminutes = 15\n"));
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-10-26", "--format", "json"});
    REQUIRE(r.exit_code == 0);
    bool seen_run = false;
    const auto json_1 = json_of(r.out);
    for (const auto& s : json_1["sessions"]) {
        if (s["activity"] != "run") continue;
        seen_run = true;
        CHECK(s["on"] == "wrist");
        CHECK(s["weight"] == "1 lb");
        CHECK(s["reason"] ==
              "your runs with weights were on the ankles (the last 2 lb for 15 min on 2026-10-19), which alters "
              "running gait; first weighted run on the wrists: start light, 1 lb on the wrists for 10 min "
              "(Ankle Weights 101)");
    }
    CHECK(seen_run);
}

TEST_CASE("issue 19 point 3: weights in the other unit step to whole steps of the profile's unit, and plan --save keeps them") {
    ScratchDir home;
    // kg profile, no owned weights, walks at 2 lb at the 30-minute cap: the
    // next weight is 1 kg, not 2 lb + 0.5 kg = 1.40718474 kg.
    std::string kg = "[profile]\nunits = \"kg\"\n";
    for (const char* date : {"2026-10-05", "2026-10-07", "2026-10-12", "2026-10-14", "2026-10-19", "2026-10-21"}) {
        kg += block(date, "walk", "weight = \"2 lb\"\nminutes = 30\n");
    }
    write(home / "log.toml", kg);
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-10-26", "--format", "json"});
    REQUIRE(r.exit_code == 0);
    const auto json_2 = json_of(r.out);
    for (const auto& s : json_2["sessions"]) {
        CAPTURE(s.dump());
        CHECK(s["weight"] == "1 kg");
    }
    const Result save = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-10-26", "--save"});
    CHECK(save.err == "");
    CHECK(save.exit_code == 0);

    // lb profile, sessions of 1 kg: the step is 3 lb, not 3.2046226218487757 lb.
    std::string lb = "[profile]\nunits = \"lb\"\n";
    for (const char* date : {"2026-10-05", "2026-10-07", "2026-10-12", "2026-10-14", "2026-10-19", "2026-10-21"}) {
        lb += block(date, "walk", "weight = \"1 kg\"\nminutes = 30\n");
    }
    write(home / "lb.toml", lb);
    const Result p = run(home, {"-f", "lb.toml", "plan", "--week-of", "2026-10-26", "--format", "json"});
    REQUIRE(p.exit_code == 0);
    const auto json_3 = json_of(p.out);
    for (const auto& s : json_3["sessions"]) {
        CAPTURE(s.dump());
        CHECK(s["weight"] == "3 lb");
    }
    const Result save_lb = run(home, {"-f", "lb.toml", "plan", "--week-of", "2026-10-26", "--save"});
    CHECK(save_lb.err == "");
    CHECK(save_lb.exit_code == 0);
}

namespace {

// Barre with 1 kg for 45 min on Mondays and Fridays, Pilates with 1 kg for 50
// min on Wednesdays, from 2026-10-05 for six weeks.
std::string classes(const std::string& last_pilates_extra = "") {
    std::string text = "[profile]\nunits = \"kg\"\n";
    for (int week = 0; week < 6; ++week) {
        const int monday = 5 + 7 * week;  // October 5, 12, ... November 9
        const auto date = [](int october_day) {
            const int month = october_day > 31 ? 11 : 10;
            const int d = october_day > 31 ? october_day - 31 : october_day;
            return "2026-" + std::to_string(month) + "-" + (d < 10 ? "0" : "") + std::to_string(d);
        };
        text += block(date(monday), "barre", "weight = \"1 kg\"\nminutes = 45\n");
        text += block(date(monday + 2), "pilates",
                      "weight = \"1 kg\"\nminutes = 50\n" + (week == 5 ? last_pilates_extra : std::string()));
        text += block(date(monday + 4), "barre", "weight = \"1 kg\"\nminutes = 45\n");
    }
    return text;
}

std::string pain_days(const std::string& extra = "", const std::string& name = "") {
    std::string text = "[profile]\n" + (name.empty() ? "" : "name = \"" + name + "\"\n") +
                       "units = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\"]\n";
    for (const char* date : {"2026-11-02", "2026-11-04"}) text += block(date, "walk", "weight = \"1 kg\"\nminutes = 10\n");
    for (const char* date : {"2026-11-09", "2026-11-11", "2026-11-13"}) {
        text += block(date, "walk", "weight = \"1 kg\"\nminutes = 10\npain = 4\n");
    }
    return text + extra;
}

}  // namespace

TEST_CASE("issue 19 point 12: classes keep their own weekdays and their length") {
    ScratchDir home;
    write(home / "log.toml", classes());
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-16", "--format", "json"});
    REQUIRE(r.exit_code == 0);
    const auto json_4 = json_of(r.out);
    for (const auto& s : json_4["sessions"]) {
        CAPTURE(s.dump());
        const std::string date = s["date"];
        if (s["activity"] == "barre") {
            CHECK((date == "2026-11-16" || date == "2026-11-20"));
            CHECK(s["minutes"] == 45);
        } else {
            CHECK(date == "2026-11-18");
            CHECK(s["minutes"] == 50);
        }
    }
}

TEST_CASE("issue 19 point 12: a class whose last two sessions lasted the same is not raised by minutes") {
    ScratchDir home;
    // A first weighted session within start-light (0.5 kg for 10 min), so
    // that start-light's settling in does not speak for the class.
    write(home / "log.toml", "[profile]\nunits = \"kg\"\n" +
                                 block("2026-10-28", "pilates", "weight = \"0.5 kg\"\nminutes = 10\n") +
                                 block("2026-11-04", "pilates", "weight = \"1 kg\"\nminutes = 50\n") +
                                 block("2026-11-11", "pilates", "weight = \"1 kg\"\nminutes = 50\n"));
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-16"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Wed 2026-11-18  pilates   1 kg    50 min  repeat     a 50-min class, kept at its length: 1 kg "
                     "for 50 min (2 of 3 sessions at this weight before the next step)\n") != std::string::npos);
    // Declared of fixed length in [activities]: one class is enough.
    write(home / "one.toml", "[profile]\nunits = \"kg\"\n\n[activities]\npilates = { fixed_length = true }\n" +
                                 block("2026-10-28", "pilates", "weight = \"0.5 kg\"\nminutes = 10\n") +
                                 block("2026-11-11", "pilates", "weight = \"1 kg\"\nminutes = 50\n"));
    CHECK(run(home, {"-f", "one.toml", "plan", "--week-of", "2026-11-16"})
              .out.find("pilates   1 kg    50 min  repeat     a 50-min class, kept at its length") != std::string::npos);
}

TEST_CASE("issue 19 point 4: pain in Pilates holds back barre on the ankles, in plan and today") {
    ScratchDir home;
    write(home / "log.toml", classes("pain = 5\n"));
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-16", "--format", "json"});
    REQUIRE(r.exit_code == 0);
    const auto json_5 = json_of(r.out);
    for (const auto& s : json_5["sessions"]) {
        CAPTURE(s.dump());
        CHECK(s["weight"] == "1 kg");
        CHECK(s["label"] == "repeat");
        CHECK(s["minutes"] <= 50);
    }
    const Result today = run(home, {"-f", "log.toml", "today", "--date", "2026-11-13"});
    CHECK(today.exit_code == 0);
    CHECK(today.out.find("Where you stand on 2026-11-13: warning: pain 5/10 in pilates on Wed 2026-11-11 after work on "
                         "the ankles: hold all work on the ankles; record pain with --pain, or `anklog pain N` the next "
                         "morning; the hold ends at a reading of 2/10 or less, or on 2026-11-25\n") != std::string::npos);
    // A pain check that says it settled lifts the hold.
    const Result check = run(home, {"-f", "log.toml", "pain", "1", "--date", "2026-11-12"});
    CHECK(check.exit_code == 0);
    CHECK(run(home, {"-f", "log.toml", "today", "--date", "2026-11-13"}).out.find("Where you stand") ==
          std::string::npos);
}

TEST_CASE("issue 19 point 5: anklog pain appends a [[pain]] block, never a training day, undone like any write") {
    ScratchDir home;
    write(home / "log.toml", pain_days());
    const std::string before = read(home / "log.toml");
    const Result r = run(home, {"-f", "log.toml", "pain", "2", "--date", "2026-11-14", "--note", "knee \"ok\""});
    CHECK(r.err == "");
    CHECK(r.exit_code == 0);
    CHECK(read(home / "log.toml") == before + "\n[[pain]]\ndate = 2026-11-14\npain = 2\nnote = \"knee \\\"ok\\\"\"\n");
    CHECK(r.out.rfind("appended to log.toml:", 0) == 0);
    CHECK(r.out.find("[[pain]]\ndate = 2026-11-14\npain = 2\n") != std::string::npos);
    CHECK(r.out.find("Where you stand on 2026-11-14: danger: resting after pain on 3 of the last 5 training days") !=
          std::string::npos);
    // Shown by history apart from the sessions.
    const Result history = run(home, {"-f", "log.toml", "history"});
    CHECK(history.out.find("\npain checks (no workout):\n  2026-11-14  pain 2/10  knee \"ok\"\n") != std::string::npos);
    // Never after today, never out of range: exit 2, the log unchanged.
    const std::string with_check = read(home / "log.toml");
    const Result future = run(home, {"-f", "log.toml", "pain", "1", "--date", "9999-12-31"});
    CHECK(future.exit_code == 2);
    CHECK(run(home, {"-f", "log.toml", "pain", "11"}).exit_code == 2);
    CHECK(read(home / "log.toml") == with_check);
    // undo takes it back byte for byte.
    CHECK(run(home, {"-f", "log.toml", "undo", "--yes"}).exit_code == 0);
    CHECK(read(home / "log.toml") == before);
}

TEST_CASE("issue 19 point 5: the come-back after pain asks for a pain check, and says settled only on evidence") {
    ScratchDir home;
    write(home / "log.toml", pain_days());
    const Result asks = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30"});
    CHECK(asks.exit_code == 0);
    CHECK(asks.out.find("pain has settled: the lightest") == std::string::npos);
    CHECK(asks.out.find("after pain: the lightest weight you own and about half the volume") != std::string::npos);
    CHECK(asks.out.find("nothing logged since says how it is; check it first (anklog pain N)") != std::string::npos);
    write(home / "log.toml", pain_days("\n[[pain]]\ndate = 2026-11-28\npain = 1\n"));
    const Result settled = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30"});
    CHECK(settled.out.find("and pain was 1/10 on 2026-11-28 (pain check)") != std::string::npos);
}

TEST_CASE("issue 19 point 6: one session, one advice: the most protective stands for every finding on it") {
    ScratchDir home;
    write(home / "log.toml", pain_days(block("2026-11-16", "walk", "weight = \"1 kg\"\nminutes = 12\npain = 7\n")));
    const Result r = run(home, {"-f", "log.toml", "check", "--since", "2026-11-16", "--format", "json"});
    CHECK(r.exit_code == 1);
    const auto findings = json_of(r.out)["findings"];
    REQUIRE(findings.size() >= 2);
    for (const auto& f : findings) {
        CAPTURE(f.dump());
        CHECK(f["advice"] == findings[0]["advice"]);
        CHECK_FALSE(f.contains("suggestion"));
    }
    CHECK(findings[0]["advice"] ==
          "stop training with weights and see a doctor or physiotherapist: pain that keeps coming back does not "
          "settle with rest alone");
}

TEST_CASE("issue 19 point 8: today in a rest week says where the person stands and never points back") {
    ScratchDir home;
    // A plan saved for a week gone by: today must not point back to it.
    write(home / "log.toml", pain_days("\n# anklog plan for the week of 2026-11-09\n\n[[planned]]\ndate = 2026-11-11\n"
                                       "activity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\n"));
    const Result r = run(home, {"-f", "log.toml", "today", "--date", "2026-11-17"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Where you stand on 2026-11-17: danger: resting after pain on 3 of the last 5 training days (the "
                     "last on 2026-11-13), until 2026-11-27") != std::string::npos);
    CHECK(r.out.find("2026-11-11") == std::string::npos);
    CHECK(r.out.find("plan --save") == std::string::npos);
    CHECK(r.out.find("Nothing is planned for this day.\n") != std::string::npos);
}

TEST_CASE("issue 19 point 9: summary's headline is the assessment, and adherence is no good news over danger") {
    ScratchDir home;
    std::string text = pain_days(block("2026-10-26", "walk", "weight = \"1 kg\"\nminutes = 10\n"));
    text += "\n# anklog plan for the week of 2026-11-09\n";
    for (const char* date : {"2026-11-09", "2026-11-11", "2026-11-13"}) {
        text += "\n[[planned]]\ndate = " + std::string(date) + "\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\n";
    }
    write(home / "log.toml", text);
    const Result r = run(home, {"-f", "log.toml", "summary", "--until", "2026-11-15"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("on track") == std::string::npos);
    CHECK(r.out.find("Where you stand on 2026-11-15: danger: resting after pain") != std::string::npos);
    CHECK(r.out.find("Plan for the week of 2026-11-09: 3 of 3 sessions done.\n") != std::string::npos);
}

TEST_CASE("issue 19 point 10: the review shows each client's standing, the one in danger first, and is never clean") {
    ScratchDir home;
    fs::create_directory(home / "clients");
    write(home / "clients/al.toml", "[profile]\nname = \"Al\"\n" +
                                        block("2026-11-30", "walk", "weight = \"1 kg\"\nminutes = 10\n"));
    write(home / "clients/cy.toml", pain_days("", "Cy"));
    const Result r = run(home, {"-f", "clients/al.toml", "check", "--since", "2026-11-20", "--until", "2026-12-04",
                                "clients/al.toml", "clients/cy.toml"});
    CHECK(r.exit_code == 1);
    const auto table = r.out.substr(r.out.find("Review of 2 logs"));
    CAPTURE(table);
    CHECK(table.find("Cy") < table.find("Al"));
    CHECK(table.find("21 days after pain, no pain check since") != std::string::npos);
}

TEST_CASE("issue 19 point 11: log refuses the same session twice on a day, unless --duplicate") {
    ScratchDir home;
    const std::vector<std::string> walk{"-f", "log.toml", "-q", "log", "walk", "-w", "1kg", "-m", "10", "--date",
                                        "2026-11-18"};
    REQUIRE(run(home, walk).exit_code == 0);
    const std::string once = read(home / "log.toml");
    const Result again = run(home, walk);
    CHECK(again.exit_code == 2);
    CHECK(again.err ==
          "anklog: error: walk 1 kg for 10 min on 2026-11-18 is already in the log (line 7)\n"
          "  help: to log a second one that day, add --duplicate; to change the one logged, run anklog edit\n");
    CHECK(read(home / "log.toml") == once);
    std::vector<std::string> insist = walk;
    insist.push_back("--duplicate");
    CHECK(run(home, insist).exit_code == 0);
    CHECK(read(home / "log.toml") != once);
}

TEST_CASE("issue 19 point 13: the plan header's days add up to seven") {
    ScratchDir home;
    write(home / "log.toml", block("2026-11-02", "walk", "minutes = 10\n") + block("2026-11-04", "walk", "minutes = 10\n"));
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-09"});
    CHECK(r.exit_code == 0);
    const std::string header = r.out.substr(0, r.out.find('\n'));
    CAPTURE(header);
    CHECK(header.find("rest days") != std::string::npos);
}

TEST_CASE("issue 19 point 7: check and plan propose the same come-back after pain") {
    ScratchDir home;
    write(home / "log.toml", pain_days());
    const Result planned = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30", "--format", "json"});
    REQUIRE(planned.exit_code == 0);
    const auto week = json_of(planned.out);
    REQUIRE(week["sessions"].size() == 3);  // walks spaced two, then three a week before the pain
    const auto& come_back = week["sessions"][0];
    CHECK(come_back["label"] == "come back");
    // log --again copies the painful session's load, two weeks later.
    REQUIRE(run(home, {"-f", "log.toml", "-q", "log", "walk", "--again", "--date", "2026-11-30"}).exit_code == 0);
    const Result check = run(home, {"-f", "log.toml", "check", "--since", "2026-11-30", "--format", "json"});
    const auto findings = json_of(check.out)["findings"];
    REQUIRE(findings.size() == 1);
    CHECK(findings[0]["rule"] == "return-after-break");
    const auto& suggestion = findings[0]["suggestion"];
    CHECK(suggestion["weight"] == come_back["weight"]);
    CHECK(suggestion["minutes"] == come_back["minutes"]);
    CHECK(suggestion["weight"] == "0.5 kg");
    CHECK(findings[0]["advice"] ==
          "after pain, come back at the lightest weight and about 50% of the volume, then build up again: 0.5 kg for "
          "5 min");
}

TEST_CASE("issue 19 point 13: today names only the planned sessions that would raise findings") {
    ScratchDir home;
    write(home / "log.toml", block("2026-11-02", "walk", "weight = \"1 kg\"\nminutes = 10\n") +
                                 block("2026-11-04", "walk", "weight = \"1 kg\"\nminutes = 10\n") +
                                 "\n[[planned]]\ndate = 2026-11-06\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\n"
                                 "\n[[planned]]\ndate = 2026-11-06\nactivity = \"side-leg-lift\"\nweight = \"3 kg\"\n"
                                 "sets = 1\nreps = 10\n");
    const Result r = run(home, {"-f", "log.toml", "today", "--date", "2026-11-06"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("\nDone as planned, side-leg-lift would raise in check:\n") != std::string::npos);
    CHECK(r.out.find("walk and side-leg-lift would raise") == std::string::npos);
}

TEST_CASE("issue 19 point 8: a plan saved before a rest for pain is not offered as clean") {
    ScratchDir home;
    write(home / "log.toml", pain_days("\n# anklog plan for the week of 2026-11-16\n\n[[planned]]\ndate = 2026-11-16\n"
                                       "activity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\n"));
    const Result r = run(home, {"-f", "log.toml", "today", "--date", "2026-11-16"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("raise no finding") == std::string::npos);
    CHECK(r.out.find("\nThe plan for this day was saved before the rest: leave the weights off until 2026-11-27.\n") !=
          std::string::npos);
}

TEST_CASE("issue 19 point 9: the report's first lines are the standing, and adherence is no good news over danger") {
    ScratchDir home;
    write(home / "log.toml", example("clients/bo.toml"));
    const Result r = run(home, {"-f", "log.toml", "report", "--until", "2026-11-29"});
    CHECK(r.exit_code == 0);
    const auto standing = r.out.find("<p class=\"standing\"><b>Where things stand on 2026-11-29:</b> danger: resting "
                                     "after pain on 4 of the last 5 training days");
    CHECK(standing != std::string::npos);
    CHECK(standing < r.out.find("<section"));
    CHECK(r.out.find("on track") == std::string::npos);
}

namespace {

// Two walks with a pain check (no workout) after each.
const std::string with_pain_checks = "[profile]\nunits = \"kg\"\n" +
                                     block("2026-11-02", "walk", "weight = \"1 kg\"\nminutes = 10\npain = 4\n") +
                                     "\n[[pain]]\ndate = 2026-11-03\npain = 1\nnote = \"knee, \\\"fine\\\"\"\n" +
                                     block("2026-11-04", "walk", "weight = \"1 kg\"\nminutes = 10\n") +
                                     "\n[[pain]]\ndate = 2026-11-05\npain = 0\n";

}  // namespace

TEST_CASE("issue 19 point 5: history --format json and csv carry the pain checks, as text does") {
    ScratchDir home;
    write(home / "log.toml", with_pain_checks);
    const auto json = json_of(run(home, {"-f", "log.toml", "history", "--format", "json"}).out);
    CHECK(json["pain_checks"] == json_of(R"json([
      {"line": 11, "date": "2026-11-03", "pain": 1, "note": "knee, \"fine\""},
      {"line": 22, "date": "2026-11-05", "pain": 0, "note": null}])json"));
    CHECK(json["sessions"].size() == 2);
    // A row of kind pain-check each, in date order among the sessions.
    CHECK(run(home, {"-f", "log.toml", "history", "--format", "csv"}).out ==
          "date,activity,kind,on,weight,weight_kg,weight_lb,minutes,sets,reps,effort,pain,srpe_load,note,line\r\n"
          "2026-11-02,walk,gait,ankle,1 kg,1,2.205,10,,,,4,,,4\r\n"
          "2026-11-03,,pain-check,,,,,,,,,1,,\"knee, \"\"fine\"\"\",11\r\n"
          "2026-11-04,walk,gait,ankle,1 kg,1,2.205,10,,,,,,,16\r\n"
          "2026-11-05,,pain-check,,,,,,,,,0,,,22\r\n");
    CHECK(run(home, {"-f", "log.toml", "history", "--format", "csv", "--planned", "--since", "2026-11-04"}).out ==
          "date,activity,kind,on,weight,weight_kg,weight_lb,minutes,sets,reps,effort,pain,srpe_load,note,line,plan\r\n"
          "2026-11-04,walk,gait,ankle,1 kg,1,2.205,10,,,,,,,16,\r\n"
          "2026-11-05,,pain-check,,,,,,,,,0,,,22,\r\n");
    // The same dates as the sessions; none for a history of chosen activities.
    CHECK(json_of(run(home, {"-f", "log.toml", "history", "--format", "json", "--until", "2026-11-04"}).out)["pain_checks"]
              .size() == 1);
    CHECK(json_of(run(home, {"-f", "log.toml", "history", "--format", "json", "--activity", "walk"}).out)["pain_checks"] ==
          json_of("[]"));
    CHECK(run(home, {"-f", "log.toml", "history", "--format", "csv", "--activity", "walk"}).out.find("pain-check") ==
          std::string::npos);
}

TEST_CASE("issue 19: today says where a person coming back after a break stands") {
    ScratchDir home;
    write(home / "log.toml", "[profile]\nunits = \"kg\"\n" +
                                 block("2026-11-02", "walk", "weight = \"1 kg\"\nminutes = 20\n") +
                                 block("2026-11-04", "pilates", "minutes = 40\n") +
                                 block("2026-11-06", "walk", "weight = \"1 kg\"\nminutes = 20\n"));
    const Result back = run(home, {"-f", "log.toml", "today", "--date", "2026-11-27"});
    CHECK(back.exit_code == 0);
    CHECK(back.out ==
          "Fri 2026-11-27, from log.toml: 0 planned, 0 done\n"
          "Where you stand on 2026-11-27: coming back after 21 days away (the last session on 2026-11-06): about "
          "half your last volume, then build up\n"
          "\nNothing is planned for this day. 'anklog plan --save' plans and saves a week.\n");
    // 13 days away is no break: nothing to say.
    CHECK(run(home, {"-f", "log.toml", "today", "--date", "2026-11-19"}).out.find("Where you stand") ==
          std::string::npos);
}

TEST_CASE("tester: a wrist walk that started heavier than start-light accepts is repeated, not raised, for two weeks") {
    ScratchDir home;
    write(home / "log.toml", "[profile]\nunits = \"lb\"\n" +
                                 block("2026-11-23", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 24\n") +
                                 block("2026-11-25", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 26\n"));
    const Result check = run(home, {"-f", "log.toml", "check"});
    CHECK(check.out.find("warning[start-light]: first walk with weights on the wrists, on 2026-11-23, started heavier "
                         "and longer than a first session should\n") != std::string::npos);
    // Before: "progress +3 min (about 10%) from 3 lb on the wrists for 26 min"
    // beside check's "start light: 2 lb on the wrists for 10 min".
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30"});
    CHECK(plan.out.find("Mon 2026-11-30  walk      3 lb    26 min (wrists)  repeat     the first walk with weights on "
                        "the wrists (2026-11-23) started heavier and longer than a first session should (start-light): "
                        "repeat 3 "
                        "lb on the wrists for 26 min on 2026-11-25, raise nothing until 2026-12-07\n") !=
          std::string::npos);
    CHECK(plan.out.find("progress") == std::string::npos);
    // Two weeks on, it builds again.
    CHECK(run(home, {"-f", "log.toml", "plan", "--week-of", "2026-12-07"}).out.find("progress   +2 min") !=
          std::string::npos);
}

TEST_CASE("tester: the plan's 'about 10%' never reads as a volume-spike over 10% when done") {
    ScratchDir home;
    // Built up from a first session within start-light (1 lb for 10 min).
    write(home / "log.toml", "[profile]\nunits = \"lb\"\n" +
                                 block("2026-10-26", "walk", "weight = \"1 lb\"\nminutes = 10\n") +
                                 block("2026-10-28", "walk", "weight = \"1 lb\"\nminutes = 15\n") +
                                 block("2026-10-30", "walk", "weight = \"1 lb\"\nminutes = 20\n") +
                                 block("2026-11-02", "walk", "weight = \"1 lb\"\nminutes = 24\n") +
                                 block("2026-11-04", "walk", "weight = \"1 lb\"\nminutes = 26\n") +
                                 block("2026-11-06", "walk", "weight = \"1 lb\"\nminutes = 26\n"));
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-09", "--save"});
    // Before: +3 min (29 min, 11.5%) and today's "would raise note[volume-spike]: 12% longer".
    CHECK(plan.out.find("Mon 2026-11-09  walk      1 lb    28 min  progress   +2 min (about 10%) from 1 lb for 26 "
                        "min\n") != std::string::npos);
    const Result today = run(home, {"-f", "log.toml", "today", "--date", "2026-11-09"});
    CHECK(today.out.find("Done as planned, walk raises no finding in check.\n") != std::string::npos);
}
