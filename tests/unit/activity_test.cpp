#include <doctest/doctest.h>

#include "anklog/activity.hpp"

using namespace anklog;

TEST_CASE("the built-in catalogue has every activity of the design / with kind and group") {
    const Catalogue catalogue;
    CHECK(catalogue.names().size() == 30);  // 29 activities and the alias jog
    CHECK(catalogue.find("walk")->kind == Kind::gait);
    CHECK(catalogue.find("pilates")->kind == Kind::mobility);
    CHECK(catalogue.find("side-leg-lift")->group == Group::hips);
    CHECK(catalogue.find("calf-raise")->group == Group::legs);
    CHECK(catalogue.find("superman")->group == Group::core);
    CHECK(catalogue.find("glute-bridge")->kind == Kind::strength);
}

TEST_CASE("names are matched forgivingly / aliases resolve to the canonical name") {
    const Catalogue catalogue;
    CHECK(catalogue.find("jog")->name == "run");
    CHECK(catalogue.find("Side leg_lift")->name == "side-leg-lift");
    CHECK(catalogue.find("WALK")->name == "walk");
    CHECK(catalogue.find("swim") == nullptr);
}

TEST_CASE("users declare their own activities / but cannot redefine built-ins") {
    Catalogue catalogue;
    CHECK_FALSE(catalogue.declare("kettle-swing", Kind::strength, Group::hips).has_value());
    CHECK(catalogue.find("kettle-swing")->group == Group::hips);
    CHECK_FALSE(catalogue.find("kettle-swing")->built_in);
    CHECK(catalogue.declare("walk", Kind::strength, Group::hips).has_value());
    CHECK(catalogue.declare("jog", Kind::gait, Group::none).has_value());
    CHECK(catalogue.declare("rower", Kind::strength, Group::none).has_value());  // strength needs a group
    CHECK(catalogue.declare("nordic-walk", Kind::gait, Group::legs).has_value());  // only strength has one
    CHECK_FALSE(catalogue.declare("nordic-walk", Kind::gait, Group::none).has_value());
}
