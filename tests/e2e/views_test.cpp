// Issue 19, the commands' words: check, plan, today, summary and the review
// say the same thing, in the same words and numbers, about the same log on
// the same day, and the review fits an 80-column terminal.
#include <doctest/doctest.h>

#include <ctime>
#include <string>

#include "anklog/date.hpp"
#include "harness.hpp"
#include "terminal.hpp"

using namespace e2e;

namespace {

std::string block(const std::string& date, const std::string& activity, const std::string& body) {
    return "\n[[session]]\ndate = " + date + "\nactivity = \"" + activity + "\"\n" + body;
}

// Walks with 1 kg on the ankles `days_ago` (each with its pain).
std::string walks(const std::vector<std::pair<int, int>>& days_ago_and_pain) {
    std::string out = "[profile]\nweights = [\"0.5 kg\", \"1 kg\"]\n";
    const anklog::Date today = local_today();
    for (const auto& [ago, pain] : days_ago_and_pain) {
        out += block(anklog::to_string(anklog::add_days(today, -ago)), "walk",
                     "weight = \"1 kg\"\nminutes = 12\npain = " + std::to_string(pain) + "\n");
    }
    return out;
}

std::string day(int from_today) { return anklog::to_string(anklog::add_days(local_today(), from_today)); }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("views point 1: plan counts the days from today and ends the rest on the day today, check and summary do") {
    ScratchDir home;
    // Pain on the last three training days, the last three days ago: a rest.
    write(home / "rest.toml", walks({{12, 0}, {10, 0}, {7, 3}, {5, 4}, {3, 3}}));
    const std::string resting = "resting after pain on 3 of the last 5 training days (the last on " + day(-3) +
                                "), until " + day(11) +
                                ": see a doctor or physiotherapist before training with weights again";
    const Result today = run(home, {"-f", "rest.toml", "today"});
    CHECK(has(today.out, "\nWhere you stand on " + day(0) + ": danger: " + resting + "\n"));
    const Result summary = run(home, {"-f", "rest.toml", "summary"});
    CHECK(has(summary.out, "\nWhere you stand on " + day(0) + ": danger: " + resting + "\n"));
    const Result plan = run(home, {"-f", "rest.toml", "plan"});
    CHECK(plan.exit_code == 0);
    CHECK(has(plan.out, "\nnote: pain of 3/10 or more on 3 of your last 5 training days, the last on " + day(-3) +
                            ": rest until " + day(11) +
                            ", so no weights this week, and see a doctor or physiotherapist before training with "
                            "weights again (Ankle Weights 101)\n"));

    // The same pain 22 days ago: coming back, 22 days after it in every
    // command; the last day ended in danger[persistent-pain] and no pain
    // check since, so still danger.
    write(home / "back.toml", walks({{30, 0}, {28, 0}, {26, 3}, {24, 4}, {22, 3}}));
    const std::string back = "coming back after pain (the last painful day " + day(-22) +
                             ", 22 days ago), no pain check since: check it first (anklog pain N); come back if it is "
                             "2/10 or less, else see a physiotherapist";
    CHECK(has(run(home, {"-f", "back.toml", "today"}).out, "\nWhere you stand on " + day(0) + ": danger: " + back + "\n"));
    CHECK(has(run(home, {"-f", "back.toml", "summary"}).out,
              "\nWhere you stand on " + day(0) + ": danger: " + back + "\n"));
    const Result review = run(home, {"check", "back.toml", "rest.toml"}, Options{{{"COLUMNS", "80"}}, {}, {}, {}});
    CHECK(has(review.out, "\nWhere you stand on " + day(0) + ": danger: " + back + "\n"));
    CHECK(has(review.out, " 22 days after pain, no pain check since\n"));
    CHECK(has(run(home, {"-f", "back.toml", "plan"}).out,
              "\nnote: a come-back week only if the pain has settled: your last painful day was 22 days ago (" +
                  day(-22) +
                  ") and nothing logged since says how it is; check it first (anklog pain N): at 2/10 or less, come "
                  "back as planned; above that, see a doctor or physiotherapist before you start\n"));
}

TEST_CASE("views point 2: the review fits 80 columns, the standing under each row, no word cut") {
    ScratchDir home;
    for (const char* name : {"ann.toml", "bo.toml", "cy.toml", "dee.toml"}) {
        write(home / name, read(source_dir() / "examples/clients" / name));
    }
    const std::vector<std::string> args{"check", "ann.toml", "bo.toml", "cy.toml", "dee.toml",
                                        "--since", "2026-11-16", "--until", "2026-11-29"};
    const std::string table =
        "Review of 4 logs from 2026-11-16 to 2026-11-29\n"
        "log       sessions  last session  days since  danger  warning  note  pain (14d)\n"
        "Bo               6  2026-11-26             3       2        3     0        4/10\n"
        "  standing: resting after pain until 2026-12-10\n"
        "Cy               0  2026-11-14            15       0        0     0           -\n"
        "  standing: 15 days after pain, no pain check since\n"
        "Ann              7  2026-11-27             2       0        0     0        0/10\n"
        "  standing: ok\n"
        "dee.toml         4  2026-11-26             3       0        0     0        0/10\n"
        "  standing: ok\n";
    // Piped with COLUMNS=80 (and without COLUMNS: 80) the table fits.
    const Result piped = run(home, args, Options{{{"COLUMNS", "80"}}, {}, {}, {}});
    CHECK(piped.exit_code == 1);
    CHECK(has(piped.out, table + "\n"));
    CHECK(run(home, args).out.find(table) < run(home, args).out.find("Bo (bo.toml)"));
    // On an 80-column terminal (tmux), every line fits, wrapped at spaces.
    Options terminal = on_terminal({});
    terminal.env["COLUMNS"] = "80";
    const Result tty = run(home, args, terminal);
    CHECK(has(tty.out, table));
    CHECK(has(tty.out, "bo.toml: 6 sessions checked from 2026-11-16 to 2026-11-29: 2 danger, 3 warnings\n"));
    CHECK(has(tty.out, "\nWhere you stand on 2026-11-29: danger: resting after pain on 4 of the last 5\n"
                       "    training days (the last on 2026-11-26), until 2026-12-10: see a doctor or\n"
                       "    physiotherapist before training with weights again\n"));
    for (const std::string& line : lines_of(tty.out)) {
        CAPTURE(line);
        CHECK(line.size() < 80);
    }
    // Wide enough, the standing keeps its column, wrapped within it.
    const Result wide = run(home, args, Options{{{"COLUMNS", "104"}}, {}, {}, {}});
    CHECK(has(wide.out,
        "log       sessions  last session  days since  danger  warning  note  pain (14d)  standing\n"
        "Bo               6  2026-11-26             3       2        3     0        4/10  resting after pain\n"
        "                                                                                 until 2026-12-10\n"
        "Cy               0  2026-11-14            15       0        0     0           -  15 days after pain, no\n"
        "                                                                                 pain check since\n"
        "Ann              7  2026-11-27             2       0        0     0        0/10  ok\n"
        "dee.toml         4  2026-11-26             3       0        0     0        0/10  ok\n"));
}

TEST_CASE("views point 3: two pain-4 warnings on one day give the same advice, the most protective") {
    ScratchDir home;
    write(home / "log.toml", "[profile]\nunits = \"lb\"\nweights = [\"1 lb\", \"2 lb\"]\n" +
                                 block("2026-11-02", "walk", "weight = \"1 lb\"\nminutes = 10\n") +
                                 block("2026-11-04", "walk", "weight = \"1 lb\"\nminutes = 11\n") +
                                 block("2026-11-06", "walk", "weight = \"1 lb\"\nminutes = 12\npain = 3\n") +
                                 block("2026-11-09", "walk", "weight = \"1 lb\"\nminutes = 12\npain = 3\n") +
                                 block("2026-11-11", "walk", "weight = \"1 lb\"\nminutes = 12\npain = 4\n") +
                                 block("2026-11-11", "side-leg-lift", "weight = \"1 lb\"\nsets = 1\nreps = 10\npain = 4\n"));
    const Result r = run(home, {"-f", "log.toml", "check", "--since", "2026-11-11"});
    CHECK(r.exit_code == 1);
    const std::string stop = "  = stop training with weights and see a doctor or physiotherapist: pain that keeps coming "
                             "back does not settle with rest alone  (source: ";
    // The standing follows (its days count from today).
    CHECK(r.out.find("Where you stand on ") != std::string::npos);
    CHECK(r.out.substr(0, r.out.find("Where you stand on ")) == "log.toml:31: warning[pain]: walk on 2026-11-11 hurt: pain 4/10\n"
                   "  = pain 4/10 >= 4/10\n" +
                       stop + "Silbernagel et al. 2007; Ankle Weights 101, PowerRebound)\n"
                       "\n"
                       "log.toml:31: danger[persistent-pain]: walk on 2026-11-11 made 3 of the last 5 training days "
                       "painful (3/10 or more)\n"
                       "  = highest pain of each of the last 5 training days: -, -, 3, 3, 4\n" +
                       stop + "Ankle Weights 101, PowerRebound)\n"
                       "\n"
                       "log.toml:38: warning[pain]: side-leg-lift on 2026-11-11 hurt: pain 4/10\n"
                       "  = pain 4/10 >= 4/10\n" +
                       stop + "Silbernagel et al. 2007; Ankle Weights 101, PowerRebound)\n"
                       "\n"
                       "log.toml: 2 sessions checked since 2026-11-11: 1 danger, 2 warnings\n");
}

TEST_CASE("views point 4: today shows what check raised on a session done that day without a plan") {
    ScratchDir home;
    write(home / "log.toml", block("2026-11-02", "walk", "weight = \"1 kg\"\nminutes = 10\n") +
                                 block("2026-11-04", "walk", "weight = \"2 kg\"\nminutes = 10\n"));
    const Result r = run(home, {"-f", "log.toml", "today", "--date", "2026-11-04"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "Wed 2026-11-04, from log.toml: 0 planned, 1 done\n"
                   "Where you stand on 2026-11-04: danger: the last training day (2026-11-04) ended in "
                   "danger[weight-jump]: walk on 2026-11-04 jumped more than one weight step\n"
                   "\n"
                   "  walk  2 kg  10 min  done, not planned\n"
                   "\n"
                   "Done on this day, walk raised in check:\n"
                   "\n"
                   "log.toml:8: danger[weight-jump]: walk on 2026-11-04 jumped more than one weight step\n"
                   "  = weight 1 kg -> 2 kg (2.0x), one step up is 1.5 kg\n"
                   "  = go up one weight step at a time: 1.5 kg for 10 min  (source: Ankle Weights 101, "
                   "PowerRebound: go heavier gradually)\n"
                   "\n"
                   "log.toml:8: warning[over-range]: walk on 2026-11-04 used 2 kg per limb, heavier than weights for "
                   "walking and other gait work should be\n"
                   "  = 2 kg > 1.5 kg for gait activities\n"
                   "  = for gait work stay at or below 1.5 kg per limb, and use heavier weights for strength exercises: "
                   "1.5 kg for 10 min  (source: A. Lee, physiotherapist; ACE; Browning et al. 2007)\n"
                   "\n"
                   "Nothing is planned for this day.\n");
}

TEST_CASE("views point 5: the first ankle walk after wrist walks, on a day too many, gets its dose for after a rest") {
    ScratchDir home;
    write(home / "log.toml", "[profile]\nunits = \"lb\"\nweights = [\"1 lb\", \"2 lb\", \"3 lb\"]\n" +
                                 block("2026-11-02", "walk", "on = \"wrist\"\nweight = \"2 lb\"\nminutes = 10\n") +
                                 block("2026-11-04", "walk", "on = \"wrist\"\nweight = \"2 lb\"\nminutes = 12\n") +
                                 block("2026-11-06", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 12\n") +
                                 block("2026-11-09", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 14\n") +
                                 block("2026-11-11", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 15\n") +
                                 block("2026-11-12", "walk", "weight = \"1 lb\"\nminutes = 20\n"));
    const Result r = run(home, {"-f", "log.toml", "check", "--since", "2026-11-12"});
    CHECK(r.exit_code == 1);
    CHECK(r.out ==
          "log.toml:40: warning[start-light]: first walk with weights on the ankles, on 2026-11-12, started longer "
          "than a first session should\n"
          "  = duration 20 min > 10 min (first weighted session of walk on the ankles)\n"
          "  = start light and build up one thing at a time: 1 lb for 10 min, after a rest day  (source: Ankle "
          "Weights 101, PowerRebound; A. Lee, physiotherapist)\n"
          "\n"
          "log.toml:40: warning[load-ramp]: weighted gait work in the week of 2026-11-09 passed 1.3x the largest of "
          "the 4 weeks before\n"
          "  = this week 49 min so far vs 34 min at most in the previous 4 weeks (44% more)\n"
          "  = keep this week's weighted gait work to about 37 min, adding about 10% a week: 1 lb for 10 min, after "
          "a rest day  (source: Nielsen et al. 2014; Gabbett 2016)\n"
          "\n"
          "log.toml:40: warning[no-rest]: walk on 2026-11-12 made 4 weighted days in 7, within the first 14 days\n"
          "  = weighted days 2026-11-06, 2026-11-09, 2026-11-11, 2026-11-12; at first, at most 3 in any 7\n"
          "  = start with 2-3 weighted days a week, with rest days between, for the first weeks  (source: ACSM 2009; "
          "Ankle Weights 101, PowerRebound)\n"
          "\n"
          "log.toml: 1 session checked since 2026-11-12: 3 warnings\n"
          "Where you stand on " + anklog::to_string(local_today()) + ": nothing needs attention\n");
}

TEST_CASE("views: today names the placement of an activity planned at two, and wraps its sentences at 80 columns") {
    ScratchDir home;
    write(home / "log.toml", "[profile]\nunits = \"lb\"\n" +
                                 block("2026-11-16", "walk", "on = \"wrist\"\nweight = \"2 lb\"\nminutes = 20\n") +
                                 block("2026-11-18", "walk", "weight = \"1 lb\"\nminutes = 10\n") +
                                 "\n[[planned]]\ndate = 2026-11-20\nactivity = \"walk\"\non = \"wrist\"\nweight = \"2 lb\"\n"
                                 "minutes = 20\n"
                                 "\n[[planned]]\ndate = 2026-11-20\nactivity = \"walk\"\nweight = \"1 lb\"\nminutes = 10\n");
    Options terminal = on_terminal({});
    terminal.env["COLUMNS"] = "80";
    const Result r = run(home, {"-f", "log.toml", "today", "--date", "2026-11-20"}, terminal);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "Fri 2026-11-20, from log.toml: 2 planned, 0 done\n"
                   "\n"
                   "  walk  2 lb (wrists)  20 min  to do\n"
                   "  walk  1 lb           10 min  to do\n"
                   "\n"
                   "Done as planned, walk on the wrists and walk on the ankles raise no finding in\n"
                   "check.\n"
                   "\n"
                   "When done, log them: anklog done --date 2026-11-20  (-w, -m, --sets and --reps\n"
                   "say what differed)\n");
}

TEST_CASE("views: today says on which placement a planned wrist walk was done when it was done on the ankles") {
    ScratchDir home;
    write(home / "log.toml", "[profile]\nunits = \"lb\"\n" +
                                 block("2026-11-13", "walk", "on = \"wrist\"\nweight = \"1 lb\"\nminutes = 20\n") +
                                 "\n[[planned]]\ndate = 2026-11-16\nactivity = \"walk\"\non = \"wrist\"\nweight = \"1 lb\"\n"
                                 "minutes = 22\n" +
                                 block("2026-11-16", "walk", "weight = \"2 lb\"\nminutes = 10\n"));
    const Result r = run(home, {"-f", "log.toml", "today", "--date", "2026-11-16"});
    CHECK(r.out.find("\n  walk  1 lb (wrists)  22 min  done, as 2 lb on the ankles for 10 min\n") != std::string::npos);
}
