// anklog today (the day's plan, what is done, what check would say) and
// anklog done (the day's planned sessions logged in one write).
#include <doctest/doctest.h>

#include <set>

#include "anklog/log.hpp"
#include "anklog/log_parser.hpp"
#include "faults.hpp"

using namespace e2e;

namespace {

// A week planned by hand, as plan --save writes it: Monday a walk, Wednesday
// two strength exercises, Friday a walk.
const std::string week_log =
    "[profile]\nweights = [\"0.5 kg\", \"1 kg\"]\n"
    "\n[[session]]\ndate = 2026-11-16\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\nminutes = 12\n"
    "\n[[session]]\ndate = 2026-11-18\nactivity = \"side-leg-lift\"\non = \"ankle\"\nweight = \"1 kg\"\nsets = 1\nreps = 10\n"
    "\n[[session]]\ndate = 2026-11-18\nactivity = \"glute-bridge\"\non = \"ankle\"\nweight = \"0.5 kg\"\nsets = 1\nreps = 12\n"
    "\n# anklog plan for the week of 2026-11-23\n"
    "[[planned]]\ndate = 2026-11-23\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\nminutes = 13\n"
    "\n[[planned]]\ndate = 2026-11-25\nactivity = \"side-leg-lift\"\non = \"ankle\"\nweight = \"1 kg\"\nsets = 1\nreps = 11\n"
    "\n[[planned]]\ndate = 2026-11-25\nactivity = \"glute-bridge\"\non = \"ankle\"\nweight = \"0.5 kg\"\nsets = 1\nreps = 13\n"
    "\n[[planned]]\ndate = 2026-11-27\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\nminutes = 13\n";

std::vector<std::string> with_log(std::vector<std::string> args) {
    args.insert(args.begin(), {"-f", "log.toml"});
    return args;
}

}  // namespace

TEST_CASE("today shows the day's plan / what check says about doing it / how to log it") {
    ScratchDir home;
    write(home / "log.toml", week_log);
    const Result r = run(home, with_log({"today", "--date", "2026-11-25"}));
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "Wed 2026-11-25, from log.toml: 2 planned, 0 done\n"
                   "\n"
                   "  side-leg-lift  1 kg    1 x 11  to do\n"
                   "  glute-bridge   0.5 kg  1 x 13  to do\n"
                   "\n"
                   "Done as planned, side-leg-lift and glute-bridge raise no finding in check.\n"
                   "\n"
                   "When done, log them: anklog done --date 2026-11-25  (-w, -m, --sets and --reps say what "
                   "differed)\n");
    const Result rest = run(home, with_log({"today", "--date", "2026-11-24"}));
    CHECK(rest.out == "Tue 2026-11-24, from log.toml: 0 planned, 0 done\n"
                      "\n"
                      "Nothing is planned for this day: a rest day. The next planned day is Wed 2026-11-25: anklog "
                      "today --date 2026-11-25\n");
    const Result none = run(home, {"-f", "none.toml", "today", "--date", "2026-11-24"});
    CHECK(none.exit_code == 0);
    CHECK(none.out == "Tue 2026-11-24, from none.toml: 0 planned, 0 done\n"
                      "\n"
                      "Nothing is planned for this day. 'anklog plan --save' plans and saves a week.\n");
    CHECK_FALSE(fs::exists(home / "none.toml"));
}

TEST_CASE("today: planned sessions still to do / what check would raise on doing them, at the planned block's line") {
    ScratchDir home;
    // A plan written by hand that asks for far too much.
    write(home / "log.toml", week_log +
                                 "\n[[planned]]\ndate = 2099-01-05\nactivity = \"walk\"\non = \"ankle\"\nweight = "
                                 "\"3 kg\"\nminutes = 12\n");
    const Result r = run(home, with_log({"today", "--date", "2099-01-05"}));
    CHECK(r.exit_code == 0);
    // So long away, the person is coming back after a break, and today says so.
    CHECK(r.out.rfind("Mon 2099-01-05, from log.toml: 1 planned, 0 done\n"
                      "Where you stand on 2099-01-05: coming back after 26346 days away (the last session on "
                      "2026-11-18): about half your last volume, then build up\n"
                      "\n"
                      "  walk  3 kg  12 min  to do\n"
                      "\n"
                      "Done as planned, walk would raise in check:\n"
                      "\n"
                      "log.toml:58: danger[weight-jump]: walk on 2099-01-05 jumped more than one weight step\n",
                      0) == 0);
    CHECK(r.out.ends_with("\nWhen done, log it: anklog done --date 2099-01-05  (-w, -m, --sets and --reps say what "
                          "differed)\n"));
}

TEST_CASE("done logs the day's planned sessions in one write - effort and pain for each / check's findings / undo removes them together") {
    ScratchDir home;
    write(home / "log.toml", week_log);
    const Result r = run(home, with_log({"done", "--date", "2026-11-25", "--effort", "4", "--pain", "1"}));
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    const std::string blocks =
        "[[session]]\ndate = 2026-11-25\nactivity = \"side-leg-lift\"\non = \"ankle\"\nweight = \"1 kg\"\nsets = 1\n"
        "reps = 11\neffort = 4\npain = 1\n"
        "\n[[session]]\ndate = 2026-11-25\nactivity = \"glute-bridge\"\non = \"ankle\"\nweight = \"0.5 kg\"\nsets = 1\n"
        "reps = 13\neffort = 4\npain = 1\n";
    CHECK(r.out == "appended 2 sessions to log.toml:58\n\n" + blocks);
    CHECK(read(home / "log.toml") == week_log + "\n" + blocks);
    const Result today = run(home, with_log({"today", "--date", "2026-11-25"}));
    CHECK(today.out == "Wed 2026-11-25, from log.toml: 2 planned, 2 done\n"
                       "\n"
                       "  side-leg-lift  1 kg    1 x 11  done\n"
                       "  glute-bridge   0.5 kg  1 x 13  done\n"
                       "\n"
                       "Everything planned for this day is done.\n");
    const Result undo = run(home, with_log({"-q", "undo", "--yes"}));
    CHECK(undo.exit_code == 0);
    CHECK(read(home / "log.toml") == week_log);
}

TEST_CASE("done ACTIVITY logs only those / -w -m --sets --reps record what differed / today shows it") {
    ScratchDir home;
    write(home / "log.toml", week_log);
    const Result r = run(home, with_log({"-q", "done", "glute-bridge", "--date", "2026-11-25", "--reps", "10", "-w",
                                         "1kg", "--note", "felt heavy"}));
    CHECK(r.exit_code == 0);
    CHECK(r.out == "");
    CHECK(read(home / "log.toml") == week_log +
                                         "\n[[session]]\ndate = 2026-11-25\nactivity = \"glute-bridge\"\non = "
                                         "\"ankle\"\nweight = \"1 kg\"\nsets = 1\nreps = 10\nnote = \"felt heavy\"\n");
    // A session that was not planned shows too.
    REQUIRE(run(home, with_log({"-q", "log", "calf-raise", "--sets", "1", "--reps", "10", "--date", "2026-11-25"}))
                .exit_code == 0);
    const Result today = run(home, with_log({"today", "--date", "2026-11-25"}));
    CHECK(today.out == "Wed 2026-11-25, from log.toml: 2 planned, 2 done\n"
                       "\n"
                       "  side-leg-lift  1 kg    1 x 11  to do\n"
                       "  glute-bridge   0.5 kg  1 x 13  done, as 1 kg for 1 x 10\n"
                       "  calf-raise     -       1 x 10  done, not planned\n"
                       "\n"
                       "Done as planned, side-leg-lift raises no finding in check.\n"
                       "\n"
                       "When done, log it: anklog done --date 2026-11-25  (-w, -m, --sets and --reps say what "
                       "differed)\n");
    // What is done already is skipped, with a note.
    const Result rest = run(home, with_log({"done", "--date", "2026-11-25"}));
    CHECK(rest.exit_code == 0);
    CHECK(rest.out.rfind("already done: glute-bridge (log.toml:58)\nappended to log.toml:", 0) == 0);
}

TEST_CASE("done refuses with exit 2 and changes nothing - nothing planned / not planned / all done / a future day / bad flags") {
    ScratchDir home;
    write(home / "log.toml", week_log);
    REQUIRE(run(home, with_log({"-q", "done", "--date", "2026-11-23"})).exit_code == 0);
    const std::string before = read(home / "log.toml");
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"done", "--date", "2026-11-24", "--pain", "2"},
         "anklog: error: nothing is planned on Tue 2026-11-24\n"
         "  help: the nearest planned day is Wed 2026-11-25 (anklog today --date 2026-11-25); to log a session that "
         "was not planned: anklog log ACTIVITY ... --pain 2 --date 2026-11-24\n"},
        {{"done", "walk", "-m", "20", "--date", "2026-11-24"},
         "anklog: error: nothing is planned on Tue 2026-11-24\n"
         "  help: the nearest planned day is Wed 2026-11-25 (anklog today --date 2026-11-25); to log a session that "
         "was not planned: anklog log walk -m 20 --date 2026-11-24\n"},
        {{"done", "walk", "--date", "2026-11-25"},
         "anklog: error: walk is not planned on Wed 2026-11-25 (planned: side-leg-lift and glute-bridge)\n"
         "  help: to log a session that was not planned: anklog log walk ... --date 2026-11-25\n"},
        {{"done", "--date", "2026-11-23"},
         "anklog: error: walk planned on Mon 2026-11-23 is already done\n"
         "  help: to log more, use 'anklog log'; 'anklog today' shows the day\n"},
        {{"done", "--date", "2099-01-01"},
         ""},  // checked below: today's date is in the advice
        {{"done", "glute-brige", "--date", "2026-11-25"},
         "anklog: error: unknown activity \"glute-brige\"\n  help: did you mean 'glute-bridge'?\n"},
        {{"done", "--date", "2026-11-27", "--sets", "2"},
         "anklog: error: --sets: walk is timed (gait); it has no sets or reps\n  help: log how long it took in "
         "minutes instead\n"},
        {{"done", "--date", "2026-11-25", "-w", "1,5kg"},
         "anklog: error: --weight: \"1,5kg\" is not a weight\n  help: write decimals with a point: 1.5 kg\n"},
        {{"done", "--date", "2026-11-25", "--effort", "11"},
         "anklog: error: --effort: 11 is out of range\n  help: write a whole number from 0 to 10\n"},
    };
    for (const auto& [args, expected] : cases) {
        CAPTURE(fmt_args(args));
        const Result r = run(home, with_log(args));
        CHECK(r.exit_code == 2);
        CHECK(r.out == "");
        if (expected.empty()) {
            CHECK(r.err.rfind("anklog: error: --date: 2099-01-01 is in the future\n  help: log sessions after doing "
                              "them (today is ",
                              0) == 0);
        } else {
            CHECK(r.err == expected);
        }
        CHECK(read(home / "log.toml") == before);
    }
}

TEST_CASE("done fails cleanly - a full disk / a read-only folder: exit 2, log unchanged") {
    ScratchDir home;
    write(home / "log.toml", week_log);
    const auto files = contents_of(home.path());
    const std::vector<std::string> done = with_log({"done", "--date", "2026-11-25"});
    const Result full = run(home, done, with_faults("write:.log.toml.anklog-*:ENOSPC"));
    CHECK(full.exit_code == 2);
    CHECK(full.out == "");
    CHECK(full.err == "anklog: error: log.toml: cannot write the log: the disk is full\n"
                      "  help: free some space and try again; your log has not been changed\n");
    CHECK(contents_of(home.path()) == files);
    if (is_root()) {
        fs::permissions(home.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                         fs::perms::others_read | fs::perms::others_exec);
        REQUIRE(chown_to(home / "log.toml", nobody));
        Options as_nobody;
        as_nobody.prefix = as_user(nobody);
        const Result read_only = run(home, done, as_nobody);
        CHECK(read_only.exit_code == 2);
        CHECK(read_only.err == "anklog: error: log.toml: cannot write the log: permission denied\n"
                               "  help: anklog writes a temporary file beside the log: make the folder writable; "
                               "the log has not been changed\n");
        CHECK(contents_of(home.path()) == files);
    }
}

TEST_CASE("concurrent done calls all land - each planned session logged once / a second done of the same finds it done") {
    ScratchDir home;
    write(home / "log.toml", week_log);
    Options patient;
    patient.env = {{"ANKLOG_LOCK_TIMEOUT", "60"}};
    std::vector<int> pids;
    for (const char* activity : {"side-leg-lift", "glute-bridge", "side-leg-lift", "glute-bridge"}) {
        pids.push_back(start(home, with_log({"-q", "done", activity, "--date", "2026-11-25"}), patient));
    }
    int succeeded = 0;
    for (const int pid : pids) {
        const Result r = finish(pid, home);
        if (r.exit_code == 0) {
            ++succeeded;
        } else {
            CHECK(r.exit_code == 2);
            CHECK(r.err.find("is already done") != std::string::npos);
        }
    }
    CHECK(succeeded == 2);
    const anklog::Log log = anklog::parse_log(read(home / "log.toml"), "log.toml");
    std::multiset<std::string> done;
    for (const auto& session : log.sessions) {
        if (anklog::to_string(session.date) == "2026-11-25") done.insert(session.activity);
    }
    CHECK(done == std::multiset<std::string>{"glute-bridge", "side-leg-lift"});
}
