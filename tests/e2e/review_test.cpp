// anklog check FILE...: a physiotherapist's Monday review of several logs.
#include <doctest/doctest.h>

#include <algorithm>

#include "harness.hpp"

using namespace e2e;

namespace {

// The four client logs of examples/clients and a fifth that cannot be read.
void clients(const ScratchDir& home) {
    for (const char* name : {"ann.toml", "bo.toml", "cy.toml", "dee.toml"}) {
        write(home / name, read(source_dir() / "examples/clients" / name));
    }
    write(home / "eve.toml", "[[session]]\ndate = 2026-11-20\nactivity = \"walk\"\nminuts = 10\n");
}

const std::vector<std::string> five{"check", "ann.toml", "bo.toml", "cy.toml", "dee.toml", "eve.toml"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

}  // namespace

TEST_CASE("a review of five logs, one unreadable: every log reported, the error in its place, exit 2") {
    ScratchDir home;
    clients(home);
    const Result r = run(home, with(five, {"--since", "2026-11-16", "--until", "2026-11-29", "--min-severity", "danger"}));
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: eve.toml:4:1: unknown key 'minuts' in [[session]]\n  help: did you mean 'minutes'?\n");
    CHECK(r.out ==
          "Review of 5 logs from 2026-11-16 to 2026-11-29\n"
          "log       sessions  last session  days since  danger  pain (14d)\n"
          "eve.toml  cannot be read: unknown key 'minuts' in [[session]]\n"
          "Bo               6  2026-11-26             3       2        4/10\n"
          "  standing: resting after pain until 2026-12-10\n"
          "Cy               0  2026-11-14            15       0           -\n"
          "  standing: 15 days after pain, no pain check since\n"
          "Ann              7  2026-11-27             2       0        0/10\n"
          "  standing: ok\n"
          "dee.toml         4  2026-11-26             3       0        0/10\n"
          "  standing: ok\n"
          "\n"
          "Bo (bo.toml)\n"
          "\n"
          "bo.toml:390: danger[persistent-pain]: side-leg-lift on 2026-11-23 made 3 of the last 5 training days painful (3/10 or more)\n"
          "  = highest pain of each of the last 5 training days: 1, 1, 3, 3, 4\n"
          "  = stop training with weights and see a doctor or physiotherapist: pain that keeps coming back does not settle with rest alone  (source: Ankle Weights 101, PowerRebound)\n"
          "\n"
          "bo.toml:410: danger[persistent-pain]: walk on 2026-11-26 made 4 of the last 5 training days painful (3/10 or more)\n"
          "  = highest pain of each of the last 5 training days: 1, 3, 3, 4, 4\n"
          "  = stop training with weights and see a doctor or physiotherapist: pain that keeps coming back does not settle with rest alone  (source: Ankle Weights 101, PowerRebound)\n"
          "\n"
          "bo.toml: 6 sessions checked from 2026-11-16 to 2026-11-29: 2 danger (3 below --min-severity not shown)\n"
          "\n"
          "Where you stand on 2026-11-29: danger: resting after pain on 4 of the last 5 training days (the last on 2026-11-26), until 2026-12-10: see a doctor or physiotherapist before training with weights again\n"
          "\n"
          "Cy (cy.toml)\n"
          "cy.toml: 0 sessions checked from 2026-11-16 to 2026-11-29: nothing to flag\n"
          "\n"
          "Where you stand on 2026-11-29: danger: coming back after pain (the last painful day 2026-11-14, 15 days ago), no pain check since: check it first (anklog pain N); come back if it is 2/10 or less, else see a physiotherapist\n"
          "\n"
          "Ann (ann.toml)\n"
          "ann.toml: 7 sessions checked from 2026-11-16 to 2026-11-29: nothing to flag\n"
          "\n"
          "dee.toml\n"
          "dee.toml: 4 sessions checked from 2026-11-16 to 2026-11-29: nothing to flag\n");
    // A missing log and a folder are reported the same way.
    fs::create_directory(home / "clients");
    const Result missing = run(home, {"check", "ann.toml", "nope.toml", "clients", "--until", "2026-11-29"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("anklog: error: nope.toml: no such log file\n") == 0);
    CHECK(missing.err.find("anklog: error: clients: ") != std::string::npos);
    CHECK(missing.out.find("nope.toml  cannot be read: no such log file\n") != std::string::npos);
    CHECK(missing.out.find("Review of 3 logs to 2026-11-29\n") != std::string::npos);
}

TEST_CASE("a review exits 1 when a log has findings at or above --fail-on, shown or not, else 0") {
    ScratchDir home;
    clients(home);
    const std::vector<std::string> readable{"check", "ann.toml", "bo.toml", "cy.toml", "dee.toml", "--until",
                                            "2026-11-29"};
    CHECK(run(home, with(readable, {"--since", "2026-11-16"})).exit_code == 1);  // Bo: pain
    // Bo trained on through pain on 2026-11-26: danger again.
    CHECK(run(home, with(readable, {"--since", "2026-11-24", "--fail-on", "danger"})).exit_code == 1);
    // Nothing in the period, but Bo's standing is danger (resting after pain): never clean (issue 19 point 10).
    CHECK(run(home, with(readable, {"--since", "2026-11-27", "--fail-on", "danger"})).exit_code == 1);
    CHECK(run(home, with(readable, {"--since", "2026-11-16", "--fail-on", "danger"})).exit_code == 1);
    // Ann's notes are not shown with --min-severity warning, but --fail-on note still sees them.
    const Result hidden = run(home, {"check", "ann.toml", "dee.toml", "--min-severity", "warning", "--fail-on", "note",
                                     "--until", "2026-11-29"});
    CHECK(hidden.exit_code == 1);
    CHECK(hidden.out.find("note[") == std::string::npos);
    CHECK(hidden.out.find("log       sessions  last session  days since  danger  warning  pain (14d)\n"
                          "Ann             51  2026-11-27             2       0        0        0/10\n"
                          "  standing: ok\n") !=
          std::string::npos);
    CHECK(run(home, {"check", "ann.toml", "dee.toml", "--min-severity", "warning", "--fail-on", "warning"}).exit_code ==
          0);
}

TEST_CASE("a review in JSON: one object per file, as for one file, with the review's numbers and errors") {
    ScratchDir home;
    clients(home);
    const Result r = run(home, {"check", "cy.toml", "eve.toml", "--format", "json", "--until", "2026-11-29", "--since",
                                "2026-11-12", "--min-severity", "danger"});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: eve.toml:4:1: unknown key 'minuts' in [[session]]\n  help: did you mean 'minutes'?\n");
    const auto json = json_of(r.out);
    REQUIRE(json.is_array());
    REQUIRE(json.size() == 2);
    // In the review's order, as in the table: the log that cannot be read first.
    CHECK(json[1]["file"] == "cy.toml");
    CHECK(json[1]["name"] == "Cy");
    CHECK(json[1]["findings"].size() == 2);  // pain on 11-12, and again on 11-14
    CHECK(json[1]["findings"][0]["rule"] == "persistent-pain");
    CHECK(json[1]["findings"][0]["severity"] == "danger");
    CHECK(json[1]["summary"] == json_of(R"({"sessions": 2, "note": 0, "warning": 0, "danger": 2,
                                            "last_session": "2026-11-14", "days_since": 15, "recent_pain": null,
                                            "standing": {"severity": "danger",
                                                         "headline": "coming back after pain (the last painful day 2026-11-14, 15 days ago), no pain check since: check it first (anklog pain N); come back if it is 2/10 or less, else see a physiotherapist",
                                                         "short": "15 days after pain, no pain check since"},
                                            "prescription": []})"));
    CHECK(json[0] == json_of(R"({"file": "eve.toml", "error": {"message": "unknown key 'minuts' in [[session]]",
                                 "advice": "did you mean 'minutes'?", "where": "eve.toml:4:1"}})"));
}

TEST_CASE("one log is checked as before: no review table, the same JSON object") {
    ScratchDir home;
    clients(home);
    CHECK(run(home, {"check", "dee.toml", "--until", "2026-10-01", "--min-severity", "warning"}).out ==
          "dee.toml: 10 sessions checked until 2026-10-01: nothing to flag\n");
    const auto json = json_of(
        run(home, {"check", "dee.toml", "--format", "json", "--since", "2026-11-01", "--min-severity", "warning"}).out);
    CHECK(json == json_of(R"({"file": "dee.toml", "findings": [],
                              "summary": {"sessions": 8, "note": 0, "warning": 0, "danger": 0},
                              "standing": {"severity": null, "headline": "nothing needs attention",
                                           "short": "ok"}})"));
}

TEST_CASE("check \"\" is an error, not the default log") {
    ScratchDir home;
    clients(home);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"check", ""}, std::vector<std::string>{"check", "ann.toml", ""}}) {
        const Result r = run(home, args, Options{{{"ANKLOG_FILE", "ann.toml"}}, {}, {}, {}});
        CHECK(r.exit_code == 2);
        CHECK(r.out == "");
        CHECK(r.err == "anklog: error: FILE: the file name is empty\n"
                       "  help: name the log, e.g. anklog check log.toml, or leave FILE out to check your log\n");
    }
}

TEST_CASE("the review table names logs by file name, to fit 80 columns / by path when two share a name") {
    ScratchDir home;
    fs::create_directories(home / "monday/clients");
    fs::create_directories(home / "old");
    const std::string dee = read(source_dir() / "examples/clients/dee.toml");
    write(home / "monday/clients/dee.toml", dee);
    write(home / "monday/clients/eve.toml", dee);
    write(home / "old/dee.toml", dee);
    const Result r = run(home, {"check", "monday/clients/dee.toml", "monday/clients/eve.toml", "--until", "2026-11-29"});
    CHECK(r.out.find("\nlog       sessions  last session  days since  danger  warning  note  pain (14d)\n"
                     "dee.toml        26  2026-11-26             3       0        0     6        0/10\n"
                     "  standing: ok\n"
                     "eve.toml        26  2026-11-26             3       0        0     6        0/10\n"
                     "  standing: ok\n") != std::string::npos);
    const Result same = run(home, {"check", "monday/clients/dee.toml", "old/dee.toml", "--until", "2026-11-29"});
    CHECK(same.out.find("\nmonday/clients/dee.toml        26  2026-11-26") != std::string::npos);
    CHECK(same.out.find("\nold/dee.toml                   26  2026-11-26") != std::string::npos);
}

TEST_CASE("findings --min-severity leaves out are counted on the summary line, since --fail-on still sees them") {
    ScratchDir home;
    clients(home);
    const Result r = run(home, {"check", "ann.toml", "--min-severity", "warning", "--fail-on", "note"});
    CHECK(r.exit_code == 1);
    CHECK(r.out == "ann.toml (Ann): 51 sessions checked: nothing to flag (5 below --min-severity not shown)\n");
}

TEST_CASE("issue 19 point 10: the review lists who needs attention first, text and JSON alike") {
    ScratchDir home;
    clients(home);
    // Cat: pain 4/10 in a walk, a pain check of 3/10 the next morning: not
    // settled, the ankles held (a warning).
    write(home / "cat.toml", "[profile]\nname = \"Cat\"\n"
                             "\n[[session]]\ndate = 2026-11-23\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\n"
                             "\n[[session]]\ndate = 2026-11-25\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\n"
                             "\n[[session]]\ndate = 2026-11-27\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\n"
                             "pain = 4\n\n[[pain]]\ndate = 2026-11-28\npain = 3\n");
    // Bea: pain 4/10 in a walk in the period, settled at 0/10 since: a pain warning, nothing held.
    write(home / "bea.toml", "[profile]\nname = \"Bea\"\n"
                             "\n[[session]]\ndate = 2026-11-23\nactivity = \"walk\"\nminutes = 20\npain = 4\n"
                             "\n[[session]]\ndate = 2026-11-25\nactivity = \"walk\"\nminutes = 20\npain = 0\n"
                             "\n[[session]]\ndate = 2026-11-27\nactivity = \"walk\"\nminutes = 20\npain = 0\n");
    // Art: walked in October, nothing since: not logging.
    write(home / "art.toml", "[profile]\nname = \"Art\"\n"
                             "\n[[session]]\ndate = 2026-10-05\nactivity = \"walk\"\nminutes = 20\n"
                             "\n[[session]]\ndate = 2026-10-07\nactivity = \"walk\"\nminutes = 20\n");
    const std::vector<std::string> args{"check",  "dee.toml", "art.toml",   "bea.toml", "ann.toml",    "cat.toml",
                                        "cy.toml", "bo.toml", "--since", "2026-11-23", "--until", "2026-12-05",
                                        "--min-severity", "danger"};
    const Result r = run(home, args);
    CHECK(r.exit_code == 1);
    const std::size_t table = r.out.find("Review of 7 logs from 2026-11-23 to 2026-12-05\n");
    REQUIRE(table != std::string::npos);
    CHECK(table == 0);
    CHECK(r.out.substr(table).starts_with("Review of 7 logs from 2026-11-23 to 2026-12-05\n"
                                  "log       sessions  last session  days since  danger  pain (14d)\n"
                                  "Bo               3  2026-11-26             9       2        4/10\n"
                                  "  standing: resting after pain until 2026-12-10\n"
                                  "Cy               0  2026-11-14            21       0           -\n"
                                  "  standing: 21 days after pain, no pain check since\n"
                                  "Cat              3  2026-11-27             8       0        4/10\n"
                                  "  standing: pain 4/10 on 2026-11-27, not yet settled\n"
                                  "Bea              3  2026-11-27             8       0        4/10\n"
                                  "  standing: ok\n"
                                  "Art              0  2026-10-07            59       0           -\n"
                                  "  standing: ok\n"
                                  "Ann              4  2026-11-27             8       0        0/10\n"
                                  "  standing: ok\n"
                                  "dee.toml         2  2026-11-26             9       0        0/10\n"
                                  "  standing: ok\n\n"));
    // Within a group, by name; here each group is named against the
    // alphabet (Cy before Cat before Bea before Art before Ann), so that only
    // the groups explain the order.
    // Each log's findings come in the same order as the table.
    std::vector<std::size_t> headings;
    for (const char* heading : {"Bo (bo.toml)\n", "Cy (cy.toml)\n", "Cat (cat.toml)\n", "Bea (bea.toml)\n",
                                "Art (art.toml)\n", "Ann (ann.toml)\n", "\ndee.toml\n"}) {
        CAPTURE(heading);
        headings.push_back(r.out.find(heading));
        CHECK(headings.back() != std::string::npos);
    }
    CHECK(std::is_sorted(headings.begin(), headings.end()));
    const auto json = json_of(run(home, with(args, {"--format", "json"})).out);
    std::vector<std::string> files;
    for (const auto& document : json) files.push_back(document["file"]);
    CHECK(files == std::vector<std::string>{"bo.toml", "cy.toml", "cat.toml", "bea.toml", "art.toml", "ann.toml",
                                            "dee.toml"});
}

TEST_CASE("a client who stopped in danger with no pain check since fails --fail-on danger, in a review and alone") {
    // Cy's last two training days (2026-11-13, -14) were persistent-pain
    // dangers; no session and no pain check since. Three weeks later the
    // standing is "coming back after pain, check it first": the review
    // lists her with the dangers, and the exit code says the same.
    ScratchDir home;
    clients(home);
    const std::vector<std::string> period{"--since", "2026-11-21", "--until", "2026-12-05", "--fail-on", "danger"};
    CHECK(run(home, with({"check", "cy.toml", "ann.toml"}, period)).exit_code == 1);
    CHECK(run(home, with({"check", "cy.toml"}, period)).exit_code == 1);
    CHECK(run(home, with({"check", "ann.toml"}, period)).exit_code == 0);
    // A pain check at 1/10 answers the question: no longer failing at danger.
    CHECK(run(home, {"-f", "cy.toml", "pain", "1", "--date", "2026-12-04"}).exit_code == 0);
    CHECK(run(home, with({"check", "cy.toml"}, period)).exit_code == 0);
}
