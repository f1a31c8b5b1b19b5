#include <doctest/doctest.h>

#include "anklog/suggest.hpp"

using namespace anklog;

TEST_CASE("typos get a suggestion / unrelated words do not") {
    const std::vector<std::string> keys{"date", "activity", "minutes", "sets", "reps", "effort", "pain", "note"};
    CHECK(*closest_match("minuts", keys) == "minutes");
    CHECK(*closest_match("mintues", keys) == "minutes");
    CHECK(*closest_match("Minutes", keys) == "minutes");
    CHECK(*closest_match("activty", keys) == "activity");
    CHECK(*closest_match("rep", keys) == "reps");
    CHECK_FALSE(closest_match("colour", keys).has_value());
    CHECK_FALSE(closest_match("x", {"walk"}).has_value());
    CHECK(did_you_mean("efort", keys, "none") == "did you mean 'effort'?");
    CHECK(did_you_mean("zzzzzz", keys, "none") == "none");
}

TEST_CASE("plurals and -ing forms get their base form / names that are themselves plural stay") {
    const std::vector<std::string> activities{"walk", "hike", "run", "jog", "dance", "stairs", "calf-raise",
                                              "lunge", "squat", "step-up", "sit-up", "side-leg-lift", "pilates"};
    CHECK(*closest_match("calf-raises", activities) == "calf-raise");
    CHECK(*closest_match("walking", activities) == "walk");
    CHECK(*closest_match("Walks", activities) == "walk");
    CHECK(*closest_match("hiking", activities) == "hike");
    CHECK(*closest_match("running", activities) == "run");
    CHECK(*closest_match("jogging", activities) == "jog");
    CHECK(*closest_match("dancing", activities) == "dance");
    CHECK(*closest_match("lunges", activities) == "lunge");
    CHECK(*closest_match("squats", activities) == "squat");
    CHECK(*closest_match("step-ups", activities) == "step-up");
    CHECK(*closest_match("side-leg-lifts", activities) == "side-leg-lift");
    CHECK(*closest_match("walked", activities) == "walk");
    CHECK(*closest_match("stair", activities) == "stairs");  // a typo's distance still works
    CHECK_FALSE(closest_match("swimming", activities).has_value());
}
