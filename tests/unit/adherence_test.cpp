// Planned vs done: matching the plan in effect to the sessions done.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "anklog/adherence.hpp"
#include "anklog/log_parser.hpp"

using namespace anklog;

namespace {

std::string block(std::string_view kind, std::string_view date, std::string_view activity, int minutes) {
    return fmt::format("[[{}]]\ndate = {}\nactivity = \"{}\"\nminutes = {}\n", kind, date, activity, minutes);
}

}  // namespace

TEST_CASE("a planned session is done by a session of the same activity on the same date / each session does one") {
    const Log log = parse_log("# anklog plan for the week of 2026-11-23\n" +
                                  block("planned", "2026-11-23", "walk", 10) + block("planned", "2026-11-23", "walk", 10) +
                                  block("planned", "2026-11-25", "walk", 10) + block("planned", "2026-11-27", "yoga", 20) +
                                  block("session", "2026-11-23", "walk", 12) +  // done, longer: still done
                                  block("session", "2026-11-24", "walk", 10) +  // a day late: not the planned one
                                  block("session", "2026-11-27", "pilates", 20),  // another activity
                              "log.toml");
    const std::vector<PlannedStatus> status = match_planned(log);
    REQUIRE(status.size() == 4);
    CHECK(status[0].done == &log.sessions[0]);
    CHECK(status[1].done == nullptr);  // the one walk that day did the first planned walk only
    CHECK(status[2].done == nullptr);
    CHECK(status[3].done == nullptr);

    const std::vector<WeekAdherence> weeks = adherence_by_week(log);
    REQUIRE(weeks.size() == 1);
    CHECK(weeks[0].monday == *parse_iso_date("2026-11-23"));
    CHECK(weeks[0].planned_count() == 4);
    CHECK(weeks[0].planned_done() == 1);
    CHECK(weeks[0].sessions == 3);
}

TEST_CASE("adherence follows the plan in effect - a re-planned week counts its latest save / weeks without a plan are left out") {
    const Log log = parse_log("# anklog plan for the week of 2026-11-16\n" + block("planned", "2026-11-16", "walk", 10) +
                                  block("planned", "2026-11-18", "walk", 10) +
                                  "# anklog plan for the week of 2026-11-16\n" + block("planned", "2026-11-17", "walk", 11) +
                                  block("session", "2026-11-09", "walk", 9) + block("session", "2026-11-17", "walk", 11) +
                                  block("session", "2026-11-18", "walk", 10),
                              "log.toml");
    const std::vector<WeekAdherence> weeks = adherence_by_week(log);
    REQUIRE(weeks.size() == 1);
    CHECK(weeks[0].planned_count() == 1);
    CHECK(weeks[0].planned_done() == 1);
    CHECK(weeks[0].sessions == 2);
    CHECK(adherence_by_week(parse_log(block("session", "2026-11-17", "walk", 11), "log.toml")).empty());
}
