// anklog report --handout: the client's page. The week's doses are plan's,
// the pain rule is the log's own numbers, everything from the log is
// escaped, and the page is written where a report may be, and nowhere else.
#include <doctest/doctest.h>

#include <regex>
#include <sstream>

#include "harness.hpp"

using namespace e2e;

namespace {

void client(const ScratchDir& home, const std::string& name) {
    write(home / "log.toml", read(source_dir() / "examples/clients" / name));
}

std::vector<std::string> handout(const std::string& week_of, const std::vector<std::string>& more = {}) {
    std::vector<std::string> args{"-f", "log.toml", "report", "--handout", "--week-of", week_of};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

// The sessions of the handout as "date,weight,minutes,sets,reps", in order.
std::vector<std::string> handout_doses(const std::string& page) {
    static const std::regex row("<tr class=\"session\" data-date=\"([^\"]*)\" data-weight=\"([^\"]*)\" "
                                "data-minutes=\"([^\"]*)\" data-sets=\"([^\"]*)\" data-reps=\"([^\"]*)\">");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(page.begin(), page.end(), row); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        out.push_back(m[1].str() + "," + m[2].str() + "," + m[3].str() + "," + m[4].str() + "," + m[5].str());
    }
    return out;
}

// The same columns of `plan --format csv` (date, weight, minutes, sets, reps).
std::vector<std::string> plan_doses(const std::string& csv) {
    std::vector<std::string> out;
    std::istringstream lines(csv);
    std::string line;
    std::getline(lines, line);  // the header
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> cells;
        std::istringstream fields(line);
        for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
        REQUIRE(cells.size() >= 9);
        out.push_back(cells[0] + "," + cells[3] + "," + cells[6] + "," + cells[7] + "," + cells[8]);
    }
    return out;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

bool has(const std::string& page, const std::string& what) { return page.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("report --handout: the week day by day with plan's doses, the pain rule, how to log") {
    ScratchDir home;
    client(home, "ann.toml");
    const Result r = run(home, handout("2026-11-30", {"-o", "handout.html"}));
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "wrote handout.html: open it in a browser, or print it (A4)\n");
    CHECK(mode_of(home / "handout.html") == 0600);
    const std::string page = read(home / "handout.html");
    CHECK(page.starts_with("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"));
    CHECK(page.ends_with("</html>\n"));
    CHECK(has(page, "<h1>Ann: Mon 30 Nov to Sun 6 Dec</h1>"));
    CHECK(has(page, "The plan anklog makes from your log."));
    // Nothing to run, nothing to fetch.
    for (const char* outside : {"<script", "src=", "href=", "@import", "url(", "<link", "<iframe", "<img"}) {
        CAPTURE(outside);
        CHECK_FALSE(has(page, outside));
    }
    CHECK(count(page, "http") == count(page, "http://www.w3.org/"));
    // Seven days, each once: a session row's first cell, or a rest row.
    for (const char* day : {"Mon 30 Nov", "Tue 1 Dec", "Wed 2 Dec", "Thu 3 Dec", "Fri 4 Dec", "Sat 5 Dec",
                            "Sun 6 Dec"}) {
        CAPTURE(day);
        CHECK(count(page, std::string("<td class=\"day\">") + day + "</td>") == 1);
    }
    CHECK(count(page, "<tr class=\"rest\"") == 4);
    // The doses are the ones plan prints for that week, not derived again.
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30", "--format", "csv"});
    REQUIRE(plan.exit_code == 0);
    CHECK(handout_doses(page) == plan_doses(plan.out));
    CHECK(handout_doses(page).size() == 4);
    CHECK(has(page, "<td class=\"what\">side leg lift</td><td class=\"weight\">0.5 kg on each ankle</td>"
                    "<td class=\"dose\">2 sets of 13</td>"));
    CHECK(has(page, "<td class=\"what\">walk</td><td class=\"weight\">0.5 kg on each ankle</td><td class=\"dose\">25 "
                    "minutes</td>"));
    // The pain rule in plain words, with the default numbers.
    CHECK(has(page, "<tr data-pain=\"fine\"><td>0 to 2/10</td><td>Fine: train as planned.</td></tr>"));
    CHECK(has(page, "<tr data-pain=\"acceptable\"><td>3 to 5/10</td><td>Acceptable if it has settled by the next "
                    "morning. Do not add anything next time: do the same again until it is 2/10 or less. From 4/10: "
                    "take the weights off and rest for the day.</td></tr>"));
    CHECK(has(page, "<tr data-pain=\"stop\"><td>6 to 10/10</td><td>Stop."));
    CHECK(has(page, "<tr data-pain=\"morning\"><td>The next morning</td><td>Score it again. 2/10 or less: carry on. "
                    "Worse than the day before, or above 5/10: your next sessions will be lighter.</td></tr>"));
    CHECK(has(page, "Pain of 3/10 or more on 3 of your last 5 training days: stop training with weights"));
    // Where and how to log.
    CHECK(has(page, "<code>anklog done --pain 2</code>"));
    CHECK(has(page, "<code>anklog pain 1</code>"));
    CHECK(has(page, "Your log: log.toml."));
    // Nothing needs attention for Ann: no standing box.
    CHECK_FALSE(has(page, "class=\"note standing\""));
}

TEST_CASE("report --handout shows a week's saved plan as plan does, with what is done") {
    ScratchDir home;
    client(home, "ann.toml");
    const std::string page = run(home, handout("2026-11-23")).out;
    CHECK(has(page, "The plan saved in your log."));
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23", "--format", "csv"});
    CHECK(handout_doses(page) == plan_doses(plan.out));
    CHECK(count(page, "\u2713 done") == static_cast<std::size_t>(count(plan.out, ",yes\r\n")));
    CHECK(count(page, "\u2713 done") > 0);

    // plan --save for a new week: the handout shows the saved week.
    REQUIRE(run(home, {"-f", "log.toml", "plan", "--save", "--week-of", "2026-11-30", "--days", "2"}).exit_code == 0);
    const std::string saved = run(home, handout("2026-11-30")).out;
    CHECK(has(saved, "The plan saved in your log."));
    CHECK(handout_doses(saved) ==
          plan_doses(run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30", "--format", "csv"}).out));
    CHECK(handout_doses(saved) != handout_doses(page));
}

TEST_CASE("report --handout: next week by default, as plan - the week chosen with --week-of or an error") {
    ScratchDir home;
    client(home, "ann.toml");
    const std::string today = anklog::to_string(local_today());
    const Result by_default = run(home, {"-f", "log.toml", "report", "--handout"});
    CHECK(by_default.exit_code == 0);
    CHECK(by_default.out ==
          run(home, handout(anklog::to_string(anklog::add_days(anklog::week_start(local_today()), 7)))).out);

    write(home / "log.toml", "version = 1\n\n[[session]]\ndate = " + today +
                                 "\nactivity = \"walk\"\nweight = \"0.5 kg\"\nminutes = 10\n");
    const std::string next_monday = anklog::to_string(anklog::add_days(anklog::week_start(local_today()), 7));
    const Result next = run(home, {"-f", "log.toml", "report", "--handout"});
    CHECK(next.exit_code == 0);
    CHECK(next.out == run(home, handout(next_monday)).out);
    // A week chosen with --week-of is that week or an error.
    const Result chosen = run(home, handout(today));
    CHECK(chosen.exit_code == 2);
    CHECK(chosen.err.starts_with("anklog: error: --week-of: the log already has sessions in or after the week of "));
}

TEST_CASE("report --handout: the pain rule in the log's own numbers") {
    ScratchDir home;
    write(home / "log.toml",
          "version = 1\n\n[rules.pain]\nraised_after = 2\nwarning = 3\ndanger = 6\n\n[rules.persistent-pain]\n"
          "pain = 4\ncount = 2\nof_last = 4\n\n[[session]]\ndate = 2026-11-02\nactivity = \"walk\"\n"
          "weight = \"0.5 kg\"\nminutes = 10\npain = 0\n");
    const Result r = run(home, handout("2026-11-09"));
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "<tr data-pain=\"fine\"><td>0 to 1/10</td>"));
    CHECK(has(r.out, "<tr data-pain=\"acceptable\"><td>2 to 6/10</td><td>Acceptable if it has settled by the next "
                     "morning. Do not add anything next time: do the same again until it is 1/10 or less. From 3/10: "
                     "take the weights off and rest for the day.</td></tr>"));
    CHECK(has(r.out, "<tr data-pain=\"stop\"><td>7 to 10/10</td>"));
    CHECK(has(r.out, "Score it again. 1/10 or less: carry on. Worse than the day before, or above 6/10:"));
    CHECK(has(r.out, "Pain of 4/10 or more on 2 of your last 4 training days:"));
    CHECK_FALSE(has(r.out, "5/10"));
}

TEST_CASE("report --handout escapes what the log says: a name or activity cannot add markup") {
    ScratchDir home;
    write(home / "log.toml",
          "version = 1\n\n[profile]\nname = \"<script>x</script> \\u202e & 'q'\"\n\n[activities]\n"
          "\"<b>lift</b>&amp;\" = { kind = \"strength\", group = \"hips\" }\n\n[[session]]\ndate = 2026-11-02\n"
          "activity = \"<b>lift</b>&amp;\"\nweight = \"0.5 kg\"\nsets = 1\nreps = 10\npain = 1\n"
          "note = \"</td><script>alert(1)</script>\"\n");
    const Result r = run(home, handout("2026-11-09"));
    CHECK(r.exit_code == 0);
    CHECK_FALSE(has(r.out, "<script"));
    CHECK_FALSE(has(r.out, "<b>lift"));
    CHECK_FALSE(has(r.out, "\u202e"));
    CHECK(has(r.out, "<td class=\"what\">&lt;b&gt;lift&lt;/b&gt;&amp;amp;</td>"));
    CHECK(has(r.out, "<h1>&lt;script&gt;x&lt;/script&gt; "));
    CHECK(has(r.out, " &amp; &#39;q&#39;: Mon 9 Nov to Sun 15 Nov</h1>"));
}

TEST_CASE("report --handout -o refuses the log, a backup, the undo record and other files, and replaces its own") {
    ScratchDir home;
    client(home, "ann.toml");
    const std::string log = read(home / "log.toml");
    const auto refused = [&](const std::string& target, const std::string& message) {
        CAPTURE(target);
        const Result r = run(home, handout("2026-11-30", {"-o", target}));
        CHECK(r.exit_code == 2);
        CHECK(r.out == "");
        CHECK(r.err.starts_with("anklog: error: " + message));
        CHECK(read(home / "log.toml") == log);
    };
    refused("log.toml", "-o: log.toml looks like a log, not a report");
    write(home / "ann", log);
    refused("ann", "-o: ann holds an anklog log (");
    refused("log.toml.~1~", "-o: log.toml.~1~ is a numbered backup, which anklog never overwrites");
    refused(".log.toml.anklog-undo", "-o: .log.toml.anklog-undo is the undo record of a log");
    write(home / "notes.txt", "mine\n");
    refused("notes.txt", "-o: notes.txt exists and is not a report anklog wrote");
    CHECK(read(home / "notes.txt") == "mine\n");
    CHECK_FALSE(fs::exists(home / "log.toml.~1~"));

    // Its own handout, and a report, it replaces.
    REQUIRE(run(home, handout("2026-11-30", {"-o", "page.html"})).exit_code == 0);
    REQUIRE(run(home, handout("2026-11-23", {"-o", "page.html"})).exit_code == 0);
    CHECK(has(read(home / "page.html"), "The plan saved in your log."));
    REQUIRE(run(home, {"-f", "log.toml", "report", "--until", "2026-11-29", "-o", "page.html"}).exit_code == 0);
    REQUIRE(run(home, handout("2026-11-30", {"-o", "page.html"})).exit_code == 0);
    CHECK(mode_of(home / "page.html") == 0600);
}

TEST_CASE("report --handout shows one week: --since and --until are the report's, --week-of the handout's") {
    ScratchDir home;
    client(home, "ann.toml");
    const Result since = run(home, {"-f", "log.toml", "report", "--handout", "--since", "4w"});
    CHECK(since.exit_code == 2);
    CHECK(since.out == "");
    CHECK(since.err == "anklog: error: --since: a handout shows one week, not a period\n"
                       "  help: choose the handout's week with --week-of DATE, or leave --handout out for the report\n");
    const Result week_of = run(home, {"-f", "log.toml", "report", "--week-of", "2026-11-30"});
    CHECK(week_of.exit_code == 2);
    CHECK(week_of.err == "anklog: error: --week-of: only a handout shows one week\n"
                         "  help: add --handout for the client's page of that week, or choose the report's period "
                         "with --since and --until\n");
}

TEST_CASE("report --handout: danger first, where the client stands, as today says it") {
    ScratchDir home;
    // Pain on the last three training days: resting, danger, as of today.
    std::string log = "version = 1\n";
    for (int back = 3; back >= 1; --back) {
        log += "\n[[session]]\ndate = " + anklog::to_string(anklog::add_days(local_today(), -back)) +
               "\nactivity = \"walk\"\nweight = \"0.5 kg\"\nminutes = 10\npain = 4\n";
    }
    write(home / "log.toml", log);
    const std::string next_monday = anklog::to_string(anklog::add_days(anklog::week_start(local_today()), 7));
    const std::string page = run(home, handout(next_monday)).out;
    const std::size_t standing = page.find("<p class=\"note standing\"><b>First:</b> resting after pain");
    CHECK(standing != std::string::npos);
    CHECK(standing < page.find("<table class=\"week\">"));
    CHECK(count(page, "<tr class=\"rest\"") == 7);
    CHECK(has(page, "A rest week: no training with weights."));
    CHECK(run(home, {"-f", "log.toml", "today"}).out.find("Where you stand on " + anklog::to_string(local_today()) +
                                                          ": danger: resting after pain") != std::string::npos);
}
