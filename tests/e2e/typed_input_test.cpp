// Input as people type it (issue 22, part 4): minutes as 20min, 1h, 1h15;
// dates as thursday, 2d, last monday; an activity's name in words without
// quotes; -w 0.5 kg without quotes; --sets 2x12. Each through the binary,
// in every command that takes the flag; what stays ambiguous is refused
// with a located hint and the log unchanged.
#include <doctest/doctest.h>

#include <ctime>

#include "anklog/date.hpp"
#include "harness.hpp"

using namespace e2e;

namespace {

std::string days_ago(int days) { return anklog::to_string(anklog::add_days(local_today(), -days)); }

// The latest `weekday` (0 Sunday .. 6 Saturday) on or before today, or before it.
std::string latest(unsigned weekday, bool today_counts) {
    const anklog::Date today = local_today();
    for (int back = today_counts ? 0 : 1;; ++back) {
        const anklog::Date date = anklog::add_days(today, -back);
        if (std::chrono::weekday{std::chrono::sys_days{date}}.c_encoding() == weekday) return anklog::to_string(date);
    }
}

std::string first_after_today(unsigned weekday) {
    const anklog::Date today = local_today();
    for (int ahead = 1;; ++ahead) {
        const anklog::Date date = anklog::add_days(today, ahead);
        if (std::chrono::weekday{std::chrono::sys_days{date}}.c_encoding() == weekday) return anklog::to_string(date);
    }
}

const std::string profile_only = "[profile]\nunits = \"kg\"\n";

// What `log` appends for `args` to a log holding only a profile.
std::string appended(const std::vector<std::string>& args) {
    ScratchDir home;
    write(home / "log.toml", profile_only);
    std::vector<std::string> full{"-f", "log.toml", "log"};
    full.insert(full.end(), args.begin(), args.end());
    CAPTURE(fmt_args(full));
    const Result r = run(home, full);
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    const std::string after = read(home / "log.toml");
    REQUIRE(after.starts_with(profile_only));
    return after.substr(profile_only.size());
}

std::string error(const std::string& message, const std::string& help) {
    return "anklog: error: " + message + "\n  help: " + help + "\n";
}

// `args` fail with exactly `expected` on stderr, exit 2, nothing on stdout, the log unchanged.
void refused(const std::vector<std::string>& args, const std::string& expected, const std::string& log = profile_only) {
    ScratchDir home;
    write(home / "log.toml", log);
    std::vector<std::string> full{"-f", "log.toml"};
    full.insert(full.end(), args.begin(), args.end());
    CAPTURE(fmt_args(full));
    const Result r = run(home, full);
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == expected);
    CHECK(read(home / "log.toml") == log);
}

std::string walk(const std::string& date, int minutes, const std::string& extra = "") {
    return "\n[[session]]\ndate = " + date + "\nactivity = \"walk\"\n" + extra + "minutes = " + std::to_string(minutes) +
           "\n";
}

}  // namespace

TEST_CASE("-m takes 20min, 1h, 1h15 and 1 h 15 min unquoted - log writes whole minutes") {
    const std::string today = days_ago(0);
    CHECK(appended({"walk", "-m", "20min"}) == walk(today, 20));
    CHECK(appended({"walk", "-m", "1h"}) == walk(today, 60));
    CHECK(appended({"walk", "-m", "1h15"}) == walk(today, 75));
    CHECK(appended({"walk", "--minutes", "1.5h"}) == walk(today, 90));
    CHECK(appended({"walk", "-m", "1", "h", "15", "min", "--effort", "3"}) ==
          "\n[[session]]\ndate = " + today + "\nactivity = \"walk\"\nminutes = 75\neffort = 3\n");
    CHECK(appended({"walk", "-m", "20", "min"}) == walk(today, 20));
    CHECK(appended({"walk", "--minutes=1h", "15"}) == walk(today, 75));
}

TEST_CASE("-m: what is not a whole number of minutes gets a precise hint") {
    refused({"log", "walk", "-m", "1:15"},
            error("-m: \"1:15\" is not a number of minutes",
                  "\"h:mm\" and \"m:ss\" look alike: write hours and minutes as 1h15, or whole minutes"));
    refused({"log", "walk", "-m", "90s"},
            error("-m: \"90s\" is not a number of minutes", "anklog counts whole minutes: write 2"));
    refused({"log", "walk", "-m", "20.5"},
            error("-m: \"20.5\" is not a number of minutes", "anklog counts whole minutes: write 20 or 21"));
    refused({"log", "walk", "-m", "1,5h"},
            error("-m: \"1,5h\" is not a number of minutes", "write decimals with a point: 1.5h"));
    refused({"log", "walk", "-m", "11h"},
            error("-m: \"11h\" is 660 minutes, out of range", "write 1 to 600 minutes (10h at most)"));
    refused({"log", "walk", "-m", "ten"}, error("-m: \"ten\" is not a number of minutes",
                                                "write minutes (20 or 20min) or hours and minutes (1h, 1h15)"));
}

TEST_CASE("--date takes a weekday (the most recent, today included), 2d, last monday, N days ago") {
    CHECK(appended({"walk", "-m", "10", "--date", "thursday"}) == walk(latest(4, true), 10));
    CHECK(appended({"walk", "-m", "10", "--date", "Thu"}) == walk(latest(4, true), 10));
    CHECK(appended({"walk", "-m", "10", "--date", "2d"}) == walk(days_ago(2), 10));
    CHECK(appended({"walk", "-m", "10", "--date", "3 days ago"}) == walk(days_ago(3), 10));
    CHECK(appended({"walk", "-m", "10", "--date", "3", "days", "ago"}) == walk(days_ago(3), 10));
    CHECK(appended({"walk", "-m", "10", "--date", "last monday"}) == walk(latest(1, false), 10));
    CHECK(appended({"walk", "-m", "10", "--date", "last", "monday"}) == walk(latest(1, false), 10));
    // Today's weekday is today, never a week ahead or behind.
    const char* names[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
    const unsigned today = std::chrono::weekday{std::chrono::sys_days{local_today()}}.c_encoding();
    CHECK(appended({"walk", "-m", "10", "--date", names[today]}) == walk(days_ago(0), 10));
    CHECK(appended({"walk", "-m", "10", "--date", std::string("last ") + names[today]}) == walk(days_ago(7), 10));
}

TEST_CASE("--date: the future is refused naming what was typed - an ambiguous or misspelt day gets a precise hint") {
    const std::string next_monday = first_after_today(1);
    refused({"log", "walk", "-m", "10", "--date", "next", "monday"},
            error("--date: next monday (" + next_monday + ") is in the future",
                  "log a session after doing it (today is " + days_ago(0) + ")"));
    refused({"log", "walk", "-m", "10", "--date", "this", "monday"},
            error("--date: \"this monday\" is not a date",
                  "\"this monday\" could be " + latest(1, true) + " or " + next_monday + ": write monday for " +
                      latest(1, true) + ", \"next monday\" for " + next_monday));
    refused({"log", "walk", "-m", "10", "--date", "thursdya"},
            error("--date: \"thursdya\" is not a date", "did you mean 'thursday'?"));
    refused({"log", "walk", "-m", "10", "--date", "25/11/2026"},
            error("--date: \"25/11/2026\" is not a date", "write it as 2026-11-25"));
    refused({"log", "walk", "-m", "10", "--date", "5.11.2026"},
            error("--date: \"5.11.2026\" is not a date", "write it as 2026-11-05 or 2026-05-11, whichever you mean"));
    refused({"log", "walk", "-m", "10", "--date", "last"},
            error("--date: \"last\" is not a date", "name the day too, e.g. \"last monday\""));
}

TEST_CASE("an activity's name in words, unquoted - several activities stay several") {
    const std::string today = days_ago(0);
    CHECK(appended({"side", "leg", "lift", "--sets", "1", "--reps", "10"}) ==
          "\n[[session]]\ndate = " + today + "\nactivity = \"side-leg-lift\"\nsets = 1\nreps = 10\n");
    CHECK(appended({"walk", "pilates", "-m", "20"}) == walk(today, 20) +
                                                        "\n[[session]]\ndate = " + today +
                                                        "\nactivity = \"pilates\"\nminutes = 20\n");
    CHECK(appended({"glute", "bridge", "calf", "raise", "--sets", "1x10"}) ==
          "\n[[session]]\ndate = " + today + "\nactivity = \"glute-bridge\"\nsets = 1\nreps = 10\n" +
              "\n[[session]]\ndate = " + today + "\nactivity = \"calf-raise\"\nsets = 1\nreps = 10\n");
    refused({"log", "side", "leg", "lyft", "--sets", "1x10"},
            error("unknown activity \"side leg lyft\"", "did you mean 'side-leg-lift'?"));
}

TEST_CASE("a number or a load where an activity goes is pointed to its flag") {
    refused({"log", "walk", "20"}, error("\"20\" is not an activity", "a number goes after its flag: -m 20 for 20 minutes"));
    refused({"log", "squat", "12"},
            error("\"12\" is not an activity", "a number goes after its flag: --sets 2x12 for 2 sets of 12 reps"));
    refused({"log", "walk", "20", "min"}, error("\"20 min\" is not an activity", "minutes go after -m: -m \"20 min\""));
    refused({"log", "walk", "1kg", "-m", "20"}, error("\"1kg\" is not an activity", "the weight goes after -w: -w 1kg"));
    refused({"log", "squat", "2x12"},
            error("\"2x12\" is not an activity", "sets and reps go after --sets: --sets 2x12"));
    refused({"log", "walk", "-m", "20", "yesterday"},
            error("\"yesterday\" is not an activity", "the day goes after --date: --date yesterday"));
}

TEST_CASE("-w 0.5 kg unquoted is one weight") {
    const std::string today = days_ago(0);
    const std::string half = "on = \"ankle\"\nweight = \"0.5 kg\"\n";
    CHECK(appended({"walk", "-w", "0.5", "kg", "-m", "10"}) == walk(today, 10, half));
    CHECK(appended({"walk", "-m", "10", "-w", "0.5", "kg"}) == walk(today, 10, half));
    CHECK(appended({"walk", "--weight=0.5", "kg", "-m", "10"}) == walk(today, 10, half));
    CHECK(appended({"walk", "-w", "1", "lb", "-m", "10"}) == walk(today, 10, "on = \"ankle\"\nweight = \"1 lb\"\n"));
}

TEST_CASE("--sets 2x12 is 2 sets of 12 reps - an explicit --reps that differs is an error") {
    const std::string today = days_ago(0);
    const std::string squat = "\n[[session]]\ndate = " + today + "\nactivity = \"squat\"\nsets = 2\nreps = 12\n";
    CHECK(appended({"squat", "--sets", "2x12"}) == squat);
    CHECK(appended({"squat", "--sets", "2X12"}) == squat);
    CHECK(appended({"squat", "--sets", "2", "x", "12"}) == squat);
    CHECK(appended({"squat", "--sets", "2\xC3\x97" "12"}) == squat);
    CHECK(appended({"squat", "--sets", "2x12", "--reps", "12"}) == squat);  // agreeing is no conflict
    refused({"log", "squat", "--sets", "2x12", "--reps", "10"},
            error("--sets: 2x12 says 12 reps, but --reps says 10", "give the reps once: --sets 2x10 or --sets 2 --reps 10"));
    refused({"log", "squat", "--sets", "25x10"}, error("--sets: \"25x10\": 25 sets is out of range", "sets are 1 to 20"));
    refused({"log", "squat", "--sets", "2x300"},
            error("--sets: \"2x300\": 300 reps is out of range", "reps per set are 1 to 200"));
    refused({"log", "squat", "--sets", "2x"},
            error("--sets: \"2x\" is not a number of sets", "write the sets (2), or sets x reps (2x12: 2 sets of 12 reps)"));
}

TEST_CASE("done, pain, today, plan and history take the same forms") {
    ScratchDir home;
    const std::string two_days_ago = days_ago(2);
    const std::string log = profile_only + "\n[[planned]]\ndate = " + two_days_ago +
                            "\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\nminutes = 10\n" +
                            "\n[[planned]]\ndate = " + two_days_ago +
                            "\nactivity = \"side-leg-lift\"\non = \"ankle\"\nweight = \"1 kg\"\nsets = 1\nreps = 10\n";
    write(home / "log.toml", log);
    const auto in = [](std::vector<std::string> args) {
        args.insert(args.begin(), {"-f", "log.toml"});
        return args;
    };
    // today --date 2d shows that day; done --date 2 days ago, -w 0.5 kg, -m 1h, --sets 2x12 log what differed.
    CHECK(run(home, in({"today", "--date", "2d"})).out.find(", from log.toml: 2 planned, 0 done\n") != std::string::npos);
    const Result done = run(home, in({"done", "--date", "2", "days", "ago", "-w", "0.5", "kg", "-m", "1h", "--sets", "2x12"}));
    CHECK(done.exit_code == 0);
    CHECK(read(home / "log.toml") ==
          log + "\n[[session]]\ndate = " + two_days_ago +
              "\nactivity = \"walk\"\non = \"ankle\"\nweight = \"0.5 kg\"\nminutes = 60\n" + "\n[[session]]\ndate = " +
              two_days_ago + "\nactivity = \"side-leg-lift\"\non = \"ankle\"\nweight = \"0.5 kg\"\nsets = 2\nreps = 12\n");
    refused({"done", "--date", "2d", "side", "leg", "lift", "--sets", "2x12", "--reps", "10"},
            error("--sets: 2x12 says 12 reps, but --reps says 10", "give the reps once: --sets 2x10 or --sets 2 --reps 10"),
            log);
    refused({"done", "--date", "next", "monday"},
            error("--date: next monday (" + first_after_today(1) + ") is in the future",
                  "log sessions after doing them (today is " + days_ago(0) + "); 'anklog today --date " +
                      first_after_today(1) + "' shows what is planned"),
            log);
    // pain --date thursday: the last Thursday.
    const std::string before_pain = read(home / "log.toml");
    CHECK(run(home, in({"pain", "2", "--date", "thursday"})).exit_code == 0);
    CHECK(read(home / "log.toml") == before_pain + "\n[[pain]]\ndate = " + latest(4, true) + "\npain = 2\n");
    refused({"pain", "2", "--date", "tomorrow"},
            error("--date: tomorrow (" + anklog::to_string(anklog::add_days(local_today(), 1)) + ") is in the future",
                  "record how the pain is now or was (today is " + days_ago(0) + ")"));
    // plan --week-of and today --date may look ahead.
    const Result plan = run(home, in({"plan", "--week-of", "next", "monday", "--format", "json"}));
    CHECK(plan.exit_code == 0);
    CHECK(json_of(plan.out)["week_of"] == first_after_today(1));
    CHECK(run(home, in({"today", "--date", "tomorrow"})).out.find(anklog::to_string(anklog::add_days(local_today(), 1))) !=
          std::string::npos);
    // history --since 3 days ago: the sessions done two days ago.
    const Result history = run(home, in({"history", "--since", "3", "days", "ago", "--format", "json"}));
    CHECK(history.exit_code == 0);
    CHECK(json_of(history.out)["sessions"].size() == 2);
}
