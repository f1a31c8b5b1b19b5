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
