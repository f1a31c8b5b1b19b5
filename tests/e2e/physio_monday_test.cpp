// Issue 21, a physiotherapist's Monday: the review leads with its table,
// prescribe's defaults (from today, the client's placement), the side and
// the written unit wherever a prescription shows, and the client's handout
// (plan's week, plain words, the clinician's note). Through the binary.
#include <doctest/doctest.h>

#include <string>

#include "anklog/date.hpp"
#include "harness.hpp"

using namespace e2e;

namespace {

std::string session(const std::string& date, const std::string& activity, const std::string& body) {
    return "\n[[session]]\ndate = " + date + "\nactivity = \"" + activity + "\"\n" + body;
}

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

// A client prescribed side-leg-lift (by hand, without dates: the whole log)
// who did it twice in the week of 11-16, once with one set against 2-3 in
// the week of 11-23, and not at all in the weeks of 11-02 and 11-09.
const std::string rx_client = std::string(R"([profile]
name = "Fay"
units = "kg"
weights = ["0.5 kg", "1 kg"]

[[prescription]]
activity = "side-leg-lift"
days = 3
sets = [2, 3]
reps = [10, 15]
weight = ["0.5 kg", "1 kg"]
)") + session("2026-10-28", "walk", "minutes = 20\n") +
                              session("2026-11-16", "side-leg-lift", "weight = \"0.5 kg\"\nsets = 2\nreps = 10\n") +
                              session("2026-11-18", "side-leg-lift", "weight = \"0.5 kg\"\nsets = 2\nreps = 10\n") +
                              session("2026-11-24", "side-leg-lift", "weight = \"0.5 kg\"\nsets = 1\nreps = 10\n");

}  // namespace

TEST_CASE("the review prints its table first, with the days prescribed done, then the findings") {
    ScratchDir home;
    write(home / "fay.toml", rx_client);
    write(home / "gus.toml", "[profile]\nname = \"Gus\"\nunits = \"kg\"\n" +
                                 session("2026-11-20", "walk", "weight = \"1 kg\"\nminutes = 20\npain = 0\n"));
    const Result r = run(home, {"check", "fay.toml", "gus.toml", "--since", "2026-11-16", "--until", "2026-11-29"});
    CHECK(r.exit_code == 1);
    // Before: each log's findings first, the table last, without the days prescribed.
    CHECK(r.out ==
          "Review of 2 logs from 2026-11-16 to 2026-11-29\n"
          "log  sessions  last session  days since  danger  warning  note  pain (14d)  prescribed\n"
          "Fay         3  2026-11-24             5       0        1     0           -    3/6 days\n"
          "  standing: ok\n"
          "Gus         1  2026-11-20             9       0        1     0        0/10           -\n"
          "  standing: ok\n"
          "\n"
          "Fay (fay.toml)\n"
          "\n"
          "fay.toml:18: warning[start-light]: first side-leg-lift with weights on the ankles, on 2026-11-16, started with more sets than a first session should\n"
          "  = 2 sets > 1 (first weighted session of side-leg-lift on the ankles)\n"
          "  = start light and build up one thing at a time: 0.5 kg for 1 x 10  (source: Ankle Weights 101, PowerRebound; A. Lee, physiotherapist)\n"
          "\n"
          "fay.toml: 3 sessions checked from 2026-11-16 to 2026-11-29: 1 warning\n"
          "\n"
          "Adherence to the prescription:\n"
          "  week of 2026-11-16  side-leg-lift 2/3 days, inside the ranges  (fay.toml:6)\n"
          "  week of 2026-11-23  side-leg-lift 1/3 days, 1 session below a range  (fay.toml:6)\n"
          "\n"
          "Gus (gus.toml)\n"
          "\n"
          "gus.toml:5: warning[start-light]: first walk with weights on the ankles, on 2026-11-20, started longer than a first session should\n"
          "  = duration 20 min > 10 min (first weighted session of walk on the ankles)\n"
          "  = start light and build up one thing at a time: 1 kg for 10 min  (source: Ankle Weights 101, PowerRebound; A. Lee, physiotherapist)\n"
          "\n"
          "gus.toml: 1 session checked from 2026-11-16 to 2026-11-29: 1 warning\n");
}

TEST_CASE("the review's JSON adherence covers the weeks of --since, not always four") {
    ScratchDir home;
    write(home / "fay.toml", rx_client);
    write(home / "gus.toml", "[profile]\nunits = \"kg\"\n");
    const Result json = run(home, {"check", "fay.toml", "gus.toml", "--since", "2026-11-23", "--until", "2026-11-29",
                                   "--format", "json"});
    bool found = false;
    for (const auto& doc : json_of(json.out)) {
        if (doc["file"] != "fay.toml") continue;
        found = true;
        // Before: the four weeks from 2026-11-02, with --since 2026-11-23.
        CHECK(doc["summary"]["prescription"] ==
              json_of(R"([{"week": "2026-11-23", "activity": "side-leg-lift", "line": 6, "days_done": 1,
                          "days_prescribed": 3, "sessions_above": 0, "sessions_below": 1}])"));
    }
    CHECK(found);
}

TEST_CASE("adherence: a week without a session is not inside the ranges, nor is one set against 2-3") {
    ScratchDir home;
    write(home / "fay.toml", rx_client);
    write(home / "gus.toml", "[profile]\nunits = \"kg\"\n");
    const Result r = run(home, {"check", "fay.toml", "gus.toml", "--until", "2026-11-29"});
    CHECK(has(r.out, "Adherence to the prescription:\n"
                     "  week of 2026-11-02  side-leg-lift 0/3 days, no session  (fay.toml:6)\n"
                     "  week of 2026-11-09  side-leg-lift 0/3 days, no session  (fay.toml:6)\n"
                     "  week of 2026-11-16  side-leg-lift 2/3 days, inside the ranges  (fay.toml:6)\n"
                     "  week of 2026-11-23  side-leg-lift 1/3 days, 1 session below a range  (fay.toml:6)\n"));
    const Result report = run(home, {"-f", "fay.toml", "report", "--until", "2026-11-29"});
    CHECK(has(report.out, "<td class=\"n\">0</td><td class=\"n\">3</td><td>no session</td></tr>"));
    CHECK(has(report.out, "<td class=\"n\">1</td><td class=\"n\">3</td><td>1 session below a range</td></tr>"));
}

TEST_CASE("prescribe holds from today unless --from says, and puts the weights where the client does the activity") {
    ScratchDir home;
    // Dee does pilates with wrist weights.
    write(home / "log.toml", "[profile]\nunits = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\"]\n" +
                                 session("2026-09-07", "pilates", "weight = \"0.5 kg\"\non = \"wrist\"\nminutes = 20\n") +
                                 session("2026-11-24", "pilates", "weight = \"0.5 kg\"\non = \"wrist\"\nminutes = 20\n"));
    const std::string before = read(home / "log.toml");
    const std::string today = anklog::to_string(local_today());
    const Result added =
        run(home, {"-f", "log.toml", "prescribe", "pilates", "--days", "3", "--minutes", "10-20", "-w", "0.5kg-1kg"});
    CHECK(added.exit_code == 0);
    const std::string block = "[[prescription]]\nactivity = \"pilates\"\ndays = 3\nweight = [\"0.5 kg\", \"1 kg\"]\n"
                              "minutes = [10, 20]\non = \"wrist\"\nfrom = " +
                              today + "\n";
    CHECK(read(home / "log.toml") == before + "\n" + block);
    // The weeks before it are not judged: adherence starts with its week
    // (before: the four weeks to today, as if it had always held).
    const Result check = run(home, {"-f", "log.toml", "check"});
    CHECK_FALSE(has(check.out, "[prescription]"));
    write(home / "other.toml", "[profile]\nunits = \"kg\"\n");
    const Result review = run(home, {"check", "log.toml", "other.toml", "--format", "json"});
    for (const auto& doc : json_of(review.out)) {
        if (doc["file"] != "log.toml") continue;
        const std::string monday = anklog::to_string(anklog::week_start(local_today()));
        CHECK(doc["summary"]["prescription"].size() == 1);
        for (const auto& week : doc["summary"]["prescription"]) CHECK(week["week"].get<std::string>() == monday);
    }
}

TEST_CASE("a prescription shows its side and the unit it was written in: --list, today, the handout") {
    ScratchDir home;
    REQUIRE(run(home, {"-f", "log.toml", "-q", "init", "--weights", "0.5kg,1kg"}).exit_code == 0);
    REQUIRE(run(home, {"-f", "log.toml", "-q", "prescribe", "side-leg-lift", "--days", "3", "--sets", "2-3", "--reps",
                       "10-15", "-w", "1lb-2lb", "--side", "left", "--from", "2026-11-30", "--note",
                       "slow on the way down"})
                .exit_code == 0);
    // Before: "at 0.45-0.91 kg", no side.
    const Result list = run(home, {"-f", "log.toml", "prescribe", "--list"});
    CHECK(list.out == "Prescriptions in force on " + anklog::to_string(local_today()) +
                          ":\n\nside-leg-lift: 3 days a week, 2-3 x 10-15 at 1-2 lb on the left ankle  (log.toml:8)\n"
                          "  from 2026-11-30\n  note: slow on the way down\n");
    const Result today = run(home, {"-f", "log.toml", "today", "--date", "2026-12-01"});
    CHECK(has(today.out, "\nPrescribed:\n  side-leg-lift  2-3 x 10-15 at 1-2 lb on the left ankle, 3 days a week  "
                         "(log.toml:8)\n"));
}

TEST_CASE("the handout: plan's week by default, which ankle, the clinician's note, plain words") {
    ScratchDir home;
    // A left-knee client: a left-only prescription with a note, and a saved
    // plan for the week of 2026-12-07 (left side).
    std::string log = std::string("[profile]\nname = \"Hal\"\nunits = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\"]\n\n"
                                  "[[prescription]]\nactivity = \"side-leg-lift\"\ndays = 1\nsets = [2, 3]\n"
                                  "reps = [10, 15]\nweight = [\"0.5 kg\", \"1 kg\"]\nside = \"left\"\n"
                                  "note = \"slow on the way down\"\n") +
                      session("2026-11-30", "side-leg-lift", "side = \"left\"\nweight = \"0.5 kg\"\nsets = 2\nreps = 10\n") +
                      "\n[[planned]]\ndate = 2026-12-08\nactivity = \"side-leg-lift\"\nside = \"left\"\n"
                      "weight = \"0.5 kg\"\nsets = 2\nreps = 10\n";
    write(home / "log.toml", log);
    const Result r = run(home, {"-f", "log.toml", "report", "--handout", "--week-of", "2026-12-07"});
    CHECK(r.exit_code == 0);
    // Before: "side-leg-lift", "0.5 kg" beside "A weight is for each ankle (or wrist).", no note.
    CHECK(has(r.out, "<td class=\"day\">Tue 8 Dec</td><td class=\"what\">side leg lift<span class=\"rxnote\">slow on "
                     "the way down</span></td><td class=\"weight\">0.5 kg on the left ankle</td>"));
    CHECK(has(r.out, "<p class=\"meta\">The plan saved in your log. Made on "));
    CHECK_FALSE(has(r.out, "A weight is for each ankle"));
}

TEST_CASE("the handout says what to do without the physiotherapist's words") {
    ScratchDir home;
    write(home / "log.toml", read(source_dir() / "examples/clients/cy.toml"));
    const Result r = run(home, {"-f", "log.toml", "report", "--handout", "--week-of", "2026-12-07"});
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "<p class=\"note standing\"><b>First:</b> coming back after pain (the last painful day "
                     "<span class=\"date\">2026-11-14</span>, "));
    CHECK(has(r.out, "no pain check since: check it first (score your pain from 0 to 10 and tell anklog: see below); "
                     "come back if it is 2/10 or less, else see a physiotherapist</p>"));
    CHECK(has(r.out, "<td class=\"weight\">2 lb on each ankle</td>"));
    for (const char* jargon : {"warning:", "danger:", "(anklog pain N)", ">side-leg-lift<"}) {
        CAPTURE(jargon);
        CHECK_FALSE(has(r.out, jargon));
    }
}

TEST_CASE("the handout shows the week plan shows by default, not this week") {
    ScratchDir home;
    // Cy's last session is on 2026-11-14: the planner could plan this week,
    // which the handout showed before; plan shows next week.
    write(home / "log.toml", read(source_dir() / "examples/clients/cy.toml"));
    const Result plan = run(home, {"-f", "log.toml", "plan", "--format", "json"});
    REQUIRE(plan.exit_code == 0);
    const std::string week_of = json_of(plan.out)["week_of"].get<std::string>();
    const Result handout = run(home, {"-f", "log.toml", "report", "--handout"});
    CHECK(handout.exit_code == 0);
    CHECK(has(handout.out, "<title>Your training: Cy, week of " + week_of + "</title>"));
}
