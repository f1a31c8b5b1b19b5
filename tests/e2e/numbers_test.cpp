// Numbers as a reader and a program get them: no float noise in JSON or CSV
// (3 decimals at most, the precision anklog keeps), weights in pounds as
// numbers too, percentages rounded, no empty weeks before the first session,
// danger-level pain unlike a lesser one, and chart labels inside the chart.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "harness.hpp"

using namespace e2e;

namespace {

void client(const ScratchDir& home, const std::string& name) {
    write(home / "log.toml", read(source_dir() / "examples/clients" / name));
}

// The numbers in `text` with more than 3 decimals: "1.3607771100000001".
std::vector<std::string> noisy_numbers(const std::string& text) {
    static const std::regex noisy("[0-9]+\\.[0-9]{4,}");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), noisy); it != std::sregex_iterator(); ++it) {
        out.push_back(it->str());
    }
    return out;
}

// The numbers in JSON `text` (as anklog prints it: one value a line) written
// with a trailing zero after the point: "5.0", "0.50". A whole number is
// written "5", as in CSV and text.
std::vector<std::string> trailing_zeros(const std::string& text) {
    static const std::regex zero(" *(\"[^\"]*\": )?-?[0-9]+\\.[0-9]*0,?");
    std::vector<std::string> out;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        const std::string line = text.substr(at, end - at);
        if (std::regex_match(line, zero)) out.push_back(line);
        at = end + 1;
    }
    return out;
}

// How wide `text` is at 10 px in DejaVu Sans, the report's first font (its
// advance widths, in em); other characters count as the widest letter.
double dejavu_width(const std::string& text) {
    static const std::map<char, double> em{{'0', 0.636}, {'1', 0.636}, {'2', 0.636}, {'3', 0.636}, {'4', 0.636},
                                           {'5', 0.636}, {'6', 0.636}, {'7', 0.636}, {'8', 0.636}, {'9', 0.636},
                                           {' ', 0.318}, {'m', 0.974}, {'i', 0.278}, {'n', 0.634}, {'r', 0.411},
                                           {'e', 0.615}, {'p', 0.635}, {'s', 0.521}};
    double width = 0;
    for (const char c : text) width += em.count(c) ? em.at(c) : 1.0;
    return width * 10;
}

}  // namespace

TEST_CASE("summary --format csv: weights to 3 decimals in kg and in lb, and no weeks before the first session") {
    ScratchDir home;
    client(home, "cy.toml");  // in pounds; her first session is on 2026-10-05
    const Result r = run(home, {"-f", "log.toml", "summary", "--until", "2026-11-29", "--format", "csv"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out ==
          "start,end,from,to,sessions,weighted_days,gait_minutes,mobility_minutes,strength_reps,heaviest,heaviest_kg,"
          "heaviest_lb,srpe_load,highest_pain,warnings,dangers,planned,done,planned_gait_minutes,"
          "planned_mobility_minutes,planned_strength_reps\r\n"
          "2026-10-05,2026-10-11,2026-10-05,2026-10-11,3,3,60,0,20,2 lb,0.907,2,300,0,2,0,0,0,0,0,0\r\n"
          "2026-10-12,2026-10-18,2026-10-12,2026-10-18,3,3,65,0,24,2 lb,0.907,2,360,0,0,0,0,0,0,0,0\r\n"
          "2026-10-19,2026-10-25,2026-10-19,2026-10-25,3,3,70,0,30,2 lb,0.907,2,420,1,0,0,0,0,0,0,0\r\n"
          "2026-10-26,2026-11-01,2026-10-26,2026-11-01,3,3,75,0,30,3 lb,1.361,3,490,1,0,0,0,0,0,0,0\r\n"
          "2026-11-02,2026-11-08,2026-11-02,2026-11-08,3,3,85,0,36,3 lb,1.361,3,595,2,0,0,0,0,0,0,0\r\n"
          "2026-11-09,2026-11-15,2026-11-09,2026-11-15,5,5,225,0,36,5 lb,2.268,5,1860,5,13,2,0,0,0,0,0\r\n"
          "2026-11-16,2026-11-22,2026-11-16,2026-11-22,0,0,0,0,0,,,,,,0,0,0,0,0,0,0\r\n"
          "2026-11-23,2026-11-29,2026-11-23,2026-11-29,0,0,0,0,0,,,,,,0,0,0,0,0,0,0\r\n");
}

TEST_CASE("summary and report start at the week (month) of the first session, whatever --since says") {
    ScratchDir home;
    client(home, "cy.toml");
    const Result text = run(home, {"-f", "log.toml", "summary", "--until", "2026-11-29"});
    CHECK(text.out.starts_with("Weekly summary of Cy (log.toml), 2026-10-05 to 2026-11-29\n"));
    CHECK(text.out.find("2026-09-28") == std::string::npos);
    const Result since = run(home, {"-f", "log.toml", "summary", "--since", "2026-01-01", "--until", "2026-11-29",
                                    "--format", "json"});
    const nlohmann::ordered_json summary = json_of(since.out);
    CHECK(summary["since"] == "2026-10-05");
    CHECK(summary["periods"].size() == 8);
    CHECK(summary["periods"][0]["start"] == "2026-10-05");
    const Result monthly = run(home, {"-f", "log.toml", "summary", "--monthly", "--until", "2026-11-29", "--format",
                                      "json"});
    CHECK(json_of(monthly.out)["periods"].size() == 2);  // October and November
    const Result report = run(home, {"-f", "log.toml", "report", "--until", "2026-11-29"});
    CHECK(report.out.find("<span class=\"date\">2026-10-05</span> to <span class=\"date\">2026-11-29</span> (8 weeks)") !=
          std::string::npos);
    CHECK(report.out.find("<tr><td>2026-09-28</td>") == std::string::npos);
    CHECK(report.out.find("<tr><td>2026-10-05</td>") != std::string::npos);
    // A period that ends before the first session is one empty week, not 12.
    const Result before = run(home, {"-f", "log.toml", "summary", "--until", "2026-09-30", "--format", "json"});
    CHECK(json_of(before.out)["periods"].size() == 1);
}

TEST_CASE("JSON carries weights in kg and lb to 3 decimals: summary and history of a log in pounds") {
    ScratchDir home;
    client(home, "cy.toml");
    const Result summary = run(home, {"-f", "log.toml", "summary", "--until", "2026-11-29", "--format", "json"});
    CHECK(summary.out.find("      \"heaviest\": \"3 lb\",\n      \"heaviest_kg\": 1.361,\n      \"heaviest_lb\": 3,\n") !=
          std::string::npos);
    const Result history = run(home, {"-f", "log.toml", "history", "--last", "1", "--format", "json"});
    CHECK(history.out.find("      \"weight\": \"5 lb\",\n      \"weight_kg\": 2.268,\n      \"weight_lb\": 5,\n") !=
          std::string::npos);
    const Result csv = run(home, {"-f", "log.toml", "history", "--last", "1", "--format", "csv"});
    CHECK(csv.out ==
          "date,activity,kind,on,weight,weight_kg,weight_lb,minutes,sets,reps,effort,pain,srpe_load,note,line\r\n"
          "2026-11-14,aerobics,gait,ankle,5 lb,2.268,5,60,,,9,5,540,sore shins,187\r\n");
    // A log in kilograms gets its pounds too.
    client(home, "bo.toml");
    const Result kg = run(home, {"-f", "log.toml", "history", "--last", "1", "--format", "csv"});
    CHECK(kg.out.find(",0.5 kg,0.5,1.102,") != std::string::npos);
}

TEST_CASE("history --format csv: a pain check's row has as many cells as the header") {
    ScratchDir home;
    client(home, "bo.toml");
    REQUIRE(run(home, {"-f", "log.toml", "pain", "2", "--date", "2026-11-27"}).exit_code == 0);
    const Result r = run(home, {"-f", "log.toml", "history", "--format", "csv"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find(",,pain-check,") != std::string::npos);
    std::size_t at = 0;
    const std::string first = r.out.substr(0, r.out.find('\n'));
    const auto header = std::count(first.begin(), first.end(), ',');
    for (std::size_t end = r.out.find('\n'); end != std::string::npos; at = end + 1, end = r.out.find('\n', at)) {
        const std::string line = r.out.substr(at, end - at);
        if (line.find("\"") != std::string::npos) continue;  // a quoted note may hold commas
        CAPTURE(line);
        CHECK(std::count(line.begin(), line.end(), ',') == header);
    }
}

TEST_CASE("plan --format csv: the weight in kg and lb, to 3 decimals") {
    ScratchDir home;
    write(home / "log.toml",
          "[profile]\nunits = \"lb\"\nweights = [\"2 lb\", \"3 lb\"]\n\n"
          "[[session]]\ndate = 2026-11-16\nactivity = \"walk\"\nweight = \"3 lb\"\nminutes = 10\n");
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23", "--format", "csv"});
    CHECK(r.exit_code == 0);
    REQUIRE(r.out.starts_with("date,activity,on,weight,weight_kg,weight_lb,minutes,sets,reps,label,reason,done\r\n"
                              "2026-11-23,walk,ankle,3 lb,1.361,3,"));
}

TEST_CASE("no JSON or CSV anklog prints carries float noise: history, summary, check, plan, the review") {
    ScratchDir home;
    for (const char* name : {"ann.toml", "bo.toml", "cy.toml", "dee.toml"}) {
        write(home / name, read(source_dir() / "examples/clients" / name));
    }
    std::vector<std::vector<std::string>> commands{
        {"check", "ann.toml", "bo.toml", "cy.toml", "dee.toml", "--until", "2026-11-29", "--format", "json"}};
    for (const char* name : {"ann.toml", "bo.toml", "cy.toml", "dee.toml"}) {
        for (const char* format : {"json", "csv"}) {
            commands.push_back({"-f", name, "history", "--planned", "--format", format});
            commands.push_back({"-f", name, "summary", "--until", "2026-11-29", "--format", format});
            commands.push_back({"-f", name, "summary", "--monthly", "--until", "2026-11-29", "--format", format});
            commands.push_back({"-f", name, "plan", "--week-of", "2026-11-30", "--format", format});
        }
        commands.push_back({"-f", name, "check", "--until", "2026-11-29", "--format", "json"});
    }
    commands.push_back({"rules", "--format", "json"});
    commands.push_back({"-f", "cy.toml", "rules", "--format", "json"});
    for (const std::vector<std::string>& args : commands) {
        CAPTURE(fmt_args(args));
        const Result r = run(home, args);
        CHECK(r.exit_code <= 1);
        CHECK(r.out.find('\n') != std::string::npos);
        CHECK(noisy_numbers(r.out) == std::vector<std::string>{});
        if (args.back() == "json") CHECK(trailing_zeros(r.out) == std::vector<std::string>{});
    }
    // check --format json held 1.3607771100000001 (3 lb in kg) and 0.19999999999999996.
    const Result cy = run(home, {"-f", "cy.toml", "check", "--format", "json"});
    CHECK(cy.out.find("\"working_weight_kg\": 1.361,") != std::string::npos);
    CHECK(cy.out.find("\"increase\": 0.2,") != std::string::npos);
}

TEST_CASE("the report rounds percentages: 2 of 3 is 67%, 11 of 12 is 92%") {
    ScratchDir home;
    client(home, "bo.toml");  // planned 3, 3 (2 done), 3, 3 from November
    const Result r = run(home, {"-f", "log.toml", "report", "--until", "2026-11-29"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("<div class=\"figure\"><b>92%</b><span>of 12 planned sessions done</span></div>") !=
          std::string::npos);
    CHECK(r.out.find("<p>11 of 12 planned sessions done (92%).") != std::string::npos);
    CHECK(r.out.find("<tr class=\"adherence\" data-period=\"2026-11-09\" data-planned=\"3\" data-done=\"2\">"
                     "<td>2026-11-09</td><td class=\"n\">3</td><td class=\"n\">2</td><td class=\"n\">67%</td>") !=
          std::string::npos);
    CHECK(r.out.find("91%") == std::string::npos);
    CHECK(r.out.find("66%") == std::string::npos);
}

TEST_CASE("the review shows danger-level pain (above 5/10) unlike 4/10: red, and marked '!' without colour") {
    ScratchDir home;
    write(home / "fay.toml", "[profile]\nname = \"Fay\"\n\n[[session]]\ndate = 2026-11-20\nactivity = \"walk\"\n"
                             "weight = \"1 kg\"\nminutes = 10\npain = 4\n");
    write(home / "gus.toml", "[profile]\nname = \"Gus\"\n\n[[session]]\ndate = 2026-11-21\nactivity = \"walk\"\n"
                             "weight = \"1 kg\"\nminutes = 10\npain = 7\n");
    const std::vector<std::string> review{"check", "fay.toml", "gus.toml", "--until", "2026-11-23",
                                          "--min-severity", "danger"};
    Options no_color;
    no_color.env["NO_COLOR"] = "1";
    const Result plain = run(home, review, no_color);
    CHECK(plain.exit_code == 1);
    CHECK(plain.out.starts_with("Review of 2 logs to 2026-11-23\n"
                              "log  sessions  last session  days since  danger  pain (14d)\n"
                              "Gus         1  2026-11-21             2       1       7/10!\n"
                              "  standing: pain 7/10 on 2026-11-21, not yet settled\n"
                              "Fay         1  2026-11-20             3       0        4/10\n"
                              "  standing: pain 4/10 on 2026-11-20, not yet settled\n"));
    std::vector<std::string> colored{"--color", "always"};
    colored.insert(colored.end(), review.begin(), review.end());
    const Result color = run(home, colored);
    CHECK(color.out.find("\x1b[1m\x1b[31m7/10!\x1b[0m") != std::string::npos);  // bold red
    CHECK(color.out.find("\x1b[1m\x1b[33m4/10\x1b[0m") != std::string::npos);   // bold yellow
}

TEST_CASE("the report's volume chart keeps its top axis label inside the chart: 150 min, 1000 reps") {
    ScratchDir home;
    std::string log = "[[session]]\ndate = 2026-11-03\nactivity = \"walk\"\nweight = \"0.5 kg\"\nminutes = 10\n";
    // Walks of 30 minutes every day of a week: 150 or more minutes, so the
    // top label is "150 min" or wider; squats of 5 x 100 reps: "1000 reps".
    for (int day = 10; day <= 14; ++day) {
        log += "[[session]]\ndate = 2026-11-" + std::to_string(day) +
               "\nactivity = \"walk\"\nweight = \"0.5 kg\"\nminutes = 30\n"
               "[[session]]\ndate = 2026-11-" +
               std::to_string(day) + "\nactivity = \"squat\"\nweight = \"0.5 kg\"\nsets = 2\nreps = 100\n";
    }
    write(home / "log.toml", log);
    const Result r = run(home, {"-f", "log.toml", "report", "--until", "2026-11-15"});
    REQUIRE(r.exit_code == 0);
    // Each volume chart's y labels end at x (text-anchor end); the top one
    // names the unit.
    std::vector<std::string> labels;
    for (std::size_t svg = r.out.find("<svg "); svg != std::string::npos; svg = r.out.find("<svg ", svg + 1)) {
        const std::string chart = r.out.substr(svg, r.out.find("</svg>", svg) - svg);
        if (chart.find("class=\"chart volume\"") == std::string::npos) continue;
        const std::size_t box = chart.find("viewBox=\"0 0 ") + 13;
        const double chart_width = std::stod(chart.substr(box, chart.find(' ', box) - box));
        const std::string anchor = "\" text-anchor=\"end\" class=\"axis\">";
        for (std::size_t at = chart.find(anchor); at != std::string::npos; at = chart.find(anchor, at + 1)) {
            const std::string label = chart.substr(at + anchor.size(), chart.find('<', at) - at - anchor.size());
            if (label.find(' ') == std::string::npos) continue;  // the numbers below the top
            const std::size_t x_at = chart.rfind("<text x=\"", at) + 9;
            const double x = std::stod(chart.substr(x_at, chart.find('"', x_at) - x_at));  // the label's right end
            CAPTURE(label);
            labels.push_back(label);
            CHECK(x - dejavu_width(label) >= 0);  // its left end inside the viewBox
            CHECK(x <= chart_width);
        }
    }
    CHECK(labels == std::vector<std::string>{"150 min", "1000 reps"});
}
