// Issue 21, the last points of the physiotherapist's desk (task
// h21-finish): prescriptions of the left and the right side in force
// together, adherence of one side counting that side, the dose as the
// clinician wrote it in a pound log, activities no prescription covers named
// by plan, commands set as commands in the report, and the report's title
// without the clinician's folders. Through the binary.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "harness.hpp"

using namespace e2e;

namespace {

// A pound log; the clinician prescribed in kilograms, one prescription for
// each side of one activity; a squat no prescription covers.
const std::string two_sides = R"([profile]
name = "Di"
units = "lb"
weights = ["1 lb", "2 lb"]

[[prescription]]
activity = "side-leg-lift"
days = 2
sets = [2, 3]
reps = [10, 15]
weight = ["0.5 kg", "1 kg"]
side = "left"

[[prescription]]
activity = "side-leg-lift"
days = 2
sets = [1, 2]
reps = [8, 12]
weight = ["0.5 kg", "0.5 kg"]
side = "right"

[[session]]
date = 2026-11-02
activity = "side-leg-lift"
side = "left"
weight = "0.5 kg"
sets = 2
reps = 10

[[session]]
date = 2026-11-03
activity = "side-leg-lift"
side = "right"
weight = "0.5 kg"
sets = 1
reps = 13

[[session]]
date = 2026-11-04
activity = "squat"
weight = "1 lb"
sets = 2
reps = 10
)";

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("prescriptions of the left and the right side of one activity are in force together") {
    ScratchDir home;
    write(home / "log.toml", two_sides);
    // Before: the right side's prescription (later in the file) replaced the
    // left side's: --list, plan, today and the handout showed only the right.
    const Result list = run(home, {"-f", "log.toml", "prescribe", "--list"});
    CHECK(list.exit_code == 0);
    CHECK(has(list.out, ":\n\nside-leg-lift: 2 days a week, 2-3 x 10-15 at 0.5-1 kg on the left ankle  (log.toml:6)\n\n"
                        "side-leg-lift: 2 days a week, 1-2 x 8-12 at 0.5 kg on the right ankle  (log.toml:14)\n"));

    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-09"});
    CHECK(plan.exit_code == 0);
    CHECK(has(plan.out, "Mon 2026-11-09  side-leg-lift (left)   0.5 kg  2 x 10  repeat     prescribed 2-3 x 10-15 at "
                        "0.5-1 kg (prescription at log.toml:6); "));
    CHECK(has(plan.out, "\n                side-leg-lift (right)  0.5 kg  1 x 12  progress   prescribed 1-2 x 8-12 at "
                        "0.5 kg (prescription at log.toml:14); +1 rep from 0.5 kg on the right ankle for 1 x 13\n"));

    const Result today = run(home, {"-f", "log.toml", "today", "--date", "2026-11-09"});
    CHECK(has(today.out, "\nPrescribed:\n"
                         "  side-leg-lift  2-3 x 10-15 at 0.5-1 kg on the left ankle, 2 days a week  (log.toml:6)\n"
                         "  side-leg-lift  1-2 x 8-12 at 0.5 kg on the right ankle, 2 days a week  (log.toml:14)\n"));

    const Result handout = run(home, {"-f", "log.toml", "report", "--handout", "--week-of", "2026-11-09"});
    CHECK(handout.exit_code == 0);
    CHECK(has(handout.out, "<td class=\"day\">Mon 9 Nov</td><td class=\"what\">side leg lift</td><td class=\"weight\">"
                           "0.5 kg on the left ankle</td><td class=\"dose\">2 sets of 10</td>"));
    CHECK(has(handout.out, "<td class=\"day\"></td><td class=\"what\">side leg lift</td><td class=\"weight\">"
                           "0.5 kg on the right ankle</td><td class=\"dose\">1 set of 12</td>"));

    // check judges each side by its own prescription; the squat's note names
    // the activity once.
    const Result check = run(home, {"-f", "log.toml", "check", "--fail-on", "danger"});
    CHECK(check.exit_code == 0);
    CHECK(has(check.out, "log.toml:30: warning[prescription]: side-leg-lift on 2026-11-03 went above the prescription\n"
                         "  = reps 13 > 12 (prescribed 1-2 x 8-12 at 0.5 kg)\n"
                         "  = stay inside the prescription: 1-2 x 8-12 at 0.5 kg, or ask your clinician for a new one  "
                         "(source: prescription at log.toml:14)\n"));
    CHECK(!has(check.out, "[prescription]: side-leg-lift on 2026-11-02"));
    CHECK(has(check.out, "  = a weighted squat while the prescription names only side-leg-lift\n"));
}

TEST_CASE("a newer prescription of both sides replaces both one-side prescriptions from its first day") {
    ScratchDir home;
    write(home / "log.toml", two_sides + "\n[[prescription]]\nactivity = \"side-leg-lift\"\ndays = 3\nsets = [2, 3]\n"
                                         "reps = [10, 12]\nfrom = 2026-11-16\n");
    const Result before = run(home, {"-f", "log.toml", "today", "--date", "2026-11-15"});
    CHECK(has(before.out, "(log.toml:6)\n  side-leg-lift  1-2 x 8-12 at 0.5 kg on the right ankle, 2 days a week  "
                          "(log.toml:14)\n"));
    const Result after = run(home, {"-f", "log.toml", "today", "--date", "2026-11-16"});
    CHECK(has(after.out, "\nPrescribed:\n  side-leg-lift  2-3 x 10-12 on each ankle, 3 days a week  (log.toml:45)\n\n"));
}

TEST_CASE("adherence to a one-side prescription counts that side's sessions and both sides', in the review and the report") {
    ScratchDir home;
    write(home / "log.toml", two_sides);
    write(home / "other.toml", "[profile]\nunits = \"kg\"\n");
    // Before: each side's row counted the other side's session too (2/2 days,
    // the left "1 session below a range" for the right's 1 x 13).
    const Result review = run(home, {"check", "log.toml", "other.toml", "--until", "2026-11-08", "--fail-on", "danger"});
    CHECK(has(review.out, "Adherence to the prescription:\n"
                          "  week of 2026-11-02  side-leg-lift (left) 1/2 days, inside the ranges  (log.toml:6)\n"
                          "  week of 2026-11-02  side-leg-lift (right) 1/2 days, 1 session above a range  (log.toml:14)\n"));
    const Result report = run(home, {"-f", "log.toml", "report", "--until", "2026-11-08"});
    CHECK(report.exit_code == 0);
    CHECK(has(report.out,
              "<li>side-leg-lift (left): 2-3 x 10-15 at 0.5-1 kg, 2 days a week <span class=\"source\">(log.toml:6)</span></li>\n"
              "<li>side-leg-lift (right): 1-2 x 8-12 at 0.5 kg, 2 days a week <span class=\"source\">(log.toml:14)</span></li>\n"));
    CHECK(has(report.out, "<td>2026-11-02</td><td>side-leg-lift (left)</td><td class=\"n\">1</td><td class=\"n\">2</td>"
                          "<td>inside the ranges</td></tr>\n"));
    CHECK(has(report.out, "<td>2026-11-02</td><td>side-leg-lift (right)</td><td class=\"n\">1</td><td class=\"n\">2</td>"
                          "<td>1 session above a range</td></tr>\n"));

    // A both-sides session counts for a left prescription; a right one does not.
    ScratchDir one;
    write(one / "log.toml", R"([profile]
units = "kg"

[[prescription]]
activity = "glute-bridge"
days = 3
sets = [1, 2]
reps = [10, 12]
side = "left"
)" + std::string("\n[[session]]\ndate = 2026-11-02\nactivity = \"glute-bridge\"\nside = \"left\"\nsets = 1\nreps = 10\n"
                 "\n[[session]]\ndate = 2026-11-04\nactivity = \"glute-bridge\"\nside = \"right\"\nsets = 1\nreps = 10\n"
                 "\n[[session]]\ndate = 2026-11-06\nactivity = \"glute-bridge\"\nsets = 1\nreps = 10\n"));
    write(one / "other.toml", "[profile]\nunits = \"kg\"\n");
    const Result left = run(one, {"check", "log.toml", "other.toml", "--until", "2026-11-08", "--fail-on", "danger"});
    CHECK(has(left.out, "  week of 2026-11-02  glute-bridge (left) 2/3 days, inside the ranges  (log.toml:4)\n"));
}

TEST_CASE("in a pound log, a prescription in kilograms reads as the clinician wrote it: plan, check and report") {
    ScratchDir home;
    write(home / "log.toml", two_sides);
    // Before: "prescribed 2-3 x 10-15 at 1.1-2.2 lb" in plan's reasons, the
    // report's prescription and its plan table ("1.1 lb"), and check.
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-09"});
    CHECK(!has(plan.out, " lb"));
    const Result report = run(home, {"-f", "log.toml", "report", "--until", "2026-11-08"});
    CHECK(has(report.out, "<td>side-leg-lift (left)</td><td class=\"n nowrap\">0.5 kg</td><td class=\"n nowrap\">2 x 10</td>"
                          "<td class=\"why\">repeat: prescribed 2-3 x 10-15 at 0.5-1 kg (prescription at log.toml:6); "));
    CHECK(!has(report.out, "at 1.1"));  // the week table's heaviest stays in the log's pounds
}

TEST_CASE("plan names an activity the person logs that no prescription covers: not planned, and why") {
    ScratchDir home;
    write(home / "log.toml", two_sides);
    // Before: the squat dropped from the week without a word.
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-09"});
    CHECK(plan.exit_code == 0);
    CHECK(!has(plan.out, "squat  "));
    CHECK(has(plan.out, "\nnote: squat: not in the prescription, not planned (ask the clinician to prescribe it)\n"));
    const Result report = run(home, {"-f", "log.toml", "report", "--until", "2026-11-08"});
    CHECK(has(report.out,
              "<p class=\"note\">Note: squat: not in the prescription, not planned (ask the clinician to prescribe it)</p>\n"));
    // Without a prescription, nothing to say.
    ScratchDir plain;
    std::string text = two_sides;
    text.erase(text.find("[[prescription]]"), text.find("[[session]]") - text.find("[[prescription]]"));
    write(plain / "log.toml", text);
    CHECK(!has(run(plain, {"-f", "log.toml", "plan", "--week-of", "2026-11-09"}).out, "not in the prescription"));
}

TEST_CASE("the report sets a command as a command in its own type: 'anklog check', no backticks, no wide spaces") {
    ScratchDir home;
    write(home / "log.toml", "[profile]\nunits = \"kg\"\n\n[[session]]\ndate = 2026-11-02\nactivity = \"walk\"\n"
                             "weight = \"1 kg\"\nminutes = 20\npain = 6\n\n[[session]]\ndate = 2026-11-04\n"
                             "activity = \"walk\"\nweight = \"1 kg\"\nminutes = 20\npain = 6\n");
    const Result report = run(home, {"-f", "log.toml", "report", "--until", "2026-11-08"});
    CHECK(report.exit_code == 0);
    // Before: <code> in the browser's monospace, whose wide space read as
    // "anklog  check" on the printed page, and advice with `anklog pain N`
    // in literal backticks.
    CHECK(has(report.out, "\ncode { font-family: inherit; font-size: inherit; font-weight: bold; }\n"));
    CHECK(has(report.out, "<code>anklog pain N</code>"));
    const std::string body = report.out.substr(report.out.find("<body>"));
    CHECK(!has(body, "`"));
}

TEST_CASE("the report and the handout name the log by its file name, not the folders it is in") {
    ScratchDir home;
    std::filesystem::create_directories(home / "clients" / "2026");
    write(home / "clients/2026/cy.toml", "[profile]\nunits = \"kg\"\n\n[[session]]\ndate = 2026-11-02\n"
                                         "activity = \"walk\"\nweight = \"1 kg\"\nminutes = 20\n");
    const std::string path = (home / "clients/2026/cy.toml").string();
    // Before: "Training report: /tmp/.../clients/2026/cy.toml".
    const Result report = run(home, {"-f", path, "report", "--until", "2026-11-08"});
    CHECK(report.exit_code == 0);
    CHECK(has(report.out, "<title>Training report: cy.toml, 2026-11-02 to 2026-11-08</title>\n"));
    CHECK(has(report.out, "<h1>Training report: cy.toml</h1>\n"));
    CHECK(has(report.out, "(1 week) \u00b7 log cy.toml \u00b7 weights per limb in kg"));
    CHECK(!has(report.out, "clients/2026"));
    const Result handout = run(home, {"-f", path, "report", "--handout", "--week-of", "2026-11-09"});
    CHECK(has(handout.out, "<p>Your log: cy.toml. No computer at hand?"));
    CHECK(!has(handout.out, "clients/2026"));
}
