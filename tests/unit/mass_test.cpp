#include <doctest/doctest.h>

#include "anklog/mass.hpp"
#include "anklog/profile.hpp"

using namespace anklog;

TEST_CASE("masses are read the ways people write them") {
    CHECK(parse_mass("1 kg", Unit::kg)->kg() == doctest::Approx(1.0));
    CHECK(parse_mass("1kg", Unit::lb)->kg() == doctest::Approx(1.0));
    CHECK(parse_mass("1.5 kg", Unit::kg)->amount == doctest::Approx(1.5));
    CHECK(parse_mass(" 2 lb ", Unit::kg)->unit == Unit::lb);
    CHECK(parse_mass("2 lbs", Unit::kg)->kg() == doctest::Approx(2 * kilograms_per_pound));
    CHECK(parse_mass("2 LBS", Unit::kg)->unit == Unit::lb);
    CHECK(parse_mass("3", Unit::lb)->unit == Unit::lb);
    CHECK(parse_mass("3", Unit::kg)->unit == Unit::kg);
    CHECK(parse_mass(".5kg", Unit::kg)->amount == doctest::Approx(0.5));
    CHECK(parse_mass("0 kg", Unit::kg)->is_zero());
}

TEST_CASE("anything else is not a mass") {
    for (const char* bad : {"", "kg", "-1 kg", "1 stone", "1..5kg", "1e3 kg", "nan", "inf", "one kg", "1 kg kg",
                            "1,5 kg", "+1kg"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_mass(bad, Unit::kg).has_value());
    }
}

TEST_CASE("masses are shown in the profile's unit / without noise") {
    CHECK(format_mass(Mass{1, Unit::kg}, Unit::kg) == "1 kg");
    CHECK(format_mass(Mass{1.5, Unit::kg}, Unit::kg) == "1.5 kg");
    CHECK(format_mass(Mass{0.25, Unit::kg}, Unit::kg) == "0.25 kg");
    CHECK(format_mass(Mass{2, Unit::lb}, Unit::lb) == "2 lb");
    CHECK(format_mass(Mass{1, Unit::kg}, Unit::lb) == "2.2 lb");
    CHECK(format_mass(Mass{2, Unit::lb}, Unit::kg) == "0.91 kg");
    CHECK(format_mass_exact(Mass{2, Unit::lb}) == "2 lb");
    CHECK(format_mass(Mass{1e26, Unit::kg}, Unit::kg) == "1e+26 kg");  // only ever in an error message
}

TEST_CASE("the same weight in different units compares equal") {
    CHECK(compare(Mass{1, Unit::kg}, Mass{1 / kilograms_per_pound, Unit::lb}) == 0);
    CHECK(compare(Mass{1, Unit::kg}, Mass{2, Unit::lb}) > 0);
    CHECK(compare(Mass{0.5, Unit::kg}, Mass{1, Unit::kg}) < 0);
}

TEST_CASE("weight steps: the next weight owned / else 0.5 kg or 1 lb") {
    Profile none;
    CHECK(compare(*next_weight_up(none, Mass{1, Unit::kg}), Mass{1.5, Unit::kg}) == 0);
    CHECK(compare(lightest_weight(none), Mass{0.5, Unit::kg}) == 0);

    Profile pounds;
    pounds.units = Unit::lb;
    CHECK(compare(*next_weight_up(pounds, Mass{2, Unit::lb}), Mass{3, Unit::lb}) == 0);
    CHECK(compare(lightest_weight(pounds), Mass{1, Unit::lb}) == 0);

    Profile owner;
    owner.weights = {Mass{0.5, Unit::kg}, Mass{1, Unit::kg}, Mass{2, Unit::kg}};
    CHECK(compare(*next_weight_up(owner, Mass{1, Unit::kg}), Mass{2, Unit::kg}) == 0);
    CHECK(compare(*next_weight_up(owner, Mass{0, Unit::kg}), Mass{0.5, Unit::kg}) == 0);
    CHECK_FALSE(next_weight_up(owner, Mass{2, Unit::kg}).has_value());
    CHECK(compare(*next_weight_down(owner, Mass{2, Unit::kg}), Mass{1, Unit::kg}) == 0);
    CHECK_FALSE(next_weight_down(owner, Mass{0.5, Unit::kg}).has_value());
    CHECK(compare(*next_weight_down(none, Mass{1.5, Unit::kg}), Mass{1, Unit::kg}) == 0);
    CHECK_FALSE(next_weight_down(none, Mass{0.5, Unit::kg}).has_value());
    CHECK(compare(*next_weight_down(pounds, Mass{3, Unit::lb}), Mass{2, Unit::lb}) == 0);
    CHECK(compare(lightest_weight(owner), Mass{0.5, Unit::kg}) == 0);
}
