// anklog summary: the table, the chart at any width, the words, JSON and CSV.
#include <doctest/doctest.h>

#include <algorithm>
#include <ctime>
#include <sstream>

#include "anklog/date.hpp"
#include "harness.hpp"

using namespace e2e;

namespace {

void client(const ScratchDir& home, const std::string& name) {
    write(home / "log.toml", read(source_dir() / "examples/clients" / name));
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// Columns a line takes on a terminal: code points, escape sequences none.
std::size_t columns(const std::string& line) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\x1b') {
            i = line.find('m', i);
            continue;
        }
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++width;
    }
    return width;
}

// The chart's lines: those holding a bar.
std::vector<std::string> bar_lines(const std::string& out) {
    std::vector<std::string> bars;
    for (const std::string& line : lines_of(out)) {
        if (line.find("\u2588") != std::string::npos || line.find("\u258f") != std::string::npos ||
            line.find("##") != std::string::npos) {
            bars.push_back(line);
        }
    }
    return bars;
}

const std::vector<std::string> ann_weeks{"-f", "log.toml", "summary", "--since", "2026-10-19", "--until",
                                         "2026-11-25"};

}  // namespace

TEST_CASE("summary: a table per week, a chart of the family done most, pain, this week's load and plan in words") {
    ScratchDir home;
    client(home, "ann.toml");
    const Result r = run(home, ann_weeks);
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out ==
          "Weekly summary of Ann (log.toml), 2026-10-19 to 2026-11-25\n"
          "\n"
          "week of     days  gait  strength  heaviest  load  pain  warn  danger  plan\n"
          "2026-10-19     3    34        36    0.5 kg   102     0     0       0     -\n"
          "2026-10-26     3    20        18    0.5 kg    60     0     0       0     -\n"
          "2026-11-02     3    38        40    0.5 kg   114     0     0       0     -\n"
          "2026-11-09     3    42        44    0.5 kg   126     0     0       0   4/4\n"
          "2026-11-16     2    23        48    0.5 kg    69     0     0       0   3/4\n"
          "2026-11-23     2    13        24    0.5 kg    39     0     0       0   3/3\n"
          "days: weighted days; gait: weighted minutes; strength: weighted reps (sets x reps); heaviest: per limb; "
          "load: effort x minutes; pain: the highest; warn, danger: findings of check; plan: sessions done/planned.\n"
          "\n"
          "Weighted gait minutes (walks and the like) per week\n"
          "2026-10-19  34  ███████████████████████████████████████████████████\n"
          "2026-10-26  20  ██████████████████████████████\n"
          "2026-11-02  38  █████████████████████████████████████████████████████████\n"
          "2026-11-09  42  ███████████████████████████████████████████████████████████████\n"
          "2026-11-16  23  ██████████████████████████████████▌\n"
          "2026-11-23  13  ███████████████████▌\n"
          "\n"
          "Highest pain per week, 0-10 (· none logged), 2026-10-19 to 2026-11-23\n"
          "▁▁▁▁▁▁\n"
          "\n"
          "Load (acute:chronic) in the 7 days to 2026-11-25 against your average 7 days of the last 28: gait 0.41 "
          "(easing off), strength 0.62 (easing off).\n"
          "Plan for the week of 2026-11-23: 3 of 4 sessions done, 1 to come, on track.\n");
}

TEST_CASE("summary's chart fits 60, 80 and 200 columns: COLUMNS, else 80 / the longest bar fills the room") {
    ScratchDir home;
    client(home, "cy.toml");
    for (const auto& [columns_env, width] : std::vector<std::pair<std::string, std::size_t>>{
             {"60", 60}, {"80", 80}, {"200", 200}, {"", 80}, {"wide", 80}, {"0", 80}}) {
        CAPTURE(columns_env);
        Options options;
        if (!columns_env.empty()) options.env["COLUMNS"] = columns_env;
        for (const char* ascii : {"--weekly", "--ascii"}) {
            const Result r = run(home, {"-f", "log.toml", "summary", "--until", "2026-11-29", ascii}, options);
            REQUIRE(r.exit_code == 0);
            const std::vector<std::string> bars = bar_lines(r.out);
            REQUIRE(bars.size() == 6);  // the weeks with weighted gait work
            std::size_t widest = 0;
            for (const std::string& line : bars) widest = std::max(widest, columns(line));
            CHECK(widest == width - 1);  // one column kept free: no terminal wraps it
            // The table fits too: columns are left out when they would not.
            for (const std::string& line : lines_of(r.out)) {
                if (line.starts_with("2026-")) CHECK(columns(line) < width);
            }
        }
    }
    Options narrow;
    narrow.env["COLUMNS"] = "60";
    const Result r = run(home, {"-f", "log.toml", "summary", "--until", "2026-11-29"}, narrow);
    CHECK(r.out.find("week of     days  gait  strength  pain  warn  danger\n") != std::string::npos);
    CHECK(r.out.find("Left out to fit 60 columns: load, heaviest (--format csv has every column).") !=
          std::string::npos);
}

TEST_CASE("summary --ascii draws with # and pain digits / colour only when asked, never with NO_COLOR") {
    ScratchDir home;
    client(home, "bo.toml");
    const std::vector<std::string> args{"-f", "log.toml", "summary", "--since", "2026-11-02", "--until", "2026-11-29"};
    std::vector<std::string> ascii = args;
    ascii.push_back("--ascii");
    const Result a = run(home, ascii);
    CHECK(a.out.find("2026-11-16  35  ###############################################################\n") !=
          std::string::npos);
    CHECK(a.out.find("Highest pain per week, 0-10 (- none logged), 2026-11-02 to 2026-11-23\n1134\n") !=
          std::string::npos);
    CHECK(std::all_of(a.out.begin(), a.out.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
    CHECK(run(home, args).out.find("\x1b") == std::string::npos);  // not a terminal
    std::vector<std::string> always = args;
    always.insert(always.begin(), {"--color", "always"});
    const Result colored = run(home, always);
    CHECK(colored.out.find("\x1b[32m\u2588") != std::string::npos);           // green bars
    CHECK(colored.out.find("\x1b[1m\x1b[31m2") != std::string::npos);        // dangers in red
    Options no_color;
    no_color.env["NO_COLOR"] = "1";
    std::vector<std::string> automatic = args;
    automatic.insert(automatic.begin(), {"--color", "auto"});
    CHECK(run(home, automatic, no_color).out.find("\x1b") == std::string::npos);
}

TEST_CASE("summary says plainly when a log spans under two weeks, or has no sessions") {
    ScratchDir home;
    write(home / "log.toml", "[[session]]\ndate = 2026-11-20\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\n\n"
                             "[[session]]\ndate = 2026-11-25\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 11\n");
    CHECK(run(home, {"-f", "log.toml", "summary", "--since", "2026-11-16", "--until", "2026-11-29"}).out ==
          "Weekly summary of log.toml, 2026-11-16 to 2026-11-29\n"
          "\n"
          "week of     days  gait  heaviest  pain  warn  danger\n"
          "2026-11-16     1    10      1 kg     -     0       0\n"
          "2026-11-23     1    11      1 kg     -     0       0\n"
          "days: weighted days; gait: weighted minutes; heaviest: per limb; pain: the highest; warn, danger: findings "
          "of check.\n"
          "\n"
          "Not enough data for trends yet: the log spans 6 days (from 2026-11-20 to 2026-11-25); the chart and the "
          "load ratio need at least two weeks.\n");
    CHECK(json_of(run(home, {"-f", "log.toml", "summary", "--format", "json"}).out)["enough_data"] == false);
    write(home / "empty.toml", "[profile]\nname = \"Ann\"\n");
    CHECK(run(home, {"-f", "empty.toml", "summary", "--until", "2026-11-29"}).out ==
          "Weekly summary of Ann (empty.toml), 2026-09-07 to 2026-11-29\n\nNot enough data: the log has no sessions yet.\n");
}

TEST_CASE("summary --monthly: one row per calendar month, 12 by default, none before the first session") {
    ScratchDir home;
    client(home, "dee.toml");
    const Result r = run(home, {"-f", "log.toml", "summary", "--monthly", "--until", "2026-11-29", "--format", "csv"});
    const std::vector<std::string> rows = lines_of(r.out);
    REQUIRE(rows.size() == 4);  // Dee's first session is on 2026-09-01: September to November
    CHECK(rows[1].starts_with("2026-09-01,2026-09-30,2026-09-01,2026-09-30,9,9,"));
    CHECK(rows[3] == "2026-11-01,2026-11-30,2026-11-01,2026-11-29,8,8,0,152,0,0.5 kg,0.5,1.102,608,0,0,0,0,0,0,0,0\r");
    CHECK(json_of(run(home, {"-f", "log.toml", "summary", "--monthly", "--until", "2027-11-29", "--format", "json"})
                      .out)["periods"]
              .size() == 12);
    const Result text = run(home, {"-f", "log.toml", "summary", "--monthly", "--since", "2026-09-01", "--until",
                                   "2026-11-29"});
    CHECK(text.out.find("month    days  mobility  heaviest  load  pain  warn  danger\n"
                        "2026-09     9        99    0.5 kg   396     0     0       0\n") != std::string::npos);
    CHECK(text.out.find("Weighted mobility minutes (Pilates, barre, yoga) per month\n2026-09   99  ") !=
          std::string::npos);
}

TEST_CASE("summary --format json carries the same numbers, typed") {
    ScratchDir home;
    client(home, "ann.toml");
    const auto json = json_of(run(home, {"-f", "log.toml", "summary", "--since", "2026-11-18", "--until",
                                         "2026-11-25", "--format", "json"})
                                  .out);
    CHECK(json["name"] == "Ann");
    CHECK(json["since"] == "2026-11-16");  // a Wednesday: the period starts with its whole week
    CHECK(json["main_family"] == "gait");
    REQUIRE(json["periods"].size() == 2);
    CHECK(json["periods"][0] == json_of(R"({"start": "2026-11-16", "end": "2026-11-22", "from": "2026-11-16",
        "to": "2026-11-22", "sessions": 3, "weighted_days": 2, "gait_minutes": 23, "mobility_minutes": 0,
        "strength_reps": 48, "heaviest": "0.5 kg", "heaviest_kg": 0.5, "heaviest_lb": 1.102, "srpe_load": 69, "highest_pain": 0, "highest_pain_check": false,
        "warnings": 0, "dangers": 0, "planned": 4, "done": 3, "planned_gait_minutes": 46,
        "planned_mobility_minutes": 0, "planned_strength_reps": 48})"));
    CHECK(json["load"][0]["family"] == "gait");
    CHECK(json["load"][0]["acute"] == 13.0);
    // Both to 3 decimals, as JSON carries numbers.
    CHECK(json["load"][0]["ratio"].get<double>() ==
          doctest::Approx(13.0 / json["load"][0]["chronic_per_acute"].get<double>()).epsilon(0.005));
    CHECK(json["load"][0]["zone"] == "easing off");
    CHECK(json["this_week"] == json_of(R"({"week_of": "2026-11-23", "planned": 4, "done": 3, "missed": [],
                                           "on_track": true, "rest_week": false})"));
}

namespace {

// Today here, as anklog reads it: YYYY-MM-DD.
std::string today_text() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

}  // namespace

TEST_CASE("summary errors: a bad period, both groupings, a missing log") {
    ScratchDir home;
    client(home, "ann.toml");
    const Result since = run(home, {"-f", "log.toml", "summary", "--since", "12 weeks"});
    CHECK(since.exit_code == 2);
    CHECK(since.err == "anklog: error: --since: \"12 weeks\" is not a date or a period\n"
                       "  help: write 12w (" +
                           anklog::to_string(anklog::add_days(*anklog::parse_iso_date(today_text()), -84)) +
                           "), or \"12 weeks ago\"\n");
    const Result both = run(home, {"-f", "log.toml", "summary", "--weekly", "--monthly"});
    CHECK(both.exit_code == 2);
    CHECK(both.err == "anklog: error: --weekly and --monthly cannot be used together\n"
                      "  help: choose one of them; see 'anklog summary --help'\n");
    CHECK(run(home, {"-f", "nope.toml", "summary"}).exit_code == 2);
}

TEST_CASE("tester: a client stopped after pain 7/10 is not 'easing off' in the load line") {
    ScratchDir home;
    write(home / "cy.toml", read(fs::path(ANKLOG_SOURCE_DIR) / "examples/clients/cy.toml"));
    const Result r = run(home, {"-f", "cy.toml", "summary", "--until", "2026-11-28"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("gait 0.00 (no weighted gait work in the last 7 days), strength 0.00 (no weighted strength work "
                     "in the last 7 days).\n") != std::string::npos);
    CHECK(r.out.find("easing off") == std::string::npos);
}
