// One week's plan agrees with itself and with the weeks around it (issue 19,
// the testers' week): each session follows the planned ones before it, a
// break's frequency is the one before it, and a come-back week (and day) is
// about half of a usual one, not only each session.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <sstream>

#include "anklog/date.hpp"
#include "harness.hpp"

using namespace e2e;

namespace {

// Walks with 1 kg on the ankles, 20 min on Mon, Wed and Fri, 2026-10-05 to 10-30.
std::string walker() {
    std::string text = "version = 1\n\n[profile]\nunits = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\", \"1.5 kg\"]\n";
    for (const char* day : {"05", "07", "09", "12", "14", "16", "19", "21", "23", "26", "28", "30"}) {
        text += fmt::format("\n[[session]]\ndate = 2026-10-{}\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 "
                            "kg\"\nminutes = 20\npain = 0\n",
                            day);
    }
    return text;
}

std::string lines_with(const std::string& text, const std::string& part) {
    std::istringstream in(text);
    std::string out;
    for (std::string line; std::getline(in, line);) {
        if (line.find(part) != std::string::npos) out += line + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("plan: a later day follows the planned day before it - Ann's Friday walk is no come-back after Monday's") {
    ScratchDir home;
    write(home / "log.toml", read(source_dir() / "examples/clients/ann.toml"));
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-12-07"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out ==
          "Week of 2026-12-07 to 2026-12-13, from log.toml (Ann): 3 weighted days, 4 rest days\n"
          "\n"
          "Mon 2026-12-07  walk           0.5 kg  14 min  progress   +1 min (about 10%) from 0.5 kg for 13 min\n"
          "Tue 2026-12-08  rest\n"
          "Wed 2026-12-09  side-leg-lift  0.5 kg  1 x 6   come back  14 days since your last side-leg-lift (0.5 kg "
          "for 1 x 12 on 2026-11-25): about 50% of its volume\n"
          "                glute-bridge   0.5 kg  1 x 6   come back  14 days since your last glute-bridge (0.5 kg for "
          "1 x 12 on 2026-11-25): about 50% of its volume\n"
          "Thu 2026-12-10  rest\n"
          "Fri 2026-12-11  walk           0.5 kg  14 min  progress   +1 min (about 10%) from 0.5 kg for 13 min\n"
          "Sat 2026-12-12  rest\n"
          "Sun 2026-12-13  rest\n");
}

TEST_CASE("plan: a come-back happens once, on the first day back - the week's later days continue from it") {
    ScratchDir home;
    write(home / "log.toml", walker());
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out ==
          "Week of 2026-11-23 to 2026-11-29, from log.toml: 3 weighted days, 4 rest days\n"
          "\n"
          "Mon 2026-11-23  walk      1 kg    10 min  come back  24 days since your last walk (1 kg for 20 min on "
          "2026-10-30): about 50% of its volume\n"
          "Tue 2026-11-24  rest\n"
          "Wed 2026-11-25  walk      1 kg    10 min  repeat     after the come-back walk on Mon 2026-11-23: the same "
          "again, raised from next week\n"
          "Thu 2026-11-26  rest\n"
          "Fri 2026-11-27  walk      1 kg    10 min  repeat     after the come-back walk on Mon 2026-11-23: the same "
          "again, raised from next week\n"
          "Sat 2026-11-28  rest\n"
          "Sun 2026-11-29  rest\n");
}

TEST_CASE("plan: after one come-back walk the week keeps the 3 walks a week from before the break - the weights as load-ramp allows") {
    ScratchDir home;
    write(home / "log.toml", walker() +
                                 "\n[[session]]\ndate = 2026-11-23\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 "
                                 "kg\"\nminutes = 10\npain = 0\n");
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-30"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out ==
          "Week of 2026-11-30 to 2026-12-06, from log.toml: 1 weighted day, 2 days without weights, 4 rest days\n"
          "\n"
          "Mon 2026-11-30  walk      1 kg    11 min  progress   +1 min (about 10%) from 1 kg for 10 min\n"
          "Tue 2026-12-01  rest\n"
          "Wed 2026-12-02  walk      -       11 min  eased      +1 min (about 10%) from 1 kg for 10 min; eased to "
          "without weights for 11 min so that load-ramp does not flag it\n"
          "Thu 2026-12-03  rest\n"
          "Fri 2026-12-04  walk      -       11 min  eased      +1 min (about 10%) from 1 kg for 10 min; eased to "
          "without weights for 11 min so that load-ramp does not flag it\n"
          "Sat 2026-12-05  rest\n"
          "Sun 2026-12-06  rest\n");
}

TEST_CASE("plan: Cy's come-back week and day are at most half of her usual ones, and the plan says so") {
    ScratchDir home;
    write(home / "log.toml", read(source_dir() / "examples/clients/cy.toml"));
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-12-07"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    // (The pain note counts days from today: left out.)
    CHECK(lines_with(r.out, " 2026-12-") ==
          "Week of 2026-12-07 to 2026-12-13, from log.toml (Cy): 2 weighted days, 1 day without weights, 4 rest days\n"
          "Mon 2026-12-07  dance     2 lb    30 min  come back  after pain: the lightest weight you own and about half "
          "the volume of 5 lb for 60 min on 2026-11-12\n"
          "Tue 2026-12-08  rest\n"
          "Wed 2026-12-09  aerobics  2 lb    10 min  come back  after pain: the lightest weight you own and about half "
          "the volume of 5 lb for 60 min on 2026-11-14; 10 min: the come-back week's weighted ankle minutes (at most "
          "40, half your usual week)\n"
          "Thu 2026-12-10  rest\n"
          "Fri 2026-12-11  rest\n"
          "Sat 2026-12-12  aerobics  -       30 min  come back  after the come-back aerobics on Wed 2026-12-09: the "
          "same again, raised from next week; without weights: the come-back week's weighted ankle minutes (at most "
          "40, half your usual week) are used up\n"
          "Sun 2026-12-13  rest\n");
    CHECK(lines_with(r.out, "squat") ==
          "                squat     2 lb    2 x 9   come back  after pain: the lightest weight you own and about half "
          "the volume of 5 lb for 3 x 12 on 2026-11-10\n");
    CHECK(lines_with(r.out, "usual before the break") ==
          "note: a come-back week on the ankles: weighted minutes there at most half of your usual before the break "
          "(in the 4 weeks to 2026-11-14, 80 min a week, at most 60 min a day): 40 min this week and 30 min a day\n");
}

TEST_CASE("plan: next week follows this week's saved planned walk not yet done - no come-back, and the reason says so") {
    // Walks on Mon, Wed and Fri 4 and 3 weeks before next Monday, the last 17
    // days before it; a walk planned (saved) on this Sunday, not yet done.
    const anklog::Date next = anklog::add_days(anklog::week_start(local_today()), 7);
    const auto day = [&](int before) { return anklog::to_string(anklog::add_days(next, -before)); };
    std::string text = "version = 1\n\n[profile]\nunits = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\", \"1.5 kg\"]\n";
    for (const int before : {28, 26, 24, 21, 19, 17}) {
        text += fmt::format("\n[[session]]\ndate = {}\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\nminutes "
                            "= 20\npain = 0\n",
                            day(before));
    }
    text += fmt::format("\n[[planned]]\ndate = {}\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\nminutes = 10\n",
                        day(1));
    ScratchDir home;
    write(home / "log.toml", text);
    const Result r = run(home, {"-f", "log.toml", "plan"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(lines_with(r.out, anklog::to_string(next)) ==
          fmt::format("Week of {} to {}, from log.toml: 1 weighted day, 2 days without weights, 4 rest days\n"
                      "Mon {}  walk      1 kg    11 min  progress   +1 min (about 10%) from 1 kg for 10 min; after the "
                      "planned walk on Sun {} (saved, not yet done)\n",
                      anklog::to_string(next), day(-6), anklog::to_string(next), day(1)));
}
