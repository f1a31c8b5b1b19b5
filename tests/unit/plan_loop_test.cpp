// The closed loop: a person who follows the plan week after week (each
// planned week done as planned, then the next week planned) never gets a
// warning or danger from check, never gets an empty week unless their pain is
// recent, never takes two weight steps in a row, and progresses. And the law
// of suggestions: doing what a finding proposes instead of the flagged
// session raises nothing at warning or above on it.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "random_equipment.hpp"
#include "law_trials.hpp"
#include "anklog/check.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/plan.hpp"
#include "anklog/toml_writer.hpp"
#include "string_vectors.hpp"

using namespace anklog;

namespace {

// What 26 weeks of following the plan came to.
struct Loop {
    int weeks = 0;
    int sessions = 0;
    int sided = 0;  // planned sessions of one side
    std::vector<std::string> problems;  // each one a broken promise, with its week
    std::map<std::string, int> longest_minutes;  // per activity, weighted
};

Date next_monday_after(const Log& log, Date fallback) {
    if (log.sessions.empty()) return fallback;
    Date last = log.sessions.front().date;
    for (const Session& s : log.sessions) last = std::max(last, s.date);
    return add_days(week_start(last), 7);
}

Loop follow_plan(std::string text, int weeks, int days, Date start) {
    Loop loop;
    std::map<std::string, double> heaviest_last_week;  // activity -> kg
    std::map<std::string, bool> stepped_last_week;
    Date monday = start;
    for (int w = 0; w < weeks; ++w) {
        const Log log = parse_log(text, "loop.toml");
        monday = w == 0 ? next_monday_after(log, start) : std::max(add_days(monday, 7), next_monday_after(log, start));
        const Week week = plan(log, PlanOptions{monday, days});
        ++loop.weeks;
        const auto where = [&](const std::string& what) {
            loop.problems.push_back(fmt::format("week {} ({}): {}", w + 1, to_string(monday), what));
        };
        if (week.sessions.empty()) {
            const bool rest_for_pain = std::any_of(week.notes.begin(), week.notes.end(), [](const std::string& n) {
                return n.find("no weights this week") != std::string::npos && n.find("pain") != std::string::npos;
            });
            if (!rest_for_pain) where(fmt::format("an empty week: {}", fmt::join(week.notes, " / ")));
        }
        const std::size_t logged = log.sessions.size();
        std::map<std::string, double> heaviest;
        for (const PlannedSession& p : week.sessions) {
            text += "\n" + to_toml(p.session);
            ++loop.sessions;
            if (p.session.side != Side::both) ++loop.sided;
            if (p.session.weighted()) {
                // Each side is its own load: its own steps.
                const std::string load =
                    p.session.side == Side::both
                        ? p.session.activity
                        : fmt::format("{} ({})", p.session.activity, to_string(p.session.side));
                double& kg = heaviest[load];
                kg = std::max(kg, p.session.weight->kg());
                if (p.session.minutes) {
                    int& longest = loop.longest_minutes[p.session.activity];
                    longest = std::max(longest, *p.session.minutes);
                }
            }
        }
        const Log after = parse_log(text, "loop.toml");
        for (const Finding& f : check(after)) {
            if (f.session >= logged && f.severity >= Severity::warning) {
                where(fmt::format("{}[{}] on {} {}: {} / {}", to_string(f.severity), to_string(f.rule),
                                  to_string(f.date), f.activity, f.message, f.evidence));
            }
        }
        std::map<std::string, bool> stepped;
        for (const auto& [activity, kg] : heaviest) {
            const auto before = heaviest_last_week.find(activity);
            stepped[activity] = before != heaviest_last_week.end() && kg > before->second + 1e-6;
            if (stepped[activity] && stepped_last_week[activity]) {
                where(fmt::format("{}: a second weight step in a row", activity));
            }
        }
        for (const auto& [activity, kg] : heaviest) heaviest_last_week[activity] = kg;
        stepped_last_week = stepped;
    }
    return loop;
}

std::string example(const std::string& name) {
    std::ifstream in(std::string(ANKLOG_SOURCE_DIR) + "/examples/" + name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Random histories: regular weeks, breaks, pain, effort, pounds, injury
// history, owned weights and [rules] overrides; with `sides`, also sessions
// of one side (left or right, mixed with both sides) and injuries of one side.
std::string random_history(std::mt19937& random, Date start, bool sides = false, bool cuffs = false) {
    const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    const std::vector<std::string> activities{"walk",  "hike",      "pilates", "side-leg-lift", "glute-bridge",
                                              "squat", "calf-raise", "run",    "barre",         "superman"};
    const std::vector<std::string> heads{"",
                                         "[profile]\nhistory = [\"knee\"]",
                                         "[profile]\nweights = [\"0.5 kg\", \"1 kg\", \"2 kg\", \"3 kg\"]",
                                         "[profile]\nunits = \"lb\"\nweights = [\"1 lb\", \"2 lb\", \"3 lb\", \"5 lb\"]",
                                         "[profile]\nunits = \"lb\"\nhistory = [\"hip\"]"};
    const std::vector<std::string> rules{"",
                                         "[rules]\noff = [\"monotony\", \"volume-spike\"]",
                                         "[rules.volume-spike]\nwarning = 0.2\ndanger = 0.5",
                                         "[rules.load-ramp]\nweekly_ratio = 1.15\nacwr = 1.3",
                                         "[rules.start-light]\nmax_minutes = 5\nmax_kg = 0.5",
                                         "[rules.long-wear]\nmax_minutes = 45",
                                         "[rules.over-range]\ngait_warning_kg = 1\nother_warning_kg = 2",
                                         "[rules.pain]\nraised_after = 1"};
    std::string head = heads[static_cast<std::size_t>(pick(static_cast<int>(heads.size())))];
    if (sides && pick(3) == 0) head = pick(2) == 0 ? "[profile]\nhistory = [\"left knee\"]" : "[profile]\nhistory = [\"right hip\", \"right knee\"]";
    const bool pounds = head.find("\"lb\"") != std::string::npos;
    std::string text = head + "\n" + rules[static_cast<std::size_t>(pick(static_cast<int>(rules.size())))] + "\n";
    if (cuffs) text += random_equipment(pounds, pick(2) == 0);
    const int count = pick(50);
    int day = 0;
    for (int i = 0; i < count; ++i) {
        day += pick(10) < 7 ? pick(3) : pick(40);  // mostly regular, sometimes a break
        const std::string& activity = activities[static_cast<std::size_t>(pick(static_cast<int>(activities.size())))];
        const bool timed = activity == "walk" || activity == "hike" || activity == "pilates" || activity == "run" ||
                           activity == "barre";
        text += fmt::format("\n[[session]]\ndate = {}\nactivity = \"{}\"\n", to_string(add_days(start, day)), activity);
        if (pick(5) != 0) {
            text += pounds ? fmt::format("weight = \"{} lb\"\n", 1 + pick(6))
                           : fmt::format("weight = \"{} kg\"\n", 0.5 * (1 + pick(6)));
        }
        if (timed) {
            text += fmt::format("minutes = {}\n", 5 + pick(90));
        } else {
            text += fmt::format("sets = {}\nreps = {}\n", 1 + pick(3), 5 + pick(12));
        }
        if (pick(4) == 0) text += fmt::format("pain = {}\n", pick(8));
        if (pick(3) == 0) text += fmt::format("effort = {}\n", pick(11));
        if (sides && pick(3) != 0) text += pick(2) == 0 ? "side = \"left\"\n" : "side = \"right\"\n";
    }
    return text;
}

const Date loop_start = *parse_iso_date("2026-01-05");  // a Monday

}  // namespace

TEST_CASE("closed loop from an empty log: 26 weeks clean, no double steps, walks reach 20 min") {
    Loop loop = follow_plan("", 26, 3, loop_start);
    CHECK(loop.problems == std::vector<std::string>{});
    CHECK(loop.weeks == 26);
    CHECK(loop.longest_minutes["walk"] >= 20);
    MESSAGE(fmt::format("empty log: {} sessions in {} weeks, longest walk {} min", loop.sessions, loop.weeks,
                        loop.longest_minutes["walk"]));
}

TEST_CASE("closed loop from each example: 26 weeks clean") {
    for (const std::string name : {"beginner-eight-weeks.toml", "knee-rehab.toml", "too-much-too-soon.toml"}) {
        CAPTURE(name);
        const Loop loop = follow_plan(example(name), 26, 3, loop_start);
        CHECK(loop.problems == std::vector<std::string>{});
        CHECK(loop.sessions > 26);  // not kept by planning nothing
    }
}

// The plan followed for 26 weeks from `trials` random histories (from
// `seed`; `sides(trial)`: whether a history has sessions of one side;
// `cuffs`: adjustable cuffs and a wrist pair), every problem checked.
struct LoopTotals {
    int sessions = 0;
    int sided = 0;  // planned sessions of one side
};

template <typename Sides>
LoopTotals closed_loops(unsigned seed, int trials, Sides sides, bool cuffs) {
    std::mt19937 random(seed);
    LoopTotals totals;
    for (int trial = 0; trial < trials; ++trial) {
        const std::string history = random_history(random, *parse_iso_date("2025-06-02"), sides(trial), cuffs);
        const int days = 1 + static_cast<int>(random() % 5);
        CAPTURE(trial);
        CAPTURE(days);
        CAPTURE(history);
        const Loop loop = follow_plan(history, 26, days, loop_start);
        CHECK(loop.problems == std::vector<std::string>{});
        totals.sessions += loop.sessions;
        totals.sided += loop.sided;
    }
    return totals;
}

TEST_CASE("closed loop from random histories (breaks, pain, pounds, injuries, [rules]): 26 weeks clean") {
    constexpr int trials = test::law_trials(60);
    const LoopTotals totals = closed_loops(20261129, trials, [](int) { return false; }, false);
    CHECK(totals.sessions > trials * 26);
}

TEST_CASE("closed loop from random histories with sides (left, right and both, injuries of one side): 26 weeks clean") {
    constexpr int trials = test::law_trials(40);
    const LoopTotals totals = closed_loops(20261205, trials, [](int) { return true; }, false);
    CHECK(totals.sessions > trials * 26);
    CHECK(totals.sided > trials);  // the plan kept sides apart, not only the history
}

TEST_CASE("the law of suggestions: doing the proposed load instead raises nothing at warning or above on it") {
    for (const bool sides : {false, true}) {
        CAPTURE(sides);
        std::mt19937 random(4242);
        int suggestions = 0;
        for (int trial = 0; trial < test::law_trials(300); ++trial) {
            const std::string history = random_history(random, *parse_iso_date("2026-03-02"), sides);
            const Log log = parse_log(history, "law.toml");
            CAPTURE(trial);
            CAPTURE(history);
            for (const Finding& f : check(log)) {
                if (!f.suggestion) continue;
                ++suggestions;
                Log instead = log;
                instead.sessions[f.session] = *f.suggestion;
                for (const Finding& g : check(instead)) {
                    if (g.session == f.session && g.severity >= Severity::warning) {
                        CAPTURE(to_string(f.rule));
                        CAPTURE(f.advice);
                        FAIL_CHECK(fmt::format("{}[{}] on the suggestion: {} / {}", to_string(g.severity),
                                               to_string(g.rule), g.message, g.evidence));
                    }
                }
            }
        }
        CHECK(suggestions > test::law_trials(300));
    }
}

TEST_CASE("closed loop from random histories with adjustable cuffs (ankle cuffs, a wrist pair): 26 weeks clean") {
    constexpr int trials = test::law_trials(30);
    const LoopTotals totals = closed_loops(20261206, trials, [](int trial) { return trial % 2 == 0; }, true);
    CHECK(totals.sessions > trials * 26);
}
