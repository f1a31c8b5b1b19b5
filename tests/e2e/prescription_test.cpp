// Issue 21 §1: a clinician's [[prescription]] in the client's log, written
// by `anklog prescribe`, read by plan, check and today. Through the binary.
#include <doctest/doctest.h>

#include <string>

#include "anklog/date.hpp"
#include "harness.hpp"

using namespace e2e;

namespace {

const std::string rx_log = R"([profile]
units = "kg"
weights = ["0.5 kg", "1 kg", "1.5 kg"]

[[prescription]]
activity = "side-leg-lift"
days = 3
sets = [2, 3]
reps = [10, 15]
weight = ["0.5 kg", "1 kg"]
progress_when = { pain_at_most = 2, effort_at_most = 5, sessions = 2 }
)";

std::string session(const std::string& date, const std::string& activity, const std::string& body) {
    return "\n[[session]]\ndate = " + date + "\nactivity = \"" + activity + "\"\n" + body;
}

}  // namespace

TEST_CASE("prescribe appends a [[prescription]] block that undo removes, and --list shows those in force") {
    ScratchDir home;
    REQUIRE(run(home, {"-f", "log.toml", "-q", "init", "--weights", "0.5kg,1kg"}).exit_code == 0);
    const std::string before = read(home / "log.toml");
    const Result added = run(home, {"-f", "log.toml", "prescribe", "side-leg-lift", "--days", "3", "--sets", "2-3",
                                    "--reps", "10-15", "-w", "0.5kg-1kg", "--when", "pain<=2,effort<=5,sessions=2",
                                    "--note", "slow on the way down"});
    CHECK(added.exit_code == 0);
    CHECK(added.err == "");
    const std::string today = anklog::to_string(local_today());
    const std::string block =
        "[[prescription]]\nactivity = \"side-leg-lift\"\ndays = 3\nsets = [2, 3]\nreps = [10, 15]\n"
        "weight = [\"0.5 kg\", \"1 kg\"]\nfrom = " + today + "\nprogress_when = { pain_at_most = 2, effort_at_most = 5, sessions = 2 }\n"
        "note = \"slow on the way down\"\n";
    CHECK(added.out == "appended to log.toml:8\n\n" + block);
    CHECK(read(home / "log.toml") == before + "\n" + block);

    const Result later = run(home, {"-f", "log.toml", "-q", "prescribe", "walk", "--days", "2", "--minutes", "10-20",
                                    "-w", "0.5-1 kg", "--from", "2026-11-30"});
    CHECK(later.exit_code == 0);
    CHECK(later.out == "");
    const Result list = run(home, {"-f", "log.toml", "prescribe", "--list"});
    CHECK(list.exit_code == 0);
    CHECK(list.out == "Prescriptions in force on " + today +
                          ":\n\nside-leg-lift: 3 days a week, 2-3 x 10-15 at 0.5-1 kg on each ankle  (log.toml:8)\n"
                          "  from " + today + "\n  step up when pain <= 2, effort <= 5 on the last 2 sessions\n"
                          "  note: slow on the way down\n"
                          "\nwalk: 2 days a week, 10-20 min at 0.5-1 kg on each ankle  (log.toml:18)\n  from 2026-11-30\n");

    // undo takes the last one back, byte for byte.
    REQUIRE(run(home, {"-f", "log.toml", "-q", "undo", "--yes"}).exit_code == 0);
    CHECK(read(home / "log.toml") == before + "\n" + block);
}

TEST_CASE("prescribe refuses what is not a prescription, with the flag to fix, and leaves the log as it was") {
    ScratchDir home;
    write(home / "log.toml", rx_log);
    const auto refused = [&](const std::vector<std::string>& args) {
        std::vector<std::string> all{"-f", "log.toml", "prescribe"};
        all.insert(all.end(), args.begin(), args.end());
        const Result r = run(home, all);
        CHECK(r.exit_code == 2);
        CHECK(read(home / "log.toml") == rx_log);
        return r.err;
    };
    CHECK(refused({"walk", "--days", "3", "--sets", "2-3"}) ==
          "anklog: error: --sets: walk is timed (gait); it has no sets or reps\n"
          "  help: prescribe minutes instead, e.g. --minutes 10-20\n");
    CHECK(refused({"walk", "--days", "3", "--minutes", "20-10"}) ==
          "anklog: error: --minutes: the minutes range runs backwards: 20 to 10\n"
          "  help: write the lower number first, e.g. --minutes 10-20\n");
    CHECK(refused({"walk", "--days", "3", "--minutes", "10-20", "--when", "pain<3"}) ==
          "anklog: error: --when: \"pain<3\" is not a criterion\n"
          "  help: write e.g. --when \"pain<=2,effort<=5,sessions=2\" (pain or effort at least)\n");
    CHECK(refused({"walk", "--minutes", "10-20"}) ==
          "anklog: error: --days: no days per week given\n  help: add e.g. --days 3\n");
}

TEST_CASE("a [[prescription]] with a mistake is a located error with advice") {
    ScratchDir home;
    std::string text = rx_log;
    text.replace(text.find("reps = [10, 15]"), 15, "reps = [15, 10]");
    write(home / "log.toml", text);
    const Result r = run(home, {"-f", "log.toml", "check"});
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "anklog: error: log.toml:9:8: the reps range runs backwards: 15 to 10\n"
          "  help: write the lower number first, e.g. reps = [10, 15]\n");
}

TEST_CASE("check flags a session above the prescription, with the prescription's line as the source") {
    ScratchDir home;
    write(home / "log.toml", rx_log + session("2026-11-02", "side-leg-lift", "weight = \"0.5 kg\"\nsets = 2\nreps = 10\n") +
                                 session("2026-11-04", "side-leg-lift", "weight = \"1 kg\"\nsets = 3\nreps = 16\n") +
                                 session("2026-11-06", "walk", "weight = \"0.5 kg\"\nminutes = 10\n"));
    const Result r = run(home, {"-f", "log.toml", "check", "--fail-on", "danger"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("log.toml:20: warning[prescription]: side-leg-lift on 2026-11-04 went above the prescription\n"
                     "  = reps 16 > 15 (prescribed 2-3 x 10-15 at 0.5-1 kg)\n"
                     "  = stay inside the prescription: 2-3 x 10-15 at 0.5-1 kg, or ask your clinician for a new one  "
                     "(source: prescription at log.toml:5)\n") != std::string::npos);
    CHECK(r.out.find("log.toml:27: note[prescription]: walk on 2026-11-06 is not in the prescription in force\n"
                     "  = a weighted walk while the prescription names only side-leg-lift\n"
                     "  = ask your clinician before adding weighted work they did not prescribe  "
                     "(source: prescription at log.toml:5)\n") != std::string::npos);
    const Result json = run(home, {"-f", "log.toml", "check", "--format", "json", "--fail-on", "danger"});
    const auto doc = json_of(json.out);
    bool found = false;
    for (const auto& f : doc["findings"]) {
        if (f["rule"] == "prescription" && f["severity"] == "warning") {
            found = true;
            CHECK(f["source"] == "prescription at log.toml:5");
            CHECK(f["evidence"]["reps"] == 16);
            CHECK(f["evidence"]["prescription_line"] == 5);
        }
    }
    CHECK(found);
    const Result rules = run(home, {"rules", "prescription"});
    CHECK(rules.exit_code == 0);
    CHECK(rules.out.find("the more protective wins") != std::string::npos);
}

TEST_CASE("today shows the prescribed dose") {
    ScratchDir home;
    write(home / "log.toml", rx_log);
    const Result r = run(home, {"-f", "log.toml", "today", "--date", "2026-11-30"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("\nPrescribed:\n  side-leg-lift  2-3 x 10-15 at 0.5-1 kg on each ankle, 3 days a week  (log.toml:5)\n") !=
          std::string::npos);
}

TEST_CASE("plan plans inside the prescription: its activities, its days, the bottom first, a step only when the criterion allows") {
    ScratchDir home;
    write(home / "log.toml", rx_log + session("2026-11-16", "walk", "minutes = 20\n"));
    const Result first = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23", "--format", "json"});
    REQUIRE(first.exit_code == 0);
    const auto week = json_of(first.out);
    REQUIRE(week["sessions"].size() == 3);
    for (const auto& s : week["sessions"]) {
        CHECK(s["activity"] == "side-leg-lift");
        CHECK(s["weight"] == "0.5 kg");
        CHECK(s["reps"] == 10);
        CHECK(s["reason"].get<std::string>().starts_with(
            "prescribed 2-3 x 10-15 at 0.5-1 kg (prescription at log.toml:5): the bottom of each range to start"));
    }
    // The bottom of the range, except where start-light (more protective) eases the very first session.
    CHECK(week["sessions"][0]["sets"] == 1);
    CHECK(week["sessions"][0]["label"] == "eased");
    CHECK(week["sessions"][1]["sets"] == 2);
    CHECK(week["sessions"][2]["sets"] == 2);
    // Done as planned with effort 6: the criterion (effort <= 5) does not allow a step.
    std::string text = rx_log;
    for (const char* date : {"2026-11-23", "2026-11-25", "2026-11-27"}) {
        text += session(date, "side-leg-lift", "weight = \"0.5 kg\"\nsets = 2\nreps = 10\neffort = 6\npain = 0\n");
    }
    write(home / "log.toml", text);
    const Result held = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30", "--format", "json"});
    REQUIRE(held.exit_code == 0);
    for (const auto& s : json_of(held.out)["sessions"]) {
        CHECK(s["reps"] == 10);
        CHECK(s["sets"] == 2);
        CHECK(s["reason"].get<std::string>() ==
              "prescribed 2-3 x 10-15 at 0.5-1 kg (prescription at log.toml:5): repeat until pain <= 2, effort <= 5 on "
              "the last 2 sessions");
    }
    // With effort 4 the criterion allows a step, and anklog's rules take one: a rep.
    std::string easy = text;
    for (std::size_t at = easy.find("effort = 6"); at != std::string::npos; at = easy.find("effort = 6", at)) {
        easy.replace(at, 10, "effort = 4");
    }
    write(home / "easy.toml", easy);
    const Result step = run(home, {"-f", "easy.toml", "plan", "--week-of", "2026-11-30", "--format", "json"});
    REQUIRE(step.exit_code == 0);
    for (const auto& s : json_of(step.out)["sessions"]) {
        CHECK(s["reps"] == 11);
        CHECK(s["reason"] ==
              "prescribed 2-3 x 10-15 at 0.5-1 kg (prescription at log.toml:5); +1 rep from 0.5 kg for 2 x 10");
    }
    // The plan law holds: the planned week, done, raises nothing at warning or above.
    const Result saved = run(home, {"-f", "log.toml", "-q", "plan", "--week-of", "2026-11-30", "--save"});
    REQUIRE(saved.exit_code == 0);
    std::string done = read(home / "log.toml");
    for (std::size_t at = done.find("[[planned]]"); at != std::string::npos; at = done.find("[[planned]]", at)) {
        done.replace(at, 11, "[[session]]");
    }
    write(home / "log.toml", done);
    const Result law = run(home, {"-f", "log.toml", "check", "--since", "2026-11-30"});
    CHECK(law.exit_code == 0);
    CHECK(law.out == "log.toml: 3 sessions checked since 2026-11-30: nothing to flag\n");
}

TEST_CASE("the review and the report show adherence to the prescription, week by week") {
    ScratchDir home;
    write(home / "log.toml", rx_log + session("2026-11-02", "side-leg-lift", "weight = \"0.5 kg\"\nsets = 2\nreps = 10\n") +
                                 session("2026-11-04", "side-leg-lift", "weight = \"1 kg\"\nsets = 3\nreps = 16\n"));
    write(home / "other.toml", "[profile]\nunits = \"kg\"\n");
    const Result review = run(home, {"check", "log.toml", "other.toml", "--until", "2026-11-08"});
    CHECK(review.out.find("Adherence to the prescription:\n"
                          "  week of 2026-11-02  side-leg-lift 2/3 days, 1 session above a range  (log.toml:5)\n") !=
          std::string::npos);
    const Result json = run(home, {"check", "log.toml", "other.toml", "--until", "2026-11-08", "--format", "json"});
    bool found = false;
    for (const auto& doc : json_of(json.out)) {
        if (doc["file"] != "log.toml") continue;
        found = true;
        CHECK(doc["summary"]["prescription"] ==
              json_of(R"([{"week": "2026-11-02", "activity": "side-leg-lift", "line": 5, "days_done": 2,
                          "days_prescribed": 3, "sessions_above": 1,
                          "sessions_below": 0}])"));
    }
    CHECK(found);
    const Result report = run(home, {"-f", "log.toml", "report", "--until", "2026-11-08"});
    CHECK(report.exit_code == 0);
    CHECK(report.out.find("<h2>Prescription and adherence</h2>\n<ul>\n<li>side-leg-lift: 2-3 x 10-15 at 0.5-1 kg, 3 "
                          "days a week <span class=\"source\">(log.toml:5)</span></li>\n") != std::string::npos);
    CHECK(report.out.find("<tr class=\"prescribed\" data-week=\"2026-11-02\"><td>2026-11-02</td><td>side-leg-lift</td>"
                          "<td class=\"n\">2</td><td class=\"n\">3</td><td>1 session above a range</td></tr>") !=
          std::string::npos);
}

TEST_CASE("below the prescribed ranges, plan builds toward their bottom by anklog's steps and says so") {
    ScratchDir home;
    // One set of 10 before the clinician prescribed 2-3 sets: doubling at
    // once would be a volume spike, so anklog's own steps build toward it.
    write(home / "log.toml", rx_log + session("2026-11-16", "side-leg-lift",
                                              "weight = \"0.5 kg\"\nsets = 1\nreps = 10\npain = 0\neffort = 3\n"));
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23"});
    CHECK(plan.exit_code == 0);
    // Before: "repeat until pain <= 2, effort <= 5 on the last 2 sessions"
    // at 1 x 10, beside today's "Prescribed: 2-3 x 10-15".
    CHECK(plan.out.find("side-leg-lift  0.5 kg  1 x 11  progress   prescribed 2-3 x 10-15 at 0.5-1 kg (prescription "
                        "at log.toml:5): building toward it by anklog's steps (+1 rep from 0.5 kg for 1 x 10)\n") !=
          std::string::npos);
}

TEST_CASE("a prescription of the left side judges left and both-sides sessions, not the right side's") {
    ScratchDir home;
    std::string text = rx_log;
    text.replace(text.find("days = 3"), 8, "days = 3\nside = \"left\"");
    // Above the prescription's top (16 reps > 15) on each side: only the
    // left and the both-sides sessions are the prescription's business.
    write(home / "log.toml", text + session("2026-11-02", "side-leg-lift", "side = \"left\"\nweight = \"1 kg\"\nsets = 2\nreps = 16\n") +
                                 session("2026-11-04", "side-leg-lift", "side = \"right\"\nweight = \"1 kg\"\nsets = 2\nreps = 16\n") +
                                 session("2026-11-06", "side-leg-lift", "weight = \"1 kg\"\nsets = 2\nreps = 16\n"));
    const Result r = run(home, {"-f", "log.toml", "check", "--fail-on", "danger"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    // Before: the right side's 2 x 16 was flagged too (three warnings).
    CHECK(r.out.find("log.toml:14: warning[prescription]: side-leg-lift on 2026-11-02 went above the prescription\n") !=
          std::string::npos);
    CHECK(r.out.find("[prescription]: side-leg-lift on 2026-11-04") == std::string::npos);
    CHECK(r.out.find("log.toml:30: warning[prescription]: side-leg-lift on 2026-11-06 went above the prescription\n") !=
          std::string::npos);
    const auto doc = json_of(run(home, {"-f", "log.toml", "check", "--format", "json", "--fail-on", "danger"}).out);
    std::vector<std::string> dates;
    for (const auto& f : doc["findings"]) {
        if (f["rule"] == "prescription") dates.push_back(f["date"].get<std::string>());
    }
    CHECK(dates == std::vector<std::string>{"2026-11-02", "2026-11-06"});
}

TEST_CASE("in a review of several clients, findings and plan reasons name the prescription's file and line") {
    ScratchDir home;
    std::filesystem::create_directories(home / "clients");
    write(home / "clients/ann.toml", rx_log + session("2026-11-04", "side-leg-lift", "weight = \"1 kg\"\nsets = 3\nreps = 16\n"));
    write(home / "clients/bo.toml", rx_log + session("2026-11-05", "side-leg-lift", "weight = \"1 kg\"\nsets = 4\nreps = 10\n"));
    const Result review = run(home, {"check", "clients/ann.toml", "clients/bo.toml", "--until", "2026-11-08",
                                     "--fail-on", "danger"});
    // Before: "(source: prescription, line 5)" for both, or the file the
    // finding was in only as the line's prefix.
    CHECK(review.out.find("(source: prescription at clients/ann.toml:5)\n") != std::string::npos);
    CHECK(review.out.find("(source: prescription at clients/bo.toml:5)\n") != std::string::npos);
    const Result plan = run(home, {"-f", "clients/bo.toml", "plan", "--week-of", "2026-11-09"});
    CHECK(plan.exit_code == 0);
    CHECK(plan.out.find("prescribed 2-3 x 10-15 at 0.5-1 kg (prescription at clients/bo.toml:5)") != std::string::npos);
}

TEST_CASE("prescribed 3 days to a client used to 1: fewer days at the prescribed dose, and the rule that says why") {
    ScratchDir home;
    std::string log = rx_log;
    for (const char* date : {"2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"}) {
        log += session(date, "side-leg-lift", "weight = \"0.5 kg\"\nsets = 2\nreps = 10\npain = 0\neffort = 3\n");
    }
    write(home / "log.toml", log);
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30"});
    CAPTURE(plan.out);
    CHECK(plan.exit_code == 0);
    // Before: "2 x 2" and "without weights" beside 2 x 11, eased so that
    // load-ramp does not flag them, and a note blaming the usual number of
    // sessions a week (3, as prescribed).
    CHECK(plan.out.find(" x 2 ") == std::string::npos);
    CHECK(plan.out.find("eased") == std::string::npos);
    CHECK(plan.out.find("usual number") == std::string::npos);
    CHECK(plan.out.find("fewer days at the prescribed dose rather than a dose below its ranges") != std::string::npos);
    CHECK(plan.out.find("load-ramp would flag side-leg-lift on 2026-12-") != std::string::npos);
}
