#include <doctest/doctest.h>

#include "anklog/error.hpp"
#include "anklog/log.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/toml_writer.hpp"

using namespace anklog;

namespace {

// The error a text raises, as the user would see its first line.
std::string error_of(const std::string& text) {
    try {
        parse_log(text, "log.toml");
    } catch (const Error& e) {
        return e.where().to_string() + ": " + e.message() + " | " + e.advice();
    }
    return "no error";
}

const char* const design_example = R"(# anklog training log. Plain TOML: edit freely, anklog only appends.
version = 1

[profile]
units = "kg"                          # kg | lb: display unit, and unit of bare numbers
weights = ["0.5 kg", "1 kg", "1.5 kg", "2 kg"]   # weights you own, per limb (optional)
history = ["knee"]                    # past injuries: knee | hip | ankle (optional)

[[session]]
date = 2026-11-18                     # TOML local date
activity = "walk"
on = "ankle"                          # ankle (default) | wrist
weight = "1 kg"                       # per limb; absent or "0 kg" = unweighted
minutes = 15                          # timed activities
effort = 3                            # 0-10 session RPE (Foster CR-10), optional
pain = 0                              # 0-10 during/after, optional
note = "easy pace"

[[session]]
date = 2026-11-19
activity = "side-leg-lift"
weight = "1 kg"
sets = 1
reps = 12
)";

}  // namespace

TEST_CASE("the log of the design document parses / keeping each session's line") {
    const Log log = parse_log(design_example, "log.toml");
    CHECK(log.profile.units == Unit::kg);
    REQUIRE(log.profile.weights.size() == 4);
    CHECK(format_mass_exact(log.profile.weights[3]) == "2 kg");
    CHECK(log.profile.injuries == std::vector{Injury::knee});
    REQUIRE(log.sessions.size() == 2);
    const Session& walk = log.sessions[0];
    CHECK(walk.line == 9);
    CHECK(to_string(walk.date) == "2026-11-18");
    CHECK(walk.activity == "walk");
    CHECK(walk.on == Limb::ankle);
    CHECK(format_mass_exact(*walk.weight) == "1 kg");
    CHECK(walk.minutes == 15);
    CHECK(walk.effort == 3);
    CHECK(walk.pain == 0);
    CHECK(walk.note == "easy pace");
    CHECK(log.sessions[1].line == 19);
    CHECK(log.sessions[1].sets == 1);
    CHECK(log.sessions[1].reps == 12);
    CHECK_FALSE(log.sessions[1].minutes.has_value());
}

TEST_CASE("a file of sessions alone is a valid log with default profile") {
    const Log log = parse_log("[[session]]\ndate = 2026-01-02\nactivity = \"jog\"\nminutes = 5\n", "f");
    CHECK(log.profile.units == Unit::kg);
    CHECK(log.profile.weights.empty());
    REQUIRE(log.sessions.size() == 1);
    CHECK(log.sessions[0].activity == "run");
    CHECK_FALSE(log.sessions[0].weighted());
    CHECK(parse_log("", "empty").sessions.empty());
}

TEST_CASE("bare numbers are in the profile's unit") {
    const Log log = parse_log("[profile]\nunits = \"lb\"\n[[session]]\ndate = 2026-01-02\nactivity = \"walk\"\n"
                              "weight = 2\nminutes = 5\n[[session]]\ndate = 2026-01-03\nactivity = \"walk\"\n"
                              "weight = 1.5\nminutes = 5\n",
                              "f");
    REQUIRE(log.sessions.size() == 2);
    REQUIRE(log.sessions[0].weight.has_value());
    REQUIRE(log.sessions[1].weight.has_value());
    CHECK(format_mass_exact(*log.sessions[0].weight) == "2 lb");
    CHECK(format_mass_exact(*log.sessions[1].weight) == "1.5 lb");
}

TEST_CASE("user-declared activities are accepted with their kind and group") {
    const Log log = parse_log("[activities]\n\"kettle-swing\" = { kind = \"strength\", group = \"hips\" }\n"
                              "[[session]]\ndate = 2026-01-02\nactivity = \"kettle-swing\"\nsets = 2\nreps = 8\n",
                              "f");
    const Activity* swing = log.catalogue.find("kettle-swing");
    REQUIRE(swing != nullptr);
    CHECK(swing->kind == Kind::strength);
    REQUIRE(log.sessions.size() == 1);
    CHECK(log.sessions[0].activity == "kettle-swing");
}

TEST_CASE("sessions may be in any order in the file - in_date_order sorts them stably") {
    const Log log = parse_log(
        "[[session]]\ndate = 2026-01-05\nactivity = \"walk\"\nminutes = 1\n"
        "[[session]]\ndate = 2026-01-02\nactivity = \"walk\"\nminutes = 2\n"
        "[[session]]\ndate = 2026-01-05\nactivity = \"walk\"\nminutes = 3\n",
        "f");
    const auto ordered = in_date_order(log);
    REQUIRE(ordered.size() == 3);
    CHECK(ordered[0]->minutes == 2);
    CHECK(ordered[1]->minutes == 1);
    CHECK(ordered[2]->minutes == 3);
}

TEST_CASE("[rules] switches rules off and overrides thresholds of the rule table") {
    const Log log = parse_log("[rules]\noff = [\"monotony\"]\n[rules.volume-spike]\nwarning = 0.4\n", "f");
    CHECK_FALSE(log.rules.enabled(RuleId::monotony));
    CHECK(log.rules.enabled(RuleId::pain));
    CHECK(log.rules.value(Knob::volume_spike_warning) == doctest::Approx(0.4));
    CHECK(log.rules.value(Knob::volume_spike_danger) == doctest::Approx(1.0));  // the table's default
}

TEST_CASE("a bad [rules] setting is a located error with a suggestion") {
    CHECK(error_of("[rules]\noff = [\"monotonny\"]\n") == "log.toml:2:8: unknown rule 'monotonny' | did you mean 'monotony'?");
    CHECK(error_of("[rules.volume-spik]\nwarning = 0.4\n") ==
          "log.toml:1:1: unknown rule 'volume-spik' | did you mean 'volume-spike'?");
    CHECK(error_of("[rules.volume-spike]\nwarnin = 0.4\n") ==
          "log.toml:2:1: rule 'volume-spike' has no threshold 'warnin' | did you mean 'warning'?");
    CHECK(error_of("[rules.volume-spike]\nwarning = -1\n") ==
          "log.toml:2:11: volume-spike.warning must be a number from 0 to 100 | increase that is a warning (default 0.3)");
    CHECK(error_of("[rules.long-wear]\nmax_minutes = \"lots\"\n") ==
          "log.toml:2:15: long-wear.max_minutes must be a number from 1 to 600 | most weighted minutes in one day "
          "(default 120)");
    CHECK(error_of("[rules.ankle-weights-running]\nx = 1\n") ==
          "log.toml:2:1: rule 'ankle-weights-running' has no threshold 'x' | 'ankle-weights-running' has no "
          "thresholds; switch it off with off = [\"ankle-weights-running\"]");
}

TEST_CASE("malformed TOML is located") {
    CHECK(error_of("version = 1\n[[session]]\ndate = 2026-11-18\nactivity = \"walk\nminutes = 3\n") ==
          "log.toml:4:17: Error while parsing string: unescaped control characters other than TAB (U+0009) are "
          "explicitly prohibited | this is not valid TOML there; fix that spot (toml.io describes the format)");
    CHECK(error_of("[[session]]\ndate = 2026-11-18\ndate = 2026-11-19\n") ==
          "log.toml:3:8: Error while parsing key-value pair: cannot redefine existing date 'date' | this is not "
          "valid TOML there; fix that spot (toml.io describes the format)");
}

TEST_CASE("unknown keys are errors with a suggestion / at the key") {
    CHECK(error_of("[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminuts = 15\n") ==
          "log.toml:4:1: unknown key 'minuts' in [[session]] | did you mean 'minutes'?");
    CHECK(error_of("[profile]\nunit = \"kg\"\n") == "log.toml:2:1: unknown key 'unit' in [profile] | did you mean 'units'?");
    CHECK(error_of("verison = 1\n") == "log.toml:1:1: unknown key 'verison' at the top of the log | did you mean 'version'?");
    CHECK(error_of("colour = 1\n") ==
          "log.toml:1:1: unknown key 'colour' at the top of the log | known keys here: version, profile, "
          "activities, rules, session, planned, pain, equipment, prescription");
}

TEST_CASE("unknown activities are errors with a suggestion") {
    CHECK(error_of("[[session]]\ndate = 2026-11-18\nactivity = \"wlak\"\nminutes = 15\n") ==
          "log.toml:3:12: unknown activity \"wlak\" | did you mean 'walk'?");
    CHECK(error_of("[[session]]\ndate = 2026-11-18\nactivity = \"swimming\"\nminutes = 15\n") ==
          "log.toml:3:12: unknown activity \"swimming\" | declare it under [activities], e.g. \"swimming\" = { kind "
          "= \"strength\", group = \"hips\" }");
}

TEST_CASE("every field is range-checked / at its value") {
    const auto session = [](const std::string& field) {
        return "[[session]]\ndate = 2026-11-18\nactivity = \"side-leg-lift\"\nsets = 1\nreps = 10\n" + field + "\n";
    };
    CHECK(error_of(session("weight = \"21 kg\"")) ==
          "log.toml:6:10: weight 21 kg is out of range | a weight per limb is 0.1 kg (0.22 lb) to 20 kg (44 lb); 0 means unweighted");
    CHECK(error_of(session("weight = \"45 lb\"")) ==
          "log.toml:6:10: weight 45 lb is out of range | a weight per limb is 0.1 kg (0.22 lb) to 20 kg (44 lb); 0 means unweighted");
    CHECK(error_of(session("weight = -1")) ==
          "log.toml:6:10: 'weight' must be a weight of 0 or more | write a weight like 1kg, \"1.5 kg\", 500g or 2lb; a bare "
          "number means kg");
    CHECK(error_of(session("weight = nan")) ==
          "log.toml:6:10: 'weight' must be a weight of 0 or more | write a weight like 1kg, \"1.5 kg\", 500g or 2lb; a bare "
          "number means kg");
    CHECK(error_of(session("weight = \"heavy\"")) ==
          "log.toml:6:10: 'weight' is not a weight: \"heavy\" | write a weight like 1kg, \"1.5 kg\", 500g or 2lb; a bare "
          "number means kg");
    CHECK(error_of(session("effort = 11")) == "log.toml:6:10: effort 11 is out of range | effort (0 = rest, 10 = maximal) must be 0 to 10");
    CHECK(error_of(session("pain = -1")) == "log.toml:6:8: pain -1 is out of range | pain (0 = none, 10 = worst) must be 0 to 10");
    CHECK(error_of(session("on = \"knee\"")) == "log.toml:6:6: unknown limb \"knee\" | on is \"ankle\" or \"wrist\"");
    CHECK(error_of(session("note = 3")) ==
          "log.toml:6:8: 'note' must be a string, not a whole number | put the value in double quotes, e.g. note = "
          "\"...\"");
    CHECK(error_of("[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 601\n") ==
          "log.toml:4:11: minutes 601 is out of range | minutes must be 1 to 600");
    CHECK(error_of("[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 0\n") ==
          "log.toml:4:11: minutes 0 is out of range | minutes must be 1 to 600");
    CHECK(error_of("[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 9223372036854775807\n") ==
          "log.toml:4:11: minutes 9223372036854775807 is out of range | minutes must be 1 to 600");
    CHECK(error_of("[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 15.5\n") ==
          "log.toml:4:11: 'minutes' must be a whole number, not a number | write it without quotes or decimals, e.g. "
          "minutes = 10");
    CHECK(error_of("[[session]]\ndate = 2026-11-18\nactivity = \"squat\"\nsets = 21\nreps = 5\n") ==
          "log.toml:4:8: sets 21 is out of range | sets must be 1 to 20");
    CHECK(error_of("[[session]]\ndate = 2026-11-18\nactivity = \"squat\"\nsets = 2\nreps = 201\n") ==
          "log.toml:5:8: reps 201 is out of range | reps per set must be 1 to 200");
}

TEST_CASE("a session needs the volume its kind is measured in") {
    CHECK(error_of("[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\n") ==
          "log.toml:1:1: walk needs minutes | add how long it took, e.g. minutes = 20");
    CHECK(error_of("[[session]]\ndate = 2026-11-18\nactivity = \"squat\"\nsets = 2\n") ==
          "log.toml:1:1: squat needs sets and reps | add both, e.g. sets = 1 and reps = 10");
    CHECK(error_of("[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 5\nreps = 3\n") ==
          "log.toml:5:8: walk is timed (gait); it has no sets or reps | log how long it took in minutes instead");
}

TEST_CASE("dates must be TOML local dates") {
    CHECK(error_of("[[session]]\ndate = \"2026-11-18\"\nactivity = \"walk\"\nminutes = 5\n") ==
          "log.toml:2:8: the date is in quotes, so TOML reads it as text | remove the quotes: date = 2026-11-18");
    CHECK(error_of("[[session]]\ndate = 2026-11-18T10:00:00\nactivity = \"walk\"\nminutes = 5\n") ==
          "log.toml:2:8: the date has a time of day | write the day only, e.g. date = 2026-11-18");
    CHECK(error_of("[[session]]\nactivity = \"walk\"\nminutes = 5\n") ==
          "log.toml:1:1: this session has no date | add a line like date = 2026-11-18");
    CHECK(error_of("[[session]]\ndate = 2026-11-18\nminutes = 5\n") ==
          "log.toml:1:1: this session has no activity | add a line like activity = \"walk\"");
}

TEST_CASE("a newer format version is refused / naming both versions") {
    CHECK(error_of("version = 2\n") ==
          "log.toml:1:11: this log is format version 2, newer than this anklog reads (version 1) | upgrade anklog "
          "to read it; your log has not been changed");
    CHECK(error_of("version = 0\n") == "log.toml:1:11: unknown log format version 0 | write version = 1");
}

TEST_CASE("structure mistakes are explained") {
    CHECK(error_of("[session]\ndate = 2026-11-18\n") ==
          "log.toml:1:1: 'session' must be a list of [[session]] blocks | start each session with [[session]] "
          "(double brackets)");
    CHECK(error_of("profile = 3\n") == "log.toml:1:11: 'profile' must be a table, not a whole number | write it as a [profile] section");
    CHECK(error_of("[profile]\nunits = \"stone\"\n") == "log.toml:2:9: unknown unit \"stone\" | units is \"kg\" or \"lb\"");
    CHECK(error_of("[profile]\nhistory = [\"kne\"]\n") ==
          "log.toml:2:12: unknown injury \"kne\" in history | did you mean 'knee'?");
    CHECK(error_of("[activities]\nwalk = { kind = \"gait\" }\n") ==
          "log.toml:2:1: cannot declare activity 'walk' | 'walk' is a built-in activity; pick another name");
    CHECK(error_of("[activities]\nrow = { kind = \"strenght\", group = \"hips\" }\n") ==
          "log.toml:2:16: unknown kind \"strenght\" | did you mean 'strength'?");
}

TEST_CASE("[[planned]] blocks are planned sessions, never sessions done") {
    const Log log = parse_log(
        "[[session]]\ndate = 2026-11-02\nactivity = \"walk\"\nminutes = 10\n"
        "[[planned]]\ndate = 2026-11-09\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 12\n",
        "log.toml");
    REQUIRE(log.sessions.size() == 1);
    REQUIRE(log.planned.size() == 1);
    CHECK(log.planned[0].line == 5);
    CHECK(log.planned[0].minutes == 12);
    // What a plan does not prescribe has no place in a planned block.
    CHECK(error_of("[[planned]]\ndate = 2026-11-09\nactivity = \"walk\"\nminutes = 12\npain = 2\n") ==
          "log.toml:5:1: unknown key 'pain' in [[planned]] | known keys here: date, activity, on, weight, minutes, "
          "sets, reps, side");
    CHECK(error_of("[[planned]]\ndate = 2026-11-09\nactivity = \"walk\"\n") ==
          "log.toml:1:1: walk needs minutes | add how long it took, e.g. minutes = 20");
}

TEST_CASE("the plan in effect for a week is its latest save") {
    const std::string first =
        "# anklog plan for the week of 2026-11-09\n"
        "[[planned]]\ndate = 2026-11-09\nactivity = \"walk\"\nminutes = 10\n"
        "[[planned]]\ndate = 2026-11-11\nactivity = \"walk\"\nminutes = 10\n";
    const std::string again =
        "# anklog plan for the week of 2026-11-09\n"
        "[[planned]]\ndate = 2026-11-10\nactivity = \"walk\"\nminutes = 11\n";
    const std::string other_week =
        "# anklog plan for the week of 2026-11-16\n"
        "[[planned]]\ndate = 2026-11-16\nactivity = \"walk\"\nminutes = 12\n";
    const auto minutes = [](const Log& log) {
        std::vector<int> out;
        for (const Session* s : planned_in_effect(log)) out.push_back(s->minutes.value_or(0));
        return out;
    };
    CHECK(minutes(parse_log(first, "f")) == std::vector{10, 10});
    CHECK(minutes(parse_log(first + again, "f")) == std::vector{11});
    CHECK(minutes(parse_log(first + other_week + again, "f")) == std::vector{11, 12});
    // A later save of a rest week leaves nothing planned that week.
    CHECK(minutes(parse_log(first + "# anklog plan for the week of 2026-11-09\n", "f")).empty());
    // Planned blocks written by hand, with no such line, all count.
    CHECK(minutes(parse_log("[[planned]]\ndate = 2026-11-09\nactivity = \"walk\"\nminutes = 9\n", "f")) ==
          std::vector{9});
}

TEST_CASE("a rest week's save is its marker line alone, with or without planned blocks in the log") {
    const std::string walk = "[[session]]\ndate = 2026-10-30\nactivity = \"walk\"\nminutes = 20\n";
    const std::string rest = "\n# anklog plan for the week of 2026-11-02\n# a rest week: nothing is planned\n";
    const Log log = parse_log(walk + rest, "f");
    REQUIRE(log.plan_saves.size() == 1);
    CHECK(to_string(log.plan_saves[0].monday) == "2026-11-02");
    CHECK(log.plan_saves[0].line == 6);
    REQUIRE(saved_rest_weeks(log).size() == 1);
    CHECK(saved_rest_weeks(log)[0].line == 6);
    // A week planned, then saved again as a rest week: the rest week is in effect.
    const std::string planned = "# anklog plan for the week of 2026-11-02\n"
                                "[[planned]]\ndate = 2026-11-02\nactivity = \"walk\"\nminutes = 10\n";
    const Log again = parse_log(walk + planned + rest, "f");
    CHECK(planned_in_effect(again).empty());
    CHECK(saved_rest_weeks(again).size() == 1);
    // ...and planned again after the rest week: that plan is.
    const Log replanned = parse_log(walk + rest + planned, "f");
    CHECK(planned_in_effect(replanned).size() == 1);
    CHECK(saved_rest_weeks(replanned).empty());
}

TEST_CASE("a marker line inside a string is text, not a save: the plan saved stays in effect") {
    const std::string planned = "# anklog plan for the week of 2026-11-23\n"
                                "[[planned]]\ndate = 2026-11-23\nactivity = \"walk\"\nminutes = 13\n"
                                "[[planned]]\ndate = 2026-11-25\nactivity = \"walk\"\nminutes = 13\n";
    const std::string note = "[[session]]\ndate = 2026-11-23\nactivity = \"walk\"\nminutes = 10\n"
                             "note = \"\"\"what plan said:\n# anklog plan for the week of 2026-11-23\nthat was it\"\"\"\n";
    // Read block by block, and whole (a table after the blocks).
    for (const std::string& tail : {std::string(), std::string("[activities]\n")}) {
        CAPTURE(tail);
        const Log log = parse_log(planned + note + tail, "f");
        CHECK(log.plan_saves.size() == 1);
        CHECK(planned_in_effect(log).size() == 2);
        CHECK(saved_rest_weeks(log).empty());
    }
    // Where anklog writes it, the line is a save however the log is laid out.
    const Log whole = parse_log(planned + "[activities]\n# anklog plan for the week of 2026-11-23\n", "f");
    REQUIRE(whole.plan_saves.size() == 2);
    CHECK(whole.plan_saves[1].line == 11);
    CHECK(planned_in_effect(whole).empty());
}

TEST_CASE("a log's identity is its first line '# anklog id' with 32 lowercase hex digits, never one in a string") {
    const std::string walk = "[[session]]\ndate = 2026-10-30\nactivity = \"walk\"\nminutes = 20\n";
    const std::string id = "0123456789abcdef0123456789abcdef";
    CHECK(parse_log(walk, "f").id.empty());
    CHECK(parse_log(walk + "# anklog id " + id + "\n", "f").id == id);
    CHECK(parse_log("# anklog id " + id + " (keep this line)\n" + walk + "# anklog id " + std::string(32, 'f') + "\n", "f")
              .id == id);
    // Not an identity: too short, too long, capitals, not at the start of a line, in a string.
    CHECK(parse_log(walk + "# anklog id 0123\n", "f").id.empty());
    CHECK(parse_log(walk + "# anklog id " + id + "0\n", "f").id.empty());
    CHECK(parse_log(walk + "# anklog id 0123456789ABCDEF0123456789abcdef\n", "f").id.empty());
    CHECK(parse_log("[[session]]\ndate = 2026-10-30\nactivity = \"walk\"\nminutes = 20  # anklog id " + id + "\n", "f")
              .id.empty());
    CHECK(parse_log(walk + "note = \"\"\"\n# anklog id " + id + "\n\"\"\"\n", "f").id.empty());
    // toml_writer's line reads back.
    CHECK(parse_log(walk + log_id_line(id), "f").id == id);
}

TEST_CASE("parse_catalogue reads the activities declared in the header, and the whole log where it must") {
    const std::string walk = "[[session]]\ndate = 2026-10-30\nactivity = \"walk\"\nminutes = 20\n";
    const std::string declared = "[activities]\n\"kettle-swing\" = { kind = \"strength\", group = \"hips\" }\n";
    CHECK(parse_catalogue(declared + walk, "f").find("kettle-swing") != nullptr);
    // Declared after the blocks: the whole log is read.
    CHECK(parse_catalogue(walk + declared, "f").find("kettle-swing") != nullptr);
    // The blocks are not read when the header says it all: a wrong session does not matter...
    CHECK(parse_catalogue(declared + walk + "[[session]]\nminutes = \"x\"\n", "f").find("kettle-swing") != nullptr);
    // ...but a wrong header does.
    CHECK_THROWS_AS((void)parse_catalogue("version = [\n" + walk, "f"), Error);
    // A header cut inside a multi-line string is read whole.
    const std::string cut = "[profile]\nname = '''\n[[session]]'''\n" + declared + walk;
    CHECK(parse_log(cut, "f").profile.name == "[[session]]");
    CHECK(parse_catalogue(cut, "f").find("kettle-swing") != nullptr);
}

TEST_CASE("side = \"left\" | \"right\" on [[session]] and [[planned]] - absent: both sides - anything else a located error") {
    const std::string text =
        "[[session]]\ndate = 2026-11-18\nactivity = \"side-leg-lift\"\nweight = \"0.5 kg\"\nsets = 2\nreps = 12\n"
        "side = \"left\"\n"
        "[[session]]\ndate = 2026-11-18\nactivity = \"side-leg-lift\"\nside = 'right'\nweight = \"1.5 kg\"\nsets = 2\n"
        "reps = 12\n"
        "[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 10\n"
        "[[planned]]\ndate = 2026-11-20\nactivity = \"side-leg-lift\"\nweight = \"0.5 kg\"\nsets = 2\nreps = 12\n"
        "side = \"left\"\n";
    const Log log = parse_log(text, "log.toml");
    REQUIRE(log.sessions.size() == 3);
    CHECK(log.sessions[0].side == Side::left);
    CHECK(log.sessions[1].side == Side::right);
    CHECK(log.sessions[2].side == Side::both);
    REQUIRE(log.planned.size() == 1);
    CHECK(log.planned[0].side == Side::left);
    // toml++ reads it the same (a block of its own shape, not the fast reader's).
    const Log slow = parse_log("[[session]]\ndate = 2026-11-18\nactivity = \"side-leg-lift\"\nsets = 2\nreps = 12\n"
                               "side = \"right\"\n\"note\" = \"x\"\n",
                               "log.toml");
    CHECK(slow.sessions.at(0).side == Side::right);

    const auto session = [](const std::string& field) {
        return "[[session]]\ndate = 2026-11-18\nactivity = \"side-leg-lift\"\nsets = 1\nreps = 10\n" + field + "\n";
    };
    CHECK(error_of(session("side = \"both\"")) ==
          "log.toml:6:8: unknown side \"both\" | side is \"left\" or \"right\", or leave it out for both sides");
    CHECK(error_of(session("side = \"Left\"")) ==
          "log.toml:6:8: unknown side \"Left\" | side is \"left\" or \"right\", or leave it out for both sides");
    CHECK(error_of(session("side = 1")).starts_with("log.toml:6:8: 'side' must be"));
}

TEST_CASE("history may name the side of an injury: \"left knee\" - a joint alone is both sides") {
    const Log log = parse_log("[profile]\nhistory = [\"left knee\", \"right hip\", \"ankle\"]\n", "log.toml");
    CHECK(log.profile.injuries == std::vector{Injury::left_knee, Injury::right_hip, Injury::ankle});
    CHECK(log.profile.injured_side() == Side::both);
    CHECK(parse_log("[profile]\nhistory = [\"left knee\", \"left hip\"]\n", "log.toml").profile.injured_side() ==
          Side::left);
    CHECK(parse_log("[profile]\nhistory = [\"knee\"]\n", "log.toml").profile.injured_side() == Side::both);
    CHECK(error_of("[profile]\nhistory = [\"lft knee\"]\n").starts_with(
        "log.toml:2:12: unknown injury \"lft knee\" in history | did you mean 'left knee'?"));
}
