// [[prescription]]: parsing (located errors, both parse paths), which one is
// in force on a date, the clinician's criterion, and the writer's round trip.
#include <doctest/doctest.h>

#include "anklog/error.hpp"
#include "anklog/log.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/prescription.hpp"
#include "anklog/toml_writer.hpp"

using namespace anklog;

namespace {

std::string error_of(const std::string& text) {
    try {
        (void)parse_log(text, "log.toml");
    } catch (const Error& e) {
        return e.where().to_string() + ": " + e.message() + " | " + e.advice();
    }
    return "no error";
}

const char* const issue_example = R"([profile]
units = "kg"

[[session]]
date = 2026-11-02
activity = "walk"
minutes = 10

[[prescription]]
activity = "side-leg-lift"
days = 3                       # per week
sets = [2, 3]                  # from, to
reps = [10, 15]
weight = ["0.5 kg", "1 kg"]
side = "left"
on = "ankle"
note = "slow on the way down"
progress_when = { pain_at_most = 2, effort_at_most = 5, sessions = 2 }
)";

Date day(const char* text) { return *parse_iso_date(text); }

}  // namespace

TEST_CASE("the issue's [[prescription]] reads, by blocks and whole, the same") {
    // A table after the blocks makes the parser read the whole document at once.
    const std::string whole = std::string(issue_example) + "\n[rules]\noff = []\n";
    for (const Log& log : {parse_log(issue_example, "log.toml"), parse_log(whole, "log.toml")}) {
        REQUIRE(log.prescriptions.size() == 1);
        const Prescription& rx = log.prescriptions.front();
        CHECK(rx.activity == "side-leg-lift");
        CHECK(rx.days == 3);
        CHECK(rx.sets->from == 2);
        CHECK(rx.sets->to == 3);
        CHECK(rx.reps->to == 15);
        CHECK(rx.weight->from.amount == doctest::Approx(0.5));
        CHECK(rx.side == "left");
        CHECK(rx.line == 9);
        CHECK(!rx.from);
        REQUIRE(rx.progress_when);
        CHECK(*rx.progress_when->pain_at_most == 2);
        CHECK(*rx.progress_when->effort_at_most == 5);
        CHECK(rx.progress_when->sessions == 2);
        CHECK(dose_text(rx, Unit::kg) == "2-3 x 10-15 at 0.5-1 kg");
        CHECK(criterion_text(*rx.progress_when) == "pain <= 2, effort <= 5 on the last 2 sessions");
        CHECK(log.sessions.size() == 1);
    }
}

TEST_CASE("a prescription's problems are located at the key") {
    const std::string head = "[[prescription]]\nactivity = \"side-leg-lift\"\ndays = 3\n";
    CHECK(error_of(head + "sets = [3, 2]\nreps = [10, 15]\n") ==
          "log.toml:4:8: the sets range runs backwards: 3 to 2 | write the lower number first, e.g. sets = [2, 3]");
    CHECK(error_of(head + "sets = [2, 3]\n") ==
          "log.toml:1:1: a prescription of side-leg-lift needs sets and reps | add both, e.g. sets = [2, 3] and reps = "
          "[10, 15]");
    CHECK(error_of(head + "sets = 2\nreps = [10, 15]\n") ==
          "log.toml:4:8: 'sets' must be a range [from, to], not a whole number | write it as sets = [2, 3] (the same "
          "number twice for a fixed dose)");
    CHECK(error_of(head + "sets = [2, 3]\nreps = [10, 15]\nprogres_when = { pain_at_most = 2 }\n").starts_with(
        "log.toml:6:1: unknown key 'progres_when' in [[prescription]] | did you mean 'progress_when'?"));
    CHECK(error_of(head + "sets = [2, 3]\nreps = [10, 15]\nprogress_when = { pain_most = 2 }\n")
              .starts_with("log.toml:6:19: unknown key 'pain_most' in progress_when"));
    CHECK(error_of("[[prescription]]\nactivity = \"walk\"\ndays = 9\nminutes = [10, 20]\n") ==
          "log.toml:3:8: days 9 is out of range | days per week must be 1 to 7, e.g. days = 3");
    CHECK(error_of("[[prescription]]\nactivity = \"walk\"\ndays = 3\nminutes = [10, 20]\nfrom = 2026-12-10\nuntil = "
                   "2026-12-01\n") ==
          "log.toml:6:9: until 2026-12-01 is before from 2026-12-10 | end the prescription on or after its first day");
    CHECK(error_of("[[prescription]]\nactivity = \"wlak\"\ndays = 3\n").starts_with(
        "log.toml:2:12: unknown activity \"wlak\" | did you mean"));
}

TEST_CASE("a newer prescription of the same activity supersedes the older from its date, the older holds before") {
    const std::string text =
        "[[prescription]]\nactivity = \"walk\"\ndays = 3\nminutes = [10, 20]\n\n"
        "[[prescription]]\nactivity = \"walk\"\ndays = 2\nminutes = [20, 30]\nfrom = 2026-12-07\n\n"
        "[[prescription]]\nactivity = \"glute-bridge\"\ndays = 2\nsets = [1, 2]\nreps = [10, 12]\nuntil = 2026-12-06\n";
    const Log log = parse_log(text, "log.toml");
    const auto on_first = prescriptions_in_force(log.prescriptions, day("2026-12-01"));
    REQUIRE(on_first.size() == 2);
    CHECK(on_first[0]->days == 3);
    CHECK(on_first[1]->activity == "glute-bridge");
    const auto later = prescriptions_in_force(log.prescriptions, day("2026-12-07"));
    REQUIRE(later.size() == 1);
    CHECK(later[0]->days == 2);
    CHECK(prescription_for(log.prescriptions, "walk", Side::both, day("2026-12-06"))->days == 3);
    CHECK(prescription_for(log.prescriptions, "glute-bridge", Side::both, day("2026-12-07")) == nullptr);
}

TEST_CASE("one prescription per activity and side: left and right together, both sides replaces either") {
    const std::string text =
        "[[prescription]]\nactivity = \"walk\"\ndays = 3\nminutes = [10, 20]\n\n"
        "[[prescription]]\nactivity = \"side-leg-lift\"\ndays = 3\nsets = [2, 3]\nreps = [10, 15]\nside = \"left\"\n\n"
        "[[prescription]]\nactivity = \"side-leg-lift\"\ndays = 2\nsets = [1, 2]\nreps = [8, 12]\nside = \"right\"\n\n"
        "[[prescription]]\nactivity = \"side-leg-lift\"\ndays = 1\nsets = [1, 1]\nreps = [8, 8]\nfrom = 2026-12-07\n\n"
        "[[prescription]]\nactivity = \"walk\"\ndays = 2\nminutes = [5, 10]\nside = \"left\"\nfrom = 2026-12-14\n";
    const Log log = parse_log(text, "log.toml");
    const auto first = prescriptions_in_force(log.prescriptions, day("2026-12-01"));
    REQUIRE(first.size() == 3);  // walk, the left and the right side-leg-lift, in file order
    CHECK(first[1]->side == "left");
    CHECK(first[2]->side == "right");
    CHECK(prescription_for(log.prescriptions, "side-leg-lift", Side::right, day("2026-12-01"))->days == 2);
    CHECK(prescription_for(log.prescriptions, "side-leg-lift", Side::left, day("2026-12-01"))->days == 3);
    // A both-sides session: the first in the file that judges it.
    CHECK(prescription_for(log.prescriptions, "side-leg-lift", Side::both, day("2026-12-01"))->days == 3);
    // A newer one of both sides replaces the left and the right.
    const auto both = prescriptions_in_force(log.prescriptions, day("2026-12-07"));
    REQUIRE(both.size() == 2);
    CHECK(both[1]->days == 1);
    // A newer one of one side replaces the older of both sides: the other
    // side is not prescribed until the clinician prescribes it again.
    const auto left = prescriptions_in_force(log.prescriptions, day("2026-12-14"));
    REQUIRE(left.size() == 2);
    CHECK(left[0]->days == 1);
    CHECK(left[1]->activity == "walk");
    CHECK(left[1]->side == "left");
    CHECK(prescription_for(log.prescriptions, "walk", Side::right, day("2026-12-14")) == nullptr);
}

TEST_CASE("the clinician's criterion: the last N sessions each at or under the scores, unlogged scores do not meet it") {
    const ProgressWhen when{2, 5, 2};
    Session good;
    good.pain = 1;
    good.effort = 5;
    Session sore = good;
    sore.pain = 3;
    Session unscored;
    CHECK(criterion_met(std::nullopt, {}));
    CHECK(!criterion_met(when, {&good}));
    CHECK(criterion_met(when, {&sore, &good, &good}));
    CHECK(!criterion_met(when, {&good, &sore}));
    CHECK(!criterion_met(when, {&good, &unscored}));
    CHECK(criterion_met(ProgressWhen{std::nullopt, 5, 1}, {&sore}));
}

TEST_CASE("the command line's ranges and criterion") {
    CHECK(parse_count_range("2-3")->to == 3);
    CHECK(parse_count_range("12")->from == 12);
    CHECK(!parse_count_range("2-"));
    CHECK(!parse_count_range("a-3"));
    const auto kg = parse_mass_range("0.5kg-1kg", Unit::lb);
    REQUIRE(kg);
    CHECK(kg->from.unit == Unit::kg);
    const auto bare = parse_mass_range("0.5-1 kg", Unit::lb);
    REQUIRE(bare);
    CHECK(bare->from.unit == Unit::kg);
    CHECK(bare->to.amount == doctest::Approx(1));
    CHECK(parse_mass_range("2", Unit::lb)->to.unit == Unit::lb);
    CHECK(!parse_mass_range("heavy-1kg", Unit::kg));
    const auto when = parse_progress_when("pain<=2, effort <= 5,sessions=2");
    REQUIRE(when);
    CHECK(*when->pain_at_most == 2);
    CHECK(*when->effort_at_most == 5);
    CHECK(when->sessions == 2);
    CHECK(parse_progress_when("effort<=4")->sessions == 1);
    CHECK(!parse_progress_when("sessions=2"));
    CHECK(!parse_progress_when("pain<2"));
    CHECK(!parse_progress_when("pain<=11"));
}

TEST_CASE("a written prescription reads back as itself") {
    const Log log = parse_log(issue_example, "log.toml");
    Prescription rx = log.prescriptions.front();
    rx.from = day("2026-12-01");
    rx.note = "say \"ow\"\\ and stop";
    const std::string text = to_toml(rx);
    CHECK(text.starts_with("[[prescription]]\nactivity = \"side-leg-lift\"\ndays = 3\nsets = [2, 3]\nreps = [10, 15]\n"
                           "weight = [\"0.5 kg\", \"1 kg\"]\non = \"ankle\"\nside = \"left\"\nfrom = 2026-12-01\n"
                           "progress_when = { pain_at_most = 2, effort_at_most = 5, sessions = 2 }\n"));
    const Log back = parse_log(text, "log.toml");
    REQUIRE(back.prescriptions.size() == 1);
    CHECK(back.prescriptions.front().note == rx.note);
    CHECK(back.prescriptions.front().from == rx.from);
    CHECK(to_toml(back.prescriptions.front()) == text);
}
