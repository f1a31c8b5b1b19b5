// Issue 19: a load is an activity at a placement; one assessment of where
// the person stands; pain checks.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "anklog/assess.hpp"
#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/plan.hpp"
#include "anklog/profile.hpp"
#include "anklog/toml_writer.hpp"

using namespace anklog;

namespace {

Date day(const char* text) { return *parse_iso_date(text); }

std::string session(const std::string& date, const std::string& activity, const std::string& body) {
    return "\n[[session]]\ndate = " + date + "\nactivity = \"" + activity + "\"\n" + body;
}

std::string pain_check(const std::string& date, int pain) {
    return "\n[[pain]]\ndate = " + date + "\npain = " + std::to_string(pain) + "\n";
}

}  // namespace

TEST_CASE("load key: placement is part of a load, and sessions name their load") {
    Session s;
    s.activity = "walk";
    s.on = Limb::wrist;
    CHECK(load_of(s) == LoadKey{"walk", Limb::wrist});
    CHECK(load_of(s) != LoadKey{"walk", Limb::ankle});
    CHECK(load_name(load_of(s)) == "walk on the wrists");
}

TEST_CASE("weights anklog proposes are settable: whole steps of the profile's unit, or owned") {
    Profile kg;
    kg.units = Unit::kg;
    CHECK(format_mass_exact(*next_weight_up(kg, Limb::ankle, Mass{2, Unit::lb})) == "1 kg");
    CHECK(format_mass_exact(*next_weight_up(kg, Limb::ankle, Mass{1, Unit::kg})) == "1.5 kg");
    CHECK(format_mass_exact(*next_weight_down(kg, Limb::ankle, Mass{3, Unit::lb})) == "1 kg");
    CHECK_FALSE(next_weight_down(kg, Limb::ankle, Mass{1, Unit::lb}).has_value());
    Profile lb;
    lb.units = Unit::lb;
    CHECK(format_mass_exact(*next_weight_up(lb, Limb::ankle, Mass{1, Unit::kg})) == "3 lb");
    CHECK(format_mass_exact(*next_weight_up(lb, Limb::ankle, Mass{2, Unit::lb})) == "3 lb");
    CHECK(format_mass_exact(*next_weight_down(lb, Limb::ankle, Mass{1, Unit::kg})) == "2 lb");
}

TEST_CASE("per-load rules: wrist walks are no working level for ankle walks") {
    const Log log = parse_log("[profile]\nunits = \"lb\"\n" +
                                  session("2026-10-05", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 24\n") +
                                  session("2026-10-08", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 25\n") +
                                  session("2026-10-12", "walk", "weight = \"3 lb\"\nminutes = 25\n"),
                              "log.toml");
    std::vector<Finding> on_the_ankles;
    for (const Finding& f : check(log)) {
        if (f.date == day("2026-10-12")) on_the_ankles.push_back(f);
    }
    REQUIRE(on_the_ankles.size() == 1);
    CHECK(on_the_ankles[0].rule == RuleId::start_light);
}

TEST_CASE("per-day rules count ankles and wrists together: long-wear") {
    const Log log = parse_log(session("2026-10-05", "walk", "on = \"wrist\"\nweight = \"1 kg\"\nminutes = 70\n") +
                                  session("2026-10-05", "walk", "weight = \"1 kg\"\nminutes = 60\n"),
                              "log.toml");
    bool long_wear = false;
    for (const Finding& f : check(log)) long_wear = long_wear || f.rule == RuleId::long_wear;
    CHECK(long_wear);
}

TEST_CASE("pain checks parse as [[pain]] blocks, never as sessions, and the writer's block reads back") {
    PainCheck c;
    c.date = day("2026-11-19");
    c.pain = 2;
    c.note = "left \"knee\"";
    const std::string text = session("2026-11-18", "walk", "weight = \"1 kg\"\nminutes = 10\npain = 4\n") + "\n" +
                             to_toml(c);
    const Log log = parse_log(text, "log.toml");
    CHECK(log.sessions.size() == 1);
    REQUIRE(log.pain_checks.size() == 1);
    CHECK(log.pain_checks[0].date == day("2026-11-19"));
    CHECK(log.pain_checks[0].pain == 2);
    CHECK(log.pain_checks[0].note == "left \"knee\"");
    CHECK(log.pain_checks[0].line == 9);
    CHECK_THROWS_AS(parse_log("[[pain]]\ndate = 2026-11-19\npain = 11\n", "log.toml"), Error);
    CHECK_THROWS_AS(parse_log("[[pain]]\ndate = 2026-11-19\n", "log.toml"), Error);
    CHECK_THROWS_AS(parse_log("[[pain]]\ndate = 2026-11-19\npain = 1\nminutes = 3\n", "log.toml"), Error);
}

TEST_CASE("assess: pain on a day of ankle work holds back all ankle work, not wrist work, until a check says it settled") {
    const std::string base = session("2026-11-16", "barre", "weight = \"1 kg\"\nminutes = 45\n") +
                             session("2026-11-16", "walk", "on = \"wrist\"\nweight = \"1 kg\"\nminutes = 20\n") +
                             session("2026-11-18", "pilates", "weight = \"1 kg\"\nminutes = 50\npain = 5\n");
    const Assessment held = assess(parse_log(base, "log.toml"), day("2026-11-20"));
    CHECK(held.pain.of(Limb::ankle).holds_back());
    CHECK_FALSE(held.pain.of(Limb::wrist).holds_back());
    REQUIRE(held.find(LoadKey{"barre", Limb::ankle}) != nullptr);
    CHECK(held.find(LoadKey{"barre", Limb::ankle})->phase == Phase::holding);
    CHECK(held.find(LoadKey{"walk", Limb::wrist})->phase == Phase::building);
    CHECK(held.severity == Severity::warning);
    CHECK(held.headline ==
          "pain 5/10 in pilates on Wed 2026-11-18 after work on the ankles: hold all work on the ankles; record pain "
          "with --pain, or `anklog pain N` the next morning; the hold ends at a reading of 2/10 or less, or on "
          "2026-12-02");

    const Assessment settled = assess(parse_log(base + pain_check("2026-11-19", 1), "log.toml"), day("2026-11-20"));
    CHECK_FALSE(settled.pain.of(Limb::ankle).holds_back());
    CHECK(settled.attention.empty());

    // Worse the next morning: step down.
    const Assessment worse = assess(parse_log(base + pain_check("2026-11-19", 6), "log.toml"), day("2026-11-20"));
    CHECK(worse.pain.of(Limb::ankle).step_down);
    CHECK(worse.find(LoadKey{"barre", Limb::ankle})->phase == Phase::stepping_down);
    // Dated by the session, citing the check that made it a step down.
    CHECK(worse.headline.starts_with(
        "pain check 6/10 on Thu 2026-11-19, higher than 5/10 in pilates the day before: step down all work on the "
        "ankles;"));
}

TEST_CASE("assess: a hold ends on a reading at or below the settled level, or 14 days after the painful day") {
    const std::string base = session("2026-11-16", "barre", "weight = \"1 kg\"\nminutes = 45\n") +
                             session("2026-11-18", "barre", "weight = \"1 kg\"\nminutes = 45\npain = 3\n");
    // A session without a pain value is no evidence.
    const std::string later = base + session("2026-11-20", "barre", "weight = \"1 kg\"\nminutes = 45\n");
    CHECK(assess(parse_log(later, "log.toml"), day("2026-11-21")).pain.of(Limb::ankle).holds_back());
    // The last day of the hold is 14 days after the painful day; the next, it has ended.
    CHECK(assess(parse_log(later, "log.toml"), day("2026-12-02")).pain.of(Limb::ankle).holds_back());
    const Assessment ended = assess(parse_log(later, "log.toml"), day("2026-12-03"));
    CHECK_FALSE(ended.pain.of(Limb::ankle).holds_back());
    CHECK(ended.find(LoadKey{"barre", Limb::ankle})->phase == Phase::building);
    // A session's pain at or below 2 ends it.
    const std::string settled = base + session("2026-11-20", "barre", "weight = \"1 kg\"\nminutes = 45\npain = 2\n");
    CHECK_FALSE(assess(parse_log(settled, "log.toml"), day("2026-11-21")).pain.of(Limb::ankle).holds_back());
    // A later painful check keeps it: 14 days from that check.
    const Assessment again = assess(parse_log(base + pain_check("2026-11-25", 4), "log.toml"), day("2026-12-05"));
    CHECK(again.pain.of(Limb::ankle).holds_back());
    CHECK(again.pain.of(Limb::ankle).ends == day("2026-12-09"));
}

TEST_CASE("assess: a hold that ended with no reading since asks for a pain check, in the plan's words") {
    // The walker in pounds: pain 5 on a wrist walk, then walks without --pain.
    const std::string text = "[profile]\nunits = \"lb\"\n" +
                             session("2026-11-02", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 24\npain = 5\n") +
                             session("2026-11-04", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 24\n") +
                             session("2026-11-06", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 24\n") +
                             session("2026-11-09", "walk", "on = \"wrist\"\nweight = \"3 lb\"\nminutes = 24\n");
    const std::string said = "the last pain reading after work on the wrists was 5/10 on 2026-11-02, and none since: "
                             "check it first (anklog pain N); at 2/10 or less, go ahead as planned; above that, see a "
                             "doctor or physiotherapist before the weights come back";
    // While the hold lasts, the hold speaks; no check is due yet.
    const Assessment holding = assess(parse_log(text, "log.toml"), day("2026-11-16"));
    CHECK(holding.pain.of(Limb::wrist).holds_back());
    CHECK_FALSE(holding.pain.check_due);
    // Once it ended with no reading: a pain check is due, first in attention.
    const Assessment due = assess(parse_log(text, "log.toml"), day("2026-11-20"));
    CHECK_FALSE(due.pain.of(Limb::wrist).holds_back());
    CHECK(due.pain.check_due);
    REQUIRE(due.attention.size() == 1);
    CHECK(due.attention.front().severity == Severity::warning);
    CHECK(due.attention.front().what == said);
    CHECK(due.headline == said);
    CHECK(due.severity == Severity::warning);
    // The plan says the same words.
    const Week week = plan(parse_log(text, "log.toml"), PlanOptions{day("2026-11-23"), 3, day("2026-11-20")});
    CHECK(std::find(week.notes.begin(), week.notes.end(), said) != week.notes.end());
    // A pain check at 2 answers it.
    const Assessment answered = assess(parse_log(text + pain_check("2026-11-20", 2), "log.toml"), day("2026-11-20"));
    CHECK_FALSE(answered.pain.check_due);
    CHECK(answered.attention.empty());
}

TEST_CASE("assess: pain on a wrist-only day holds back wrist work") {
    const Log log = parse_log(session("2026-11-16", "walk", "weight = \"1 kg\"\nminutes = 20\n") +
                                  session("2026-11-18", "walk", "on = \"wrist\"\nweight = \"1 kg\"\nminutes = 20\npain = 4\n"),
                              "log.toml");
    const Assessment a = assess(log, day("2026-11-19"));
    CHECK(a.pain.of(Limb::wrist).holds_back());
    CHECK_FALSE(a.pain.of(Limb::ankle).holds_back());
}

TEST_CASE("assess: persistent pain rests, then comes back only on evidence, else asks") {
    std::string text;
    for (const char* date : {"2026-11-02", "2026-11-04", "2026-11-06"}) {
        text += session(date, "walk", "weight = \"1 kg\"\nminutes = 20\npain = 4\n");
    }
    const Log log = parse_log(text, "log.toml");
    const Assessment resting = assess(log, day("2026-11-10"));
    CHECK(resting.pain.resting);
    CHECK(resting.pain.resting_until == day("2026-11-20"));
    CHECK(resting.severity == Severity::danger);
    CHECK(resting.find(LoadKey{"walk", Limb::ankle})->phase == Phase::resting);

    const Assessment later = assess(log, day("2026-11-27"));
    CHECK_FALSE(later.pain.resting);
    CHECK(later.pain.check_due);
    // The last training day ended in danger[persistent-pain], no pain check since: still danger.
    CHECK(later.severity == Severity::danger);
    CHECK(later.find(LoadKey{"walk", Limb::ankle})->phase == Phase::coming_back);

    const Assessment checked = assess(parse_log(text + pain_check("2026-11-26", 1), "log.toml"), day("2026-11-27"));
    CHECK_FALSE(checked.pain.check_due);
}

TEST_CASE("plan: pain in Pilates holds back barre (same placement): repeat, raise nothing") {
    std::string text;
    for (const char* date : {"2026-11-02", "2026-11-06", "2026-11-09", "2026-11-13"}) {
        text += session(date, "barre", "weight = \"1 kg\"\nminutes = 45\n");
    }
    text += session("2026-11-04", "pilates", "weight = \"1 kg\"\nminutes = 50\n");
    text += session("2026-11-11", "pilates", "weight = \"1 kg\"\nminutes = 50\npain = 5\n");
    const Week week = plan(parse_log(text, "log.toml"), PlanOptions{day("2026-11-16"), 3});
    bool barre = false;
    for (const PlannedSession& p : week.sessions) {
        CAPTURE(p.reason);
        CHECK(p.session.minutes.value_or(0) <= (p.session.activity == "barre" ? 45 : 50));
        if (p.session.activity == "barre") {
            barre = true;
            CHECK(p.label == PlanLabel::repeat);
        }
    }
    CHECK(barre);
}

TEST_CASE("assess: pain belongs to the session it was logged on, not another placement's work that day") {
    std::string text = "[profile]\nunits = \"lb\"\n";
    for (const char* date : {"2026-11-16", "2026-11-18", "2026-11-20"}) {
        text += session(date, "walk", "on = \"wrist\"\nweight = \"2 lb\"\nminutes = 25\npain = 0\n");
    }
    text += session("2026-11-27", "walk", "on = \"wrist\"\nweight = \"2 lb\"\nminutes = 25\npain = 5\n") +
            session("2026-11-27", "calf-raise", "weight = \"1 lb\"\nsets = 1\nreps = 10\n");
    const Assessment a = assess(parse_log(text, "log.toml"), day("2026-11-28"));
    CHECK(a.pain.of(Limb::wrist).holds_back());
    CHECK_FALSE(a.pain.of(Limb::ankle).holds_back());
    CHECK(a.find(LoadKey{"walk", Limb::wrist})->phase == Phase::holding);
    CHECK(a.find(LoadKey{"calf-raise", Limb::ankle})->phase != Phase::holding);

    // A painful pain check on a rest day holds every placement that day's work loaded.
    const Assessment checked = assess(parse_log(text + pain_check("2026-11-28", 4), "log.toml"), day("2026-11-29"));
    CHECK(checked.pain.of(Limb::wrist).holds_back());
    CHECK(checked.pain.of(Limb::ankle).holds_back());
}

TEST_CASE("assess: pain above 5/10 not yet settled is danger however long ago, settled nothing") {
    std::string text;
    for (const char* date : {"2026-11-02", "2026-11-04"}) text += session(date, "walk", "weight = \"1 kg\"\nminutes = 20\n");
    text += session("2026-11-06", "walk", "weight = \"1 kg\"\nminutes = 20\npain = 4\n") +
            session("2026-11-09", "walk", "weight = \"1 kg\"\nminutes = 20\npain = 6\n") +
            session("2026-11-11", "walk", "weight = \"1 kg\"\nminutes = 20\npain = 7\n");
    const Log log = parse_log(text, "log.toml");
    CHECK(assess(log, day("2026-12-05")).severity == Severity::danger);
    CHECK(unsettled_pain_severity(6, 5) == Severity::danger);
    CHECK(unsettled_pain_severity(5, 5) == Severity::warning);
    // Not settled by a check of 5: still danger.
    CHECK(assess(parse_log(text + pain_check("2026-12-04", 5), "log.toml"), day("2026-12-05")).severity ==
          Severity::danger);
    // Settled by a check of 1: no standing, and so nothing says danger.
    const Assessment settled = assess(parse_log(text + pain_check("2026-12-04", 1), "log.toml"), day("2026-12-05"));
    CHECK(settled.attention.empty());
    // One pain day of 6 (no persistent run), never settled: danger too.
    const Assessment once = assess(parse_log(session("2026-11-02", "walk", "weight = \"1 kg\"\nminutes = 20\npain = 6\n"),
                                             "log.toml"),
                                   day("2026-11-03"));
    CHECK(once.severity == Severity::danger);
}
