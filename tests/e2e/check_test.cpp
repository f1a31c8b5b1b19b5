// anklog check and anklog rules, as a user runs them.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "anklog/rules.hpp"
#include "harness.hpp"

using namespace e2e;

namespace {

std::string example_path(const std::string& name) { return (source_dir() / "examples" / name).string(); }

const char* const small_log =
    "[[session]]\ndate = 2026-11-02\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\n"
    "[[session]]\ndate = 2026-11-04\nactivity = \"jog\"\nweight = \"0.5 kg\"\nminutes = 10\nnote = \"\\\"fast\\\"\"\n";

}  // namespace

TEST_CASE("check on a careful log: nothing to flag - exit 0") {
    ScratchDir home;
    for (const char* name : {"beginner-eight-weeks.toml", "knee-rehab.toml"}) {
        CAPTURE(name);
        const Result r = run(home, {"check", example_path(name), "--fail-on", "note"});
        CHECK(r.exit_code == 0);
        CHECK(r.err == "");
        CHECK(r.out.find(": nothing to flag\n") != std::string::npos);
    }
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    CHECK(run(home, {"-f", "log.toml", "check"}).out == "log.toml: 36 sessions checked: nothing to flag\n");
}

TEST_CASE("check reports like a compiler: file:line - severity[rule] - numbers - advice and source") {
    ScratchDir home;
    write(home / "log.toml", example("too-much-too-soon.toml"));
    const Result r = run(home, {"check", "log.toml", "--since", "2026-11-01"});
    CHECK(r.exit_code == 1);
    CHECK(r.err == "");
    // The standing follows the findings (its days count from today).
    const auto standing = r.out.find("Where you stand on ");
    REQUIRE(standing != std::string::npos);
    CHECK(r.out.substr(standing).find("danger: coming back after pain (the last painful day 2026-11-02, ") !=
          std::string::npos);
    CHECK(r.out.substr(0, standing) ==
          "log.toml:85: warning[over-range]: walk on 2026-11-02 used 2 kg per limb, heavier than weights for "
          "walking and other gait work should be\n"
          "  = 2 kg > 1.5 kg for gait activities\n"
          "  = stop training with weights and see a doctor or physiotherapist: pain that keeps coming back "
          "does not settle with rest alone  (source: A. Lee, physiotherapist; ACE; Browning et al. 2007)\n"
          "\n"
          "log.toml:85: danger[persistent-pain]: walk on 2026-11-02 made 3 of the last 5 training days painful "
          "(3/10 or more)\n"
          "  = highest pain of each of the last 5 training days: -, -, 4, 3, 3\n"
          "  = stop training with weights and see a doctor or physiotherapist: pain that keeps coming back "
          "does not settle with rest alone  (source: Ankle Weights 101, PowerRebound)\n"
          "\n"
          "log.toml:85: warning[return-after-break]: walk on 2026-11-02 came back after 16 days at the full "
          "load\n"
          "  = 2 kg 50 min on 2026-10-17 (the last session), now 2 kg 50 min\n"
          "  = stop training with weights and see a doctor or physiotherapist: pain that keeps coming back "
          "does not settle with rest alone  (source: Ankle Weights 101, PowerRebound)\n"
          "\n"
          "log.toml:94: warning[start-light]: first hike with weights on the ankles, on 2026-11-07, started "
          "longer than a first session should\n"
          "  = duration 150 min > 10 min (first weighted session of hike on the ankles)\n"
          "  = start light and build up one thing at a time: without weights for 150 min, after a rest day  "
          "(source: Ankle Weights 101, PowerRebound; A. Lee, physiotherapist)\n"
          "\n"
          "log.toml:94: warning[long-wear]: hike on 2026-11-07 took the day's time in weights to 150 min\n"
          "  = hike 150 min with weights > 120 min\n"
          "  = take the weights off after about 120 min in a day; don't wear them for hours: without weights for "
          "150 min, after a rest day  (source: Ankle Weights 101, PowerRebound)\n"
          "\n"
          "log.toml:94: warning[pain-hold]: hike on 2026-11-07 was done with weights during the rest after pain on "
          "3 of the last 5 training days\n"
          "  = the last painful day 2026-11-02: rest from weights until 2026-11-16\n"
          "  = rest from weights until 2026-11-16, and see a doctor or physiotherapist before training with weights "
          "again  (source: Silbernagel et al. 2007)\n"
          "\n"
          "log.toml: 2 sessions checked since 2026-11-01: 1 danger, 5 warnings\n");
}

TEST_CASE("check exit codes follow --fail-on") {
    ScratchDir home;
    const std::string bad = example_path("too-much-too-soon.toml");
    CHECK(run(home, {"check", bad}).exit_code == 1);
    CHECK(run(home, {"check", bad, "--fail-on", "danger"}).exit_code == 1);
    // No danger since 2026-11-03, but the standing is: pain on 3 of the
    // last 5 training days and no pain check since is never clean...
    CHECK(run(home, {"check", bad, "--since", "2026-11-03", "--fail-on", "danger"}).exit_code == 1);
    // ... until a pain check at 2/10 or less says it settled.
    write(home / "checked.toml", read(bad) + "\n[[pain]]\ndate = 2026-11-20\npain = 1\n");
    CHECK(run(home, {"check", "checked.toml", "--since", "2026-11-03", "--fail-on", "danger"}).exit_code == 0);
    CHECK(run(home, {"check", bad, "--since", "2026-11-03", "--fail-on", "warning"}).exit_code == 1);
    write(home / "notes.toml",
          "[[session]]\ndate = 2026-11-02\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\n"
          "[[session]]\ndate = 2026-11-04\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\n"
          "[[session]]\ndate = 2026-11-06\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 12\n");
    const Result note = run(home, {"check", "notes.toml"});
    CHECK(note.exit_code == 0);
    CHECK(note.out.find("note[volume-spike]") != std::string::npos);
    CHECK(note.out.find("notes.toml: 3 sessions checked: 1 note\n") != std::string::npos);
    CHECK(run(home, {"check", "notes.toml", "--fail-on", "note"}).exit_code == 1);
}

TEST_CASE("check --format json has the schema of the design") {
    ScratchDir home;
    write(home / "log.toml", small_log);
    const Result r = run(home, {"-f", "log.toml", "check", "--format", "json"});
    CHECK(r.exit_code == 1);
    CHECK(json_of(r.out) == json_of(R"json({
      "file": "log.toml",
      "findings": [
        {"rule": "ankle-weights-running", "severity": "warning", "date": "2026-11-04", "activity": "run", "line": 6,
         "message": "run on 2026-11-04 was done with weights on the ankles",
         "advice": "run without ankle weights: they change your stride and load the knees and hips; put them on the wrists, or use a weighted vest: without weights for 10 min",
         "source": "P. Di Lanzo; Ankle Weights 101, PowerRebound",
         "evidence": {"weight_kg": 0.5},
         "explanation": "0.5 kg per ankle while running",
         "suggestion": {"activity": "run", "on": "ankle", "weight": null, "minutes": 10}}
      ],
      "summary": {"sessions": 2, "note": 0, "warning": 1, "danger": 0},
      "standing": {"severity": null, "headline": "nothing needs attention", "short": "ok"}
    })json"));
    write(home / "clean.toml", "version = 1\n");
    CHECK(json_of(run(home, {"check", "clean.toml", "--format", "json"}).out) == json_of(R"json({
      "file": "clean.toml", "findings": [], "summary": {"sessions": 0, "note": 0, "warning": 0, "danger": 0},
      "standing": {"severity": null, "headline": "nothing logged yet", "short": "nothing logged"}
    })json"));
}

TEST_CASE("[rules] in the log switches a rule off or moves its threshold") {
    ScratchDir home;
    write(home / "log.toml", std::string("[rules]\noff = [\"ankle-weights-running\"]\n") + small_log);
    CHECK(run(home, {"check", "log.toml"}).out == "log.toml: 2 sessions checked: nothing to flag\n");
    write(home / "log.toml", std::string("[rules.start-light]\nmax_minutes = 5\n") + small_log);
    const Result r = run(home, {"check", "log.toml"});
    CHECK(r.out.find("warning[start-light]: first walk with weights on the ankles, on 2026-11-02") != std::string::npos);
    CHECK(r.out.find("= duration 10 min > 5 min") != std::string::npos);
    write(home / "log.toml", std::string("[rules.start-light]\nmax_minuts = 5\n") + small_log);
    const Result bad = run(home, {"check", "log.toml"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "anklog: error: log.toml:2:1: rule 'start-light' has no threshold 'max_minuts'\n"
                     "  help: did you mean 'max_minutes'?\n");
}

TEST_CASE("check errors exit 2 with a located message") {
    ScratchDir home;
    write(home / "log.toml", "[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminuts = 15\n");
    const Result malformed = run(home, {"check", "log.toml"});
    CHECK(malformed.exit_code == 2);
    CHECK(malformed.err == "anklog: error: log.toml:4:1: unknown key 'minuts' in [[session]]\n  help: did you mean 'minutes'?\n");
    // An error stays on its two lines whatever text it quotes.
    write(home / "key.toml", "\"a\\nb\" = 1\n");
    CHECK(run(home, {"check", "key.toml"}).err ==
          "anklog: error: key.toml:1:1: unknown key 'a\\nb' at the top of the log\n"
          "  help: known keys here: version, profile, activities, rules, session, planned, pain, equipment, prescription\n");
    CHECK(run(home, {"check", "missing.toml"}).exit_code == 2);
    CHECK(run(home, {"check", "log.toml", "--fail-on", "never"}).exit_code == 2);
    CHECK(run(home, {"check", example_path("knee-rehab.toml"), "--since", "soon"}).err ==
          "anklog: error: --since: \"soon\" is not a date or a period\n"
          "  help: write YYYY-MM-DD, today, yesterday, a weekday (monday: the last one), last monday, next monday, or a "
          "time back: 7d, 2w, 3m or 1y\n");
}

TEST_CASE("rules lists every rule of the table - rules ID explains one - an unknown ID gets a suggestion") {
    ScratchDir home;
    const Result list = run(home, {"rules"});
    CHECK(list.exit_code == 0);
    for (const anklog::Rule& rule : anklog::rule_table()) {
        const std::string id(anklog::to_string(rule.id));
        CAPTURE(id);
        CHECK(list.out.find(fmt::format("{}  {}\n", id, rule.severity)) != std::string::npos);
        const Result one = run(home, {"rules", id});
        CHECK(one.exit_code == 0);
        CHECK(one.out.rfind(fmt::format("{} ({})\n", id, rule.severity), 0) == 0);
        for (const anklog::Threshold& t : rule.thresholds) CHECK(one.out.find(fmt::format("{} = {}", t.name, t.value)) != std::string::npos);
    }
    CHECK(run(home, {"rules", "weight-and-volume"}).out ==
          "weight-and-volume (warning)\n"
          "\n"
          "Fires when: weight raised and volume (minutes, or sets x reps) raised in the\n"
          "same session, both above the working level of the last 14 days.\n"
          "\n"
          "Judges: per load: each activity at each placement (ankles, wrists) on its own.\n"
          "\n"
          "Thresholds, with their defaults:\n"
          "  window_days = 14             days of history that set the working level\n"
          "\n"
          "Example: Walks at 1 kg for 20 min, then 1.5 kg for 30 min: weight and duration\n"
          "both went up. Keep 1.5 kg at 20 min, or 1 kg at 30 min.\n"
          "\n"
          "Source: Ankle Weights 101 (PowerRebound): \"avoid increasing weight and\n"
          "duration at the same time\"\n"
          "\n"
          "In the log, switch it off with\n"
          "  [rules]\n"
          "  off = [\"weight-and-volume\"]\n"
          "or change a threshold with\n"
          "  [rules.weight-and-volume]\n"
          "  window_days = 14\n");
    const Result unknown = run(home, {"rules", "monotny"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err == "anklog: error: unknown rule 'monotny'\n  help: did you mean 'monotony'?\n");
}

TEST_CASE("the man page's RULES section agrees with the rule table") {
    std::string man = read(source_dir() / "man/anklog.1");
    for (std::size_t at = man.find("\\-"); at != std::string::npos; at = man.find("\\-", at)) man.erase(at, 1);
    const auto rules_section = man.find(".SH RULES");
    REQUIRE(rules_section != std::string::npos);
    const std::string section = man.substr(rules_section, man.find("\n.SH ", rules_section + 1) - rules_section);
    for (const anklog::Rule& rule : anklog::rule_table()) {
        const std::string id(anklog::to_string(rule.id));
        CAPTURE(id);
        const auto at = section.find(fmt::format("\n.B {}\n", id));
        REQUIRE(at != std::string::npos);
        const std::string entry = section.substr(at, section.find("\n.TP", at + 1) - at);
        CHECK(entry.find(fmt::format("Severity: {}.", rule.severity)) != std::string::npos);
        std::string summary(rule.summary);
        summary[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(summary[0])));
        CHECK(entry.find(summary + ".") != std::string::npos);
        for (const anklog::Threshold& t : rule.thresholds) {
            CAPTURE(t.name);
            CHECK(entry.find(fmt::format("{} = {}", t.name, t.value)) != std::string::npos);
        }
        CHECK(entry.find(fmt::format("Source: {}", rule.cite)) != std::string::npos);
    }
}

TEST_CASE("rules --format json lists every rule with its thresholds - plan's policy is stated in rules") {
    ScratchDir home;
    const auto all = json_of(run(home, {"rules", "--format", "json"}).out);
    REQUIRE(all.size() == anklog::rule_table().size());
    CHECK(all[0]["id"] == "start-light");
    CHECK(all[0]["thresholds"][0] ==
          json_of(R"({"name": "max_kg", "default": 1.0, "meaning": "heaviest first weight per limb, kg", "min": 0.0,
                      "max": 20.0})"));
    CHECK(json_of(run(home, {"rules", "long-wear", "--format", "json"}).out)["summary"] ==
          "more than 120 weighted minutes in one day (all its sessions together)");
    const std::string text = run(home, {"rules"}).out;
    CHECK(text.find("How plan progresses\n  - volume rises about 10% a week (at least 1 min or rep) up to a cap: 30 min\n"
                    "    for gait work, 60 min for mobility classes, 3 x 15 for strength") != std::string::npos);
}

TEST_CASE("tester: load-ramp says when the weeks it compares are only those since a return after a break") {
    ScratchDir home;
    std::string text = "[profile]\nunits = \"kg\"\n";
    const auto walk = [&](const char* date, int minutes) {
        text += fmt::format("\n[[session]]\ndate = {}\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = {}\n", date,
                            minutes);
    };
    for (const char* date : {"2026-10-05", "2026-10-07", "2026-10-09", "2026-10-12", "2026-10-14", "2026-10-16"}) {
        walk(date, 20);
    }
    // Two weeks and more away, then back: 20 min the first week, 30 the next.
    walk("2026-11-02", 10);
    walk("2026-11-04", 10);
    walk("2026-11-09", 15);
    walk("2026-11-11", 15);
    write(home / "log.toml", text);
    const Result r = run(home, {"-f", "log.toml", "check", "--since", "2026-11-09"});
    CHECK(r.out.find("  = this week 30 min so far vs 20 min at most in the previous 4 weeks, counted from your return "
                     "on 2026-11-02 after a break (50% more)\n") != std::string::npos);
}
